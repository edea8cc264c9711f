// SPDX-License-Identifier: MIT
#pragma once

#include "BarRowCodec.h"
#include "model/Records.h"
#include "model/SymbolMap.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace Storage {

/// One symbol's ticks of a commit: [first, end) of the ticks as SymbolGroups::group() left them.
struct SymbolRun
{
    std::int64_t symbolId = 0;
    bool newSymbol = false; ///< the transaction added the symbol
    std::size_t first = 0;
    std::size_t end = 0;
};

/// Puts each symbol's ticks of a commit together, in the order they came, the symbols in the order of their
/// first tick, and tells each symbol's id. One probe a tick (none while the symbol repeats) in a table of the
/// symbols met so far, which holds both the id and the symbol's run in this commit: at thousands of symbols a
/// commit holds one or two ticks of each, so a second table for the ids cost a second probe a tick.
class SymbolGroups final
{
public:
    /// The id of a symbol not met so far, read or added (`added`) by the caller; empty, or what failed.
    using LookUp = std::function<QString(const Model::Symbol &symbol, std::int64_t &id, bool &added)>;

    /// Reorders `ticks` by symbol and fills `runs`; empty, or the error of `lookUp` (the ticks are then as
    /// they were, and nothing of the symbols it failed on is kept).
    QString group(std::vector<const Model::Tick *> &ticks, const LookUp &lookUp, std::vector<SymbolRun> &runs);
    /// Forgets one symbol's id (a rolled-back transaction added it).
    void forget(const Model::Symbol &symbol) { m_known.erase(symbol); }
    /// Forgets every id when more than `most` are kept.
    void bound(std::size_t most);

private:
    struct Known
    {
        std::int64_t id = 0;
        std::uint32_t stamp = 0; ///< the symbol has a run in this commit when it equals m_stamp
        std::uint32_t run = 0;
    };

    Model::SymbolMap<Known> m_known;
    std::uint32_t m_stamp = 0;
    std::vector<std::uint32_t> m_runOfTick;
    std::vector<const Model::Tick *> m_out;
};

} // namespace Storage
