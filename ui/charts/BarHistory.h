// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "pipeline/ChartHistory.h"
#include "pipeline/LiveFeed.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <algorithm>
#include <deque>

namespace Gui {

/// A signal marker on a chart.
struct Marker
{
    Model::TimestampUs time = 0;
    double price = 0;
    Model::SignalSide side = Model::SignalSide::Alert;
};

/// The latest bars and signal markers of every symbol, for drawing: a rolling
/// window per symbol, so memory stays bounded however long the app runs. Bars
/// are kept in time order whatever order they come in; the newest is always last.
class BarHistory final
{
public:
    explicit BarHistory(int window = 120)
        : m_window(window)
    {}

    /// Only the symbols on screen (grid cells, tabs) keep bars: memory stays bounded however many symbols
    /// come in; a symbol put on screen reads its bars from the database. Forgets the others.
    void setWatched(const QSet<QString> &symbols);
    bool isWatched(const QString &symbol) const { return m_watched.contains(symbol); }
    /// A live bar of a watched symbol; one older than the window's oldest when the window is full is left out.
    void add(const Pipeline::LiveBar &bar);
    void addMarker(const QString &symbol, const Marker &marker);
    /// Stored history read for a chart: becomes the symbol's bars, with any live bars newer than it after it.
    void load(const Pipeline::ChartHistory &history);
    /// Whether stored history was loaded for the symbol (or is on its way: see setLoading).
    bool isLoaded(const QString &symbol) const { return m_loaded.contains(symbol); }
    bool isLoading(const QString &symbol) const { return m_loading.contains(symbol); }
    void setLoading(const QString &symbol, bool loading);
    /// Forgets which symbols were loaded, so the next look loads them again (after an import).
    void invalidateLoaded() { m_loaded.clear(); }
    void invalidateLoaded(const QString &symbol) { m_loaded.remove(symbol); }

    const std::deque<Pipeline::LiveBar> &bars(const QString &symbol) const;
    QList<Marker> markers(const QString &symbol) const;
    /// Bumped whenever a symbol's bars change, so a chart can skip redrawing.
    quint64 revision(const QString &symbol) const { return m_revisions.value(symbol); }
    int window() const noexcept { return m_window; }
    /// Takes effect for each symbol with its next bar.
    void setWindow(int bars) { m_window = std::max(1, bars); }

private:
    void trim(const QString &symbol, std::deque<Pipeline::LiveBar> &bars);

    int m_window;
    QHash<QString, std::deque<Pipeline::LiveBar>> m_bars;
    QHash<QString, QList<Marker>> m_markers;
    QHash<QString, quint64> m_revisions;
    QSet<QString> m_loaded;
    QSet<QString> m_watched;
    QSet<QString> m_loading;
};

} // namespace Gui
