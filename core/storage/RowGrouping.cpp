// SPDX-License-Identifier: MIT
#include "RowGrouping.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <utility>

namespace Storage {

QString SymbolGroups::group(std::vector<const Model::Tick *> &ticks, const LookUp &lookUp, std::vector<SymbolRun> &runs)
{
    runs.clear();
    const std::size_t n = ticks.size();
    if (++m_stamp == 0) { // wrapped: no stamp may look like this commit's
        m_known.forEach([](const Model::Symbol &, Known &known) { known.stamp = 0; });
        m_stamp = 1;
    }
    m_runOfTick.resize(n);
    const Model::Symbol *previous = nullptr;
    std::uint32_t run = 0;
    // At thousands of symbols each probe of the table is a miss: asked for early, a memory's wait ahead of a
    // tick that takes a few nanoseconds.
    constexpr std::size_t Ahead = 24;
    for (std::size_t i = 0; i < n; ++i) {
        if (i + Ahead < n && !(ticks[i + Ahead]->symbol == ticks[i + Ahead - 1]->symbol))
            m_known.prefetch(ticks[i + Ahead]->symbol);
        const Model::Symbol &symbol = ticks[i]->symbol;
        if (!previous || !(symbol == *previous)) {
            bool unknown = false, added = false;
            Known &known = m_known.get(symbol, unknown);
            if (unknown) {
                if (QString error = lookUp(symbol, known.id, added); !error.isEmpty()) {
                    m_known.erase(symbol);
                    runs.clear();
                    return error;
                }
            }
            if (known.stamp != m_stamp) {
                known.stamp = m_stamp;
                known.run = std::uint32_t(runs.size());
                runs.push_back({known.id, added, 0, 0});
            }
            run = known.run;
            previous = &symbol;
        }
        m_runOfTick[i] = run;
        ++runs[run].end;
    }
    std::size_t at = 0;
    for (SymbolRun &r : runs) {
        r.first = at;
        at += r.end;
        r.end = r.first;
    }
    if (runs.size() < 2) {
        if (!runs.empty())
            runs.front().end = n;
        return {};
    }
    m_out.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_out[runs[m_runOfTick[i]].end++] = ticks[i];
    ticks.swap(m_out);
    return {};
}

void SymbolGroups::bound(std::size_t most)
{
    if (m_known.size() > most)
        m_known.clear();
}

} // namespace Storage
