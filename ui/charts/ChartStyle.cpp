// SPDX-License-Identifier: MIT
#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>

namespace Gui {

QChart *newPaneChart()
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    chart->setMargins(QMargins(PaneMargin, PaneMargin, PaneMargin, PaneMargin));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void stylePaneView(QChartView *view)
{
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumHeight(40);
}

void colourPane(QChartView *view, const QColor &background, const QColor &grid, const QColor &labels)
{
    view->chart()->setBackgroundBrush(background);
    view->setBackgroundBrush(background);
    const auto axes = view->chart()->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setGridLineColor(grid);
        axis->setLabelsColor(labels);
        axis->setLinePenColor(grid);
    }
}

} // namespace Gui
