// SPDX-License-Identifier: MIT
#include "LatencyHistogram.h"

#include "Prometheus.h"

#include <cmath>

namespace Util {

void LatencyHistogram::observe(std::int64_t nanoseconds) noexcept
{
    if (nanoseconds < 0)
        nanoseconds = 0;
    int bucket = 0;
    if (nanoseconds > 1000)
        bucket = int(std::ceil(4.0 * std::log2(double(nanoseconds) / 1000.0)));
    if (bucket >= Buckets)
        bucket = Buckets - 1;
    m_counts[std::size_t(bucket)].fetch_add(1, std::memory_order_relaxed);
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
