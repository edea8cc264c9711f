// SPDX-License-Identifier: MIT
#pragma once

#include "HistorySource.h"
#include "bars/BarBuilder.h"
#include "bars/Session.h"

#include <vector>

namespace Storage {
class SqliteDatabase;
}

namespace History {

/// Whether a market trades at some time within a bar.
class MarketCalendar final
{
public:
    explicit MarketCalendar(const MarketHours &hours);
    /// Whether [start, end) overlaps the market's hours on one of its trading days.
    bool trades(Model::TimestampUs start, Model::TimestampUs end) const;

private:
    MarketHours m_hours;
    QTimeZone m_zone;
};

/// What a gap search looks at.
struct GapSearch
{
    Bars::Timeframe interval = Bars::Timeframe::minutes(1);
    Model::TimestampUs from = 0; ///< the recent history searched: [from, to)
    Model::TimestampUs to = 0;
    /// Missing bars in a row that make a gap: a quiet symbol skips a minute now and then without a hole in
    /// its feed. Days and weeks: one.
    int minimumBars = 5;
};

/// The stretches of the search where the market trades but `stored` (the stored bars of the interval, oldest
/// first) has none, at least `minimumBars` bars long, leaving out bars still forming at `to` and the spans in
/// `known` (a source had nothing there).
std::vector<Bars::Span> findGaps(const std::vector<Bars::Bar> &stored, const GapSearch &search,
                                 const Bars::Session &session, const MarketCalendar &calendar,
                                 const std::vector<Bars::Span> &known = {});

/// The gaps of a symbol's stored bars of the source's interval in [from, to), leaving out what the source
/// had nothing for before (history_empty_spans).
Util::Result<std::vector<Bars::Span>> gapsOf(Storage::SqliteDatabase &db, const Model::Symbol &symbol,
                                             const Source &source, Model::TimestampUs from, Model::TimestampUs to,
                                             const Bars::Session &session, const MarketCalendar &calendar);

} // namespace History
