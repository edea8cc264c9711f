// SPDX-License-Identifier: MIT
#pragma once

#include "Ema.h"

#include <algorithm>
#include <optional>

namespace Indicators {

struct MacdValue
{
    double macd = 0;
    double signal = 0;
    double histogram = 0;
};

/// MACD as TA-Lib computes it: the fast EMA is seeded on the `fast` bars that
/// end where the slow EMA's seed ends, so both start on the same bar; the
/// signal line is an EMA of the MACD line, and all three values appear
/// together, at bar slow + signal - 2 (33 for 12/26/9).
class Macd final
{
public:
    explicit Macd(int fast = 12, int slow = 26, int signal = 9)
        : m_fast(std::min(fast, slow))
        , m_slow(std::max(fast, slow))
        , m_signal(signal)
        , m_skip(std::max(fast, slow) - std::min(fast, slow))
    {}

    std::optional<MacdValue> update(double x) noexcept
    {
        m_previousCount = m_count;
        return step(x, false);
    }
    std::optional<MacdValue> replaceLast(double x) noexcept
    {
        m_count = m_previousCount;
        return step(x, true);
    }
    std::optional<MacdValue> value() const noexcept { return m_value; }

private:
    std::optional<MacdValue> step(double x, bool replace) noexcept
    {
        const auto feed = [replace, x](Ema &ema) { return replace ? ema.replaceLast(x) : ema.update(x); };
        const auto slow = feed(m_slow);
        std::optional<double> fast;
        if (m_count >= m_skip)
            fast = feed(m_fast);
        ++m_count;
        m_value.reset();
        if (!slow || !fast)
            return m_value;
        const double line = *fast - *slow;
        const auto signal = replace && m_signalFed ? m_signal.replaceLast(line) : m_signal.update(line);
        m_signalFed = true;
        if (signal)
            m_value = MacdValue{line, *signal, line - *signal};
        return m_value;
    }

    Ema m_fast;
    Ema m_slow;
    Ema m_signal;
    int m_skip;
    int m_count = 0;
    int m_previousCount = 0;
    bool m_signalFed = false;
    std::optional<MacdValue> m_value;
};

} // namespace Indicators
