// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstddef>
#include <memory>

namespace Indicators {

/// The last `period` values with their sum and, when asked, their sum of
/// squared deviations, updated in O(1) with no allocation after construction. Sums are recomputed
/// from the window every `period` pushes, so rounding never drifts.
class RollingWindow final
{
public:
    enum class Track
    {
        Sum,
        SumAndVariance
    };

    explicit RollingWindow(int period, Track track = Track::Sum)
        : m_period(period < 1 ? 1 : period)
        , m_variance(track == Track::SumAndVariance)
        , m_inversePeriod(1.0 / double(m_period))
        , m_values(std::make_unique<double[]>(std::size_t(m_period)))
    {}
    RollingWindow(const RollingWindow &other)
        : m_period(other.m_period)
        , m_variance(other.m_variance)
        , m_inversePeriod(other.m_inversePeriod)
        , m_values(std::make_unique<double[]>(std::size_t(m_period)))
        , m_head(other.m_head)
        , m_count(other.m_count)
        , m_sinceExact(other.m_sinceExact)
        , m_sum(other.m_sum)
        , m_mean(other.m_mean)
        , m_m2(other.m_m2)
        , m_before(other.m_before)
        , m_evicted(other.m_evicted)
        , m_grew(other.m_grew)
    {
        std::copy(other.m_values.get(), other.m_values.get() + m_period, m_values.get());
    }
    RollingWindow &operator=(const RollingWindow &) = delete;

    int period() const noexcept { return m_period; }
    bool full() const noexcept { return m_count == m_period; }
    double sum() const noexcept { return m_sum; }
    double mean() const noexcept { return m_sum / double(m_count); }
    /// Sum over a full window divided by the period.
    double average() const noexcept { return m_sum * m_inversePeriod; }
    /// Population variance of the window.
    double variance() const noexcept { return m_count > 0 && m_m2 > 0 ? m_m2 / double(m_count) : 0.0; }

    void push(double x) noexcept
    {
        m_before = Sums{m_sum, m_mean, m_m2, m_sinceExact};
        append(x);
    }
    /// push() for a window whose newest value is never replaced (a whole series worked through): the very same
    /// sums, without keeping the ones before it for replaceLast().
    void append(double x) noexcept
    {
        m_grew = m_count < m_period;
        if (m_grew) {
            m_values[std::size_t(wrap(m_head + m_count))] = x;
            ++m_count;
        } else {
            m_evicted = m_values[std::size_t(m_head)];
            m_values[std::size_t(m_head)] = x;
            if (++m_head == m_period)
                m_head = 0;
        }
        enter(x);
    }
    /// Replaces the newest value (a bar still forming): the push is redone from the sums before it, so
    /// the result is the very same doubles as if `x` had been pushed in the first place.
    void replaceLast(double x) noexcept
    {
        if (m_count == 0)
            return push(x);
        m_values[std::size_t(wrap(m_head + m_count - 1))] = x;
        m_sum = m_before.sum;
        m_mean = m_before.mean;
        m_m2 = m_before.m2;
        m_sinceExact = m_before.sinceExact;
        enter(x);
    }

private:
    struct Sums
    {
        double sum = 0;
        double mean = 0;
        double m2 = 0;
        int sinceExact = 0;
    };

    int wrap(int i) const noexcept { return i >= m_period ? i - m_period : i; }
    /// The sums' part of a push, once `x` is stored.
    void enter(double x) noexcept
    {
        if (m_grew) {
            m_sum += x;
            if (m_variance) {
                const double delta = x - m_mean;
                m_mean += delta / double(m_count);
                m_m2 += delta * (x - m_mean);
            }
        } else {
            slide(m_evicted, x);
        }
        if (++m_sinceExact >= m_period)
            recompute();
    }

    // Welford's update for a value leaving and another entering a full window.
    void slide(double old, double x) noexcept
    {
        m_sum += x - old;
        if (!m_variance)
            return;
        const double oldMean = m_mean;
        m_mean = oldMean + (x - old) * m_inversePeriod;
        m_m2 += (x - old) * (x - m_mean + old - oldMean);
    }

    void recompute() noexcept
    {
        // Order does not matter for the sums, so walk the storage as it lies.
        double sum = 0;
        for (int i = 0; i < m_count; ++i)
            sum += m_values[std::size_t(i)];
        const double mean = sum / double(m_count);
        double m2 = 0;
        for (int i = 0; m_variance && i < m_count; ++i) {
            const double d = m_values[std::size_t(i)] - mean;
            m2 += d * d;
        }
        m_sum = sum;
        m_mean = mean;
        m_m2 = m2;
        m_sinceExact = 0;
    }

    int m_period;
    bool m_variance;
    double m_inversePeriod;
    std::unique_ptr<double[]> m_values;
    int m_head = 0; ///< oldest value once full
    int m_count = 0;
    int m_sinceExact = 0;
    double m_sum = 0;
    double m_mean = 0;
    double m_m2 = 0;
    Sums m_before;        ///< the sums before the newest push
    double m_evicted = 0; ///< the value that push moved out of a full window
    bool m_grew = false;  ///< that push filled the window further instead
};

} // namespace Indicators
