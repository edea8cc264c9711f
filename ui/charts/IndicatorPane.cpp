// SPDX-License-Identifier: MIT
#include "IndicatorPane.h"

#include "ChartStyle.h"
#include "TimeAxisItem.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Gui {

IndicatorPane::IndicatorPane(QWidget *parent)
    : QChartView(newPaneChart(), parent)
    , m_time(new QValueAxis)
    , m_values(new QValueAxis)
    , m_anchor(new QLineSeries)
    , m_cross(new QLineSeries)
{
    QChart *c = chart();
    stylePaneView(this);
    m_values->setTickCount(3);
    m_values->setLabelFormat(QStringLiteral("%.3g"));
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_values, Qt::AlignRight);
    m_cross->setPen(QPen(QColor(160, 160, 170, 170), 1, Qt::DashLine));
    for (QLineSeries *s : {m_anchor, m_cross}) {
        c->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_values);
    }
    m_timeAxis = new TimeAxisItem(c, m_anchor, m_time);
    m_timeAxis->setLabelsVisible(false);
}

QLineSeries *IndicatorPane::addLine(const QColor &color)
{
    auto *series = new QLineSeries;
    series->setPen(QPen(color, 1.5));
    chart()->addSeries(series);
    series->attachAxis(m_time);
    series->attachAxis(m_values);
    m_lines.append(series);
    return series;
}

void IndicatorPane::addHistogram(const QColor &up, const QColor &down)
{
    m_histogram = new CandleItem(chart(), m_anchor, up, down);
}

void IndicatorPane::setData(const QList<QList<QPointF>> &lines, QList<CandleItem::Candle> histogram, qreal barWidth)
{
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const QList<QPointF> points = i < lines.size() ? lines[i] : QList<QPointF>{};
        for (const QPointF &p : points) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
        m_lines[i]->replace(points);
    }
    if (m_histogram) {
        for (const CandleItem::Candle &c : histogram) {
            low = std::min({low, c.low, 0.0});
            high = std::max({high, c.high, 0.0});
        }
        m_histogram->setBarWidth(barWidth);
        m_histogram->setCandles(std::move(histogram));
    }
    if (low > high)
        return;        // nothing yet: the axis stays as it was
    if (m_histogram) { // around zero, which the middle label then reads
        high = std::max(std::abs(low), std::abs(high));
        low = -high;
    }
    const double pad = std::max((high - low) * 0.08, std::abs(high) * 1e-6 + 1e-12);
    m_values->setRange(low - pad, high + pad);
}

void IndicatorPane::setTimeRange(qreal from, qreal to, const std::vector<TimeTick> &ticks, bool labels)
{
    m_time->setRange(from, to);
    m_timeAxis->setTicks(ticks);
    if (m_time->labelsVisible() != labels)
        m_timeAxis->setLabelsVisible(labels);
}

void IndicatorPane::setCrosshair(std::optional<qreal> x)
{
    if (x)
        m_cross->replace({{*x, m_values->min()}, {*x, m_values->max()}});
    else
        m_cross->clear();
}

void IndicatorPane::clear()
{
    for (QLineSeries *s : std::as_const(m_lines))
        s->clear();
    m_cross->clear();
    if (m_histogram)
        m_histogram->setCandles({});
}

} // namespace Gui
