// SPDX-License-Identifier: MIT
#pragma once

#include "Optimizer.h"

namespace Backtest {

/// Walk-forward: the bars are cut into folds; each fold searches the grid over its in-sample stretch, then
/// tests the best set on the out-of-sample stretch right after it, which the search never saw. The next fold
/// moves on by one out-of-sample stretch. The out-of-sample tests, joined, are the strategy as it would
/// have been traded re-tuned each time.
struct WalkForwardSpec
{
    std::size_t inSampleBars = 500;
    std::size_t outOfSampleBars = 100;
    Objective objective = Objective::Sharpe;
};

struct Fold
{
    Span inSample;
    Span outOfSample;
    std::vector<double> best; ///< the grid values the in-sample search chose (empty: no set could run)
    std::optional<Metrics> inSampleMetrics;
    Metrics outOfSampleMetrics;
};

struct WalkForwardResult
{
    std::vector<Fold> folds;
    std::vector<EquityPoint> equity; ///< the out-of-sample stretches joined, each starting where the last ended
    std::vector<Trade> trades;
    Metrics metrics; ///< of the joined equity
};

/// Runs the walk-forward over `search` (its span is ignored: the folds are cut from the first symbol's bars).
/// The error says when the bars do not hold one fold.
Util::Result<WalkForwardResult> walkForward(const Search &search, const WalkForwardSpec &spec,
                                            const std::atomic<bool> &cancel,
                                            const std::function<void(std::size_t, std::size_t)> &progress = {});

} // namespace Backtest
