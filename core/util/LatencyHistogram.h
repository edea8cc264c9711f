// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <array>
#include <atomic>
#include <cstdint>

namespace Util {

/// A lock-free latency histogram: buckets grow by 2^(1/4) (19 %) from 1 µs to
/// about 4.5 minutes; anything slower lands in the last one. Quantiles are
/// read as the upper bound of their bucket.
class LatencyHistogram final
{
public:
    static constexpr int Buckets = 112;

    void observe(std::int64_t nanoseconds) noexcept;

    std::uint64_t count() const noexcept { return m_count.load(std::memory_order_relaxed); }
    double sumSeconds() const noexcept { return double(m_sumNs.load(std::memory_order_relaxed)) / 1e9; }
    /// 0 when empty.
    double quantileSeconds(double q) const noexcept;
    static double upperBoundSeconds(int bucket) noexcept;
    /// The bucket of a duration: the first whose upper bound it does not exceed, the last for anything longer.
    static int bucketOf(std::int64_t nanoseconds) noexcept;

    /// Prometheus text: a histogram with buckets at powers of two microseconds.
    QByteArray prometheus(const char *name, const char *help) const;

private:
    std::array<std::atomic<std::uint64_t>, Buckets> m_counts{};
    std::atomic<std::uint64_t> m_count{0};
    std::atomic<std::uint64_t> m_sumNs{0};
};

} // namespace Util
