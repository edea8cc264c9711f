// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

namespace Indicators {

/// Average true range with Wilder's smoothing, TA-Lib style: true range needs
/// the previous close, so the first value comes at bar `period` (0-based) as
/// the simple average of the first `period` true ranges.
class Atr final
{
public:
    explicit Atr(int period = 14)
        : m_period(period < 1 ? 1 : period)
        , m_inverse(1.0 / double(m_period))
    {}

    std::optional<double> update(double high, double low, double close) noexcept
    {
        m_previous = m_state;
        step(high, low, close);
        return value();
    }
    std::optional<double> replaceLast(double high, double low, double close) noexcept
    {
        m_state = m_previous;
        step(high, low, close);
        return value();
    }
    std::optional<double> value() const noexcept
    {
        return m_state.count > m_period ? std::optional<double>(m_state.atr) : std::nullopt;
    }

private:
    struct State
    {
        int count = 0;
        double lastClose = 0;
        double atr = 0; ///< the sum of true ranges during warm-up
    };

    void step(double high, double low, double close) noexcept
    {
        if (m_state.count > 0) {
            const double range =
                std::max({high - low, std::fabs(m_state.lastClose - high), std::fabs(m_state.lastClose - low)});
            if (m_state.count <= m_period) {
                m_state.atr += range;
                if (m_state.count == m_period)
                    m_state.atr /= double(m_period);
            } else {
                m_state.atr = (m_state.atr * double(m_period - 1) + range) * m_inverse;
            }
        }
        m_state.lastClose = close;
        ++m_state.count;
    }

    int m_period;
    double m_inverse;
    State m_state;
    State m_previous;
};

} // namespace Indicators
