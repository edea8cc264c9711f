// SPDX-License-Identifier: MIT
#pragma once

#include "CandleItem.h"
#include "TimeTicks.h"

#include <QChartView>
#include <QList>
#include <QPointF>

#include <optional>

class QLineSeries;
class QValueAxis;

namespace Gui {

class TimeAxisItem;

/// A pane under a chart's candles for an oscillator on its own scale (MACD, ATR): lines and, if asked, a
/// histogram coloured by sign, over the same time span as the candles, with the crosshair's line.
class IndicatorPane final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndicatorPane)

public:
    explicit IndicatorPane(QWidget *parent = nullptr);

    QLineSeries *addLine(const QColor &color);
    void addHistogram(const QColor &up, const QColor &down);
    /// One list of points per line (in the order added) and the histogram's bars; the value axis fits them
    /// (and zero, when there is a histogram).
    void setData(const QList<QList<QPointF>> &lines, QList<CandleItem::Candle> histogram, qreal barWidth);
    /// The span of bar positions shown, the time labels' places, and whether this pane shows the labels.
    void setTimeRange(qreal from, qreal to, const std::vector<TimeTick> &ticks, bool labels);
    void setCrosshair(std::optional<qreal> x);
    void clear();

private:
    QValueAxis *m_time;
    QValueAxis *m_values;
    QLineSeries *m_anchor; ///< invisible; carries the axes the histogram is mapped through
    QLineSeries *m_cross;
    QList<QLineSeries *> m_lines;
    CandleItem *m_histogram = nullptr;
    TimeAxisItem *m_timeAxis;
};

} // namespace Gui
