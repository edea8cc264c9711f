// SPDX-License-Identifier: MIT
// Moving through a symbol chart's bars: the mouse wheel zooms, dragging scrolls back in time (older bars are
// read as the view reaches them), and "Live" returns to the newest bar.
#include "SymbolChart.h"

#include <QChart>
#include <QChartView>
#include <QMouseEvent>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Gui {

namespace {

constexpr int MinVisibleBars = 10;
constexpr qreal DefaultBarPixels = 6; ///< a bar's slot across, until the trader zooms

} // namespace

int SymbolChart::visibleBars() const noexcept
{
    if (m_zoomBars > 0)
        return m_zoomBars;
    // A chart shows the bars it holds (Settings → Display), at least a screenful while there are few. A grid
    // cell shows as many as fit at a candle's usual spacing: the 120 a chart holds made its candles one-pixel
    // lines.
    const int held = std::max(m_compact ? 30 : 60, m_lastHistory ? m_lastHistory->window() : 120);
    const qreal width = m_priceView->chart()->plotArea().width();
    if (!m_compact || width < 1)
        return held;
    return std::clamp(int(width / DefaultBarPixels), MinVisibleBars, held);
}

std::pair<qreal, qreal> SymbolChart::viewSpan(const std::deque<Pipeline::LiveBar> &bars) const
{
    const qreal end = m_viewEnd ? *m_viewEnd : liveEnd(bars);
    return {end - qreal(visibleBars()), end};
}

void SymbolChart::resetView()
{
    m_zoomBars = 0;
    m_viewEnd.reset();
    m_dragFrom.reset();
    m_liveButton->hide();
}

void SymbolChart::scrollBy(double bars)
{
    if (!m_lastHistory || m_lastHistory->bars(m_key).empty())
        return;
    const auto &all = m_lastHistory->bars(m_key);
    const qreal end = viewSpan(all).second - qreal(bars);
    if (end >= liveEnd(all))
        m_viewEnd.reset(); // at the live end again: it follows new bars
    else
        m_viewEnd = end;
    redraw(*m_lastHistory);
}

void SymbolChart::zoomBy(int wheelSteps)
{
    const int zoomed = int(std::lround(visibleBars() * std::pow(0.8, wheelSteps)));
    m_zoomBars = std::clamp(zoomed, MinVisibleBars, int(BarHistory::MaxDepth));
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

void SymbolChart::goLive()
{
    const bool wasScrolled = !isLive();
    resetView();
    if (wasScrolled)
        Q_EMIT backToLive(m_key);
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

bool SymbolChart::navigate(QChartView *view, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Wheel: {
        const int steps = static_cast<QWheelEvent *>(event)->angleDelta().y() / 120;
        if (steps != 0)
            zoomBy(steps);
        return true;
    }
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !m_lastHistory || m_lastHistory->bars(m_key).empty())
            return false;
        m_dragFrom = mouse->position();
        m_dragEnd = viewSpan(m_lastHistory->bars(m_key)).second;
        return false;
    }
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_dragFrom || !(mouse->buttons() & Qt::LeftButton) || !m_lastHistory)
            return false;
        const auto &all = m_lastHistory->bars(m_key);
        const qreal width = std::max<qreal>(1, view->chart()->plotArea().width());
        const qreal barsPerPixel = qreal(visibleBars()) / width;
        const qreal end = m_dragEnd - (mouse->position().x() - m_dragFrom->x()) * barsPerPixel;
        if (end >= liveEnd(all))
            m_viewEnd.reset();
        else
            m_viewEnd = end;
        redraw(*m_lastHistory);
        return false;
    }
    case QEvent::MouseButtonRelease:
        m_dragFrom.reset();
        return false;
    default:
        return false;
    }
}

} // namespace Gui
