// SPDX-License-Identifier: MIT
#include "AlertEvaluator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Alerts {

Evaluator::Evaluator(const Definition &alert, State state)
    : m_alert{alert.op,     alert.trigger,  alert.usesChannel(), alert.usesMoving(), alert.enabled,
              alert.bars,   alert.maxCount, alert.deadBand,      alert.right.value,  alert.cooldownSeconds * 1'000'000,
              alert.expires}
    , m_state(std::move(state))
{
    if (!m_alert.enabled && m_state.status == Status::Active)
        m_state.status = Status::Disabled;
    if (m_alert.enabled && m_state.status == Status::Disabled)
        m_state.status = Status::Active;
}

void Evaluator::expireIfDue(Model::TimestampUs now)
{
    if (m_alert.expires && now >= *m_alert.expires &&
        (m_state.status == Status::Active || m_state.status == Status::Disabled))
        m_state.status = Status::Expired;
}

bool Evaluator::mayFire(const Sample &sample) const
{
    switch (m_alert.trigger) {
    case Trigger::Once:
        return true;
    case Trigger::OncePerBar:
        return m_state.lastFireBar != sample.barOpen;
    case Trigger::OncePerBarClose:
        return sample.closed && m_state.lastFireBar != sample.barOpen;
    case Trigger::EveryTime:
        return !m_state.lastFire || sample.time - *m_state.lastFire >= m_alert.cooldownUs;
    }
    return false;
}

bool Evaluator::happens(const Sample &s, double &level)
{
    if (!s.left)
        return false;
    const double x = *s.left;
    const double band = m_alert.deadBand;
    if (m_alert.usesMoving()) {
        const bool ready = int(m_state.closes.size()) == m_alert.bars;
        const double reference = ready ? m_state.closes.front() : 0;
        level = reference;
        const double by = m_alert.by;
        switch (m_alert.op) {
        case Operator::MovingUp:
            return ready && x - reference >= by;
        case Operator::MovingDown:
            return ready && reference - x >= by;
        case Operator::MovingUpPercent:
            return ready && reference != 0 && (x - reference) / std::abs(reference) * 100 >= by;
        default: // MovingDownPercent
            return ready && reference != 0 && (reference - x) / std::abs(reference) * 100 >= by;
        }
    }
    if (m_alert.usesChannel()) {
        if (!s.right || !s.right2)
            return false;
        const double low = std::min(*s.right, *s.right2);
        const double high = std::max(*s.right, *s.right2);
        level = x < low ? low : high;
        int side = m_state.side;
        if (x < low - band || x > high + band)
            side = -1;
        else if (x >= low + band && x <= high - band)
            side = 1;
        else if (side == 0) // first seen within the band: the side it is nearer to the middle of
            side = x >= low && x <= high ? 1 : -1;
        const int before = m_state.side;
        m_state.side = side;
        switch (m_alert.op) {
        case Operator::EnteringChannel:
            return before == -1 && side == 1;
        case Operator::ExitingChannel:
            return before == 1 && side == -1;
        case Operator::InsideChannel:
            return side == 1;
        default: // OutsideChannel
            return side == -1;
        }
    }
    if (!s.right)
        return false;
    level = *s.right;
    const double diff = x - *s.right;
    if (m_alert.op == Operator::GreaterThan)
        return diff > band;
    if (m_alert.op == Operator::LessThan)
        return diff < -band;
    // Crossings: a change of side, the side changing only beyond the dead band.
    const int before = m_state.side;
    const int side = diff > band ? 1 : diff < -band ? -1 : before;
    m_state.side = side;
    if (before == 0 || side == before)
        return false;
    return m_alert.op == Operator::Crossing || (m_alert.op == Operator::CrossingUp) == (side == 1);
}

std::optional<Fire> Evaluator::add(const Sample &sample)
{
    if (m_state.status != Status::Active)
        return std::nullopt;
    if (m_alert.expires && sample.time >= *m_alert.expires) {
        m_state.status = Status::Expired;
        return std::nullopt;
    }
    if (m_alert.trigger == Trigger::OncePerBarClose && !sample.closed)
        return std::nullopt; // closed bars only: the forming bar changes nothing, not even a side
    double level = 0;
    const bool now = happens(sample, level);
    if (m_alert.usesMoving() && sample.closed && sample.left) {
        m_state.closes.push_back(*sample.left);
        if (int(m_state.closes.size()) > m_alert.bars)
            m_state.closes.erase(m_state.closes.begin(), m_state.closes.end() - std::ptrdiff_t(m_alert.bars));
    }
    if (!now || !mayFire(sample))
        return std::nullopt;
    ++m_state.count;
    m_state.lastFire = sample.time;
    m_state.lastFireBar = sample.barOpen;
    if (m_alert.trigger == Trigger::Once ||
        (m_alert.trigger == Trigger::EveryTime && m_alert.maxCount > 0 && m_state.count >= m_alert.maxCount))
        m_state.status = Status::Fired;
    return Fire{sample.barOpen, sample.time, *sample.left, level, sample.price};
}

bool Evaluator::runnable(bool &crossing) const
{
    const Operator op = m_alert.op;
    crossing = op == Operator::Crossing || op == Operator::CrossingUp || op == Operator::CrossingDown;
    return m_state.status == Status::Active && !m_alert.expires && m_alert.trigger == Trigger::OncePerBarClose &&
           !m_alert.usesChannel() && !m_alert.usesMoving() &&
           (crossing || op == Operator::GreaterThan || op == Operator::LessThan);
}

