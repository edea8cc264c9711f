// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"

namespace Signals {

/// Switches and parameters of the built-in rules (README, "Indicators and signals").
struct RuleConfig
{
    /// The bars the RSI, crossover and price-move rules look at, evaluated when a bar closes (so a signal
    /// never repaints); `record` takes each record as a closed bar.
    Bars::Timeframe timeframe = Bars::Timeframe::minutes(1);

    bool rsiTrend = true;
    double rsiBuyBelow = 30;
    double rsiSellAbove = 70;
    /// After a buy, RSI must climb this many points above rsiBuyBelow (after a sell, fall as far
    /// below rsiSellAbove) before the rule can speak again: RSI wobbling at 30 is one signal, not ten.
    double rsiRearm = 5;

    bool maCross = true; ///< periods: IndicatorConfig::crossFast / crossSlow
    /// A cross counts once the fast SMA is this many percent beyond the slow one; two averages
    /// equal to two decimals are not crossing back and forth.
    double crossSpreadPercent = 0.05;

    bool priceMove = true;
    double priceMovePercent = 2.0; ///< re-armed once the move within the window is under half of it
    int priceMoveWindowSeconds = 60;

    bool newsSentiment = true;
    double sentimentScore = 0.6;     ///< |score| at least this
    double sentimentMagnitude = 0.5; ///< and magnitude at least this

    /// Per symbol and rule: a signal within this many seconds of the last one is held back. 0: off.
    int cooldownSeconds = 300;

    friend bool operator==(const RuleConfig &, const RuleConfig &) = default;
};

} // namespace Signals
