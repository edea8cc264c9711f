// SPDX-License-Identifier: MIT
#include "BacktestCharts.h"

#include "backtest/ReportExport.h"

#include <QAreaSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Gui {

namespace {

constexpr std::size_t MaxPoints = 2000;
constexpr std::size_t BarsShown = 250;

/// The indices to draw of `n` values: all of them, or of each stretch its lowest and highest, in time order.
template<typename Value>
std::vector<std::size_t> thinned(std::size_t n, Value value)
{
    std::vector<std::size_t> out;
    if (n <= MaxPoints) {
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(i);
        return out;
    }
    const std::size_t stretch = (n + MaxPoints / 2 - 1) / (MaxPoints / 2);
    for (std::size_t from = 0; from < n; from += stretch) {
        const std::size_t to = std::min(n, from + stretch);
        std::size_t low = from;
        std::size_t high = from;
        for (std::size_t i = from; i < to; ++i) {
            if (value(i) < value(low))
                low = i;
            if (value(i) > value(high))
                high = i;
        }
        out.push_back(std::min(low, high));
        if (low != high)
            out.push_back(std::max(low, high));
    }
    return out;
}

QChartView *chartView(QWidget *parent, const QString &name)
{
    auto *chart = new QChart;
    if (parent->palette().color(QPalette::Window).lightness() < 128) // the window's dark theme
        chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

/// A time axis along the bottom and a value axis on the right, replacing the chart's series and axes.
std::pair<QDateTimeAxis *, QValueAxis *> freshAxes(QChart *chart, const QString &format)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis); // given back to the caller
        delete axis;
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(format);
    x->setTickCount(6);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignRight);
    return {x, y};
}

/// A triangle pointing up (a buy) or down (a sell), as a marker image.
QImage triangle(bool up, const QColor &color)
{
    constexpr int Size = 14;
    QImage image(Size, Size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(color);
    const QPolygonF shape = up ? QPolygonF{{Size / 2.0, 1}, {Size - 1.0, Size - 2.0}, {1, Size - 2.0}}
                               : QPolygonF{{1, 2}, {Size - 1.0, 2}, {Size / 2.0, Size - 1.0}};
    painter.drawPolygon(shape);
    return image;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

EquityChart::EquityChart(QWidget *parent)
    : QWidget(parent)
    , m_equity(chartView(this, QStringLiteral("equityChart")))
    , m_drawdown(chartView(this, QStringLiteral("drawdownChart")))
{
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_equity);
    split->addWidget(m_drawdown);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void EquityChart::setEquity(const std::vector<Backtest::EquityPoint> &equity, double startEquity, const QString &title)
{
    const std::vector<double> dd = Backtest::drawdowns(equity, startEquity);
    const auto [x, y] = freshAxes(m_equity->chart(), QStringLiteral("yyyy-MM-dd"));
    m_equity->chart()->setTitle(title);
    auto *line = new QLineSeries;
    line->setName(tr("Equity"));
    QList<QPointF> points;
    double low = startEquity;
    double high = startEquity;
    for (const std::size_t i : thinned(equity.size(), [&](std::size_t k) { return equity[k].equity; })) {
        points.append({double(equity[i].time / 1000), equity[i].equity});
        low = std::min(low, equity[i].equity);
        high = std::max(high, equity[i].equity);
    }
    line->replace(points);
    attach(m_equity->chart(), line, x, y);
    const auto [dx, dy] = freshAxes(m_drawdown->chart(), QStringLiteral("yyyy-MM-dd"));
    m_drawdown->chart()->setTitle(tr("Drawdown"));
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    QList<QPointF> under;
    QList<QPointF> zero;
    double deepest = 0;
    for (const std::size_t i : thinned(dd.size(), [&](std::size_t k) { return -dd[k]; })) {
        under.append({double(equity[i].time / 1000), -dd[i] * 100});
        zero.append({double(equity[i].time / 1000), 0});
        deepest = std::max(deepest, dd[i] * 100);
    }
    upper->replace(zero);
    lower->replace(under);
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area); // the area does not own its lines: they go with it
    lower->setParent(area);
    area->setName(tr("Drawdown"));
    area->setColor(QColor(229, 57, 53, 120));
    area->setBorderColor(QColor(229, 57, 53));
    attach(m_drawdown->chart(), area, dx, dy);
    if (!equity.empty()) {
        const auto from = QDateTime::fromMSecsSinceEpoch(equity.front().time / 1000);
        const auto to =
            QDateTime::fromMSecsSinceEpoch(std::max(equity.back().time / 1000, equity.front().time / 1000 + 1));
        x->setRange(from, to);
        dx->setRange(from, to);
    }
    const double margin = std::max(1.0, (high - low) * 0.05);
    y->setRange(low - margin, high + margin);
    dy->setRange(-std::max(1.0, deepest * 1.1), 0);
    dy->setLabelFormat(QStringLiteral("%.0f %%"));
}

qsizetype EquityChart::pointCount() const
{
    const auto series = m_equity->chart()->series();
    if (series.isEmpty())
        return 0;
    return static_cast<QLineSeries *>(series.front())->count();
}

TradeChart::TradeChart(QWidget *parent)
    : QWidget(parent)
    , m_view(chartView(this, QStringLiteral("tradeChart")))
    , m_scroll(new QScrollBar(Qt::Horizontal, this))
{
    m_scroll->setObjectName(QStringLiteral("tradeChartScroll"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_scroll);
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        m_first = std::size_t(value);
        draw();
    });
}

