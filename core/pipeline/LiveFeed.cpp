// SPDX-License-Identifier: MIT
#include "LiveFeed.h"

#include <limits>

namespace Pipeline {

LiveBar LiveBar::of(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s)
{
    const auto orNaN = [](const std::optional<double> &v) { return v ? *v : std::numeric_limits<double>::quiet_NaN(); };
    return {bar,
            orNaN(s.sma),
            orNaN(s.ema),
            orNaN(s.bollingerUpper),
            orNaN(s.bollingerLower),
            orNaN(s.rsi),
            orNaN(s.bollingerMiddle),
            orNaN(s.macd),
            orNaN(s.macdSignal),
            orNaN(s.macdHistogram),
            orNaN(s.atr),
            orNaN(s.vwap)};
}

void LiveFeed::append(std::vector<LiveBar> &bars, std::vector<LiveEvent> &events)
{
    std::lock_guard lock(m_mutex);
    for (LiveBar &b : bars)
        m_bars.push_back(std::move(b));
    for (LiveEvent &e : events)
        m_events.push_back(std::move(e));
    while (m_bars.size() > m_capacity) {
        m_bars.pop_front();
        ++m_dropped;
    }
    while (m_events.size() > m_capacity / 10) {
        m_events.pop_front();
        ++m_dropped;
    }
}

void LiveFeed::take(std::vector<LiveBar> &bars, std::vector<LiveEvent> &events)
{
    std::lock_guard lock(m_mutex);
    bars.assign(std::make_move_iterator(m_bars.begin()), std::make_move_iterator(m_bars.end()));
    events.assign(std::make_move_iterator(m_events.begin()), std::make_move_iterator(m_events.end()));
    m_bars.clear();
    m_events.clear();
}

std::uint64_t LiveFeed::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace Pipeline
