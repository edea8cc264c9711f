// SPDX-License-Identifier: MIT
#pragma once

#include "HistoryBars.h"
#include "IdTable.h"
#include "LogRowCache.h"
#include "RowGrouping.h"

#include <memory>

namespace Storage {

/// Keeps the closed bars of 1m to 1W (HistoryBars.h) as the storage writer stores records: one builder
/// per symbol and kept time frame, fed in arrival order, and each bar it closes written in the
/// transaction of the record that closed it. The builders of a symbol are rebuilt from the database
/// when the symbol comes back after a restart, a rolled-back transaction or being set aside to bound
/// memory.
///
/// Also brings older records into the kept bars (a database of an earlier version, history imported
/// from before a symbol's kept bars begin), a week of one symbol per step, going back in time, while the
/// writer has nothing else to do.
class HistoryWriter final
{
public:
    /// Keeps the builders of at most `maxSymbols` symbols in memory (about 1.7 KB each); past that, the
    /// least recently stored half is set aside.
    static Util::Result<std::unique_ptr<HistoryWriter>> open(SqliteDatabase &db, const QString &sessionTimeZone,
                                                             std::size_t maxSymbols);
    ~HistoryWriter();
    HistoryWriter(const HistoryWriter &) = delete;
    HistoryWriter &operator=(const HistoryWriter &) = delete;

    /// One symbol's records of a transaction, in arrival order, after they were stored. `newSymbol`: the
    /// transaction added the symbol, so it has no older records. An error means roll back.
    QString add(std::int64_t symbolId, bool newSymbol, const Model::Tick *const *first, const Model::Tick *const *end);
    /// Reads back the state of each symbol of `runs` that is not in memory, a log bucket at a time: a start's
    /// first records bring thousands of symbols, and each one read alone would decode its bucket of the bar
    /// logs. `ticks` are the ones the runs index. An error means roll back.
    QString loadStates(const std::vector<SymbolRun> &runs, const Model::Tick *const *ticks);
    /// Brings the first lines of the symbol's state towards the cache, for an add() soon after.
    void prefetch(std::int64_t symbolId) const noexcept;

    /// One symbol's records fetched from a history source, after they were stored (their sequence numbers in
    /// history_backfills, so readers place them by time): the kept bars over their span are built again from
    /// the records there, each longer time frame from the shorter one's bars. Records older than the kept bars
    /// are left to the backfill. An error means roll back.
    QString refill(std::int64_t symbolId, bool newSymbol, const Model::Tick *const *first,
                   const Model::Tick *const *end);
    /// Puts a source's bar in place of the kept bar of kept()[index] that opens at its time, and the bars of
    /// the longer time frames holding it are summed again. False (nothing changed) when no kept bar is there.
    Util::Result<bool> correct(std::int64_t symbolId, std::size_t index, const Bars::Bar &bar);

    void committed();
    void rolledBack();

    /// Whether older records may still wait to be brought into kept bars.
    bool backfillPending() const noexcept { return m_backfillFrom >= 0; }
    /// One step of that, inside a transaction of its own.
    QString backfill();

    /// Records of the open transaction have this sequence number or a later one: rebuilding a forming bar
    /// from records leaves them out, add() brings them.
    void setTransactionSeq(std::int64_t firstSeq)
    {
        m_reader->setSeqLimit(firstSeq);
        m_logRows->forget();
    }
    /// Gives the backfill up (after a step failed), until the next start.
    void stopBackfill() { m_backfillFrom = m_backfillCommitted = -1; }
    /// The zone key of this writer's kept bars (History::zoneKey).
    const QString &zone() const noexcept { return m_zone; }
    /// Bars kept by committed transactions.
    std::uint64_t barsWritten() const noexcept { return m_barsCommitted; }

private:
    struct SymbolState;
    HistoryWriter(SqliteDatabase &db, const QString &zone, const History::TimeframeIds &ids, std::size_t maxSymbols);
    Util::Status prepare();
    QString stateOf(std::int64_t symbolId, bool newSymbol, Model::TimestampUs firstTime, SymbolState *&out);
    QString startTracks(std::int64_t symbolId, Model::TimestampUs firstTime, SymbolState &state);
    QString storeForming(std::int64_t symbolId, SymbolState &state);
    /// The forming bars take what the minute's records owe them (SymbolState::nested).
    static void settle(SymbolState &state);
    static bool nested(const SymbolState &state);
    /// One symbol's step of the backfill: `done` when nothing older is left, `changed` when it kept bars or
    /// tracks.
    QString backfillSymbol(std::int64_t symbolId, bool &done, bool &changed);
    /// The oldest and the newest time of the symbol's records before `before`; newest < oldest when there are
    /// none. The logs' part comes from m_logRows.
    QString recordSpan(std::int64_t symbolId, Model::TimestampUs before, Model::TimestampUs &oldest,
                       Model::TimestampUs &newest);
    QString keepBar(std::int64_t symbolId, std::size_t index, const Bars::Bar &bar);
    QString setSince(std::int64_t symbolId, std::size_t index, Model::TimestampUs since);
    /// Builds the closed bars of kept()[index] over [from, to] again (from the records for 1m, else from the
    /// shorter time frame's kept bars), within what its track keeps; m_tracks must be the symbol's.
    QString rebuild(std::int64_t symbolId, std::size_t index, Model::TimestampUs from, Model::TimestampUs to,
                    Model::TimestampUs newest);
    /// The time of the symbol's newest record (the greatest time when it has none).
    Model::TimestampUs newestRecord(std::int64_t symbolId);
    /// Where the closed bars of kept()[index] end for certain: neither the forming bar nor the newest record's
    /// bar is closed (m_tracks must be the symbol's).
    Model::TimestampUs closedUntil(std::size_t index, Model::TimestampUs newest) const;

    SqliteDatabase &m_db;
    const std::size_t m_maxSymbols;
    Bars::Session m_session;
    QString m_zone;
    History::TimeframeIds m_ids;
    /// The logs' rows, read by m_reader and forgotten at the end of each transaction. In one, the logs change
    /// before the kept bars are read (the commit's records, which the reader leaves out) and after (a merge).
    std::unique_ptr<LogRowCache> m_logRows;
    std::unique_ptr<History::Reader> m_reader;
    std::vector<std::pair<std::int64_t, Model::TimestampUs>> m_toLoad;
    Statement m_addTrack;
    Statement m_startTracks; ///< a new symbol's KeptCount tracks
    Statement m_setSince;
    Statement m_addBar;
    Statement m_setForming;
    Statement m_clearForming;
    Statement m_nextSymbol;
    Statement m_oldest; ///< the first and the last time of a symbol's records before a time
    Statement m_newest;
    Statement m_day;
    Statement m_dropBars;

    IdTable<SymbolState> m_symbols; ///< by symbol id
    std::uint64_t m_stamp = 0;      ///< counts add() calls; a symbol's last one tells how recently it was stored
    std::uint64_t m_barsWritten = 0;
    std::uint64_t m_barsCommitted = 0;
    std::int64_t m_backfillFrom = 0; ///< symbol ids from this one on may wait for a backfill; -1: none
    std::int64_t m_backfillCommitted = 0;
    History::Tracks m_tracks;
};

} // namespace Storage
