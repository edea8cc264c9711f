// SPDX-License-Identifier: MIT
// How charts label their axes and where they put markers: round prices, K/M volumes, bars spaced by index
// with round times and day separators.
#include "charts/AxisScale.h"
#include "charts/BarHistory.h"
#include "charts/SymbolChart.h"
#include "charts/TimeTicks.h"
#include "dialogs/ChartIndicatorDialog.h"

#include <QChart>
#include <QChartView>
#include <QDate>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

/// A bar of `symbol` with no indicator values, for charts given their bars by hand.
Pipeline::LiveBar plainBar(const QString &symbol, Model::TimestampUs time, double open, double high, double low,
                           double close, qint64 volume)
{
    Pipeline::LiveBar bar;
    Model::Symbol::fromString(symbol, bar.bar.symbol);
    bar.bar.open = open;
    bar.bar.high = high;
    bar.bar.low = low;
    bar.bar.close = close;
    bar.bar.volume = volume;
    bar.bar.timestamp = time;
    bar.sma = bar.ema = bar.bollingerUpper = bar.bollingerLower = bar.rsi = std::nan("");
    bar.bollingerMiddle = bar.macd = bar.macdSignal = bar.macdHistogram = bar.atr = bar.vwap = std::nan("");
    return bar;
}

} // namespace

class TestChartAxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void priceTicks_data();
    void priceTicks();
    void volumeScale();
    void timeTicksAtRoundTimesAndDays();
    void timeTicksOfDailyBars();
    void timeTicksOfSecondBars();
    void markersFitAndThemeFollows();
    void anOutlierLeavesNoNegativePrices();
    void crosshairShowsTheBarUnderTheMouse();
    void nightsTakeNoRoom();
    void ownPeriodsColoursAndLevels();
    void indicatorSettingsRoundTripAndRefuseNonsense();
};

void TestChartAxes::priceTicks_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("most");
    QTest::addColumn<double>("interval");
    QTest::addColumn<QString>("format");
    QTest::newRow("cents") << 99.96 << 100.07 << 6 << 0.02 << u"%.2f"_s;
    QTest::newRow("tenths") << 199.9 << 200.2 << 3 << 0.1 << u"%.1f"_s;
    QTest::newRow("dollars") << 51.0 << 58.7 << 6 << 2.0 << u"%.0f"_s;
    QTest::newRow("thousands") << 41'000.0 << 49'500.0 << 5 << 2000.0 << u"%.0f"_s;
    QTest::newRow("penny stock") << 0.0123 << 0.0131 << 4 << 0.0005 << u"%.4f"_s;
}

void TestChartAxes::priceTicks()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, most);
    QFETCH(double, interval);
    QFETCH(QString, format);
    const Gui::PriceTicks ticks = Gui::priceTicksFor(low, high, most);
    QVERIFY(std::fabs(ticks.interval - interval) < interval * 1e-9);
    QCOMPARE(ticks.labelFormat, format);
    QVERIFY(ticks.from <= low + interval * 1e-6 && ticks.to >= high - interval * 1e-6);
    QVERIFY(ticks.tickCount - 1 <= most);
    // Every label is a whole number of intervals: round values, never 99.9633.
    const double steps = (ticks.to - ticks.from) / ticks.interval;
    QVERIFY(std::fabs(steps - std::round(steps)) < 1e-6);
    QVERIFY(std::fabs(ticks.from / ticks.interval - std::round(ticks.from / ticks.interval)) < 1e-6);
}

