// SPDX-License-Identifier: MIT
#include "LogBucket.h"

#include "util/Prefetch.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace Storage {

void LogBucket::clear()
{
    m_rows.clear();
    m_ids.clear();
    m_times.clear();
    m_order.clear();
    m_sortedIds.clear();
    m_arrivalOrder = true;
}

void LogBucket::add(const BarRow &row)
{
    if (!m_rows.empty() && row.seq < m_rows.back().seq)
        m_arrivalOrder = false;
    m_rows.push_back(row);
    m_ids.push_back(row.symbolId);
    m_times.push_back(row.timestamp);
}

void LogBucket::sort()
{
    const std::size_t n = m_rows.size();
    m_order.resize(n);
    m_sortedIds.resize(n);
    if (n == 0)
        return;
    const auto [lowest, highest] = std::minmax_element(m_ids.begin(), m_ids.end());
    const std::int64_t low = *lowest;
    const auto span = std::uint64_t(*highest - low) + 1;
    if (span > 4 * n + 4096 || !m_arrivalOrder) {
        // Ids too far apart for a table of counts (or rows not in arrival order, which the log never gives):
        // a comparison sort of the positions.
        std::iota(m_order.begin(), m_order.end(), 0u);
        std::sort(m_order.begin(), m_order.end(), [this](std::uint32_t a, std::uint32_t b) {
            const BarRow &x = m_rows[a], &y = m_rows[b];
            return x.symbolId != y.symbolId ? x.symbolId < y.symbolId : inTimeOrder(x, y);
        });
        for (std::size_t k = 0; k < n; ++k)
            m_sortedIds[k] = m_ids[m_order[k]];
        return;
    }
    // Counting by id keeps each symbol's rows in arrival order, which is time order unless a row came after a
    // later one: those symbols alone are sorted again.
    m_counts.assign(std::size_t(span) + 1, 0);
    for (const std::int64_t id : m_ids)
        ++m_counts[std::size_t(id - low) + 1];
    std::partial_sum(m_counts.begin(), m_counts.end(), m_counts.begin());
    m_latest.assign(std::size_t(span), std::numeric_limits<std::int64_t>::min());
    m_late.assign(std::size_t(span), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto d = std::size_t(m_ids[i] - low);
        const std::uint32_t k = m_counts[d]++;
        m_order[k] = std::uint32_t(i);
        m_sortedIds[k] = m_ids[i];
        if (m_times[i] < m_latest[d])
            m_late[d] = 1;
        else
            m_latest[d] = m_times[i];
    }
    // m_counts[d] is now where symbol d's positions end, and m_counts[d - 1] where they begin.
    for (std::size_t d = 0; d < std::size_t(span); ++d)
        if (m_late[d])
            sortInTime(d == 0 ? 0 : m_counts[d - 1], m_counts[d]);
}

void LogBucket::sortInTime(std::size_t first, std::size_t end)
{
    std::sort(m_order.begin() + std::ptrdiff_t(first), m_order.begin() + std::ptrdiff_t(end),
              [this](std::uint32_t a, std::uint32_t b) { return inTimeOrder(m_rows[a], m_rows[b]); });
}

void LogBucket::gather(std::size_t first, std::size_t end, std::vector<BarRow> &out) const
{
    // Each row is a line of its own somewhere in megabytes: asked for a few rows ahead, past the end too (the
    // next symbol's rows are gathered next).
    constexpr std::size_t Ahead = 8;
    out.resize(end - first);
    for (std::size_t k = first; k < end; ++k) {
        if (k + Ahead < m_order.size())
            Util::prefetchLine(&m_rows[m_order[k + Ahead]]);
        out[k - first] = m_rows[m_order[k]];
    }
}

} // namespace Storage
