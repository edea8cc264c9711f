// SPDX-License-Identifier: MIT
#include "TimeAxisItem.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>

namespace Gui {

TimeAxisItem::TimeAxisItem(QChart *chart, QAbstractSeries *reference, QValueAxis *axis)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_reference(reference)
    , m_axis(axis)
{
    // Above the plot's background, under the series.
    setZValue(chart->zValue() + 0.5);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] { prepareGeometryChange(); });
    // The axis keeps the room for one line of labels (a blank one) and draws no grid of its own: its ticks are
    // evenly spaced, not at round times.
    axis->setGridLineVisible(false);
    axis->setTickCount(2);
    axis->setLabelFormat(QStringLiteral(" "));
}

void TimeAxisItem::setTicks(std::vector<TimeTick> ticks)
{
    // The plot area may have moved since the last paint (the price labels' width, a pane shown): the old
    // and the new place are both repainted, or old labels would stay on screen under the new ones.
    prepareGeometryChange();
    m_ticks = std::move(ticks);
    update();
}

void TimeAxisItem::setLabelsVisible(bool visible)
{
    prepareGeometryChange();
    m_labels = visible;
    m_axis->setLabelsVisible(visible);
    update();
}

QRectF TimeAxisItem::boundingRect() const
{
    const QRectF area = m_chart->plotArea();
    return area.adjusted(-60, 0, 60, m_labels ? QFontMetricsF(m_axis->labelsFont()).height() + 8 : 0);
}

void TimeAxisItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_ticks.empty())
        return;
    const QRectF area = m_chart->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QColor grid = m_axis->gridLineColor();
    const QColor separator = grid.lighter(160);
    const QPen gridPen(grid, 1);
    const QPen separatorPen(separator, 1, Qt::DashLine);
    const QFontMetricsF metrics(m_axis->labelsFont());
    painter->setFont(m_axis->labelsFont());
    std::vector<std::pair<qreal, const TimeTick *>> shown; // x of each tick in view
    for (const TimeTick &tick : m_ticks) {
        const qreal x = m_chart->mapToPosition({tick.slot, 0}, m_reference).x();
        if (x >= area.left() && x <= area.right())
            shown.emplace_back(x, &tick);
    }
    // Labels never overlap: the days' (or years') first, then the round times between them where there is
    // room. A tick whose label finds no room gets no grid line either (bars far apart in time, a few pixels
    // apart on screen, drew a cluster of unlabelled lines), in every pane alike, labelled or not.
    struct Placed
    {
        qreal x;
        qreal left;
        qreal width;
        const TimeTick *tick;
    };
    std::vector<Placed> placed;
    for (bool separators : {true, false})
        for (const auto &[x, tick] : shown) {
            if (tick->separator != separators)
                continue;
            const qreal width = metrics.horizontalAdvance(tick->label);
            const qreal left = std::clamp(x - width / 2, area.left() - 30, area.right() + 30 - width);
            const bool room = std::none_of(placed.begin(), placed.end(), [&](const Placed &p) {
                return left < p.left + p.width + 6 && left + width > p.left - 6;
            });
            if (room)
                placed.push_back({x, left, width, tick});
        }
    for (const Placed &p : placed) {
        painter->setPen(p.tick->separator ? separatorPen : gridPen);
        painter->drawLine(QPointF(p.x, area.top()), QPointF(p.x, area.bottom()));
    }
    if (m_labels) {
        painter->setPen(m_axis->labelsColor());
        for (const Placed &p : placed)
            painter->drawText(QPointF(p.left, area.bottom() + 4 + metrics.ascent()), p.tick->label);
    }
    painter->restore();
}

} // namespace Gui
