// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "util/Result.h"

#include <limits>

namespace Storage {

class SqliteDatabase;
namespace History {
class Reader;
}

/// Which bars of one symbol to build from the stored records.
struct BarQuery
{
    Model::Symbol symbol;
    Bars::Timeframe timeframe = Bars::Timeframe::minutes(1);
    Model::TimestampUs fromUs = 0; ///< bars that open at or after this (time bars: from the bar holding it)
    Model::TimestampUs toUs = std::numeric_limits<Model::TimestampUs>::max(); ///< and at or before this
    qint64 limit = 0;                                                         ///< the newest this many; 0: all
    /// Time bars: a flat bar at the last close, no volume and marked filled, for each stretch without
    /// records (at most 10,000 in one stretch), as some charting tools expect.
    bool fillGaps = false;
};

struct BarRange
{
    std::vector<Bars::Bar> bars;           ///< oldest first
    bool lastForming = false;              ///< the newest bar may still take records
    Model::TimestampUs newestRecordUs = 0; ///< the newest record's time read; 0: none
};

/// A symbol's bars of any timeframe, built from its stored records in the order they arrived, by the
/// same builder the engine runs live: a record that was late then is late here too, so these are the
/// bars the engine made. Time bars come whole (the query starts at a bar's beginning). Two limits: with a
/// `to` in the past, a record that arrived after a newer one past `to` counts as in time (records past
/// `to` are not read); tick and volume bars are counted from the first record in the range, so their
/// boundaries depend on `from`.
Util::Result<BarRange> readBars(SqliteDatabase &db, const BarQuery &query, const Bars::Session &session);
/// The same with `kept`, a reader of the kept bars of `session`'s zone on `db` prepared once, for a caller that
/// reads often; null when that zone has no kept bars.
Util::Result<BarRange> readBars(SqliteDatabase &db, const BarQuery &query, const Bars::Session &session,
                                History::Reader *kept);

} // namespace Storage
