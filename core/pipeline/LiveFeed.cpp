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
    // Past the capacity the oldest go (events keep a tenth of it).
    const auto put = [this](auto &in, std::size_t capacity) {
        return [this, &in, capacity](auto &box) {
            for (auto &item : in)
                box.push_back(std::move(item));
            while (box.size() > capacity) {
                box.pop_front();
                m_dropped.fetch_add(1, std::memory_order_relaxed);
            }
        };
    };
    if (!bars.empty())
        m_bars.post(put(bars, m_capacity));
    if (!events.empty())
        m_events.post(put(events, m_capacity / 10));
}

void LiveFeed::take(std::deque<LiveBar> &bars, std::deque<LiveEvent> &events)
{
    m_bars.take(bars);
    m_events.take(events);
}

std::uint64_t LiveFeed::dropped() const
{
    return m_dropped.load(std::memory_order_relaxed);
}

} // namespace Pipeline
