// SPDX-License-Identifier: MIT
#include "ChartHistory.h"

#include "storage/BarQueries.h"
#include "storage/Queries.h"
#include "storage/SqliteDatabase.h"

#include <algorithm>

namespace Pipeline {

Util::Result<ChartHistory> loadChartHistory(const QString &databasePath, const QString &symbol,
                                            const Bars::Timeframe &timeframe, int count,
                                            const Indicators::IndicatorConfig &config, const QTimeZone &zone,
                                            int warmup, std::optional<Model::TimestampUs> beforeUs)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Result<ChartHistory>::failure(db.error());
    ChartHistory history;
    history.symbol = symbol;
    history.timeframe = timeframe;
    history.beforeUs = beforeUs;
    history.track = std::make_shared<ChartTrack>(timeframe, zone, config);
    Storage::BarQuery query;
    if (!Model::Symbol::fromString(symbol, query.symbol))
        return history; // not a symbol the engine would have stored
    query.timeframe = timeframe;
    query.limit = qint64(std::max(1, count)) + std::max(0, warmup);
    if (beforeUs) {
        query.toUs = *beforeUs - 1;
        if (timeframe.isTime()) // the bar holding `to` is read whole: stop at the one before `before`'s
            query.toUs = history.track->session.barOf(timeframe, *beforeUs).start - 1;
    }
    auto range = Storage::readBars(**db, query, history.track->session);
    if (!range)
        return Util::Result<ChartHistory>::failure(range.error());
    history.newestRecordUs = range->newestRecordUs;
    if (beforeUs) { // bars opening at or after it are already on the chart; the rest are closed
        std::erase_if(range->bars, [&](const Bars::Bar &b) { return b.openTime >= *beforeUs; });
        range->lastForming = false;
    }
    if (range->bars.empty())
        return history;

    const std::size_t shown = std::min(range->bars.size(), std::size_t(std::max(1, count)));
    const std::size_t firstShown = range->bars.size() - shown;
    history.bars.reserve(shown);
    std::size_t i = 0;
    TimeframeTrack &track = history.track->track;
    track.setSymbol(query.symbol);
    track.warm(range->bars, range->lastForming,
               [&](TimeframeTrack::Change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                   if (i++ >= firstShown)
                       history.bars.push_back(LiveBar::of(track.asTick(bar), s));
               });

    Storage::SignalFilter signals;
    signals.symbols = {symbol};
    signals.fromUs = history.bars.front().bar.timestamp;
    if (beforeUs)
        signals.toUs = *beforeUs - 1;
    signals.newestFirst = false;
    auto status = Storage::forEachSignal(**db, signals, [&history](const Model::TradeSignal &s) {
        history.signals.push_back(s);
        return true;
    });
    if (!status)
        return Util::Result<ChartHistory>::failure(status.error());
    return history;
}

Util::Result<std::vector<Model::TradeSignal>> loadRecentSignals(const QString &databasePath, int limit)
{
    using Out = Util::Result<std::vector<Model::TradeSignal>>;
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Out::failure(db.error());
    std::vector<Model::TradeSignal> rows;
    Storage::SignalFilter filter;
    filter.limit = limit;
    const auto status = Storage::forEachSignal(**db, filter, [&rows](const Model::TradeSignal &s) {
        rows.push_back(s);
        return true;
    });
    if (!status)
        return Out::failure(status.error());
    return rows;
}

} // namespace Pipeline
