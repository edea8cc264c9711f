// SPDX-License-Identifier: MIT
#pragma once

#include "TimeTicks.h"

#include <QGraphicsItem>

class QAbstractSeries;
class QChart;
class QValueAxis;

namespace Gui {

/// The time axis of a pane whose bars are spaced by index: a grid line at each label's bar, a dashed one
/// at each day's (or year's) first bar, and, in the lowest pane, the labels under the plot. The pane's own
/// x axis (`axis`) keeps the range and the room for a line of labels; its colours and font are used here.
class TimeAxisItem final : public QGraphicsItem
{
public:
    /// `reference` is any series attached to the chart's axes; positions are mapped through it.
    TimeAxisItem(QChart *chart, QAbstractSeries *reference, QValueAxis *axis);

    void setTicks(std::vector<TimeTick> ticks);
    /// Labels under the plot (the lowest pane); grid lines only otherwise.
    void setLabelsVisible(bool visible);
    const std::vector<TimeTick> &ticks() const noexcept { return m_ticks; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QAbstractSeries *m_reference;
    QValueAxis *m_axis;
    std::vector<TimeTick> m_ticks;
    bool m_labels = false;
};

} // namespace Gui
