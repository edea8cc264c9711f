// SPDX-License-Identifier: MIT
#pragma once

#include "BarRowCodec.h"
#include "model/Records.h"

#include <cstdint>
#include <vector>

namespace Storage {

/// Puts each symbol's ticks of a commit together, in the order they came, the symbols in the order of their
/// first tick. One hash probe a tick (none while the symbol repeats), where sorting by name compared the
/// symbols' text some log2(n) times a tick: at thousands of symbols a commit holds one or two ticks of each.
class SymbolGroups final
{
public:
    void group(std::vector<const Model::Tick *> &ticks);

private:
    struct Slot
    {
        const Model::Symbol *symbol = nullptr;
        std::uint32_t group = 0;
        std::uint32_t stamp = 0; ///< the slot is taken in this commit when it equals m_stamp
    };

    std::uint32_t groupOf(const Model::Symbol &symbol);

    /// Open addressing, a power of two at least twice the ticks, of pointers to the commit's own symbols. Not a
    /// Model::SymbolMap: a slot is free again when its stamp is not this commit's, so nothing is cleared or
    /// erased between commits (a SymbolMap emptied by erasing each commit's symbols measured about 10 % slower
    /// at 5,000 symbols, bench_symbols in alternate runs).
    std::vector<Slot> m_slots;
    std::uint32_t m_stamp = 0;
    std::vector<std::uint32_t> m_groupOfTick;
    std::vector<std::uint32_t> m_starts; ///< ticks per group, then where each group goes
    std::vector<const Model::Tick *> m_out;
};

/// Sorts rows by symbol id, then time, then sequence: a counting pass by symbol id (stable, so each symbol's
/// rows keep their arrival order) and a sort only of the symbols whose rows came out of time order (late
/// records). Falls back to a comparison sort when the ids are too far apart for a table of counts.
void sortBySymbolAndTime(std::vector<BarRow> &rows, std::vector<BarRow> &scratch, std::vector<std::uint32_t> &counts);

} // namespace Storage
