// SPDX-License-Identifier: MIT
#include "SymbolChart.h"

#include "AxisScale.h"
#include "CandleItem.h"
#include "ChartStyle.h"
#include "IndicatorPane.h"
#include "TimeAxisItem.h"
#include "TimeframeBar.h"
#include "bars/HeikinAshi.h"
#include "models/NumberFormat.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScatterSeries>
#include <QScopedValueRollback>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

const QColor Up(38, 166, 154);
const QColor Down(239, 83, 80);

QChartView *viewFor(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    stylePaneView(view);
    return view;
}

QLineSeries *line(const QColor &color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries;
    QPen pen(color, width, style);
    series->setPen(pen);
    return series;
}

/// Bar positions: bars are spaced by index, and a TimeAxisItem draws the times.
QValueAxis *timeAxis()
{
    return new QValueAxis;
}

QValueAxis *valueAxis()
{
    auto *axis = new QValueAxis;
    axis->setTickCount(4);
    return axis;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

/// A triangle marker, ▲ for buys and ▼ for sells: Qt Charts has no downward shape of its own.
QScatterSeries *triangles(const QColor &color, bool pointingUp)
{
    constexpr int Size = 13;
    QImage image(Size, Size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainterPath path;
    if (pointingUp) {
        path.moveTo(Size / 2.0, 1);
        path.lineTo(Size - 1, Size - 2);
        path.lineTo(1, Size - 2);
    } else {
        path.moveTo(1, 2);
        path.lineTo(Size - 1, 2);
        path.lineTo(Size / 2.0, Size - 1);
    }
    path.closeSubpath();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(color);
    painter.drawPath(path);
    painter.end();
    auto *series = new QScatterSeries;
    series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    series->setMarkerSize(Size);
    series->setBrush(image);
    series->setPen(QColor(Qt::transparent));
    return series;
}

/// A paper fill's marker: a diamond at the price it filled at.
QScatterSeries *diamonds(const QColor &color, const QString &name)
{
    constexpr int Size = 11;
    QImage image(Size, Size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainterPath path;
    path.moveTo(Size / 2.0, 0.5);
    path.lineTo(Size - 0.5, Size / 2.0);
    path.lineTo(Size / 2.0, Size - 0.5);
    path.lineTo(0.5, Size / 2.0);
    path.closeSubpath();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(20, 20, 20), 1));
    painter.setBrush(color);
    painter.drawPath(path);
    painter.end();
    auto *series = new QScatterSeries;
    series->setObjectName(name);
    series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    series->setMarkerSize(Size);
    series->setBrush(image);
    series->setPen(QColor(Qt::transparent));
    return series;
}

} // namespace

