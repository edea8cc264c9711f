// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"
#include "model/SymbolMap.h"
#include "util/Result.h"

#include "BarBlocks.h"
#include "BarRowCodec.h"
#include "LogBucket.h"
#include "LogIndex.h"
#include "RowGrouping.h"
#include "SqliteDatabase.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace Storage {

/// A stored record of a symbol and its place in the order records arrived.
struct ArrivedTick
{
    std::int64_t seq = 0;
    Model::Tick tick;

    /// A stored row's record (without its symbol).
    static ArrivedTick of(const BarRow &r)
    {
        ArrivedTick a;
        a.seq = r.seq;
        a.tick.timestamp = r.timestamp;
        a.tick.open = r.open;
        a.tick.high = r.high;
        a.tick.low = r.low;
        a.tick.close = r.close;
        a.tick.volume = r.volume;
        return a;
    }
};

/// How the storage writer stores bars (the contract's tick records), on its connection and inside its
/// transactions.
///
/// `bar_blocks` keeps every symbol's bars side by side in time order, a few hundred to a value
/// (BarBlocks.h), so a chart or a query of one symbol reads a few pages. Writing there costs a block per
/// symbol touched, though: a commit of 8,000 records spread over 5,000 symbols would write some 5,000
/// tiny blocks. So a symbol with only a few rows in a commit has them appended to the active log instead,
/// and a symbol with a run of rows goes straight into blocks. A log keeps a commit's rows of one bucket
/// (bucketOf()) as one value in the same compact form (BarRowCodec.h; SQL reads both through
/// `bar_rows(data)`), so a commit over thousands of symbols writes at most LogBuckets values. When the
/// active log is full it is frozen, the other log takes the appends, and the frozen one moves into blocks
/// in symbol order, a slice per commit, a block per symbol in the slice. Readers see every row exactly
/// once: a log's rows up to its mark (merged_through, merged_ts, merged_seq: a row in symbol, time,
/// sequence order) are already in blocks, and the mark moves in the transaction that moves the rows.
class BarStore final
{
public:
    /// Rows of one symbol in one commit from which they go straight into blocks.
    static constexpr std::size_t DirectRun = 16;
    /// A log's rows are spread over this many buckets by symbol id, so reading one symbol from a log
    /// scans one bucket, while a commit still appends to at most this many places. Each place is a page of the
    /// logs' index written again by every commit: at thousands of symbols, 64 buckets made the commits' WAL
    /// pages three times the one-symbol case's (schema 20 went to 16).
    static constexpr int LogBuckets = 16;

    /// Consecutive symbol ids that share a log bucket.
    static constexpr int IdsPerBucket = 16;
    /// A symbol's log bucket: IdsPerBucket consecutive ids share one, so that a bucket's symbols, moved in id
    /// order, find their blocks' index entries side by side.
    static std::int64_t bucketOf(std::int64_t symbolId) { return symbolId / IdsPerBucket % LogBuckets; }
    /// bucketOf() in SQL, of the expression `symbol`.
    static QByteArray bucketSql(const QByteArray &symbol);

    static Util::Result<std::unique_ptr<BarStore>> open(SqliteDatabase &db, std::size_t logMergeRows);
    /// Schema step 20: the logs' values go from 64 buckets to LogBuckets. A value's rows share one old bucket,
    /// so the value moves whole (old bucket modulo LogBuckets); a frozen log's rows already moved into blocks
    /// (up to its mark, which orders by the old buckets) leave it, and its move starts again.
    static Util::Status toSixteenBuckets(SqliteDatabase &db);

    /// SQL for one symbol's rows in all three tables, each counted once: `SELECT columns` from the blocks that
    /// may hold rows within `bounds` and from each log (its bucket only, without the rows already moved),
    /// `UNION ALL`. Parameter ?1 is the symbol's id, `?bucketParameter` its bucket; `where` adds conditions on
    /// the rows' columns.
    static QByteArray symbolRowsSql(const QByteArray &columns, const QByteArray &where, int bucketParameter,
                                    BarBlocks::Bounds bounds);
    /// The logs' part of symbolRowsSql().
    static QByteArray logRowsSql(const QByteArray &columns, const QByteArray &where, int bucketParameter);
    /// SQL for the oldest (`function` min) or newest (max) time of one symbol's rows, as symbolRowsSql()
    /// selects them: only the blocks that can hold the answer are read.
    static QByteArray symbolTimeSql(const char *function, const QByteArray &where, int bucketParameter,
                                    BarBlocks::Bounds bounds);
    /// SQL true for a row of `log` not yet moved into blocks: its symbol id is `symbol`, its time and
    /// sequence the columns `prefix`ts_us and `prefix`seq.
    static QByteArray notMovedSql(int log, const QByteArray &symbol, const QByteArray &prefix);
    /// The columns readArrivals() takes, in its order.
    static constexpr const char *ArrivalColumns = "seq, ts_us, open, high, low, close, volume";
    /// Steps `st` (bound, selecting ArrivalColumns) to its end and resets it; `out` gets the records in the
    /// order they arrived, each with `symbol`. Empty, or the database's error.
    static QString readArrivals(Statement &st, SqliteDatabase &db, const Model::Symbol &symbol,
                                std::vector<ArrivedTick> &out);
    /// The record of `st`'s current row, which selects ArrivalColumns.
    static ArrivedTick arrivalAt(const Statement &st);
    /// Puts `records` of one symbol in the order they arrived (by sequence, then placeBackfilled()).
    static QString putInArrivalOrder(SqliteDatabase &db, std::vector<ArrivedTick> &records);
    /// Puts the records a history refresh stored (history_backfills) of `out`, which is in arrival order, where
    /// they would have been had they arrived in time: each before the first record that arrived with a later
    /// time. So a filled gap joins the bars around it, and the records that were late stay late.
    static QString placeBackfilled(SqliteDatabase &db, std::vector<ArrivedTick> &out);
    /// The last row of a frozen log already in blocks, in (bucket, symbol id, time, sequence) order: a frozen
    /// log moves a bucket at a time, each bucket's rows in symbol and time order. No row is before the empty
    /// mark.
    struct Mark
    {
        std::int64_t bucket = -1;
        std::int64_t symbolId = -1;
        std::int64_t timestamp = 0;
        std::int64_t seq = 0;

