// SPDX-License-Identifier: MIT
// The strategy tester's speed: the reference moving-average crossover over 10,000,000 one-minute bars with
// every figure, on one core; then a search of 10,000 parameter sets (fast 2..101 × slow 110..209) over 200,000
// bars on every core, 2 billion bar evaluations.
//   bench_backtest [BARS] [SEARCH_BARS]
#include "backtest/Optimizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>

#include <cmath>
#include <cstdio>
#include <random>

namespace {

std::shared_ptr<const Backtest::BarColumns> minuteBars(std::size_t count)
{
    std::mt19937_64 rng(1);
    std::normal_distribution<double> step(0.0, 0.001);
    auto bars = std::make_shared<Backtest::BarColumns>();
    bars->symbol = QStringLiteral("BENCH");
    bars->reserve(count);
    double price = 100;
    for (std::size_t i = 0; i < count; ++i) {
        const double open = price;
        const double close = price * std::exp(step(rng));
        const Model::TimestampUs t = 1'600'000'000'000'000LL + Model::TimestampUs(i) * 60'000'000LL;
        bars->append(Bars::Bar{t, t + 60'000'000LL, open, std::max(open, close) * 1.0005,
                               std::min(open, close) * 0.9995, close, 1000, 1});
        price = close;
    }
    return bars;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::size_t count = argc > 1 ? std::size_t(std::atoll(argv[1])) : 10'000'000;
    const std::size_t searchCount = argc > 2 ? std::size_t(std::atoll(argv[2])) : 200'000;

    const auto bars = minuteBars(count);
    const auto strategy = Backtest::strategyFromJson(Backtest::presetJson(QStringLiteral("ma_cross")));
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer clock;
        clock.start();
        Backtest::SeriesCache cache(bars); // fresh: the averages are computed in the time measured
        Backtest::Settings settings;
        settings.keepEquity = false;
        const Backtest::Report report = Backtest::run(*strategy, {&cache}, settings);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        std::printf("ma_cross 10/30 over %zu 1m bars, one core: %.3f s, %.1f M bars/s (%d trades, return %.2f %%, "
                    "Sharpe %.2f)\n",
                    count, seconds, double(count) / seconds / 1e6, report.metrics.trades,
                    report.metrics.totalReturn * 100, report.metrics.sharpe.value_or(0));
    }

    Backtest::Search search;
    search.strategy = Backtest::presetJson(QStringLiteral("ma_cross"));
    search.grid = *Backtest::Grid::of(
        {Backtest::Axis{QStringLiteral("fast"), 2, 101, 1}, Backtest::Axis{QStringLiteral("slow"), 110, 209, 1}});
    search.series = {std::make_shared<Backtest::SeriesCache>(minuteBars(searchCount))};
    QElapsedTimer clock;
    clock.start();
    const std::atomic<bool> cancel{false};
    const auto results = Backtest::runSearch(search, cancel);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double evaluations = double(results.size()) * double(searchCount);
    const auto best = Backtest::ranked(results, Backtest::Objective::Sharpe);
    std::printf("search: %zu sets over %zu bars (%.2f billion bar evaluations) on %d threads: %.2f s, %.0f M "
                "evaluations/s; best Sharpe %.2f at fast %.0f slow %.0f\n",
                results.size(), searchCount, evaluations / 1e9, QThreadPool::globalInstance()->maxThreadCount(),
                seconds, evaluations / seconds / 1e6, best.front().metrics->sharpe.value_or(0), best.front().values[0],
                best.front().values[1]);
    return 0;
}