SymbolChart::SymbolChart(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_placeholder(new QLabel(this))
    , m_stack(new QStackedLayout)
{
    m_timeframes = new TimeframeBar(this);
    setObjectName(QStringLiteral("symbolChart"));
    setFocusPolicy(Qt::ClickFocus); // the [ and ] keys step its timeframe
    QChart *price = newPaneChart();
    QChart *volume = newPaneChart();
    QChart *rsi = newPaneChart();

    m_priceAnchor = new QLineSeries;
    m_closeLine = line(QColor(66, 165, 245), 1.5);
    m_vwap = line(QColor(0, 188, 212), 1.2, Qt::DashDotLine);
    m_focusLine = line(QColor(255, 255, 255, 150), 1, Qt::DashLine);
    m_sma = line(QColor(255, 193, 7), 1.5);
    m_sma->setName(tr("SMA"));
    m_ema = line(QColor(66, 165, 245), 1.5);
    m_ema->setName(tr("EMA"));
    m_upper = line(QColor(150, 150, 160), 1, Qt::DashLine);
    m_lower = line(QColor(150, 150, 160), 1, Qt::DashLine);
    m_buys = triangles(Up.lighter(120), true);
    m_sells = triangles(Down.lighter(110), false);
    m_alertMarks = new QScatterSeries;
    m_alertMarks->setObjectName(QStringLiteral("alertMarkers"));
    m_alertMarks->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_alertMarks->setMarkerSize(7);
    m_alertMarks->setColor(QColor(255, 152, 0, 200));
    m_alertMarks->setBorderColor(Qt::white);
    m_fillBuys = diamonds(QColor(41, 182, 246), QStringLiteral("fillBuys"));
    m_fillSells = diamonds(QColor(255, 112, 67), QStringLiteral("fillSells"));
    m_priceTime = timeAxis();
    m_priceAxis = valueAxis();
    price->addAxis(m_priceTime, Qt::AlignBottom);
    price->addAxis(m_priceAxis, Qt::AlignRight);
    for (QAbstractSeries *s :
         std::initializer_list<QAbstractSeries *>{m_priceAnchor, m_closeLine, m_upper, m_lower, m_sma, m_ema, m_vwap,
                                                  m_buys, m_sells, m_alertMarks, m_fillBuys, m_fillSells, m_focusLine})
        attach(price, s, m_priceTime, m_priceAxis);
    m_candles = new CandleItem(price, m_priceAnchor, Up, Down);
    m_drawingItem = new DrawingItem(price, m_priceAnchor);
    m_orderLines = new OrderLineItem(price, m_priceAnchor);
    m_drawingItem->setMapping([this](Model::TimestampUs time) { return slotOfTime(time); },
                              [this](qreal slot) { return Model::TimestampUs(std::llround(timeMsAt(slot) * 1000)); });
    m_priceTicks = new TimeAxisItem(price, m_priceAnchor, m_priceTime);
    m_priceTicks->setLabelsVisible(true);

    m_volumeAnchor = new QLineSeries;
    m_volumeTime = timeAxis();
    m_volumeAxis = valueAxis();
    m_volumeAxis->setTickCount(2);
    m_volumeAxis->setLabelFormat(QStringLiteral("%.0f"));
    volume->addAxis(m_volumeTime, Qt::AlignBottom);
    volume->addAxis(m_volumeAxis, Qt::AlignRight);
    attach(volume, m_volumeAnchor, m_volumeTime, m_volumeAxis);
    m_volume = new CandleItem(volume, m_volumeAnchor, QColor(90, 110, 140), QColor(90, 110, 140));
    m_volumeTicks = new TimeAxisItem(volume, m_volumeAnchor, m_volumeTime);
    m_volumeTicks->setLabelsVisible(false);

    m_rsi = line(QColor(171, 71, 188), 1.5);
    m_rsi30 = line(QColor(38, 166, 154), 1, Qt::DotLine);
    m_rsi70 = line(QColor(239, 83, 80), 1, Qt::DotLine);
    m_rsiTime = timeAxis();
    m_rsiAxis = valueAxis();
    m_rsiAxis->setRange(0, 100);
    m_rsiAxis->setTickCount(3);
    m_rsiAxis->setLabelFormat(QStringLiteral("%.0f"));
    // The guides span every position the axis can show, so they are drawn once and never touched again.
    m_rsi30->replace({{0, 30}, {1, 30}}); // spread over the view at each redraw
    m_rsi70->replace({{0, 70}, {1, 70}});
    rsi->addAxis(m_rsiTime, Qt::AlignBottom);
    rsi->addAxis(m_rsiAxis, Qt::AlignRight);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_rsi30, m_rsi70, m_rsi})
        attach(rsi, s, m_rsiTime, m_rsiAxis);
    m_rsiTicks = new TimeAxisItem(rsi, m_rsi30, m_rsiTime);
    m_rsiTicks->setLabelsVisible(true);

    m_priceView = viewFor(price, this);
    m_volumeView = viewFor(volume, this);
    m_rsiView = viewFor(rsi, this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setContentsMargins(6, 2, 6, 2);
    m_title->setToolTip(tr("Day %: change of the last price since the session's first open (the day of the latest "
                           "bar in the session time zone), as in the watchlist."));
    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *panes = new QWidget(this);
    auto *paneLayout = new QVBoxLayout(panes);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addWidget(m_priceView, 12);
    paneLayout->addWidget(m_volumeView, 3);
    paneLayout->addWidget(m_rsiView, 4);
    m_macdPane = new IndicatorPane(this);
    m_macdPane->setObjectName(QStringLiteral("macdPane"));
    m_macdPane->addLine(QColor(66, 165, 245)); // line
    m_macdPane->addLine(QColor(255, 152, 0));  // signal
    m_macdPane->addHistogram(Up.darker(130), Down.darker(130));
    m_atrPane = new IndicatorPane(this);
    m_atrPane->setObjectName(QStringLiteral("atrPane"));
    m_atrPane->addLine(QColor(171, 71, 188));
    paneLayout->addWidget(m_macdPane, 4);
    paneLayout->addWidget(m_atrPane, 4);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(panes);
    connect(m_timeframes, &TimeframeBar::picked, this, &SymbolChart::pickTimeframe);
    m_liveButton = new QToolButton(this);
    m_liveButton->setObjectName(QStringLiteral("backToLive"));
    m_liveButton->setText(tr("Live »"));
    m_liveButton->setToolTip(tr("Back to the newest bar (End)"));
    m_liveButton->setAutoRaise(true);
    m_liveButton->hide();
    connect(m_liveButton, &QToolButton::clicked, this, &SymbolChart::goLive);
    m_typeButton = new QToolButton(this);
    m_typeButton->setObjectName(QStringLiteral("chartType"));
    m_typeButton->setAutoRaise(true);
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setToolTip(tr("How the bars are drawn"));
    auto *types = new QMenu(m_typeButton);
    for (ChartType type : AllChartTypes) {
        QAction *action = types->addAction(chartTypeText(type));
        action->setObjectName(QStringLiteral("chartType_") + chartTypeId(type));
        connect(action, &QAction::triggered, this, [this, type] {
            if (type == m_type)
                return;
            setChartType(type);
            Q_EMIT chartTypeChanged(type);
        });
    }
    m_typeButton->setMenu(types);
    m_typeButton->setText(chartTypeText(m_type));
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 4, 0);
    header->addWidget(m_title);
    header->addWidget(m_timeframes, 1);
    buildIndicatorMenu();
    header->addWidget(m_indicatorButton);
    header->addWidget(m_typeButton);
    header->addWidget(m_liveButton);
    buildTradeButtons(header);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addLayout(m_stack, 1);
    buildCrosshair();
    setShownIndicators(defaultIndicators());
    // The price pane lays itself out (its labels decide its width); the others follow it.
    for (QChart *chart : {price, volume, rsi, m_macdPane->chart(), m_atrPane->chart()})
        connect(chart, &QChart::plotAreaChanged, this, &SymbolChart::alignPanes);
    setDarkTheme(true);
    setSymbol(QString());
}

