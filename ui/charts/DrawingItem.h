// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/Drawing.h"

#include <QGraphicsItem>

#include <functional>
#include <optional>
#include <vector>

class QAbstractSeries;
class QChart;

namespace Gui {

/// The lines and boxes drawn on a chart's price pane, painted over the candles. Bars are spaced by index,
/// so a drawing stands at times, mapped to the axis through the bars (`slotOf`); a trend line is drawn
/// through its level at each bar's time, which is exactly what an alert on it compares with.
class DrawingItem final : public QGraphicsItem
{
public:
    /// Which part of a drawing is under the mouse.
    enum class Part
    {
        Body,
        First, ///< the point at (time1, price1)
        Second,
    };
    struct Hit
    {
        std::size_t index = 0;
        Part part = Part::Body;
    };

    DrawingItem(QChart *chart, QAbstractSeries *reference);

    /// Maps a time to an axis position, and an axis position back to a time.
    void setMapping(std::function<qreal(Model::TimestampUs)> slotOf, std::function<Model::TimestampUs(qreal)> timeAt);
    void setDrawings(std::vector<Alerts::Drawing> drawings);
    const std::vector<Alerts::Drawing> &drawings() const noexcept { return m_drawings; }
    /// A drawing being placed or dragged, drawn over the others (none: no such).
    void setPreview(std::optional<Alerts::Drawing> preview);
    void setSelected(std::optional<qint64> id);
    std::optional<qint64> selected() const noexcept { return m_selected; }
    void setDark(bool dark);

    /// The drawing (and part of it) within a few pixels of `position` (chart coordinates), nearest first.
    std::optional<Hit> hitTest(const QPointF &position) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPointF at(Model::TimestampUs time, double price) const;
    /// The points a drawing is painted through (a polyline; a rectangle's four corners).
    QList<QPointF> outline(const Alerts::Drawing &drawing) const;
    void paintOne(QPainter *painter, const Alerts::Drawing &drawing, bool highlighted) const;

    QChart *m_chart;
    QAbstractSeries *m_reference;
    std::function<qreal(Model::TimestampUs)> m_slotOf;
    std::function<Model::TimestampUs(qreal)> m_timeAt;
    std::vector<Alerts::Drawing> m_drawings;
    std::optional<Alerts::Drawing> m_preview;
    std::optional<qint64> m_selected;
    bool m_dark = true;
};

} // namespace Gui
