// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "util/Result.h"

#include "BarRowCodec.h"
#include "SqliteDatabase.h"

#include <array>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace Storage {
class LogRowCache;
}

/// The kept bars: closed bars of 1m to 1W that the storage writer stores as they close (history_* tables),
/// so that history is read as bars, and outlives the records retention deletes.
///
/// Each kept time frame's bars are whole bars of the one before it (5m of 1m, 1D of 4h, 1W of 1D). Only
/// closed bars are stored; a forming bar is worked out from the shorter time frame's bars after the last
/// closed one, down to 1m, whose forming bar is rebuilt from its few records. That sum is the bar its own
/// builder made unless a record too late for the shorter time frame still joined it: the writer then
/// stores that forming bar as it is (history_forming), and readers take it from there.
namespace Storage::History {

constexpr std::size_t KeptCount = 8;
/// 1m 5m 15m 30m 1h 4h 1D 1W, shortest first.
const std::array<Bars::Timeframe, KeptCount> &kept();
/// The position of `timeframe` in kept(), or -1.
int keptIndex(const Bars::Timeframe &timeframe);

/// The name under which bars of a session's time zone are kept (its IANA id).
QString zoneKey(const Bars::Session &session);

/// Ids of the kept time frames of one zone, in kept() order.
using TimeframeIds = std::array<std::int64_t, KeptCount>;
/// Looks the ids up; adds the missing ones when `create` (inside a transaction), else answers nullopt
/// when any is missing.
Util::Result<std::optional<TimeframeIds>> timeframeIds(SqliteDatabase &db, const QString &zone, bool create);

/// Where a symbol's kept bars of one time frame stand.
struct Track
{
    bool tracked = false;             ///< false: none of its bars are kept; records are all there is
    Model::TimestampUs since = 0;     ///< every bar opening at or after this is kept once closed
    std::optional<Bars::Bar> last;    ///< the newest closed bar kept
    std::optional<Bars::Bar> forming; ///< the bar after it that records have begun, if any
    bool formingStored = false;       ///< `forming` is a stored history_forming row
    Model::TimestampUs next() const { return last ? last->endTime : since; } ///< where `forming` may begin
};
using Tracks = std::array<Track, KeptCount>;

/// Reads kept bars and tracks, with statements prepared once.
class Reader final
{
public:
    static Util::Result<std::unique_ptr<Reader>> open(SqliteDatabase &db, const TimeframeIds &ids,
                                                      const Bars::Session &session);

    /// The tracks of kept()[0] to kept()[upTo] of a symbol (the others are left alone): since, last
    /// closed bar and forming bar of each. `newest`, when given, are the symbol's newest stored rows in time
    /// order (every row after the first one's time is among them): the 1m forming bar is built from them
    /// when they reach back far enough, instead of reading its records again.
    Util::Status read(std::int64_t symbolId, std::size_t upTo, Tracks &out, std::span<const BarRow> newest = {});
    /// Records from this sequence number on are left out of forming bars (the storage writer's open
    /// transaction holds them).
    void setSeqLimit(std::int64_t seq) { m_seqLimit = seq; }
    /// Takes the logs' records from `cache` (which outlives this reader, or until set to null) instead of
    /// decoding a log bucket for every symbol read.
    void setLogRowCache(LogRowCache *cache) { m_logRows = cache; }
    /// Closed kept bars of kept()[index] opening in [from, to], the newest `limit` (0: all), oldest first.
    Util::Status closed(std::int64_t symbolId, std::size_t index, Model::TimestampUs from, Model::TimestampUs to,
                        qint64 limit, std::vector<Bars::Bar> &out);

private:
    Reader(SqliteDatabase &db, const TimeframeIds &ids, const Bars::Session &session);
    Util::Status formingOfRecords(std::int64_t symbolId, Track &track, std::span<const BarRow> newest);

    SqliteDatabase &m_db;
    TimeframeIds m_ids;
    const Bars::Session &m_session;
    Statement m_tracks;
    Statement m_last;
    Statement m_forming;
    Statement m_after;
    Statement m_range;
    Statement m_records;
    Statement m_blockRecords;
    LogRowCache *m_logRows = nullptr;
    std::vector<Bars::Bar> m_lower;
    std::int64_t m_seqLimit = std::numeric_limits<std::int64_t>::max();
};

/// The bar of `timeframe` that `bars` (of a shorter kept time frame, oldest first) add up to, from the
/// first one's bar on; nullopt when there are none.
std::optional<Bars::Bar> sumOf(const Bars::Timeframe &timeframe, const Bars::Session &session,
                               const std::vector<Bars::Bar> &bars);

/// The columns open_us, end_us, open, high, low, close, volume, records of a history row, from `first`.
Bars::Bar barAt(const Statement &st, int first);
/// Binds a bar's eight columns from parameter `first` on.
void bindBar(Statement &st, int first, const Bars::Bar &bar);

} // namespace Storage::History
