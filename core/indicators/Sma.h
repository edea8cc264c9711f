// SPDX-License-Identifier: MIT
#pragma once

#include "RollingWindow.h"

#include <optional>

namespace Indicators {

/// Simple moving average: absent until `period` values arrived.
class Sma final
{
public:
    explicit Sma(int period = 20)
        : m_window(period)
    {}
    std::optional<double> update(double x) noexcept
    {
        m_window.push(x);
        return value();
    }
    /// update() for a series whose newest value is never replaced (see RollingWindow::append).
    std::optional<double> append(double x) noexcept
    {
        m_window.append(x);
        return value();
    }
    std::optional<double> replaceLast(double x) noexcept
    {
        m_window.replaceLast(x);
        return value();
    }
    std::optional<double> value() const noexcept
    {
        return m_window.full() ? std::optional<double>(m_window.average()) : std::nullopt;
    }
    int period() const noexcept { return m_window.period(); }

private:
    RollingWindow m_window;
};

} // namespace Indicators
