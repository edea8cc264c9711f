// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <array>

namespace Gui {

/// How a chart draws its bars.
enum class ChartType
{
    Candles,
    OhlcBars,   ///< a high–low line with the open ticked left and the close right
    Line,       ///< the closes joined
    HeikinAshi, ///< candles of averaged bars (Bars::HeikinAshi), for seeing the trend
};

inline constexpr std::array<ChartType, 4> AllChartTypes{ChartType::Candles, ChartType::OhlcBars, ChartType::Line,
                                                        ChartType::HeikinAshi};

/// The name kept in the settings: candles, ohlc, line, heikin-ashi.
QString chartTypeId(ChartType type);
/// The type of a name; candles for anything else.
ChartType chartTypeFromId(const QString &id);
/// For the trader, translated.
QString chartTypeText(ChartType type);

} // namespace Gui
