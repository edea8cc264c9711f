// SPDX-License-Identifier: MIT
#include "LatencyHistogram.h"

#include "Prometheus.h"

#include <algorithm>
#include <cmath>

namespace Util {

namespace {

/// Each bucket's upper bound in whole nanoseconds: a duration belongs to the first bucket whose bound it does
/// not exceed (the storage writer observes every job, so no logarithm per call).
const std::array<std::int64_t, LatencyHistogram::Buckets> &upperBoundsNs()
{
    static const auto bounds = [] {
        std::array<std::int64_t, LatencyHistogram::Buckets> b{};
        for (int i = 0; i < LatencyHistogram::Buckets; ++i)
            b[std::size_t(i)] = std::int64_t(std::floor(1000.0 * std::exp2(double(i) / 4.0)));
        return b;
    }();
    return bounds;
}

} // namespace

int LatencyHistogram::bucketOf(std::int64_t nanoseconds) noexcept
{
    const auto &bounds = upperBoundsNs();
    const auto at = std::lower_bound(bounds.begin(), bounds.end() - 1, nanoseconds);
    return int(at - bounds.begin());
}

void LatencyHistogram::observe(std::int64_t nanoseconds) noexcept
{
    if (nanoseconds < 0)
        nanoseconds = 0;
    m_counts[std::size_t(bucketOf(nanoseconds))].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNs.fetch_add(std::uint64_t(nanoseconds), std::memory_order_relaxed);
}

double LatencyHistogram::upperBoundSeconds(int bucket) noexcept
{
    return 1e-6 * std::exp2(double(bucket) / 4.0);
}

double LatencyHistogram::quantileSeconds(double q) const noexcept
{
    const std::uint64_t total = count();
    if (total == 0)
        return 0;
    const auto rank = std::uint64_t(std::ceil(q * double(total)));
    std::uint64_t seen = 0;
    for (int i = 0; i < Buckets; ++i) {
        seen += m_counts[std::size_t(i)].load(std::memory_order_relaxed);
        if (seen >= rank && seen > 0)
            return upperBoundSeconds(i);
    }
    return upperBoundSeconds(Buckets - 1);
}

QByteArray LatencyHistogram::prometheus(const char *name, const char *help) const
{
    QByteArray out = prometheusFamily(name, "histogram", help);
    std::uint64_t cumulative = 0;
    for (int i = 0; i < Buckets; ++i) {
        cumulative += m_counts[std::size_t(i)].load(std::memory_order_relaxed);
        if (i % 4 != 0)
            continue;
        out += name;
        out += "_bucket{le=\"";
        out += QByteArray::number(upperBoundSeconds(i), 'g', 6);
        out += "\"} ";
        out += QByteArray::number(cumulative);
        out += '\n';
    }
    out += name;
    out += "_bucket{le=\"+Inf\"} ";
    out += QByteArray::number(count());
    out += '\n';
    out += name;
    out += "_sum ";
    out += QByteArray::number(sumSeconds(), 'g', 9);
    out += '\n';
    out += name;
    out += "_count ";
    out += QByteArray::number(count());
    out += '\n';
    return out;
}

} // namespace Util
