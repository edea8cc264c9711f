// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "pipeline/LiveFeed.h"

#include <QHash>
#include <QList>
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
/// window per symbol, so memory stays bounded however long the app runs.
class BarHistory final
{
public:
    explicit BarHistory(int window = 120)
        : m_window(window)
    {}

    void add(const Pipeline::LiveBar &bar);
    void addMarker(const QString &symbol, const Marker &marker);

    const std::deque<Pipeline::LiveBar> &bars(const QString &symbol) const;
    QList<Marker> markers(const QString &symbol) const;
    /// Bumped whenever a symbol's bars change, so a chart can skip redrawing.
    quint64 revision(const QString &symbol) const { return m_revisions.value(symbol); }
    int window() const noexcept { return m_window; }
    /// Takes effect for each symbol with its next bar.
    void setWindow(int bars) { m_window = std::max(1, bars); }

private:
    int m_window;
    QHash<QString, std::deque<Pipeline::LiveBar>> m_bars;
    QHash<QString, QList<Marker>> m_markers;
    QHash<QString, quint64> m_revisions;
};

} // namespace Gui
