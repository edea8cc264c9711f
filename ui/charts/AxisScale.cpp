// SPDX-License-Identifier: MIT
#include "AxisScale.h"

#include <algorithm>
#include <cmath>

namespace Gui {

PriceTicks priceTicksFor(double low, double high, int wanted)
{
    PriceTicks ticks;
    const double span = high - low;
    if (!(span > 0) || wanted < 1) {
        ticks.anchor = low;
        ticks.labelFormat = QStringLiteral("%.2f");
        return ticks;
    }
    const double raw = span / wanted;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normal = raw / magnitude;
    const double step = (normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10) * magnitude;
    ticks.interval = step;
    ticks.anchor = std::ceil(low / step) * step;
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 8);
    ticks.labelFormat = QStringLiteral("%.%1f").arg(decimals);
    return ticks;
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

QString timeFormatFor(qint64 spanMs, bool compact)
{
    constexpr qint64 Minute = 60'000;
    constexpr qint64 Day = 24 * 60 * Minute;
    if (spanMs <= 10 * Minute)
        return QStringLiteral("hh:mm:ss");
    if (spanMs <= Day)
        return QStringLiteral("hh:mm");
    if (spanMs <= 60 * Day)
        return compact ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd hh:mm");
    return QStringLiteral("yyyy-MM-dd");
}

} // namespace Gui