        static Mark of(const BarRow &r) { return {bucketOf(r.symbolId), r.symbolId, r.timestamp, r.seq}; }
        /// Whether `r` is after the mark, so not in blocks yet.
        bool before(const BarRow &r) const
        {
            const std::int64_t b = bucketOf(r.symbolId);
            return std::tie(bucket, symbolId, timestamp, seq) < std::tie(b, r.symbolId, r.timestamp, r.seq);
        }
    };
    /// Log `log`'s mark as stored in bars_logs (bucket -1: nothing of it moved).
    static Mark readMark(SqliteDatabase &db, int log);
    /// How far a log's values were read, when they are read a part at a time (the statement selects the row id as
    /// its second column, after `after`, in row id order: LogIndex::bucketValuesSql()).
    struct LogCursor
    {
        std::size_t budget = 0;  ///< rows to read at least, then stop after the value that reached it
        std::size_t read = 0;    ///< rows the last call read
        std::int64_t after = -1; ///< row id of the last value read
        bool complete = false;   ///< the last value has been read
    };
    /// Steps `values` (bound to one bucket of log `log`, selecting its values) to its end, or with `cursor` until
    /// its budget is read, and resets it, calling `row` with each row after `moved`. Empty, or what went wrong.
    template<typename F>
    static QString forEachLogRow(SqliteDatabase &db, Statement &values, int log, const Mark &moved, F &&row,
                                 LogCursor *cursor = nullptr)
    {
        Step rc{};
        bool damaged = false;
        std::size_t read = 0;
        while (!damaged && (!cursor || read < cursor->budget) && (rc = values.step()) == Step::Row) {
            const QByteArrayView value = values.columnBlob(0);
            if (cursor)
                cursor->after = values.columnInt64(1);
            BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
            for (BarRow r; reader.next(r); ++read)
                if (moved.before(r))
                    row(r);
            damaged = reader.failed();
        }
        values.reset();
        if (damaged)
            return QStringLiteral("a value in bar log %1 is damaged").arg(log);
        if (rc != Step::Done && rc != Step::Row)
            return db.lastError();
        if (cursor) {
            cursor->read = read;
            cursor->complete = rc == Step::Done;
        }
        return {};
    }
    ~BarStore();
    BarStore(const BarStore &) = delete;
    BarStore &operator=(const BarStore &) = delete;

    /// Stores a commit's ticks, given in arrival order. They are first put together by symbol, each symbol's in
    /// the order they came (`ticks` is reordered so: runs() index it). Inside a transaction; an error means roll
    /// it back.
    QString write(std::vector<const Model::Tick *> &ticks);
    /// One symbol's ticks in the last write(): [first, end) of its input.
    using Run = SymbolRun;
    const std::vector<Run> &runs() const noexcept { return m_runs; }
    /// The sequence number of the open transaction's first row.
    std::int64_t transactionSeq() const noexcept { return m_committed.nextSeq; }
    /// The sequence number the next row gets.
    std::int64_t nextSeq() const noexcept { return m_state.nextSeq; }
    /// Moves `rows` rows of a frozen log into blocks (a slice may end inside a symbol). Inside a transaction.
    QString merge(std::size_t rows);
    /// Whether a frozen log waits to be moved into blocks.
    bool mergePending() const noexcept { return m_state.frozen >= 0; }
    /// Deletes bars older than `cutoffUs` (retention), in transactions of a thousand symbols; of each
    /// symbol only those its kept bars of `zone` cover (history_tracks).
    /// Adds what it deleted to `deleted`.
    QString deleteOlderThan(std::int64_t cutoffUs, const QString &zone, std::uint64_t &deleted);

    /// The writer's transaction committed or was rolled back.
    void committed();
    void rolledBack();

