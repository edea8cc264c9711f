// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Gui {

/// Where a price axis puts its labels: at round numbers, all with the same decimals.
struct PriceTicks
{
    double from = 0; ///< the axis range, widened to whole intervals
    double to = 1;
    double interval = 1; ///< 1, 2 or 5 times a power of ten
    int tickCount = 2;   ///< labels from `from` to `to`
    QString labelFormat; ///< printf style, e.g. "%.2f"
};
/// At most `maxIntervals` round intervals covering `low` to `high`, so labels never crowd.
PriceTicks priceTicksFor(double low, double high, int maxIntervals);

/// Volumes in thousands or millions when they are large.
struct VolumeScale
{
    double divisor = 1;
    QString labelFormat; ///< e.g. "%.0fK"
};
VolumeScale volumeScaleFor(double maxVolume);

} // namespace Gui
