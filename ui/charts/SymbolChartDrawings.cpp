// SPDX-License-Identifier: MIT
// A symbol chart's drawings (horizontal and trend lines, rectangles: placed, dragged, deleted) and what a
// right-click on the chart offers: an alert at the price or indicator value under the mouse.
#include "SymbolChart.h"

#include "IndicatorPane.h"

#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Gui {

namespace {

/// A price or indicator value for a menu: to the cent, small ones to four significant digits.
QString levelText(double v)
{
    return std::abs(v) < 1 ? QString::number(v, 'g', 4) : QString::number(v, 'f', 2);
}

/// The value as the menu shows it, so that the alert is at the level the trader read.
double rounded(double v)
{
    return levelText(v).toDouble();
}

} // namespace

qreal SymbolChart::slotOfTime(Model::TimestampUs time) const
{
    const auto &bars = m_lastHistory ? m_lastHistory->bars(m_key) : std::deque<Pipeline::LiveBar>{};
    if (bars.empty())
        return 0;
    const qreal ms = qreal(time) / 1000;
    const auto msOf = [&bars](std::size_t i) { return qreal(bars[i].bar.timestamp) / 1000; };
    const qreal first = qreal(m_firstSlot);
    if (ms <= msOf(0))
        return first + (ms - msOf(0)) / barMs(bars);
    if (ms >= msOf(bars.size() - 1))
        return first + qreal(bars.size() - 1) + (ms - msOf(bars.size() - 1)) / barMs(bars);
    const auto above =
        std::upper_bound(bars.begin(), bars.end(), time,
                         [](Model::TimestampUs t, const Pipeline::LiveBar &b) { return t < b.bar.timestamp; });
    const auto below = std::size_t(above - bars.begin()) - 1;
    return first + qreal(below) + (ms - msOf(below)) / (msOf(below + 1) - msOf(below));
}

std::pair<Model::TimestampUs, double> SymbolChart::valueAt(const QPointF &position) const
{
    QChart *chart = m_priceView->chart();
    const QPointF value =
        chart->mapToValue(chart->mapFromScene(m_priceView->mapToScene(position.toPoint())), m_priceAnchor);
    // A point stands at a bar's time (the nearest bar position's) and a price as the axis shows it.
    return {Model::TimestampUs(std::llround(timeMsAt(std::round(value.x())) * 1000)), rounded(value.y())};
}

QPoint SymbolChart::pricePanePoint(Model::TimestampUs time, double price) const
{
    QChart *chart = m_priceView->chart();
    const QPointF position = chart->mapToPosition(QPointF(slotOfTime(time), price), m_priceAnchor);
    return m_priceView->mapFromScene(chart->mapToScene(position));
}

void SymbolChart::setDrawings(std::vector<Alerts::Drawing> drawings)
{
    std::erase_if(drawings, [this](const Alerts::Drawing &d) { return d.symbol != m_key.symbol; });
    if (drawings == m_drawingItem->drawings())
        return;
    if (const auto selected = m_drawingItem->selected();
        selected && std::none_of(drawings.begin(), drawings.end(), [&](const auto &d) { return d.id == *selected; }))
        m_drawingItem->setSelected(std::nullopt);
    m_drawingItem->setDrawings(std::move(drawings));
    if (!m_placing && !m_drawingDrag)
        m_drawingItem->setPreview(std::nullopt);
}

void SymbolChart::startDrawing(Alerts::Drawing::Kind kind, std::optional<std::pair<Model::TimestampUs, double>> first)
{
    Alerts::Drawing d;
    d.symbol = m_key.symbol;
    d.kind = kind;
    m_placingFirst = !first;
    if (first) {
        d.time1 = d.time2 = first->first;
        d.price1 = d.price2 = first->second;
    }
    m_placing = d;
    m_drawingItem->setPreview(first ? m_placing : std::nullopt);
    m_priceView->viewport()->setCursor(Qt::CrossCursor);
    setFocus();
}

