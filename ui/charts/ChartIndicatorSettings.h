// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "pipeline/LiveFeed.h"

#include <QColor>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace Gui {

/// How one chart draws its indicators: its own periods (or the app's), the overlays' and the RSI line's
/// colours, and the RSI pane's two levels. Kept with the chart's tab or grid cell.
struct ChartIndicatorSettings
{
    /// None: the periods of Settings → Indicators, the values the engine computed.
    std::optional<Indicators::IndicatorConfig> periods;
    QColor sma{255, 193, 7};
    QColor ema{66, 165, 245};
    QColor bollinger{150, 150, 160};
    QColor vwap{0, 188, 212};
    QColor rsi{171, 71, 188};
    double rsiLow = 30;
    double rsiHigh = 70;

    bool operator==(const ChartIndicatorSettings &) const = default;

    /// "sma=50;ema=20;…;smaColor=#ffc107;…;rsiLow=20;rsiHigh=80": only what differs from the defaults.
    QString toText() const;
    /// The text toText() writes; parts that are unknown or out of range are left at their defaults.
    static ChartIndicatorSettings fromText(const QString &text);
};

/// `bars` with their indicator values computed again with `periods`, over all of them, oldest first: the
/// whole-series functions run the engine's streaming indicators, so a value is what the engine would have
/// computed from the first of these bars on.
std::vector<Pipeline::LiveBar> withPeriods(const std::deque<Pipeline::LiveBar> &bars,
                                           const Indicators::IndicatorConfig &periods);

} // namespace Gui
