// SPDX-License-Identifier: MIT
#pragma once

#include "BarRowCodec.h"

#include <cstdint>
#include <vector>

namespace Storage {

/// One bucket of a frozen bar log, read to be moved into blocks: its rows as the log holds them, and the order
/// that visits them by symbol id, then time, then sequence.
///
/// At thousands of symbols a bucket holds megabytes of rows, spread over hundreds of symbols. Putting the rows
/// themselves in order wrote each to a scattered place, a wait for memory per row; here only the small keys
/// are ordered (a counting pass by symbol id over the ids read alongside), and the rows are copied out one
/// symbol at a time as they are moved, each a read asked for ahead (gather()).
class LogBucket final
{
public:
    void clear();
    /// Appends a row as read from the log (in arrival order: each row's sequence after the one before).
    void add(const BarRow &row);
    /// Orders the rows added since clear().
    void sort();

    std::size_t size() const noexcept { return m_order.size(); }
    /// The symbol id of the row at position `k` of the order.
    std::int64_t symbolAt(std::size_t k) const noexcept { return m_sortedIds[k]; }
    /// The row at position `k` of the order.
    const BarRow &at(std::size_t k) const noexcept { return m_rows[m_order[k]]; }
    /// Replaces `out` by the rows at positions [first, end) of the order.
    void gather(std::size_t first, std::size_t end, std::vector<BarRow> &out) const;

private:
    /// Puts each symbol's positions [first, end) in time order, where its rows came out of it (late records).
    void sortInTime(std::size_t first, std::size_t end);

    std::vector<BarRow> m_rows;         ///< as added
    std::vector<std::int64_t> m_ids;    ///< m_rows' symbol ids, side by side
    std::vector<std::int64_t> m_times;  ///< m_rows' times, side by side
    bool m_arrivalOrder = true;         ///< each row's sequence was after the one before
    std::vector<std::uint32_t> m_order; ///< positions into m_rows
    std::vector<std::int64_t> m_sortedIds;
    std::vector<std::uint32_t> m_counts;
    std::vector<std::int64_t> m_latest; ///< per symbol, the latest time met in the counting pass
    std::vector<std::uint8_t> m_late;   ///< per symbol, whether a row came after a later one
};

} // namespace Storage
