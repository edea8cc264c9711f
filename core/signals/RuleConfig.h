// SPDX-License-Identifier: MIT
#pragma once

namespace Signals {

/// Switches and parameters of the built-in rules (DESIGN.md, "Indicators and signals").
struct RuleConfig
{
    bool rsiTrend = true;
    double rsiBuyBelow = 30;
    double rsiSellAbove = 70;

    bool maCross = true; ///< periods: IndicatorConfig::crossFast / crossSlow

    bool priceMove = true;
    double priceMovePercent = 2.0;
    int priceMoveWindowSeconds = 60;

    bool newsSentiment = true;
    double sentimentScore = 0.6;     ///< |score| at least this
    double sentimentMagnitude = 0.5; ///< and magnitude at least this

    /// Per symbol and rule: a signal within this many seconds of the last one is held back. 0: off.
    int cooldownSeconds = 0;

    friend bool operator==(const RuleConfig &, const RuleConfig &) = default;
};

} // namespace Signals
