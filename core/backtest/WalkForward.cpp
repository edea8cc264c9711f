// SPDX-License-Identifier: MIT
#include "WalkForward.h"

using namespace Qt::StringLiterals;

namespace Backtest {

Util::Result<WalkForwardResult> walkForward(const Search &search, const WalkForwardSpec &spec,
                                            const std::atomic<bool> &cancel,
                                            const std::function<void(std::size_t, std::size_t)> &progress)
{
    using R = Util::Result<WalkForwardResult>;
    if (search.series.empty())
        return R::failure(u"symbol: give at least one symbol"_s);
    if (spec.inSampleBars < 2 || spec.outOfSampleBars < 1)
        return R::failure(u"walk-forward: the in-sample stretch needs 2 bars or more, the out-of-sample one 1"_s);
    const BarColumns &bars = search.series.front()->bars();
    const std::size_t n = bars.size();
    if (n < spec.inSampleBars + spec.outOfSampleBars)
        return R::failure(
            u"walk-forward: %1 bars do not hold one fold of %2 in-sample and %3 out-of-sample bars"_s.arg(n)
                .arg(spec.inSampleBars)
                .arg(spec.outOfSampleBars));
    const auto timeAt = [&](std::size_t i) {
        return i < n ? bars.time[i] : std::numeric_limits<Model::TimestampUs>::max();
    };
    WalkForwardResult result;
    const std::size_t folds = (n - spec.inSampleBars) / spec.outOfSampleBars;
    double equity = search.settings.startingCash;
    for (std::size_t f = 0; f < folds && !cancel.load(); ++f) {
        const std::size_t start = f * spec.outOfSampleBars;
        const std::size_t split = start + spec.inSampleBars;
        const bool lastFold = f + 1 == folds;
        Fold fold;
        fold.inSample = Span{timeAt(start), timeAt(split)};
        fold.outOfSample = Span{timeAt(split), lastFold ? timeAt(n) : timeAt(split + spec.outOfSampleBars)};
        Search inSample = search;
        inSample.span = fold.inSample;
        const auto foldProgress = [&](std::size_t done, std::size_t total) {
            if (progress)
                progress(f * total + done, folds * total);
        };
        const std::vector<SetResult> best = ranked(runSearch(inSample, cancel, foldProgress), spec.objective);
        if (cancel.load())
            break;
        Settings settings = search.settings;
        settings.startingCash = equity;
        settings.keepEquity = true;
        if (!best.empty()) {
            fold.best = best.front().values;
            fold.inSampleMetrics = best.front().metrics;
            const auto json = search.grid.apply(search.strategy, best.front().index);
            const auto strategy = strategyFromJson(*json);
            std::vector<SeriesCache *> series;
            for (const auto &s : search.series)
                series.push_back(s.get());
            Report report = run(*strategy, series, settings, fold.outOfSample);
            fold.outOfSampleMetrics = report.metrics;
            if (!report.equity.empty())
                equity = report.equity.back().equity;
            result.equity.insert(result.equity.end(), report.equity.begin(), report.equity.end());
            std::move(report.trades.begin(), report.trades.end(), std::back_inserter(result.trades));
        }
        result.folds.push_back(std::move(fold));
    }
    result.metrics = metricsOf(search.settings.startingCash, result.equity, result.trades);
    return result;
}

} // namespace Backtest