void TradeChart::setData(std::shared_ptr<const Backtest::BarColumns> bars, std::vector<Backtest::Trade> trades)
{
    m_bars = std::move(bars);
    m_trades = std::move(trades);
    m_selected.reset();
    const std::size_t n = m_bars ? m_bars->size() : 0;
    m_count = std::min(n, BarsShown);
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, int(n - m_count));
    m_scroll->setPageStep(int(m_count));
    m_scroll->setValue(int(n - m_count)); // the newest bars first
    m_first = n - m_count;
    draw();
}

void TradeChart::showTrade(const Backtest::Trade &trade)
{
    if (!m_bars || m_bars->empty())
        return;
    m_selected = trade;
    const auto &time = m_bars->time;
    const auto entry = std::size_t(std::lower_bound(time.begin(), time.end(), trade.entryTime) - time.begin());
    const auto exit = std::size_t(std::lower_bound(time.begin(), time.end(), trade.exitTime) - time.begin());
    const std::size_t middle = (entry + exit) / 2;
    const std::size_t first = middle > m_count / 2 ? std::min(middle - m_count / 2, m_bars->size() - m_count) : 0;
    const QSignalBlocker block(m_scroll);
    m_scroll->setValue(int(first));
    m_first = first;
    draw();
}

void TradeChart::draw()
{
    QChart *chart = m_view->chart();
    const auto [x, y] = freshAxes(chart, QStringLiteral("yyyy-MM-dd"));
    m_markers = 0;
    if (!m_bars || m_count == 0)
        return;
    chart->setTitle(m_bars->symbol);
    const Backtest::BarColumns &bars = *m_bars;
    auto *candles = new QCandlestickSeries;
    candles->setIncreasingColor(QColor(38, 166, 154));
    candles->setDecreasingColor(QColor(239, 83, 80));
    candles->setBodyOutlineVisible(false);
    double low = bars.low[m_first];
    double high = bars.high[m_first];
    for (std::size_t i = m_first; i < m_first + m_count; ++i) {
        candles->append(
            new QCandlestickSet(bars.open[i], bars.high[i], bars.low[i], bars.close[i], double(bars.time[i] / 1000)));
        low = std::min(low, bars.low[i]);
        high = std::max(high, bars.high[i]);
    }
    attach(chart, candles, x, y);
    const Model::TimestampUs from = bars.time[m_first];
    const Model::TimestampUs to = bars.end[m_first + m_count - 1];
    auto *buys = new QScatterSeries;
    auto *sells = new QScatterSeries;
    buys->setName(tr("Buys"));
    sells->setName(tr("Sells"));
    buys->setLightMarker(triangle(true, QColor(0, 200, 83)));
    sells->setLightMarker(triangle(false, QColor(255, 61, 0)));
    for (QScatterSeries *s : {buys, sells})
        s->setMarkerSize(14);
    for (const Backtest::Trade &t : m_trades) {
        if (t.entryTime >= from && t.entryTime < to) {
            (t.isLong ? buys : sells)->append(double(t.entryTime / 1000), t.entryPrice);
            ++m_markers;
        }
        if (t.exitTime >= from && t.exitTime <= to) {
            (t.isLong ? sells : buys)->append(double(t.exitTime / 1000), t.exitPrice);
            ++m_markers;
        }
    }
    attach(chart, buys, x, y);
    attach(chart, sells, x, y);
    if (m_selected) {
        auto *link = new QLineSeries;
        link->append(double(m_selected->entryTime / 1000), m_selected->entryPrice);
        link->append(double(m_selected->exitTime / 1000), m_selected->exitPrice);
        QPen pen(m_selected->pnl >= 0 ? QColor(0, 200, 83) : QColor(255, 61, 0));
        pen.setWidth(2);
        pen.setStyle(Qt::DashLine);
        link->setPen(pen);
        attach(chart, link, x, y);
    }
    x->setRange(QDateTime::fromMSecsSinceEpoch(from / 1000), QDateTime::fromMSecsSinceEpoch(to / 1000));
    const double margin = (high - low) * 0.05 + 1e-9;
    y->setRange(low - margin, high + margin);
    y->setLabelFormat(QStringLiteral("%.2f"));
}

} // namespace Gui
