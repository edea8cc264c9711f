// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Gui {

/// Where a price axis puts its labels: at round numbers, all with the same decimals.
struct PriceTicks
{
    double anchor = 0;   ///< one tick's value; the others are whole intervals from it
    double interval = 1; ///< 1, 2 or 5 times a power of ten
    QString labelFormat; ///< printf style, e.g. "%.2f"
};
PriceTicks priceTicksFor(double low, double high, int wanted);

/// Volumes in thousands or millions when they are large.
struct VolumeScale
{
    double divisor = 1;
    QString labelFormat; ///< e.g. "%.0fK"
};
VolumeScale volumeScaleFor(double maxVolume);

/// A time axis format that fits the span shown: seconds for minutes, dates for days.
QString timeFormatFor(qint64 spanMs, bool compact);

} // namespace Gui
