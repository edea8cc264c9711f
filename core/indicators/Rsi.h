// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

namespace Indicators {

/// Relative strength index with Wilder's smoothing, TA-Lib style: the first
/// value needs period + 1 prices and averages the first `period` gains and
/// losses; afterwards avg = (avg * (period - 1) + current) / period. With no
/// movement at all TA-Lib answers 0, and so does this.
class Rsi final
{
public:
    explicit Rsi(int period = 14)
        : m_period(period < 1 ? 1 : period)
        , m_inverse(1.0 / double(m_period))
        , m_keep(double(m_period - 1))
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
        if (m_state.count <= m_period)
            return std::nullopt;
        const double total = m_state.gain + m_state.loss;
        return total != 0 ? 100.0 * (m_state.gain / total) : 0.0;
    }

private:
    struct State
    {
        int count = 0;
        double last = 0;
        double gain = 0;
        double loss = 0;
    };

    void step(double x) noexcept
    {
        if (m_state.count > 0) {
            const double diff = x - m_state.last;
            if (m_state.count <= m_period) {
                (diff < 0 ? m_state.loss : m_state.gain) += diff < 0 ? -diff : diff;
                if (m_state.count == m_period) {
                    m_state.gain *= m_inverse;
                    m_state.loss *= m_inverse;
                }
            } else {
                m_state.gain = (m_state.gain * m_keep + (diff > 0 ? diff : 0.0)) * m_inverse;
                m_state.loss = (m_state.loss * m_keep + (diff < 0 ? -diff : 0.0)) * m_inverse;
            }
        }
        m_state.last = x;
        ++m_state.count;
    }

    int m_period;
    double m_inverse;
    double m_keep;
    State m_state;
    State m_previous;
};

} // namespace Indicators
