// SPDX-License-Identifier: MIT
#include "BarHistory.h"

namespace Gui {

namespace {

bool earlier(const Pipeline::LiveBar &a, const Pipeline::LiveBar &b)
{
    return a.bar.timestamp < b.bar.timestamp;
}

} // namespace

void BarHistory::setWatched(const QSet<QString> &symbols)
{
    m_watched = symbols;
    for (auto it = m_bars.begin(); it != m_bars.end();) {
        if (m_watched.contains(it.key())) {
            ++it;
            continue;
        }
        m_markers.remove(it.key());
        m_loaded.remove(it.key());
        it = m_bars.erase(it);
    }
}

void BarHistory::add(const Pipeline::LiveBar &bar)
{
    const QString symbol = bar.bar.symbol.toString();
    if (!m_watched.contains(symbol))
        return;
    auto &bars = m_bars[symbol];
    if (bars.empty() || bar.bar.timestamp >= bars.back().bar.timestamp) {
        bars.push_back(bar);
    } else {
        if (bars.size() >= std::size_t(m_window) && bar.bar.timestamp < bars.front().bar.timestamp)
            return; // older than everything shown
        bars.insert(std::upper_bound(bars.begin(), bars.end(), bar, earlier), bar);
    }
    trim(symbol, bars);
    ++m_revisions[symbol];
}

void BarHistory::trim(const QString &symbol, std::deque<Pipeline::LiveBar> &bars)
{
    while (bars.size() > std::size_t(m_window))
        bars.pop_front();
    if (bars.empty())
        return;
    const Model::TimestampUs oldest = bars.front().bar.timestamp;
    m_markers[symbol].removeIf([oldest](const Marker &m) { return m.time < oldest; });
}

void BarHistory::addMarker(const QString &symbol, const Marker &marker)
{
    if (!m_watched.contains(symbol))
        return;
    m_markers[symbol].append(marker);
    ++m_revisions[symbol];
}

void BarHistory::load(const Pipeline::ChartHistory &history)
{
    const QString &symbol = history.symbol;
    m_loading.remove(symbol);
    if (!m_watched.contains(symbol))
        return; // off screen since it was asked for
    m_loaded.insert(symbol);
    auto &bars = m_bars[symbol];
    std::deque<Pipeline::LiveBar> merged(history.bars.begin(), history.bars.end());
    const Model::TimestampUs lastStored = merged.empty() ? -1 : merged.back().bar.timestamp;
    for (const auto &live : bars)
        if (live.bar.timestamp > lastStored)
            merged.push_back(live);
    bars.swap(merged);

    QList<Marker> markers;
    for (const auto &s : history.signals)
        markers.append({s.timestamp, s.price, s.side});
    for (const Marker &m : std::as_const(m_markers[symbol]))
        if (m.time > lastStored)
            markers.append(m);
    m_markers[symbol] = markers;
    trim(symbol, bars);
    ++m_revisions[symbol];
}

void BarHistory::setLoading(const QString &symbol, bool loading)
{
    if (loading)
        m_loading.insert(symbol);
    else
        m_loading.remove(symbol);
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
