// SPDX-License-Identifier: MIT
#include "OrderLineItem.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Gui {

namespace {

constexpr qreal HitPixels = 5;
const QColor BuyColour(38, 166, 154);
const QColor SellColour(239, 83, 80);

} // namespace

OrderLineItem::OrderLineItem(QChart *chart, QAbstractSeries *reference)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_reference(reference)
{
    setZValue(chart->zValue() + 4);
    setAcceptedMouseButtons(Qt::NoButton);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] { prepareGeometryChange(); });
}

void OrderLineItem::setLines(std::vector<OrderLine> lines)
{
    if (lines == m_lines)
        return;
    m_lines = std::move(lines);
    update();
}

qreal OrderLineItem::yOf(double price) const
{
    return m_chart->mapToPosition(QPointF(0, price), m_reference).y();
}

std::optional<qint64> OrderLineItem::hitTest(const QPointF &position) const
{
    const QRectF area = m_chart->plotArea();
    std::optional<qint64> nearest;
    qreal best = HitPixels;
    for (const OrderLine &line : m_lines) {
        const qreal y = yOf(line.price);
        const qreal d = std::abs(y - position.y());
        if (d <= best && y >= area.top() && y <= area.bottom()) {
            best = d;
            nearest = line.id;
        }
    }
    return nearest;
}

QRectF OrderLineItem::boundingRect() const
{
    return m_chart->plotArea();
}

void OrderLineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_lines.empty())
        return;
    const QRectF area = m_chart->plotArea();
    painter->save();
    painter->setClipRect(area);
    const QFontMetricsF metrics(painter->font());
    const qreal labelHeight = metrics.height() + 2;
    for (const OrderLine &line : m_lines) {
        const qreal y = yOf(line.price);
        const bool above = y<area.top(), below = y> area.bottom();
        const QColor colour = line.buy ? BuyColour : SellColour;
        if (!above && !below) {
            painter->setPen(QPen(colour, 1.2, Qt::DashLine));
            painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
        // Out of the prices in view: only its labels, at the edge it is beyond, pointing at it.
        const QString what = (above ? QStringLiteral("↑ ") : below ? QStringLiteral("↓ ") : QString()) + line.text;
        const qreal labelBottom = std::clamp(y, area.top() + labelHeight + 1, area.bottom() - 1);
        const auto label = [&](const QString &text, bool left) {
            QRectF box(0, 0, metrics.horizontalAdvance(text) + 8, labelHeight);
            if (left)
                box.moveBottomLeft(QPointF(area.left() + 4, labelBottom));
            else
                box.moveBottomRight(QPointF(area.right() - 2, labelBottom));
            painter->fillRect(box, colour);
            painter->setPen(Qt::white);
            painter->drawText(box, Qt::AlignCenter, text);
        };
        label(what, true);
        label(QString::number(line.price, 'f', std::abs(line.price) < 1 ? 4 : 2), false);
    }
    painter->restore();
}

} // namespace Gui
