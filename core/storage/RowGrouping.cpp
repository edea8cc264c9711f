// SPDX-License-Identifier: MIT
#include "RowGrouping.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <utility>

namespace Storage {

std::uint32_t SymbolGroups::groupOf(const Model::Symbol &symbol)
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<Model::Symbol>{}(symbol)&mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.stamp != m_stamp) {
            slot = Slot{&symbol, std::uint32_t(m_starts.size()), m_stamp};
            m_starts.push_back(0);
            return slot.group;
        }
        if (*slot.symbol == symbol)
            return slot.group;
    }
}

void SymbolGroups::group(std::vector<const Model::Tick *> &ticks)
{
    const std::size_t n = ticks.size();
    if (n < 2)
        return;
    const std::size_t wanted = std::bit_ceil(2 * n);
    if (m_slots.size() < wanted || ++m_stamp == 0) {
        m_slots.assign(std::max(wanted, m_slots.size()), Slot{});
        m_stamp = 1;
    }
    m_starts.clear();
    m_groupOfTick.resize(n);
    const Model::Symbol *previous = nullptr;
    std::uint32_t group = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Model::Symbol &symbol = ticks[i]->symbol;
        if (!previous || !(symbol == *previous)) {
            group = groupOf(symbol);
            previous = &symbol;
        }
        m_groupOfTick[i] = group;
        ++m_starts[group];
    }
    if (m_starts.size() == 1)
        return;
    std::uint32_t at = 0;
    for (std::uint32_t &start : m_starts)
        at += std::exchange(start, at);
    m_out.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_out[m_starts[m_groupOfTick[i]]++] = ticks[i];
    ticks.swap(m_out);
}

void sortBySymbolAndTime(std::vector<BarRow> &rows, std::vector<BarRow> &scratch, std::vector<std::uint32_t> &counts)
{
    if (rows.size() < 2)
        return;
    const auto [lowest, highest] = std::minmax_element(
        rows.begin(), rows.end(), [](const BarRow &a, const BarRow &b) { return a.symbolId < b.symbolId; });
    const std::int64_t low = lowest->symbolId;
    const auto span = std::uint64_t(highest->symbolId - low) + 1;
    if (span > 4 * rows.size() + 4096) {
        std::sort(rows.begin(), rows.end(), [](const BarRow &a, const BarRow &b) {
            return a.symbolId != b.symbolId ? a.symbolId < b.symbolId : inTimeOrder(a, b);
        });
        return;
    }
    counts.assign(std::size_t(span) + 1, 0);
    for (const BarRow &row : rows)
        ++counts[std::size_t(row.symbolId - low) + 1];
    for (std::size_t i = 1; i < counts.size(); ++i)
        counts[i] += counts[i - 1];
    scratch.resize(rows.size());
    for (const BarRow &row : rows)
        scratch[counts[std::size_t(row.symbolId - low)]++] = row;
    rows.swap(scratch);
    for (auto first = rows.begin(); first != rows.end();) {
        const auto end =
            std::find_if(first, rows.end(), [id = first->symbolId](const BarRow &r) { return r.symbolId != id; });
        if (!std::is_sorted(first, end, inTimeOrder))
            std::sort(first, end, inTimeOrder);
        first = end;
    }
}

} // namespace Storage
