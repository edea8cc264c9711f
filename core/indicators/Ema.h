// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

namespace Indicators {

/// Exponential moving average, TA-Lib style: k = 2 / (period + 1), seeded with
/// the simple average of the first `period` values, absent before that.
class Ema final
{
public:
    explicit Ema(int period = 20)
        : m_period(period < 1 ? 1 : period)
        , m_k(2.0 / (double(m_period) + 1.0))
    {}

    std::optional<double> update(double x) noexcept
    {
        m_previous = m_state;
        step(x);
        return value();
    }
    std::optional<double> replaceLast(double x) noexcept
    {
        m_state = m_previous;
        step(x);
        return value();
    }
    std::optional<double> value() const noexcept
    {
        return m_state.count >= m_period ? std::optional<double>(m_state.value) : std::nullopt;
    }
    int period() const noexcept { return m_period; }

private:
    struct State
    {
        int count = 0;
        double value = 0; ///< the seed sum during warm-up
    };

    void step(double x) noexcept
    {
        if (m_state.count < m_period) {
            m_state.value += x;
            if (++m_state.count == m_period)
                m_state.value /= double(m_period);
        } else {
            m_state.value = (x - m_state.value) * m_k + m_state.value;
        }
    }

    int m_period;
    double m_k;
    State m_state;
    State m_previous;
};

} // namespace Indicators