    std::uint64_t mergedRows() const noexcept { return m_committed.moved; }
    /// Rows of a frozen log not yet in blocks (an estimate before the log has been read back).
    std::uint64_t rowsToMerge() const;

private:
    struct State
    {
        int active = 0; ///< the log taking appends
        std::int64_t activeRows = 0;
        /// Rows of the active log per bucket: a log freezes when it is full or one bucket holds its share of a
        /// full log (1 / LogBuckets). That share is the most rows ever sorted in memory at once: one commit reads a
        /// bucket back and sorts it before its slices move, and a busy symbol can have a bucket to itself.
        std::array<std::int64_t, LogBuckets> bucketRows{};
        int frozen = -1; ///< the log being moved into blocks, or -1
        Mark mergedThrough;
        std::int64_t frozenRowsLeft = 0; ///< an estimate
        std::uint64_t moved = 0;         ///< rows moved into blocks, ever
        std::int64_t nextSeq = 1;
    };

    BarStore(SqliteDatabase &db, std::size_t logMergeRows);
    Util::Status prepare();
    /// The id of a symbol not met so far: read from the symbols table, or added to it (`added`).
    QString readSymbolId(const Model::Symbol &symbol, std::int64_t &id, bool &added);
    QString setLog(int log, bool frozen, const Mark &mark);
    QString appendToLog();
    /// Writes the next sequence number into bar_sequence, for rows about to leave the logs.
    QString storeSequence();
    QString freeze();
    /// Reads on into m_frozen the frozen log's bucket m_loading names, about `budget` rows of it after the mark;
    /// once all are read, orders them and makes it m_loadedBucket.
    QString loadSome(std::size_t budget);
    /// Drops what was read of the frozen log: the next merge reads from the mark again.
    void forgetRead();
    QString deleteFromActiveLog(std::int64_t cutoffUs, std::string_view zone, std::uint64_t &deleted);
    /// Writes again, without the rows `keeps` refuses, each value of log `log` that holds some (one left empty
    /// goes), and tells `removed` how many rows each such value's bucket lost. Empty, or what went wrong.
    static QString dropLogRows(SqliteDatabase &db, int log,
                               const std::function<bool(std::int64_t bucket, const BarRow &row)> &keeps,
                               const std::function<void(std::int64_t bucket, std::int64_t removed)> &removed);
    /// Whether the symbol may have rows in a log not yet in blocks (see m_inLogs).
    bool inLogs(std::int64_t symbolId) const;
    void markInActiveLog(std::int64_t symbolId);

    SqliteDatabase &m_db;
    const std::size_t m_logMergeRows;
    State m_state;
    State m_committed;

    /// Per symbol id, whether the symbol has rows in the active log (InActiveLog) or in the frozen one
    /// (InFrozenLog) since this process started. A run of rows long enough for blocks goes to the log as well
    /// while the symbol has rows there: in blocks it would be newer than those rows, and moving them would
    /// then rewrite its blocks one by one (a busy symbol at about DirectRun rows a commit alternated between
    /// the two and made each move slow). Only a choice of route: rows already in a log when the process
    /// started are not known here, and are moved as before. Ids past TrackedIds are not tracked.
    std::vector<std::uint8_t> m_inLogs;
    static constexpr std::uint8_t InActiveLog = 1, InFrozenLog = 2;
    static constexpr std::size_t TrackedIds = std::size_t(1) << 22;

    std::unique_ptr<BarBlocks> m_blocks;
    std::unique_ptr<LogIndex> m_index; ///< which values hold a bucket's rows
    std::array<Statement, 2> m_appendLog;
    Statement m_findSymbol;
    Statement m_addSymbol;
    Statement m_setSequence;
    Statement m_setLog;
    std::array<Statement, 2> m_loadBucket;
    std::array<Statement, 2> m_clearLog;

    /// Symbols added in the open transaction: m_groups forgets their ids if it rolls back.
    std::vector<Model::Symbol> m_newSymbols;

    /// The rows not yet in blocks of the frozen log's bucket m_loadedBucket (-1: none read), in (symbol,
    /// time, seq) order; m_frozenPos is the next to move.
    LogBucket m_frozen;
    std::vector<BarRow> m_moveRows; ///< one symbol's rows of m_frozen as they move, reused
    int m_loadedBucket = -1;
    std::size_t m_frozenPos = 0;
    /// The bucket being read into m_frozen over several commits (-1: none), and how far: a full bucket read in
    /// one commit held that commit, and every request waiting for it, for 35-70 ms.
    int m_loading = -1;
    LogCursor m_loadCursor;
    std::size_t m_owed = 0;           ///< rows merge() was asked to move but did not while it read a bucket back
    std::vector<BarRow> m_logRows;    ///< a commit's rows for the log, reused
    std::vector<BarRow> m_directRows; ///< one symbol's rows going straight to the blocks, reused
    std::vector<BarRow> m_bucketRows; ///< m_logRows by bucket, reused
    std::string m_logValue;           ///< one bucket's rows in the compact form, reused
    std::vector<Run> m_runs;
    SymbolGroups m_groups; ///< also the ids of the symbols met so far (a bounded cache)
};

} // namespace Storage