void TestChartAxes::volumeScale()
{
    QCOMPARE(Gui::volumeScaleFor(5'000).labelFormat, u"%.0f"_s);
    QCOMPARE(Gui::volumeScaleFor(50'000).divisor, 1e3);
    QCOMPARE(Gui::volumeScaleFor(50'000).labelFormat, u"%.0fK"_s);
    QCOMPARE(Gui::volumeScaleFor(2'500'000).labelFormat, u"%.1fM"_s);
    QCOMPARE(Gui::volumeScaleFor(80'000'000).labelFormat, u"%.0fM"_s);
}

namespace {

constexpr qint64 Minute = 60'000'000LL;
/// 2026-11-23, a Monday, 00:00 UTC.
constexpr qint64 Monday = 1'795'392'000'000'000LL;

/// One-minute bars of a session from 14:30 to 21:00 UTC on `days` weekdays from Monday.
std::vector<Model::TimestampUs> sessionMinutes(int days)
{
    std::vector<Model::TimestampUs> times;
    for (int d = 0; d < days; ++d)
        for (int m = 0; m < 390; ++m)
            times.push_back(Monday + d * 1440 * Minute + (14 * 60 + 30 + m) * Minute);
    return times;
}

void checkSpacing(const std::vector<Gui::TimeTick> &ticks, qreal firstSlot, std::size_t bars, int maxLabels)
{
    QVERIFY(!ticks.empty());
    QVERIFY(int(ticks.size()) <= maxLabels);
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        QVERIFY(ticks[i].slot > firstSlot && ticks[i].slot < firstSlot + qreal(bars));
        QCOMPARE(ticks[i].slot, std::round(ticks[i].slot)); // on a bar
        if (i > 0)
            QVERIFY(ticks[i].slot - ticks[i - 1].slot >= qreal(bars) / maxLabels / 2);
    }
}

} // namespace

void TestChartAxes::timeTicksAtRoundTimesAndDays()
{
    // Two sessions of one-minute bars, the night between them taking no room: labels at round times, and the
    // second session's first bar labelled with its date, a separator.
    const auto times = sessionMinutes(2);
    const auto ticks = Gui::timeTicksFor(times, 1000, 10, 60, true);
    checkSpacing(ticks, 1000, times.size(), 10);
    const auto day = std::find_if(ticks.begin(), ticks.end(), [](const Gui::TimeTick &t) { return t.separator; });
    QVERIFY(day != ticks.end());
    QCOMPARE(day->slot, 1000 + 390.0);
    QCOMPARE(day->label, QLocale().toString(QDate(2026, 11, 24), u"d MMM"_s));
    QCOMPARE(std::count_if(ticks.begin(), ticks.end(), [](const Gui::TimeTick &t) { return t.separator; }), 1);
    for (const Gui::TimeTick &t : ticks) {
        if (t.separator)
            continue;
        QCOMPARE(t.label.size(), 5); // HH:MM
        const int minute = t.label.mid(3).toInt();
        QVERIFY2(minute % 30 == 0, qPrintable(t.label)); // round: every hour or half hour here
    }
    // Zoomed in to an hour: every 5 or 10 minutes.
    const std::vector<Model::TimestampUs> hour(times.begin() + 30, times.begin() + 90);
    const auto close = Gui::timeTicksFor(hour, 0, 8, 60, true);
    checkSpacing(close, 0, hour.size(), 8);
    QCOMPARE(close.front().label, u"15:10"_s);
    // Two bars three minutes apart: no label finer than a bar.
    const auto two = Gui::timeTicksFor({Monday + 600 * Minute, Monday + 603 * Minute}, 0, 3, 60, true);
    for (const Gui::TimeTick &t : two)
        QVERIFY2(t.label.size() == 5, qPrintable(t.label));
}

void TestChartAxes::timeTicksOfDailyBars()
{
    // Three years of weekday bars: months, and each new year by its number, a separator.
    std::vector<Model::TimestampUs> times;
    for (int d = 0; d < 3 * 365; ++d)
        if ((d % 7) < 5)
            times.push_back(Monday - 1000 * 1440 * Minute + d * 1440 * Minute);
    const auto ticks = Gui::timeTicksFor(times, -50, 12, 86'400, true);
    checkSpacing(ticks, -50, times.size(), 12);
    const auto years = std::count_if(ticks.begin(), ticks.end(), [](const Gui::TimeTick &t) { return t.separator; });
    QVERIFY(years >= 2 && years <= 3);
    for (const Gui::TimeTick &t : ticks)
        QVERIFY2(t.separator ? t.label.size() == 4 && t.label.startsWith(u"202"_s) : !t.label.contains(u':'),
                 qPrintable(t.label));
}

void TestChartAxes::timeTicksOfSecondBars()
{
    std::vector<Model::TimestampUs> times;
    for (int i = 0; i < 60; ++i)
        times.push_back(Monday + 10 * 60 * Minute + i * 1'000'000LL); // 10:00:00 to 10:00:59
    const auto ticks = Gui::timeTicksFor(times, 0, 6, 1, true);
    checkSpacing(ticks, 0, times.size(), 6);
    QCOMPARE(ticks.front().label, u"10:00:10"_s);
}

void TestChartAxes::markersFitAndThemeFollows()
{
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"MARK"_s;
    stored.timeframe = Bars::Timeframe::minutes(1);
    for (int i = 0; i < 30; ++i) {
        const double price = 100 + (i == 29 ? 5 : 0);
        stored.bars.push_back(plainBar(u"MARK"_s, 1'700'000'000'000'000LL + i * 60'000'000LL, price, price + 0.1,
                                       price - 0.1, price, 2'000'000));
    }
    Model::TradeSignal sell; // at the highest price of the chart
    sell.side = Model::SignalSide::Sell;
    sell.price = 105;
    sell.timestamp = stored.bars.back().bar.timestamp;
    Model::TradeSignal buy = sell; // and a buy at its lowest
    buy.side = Model::SignalSide::Buy;
    buy.price = 100;
    buy.timestamp = stored.bars.front().bar.timestamp;
    Model::TradeSignal priceless = buy; // news before any record of the symbol: no place on the price axis
    priceless.price = 0;
    Model::TradeSignal alert = buy; // an alert that fired at 102.5, a dot at that price
    alert.side = Model::SignalSide::Alert;
    alert.price = 102.5;
    alert.timestamp = stored.bars[10].bar.timestamp;
    stored.signals = {buy, sell, priceless, alert};
    history.setWatched({Gui::ChartKey{u"MARK"_s, Bars::Timeframe::minutes(1)}});
    history.load(stored);

    Gui::SymbolChart chart;
    chart.resize(600, 400);
    chart.setSymbol(u"MARK"_s);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    QCOMPARE(chart.candleCount(), 30);
    QCOMPARE(chart.markerCount(), 3);
    QScatterSeries *alerts = nullptr;
    for (QChartView *view : chart.findChildren<QChartView *>())
        for (QAbstractSeries *series : view->chart()->series())
            if (series->objectName() == u"alertMarkers"_s)
                alerts = qobject_cast<QScatterSeries *>(series);
    QVERIFY(alerts && alerts->count() == 1);
    QCOMPARE(alerts->at(0).y(), 102.5);
    QCOMPARE(alerts->at(0).x(), *chart.xOf(stored.bars[10].bar.timestamp));
    const auto views = chart.findChildren<QChartView *>();
    QChart *price = views.first()->chart();
    auto *axis = qobject_cast<QValueAxis *>(price->axes(Qt::Vertical).first());
    // ▼ above the sell's price and ▲ below the buy's, both inside the axis: nothing clipped.
    for (QAbstractSeries *series : price->series()) {
        auto *scatter = qobject_cast<QScatterSeries *>(series);
        if (!scatter || scatter->count() == 0)
            continue;
        const QPointF p = scatter->at(0);
        QVERIFY2(p.y() > axis->min() && p.y() < axis->max(),
                 qPrintable(u"%1 outside %2..%3"_s.arg(p.y()).arg(axis->min()).arg(axis->max())));
    }
    // The volume pane counts in millions.
    auto *volumeAxis = qobject_cast<QValueAxis *>(views.at(1)->chart()->axes(Qt::Vertical).first());
    QCOMPARE(volumeAxis->labelFormat(), u"%.1fM"_s);
    // Light theme: the charts too, not only the widgets around them.
    chart.setDarkTheme(false);
    QVERIFY(price->backgroundBrush().color().lightness() > 200);
    chart.setDarkTheme(true);
    QVERIFY(price->backgroundBrush().color().lightness() < 60);
}

void TestChartAxes::anOutlierLeavesNoNegativePrices()
{
    // Ten falling bars near 10 and one rising from 100 to 500 (a bad print): the axis once reached down to -200,
    // and the grid lines were drawn across the candles' bodies (a flat bar at a round price vanished).
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"ODD"_s;
    stored.timeframe = Bars::Timeframe::minutes(1);
    for (int i = 0; i < 11; ++i) {
        const double open = i == 10 ? 100 : 10 + i * 0.1;
        const double close = i == 10 ? 500 : open - 0.1;
        stored.bars.push_back(plainBar(u"ODD"_s, 1'700'000'000'000'000LL + i * 60'000'000LL, open, close + 0.1,
                                       i == 10 ? 100 : close - 0.1, close, 100));
    }
    history.setWatched({Gui::ChartKey{u"ODD"_s, Bars::Timeframe::minutes(1)}});
    history.load(stored);
    Gui::SymbolChart chart;
    chart.resize(600, 400);
    chart.setSymbol(u"ODD"_s);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    QChartView *pricePane = chart.findChildren<QChartView *>().first();
    auto *axis = qobject_cast<QValueAxis *>(pricePane->chart()->axes(Qt::Vertical).first());
    QVERIFY2(axis->min() >= 0 && axis->min() <= 9.8 && axis->max() >= 500,
             qPrintable(u"%1..%2"_s.arg(axis->min()).arg(axis->max())));
    // The only rising (teal) candle's body is whole from top to bottom: no grid line drawn across it.
    const QImage image = pricePane->grab().toImage(); // the RSI pane's 30 line is teal too
    const QColor up(38, 166, 154);
    int column = -1, most = 0;
    for (int x = 0; x < image.width(); ++x) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            n += image.pixelColor(x, y) == up ? 1 : 0;
        if (n > most)
            std::tie(column, most) = std::pair(x, n);
    }
    QVERIFY2(most > 50, qPrintable(QString::number(most)));
    int top = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        if (image.pixelColor(column, y) != up)
            continue;
        if (top < 0)
            top = y;
        bottom = y;
    }
    QCOMPARE(bottom - top + 1, most);
}

void TestChartAxes::crosshairShowsTheBarUnderTheMouse()
{
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"CROSS"_s;
    stored.timeframe = Bars::Timeframe::minutes(5);
    for (int i = 0; i < 40; ++i) {
        Pipeline::LiveBar bar = plainBar(u"CROSS"_s, 1'700'000'100'000'000LL + i * 300'000'000LL, 100 + i, 100.75 + i,
                                         99.75 + i, 100.5 + i, 1000 + i);
        if (i >= 19)
            bar.sma = 90.125 + i;
        bar.rsi = i >= 14 ? 60.25 : std::nan("");
        stored.bars.push_back(bar);
    }
    history.setWatched({Gui::ChartKey{u"CROSS"_s, Bars::Timeframe::minutes(5)}});
    history.load(stored);

    Gui::SymbolChart chart;
    chart.resize(800, 500);
    chart.setSymbol(u"CROSS"_s);
    chart.setTimeframe(Bars::Timeframe::minutes(5));
    chart.setShownIndicators(Gui::SymbolChart::indicatorIds()); // every pane: all of them line up
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    QCOMPARE(chart.candleCount(), 40);
    QVERIFY(!chart.crosshairTime());

    const auto views = chart.findChildren<QChartView *>();
    // The panes line up bar for bar: the same plot area left and right, to the pixel.
    const auto aligned = [&views] {
        const QRectF price = views.at(0)->chart()->plotArea();
        for (QChartView *view : views) {
            const QRectF area = view->chart()->plotArea();
            if (std::abs(area.left() - price.left()) > 1 || std::abs(area.right() - price.right()) > 1)
                return false;
        }
        return true;
    };
    QTRY_VERIFY(aligned());
    const auto pointAt = [](QChartView *view, qreal x, qreal y) {
        QChart *c = view->chart();
        const QPointF inChart = c->mapToPosition({x, y}, c->series().constFirst());
        return view->mapFromScene(c->mapToScene(inChart));
    };
    // The mouse a little right of bar 25 in the price pane: bar 25, its values in the data window.
    const Pipeline::LiveBar &bar = stored.bars[25];
    const qreal x = *chart.xOf(bar.bar.timestamp) + 0.2; // a little right of it
    QTest::mouseMove(views.at(0)->viewport(), pointAt(views.at(0), x, bar.bar.close));
    QCOMPARE(chart.crosshairTime(), std::optional(bar.bar.timestamp));
    const QString text = chart.dataWindow();
    const QLocale locale;
    QVERIFY2(text.contains(u"C "_s + locale.toString(bar.bar.close, 'f', 2)), qPrintable(text));
    QVERIFY2(text.contains(u"O "_s + locale.toString(bar.bar.open, 'f', 2)), qPrintable(text));
    QVERIFY2(text.contains(u"SMA "_s + locale.toString(bar.sma, 'f', 2)), qPrintable(text));
    QVERIFY2(text.contains(u"RSI "_s + locale.toString(60.25, 'f', 1)), qPrintable(text));
    QVERIFY2(!text.contains(u"EMA"_s), qPrintable(text)); // absent values are left out
    // In the RSI pane, nearer the next bar: that one.
    const qreal later = *chart.xOf(stored.bars[26].bar.timestamp) - 0.3;
    QTest::mouseMove(views.at(2)->viewport(), pointAt(views.at(2), later, 50));
    QCOMPARE(chart.crosshairTime(), std::optional(stored.bars[26].bar.timestamp));
    // Off the chart, gone.
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(views.at(2)->viewport(), &leave);
    QVERIFY(!chart.crosshairTime());
    QVERIFY(chart.dataWindow().isEmpty());
}

void TestChartAxes::nightsTakeNoRoom()
{
    // Two sessions of one-minute bars, 17 hours apart: the first bar after the night is one position after
    // the last before it, and the labels name the new day.
    Gui::BarHistory history(800);
    Pipeline::ChartHistory stored;
    stored.symbol = u"NIGHT"_s;
    stored.timeframe = Bars::Timeframe::minutes(1);
    for (const Model::TimestampUs t : sessionMinutes(2)) {
        stored.bars.push_back(plainBar(u"NIGHT"_s, t, 50, 50, 50, 50, 10));
    }
    history.setWatched({Gui::ChartKey{u"NIGHT"_s, Bars::Timeframe::minutes(1)}});
    history.load(stored);
    Gui::SymbolChart chart;
    chart.resize(900, 500);
    chart.setUtc(true);
    chart.setSymbol(u"NIGHT"_s);
    chart.setTimeframe(Bars::Timeframe::minutes(1));
    chart.zoomBy(-4); // 120 bars at first; a wider view takes in the night
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    const auto &bars = stored.bars;
    QCOMPARE(*chart.xOf(bars[390].bar.timestamp) - *chart.xOf(bars[389].bar.timestamp), 1.0);
    chart.scrollBy(390 + 60 - chart.visibleBars() / 2); // the night in the middle of the view
    const QStringList labels = chart.timeLabels();
    QVERIFY2(labels.contains(QLocale().toString(QDate(2026, 11, 24), u"d MMM"_s)), qPrintable(labels.join(u' ')));
    // The view's ends read as the bars' times there: about the visible bars' span in trading minutes.
    const auto [from, to] = chart.timeRange();
    QVERIFY(to - from > 17 * 3'600'000LL); // the night is in view, though it takes no room
}

void TestChartAxes::ownPeriodsColoursAndLevels()
{
    // A chart with its own SMA period, colour and RSI levels: the line is the 5-bar average of the closes
    // drawn, in the colour chosen, the data window says so, and the RSI guides sit at the levels.
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"OWN"_s;
    stored.timeframe = Bars::Timeframe::minutes(1);
    for (int i = 0; i < 60; ++i) {
        const double price = 100 + (i % 7);
        Pipeline::LiveBar bar = plainBar(u"OWN"_s, Monday + i * Minute, price, price + 1, price, price, 10);
        bar.sma = bar.ema = bar.bollingerUpper = bar.bollingerLower = bar.rsi = 42; // the engine's: not drawn
        stored.bars.push_back(bar);
    }
    history.setWatched({Gui::ChartKey{u"OWN"_s, Bars::Timeframe::minutes(1)}});
    history.load(stored);
    Gui::SymbolChart chart;
    chart.resize(800, 500);
    chart.setSymbol(u"OWN"_s);
    chart.setTimeframe(Bars::Timeframe::minutes(1));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    Gui::ChartIndicatorSettings settings;
    Indicators::IndicatorConfig periods;
    periods.sma = 5;
    settings.periods = periods;
    settings.sma = QColor(u"#ff00ff"_s);
    settings.rsiLow = 20;
    settings.rsiHigh = 80;
    chart.setIndicatorSettings(settings);

    QLineSeries *sma = nullptr;
    for (QChartView *view : chart.findChildren<QChartView *>())
        for (QAbstractSeries *series : view->chart()->series())
            if (series->name() == u"SMA"_s)
                sma = qobject_cast<QLineSeries *>(series);
    QVERIFY(sma && sma->count() > 0);
    QCOMPARE(sma->pen().color(), QColor(u"#ff00ff"_s));
    double sum = 0;
    for (int i = 55; i < 60; ++i)
        sum += stored.bars[std::size_t(i)].bar.close;
    QCOMPARE(sma->at(sma->count() - 1).y(), sum / 5);
    const QList<QPointF> drawn = sma->points(); // a copy: begin() and end() of one list
    QVERIFY(std::all_of(drawn.begin(), drawn.end(), [](const QPointF &p) { return p.y() != 42; }));
    // The RSI pane's guides.
    bool low = false, high = false;
    for (QChartView *view : chart.findChildren<QChartView *>())
        for (QAbstractSeries *series : view->chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(series); line && line->count() == 2) {
                low = low || line->at(0).y() == 20;
                high = high || line->at(0).y() == 80;
                // Across the view, end to end (from -1e12 to 1e12 their dots stopped part of the way).
                const auto *time = qobject_cast<QValueAxis *>(view->chart()->axes(Qt::Horizontal).first());
                QCOMPARE(line->at(0).x(), time->min());
                QCOMPARE(line->at(1).x(), time->max());
            }
    QVERIFY(low && high);
    // Back to the app's periods: the engine's values again.
    settings.periods.reset();
    chart.setIndicatorSettings(settings);
    QCOMPARE(sma->at(sma->count() - 1).y(), 42.0);
}

void TestChartAxes::indicatorSettingsRoundTripAndRefuseNonsense()
{
    Gui::ChartIndicatorSettings settings;
    QCOMPARE(settings.toText(), QString()); // the defaults say nothing
    Indicators::IndicatorConfig periods;
    periods.sma = 50;
    periods.bollingerDeviations = 2.5;
    settings.periods = periods;
    settings.vwap = QColor(u"#123456"_s);
    settings.rsiLow = 25;
    settings.rsiHigh = 75;
    QCOMPARE(Gui::ChartIndicatorSettings::fromText(settings.toText()), settings);
    // Parts out of range or unknown are left at their defaults; the rest is taken.
    const auto odd = Gui::ChartIndicatorSettings::fromText(u"sma=0;ema=30;rsiLow=90;rsiHigh=10;smaColor=nope;x=1"_s);
    QVERIFY(odd.periods);
    QCOMPARE(odd.periods->sma, Indicators::IndicatorConfig{}.sma);
    QCOMPARE(odd.periods->ema, 30);
    QCOMPARE(odd.rsiLow, 30.0);
    QCOMPARE(odd.sma, Gui::ChartIndicatorSettings{}.sma);

    // The dialog names what does not fit together and stays open.
    Gui::ChartIndicatorDialog dialog(settings, Indicators::IndicatorConfig{});
    QCOMPARE(dialog.settings(), settings);
    dialog.findChild<QSpinBox *>(u"macdFast"_s)->setValue(30);
    QVERIFY2(dialog.problem().contains(u"MACD"_s), qPrintable(dialog.problem()));
    dialog.findChild<QSpinBox *>(u"macdFast"_s)->setValue(12);
    dialog.findChild<QDoubleSpinBox *>(u"rsiLow"_s)->setValue(80);
    QVERIFY2(dialog.problem().contains(u"RSI"_s), qPrintable(dialog.problem()));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    QVERIFY(!dialog.findChild<QLabel *>(u"problem"_s)->isHidden());
}

QTEST_MAIN(TestChartAxes)
#include "tst_chartaxes.moc"
