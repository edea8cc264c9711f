// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

class QChart;
class QChartView;

namespace Gui {

/// Around each chart pane's plot and labels, in pixels.
inline constexpr int PaneMargin = 2;

/// A chart for one pane of a symbol chart, as they all look: the dark theme until told otherwise,
/// square, no legend, no animation, thin margins.
QChart *newPaneChart();
/// A pane's view: no antialiasing (crisp candles), no frame, at least 40 px high.
void stylePaneView(QChartView *view);
/// A pane's colours for the light or dark theme: its background, grid lines and labels.
void colourPane(QChartView *view, const QColor &background, const QColor &grid, const QColor &labels);

} // namespace Gui