void SymbolChart::setDarkTheme(bool dark)
{
    const QColor background = dark ? QColor(24, 26, 32) : QColor(252, 252, 253);
    const QColor grid = dark ? QColor(60, 60, 70) : QColor(222, 224, 230);
    const QColor labels = dark ? QColor(170, 170, 180) : QColor(70, 72, 80);
    for (QChartView *view : {m_priceView, m_volumeView, m_rsiView, static_cast<QChartView *>(m_macdPane),
                             static_cast<QChartView *>(m_atrPane)})
        colourPane(view, background, grid, labels);
    m_focusLine->setPen(QPen(dark ? QColor(255, 255, 255, 150) : QColor(0, 0, 0, 150), 1, Qt::DashLine));
    m_drawingItem->setDark(dark);
    QPalette palette = m_placeholder->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, labels);
    m_placeholder->setAutoFillBackground(true);
    m_placeholder->setPalette(palette);
}

void SymbolChart::clearSeries()
{
    m_customBars.clear(); // another symbol's or timeframe's bars
    m_customRevision = ~quint64(0);
    m_candles->setCandles({});
    m_volume->setCandles({});
    for (QLineSeries *s : {m_sma, m_ema, m_upper, m_lower, m_rsi, m_focusLine, m_closeLine, m_vwap})
        s->clear();
    m_macdPane->clear();
    m_atrPane->clear();
    m_buys->clear();
    m_sells->clear();
    m_alertMarks->clear();
    m_fillBuys->clear();
    m_fillSells->clear();
    hideCrosshair();
    m_lastClose.reset();
    m_rising.reset();
}

