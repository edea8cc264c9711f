// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

class QChart;
class QAbstractSeries;

namespace Gui {

/// Candlesticks (or volume bars) painted straight onto a chart's scene. Qt
/// Charts' own candlestick series makes every bar a QObject wired with string
/// connections, which costs more than the whole rest of the window at a few
/// redraws a second; this item paints the same thing from plain values.
class CandleItem final : public QGraphicsItem
{
public:
    struct Candle
    {
        qreal time = 0; ///< ms since the epoch, as the chart's time axis
        qreal open = 0;
        qreal high = 0;
        qreal low = 0;
        qreal close = 0;
    };

    /// `reference` is any series attached to the chart's axes; positions are mapped through it.
    CandleItem(QChart *chart, QAbstractSeries *reference, QColor up, QColor down);

    void setCandles(QList<Candle> candles);
    /// OHLC bars (a high–low line, the open ticked left, the close right) instead of candle bodies.
    void setOhlcBars(bool bars)
    {
        m_ohlcBars = bars;
        update();
    }
    /// One bar's width in axis units (its timeframe's length); 0: from the candles' own spacing.
    void setBarWidth(qreal width) { m_barWidth = width; }
    qsizetype count() const noexcept { return m_candles.size(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QAbstractSeries *m_reference;
    QColor m_up;
    QColor m_down;
    QList<Candle> m_candles;
    qreal m_barWidth = 0;
    bool m_ohlcBars = false;
};

} // namespace Gui
