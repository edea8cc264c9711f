// SPDX-License-Identifier: MIT
#include "SymbolChart.h"

#include "CandleItem.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Gui {

namespace {

const QColor Up(38, 166, 154);
const QColor Down(239, 83, 80);

QChartView *viewFor(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumHeight(40);
    return view;
}

QLineSeries *line(const QColor &color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries;
    QPen pen(color, width, style);
    series->setPen(pen);
    return series;
}

QDateTimeAxis *timeAxis()
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("hh:mm:ss"));
    axis->setTickCount(5);
    axis->setGridLineColor(QColor(60, 60, 70));
    axis->setLabelsColor(QColor(170, 170, 180));
    return axis;
}

QValueAxis *valueAxis()
{
    auto *axis = new QValueAxis;
    axis->setGridLineColor(QColor(60, 60, 70));
    axis->setLabelsColor(QColor(170, 170, 180));
    axis->setTickCount(4);
    return axis;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

SymbolChart::SymbolChart(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("symbolChart"));
    QChart *price = makeChart();
    QChart *volume = makeChart();
    QChart *rsi = makeChart();

    m_priceAnchor = new QLineSeries;
    m_focusLine = line(QColor(255, 255, 255, 150), 1, Qt::DashLine);
    m_sma = line(QColor(255, 193, 7), 1.5);
    m_sma->setName(tr("SMA"));
    m_ema = line(QColor(66, 165, 245), 1.5);
    m_ema->setName(tr("EMA"));
    m_upper = line(QColor(150, 150, 160), 1, Qt::DashLine);
    m_lower = line(QColor(150, 150, 160), 1, Qt::DashLine);
    m_buys = new QScatterSeries;
    m_buys->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_buys->setMarkerSize(11);
    m_buys->setColor(Up.lighter(130));
    m_buys->setBorderColor(Qt::white);
    m_sells = new QScatterSeries;
    m_sells->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_sells->setMarkerSize(11);
    m_sells->setColor(Down.lighter(120));
    m_sells->setBorderColor(Qt::white);
    m_priceTime = timeAxis();
    m_priceAxis = valueAxis();
    price->addAxis(m_priceTime, Qt::AlignBottom);
    price->addAxis(m_priceAxis, Qt::AlignRight);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_priceAnchor, m_upper, m_lower, m_sma, m_ema,
                                                                       m_buys, m_sells, m_focusLine})
        attach(price, s, m_priceTime, m_priceAxis);
    m_candles = new CandleItem(price, m_priceAnchor, Up, Down);

    m_volumeAnchor = new QLineSeries;
    m_volumeTime = timeAxis();
    m_volumeTime->setLabelsVisible(false);
    m_volumeAxis = valueAxis();
    m_volumeAxis->setTickCount(2);
    m_volumeAxis->setLabelFormat(QStringLiteral("%.0f"));
    volume->addAxis(m_volumeTime, Qt::AlignBottom);
    volume->addAxis(m_volumeAxis, Qt::AlignRight);
    attach(volume, m_volumeAnchor, m_volumeTime, m_volumeAxis);
    m_volume = new CandleItem(volume, m_volumeAnchor, QColor(90, 110, 140), QColor(90, 110, 140));

    m_rsi = line(QColor(171, 71, 188), 1.5);
    m_rsi30 = line(QColor(38, 166, 154), 1, Qt::DotLine);
    m_rsi70 = line(QColor(239, 83, 80), 1, Qt::DotLine);
    m_rsiTime = timeAxis();
    m_rsiAxis = valueAxis();
    m_rsiAxis->setRange(0, 100);
    m_rsiAxis->setTickCount(3);
    m_rsiAxis->setLabelFormat(QStringLiteral("%.0f"));
    // The guides span every time the axis can show, so they are drawn once and never touched again.
    m_rsi30->replace({{0, 30}, {4e12, 30}});
    m_rsi70->replace({{0, 70}, {4e12, 70}});
    rsi->addAxis(m_rsiTime, Qt::AlignBottom);
    rsi->addAxis(m_rsiAxis, Qt::AlignRight);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_rsi30, m_rsi70, m_rsi})
        attach(rsi, s, m_rsiTime, m_rsiAxis);

    m_priceView = viewFor(price, this);
    m_volumeView = viewFor(volume, this);
    m_rsiView = viewFor(rsi, this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setContentsMargins(6, 2, 6, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_priceView, 6);
    layout->addWidget(m_volumeView, 1);
    layout->addWidget(m_rsiView, 2);
}

QChart *SymbolChart::makeChart()
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(QColor(24, 26, 32));
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void SymbolChart::setSymbol(const QString &symbol)
{
    m_symbol = symbol;
    m_title->setText(symbol);
    m_drawnRevision = ~quint64(0);
    // An empty cell of the grid shows nothing rather than empty axes; it keeps its place.
    for (QWidget *w : std::initializer_list<QWidget *>{m_priceView, m_rsiView})
        w->setVisible(!symbol.isEmpty());
    m_volumeView->setVisible(!symbol.isEmpty() && !m_volumeHidden);
}

void SymbolChart::setCompact(bool compact)
{
    m_volumeHidden = compact;
    m_volumeView->setVisible(!compact && !m_symbol.isEmpty());
    m_rsiTime->setLabelsVisible(!compact);
    m_rsiAxis->setLabelsVisible(!compact);
    m_priceTime->setFormat(compact ? QStringLiteral("mm:ss") : QStringLiteral("hh:mm:ss"));
    m_priceTime->setTickCount(compact ? 4 : 6);
}

