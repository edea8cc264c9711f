// SPDX-License-Identifier: MIT
#include "AxisScale.h"

#include <algorithm>
#include <cmath>

namespace Gui {

PriceTicks priceTicksFor(double low, double high, int maxIntervals)
{
    PriceTicks ticks;
    maxIntervals = std::max(1, maxIntervals);
    if (!(high > low)) {
        ticks.from = low - 1;
        ticks.to = high + 1;
        ticks.labelFormat = QStringLiteral("%.2f");
        return ticks;
    }
    // The smallest round step whose whole intervals cover the range in at most maxIntervals.
    double magnitude = std::pow(10.0, std::floor(std::log10((high - low) / maxIntervals)));
    for (;;) {
        for (const double factor : {1.0, 2.0, 5.0}) {
            const double step = factor * magnitude;
            const double from = std::floor(low / step) * step;
            const double to = std::ceil(high / step) * step;
            const int intervals = int(std::lround((to - from) / step));
            if (intervals <= maxIntervals) {
                ticks.from = from;
                ticks.to = to;
                ticks.interval = step;
                ticks.tickCount = intervals + 1;
                const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 8);
                ticks.labelFormat = QStringLiteral("%.%1f").arg(decimals);
                return ticks;
            }
        }
        magnitude *= 10;
    }
}

VolumeScale volumeScaleFor(double maxVolume)
{
    if (maxVolume >= 1e7)
        return {1e6, QStringLiteral("%.0fM")};
    if (maxVolume >= 1e6)
        return {1e6, QStringLiteral("%.1fM")};
    if (maxVolume >= 1e4)
        return {1e3, QStringLiteral("%.0fK")};
    return {1, QStringLiteral("%.0f")};
}

} // namespace Gui
