// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include "BarRowCodec.h"
#include "SqliteDatabase.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Storage {

/// Which stored rows a retention pass deletes: those older than its cutoff that their symbol's kept bars of
/// the session's zone cover, from where the symbol's kept bars begin up to the end of its last closed minute
/// (later ones make its forming bar). Used for the blocks and the logs alike.
class RetentionRule final
{
public:
    static Util::Result<RetentionRule> open(SqliteDatabase &db, std::int64_t cutoffUs, std::string_view zone);
    /// Whether the symbol's kept bars cover any time at all (else none of its rows goes).
    bool coversAny(std::int64_t symbolId);
    /// Whether `row` goes.
    bool deletes(const BarRow &row);

private:
    using Span = std::pair<std::int64_t, std::int64_t>; ///< [begin, end) in microseconds

    RetentionRule(Statement covered, std::int64_t cutoffUs, std::string_view zone);
    const Span &spanOf(std::int64_t symbolId);

    Statement m_covered;
    std::int64_t m_cutoffUs;
    std::string_view m_zone;
    std::unordered_map<std::int64_t, Span> m_spans;
};

/// `bar_blocks`: every symbol's bars in time order, as blocks of up to MaxRows rows in the compact form of
/// BarRowCodec.h (about 12 bytes a row), found by an index on (symbol id, the block's last time and
/// sequence). A block goes in as one row (appended at the table's end) and one index entry, so moving a log
/// into place costs that per symbol and slice instead of an insert per record. The blocks are rows of an
/// ordinary table, not of a WITHOUT ROWID one, because there a value longer than about a quarter page
/// spills into an overflow page of its own: blocks of a few hundred bytes to a page would waste most of one.
///
/// A symbol's blocks never overlap: in (time, sequence) order each block ends before the next one begins.
/// Rows after a symbol's newest block make new blocks; a late row goes into the block whose span it falls in
/// (or just before), which is written again. Readers find the blocks of a time range by the key alone (from
/// the first block ending at or after its start to the first block ending after its end) and decode them
/// with `bar_rows(data)`.
class BarBlocks final
{
public:
    /// Rows a block holds at most.
    static constexpr std::size_t MaxRows = 512;

    /// Parameter numbers of a time range's ends in the SQL below (0: open at that end).
    struct Bounds
    {
        int lower = 0; ///< rows at or after
        int upper = 0; ///< rows at or before (a stricter condition in `where` may narrow it)
    };
    /// SQL selecting `columns` of one symbol's rows (?1 its id) from the blocks that may hold rows within
    /// `bounds`; `where` (on the rows' columns) picks the rows.
    static QByteArray rowsSql(const QByteArray &columns, const QByteArray &where, Bounds bounds);
    /// SQL for `function`(ts_us) AS x over one symbol's rows that satisfy `where`, where `function` is min or
    /// max: reads the one or two blocks that can hold the answer.
    static QByteArray timeSql(const char *function, const QByteArray &where, Bounds bounds);

    /// Brings the rows of a `bars` table of one row per record into blocks (a schema step).
    static Util::Status fromRows(SqliteDatabase &db);

    static Util::Result<std::unique_ptr<BarBlocks>> open(SqliteDatabase &db);
    BarBlocks(const BarBlocks &) = delete;
    BarBlocks &operator=(const BarBlocks &) = delete;

    /// Stores one symbol's rows, sorted by (time, sequence). Inside a transaction.
    QString add(std::int64_t symbolId, const BarRow *rows, std::size_t count);
    /// Deletes rows older than `cutoffUs` that kept bars of `zone` cover, in transactions of a thousand
    /// symbols. Adds what it deleted to `deleted`.
    QString deleteOlderThan(std::int64_t cutoffUs, std::string_view zone, std::uint64_t &deleted);
    /// The writer's transaction was rolled back: what is remembered of it goes.
    void rolledBack() { m_newest.clear(); }

private:
    using Position = std::pair<std::int64_t, std::int64_t>; ///< (time, sequence)

    explicit BarBlocks(SqliteDatabase &db);
    QString insert(std::int64_t symbolId, const BarRow *rows, std::size_t count);
    QString remove(std::int64_t symbolId, Position last);
    QString addLate(std::int64_t symbolId, const BarRow *rows, std::size_t count);
    QString newestOf(std::int64_t symbolId, Position &newest, bool &any);

    SqliteDatabase &m_db;
    Statement m_insert;
    Statement m_delete;
    Statement m_newestBlock;
    Statement m_covering;
    std::string m_value;
    std::vector<BarRow> m_merged;
    /// Each symbol's newest stored row (a bounded cache; forgotten on rollback).
    std::unordered_map<std::int64_t, Position> m_newest;
};

} // namespace Storage
