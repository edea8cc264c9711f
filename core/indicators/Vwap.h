// SPDX-License-Identifier: MIT
#pragma once

#include "RollingWindow.h"

#include <optional>

namespace Indicators {

/// Volume-weighted average of the typical price (high + low + close) / 3 over
/// the last `period` bars. Absent until `period` bars arrived, and while they
/// carry no volume at all.
class Vwap final
{
public:
    explicit Vwap(int period = 20)
        : m_priceVolume(period)
        , m_volume(period)
    {}

    std::optional<double> update(double high, double low, double close, double volume) noexcept
    {
        m_priceVolume.push((high + low + close) / 3.0 * volume);
        m_volume.push(volume);
        return value();
    }
    std::optional<double> replaceLast(double high, double low, double close, double volume) noexcept
    {
        m_priceVolume.replaceLast((high + low + close) / 3.0 * volume);
        m_volume.replaceLast(volume);
        return value();
    }
    std::optional<double> value() const noexcept
    {
        if (!m_volume.full() || !(m_volume.sum() > 0))
            return std::nullopt;
        return m_priceVolume.sum() / m_volume.sum();
    }

private:
    RollingWindow m_priceVolume;
    RollingWindow m_volume;
};

} // namespace Indicators
