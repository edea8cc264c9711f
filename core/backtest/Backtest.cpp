// SPDX-License-Identifier: MIT
#include "Backtest.h"

#include "storage/BarQueries.h"
#include "storage/SqliteDatabase.h"
#include "util/Clock.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Backtest {

Util::Result<std::vector<std::shared_ptr<const BarColumns>>> loadBars(const QString &databasePath,
                                                                      const BarRequest &request)
{
    using R = Util::Result<std::vector<std::shared_ptr<const BarColumns>>>;
    if (request.symbols.isEmpty())
        return R::failure(u"symbol: give at least one symbol"_s);
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    const Bars::Session session(request.zone);
    std::vector<std::shared_ptr<const BarColumns>> out;
    for (const QString &name : request.symbols) {
        Storage::BarQuery query;
        if (!Model::Symbol::fromString(name, query.symbol))
            return R::failure(u"symbol: \"%1\" is not a symbol"_s.arg(name.left(40)));
        query.timeframe = request.timeframe;
        query.fromUs = request.fromUs;
        query.toUs = request.toUs;
        auto range = Storage::readBars(**db, query, session);
        if (!range)
            return R::failure(range.error());
        // A bar still forming has not closed: no decision is taken on it. (The newest bar of past history is
        // said to be forming too, as a record could still join it; once its time is over it counts.)
        if (range->lastForming && !range->bars.empty() && range->bars.back().endTime > Util::wallClockUs())
            range->bars.pop_back();
        auto bars = std::make_shared<BarColumns>(BarColumns::of(name, range->bars));
        if (bars->empty())
            return R::failure(u"%1: no %2 bars stored in that range"_s.arg(name, request.timeframe.name()));
        out.push_back(std::move(bars));
    }
    return out;
}

std::vector<EquityPoint> joinEquity(const std::vector<std::vector<EquityPoint>> &parts,
                                    const std::vector<double> &startingCash)
{
    std::vector<Model::TimestampUs> times;
    for (const auto &part : parts)
        for (const EquityPoint &p : part)
            times.push_back(p.time);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    std::vector<std::size_t> next(parts.size(), 0);
    std::vector<EquityPoint> out;
    out.reserve(times.size());
    for (const Model::TimestampUs t : times) {
        EquityPoint point{t, 0, false};
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const auto &part = parts[k];
            while (next[k] < part.size() && part[next[k]].time <= t)
                ++next[k];
            if (next[k] == 0) {
                point.equity += startingCash[k];
                continue;
            }
            point.equity += part[next[k] - 1].equity;
            point.exposed = point.exposed || part[next[k] - 1].exposed;
        }
        out.push_back(point);
    }
    return out;
}

std::pair<std::size_t, std::size_t> Span::of(const BarColumns &bars) const
{
    const auto first = std::lower_bound(bars.time.begin(), bars.time.end(), from);
    const auto last = std::lower_bound(first, bars.time.end(), to);
    return {std::size_t(first - bars.time.begin()), std::size_t(last - bars.time.begin())};
}

Report run(const Strategy &strategy, const std::vector<SeriesCache *> &series, const Settings &settings,
           const Span &span, const std::vector<std::vector<std::uint8_t>> *decisions)
{
    Report report;
    const double share = settings.startingCash / double(std::max<std::size_t>(1, series.size()));
    std::vector<std::vector<EquityPoint>> parts;
    std::vector<double> cash;
    for (std::size_t k = 0; k < series.size(); ++k) {
        SeriesCache *s = series[k];
        const bool streamed = settings.streamed && !decisions;
        const std::vector<std::uint8_t> own =
            decisions || streamed ? std::vector<std::uint8_t>() : decide(strategy, *s);
        SimulationInput in;
        in.bars = &s->bars();
        in.decisions = decisions ? &(*decisions)[k] : streamed ? nullptr : &own;
        in.strategy = &strategy;
        in.costs = settings.costs;
        in.startingCash = share;
        std::tie(in.from, in.to) = span.of(s->bars());
        in.keepEquity = settings.keepEquity || series.size() > 1;
        Simulation sim;
        if (streamed) {
            DecisionStream stream(strategy, s->bars(), s->symbol());
            sim = simulate(in, stream);
        } else {
            sim = simulate(in);
        }
        report.symbols.push_back({s->bars().symbol, sim.metrics});
        if (series.size() == 1) {
            report.metrics = sim.metrics;
            report.equity = std::move(sim.equity);
        } else {
            parts.push_back(std::move(sim.equity));
            cash.push_back(share);
        }
        std::move(sim.trades.begin(), sim.trades.end(), std::back_inserter(report.trades));
    }
    if (series.size() > 1) // one symbol's trades come in the order they closed already
        std::stable_sort(report.trades.begin(), report.trades.end(),
                         [](const Trade &a, const Trade &b) { return a.exitTime < b.exitTime; });
    if (series.size() > 1) {
        report.equity = joinEquity(parts, cash);
        report.metrics = metricsOf(settings.startingCash, report.equity, report.trades);
        if (!settings.keepEquity)
            report.equity.clear();
    }
    return report;
}

} // namespace Backtest
