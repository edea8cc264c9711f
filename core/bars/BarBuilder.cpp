// SPDX-License-Identifier: MIT
#include "BarBuilder.h"

#include <algorithm>

namespace Bars {

BarBuilder::BarBuilder(const Timeframe &timeframe, const Session &session)
    : m_timeframe(timeframe)
    , m_session(&session)
{}

Bar BarBuilder::begin(const Model::Tick &tick, Model::TimestampUs openTime, Model::TimestampUs endTime)
{
    return Bar{openTime, endTime, tick.open, tick.high, tick.low, tick.close, tick.volume, 1, false};
}

bool BarBuilder::full(const Bar &bar) const
{
    return m_timeframe.kind() == Timeframe::Kind::Ticks ? bar.records >= m_timeframe.size()
                                                        : bar.volume >= m_timeframe.size();
}

BarBuilder::Step BarBuilder::add(const Model::Tick &tick)
{
    if (m_timeframe.isTime())
        return addTimed(tick);
    if (m_timeframe.kind() != Timeframe::Kind::Record)
        return addCounted(tick);
    if (tick.timestamp < m_frontier)
        return {Outcome::Late, {}};
    m_frontier = tick.timestamp;
    return {Outcome::Added, begin(tick, tick.timestamp, tick.timestamp)};
}

BarBuilder::Step BarBuilder::addTimed(const Model::Tick &tick)
{
    const Model::TimestampUs t = tick.timestamp;
    if (m_forming && t >= m_forming->openTime && t < m_forming->endTime) {
        join(*m_forming, tick);
        return {};
    }
    if (m_timerClosed && t >= m_timerClosed->openTime && t < m_timerClosed->endTime) {
        join(*m_timerClosed, tick);
        return {Outcome::Revised, {}};
    }
    if (t < m_frontier)
        return {Outcome::Late, {}};
    Step step;
    step.closed = std::move(m_forming);
    m_timerClosed.reset(); // a later record came: the bar the timer closed is final
    const Span span = m_session->barOf(m_timeframe, t);
    m_forming = begin(tick, span.start, span.end);
    m_frontier = span.start;
    return step;
}

BarBuilder::Step BarBuilder::addCounted(const Model::Tick &tick)
{
    const Model::TimestampUs t = tick.timestamp;
    if (t < (m_forming ? m_forming->openTime : m_frontier))
        return {Outcome::Late, {}};
    if (m_forming) {
        join(*m_forming, tick);
        m_forming->endTime = std::max(m_forming->endTime, t);
    } else {
        m_forming = begin(tick, t, t);
    }
    Step step;
    if (full(*m_forming)) {
        m_frontier = m_forming->endTime;
        step.closed = std::move(m_forming);
        m_forming.reset();
    }
    return step;
}

std::optional<Bar> BarBuilder::closeIfDue(Model::TimestampUs now)
{
    if (!m_forming || !m_timeframe.isTime() || now < m_forming->endTime)
        return std::nullopt;
    m_timerClosed = std::move(m_forming);
    m_forming.reset();
    return m_timerClosed;
}

void BarBuilder::resume(const Bar &last, bool forming)
{
    m_timerClosed.reset();
    m_forming.reset();
    if (forming && m_timeframe.kind() != Timeframe::Kind::Record)
        m_forming = last;
    // What the builder itself would hold as its frontier after making `last`.
    if (m_timeframe.isTime() || m_timeframe.kind() == Timeframe::Kind::Record)
        m_frontier = forming || m_timeframe.kind() == Timeframe::Kind::Record ? last.openTime : last.endTime;
    else
        m_frontier = last.endTime;
}

BarSet::BarSet(std::vector<Timeframe> timeframes, const Session &session)
{
    std::sort(timeframes.begin(), timeframes.end());
    timeframes.erase(std::unique(timeframes.begin(), timeframes.end()), timeframes.end());
    m_builders.reserve(timeframes.size());
    for (const Timeframe &timeframe : timeframes)
        m_builders.emplace_back(timeframe, session);
}

int BarSet::add(const Model::Tick &tick, std::vector<Event> &events)
{
    int late = 0;
    for (std::size_t i = 0; i < m_builders.size(); ++i) {
        if (m_builders[i].joinForming(tick))
            continue;
        BarBuilder::Step step = m_builders[i].add(tick);
        if (step.closed)
            events.push_back(Event{i, Event::Kind::Closed, *step.closed});
        if (step.outcome == BarBuilder::Outcome::Revised)
            events.push_back(Event{i, Event::Kind::Revised, *m_builders[i].revised()});
        else if (step.outcome == BarBuilder::Outcome::Late)
            ++late;
    }
    return late;
}

void BarSet::closeDue(Model::TimestampUs now, std::vector<Event> &events)
{
    for (std::size_t i = 0; i < m_builders.size(); ++i)
        if (auto closed = m_builders[i].closeIfDue(now))
            events.push_back(Event{i, Event::Kind::Closed, *closed});
}

std::vector<Bar> buildBars(const Timeframe &timeframe, const Session &session, const std::vector<Model::Tick> &ticks)
{
    std::vector<Bar> bars;
    BarBuilder builder(timeframe, session);
    for (const Model::Tick &tick : ticks)
        if (auto closed = builder.add(tick).closed)
            bars.push_back(*closed);
    if (builder.forming())
        bars.push_back(*builder.forming());
    return bars;
}

std::vector<Bar> fillGaps(const std::vector<Bar> &bars, const Timeframe &timeframe, const Session &session,
                          std::size_t maxPerGap)
{
    if (!timeframe.isTime())
        return bars;
    std::vector<Bar> out;
    out.reserve(bars.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (i > 0) {
            const double c = out.back().close;
            Model::TimestampUs t = out.back().endTime;
            for (std::size_t n = 0; n < maxPerGap && t < bars[i].openTime; ++n) {
                const Span span = session.barOf(timeframe, t);
                out.push_back(Bar{span.start, span.end, c, c, c, c, 0, 0, true});
                t = span.end;
            }
        }
        out.push_back(bars[i]);
    }
    return out;
}

} // namespace Bars
