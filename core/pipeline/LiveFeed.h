// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "model/Records.h"
#include "util/Mailbox.h"

#include <QString>

#include <atomic>
#include <deque>
#include <vector>

namespace Pipeline {

/// A processed bar with the indicator values a chart draws; NaN where absent.
struct LiveBar
{
    Model::Tick bar;
    double sma = 0;
    double ema = 0;
    double bollingerUpper = 0;
    double bollingerLower = 0;
    double rsi = 0;
    double bollingerMiddle = 0;
    double macd = 0;
    double macdSignal = 0;
    double macdHistogram = 0;
    double atr = 0;
    double vwap = 0;

    /// A bar with the values of `indicators` after it; absent values become NaN.
    static LiveBar of(const Model::Tick &bar, const Indicators::IndicatorSnapshot &indicators);
};

/// A metadata record for the events panel, as it came: the panel words it in the reader's language.
struct LiveEvent
{
    Model::Record record;
};

/// What the window has not drawn yet. Workers append; the GUI takes everything
/// on its own clock (about 30 times a second). Bounded: past the capacity the
/// oldest entries go, so a stalled window never grows memory.
class LiveFeed final
{
public:
    explicit LiveFeed(std::size_t capacity = 100'000)
        : m_capacity(capacity)
    {}

    void append(std::vector<LiveBar> &bars, std::vector<LiveEvent> &events);
    void take(std::deque<LiveBar> &bars, std::deque<LiveEvent> &events);
    std::uint64_t dropped() const;

private:
    std::size_t m_capacity;
    Util::Mailbox<LiveBar> m_bars;
    Util::Mailbox<LiveEvent> m_events;
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace Pipeline
