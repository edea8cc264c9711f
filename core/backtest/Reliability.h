// SPDX-License-Identifier: MIT
#pragma once

#include "Decisions.h"

namespace Backtest {

/// How a signal fared over the history: where the price was `horizon` bars after each time it spoke.
struct Reliability
{
    QString name;      ///< the rule's id, or the alert's name
    QString condition; ///< the alert's condition in words; empty for a rule
    Model::SignalSide side = Model::SignalSide::Buy;
    int signals = 0; ///< signals with `horizon` bars after them
    int hits = 0;    ///< of which the price moved the signal's way (up after a buy, down after a sell)
    std::optional<double> hitRate;
    std::optional<double> averageMovePercent; ///< the close `horizon` bars later against the signal's, its way
};

/// Each built-in rule switched on in `rules` (its buys and sells apart; news is not in bars), then each
/// alert, over the bars. An alert whose condition points up (crossing up, greater than, moving up) counts as a
/// buy, one pointing down as a sell; any other counts the move up as its way.
std::vector<Reliability> reliability(SeriesCache &series, const Signals::RuleConfig &rules,
                                     const Indicators::IndicatorConfig &indicators,
                                     const std::vector<Alerts::Definition> &alerts, int horizon);

} // namespace Backtest
