// SPDX-License-Identifier: MIT
#pragma once

#include "RollingWindow.h"

#include <cmath>
#include <optional>

namespace Indicators {

struct BandValue
{
    double upper = 0;
    double middle = 0;
    double lower = 0;
};

/// Bollinger bands: the simple average of `period` values, plus and minus
/// `deviations` population standard deviations (TA-Lib's BBANDS with SMA).
class Bollinger final
{
public:
    explicit Bollinger(int period = 20, double deviations = 2.0)
        : m_window(period, RollingWindow::Track::SumAndVariance)
        , m_deviations(deviations)
    {}

    std::optional<BandValue> update(double x) noexcept
    {
        m_window.push(x);
        return value();
    }
    std::optional<BandValue> replaceLast(double x) noexcept
    {
        m_window.replaceLast(x);
        return value();
    }
    std::optional<BandValue> value() const noexcept
    {
        if (!m_window.full())
            return std::nullopt;
        const double middle = m_window.average();
        const double width = m_deviations * std::sqrt(m_window.variance());
        return BandValue{middle + width, middle, middle - width};
    }

private:
    RollingWindow m_window;
    double m_deviations;
};

} // namespace Indicators