void Evaluator::fired(int fires, std::ptrdiff_t last, const Model::TimestampUs *barOpen,
                      const Model::TimestampUs *barEnd)
{
    if (last < 0)
        return;
    m_state.count += fires;
    m_state.lastFire = barEnd[last];
    m_state.lastFireBar = barOpen[last];
}

bool Evaluator::addClosedRun(const double *left, const double *right, std::size_t rightStride,
                             const Model::TimestampUs *barOpen, const Model::TimestampUs *barEnd, std::size_t count,
                             std::uint8_t *fired, std::uint8_t bit)
{
    bool crossing = false;
    if (!runnable(crossing))
        return false;
    // happens() and mayFire() for these operators, with the state in registers: each bar is a closed bar of
    // its own, so once per bar close never holds a fire back.
    const Operator op = m_alert.op;
    const double band = m_alert.deadBand;
    const int wanted = op == Operator::CrossingUp ? 1 : op == Operator::CrossingDown ? -1 : 0;
    int side = m_state.side;
    std::ptrdiff_t last = -1;
    int fires = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double x = left[i];
        const double y = right[i * rightStride];
        if (std::isnan(x) || std::isnan(y))
            continue; // absent: nothing happens, not even a side
        const double diff = x - y;
        bool now;
        if (crossing) {
            const int next = diff > band ? 1 : diff < -band ? -1 : side;
            now = side != 0 && next != side && (wanted == 0 || wanted == next);
            side = next;
        } else {
            now = op == Operator::GreaterThan ? diff > band : diff < -band;
        }
        if (now) {
            fired[i] |= bit;
            last = std::ptrdiff_t(i);
            ++fires;
        }
    }
    m_state.side = side;
    this->fired(fires, last, barOpen, barEnd);
    return true;
}

bool Evaluator::addClosedRunPair(Evaluator &a, std::uint8_t bitA, Evaluator &b, std::uint8_t bitB, const double *left,
                                 const double *right, std::size_t rightStride, const Model::TimestampUs *barOpen,
                                 const Model::TimestampUs *barEnd, std::size_t count, std::uint8_t *fired)
{
    bool crossingA = false;
    bool crossingB = false;
    if (!a.runnable(crossingA) || !b.runnable(crossingB) || !crossingA || !crossingB ||
        a.m_alert.deadBand != b.m_alert.deadBand || a.m_state.side != b.m_state.side)
        return false;
    // One side for both: it moves with the values alone.
    const double band = a.m_alert.deadBand;
    const auto wantedOf = [](Operator op) {
        return op == Operator::CrossingUp ? 1 : op == Operator::CrossingDown ? -1 : 0;
    };
    const int wantedA = wantedOf(a.m_alert.op);
    const int wantedB = wantedOf(b.m_alert.op);
    int side = a.m_state.side;
    std::ptrdiff_t lastA = -1;
    std::ptrdiff_t lastB = -1;
    int firesA = 0;
    int firesB = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double x = left[i];
        const double y = right[i * rightStride];
        if (std::isnan(x) || std::isnan(y))
            continue;
        const double diff = x - y;
        const int next = diff > band ? 1 : diff < -band ? -1 : side;
        if (side != 0 && next != side) { // a crossing: each says whether it is its way
            if (wantedA == 0 || wantedA == next) {
                fired[i] |= bitA;
                lastA = std::ptrdiff_t(i);
                ++firesA;
            }
            if (wantedB == 0 || wantedB == next) {
                fired[i] |= bitB;
                lastB = std::ptrdiff_t(i);
                ++firesB;
            }
        }
        side = next;
    }
    a.m_state.side = side;
    b.m_state.side = side;
    a.fired(firesA, lastA, barOpen, barEnd);
    b.fired(firesB, lastB, barOpen, barEnd);
    return true;
}

std::pair<double, double> Evaluator::quietRange(double level) const
{
    constexpr double Infinity = std::numeric_limits<double>::infinity();
    constexpr std::pair<double, double> Everything{-Infinity, Infinity};
    constexpr std::pair<double, double> Nothing{Infinity, -Infinity};
    if (m_state.status != Status::Active || m_alert.trigger == Trigger::OncePerBarClose)
        return Everything;
    if (m_alert.expires || m_alert.usesChannel())
        return Nothing; // the clock, or two edges: decided sample by sample
    // A hair inside the exact edge, so that rounding can never hide a fire.
    const auto inside = [](double edge, double towards) { return edge + towards * (std::abs(edge) * 1e-12 + 1e-12); };
    if (m_alert.usesMoving()) {
        if (int(m_state.closes.size()) != m_alert.bars)
            return Everything; // not ready: nothing happens until a bar closes
        const double reference = m_state.closes.front();
        const double by = m_alert.by;
        switch (m_alert.op) {
        case Operator::MovingUp:
            return {-Infinity, inside(reference + by, -1)};
        case Operator::MovingDown:
            return {inside(reference - by, 1), Infinity};
        case Operator::MovingUpPercent:
            return reference == 0 ? Everything
                                  : std::pair{-Infinity, inside(reference + std::abs(reference) * by / 100, -1)};
        default: // MovingDownPercent
            return reference == 0 ? Everything
                                  : std::pair{inside(reference - std::abs(reference) * by / 100, 1), Infinity};
        }
    }
    const double band = m_alert.deadBand;
    switch (m_alert.op) {
    case Operator::GreaterThan:
        return {-Infinity, inside(level + band, -1)};
    case Operator::LessThan:
        return {inside(level - band, 1), Infinity};
    default: // crossings: the side changes only beyond the dead band on the other side
        if (m_state.side == 1)
            return {inside(level - band, 1), Infinity};
        if (m_state.side == -1)
            return {-Infinity, inside(level + band, -1)};
        return Nothing; // the first sample sets the side
    }
}

} // namespace Alerts
