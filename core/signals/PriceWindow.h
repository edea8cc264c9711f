// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <cstddef>
#include <deque>

namespace Signals {

/// Lowest and highest price within the last `window` microseconds, in
/// amortised O(1) per price (monotonic queues, which stay short for prices
/// that wander). Each queue holds at most Capacity entries, so memory stays
/// bounded however fast prices come; past that the oldest extreme is forgotten early.
class PriceWindow final
{
public:
    static constexpr std::size_t Capacity = 512;

    struct Point
    {
        Model::TimestampUs time = 0;
        double price = 0;
    };

    explicit PriceWindow(Model::TimestampUs window)
        : m_window(window)
    {}

    void add(Model::TimestampUs time, double price)
    {
        m_min.push(time, price, [](double kept, double added) { return kept < added; });
        m_max.push(time, price, [](double kept, double added) { return kept > added; });
        m_min.expire(time - m_window);
        m_max.expire(time - m_window);
    }

    Point lowest() const noexcept { return m_min.front(); }
    Point highest() const noexcept { return m_max.front(); }
    bool isEmpty() const noexcept { return m_min.empty(); }

private:
    class Queue
    {
    public:
        template<typename Keep>
        void push(Model::TimestampUs time, double price, Keep keep)
        {
            while (!m_points.empty() && !keep(m_points.back().price, price))
                m_points.pop_back();
            if (m_points.size() == Capacity)
                m_points.pop_front();
            m_points.push_back({time, price});
        }
        void expire(Model::TimestampUs oldest) noexcept
        {
            while (m_points.size() > 1 && m_points.front().time < oldest)
                m_points.pop_front();
        }
        Point front() const noexcept { return m_points.front(); }
        bool empty() const noexcept { return m_points.empty(); }

    private:
        std::deque<Point> m_points;
    };

    Model::TimestampUs m_window;
    Queue m_min;
    Queue m_max;
};

} // namespace Signals