void SymbolChart::setSymbol(const QString &symbol)
{
    if (symbol != m_key.symbol || symbol.isEmpty()) {
        // Nothing of the previous symbol may stay on screen under the new name.
        clearSeries();
        resetView();
        m_sessionChange.reset();
        m_focus = 0;
        m_placing.reset();
        m_drawingDrag.reset();
        m_drawingItem->setPreview(std::nullopt);
        m_drawingItem->setDrawings({}); // the window brings the new symbol's
        m_fills.clear();                // and its fills and orders
        m_orderLines->setLines({});
    }
    m_key.symbol = symbol;
    m_drawnRevision = ~quint64(0);
    m_placeholder->setText(symbol.isEmpty() ? tr("Empty cell: right-click to choose a symbol") : tr("No data"));
    m_stack->setCurrentIndex(0);
    updateTitle();
    updateTradeButtons();
}

void SymbolChart::setChartType(ChartType type)
{
    m_type = type;
    updateHeaderButtons();
    m_candles->setOhlcBars(type == ChartType::OhlcBars);
    m_drawnRevision = ~quint64(0);
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

void SymbolChart::setTimeframe(const Bars::Timeframe &timeframe)
{
    m_timeframes->setTimeframe(timeframe);
    if (timeframe == m_key.timeframe)
        return;
    m_key.timeframe = timeframe;
    clearSeries(); // the bars of another timeframe never stay under this one's name
    resetView();
    m_drawnRevision = ~quint64(0);
    m_placeholder->setText(tr("Loading…"));
    m_stack->setCurrentIndex(0);
    updateTitle();
}

void SymbolChart::pickTimeframe(const Bars::Timeframe &timeframe)
{
    setTimeframe(timeframe);
    Q_EMIT timeframeChanged(timeframe);
}

void SymbolChart::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && (m_placing || m_drawingDrag)) {
        m_placing.reset();
        m_drawingDrag.reset();
        m_drawingItem->setPreview(std::nullopt);
        m_priceView->viewport()->unsetCursor();
        return;
    }
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_drawingItem->selected()) {
        const qint64 id = *m_drawingItem->selected();
        m_drawingItem->setSelected(std::nullopt);
        Q_EMIT drawingRemoved(id);
        return;
    }
    if (event->key() == Qt::Key_End) {
        goLive();
        return;
    }
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) { // a tenth of the view per press
        scrollBy((event->key() == Qt::Key_Left ? 0.1 : -0.1) * visibleBars());
        return;
    }
    if (event->key() == Qt::Key_BracketLeft || event->key() == Qt::Key_BracketRight) {
        const Bars::Timeframe next = TimeframeBar::step(m_key.timeframe, event->key() == Qt::Key_BracketRight ? 1 : -1);
        if (next != m_key.timeframe)
            pickTimeframe(next);
        return;
    }
    QWidget::keyPressEvent(event);
}

void SymbolChart::updateHeaderButtons()
{
    // A grid cell's header is narrow: its title (price and Day %) keeps the room, the buttons go short.
    static const QStringList shortTypes{u"Cdl"_s, u"Bar"_s, u"Ln"_s, u"HA"_s};
    m_typeButton->setText(m_compact ? shortTypes[qsizetype(m_type)] : chartTypeText(m_type));
    m_typeButton->setToolTip(chartTypeText(m_type));
    m_indicatorButton->setText(m_compact ? u"fx"_s : tr("Indicators"));
    if (m_buyButton)
        updateTradeButtons();
}

void SymbolChart::setCompact(bool compact)
{
    m_compact = compact;
    updateHeaderButtons();
    m_timeframes->setCompact(compact);
    m_volumeHidden = compact || !m_shown.contains(u"volume"_s);
    m_volumeView->setVisible(!m_volumeHidden);
    m_rsiTicks->setLabelsVisible(!compact);
    m_rsiAxis->setLabelsVisible(!compact);
    alignPanes();
}

void SymbolChart::setUtc(bool utc)
{
    m_utc = utc;
    m_drawnRevision = ~quint64(0);
}

void SymbolChart::setSessionChange(std::optional<double> percent)
{
    if (percent == m_sessionChange)
        return;
    m_sessionChange = percent;
    updateTitle();
}