bool SymbolChart::handleDrawingMouse(QEvent *event)
{
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove && type != QEvent::MouseButtonRelease)
        return false;
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (!m_lastHistory || m_lastHistory->bars(m_key).empty())
        return false;
    const auto [time, price] = valueAt(mouse->position());

    if (m_placing) {
        if (type == QEvent::MouseMove && !m_placingFirst) {
            m_placing->time2 = time;
            m_placing->price2 = price;
            m_drawingItem->setPreview(m_placing);
        } else if (type == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
            if (m_placingFirst) {
                m_placing->time1 = m_placing->time2 = time;
                m_placing->price1 = m_placing->price2 = price;
                m_placingFirst = false;
                m_drawingItem->setPreview(m_placing);
            } else if (time != m_placing->time1) { // a second point at the same bar would make no line
                m_placing->time2 = time;
                m_placing->price2 = price;
                Alerts::Drawing done = *m_placing;
                m_placing.reset();
                m_priceView->viewport()->unsetCursor();
                Q_EMIT drawingChanged(done);
            }
        }
        return true; // placing: no panning, no crosshair move
    }

    if (type == QEvent::MouseButtonPress) {
        if (mouse->button() != Qt::LeftButton)
            return false;
        const QPointF chartPoint =
            m_priceView->chart()->mapFromScene(m_priceView->mapToScene(mouse->position().toPoint()));
        const auto hit = m_drawingItem->hitTest(chartPoint);
        m_drawingItem->setSelected(hit ? std::optional(m_drawingItem->drawings()[hit->index].id) : std::nullopt);
        if (!hit)
            return false; // the chart pans
        const Alerts::Drawing &d = m_drawingItem->drawings()[hit->index];
        m_drawingDrag = Drag{*hit, d, {time, price}, d};
        setFocus();
        return true;
    }
    if (type == QEvent::MouseMove) {
        if (!m_drawingDrag) {
            const QPointF chartPoint =
                m_priceView->chart()->mapFromScene(m_priceView->mapToScene(mouse->position().toPoint()));
            const auto hit = m_drawingItem->hitTest(chartPoint);
            if (hit)
                m_priceView->viewport()->setCursor(hit->part == DrawingItem::Part::Body ? Qt::SizeAllCursor
                                                                                        : Qt::CrossCursor);
            else
                m_priceView->viewport()->unsetCursor();
            return false;
        }
        Drag &drag = *m_drawingDrag;
        Alerts::Drawing d = drag.original;
        const double dPrice = price - drag.from.second;
        // Whole drawings move by bar positions, so they keep their shape in the chart's spacing.
        const qreal dSlot = slotOfTime(time) - slotOfTime(drag.from.first);
        const auto shifted = [&](Model::TimestampUs t) {
            return Model::TimestampUs(std::llround(timeMsAt(std::round(slotOfTime(t) + dSlot)) * 1000));
        };
        switch (drag.hit.part) {
        case DrawingItem::Part::Body:
            d.price1 += dPrice;
            d.price2 += dPrice;
            if (d.kind != Alerts::Drawing::Kind::Horizontal) {
                d.time1 = shifted(d.time1);
                d.time2 = shifted(d.time2);
            }
            break;
        case DrawingItem::Part::First:
            d.time1 = time;
            d.price1 = price;
            break;
        case DrawingItem::Part::Second:
            d.time2 = time;
            d.price2 = price;
            break;
        }
        if (d.kind == Alerts::Drawing::Kind::Trend && d.time1 == d.time2)
            return true; // both points on one bar: no line; keep the last good one
        drag.now = d;
        m_drawingItem->setPreview(d);
        return true;
    }
    // Release
    if (!m_drawingDrag)
        return false;
    const Drag drag = *m_drawingDrag;
    m_drawingDrag.reset();
    if (drag.now == drag.original) {
        m_drawingItem->setPreview(std::nullopt);
        return true;
    }
    // Shown where it was put at once; the stored list confirms it.
    std::vector<Alerts::Drawing> drawings = m_drawingItem->drawings();
    drawings[drag.hit.index] = drag.now;
    m_drawingItem->setDrawings(std::move(drawings));
    m_drawingItem->setPreview(std::nullopt);
    Q_EMIT drawingChanged(drag.now);
    return true;
}

Alerts::Definition SymbolChart::alertSeed(const Alerts::Operand &left, double level) const
{
    Alerts::Definition seed;
    seed.symbols = QStringList{m_key.symbol};
    seed.timeframe = m_key.timeframe.isTime() ? m_key.timeframe : Bars::Timeframe::minutes(1);
    seed.left = left;
    seed.op = Alerts::Operator::Crossing;
    seed.right = Alerts::Operand::constant(rounded(level));
    // The price is watched as it moves; an indicator decides on closed bars, so a fire never repaints.
    seed.trigger = left.kind == Alerts::Operand::Kind::Field ? Alerts::Trigger::Once : Alerts::Trigger::OncePerBarClose;
    return seed;
}

