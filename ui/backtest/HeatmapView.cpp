// SPDX-License-Identifier: MIT
#include "HeatmapView.h"

#include <QHeaderView>

#include <cmath>

namespace Gui {

namespace {

bool isFraction(Backtest::Objective objective)
{
    return objective == Backtest::Objective::TotalReturn || objective == Backtest::Objective::MaxDrawdown ||
           objective == Backtest::Objective::WinRate;
}

/// Red at 0, yellow at 0.5, green at 1.
QColor shade(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const int red = t < 0.5 ? 230 : int(230 - (t - 0.5) * 2 * 160);
    const int green = t < 0.5 ? int(80 + t * 2 * 140) : 200;
    return QColor(red, green, 90);
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("heatmap"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

void HeatmapView::setHeatmap(const Backtest::Heatmap &map, const QString &xName, const QString &yName,
                             Backtest::Objective objective)
{
    clear();
    setRowCount(int(map.yValues.size()));
    setColumnCount(int(map.xValues.size()));
    QStringList columns;
    for (const double x : map.xValues)
        columns << QStringLiteral("%1 %2").arg(xName).arg(x);
    QStringList rows;
    for (const double y : map.yValues)
        rows << (yName.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(yName).arg(y));
    setHorizontalHeaderLabels(columns);
    setVerticalHeaderLabels(rows);
    double low = INFINITY;
    double high = -INFINITY;
    for (const auto &row : map.cells)
        for (const double v : row)
            if (!std::isnan(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
    const bool lowerIsBetter = objective == Backtest::Objective::MaxDrawdown;
    for (std::size_t r = 0; r < map.cells.size(); ++r)
        for (std::size_t c = 0; c < map.cells[r].size(); ++c) {
            const double v = map.cells[r][c];
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            if (!std::isnan(v)) {
                item->setText(isFraction(objective) ? QString::number(v * 100, 'f', 1) + QStringLiteral(" %")
                                                    : QString::number(v, 'f', 2));
                const double t = high > low ? (v - low) / (high - low) : 0.5;
                item->setBackground(shade(lowerIsBetter ? 1 - t : t));
                item->setForeground(Qt::black);
                item->setData(Qt::UserRole, v);
            }
            setItem(int(r), int(c), item);
        }
}

} // namespace Gui