void SymbolChart::updateTitle()
{
    if (m_key.symbol.isEmpty() || !m_lastClose) {
        m_title->setText(m_key.symbol);
        return;
    }
    const QLocale locale;
    QString text = m_key.symbol + QStringLiteral("  ") + locale.toString(*m_lastClose, 'f', 2);
    if (m_sessionChange)
        text += QStringLiteral("  ") + tr("Day %1").arg(signedPercent(*m_sessionChange));
    m_title->setText(text);
    // Only when the colour flips: a style change re-polishes the label.
    const bool rising = m_sessionChange.value_or(0) >= 0;
    if (m_rising != rising) {
        m_rising = rising;
        QPalette palette = m_title->palette();
        palette.setColor(QPalette::WindowText, rising ? Up : Down);
        m_title->setPalette(palette);
    }
}

void SymbolChart::refresh(const BarHistory &history)
{
    if (m_key.symbol.isEmpty() || !isVisible() || history.revision(m_key) == m_drawnRevision)
        return; // hidden charts are not redrawn
    m_drawnRevision = history.revision(m_key);
    redraw(history);
}

void SymbolChart::focusTime(Model::TimestampUs time)
{
    m_focus = time;
    m_focusPending = time != 0;
    m_drawnRevision = ~quint64(0);
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

void SymbolChart::scrollToFocus(const BarHistory &history)
{
    const auto &all = history.bars(m_key);
    m_firstSlot = history.firstSlot(m_key);
    // The bar that holds the focused time: the latest that opened at or before it.
    const auto after =
        std::upper_bound(all.begin(), all.end(), m_focus,
                         [](Model::TimestampUs t, const Pipeline::LiveBar &b) { return t < b.bar.timestamp; });
    const qreal at = qreal(m_firstSlot) + qreal(after - all.begin()) - 1;
    const auto [from, to] = viewSpan(all);
    if (at < from || at > to) { // in the middle of the view, never past the live end
        const qreal end = at + qreal(visibleBars()) / 2;
        if (end >= liveEnd(all))
            m_viewEnd.reset();
        else
            m_viewEnd = end;
        m_liveButton->setVisible(!isLive());
    }
    // Older than what is loaded: the pages read as the view reaches back bring it (or show there is none).
    m_focusPending = m_focus < all.front().bar.timestamp && history.hasOlder(m_key);
}

void SymbolChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_key.symbol.isEmpty())
        Q_EMIT openRequested(m_key.symbol);
    QWidget::mouseDoubleClickEvent(event);
}

