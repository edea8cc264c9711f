// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>

#include <optional>
#include <vector>

class QAbstractSeries;
class QChart;

namespace Gui {

/// A working paper order's price on the chart: a dashed line across the price pane with what it is.
struct OrderLine
{
    qint64 id = 0;
    double price = 0;
    bool buy = true;
    QString text; ///< "Buy limit 50"
    bool operator==(const OrderLine &) const = default;
};

/// The working orders' lines on a chart's price pane, green for buys and red for sells, each labelled at
/// the left with what it is and at the right with its price.
class OrderLineItem final : public QGraphicsItem
{
public:
    OrderLineItem(QChart *chart, QAbstractSeries *reference);

    void setLines(std::vector<OrderLine> lines);
    const std::vector<OrderLine> &lines() const noexcept { return m_lines; }
    /// The order whose line is within a few pixels of `position` (chart coordinates).
    std::optional<qint64> hitTest(const QPointF &position) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal yOf(double price) const;

    QChart *m_chart;
    QAbstractSeries *m_reference;
    std::vector<OrderLine> m_lines;
};

} // namespace Gui
