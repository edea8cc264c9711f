// SPDX-License-Identifier: MIT
#pragma once

#include "backtest/Optimizer.h"

#include <QTableWidget>

namespace Gui {

/// A figure over two parameters as a grid of coloured cells, from the worst (red) to the best (green); an
/// empty cell is a set that could not run.
class HeatmapView final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapView)

public:
    explicit HeatmapView(QWidget *parent = nullptr);
    void setHeatmap(const Backtest::Heatmap &map, const QString &xName, const QString &yName,
                    Backtest::Objective objective);
};

} // namespace Gui
