// SPDX-License-Identifier: MIT
#include "Gaps.h"

#include "Refresh.h"
#include "storage/BarQueries.h"

#include <QDateTime>

#include <algorithm>
#include <unordered_set>

namespace History {

MarketCalendar::MarketCalendar(const MarketHours &hours)
    : m_hours(hours)
    , m_zone(Bars::sessionZone(hours.zone))
{}

bool MarketCalendar::trades(Model::TimestampUs start, Model::TimestampUs end) const
{
    if ((m_hours.days & 0x7f) == 0x7f && m_hours.allDay())
        return true;
    // Each local day the bar touches: its session [open, close) that day, when it is a trading day.
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(start / 1000, m_zone);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch((end - 1) / 1000, m_zone);
    for (QDate day = first.date().addDays(-1); day <= last.date(); day = day.addDays(1)) {
        if (!(m_hours.days & (1 << (day.dayOfWeek() - 1))))
            continue;
        const QDateTime open(day, m_hours.open, m_zone);
        // A close before the open ends the next day (a session across midnight); equal: all day.
        QDateTime close(m_hours.close <= m_hours.open ? day.addDays(1) : day, m_hours.close, m_zone);
        const qint64 openUs = open.toMSecsSinceEpoch() * 1000;
        const qint64 closeUs = close.toMSecsSinceEpoch() * 1000;
        if (openUs < end && closeUs > start)
            return true;
    }
    return false;
}

std::vector<Bars::Span> findGaps(const std::vector<Bars::Bar> &stored, const GapSearch &search,
                                 const Bars::Session &session, const MarketCalendar &calendar,
                                 const std::vector<Bars::Span> &known)
{
    std::vector<Bars::Span> gaps;
    if (search.from >= search.to || !search.interval.isTime())
        return gaps;
    std::unordered_set<Model::TimestampUs> present;
    for (const Bars::Bar &bar : stored)
        if (!bar.filled)
            present.insert(bar.openTime);
    const bool intraday = search.interval.kind() == Bars::Timeframe::Kind::Seconds;
    const int minimum = intraday ? std::max(1, search.minimumBars) : 1;
    const auto isKnown = [&known](const Bars::Span &bar) {
        return std::any_of(known.begin(), known.end(),
                           [&bar](const Bars::Span &k) { return k.start <= bar.start && bar.end <= k.end; });
    };

    Bars::Span run; // the missing bars in a row so far
    int runBars = 0;
    const auto close = [&] {
        if (runBars >= minimum)
            gaps.push_back(run);
        run = {};
        runBars = 0;
    };
    for (Bars::Span bar = session.barOf(search.interval, search.from); bar.end <= search.to;
         bar = session.barOf(search.interval, bar.end)) {
        const bool missing = !present.contains(bar.start) && calendar.trades(bar.start, bar.end) && !isKnown(bar);
        if (missing) {
            if (runBars == 0)
                run.start = bar.start;
            run.end = bar.end;
            ++runBars;
        } else if (present.contains(bar.start) || calendar.trades(bar.start, bar.end)) {
            close(); // a closed market in between does not end a gap: the next trading bar may continue it
        }
    }
    close();
    return gaps;
}

Util::Result<std::vector<Bars::Span>> gapsOf(Storage::SqliteDatabase &db, const Model::Symbol &symbol,
                                             const Source &source, Model::TimestampUs from, Model::TimestampUs to,
                                             const Bars::Session &session, const MarketCalendar &calendar)
{
    using R = Util::Result<std::vector<Bars::Span>>;
    Storage::BarQuery query;
    query.symbol = symbol;
    query.timeframe = source.interval;
    query.fromUs = from;
    query.toUs = to;
    auto stored = Storage::readBars(db, query, session);
    if (!stored)
        return R::failure(stored.error());
    auto known = emptySpans(db, symbol, source.name);
    if (!known)
        return R::failure(known.error());
    GapSearch search;
    search.interval = source.interval;
    search.from = from;
    search.to = to;
    return findGaps(stored->bars, search, session, calendar, *known);
}

} // namespace History
