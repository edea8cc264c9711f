// SPDX-License-Identifier: MIT
#include "DrawingItem.h"

#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>

#include <cmath>

namespace Gui {

namespace {

constexpr qreal HitPixels = 6;
const QColor LineColour(66, 133, 244);
const QColor AlertColour(255, 152, 0);

/// How far `p` is from the segment a–b.
qreal distance(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF d = b - a;
    const qreal length2 = QPointF::dotProduct(d, d);
    const qreal t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * d).length();
}

} // namespace

DrawingItem::DrawingItem(QChart *chart, QAbstractSeries *reference)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_reference(reference)
{
    setZValue(chart->zValue() + 3);
    setAcceptedMouseButtons(Qt::NoButton); // the chart's event filter handles the mouse
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] { prepareGeometryChange(); });
}

void DrawingItem::setMapping(std::function<qreal(Model::TimestampUs)> slotOf,
                             std::function<Model::TimestampUs(qreal)> timeAt)
{
    m_slotOf = std::move(slotOf);
    m_timeAt = std::move(timeAt);
}

void DrawingItem::setDrawings(std::vector<Alerts::Drawing> drawings)
{
    m_drawings = std::move(drawings);
    update();
}

void DrawingItem::setPreview(std::optional<Alerts::Drawing> preview)
{
    m_preview = std::move(preview);
    update();
}

void DrawingItem::setSelected(std::optional<qint64> id)
{
    m_selected = id;
    update();
}

void DrawingItem::setDark(bool dark)
{
    m_dark = dark;
    update();
}

QRectF DrawingItem::boundingRect() const
{
    return m_chart->plotArea();
}

QPointF DrawingItem::at(Model::TimestampUs time, double price) const
{
    return m_chart->mapToPosition(QPointF(m_slotOf ? m_slotOf(time) : 0, price), m_reference);
}

QList<QPointF> DrawingItem::outline(const Alerts::Drawing &d) const
{
    const QRectF area = m_chart->plotArea();
    switch (d.kind) {
    case Alerts::Drawing::Kind::Horizontal: {
        const qreal y = at(d.time1, d.price1).y();
        return {QPointF(area.left(), y), QPointF(area.right(), y)};
    }
    case Alerts::Drawing::Kind::Rectangle: {
        const QPointF a = at(d.time1, d.price1);
        const QPointF b = at(d.time2, d.price2);
        return {a, QPointF(b.x(), a.y()), b, QPointF(a.x(), b.y())};
    }
    case Alerts::Drawing::Kind::Trend:
        break;
    }
    // Through its level at every bar position in view (and the two ends), as an alert on it sees it.
    QList<QPointF> points;
    if (!m_timeAt)
        return points;
    const qreal from = std::floor(m_chart->mapToValue(area.topLeft(), m_reference).x()) - 1;
    const qreal to = std::ceil(m_chart->mapToValue(area.topRight(), m_reference).x()) + 1;
    const Alerts::Operand level = d.level();
    for (qreal slot = from; slot <= to && points.size() < 20'000; slot += 1) {
        const Model::TimestampUs time = m_timeAt(slot);
        points.append(m_chart->mapToPosition(QPointF(slot, level.lineAt(time)), m_reference));
    }
    return points;
}

std::optional<DrawingItem::Hit> DrawingItem::hitTest(const QPointF &position) const
{
    std::optional<Hit> best;
    qreal bestDistance = HitPixels;
    for (std::size_t i = 0; i < m_drawings.size(); ++i) {
        const Alerts::Drawing &d = m_drawings[i];
        if (d.kind != Alerts::Drawing::Kind::Horizontal) {
            for (const auto &[part, point] :
                 {std::pair{Part::First, at(d.time1, d.price1)}, std::pair{Part::Second, at(d.time2, d.price2)}}) {
                if (const qreal dist = QLineF(position, point).length(); dist <= bestDistance + 1) {
                    best = Hit{i, part};
                    bestDistance = dist - 1; // a point wins over a line as near
                }
            }
        }
        const QList<QPointF> points = outline(d);
        const bool closed = d.kind == Alerts::Drawing::Kind::Rectangle;
        for (qsizetype p = 0; p + 1 < points.size() + (closed ? 1 : 0); ++p) {
            const qreal dist = distance(position, points[p], points[(p + 1) % points.size()]);
            if (dist < bestDistance) {
                best = Hit{i, Part::Body};
                bestDistance = dist;
            }
        }
        if (closed && !best && QPolygonF(points).containsPoint(position, Qt::OddEvenFill))
            best = Hit{i, Part::Body};
    }
    return best;
}

void DrawingItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_drawings.empty() && !m_preview)
        return;
    painter->save();
    painter->setClipRect(m_chart->plotArea());
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const Alerts::Drawing &d : m_drawings)
        if (!m_preview || m_preview->id != d.id || d.id == 0)
            paintOne(painter, d, m_selected == d.id);
    if (m_preview)
        paintOne(painter, *m_preview, true);
    painter->restore();
}

void DrawingItem::paintOne(QPainter *painter, const Alerts::Drawing &d, bool highlighted) const
{
    const QColor colour = d.alertId > 0 ? AlertColour : LineColour;
    QPen pen(colour, highlighted ? 2.0 : 1.4);
    if (d.alertId > 0)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    const QList<QPointF> points = outline(d);
    if (d.kind == Alerts::Drawing::Kind::Rectangle) {
        QColor fill = colour;
        fill.setAlpha(40);
        painter->setBrush(fill);
        painter->drawPolygon(QPolygonF(points));
        painter->setBrush(Qt::NoBrush);
    } else {
        painter->drawPolyline(QPolygonF(points));
    }
    if (d.kind != Alerts::Drawing::Kind::Horizontal && highlighted) {
        painter->setBrush(m_dark ? QColor(30, 32, 38) : Qt::white);
        for (const QPointF &p : {at(d.time1, d.price1), at(d.time2, d.price2)})
            painter->drawEllipse(p, 4, 4);
        painter->setBrush(Qt::NoBrush);
    }
    if (d.kind == Alerts::Drawing::Kind::Horizontal) {
        // Its price at the right edge, on the line's colour (saying so when it carries an alert).
        QString text = QString::number(d.price1, 'f', d.price1 < 1 ? 4 : 2);
        if (d.alertId > 0)
            text = QCoreApplication::translate("DrawingItem", "%1 · alert").arg(text);
        const QFontMetricsF metrics(painter->font());
        const QRectF area = m_chart->plotArea();
        const qreal y = points.constFirst().y();
        QRectF label(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2);
        label.moveBottomRight(QPointF(area.right() - 2, y - 1));
        painter->fillRect(label, colour);
        painter->setPen(Qt::white);
        painter->drawText(label, Qt::AlignCenter, text);
    }
}

} // namespace Gui
