// SPDX-License-Identifier: MIT
#include "BarHistory.h"

namespace Gui {

void BarHistory::add(const Pipeline::LiveBar &bar)
{
    const QString symbol = bar.bar.symbol.toString();
    auto &bars = m_bars[symbol];
    bars.push_back(bar);
    while (bars.size() > std::size_t(m_window))
        bars.pop_front();
    auto &markers = m_markers[symbol];
    const Model::TimestampUs oldest = bars.front().bar.timestamp;
    markers.removeIf([oldest](const Marker &m) { return m.time < oldest; });
    ++m_revisions[symbol];
}

void BarHistory::addMarker(const QString &symbol, const Marker &marker)
{
    m_markers[symbol].append(marker);
    ++m_revisions[symbol];
}

const std::deque<Pipeline::LiveBar> &BarHistory::bars(const QString &symbol) const
{
    static const std::deque<Pipeline::LiveBar> none;
    const auto it = m_bars.constFind(symbol);
    return it == m_bars.cend() ? none : *it;
}

QList<Marker> BarHistory::markers(const QString &symbol) const
{
    return m_markers.value(symbol);
}

} // namespace Gui