void SymbolChart::setUtc(bool utc)
{
    m_utc = utc;
    m_drawnRevision = ~quint64(0);
}

void SymbolChart::refresh(const BarHistory &history)
{
    if (m_symbol.isEmpty() || !isVisible() || history.revision(m_symbol) == m_drawnRevision)
        return; // hidden charts are not redrawn
    m_drawnRevision = history.revision(m_symbol);
    redraw(history);
}

bool SymbolChart::focusTime(Model::TimestampUs time)
{
    m_focus = time;
    m_drawnRevision = ~quint64(0);
    if (m_lastHistory)
        redraw(*m_lastHistory);
    const auto &bars = m_lastHistory ? m_lastHistory->bars(m_symbol) : std::deque<Pipeline::LiveBar>{};
    return time == 0 || (!bars.empty() && time >= bars.front().bar.timestamp);
}

void SymbolChart::redraw(const BarHistory &history)
{
    m_lastHistory = &history;
    const auto &bars = history.bars(m_symbol);
    if (bars.empty())
        return;
    // A QDateTimeAxis shows local time; for UTC the points are shifted by the zone's offset.
    const qint64 shiftMs = m_utc ? -qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000 : 0;
    const auto ms = [shiftMs](Model::TimestampUs us) { return qreal(us / 1000 + shiftMs); };

    QList<QPointF> sma, ema, upper, lower, rsi;
    double low = bars.front().bar.low;
    double high = bars.front().bar.high;
    double maxVolume = 1;
    QList<CandleItem::Candle> candles;
    QList<CandleItem::Candle> volumes;
    candles.reserve(qsizetype(bars.size()));
    volumes.reserve(qsizetype(bars.size()));
    for (const auto &b : bars) {
        const qreal t = ms(b.bar.timestamp);
        candles.append({t, b.bar.open, b.bar.high, b.bar.low, b.bar.close});
        volumes.append({t, 0, double(b.bar.volume), 0, double(b.bar.volume)});
        low = std::min(low, b.bar.low);
        high = std::max(high, b.bar.high);
        maxVolume = std::max(maxVolume, double(b.bar.volume));
        if (!std::isnan(b.sma))
            sma.append({t, b.sma});
        if (!std::isnan(b.ema))
            ema.append({t, b.ema});
        if (!std::isnan(b.bollingerUpper)) {
            upper.append({t, b.bollingerUpper});
            lower.append({t, b.bollingerLower});
            low = std::min(low, b.bollingerLower);
            high = std::max(high, b.bollingerUpper);
        }
        if (!std::isnan(b.rsi))
            rsi.append({t, b.rsi});
    }
    QList<QPointF> buys, sells;
    for (const Marker &m : history.markers(m_symbol)) {
        if (m.side == Model::SignalSide::Buy)
            buys.append({ms(m.time), m.price * 0.997});
        else if (m.side == Model::SignalSide::Sell)
            sells.append({ms(m.time), m.price * 1.003});
    }
    m_candles->setCandles(std::move(candles));
    if (!m_volumeHidden) // a hidden pane costs nothing: its axes would still lay out their labels
        m_volume->setCandles(std::move(volumes));
    m_sma->replace(sma);
    m_ema->replace(ema);
    m_upper->replace(upper);
    m_lower->replace(lower);
    m_rsi->replace(rsi);
    m_buys->replace(buys);
    if (m_focus >= bars.front().bar.timestamp)
        m_focusLine->replace({{ms(m_focus), low}, {ms(m_focus), high}});
    else
        m_focusLine->clear();
    m_sells->replace(sells);

    // Half a bar of room on each side, so the first and last candles are whole.
    const qreal first = ms(bars.front().bar.timestamp);
    const qreal last = ms(bars.back().bar.timestamp);
    const qreal pad = bars.size() > 1 ? (last - first) / qreal(bars.size() - 1) : 1000;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(qint64(first - pad));
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(qint64(last + pad));
    m_priceTime->setRange(from, to);
    m_rsiTime->setRange(from, to);
    if (!m_volumeHidden)
        m_volumeTime->setRange(from, to);
    // The price range moves only when the data leaves it or shrinks to well inside it: every range change
    // lays the axis labels out again, the most expensive part of a redraw.
    const double margin = std::max((high - low) * 0.06, high * 1e-4);
    const double shownLow = m_priceAxis->min();
    const double shownHigh = m_priceAxis->max();
    const bool fits = low >= shownLow && high <= shownHigh;
    const bool tight = (high - low) >= 0.6 * (shownHigh - shownLow);
    if (!fits || !tight)
        m_priceAxis->setRange(low - margin, high + margin);
    if (!m_volumeHidden)
        m_volumeAxis->setRange(0, maxVolume * 1.1);

    const auto &lastBar = bars.back().bar;
    const double change = (lastBar.close - bars.front().bar.open) / bars.front().bar.open * 100.0;
    m_title->setText(tr("%1  %2  (%3%4%)")
                         .arg(m_symbol)
                         .arg(lastBar.close, 0, 'f', 2)
                         .arg(change >= 0 ? QStringLiteral("+") : QString())
                         .arg(change, 0, 'f', 2));
    // Only when the colour flips: a style change re-polishes the label.
    const bool rising = change >= 0;
    if (m_rising != rising) {
        m_rising = rising;
        QPalette palette = m_title->palette();
        palette.setColor(QPalette::WindowText, rising ? Up : Down);
        m_title->setPalette(palette);
    }
}

int SymbolChart::candleCount() const
{
    return int(m_candles->count());
}

int SymbolChart::markerCount() const
{
    return m_buys->count() + m_sells->count();
}

} // namespace Gui