void SymbolChart::redraw(const BarHistory &history)
{
    m_lastHistory = &history;
    const auto &all = history.bars(m_key);
    m_liveButton->setVisible(!isLive());
    if (all.empty()) {
        clearSeries();
        m_placeholder->setText(history.isLoading(m_key) ? tr("Loading…") : tr("No data"));
        m_stack->setCurrentIndex(0);
        updateTitle();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_firstSlot = history.firstSlot(m_key);
    if (m_indicatorSettings.periods &&
        (m_customRevision != history.revision(m_key) || m_customBars.size() != all.size())) {
        m_customBars = withPeriods(all, *m_indicatorSettings.periods);
        m_customRevision = history.revision(m_key);
    }
    if (m_focusPending)
        scrollToFocus(history);
    // Bars are spaced by index: bar i of the deque is at position firstSlot + i, so nights, weekends and pauses
    // take no room. Only the bars in view (and one either side, so lines run to the edges) are drawn:
    // scrolling through many loaded bars costs what the view shows.
    const auto [from, to] = viewSpan(all);
    const auto indexAt = [&](qreal slot) { // the first bar at or after `slot`
        return std::clamp<qreal>(std::ceil(slot - qreal(m_firstSlot)), 0, qreal(all.size()));
    };
    auto first = all.begin() + std::ptrdiff_t(indexAt(from - 1));
    auto last = all.begin() + std::ptrdiff_t(indexAt(to + 1));
    if (first == last) { // scrolled where there are no bars: the nearest one keeps the price axis sensible
        first = first == all.end() ? std::prev(first) : first;
        last = std::next(first);
    }
    const auto slotOf = [&](std::deque<Pipeline::LiveBar>::const_iterator b) {
        return qreal(m_firstSlot) + qreal(b - all.begin());
    };

    QList<QPointF> sma, ema, upper, lower, rsi, vwap, macd, macdSignal, atr;
    QList<CandleItem::Candle> macdHistogram;
    double low = first->bar.low;
    double high = first->bar.high;
    double maxVolume = 1;
    for (auto b = first; b != last; ++b)
        maxVolume = std::max(maxVolume, double(b->bar.volume));
    const VolumeScale volumeScale = volumeScaleFor(maxVolume);
    QList<CandleItem::Candle> candles;
    QList<CandleItem::Candle> volumes;
    QList<QPointF> closes;
    candles.reserve(qsizetype(last - first));
    volumes.reserve(qsizetype(last - first));
    // Heikin-Ashi candles depend on the ones before: begun a hundred bars back, they have settled by the view.
    Bars::HeikinAshi heikinAshi;
    if (m_type == ChartType::HeikinAshi)
        for (auto b = first - std::min<std::ptrdiff_t>(100, first - all.begin()); b != first; ++b)
            heikinAshi.next({b->bar.open, b->bar.high, b->bar.low, b->bar.close});
    std::vector<Model::TimestampUs> times;
    times.reserve(std::size_t(last - first));
    for (auto it = first; it != last; ++it) {
        const Pipeline::LiveBar &b = drawnBar(all, std::size_t(it - all.begin()));
        const qreal t = slotOf(it);
        times.push_back(b.bar.timestamp);
        const double v = double(b.bar.volume) / volumeScale.divisor;
        if (m_type == ChartType::Line) {
            closes.append({t, b.bar.close});
        } else if (m_type == ChartType::HeikinAshi) {
            const Bars::Ohlc ha = heikinAshi.next({b.bar.open, b.bar.high, b.bar.low, b.bar.close});
            candles.append({t, ha.open, ha.high, ha.low, ha.close});
        } else {
            candles.append({t, b.bar.open, b.bar.high, b.bar.low, b.bar.close});
        }
        volumes.append({t, 0, v, 0, v});
        low = std::min(low, b.bar.low);
        high = std::max(high, b.bar.high);
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
        if (!std::isnan(b.vwap))
            vwap.append({t, b.vwap});
        if (!std::isnan(b.macd))
            macd.append({t, b.macd});
        if (!std::isnan(b.macdSignal))
            macdSignal.append({t, b.macdSignal});
        if (!std::isnan(b.macdHistogram)) // coloured by sign: up from zero, or down to it
            macdHistogram.append(
                {t, 0, std::max(0.0, b.macdHistogram), std::min(0.0, b.macdHistogram), b.macdHistogram});
        if (!std::isnan(b.atr))
            atr.append({t, b.atr});
    }
    // Markers sit just outside the price they fired at, ▲ below and ▼ above, and the range makes room for them.
    const double offset = std::max((high - low) * 0.05, high * 1e-4);
    QList<QPointF> buys, sells, alerts;
    for (const Marker &m : history.markers(m_key)) {
        // On the bar that holds its time: the latest that opened at or before it.
        const auto after = std::upper_bound(first, last, m.time,
                                            [](Model::TimestampUs t, const auto &b) { return t < b.bar.timestamp; });
        if (after == first || !(m.price > 0))
            continue; // out of view, or a signal without a price (news before any record)
        const qreal at = slotOf(std::prev(after));
        if (at < from || at > to)
            continue;
        if (m.side == Model::SignalSide::Buy) {
            buys.append({at, m.price - offset});
            low = std::min(low, m.price - 1.6 * offset);
        } else if (m.side == Model::SignalSide::Sell) {
            sells.append({at, m.price + offset});
            high = std::max(high, m.price + 1.6 * offset);
        } else {
            alerts.append({at, m.price}); // an alert fired there, at that price
        }
    }
    // Paper fills at the price they filled at, on the bar that holds their time.
    QList<QPointF> fillBuys, fillSells;
    for (const FillMark &f : m_fills) {
        const auto after = std::upper_bound(first, last, f.time,
                                            [](Model::TimestampUs t, const auto &b) { return t < b.bar.timestamp; });
        if (after == first || (after == last && last != all.end() && f.time >= last->bar.timestamp))
            continue; // before the bars in view, or in a bar after them
        const qreal at = slotOf(std::prev(after));
        if (at < from || at > to)
            continue;
        (f.buy ? fillBuys : fillSells).append({at, f.price});
        low = std::min(low, f.price);
        high = std::max(high, f.price);
    }
    m_fillBuys->replace(fillBuys);
    m_fillSells->replace(fillSells);
    m_candles->setCandles(std::move(candles));
    m_closeLine->replace(closes);
    if (!m_volumeHidden) // a hidden pane costs nothing: its axes would still lay out their labels
        m_volume->setCandles(std::move(volumes));
    m_sma->replace(sma);
    m_ema->replace(ema);
    m_upper->replace(upper);
    m_lower->replace(lower);
    m_rsi->replace(rsi);
    m_vwap->replace(vwap);
    if (m_macdPane->isVisible())
        m_macdPane->setData({macd, macdSignal}, std::move(macdHistogram), 1);
    if (m_atrPane->isVisible())
        m_atrPane->setData({atr}, {}, 1);
    m_buys->replace(buys);
    m_sells->replace(sells);
    m_alertMarks->replace(alerts);
    if (m_focus >= all.front().bar.timestamp) {
        const auto holding = std::upper_bound(all.begin(), all.end(), m_focus,
                                              [](Model::TimestampUs t, const auto &b) { return t < b.bar.timestamp; });
        const qreal x = slotOf(std::prev(holding));
        m_focusLine->replace({{x, low}, {x, high}});
    } else {
        m_focusLine->clear();
    }

    m_candles->setBarWidth(1);
    m_volume->setBarWidth(1);
    m_drawingItem->update(); // the bars moved under the drawings
    m_orderLines->update();
    // Round times where they fall among the bars in view, as many as fit the width.
    const int maxLabels = std::max(2, m_priceView->width() / (m_compact ? 90 : 75));
    const Bars::Timeframe &timeframe = m_key.timeframe;
    const std::int64_t barSeconds = timeframe.kind() == Bars::Timeframe::Kind::Seconds ? timeframe.size()
                                    : timeframe.kind() == Bars::Timeframe::Kind::Day   ? 86'400
                                    : timeframe.kind() == Bars::Timeframe::Kind::Week  ? 7 * 86'400
                                                                                       : 0;
    std::vector<TimeTick> ticks = timeTicksFor(times, slotOf(first), maxLabels, barSeconds, m_utc);
    const std::pair<TimeAxisItem *, QValueAxis *> axes[] = {
        {m_priceTicks, m_priceTime}, {m_rsiTicks, m_rsiTime}, {m_volumeTicks, m_volumeTime}};
    for (const auto &[item, axis] : axes) {
        if (axis == m_volumeTime && m_volumeHidden)
            continue;
        axis->setRange(from, to);
        item->setTicks(ticks);
    }
    // The RSI guides span the view: drawn from -1e12 to 1e12, their dots stopped two thirds of the way across.
    for (QLineSeries *guide : {m_rsi30, m_rsi70})
        if (guide->count() != 2 || guide->at(0).x() != from || guide->at(1).x() != to)
            guide->replace({{from, guide->at(0).y()}, {to, guide->at(0).y()}});
    // Time labels under the lowest pane only.
    const bool atrLabels = !m_compact && !m_atrPane->isHidden();
    const bool macdLabels = !m_compact && !m_macdPane->isHidden() && !atrLabels;
    const bool rsiLabels = !m_compact && !macdLabels && !atrLabels;
    if (m_rsiTime->labelsVisible() != rsiLabels)
        m_rsiTicks->setLabelsVisible(rsiLabels);
    m_macdPane->setTimeRange(from, to, ticks, macdLabels);
    m_atrPane->setTimeRange(from, to, ticks, atrLabels);
    setPriceRange(low, high);
    if (!m_volumeHidden) {
        m_volumeAxis->setRange(0, maxVolume / volumeScale.divisor * 1.1);
        if (m_volumeAxis->labelFormat() != volumeScale.labelFormat)
            m_volumeAxis->setLabelFormat(volumeScale.labelFormat);
    }
    m_lastClose = all.back().bar.close;
    updateTitle();
    drawCrosshair(); // the hovered bar's values move with it while it forms
    // Scrolled back past the oldest bar: the next page is read in the background.
    if (from < qreal(m_firstSlot) - 1 && history.canLoadOlder(m_key))
        Q_EMIT olderWanted(m_key);
}

qreal SymbolChart::barMs(const std::deque<Pipeline::LiveBar> &bars) const
{
    const Bars::Timeframe &t = m_key.timeframe;
    switch (t.kind()) {
    case Bars::Timeframe::Kind::Seconds:
        return qreal(t.size()) * 1000;
    case Bars::Timeframe::Kind::Day:
        return 86'400'000;
    case Bars::Timeframe::Kind::Week:
        return 7 * 86'400'000.0;
    default: // records, ticks, volume: as far apart as they came, on average
        if (bars.size() < 2)
            return 1000;
        return std::max<qreal>(1, qreal(bars.back().bar.timestamp - bars.front().bar.timestamp) / 1000 /
                                      qreal(bars.size() - 1));
    }
}

void SymbolChart::setPriceRange(double low, double high)
{
    // The range moves only when the data leaves it or shrinks to well inside it: every range change
    // lays the axis labels out again, the most expensive part of a redraw.
    const double margin = std::max((high - low) * 0.06, high * 1e-4);
    const double shownLow = m_priceAxis->min();
    const double shownHigh = m_priceAxis->max();
    const bool fits = low >= shownLow && high <= shownHigh;
    const bool tight = (high - low) >= 0.6 * (shownHigh - shownLow);
    if (fits && tight)
        return;
    // Round labels, all with the same decimals: the range is widened to whole steps.
    // Never below zero for prices that are not: one outlier (10 and 500) padded the axis down to -200.
    const double paddedLow = low >= 0 ? std::max(0.0, low - margin) : low - margin;
    const PriceTicks ticks = priceTicksFor(paddedLow, high + margin, m_compact ? 3 : 6);
    m_priceAxis->setLabelFormat(ticks.labelFormat);
    m_priceAxis->setTickCount(ticks.tickCount);
    m_priceAxis->setRange(ticks.from, ticks.to);
}

int SymbolChart::candleCount() const
{
    return int(m_type == ChartType::Line ? m_closeLine->count() : m_candles->count());
}

int SymbolChart::markerCount() const
{
    return m_buys->count() + m_sells->count() + m_alertMarks->count();
}

QString SymbolChart::title() const
{
    return m_title->text();
}

QString SymbolChart::placeholder() const
{
    return m_stack->currentIndex() == 0 ? m_placeholder->text() : QString();
}

qreal SymbolChart::timeMsAt(qreal slot) const
{
    const auto &bars = m_lastHistory ? m_lastHistory->bars(m_key) : std::deque<Pipeline::LiveBar>{};
    if (bars.empty())
        return 0;
    const qreal index = slot - qreal(m_firstSlot);
    const auto msOf = [&bars](std::size_t i) { return qreal(bars[i].bar.timestamp) / 1000; };
    if (index <= 0)
        return msOf(0) + index * barMs(bars);
    const qreal newest = qreal(bars.size() - 1);
    if (index >= newest)
        return msOf(bars.size() - 1) + (index - newest) * barMs(bars);
    const auto below = std::size_t(std::floor(index));
    return msOf(below) + (index - qreal(below)) * (msOf(below + 1) - msOf(below));
}

std::pair<qint64, qint64> SymbolChart::timeRange() const
{
    return {qint64(timeMsAt(m_priceTime->min())), qint64(timeMsAt(m_priceTime->max()))};
}

std::optional<qreal> SymbolChart::xOf(Model::TimestampUs time) const
{
    const auto &bars = m_lastHistory ? m_lastHistory->bars(m_key) : std::deque<Pipeline::LiveBar>{};
    const auto at =
        std::lower_bound(bars.begin(), bars.end(), time,
                         [](const Pipeline::LiveBar &b, Model::TimestampUs t) { return b.bar.timestamp < t; });
    if (at == bars.end() || at->bar.timestamp != time)
        return std::nullopt;
    return qreal(m_firstSlot) + qreal(at - bars.begin());
}

QStringList SymbolChart::timeLabels() const
{
    QStringList labels;
    for (const TimeTick &tick : m_priceTicks->ticks())
        if (tick.slot >= m_priceTime->min() && tick.slot <= m_priceTime->max())
            labels.append(tick.label);
    return labels;
}

} // namespace Gui
