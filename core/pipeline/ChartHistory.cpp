// SPDX-License-Identifier: MIT
#include "ChartHistory.h"

#include "storage/Queries.h"
#include "storage/SqliteDatabase.h"

#include <algorithm>

namespace Pipeline {

Util::Result<ChartHistory> loadChartHistory(const QString &databasePath, const QString &symbol, int count,
                                            const Indicators::IndicatorConfig &config, int warmup)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Result<ChartHistory>::failure(db.error());
    ChartHistory history;
    history.symbol = symbol;
    std::vector<Model::Tick> newestFirst;
    Storage::TickFilter ticks;
    ticks.symbols = {symbol};
    ticks.limit = qint64(std::max(1, count)) + std::max(0, warmup);
    auto status = Storage::forEachTick(**db, ticks, [&newestFirst](const Model::Tick &t) {
        newestFirst.push_back(t);
        return true;
    });
    if (!status)
        return Util::Result<ChartHistory>::failure(status.error());
    if (newestFirst.empty())
        return history;

    Indicators::IndicatorSet indicators(config);
    const std::size_t shown = std::min(newestFirst.size(), std::size_t(std::max(1, count)));
    history.bars.reserve(shown);
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it) {
        const auto &s = indicators.update(*it);
        if (std::size_t(newestFirst.rend() - it) <= shown)
            history.bars.push_back(LiveBar::of(*it, s));
    }

    Storage::SignalFilter signals;
    signals.symbols = {symbol};
    signals.fromUs = history.bars.front().bar.timestamp;
    signals.newestFirst = false;
    status = Storage::forEachSignal(**db, signals, [&history](const Model::TradeSignal &s) {
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
