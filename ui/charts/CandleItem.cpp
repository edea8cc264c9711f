// SPDX-License-Identifier: MIT
#include "CandleItem.h"

#include <QChart>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Gui {

CandleItem::CandleItem(QChart *chart, QAbstractSeries *reference, QColor up, QColor down)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_reference(reference)
    , m_up(up)
    , m_down(down)
{
    // Above the grid (Qt Charts draws its grid lines at 2, axes at 3, series at 4), under the indicator lines:
    // at 1 the grid crossed the bodies, and a flat bar at a round price vanished under its grid line.
    setZValue(chart->zValue() + 2.5);
}

void CandleItem::setCandles(QList<Candle> candles)
{
    m_candles = std::move(candles);
    update();
}

QRectF CandleItem::boundingRect() const
{
    return m_chart->plotArea();
}

void CandleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_candles.isEmpty())
        return;
    const QRectF area = m_chart->plotArea();
    painter->save();
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing, false);
    // Body width from the spacing of the bars, 70 % of it.
    qreal spacing = area.width() / qreal(std::max<qsizetype>(1, m_candles.size()));
    if (m_barWidth > 0) {
        const qreal x0 = m_chart->mapToPosition({m_candles.back().time, 0}, m_reference).x();
        const qreal x1 = m_chart->mapToPosition({m_candles.back().time + m_barWidth, 0}, m_reference).x();
        spacing = std::max<qreal>(1, x1 - x0);
    } else if (m_candles.size() > 1) {
        const qreal x0 = m_chart->mapToPosition({m_candles.front().time, 0}, m_reference).x();
        const qreal x1 = m_chart->mapToPosition({m_candles.back().time, 0}, m_reference).x();
        spacing = std::max<qreal>(1, (x1 - x0) / qreal(m_candles.size() - 1));
    }
    const qreal half = std::max<qreal>(0.5, spacing * 0.35);
    for (const Candle &c : std::as_const(m_candles)) {
        const QPointF top = m_chart->mapToPosition({c.time, c.high}, m_reference);
        const QPointF bottom = m_chart->mapToPosition({c.time, c.low}, m_reference);
        const qreal open = m_chart->mapToPosition({c.time, c.open}, m_reference).y();
        const qreal close = m_chart->mapToPosition({c.time, c.close}, m_reference).y();
        const QColor &color = c.close >= c.open ? m_up : m_down;
        painter->setPen(color);
        painter->drawLine(QPointF(top.x(), top.y()), QPointF(bottom.x(), bottom.y()));
        if (m_ohlcBars) {
            painter->drawLine(QPointF(top.x() - half, open), QPointF(top.x(), open));
            painter->drawLine(QPointF(top.x(), close), QPointF(top.x() + half, close));
            continue;
        }
        const qreal y = std::min(open, close);
        painter->fillRect(QRectF(top.x() - half, y, 2 * half, std::max<qreal>(1, std::fabs(close - open))), color);
    }
    painter->restore();
}

} // namespace Gui