void SymbolChart::addChartActions(QMenu *menu, const QPoint &globalPos)
{
    if (m_key.symbol.isEmpty() || !m_lastHistory || m_lastHistory->bars(m_key).empty())
        return;
    QChartView *pane = nullptr;
    for (QChartView *view : visiblePanes())
        if (view->viewport()->rect().contains(view->viewport()->mapFromGlobal(globalPos)))
            pane = view;
    if (!pane)
        return;
    const QPoint at = pane->viewport()->mapFromGlobal(globalPos);
    QChart *chart = pane->chart();
    const QPointF value = chart->mapToValue(chart->mapFromScene(pane->mapToScene(at)), chart->series().constFirst());
    const std::optional<Indicators::IndicatorConfig> &own = m_indicatorSettings.periods;
    if (pane != m_priceView) {
        Alerts::Operand left = Alerts::Operand::of(Alerts::Field::Volume);
        QString text = tr("Add alert: volume at %1…");
        if (pane == m_rsiView) {
            left = Alerts::Operand::of(Alerts::Indicator::Rsi, own ? own->rsi : 0);
            text = tr("Add alert: RSI at %1…");
        } else if (pane == m_macdPane) {
            left = Alerts::Operand::of(Alerts::Indicator::MacdLine);
            if (own) {
                left.fast = own->macdFast;
                left.slow = own->macdSlow;
                left.signal = own->macdSignal;
            }
            text = tr("Add alert: MACD at %1…");
        } else if (pane == m_atrPane) {
            left = Alerts::Operand::of(Alerts::Indicator::Atr, own ? own->atr : 0);
            text = tr("Add alert: ATR at %1…");
        }
        const double level = value.y();
        menu->addAction(text.arg(levelText(level)), this, [this, left, level] {
            Alerts::Definition seed = alertSeed(left, level);
            if (left.kind == Alerts::Operand::Kind::Field) // volume: a bar's, so on its close
                seed.op = Alerts::Operator::GreaterThan;
            Q_EMIT alertWanted(seed);
        });
        return;
    }
    const auto [time, price] = valueAt(at);
    const QPointF chartPoint = chart->mapFromScene(pane->mapToScene(at));
    if (const auto hit = m_drawingItem->hitTest(chartPoint)) {
        const Alerts::Drawing d = m_drawingItem->drawings()[hit->index];
        m_drawingItem->setSelected(d.id);
        if (d.canCarryAlert() && d.alertId == 0)
            menu->addAction(tr("Alert when the price crosses this line…"), this,
                            [this, d] { Q_EMIT drawingAlertWanted(d); });
        if (d.alertId > 0)
            menu->addAction(tr("Remove the line's alert"), this, [this, d] { Q_EMIT drawingAlertRemoved(d.id); });
        menu->addAction(d.alertId > 0 ? tr("Delete the drawing and its alert") : tr("Delete the drawing"), this,
                        [this, d] { Q_EMIT drawingRemoved(d.id); });
        menu->addSeparator();
    }
    if (m_trading)
        addOrderActions(menu, rounded(price), chartPoint);
    menu->addAction(tr("Add alert at %1…").arg(levelText(price)), this,
                    [this, price] { Q_EMIT alertWanted(alertSeed(Alerts::Operand::of(Alerts::Field::Price), price)); });
    QMenu *draw = menu->addMenu(tr("Draw"));
    draw->setObjectName(QStringLiteral("drawMenu"));
    draw->addAction(tr("Horizontal line at %1").arg(levelText(price)), this, [this, time, price] {
        Alerts::Drawing d;
        d.symbol = m_key.symbol;
        d.kind = Alerts::Drawing::Kind::Horizontal;
        d.time1 = d.time2 = time;
        d.price1 = d.price2 = rounded(price);
        Q_EMIT drawingChanged(d);
    });
    draw->addAction(tr("Trend line from here"), this, [this, time, price] {
        startDrawing(Alerts::Drawing::Kind::Trend, std::pair{time, price});
    });
    draw->addAction(tr("Rectangle from here"), this, [this, time, price] {
        startDrawing(Alerts::Drawing::Kind::Rectangle, std::pair{time, price});
    });
}

void SymbolChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    addChartActions(&menu, event->globalPos());
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
}

} // namespace Gui
