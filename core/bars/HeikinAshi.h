// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <optional>

namespace Bars {

/// Open, high, low and close of one bar.
struct Ohlc
{
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    bool operator==(const Ohlc &) const = default;
};

/// Heikin-Ashi candles, one bar at a time: close = (O + H + L + C) / 4; open = the mean of the previous
/// Heikin-Ashi open and close (the first bar's: the mean of its own open and close); high and low take the
/// bar's extremes and the Heikin-Ashi open and close.
class HeikinAshi final
{
public:
    Ohlc next(const Ohlc &bar) noexcept
    {
        Ohlc ha;
        ha.close = (bar.open + bar.high + bar.low + bar.close) / 4;
        ha.open = m_previous ? (m_previous->open + m_previous->close) / 2 : (bar.open + bar.close) / 2;
        ha.high = std::max({bar.high, ha.open, ha.close});
        ha.low = std::min({bar.low, ha.open, ha.close});
        m_previous = ha;
        return ha;
    }

private:
    std::optional<Ohlc> m_previous;
};

} // namespace Bars
