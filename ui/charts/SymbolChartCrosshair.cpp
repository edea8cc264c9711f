// SPDX-License-Identifier: MIT
// The crosshair of a symbol chart: a line through every pane at the bar under the mouse, the price level
// in the price pane, and a data window with the bar's prices and indicator values.
#include "SymbolChart.h"

#include "DataWindow.h"
#include "IndicatorPane.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>

namespace Gui {

namespace {

QLineSeries *crossLine(QChart *chart)
{
    auto *series = new QLineSeries;
    series->setPen(QPen(QColor(160, 160, 170, 170), 1, Qt::DashLine));
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes())
        series->attachAxis(axis);
    return series;
}

} // namespace

void SymbolChart::buildCrosshair()
{
    m_crossPrice = crossLine(m_priceView->chart());
    m_crossLevel = crossLine(m_priceView->chart());
    m_crossVolume = crossLine(m_volumeView->chart());
    m_crossRsi = crossLine(m_rsiView->chart());
    m_dataWindow = new QLabel(m_priceView);
    m_dataWindow->setObjectName(QStringLiteral("dataWindow"));
    m_dataWindow->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_dataWindow->setStyleSheet(QStringLiteral("QLabel { background: rgba(20, 22, 28, 190); color: #dcdce0; "
                                               "padding: 3px 6px; font-family: monospace; }"));
    m_dataWindow->move(4, 4);
    m_dataWindow->hide();
    for (QChartView *view : {m_priceView, m_volumeView, m_rsiView, static_cast<QChartView *>(m_macdPane),
                             static_cast<QChartView *>(m_atrPane)}) {
        view->setMouseTracking(true);
        view->viewport()->setMouseTracking(true);
        view->viewport()->installEventFilter(this);
    }
}

bool SymbolChart::eventFilter(QObject *watched, QEvent *event)
{
    for (QChartView *view : {m_priceView, m_volumeView, m_rsiView, static_cast<QChartView *>(m_macdPane),
                             static_cast<QChartView *>(m_atrPane)}) {
        if (watched != view->viewport())
            continue;
        if (view == m_priceView && handleDrawingMouse(event)) {
            if (event->type() == QEvent::MouseMove)
                moveCrosshair(view, static_cast<QMouseEvent *>(event)->position());
            return true;
        }
        if (navigate(view, event))
            return true;
        if (event->type() == QEvent::MouseMove)
            moveCrosshair(view, static_cast<QMouseEvent *>(event)->position());
        else if (event->type() == QEvent::Leave)
            hideCrosshair();
    }
    return QWidget::eventFilter(watched, event);
}

void SymbolChart::moveCrosshair(QChartView *view, const QPointF &position)
{
    const auto &bars = m_lastHistory ? m_lastHistory->bars(m_key) : std::deque<Pipeline::LiveBar>{};
    if (bars.empty() || m_stack->currentIndex() == 0)
        return hideCrosshair();
    QChart *chart = view->chart();
    const QPointF scene = view->mapToScene(position.toPoint());
    const QPointF value = chart->mapToValue(chart->mapFromScene(scene), chart->series().constFirst());
    // The nearest bar: bars are spaced by index.
    const qreal index = std::round(value.x() - qreal(m_firstSlot));
    const auto at = std::size_t(std::clamp<qreal>(index, 0, qreal(bars.size() - 1)));
    m_crosshair = bars[at].bar.timestamp;
    m_crossLevelPrice = view == m_priceView ? std::optional(value.y()) : std::nullopt;
    drawCrosshair();
}

void SymbolChart::drawCrosshair()
{
    if (!m_crosshair || !m_lastHistory)
        return;
    const auto &bars = m_lastHistory->bars(m_key);
    const auto bar =
        std::lower_bound(bars.begin(), bars.end(), *m_crosshair,
                         [](const Pipeline::LiveBar &b, Model::TimestampUs t) { return b.bar.timestamp < t; });
    if (bar == bars.end() || bar->bar.timestamp != *m_crosshair)
        return hideCrosshair(); // its bar left the window
    const qreal x = qreal(m_firstSlot) + qreal(bar - bars.begin());
    const auto vertical = [x](QLineSeries *series, const QValueAxis *axis) {
        series->replace({{x, axis->min()}, {x, axis->max()}});
    };
    vertical(m_crossPrice, m_priceAxis);
    vertical(m_crossVolume, m_volumeAxis);
    vertical(m_crossRsi, m_rsiAxis);
    m_macdPane->setCrosshair(x);
    m_atrPane->setCrosshair(x);
    if (m_crossLevelPrice) {
        m_crossLevel->replace({{m_priceTime->min(), *m_crossLevelPrice}, {m_priceTime->max(), *m_crossLevelPrice}});
    } else {
        m_crossLevel->clear();
    }
    QString text = dataWindowText(drawnBar(bars, std::size_t(bar - bars.begin())), m_utc);
    if (m_compact) // a grid cell: time and prices, the indicators would cover the candles
        text = text.section(u'\n', 0, 1);
    m_dataWindow->setText(text);
    m_dataWindow->adjustSize();
    m_dataWindow->show();
    m_dataWindow->raise();
}

void SymbolChart::hideCrosshair()
{
    m_crosshair.reset();
    for (QLineSeries *s : {m_crossPrice, m_crossVolume, m_crossRsi, m_crossLevel})
        s->clear();
    m_macdPane->setCrosshair(std::nullopt);
    m_atrPane->setCrosshair(std::nullopt);
    m_dataWindow->hide();
}

QString SymbolChart::dataWindow() const
{
    return m_dataWindow->isVisible() ? m_dataWindow->text() : QString();
}

} // namespace Gui
