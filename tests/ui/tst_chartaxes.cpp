// SPDX-License-Identifier: MIT
// How charts label their axes and where they put markers: round prices, K/M volumes, dates for long spans.
#include "charts/AxisScale.h"
#include "charts/BarHistory.h"
#include "charts/SymbolChart.h"

#include <QChart>
#include <QChartView>
#include <QLocale>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

class TestChartAxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void priceTicks_data();
    void priceTicks();
    void volumeScale();
    void timeFormat();
    void markersFitAndThemeFollows();
    void crosshairShowsTheBarUnderTheMouse();
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

void TestChartAxes::timeFormat()
{
    QCOMPARE(Gui::timeFormatFor(120'000, false), u"hh:mm:ss"_s);
    QCOMPARE(Gui::timeFormatFor(3 * 3'600'000, false), u"hh:mm"_s);
    QCOMPARE(Gui::timeFormatFor(5 * 86'400'000LL, false), u"MM-dd hh:mm"_s);
    QCOMPARE(Gui::timeFormatFor(5 * 86'400'000LL, true), u"MM-dd"_s);
    QCOMPARE(Gui::timeFormatFor(400 * 86'400'000LL, false), u"yyyy-MM-dd"_s);
}

void TestChartAxes::markersFitAndThemeFollows()
{
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"MARK"_s;
    stored.timeframe = Bars::Timeframe::minutes(1);
    for (int i = 0; i < 30; ++i) {
        Pipeline::LiveBar bar;
        Model::Symbol::fromString(u"MARK"_s, bar.bar.symbol);
        bar.bar.open = bar.bar.close = 100 + (i == 29 ? 5 : 0);
        bar.bar.high = bar.bar.close + 0.1;
        bar.bar.low = bar.bar.close - 0.1;
        bar.bar.volume = 2'000'000;
        bar.bar.timestamp = 1'700'000'000'000'000LL + i * 60'000'000LL;
        bar.sma = bar.ema = bar.bollingerUpper = bar.bollingerLower = bar.rsi = std::nan("");
        stored.bars.push_back(bar);
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
    stored.signals = {buy, sell, priceless};
    history.setWatched({Gui::ChartKey{u"MARK"_s, Bars::Timeframe::minutes(1)}});
    history.load(stored);

    Gui::SymbolChart chart;
    chart.resize(600, 400);
    chart.setSymbol(u"MARK"_s);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh(history);
    QCOMPARE(chart.candleCount(), 30);
    QCOMPARE(chart.markerCount(), 2);
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

void TestChartAxes::crosshairShowsTheBarUnderTheMouse()
{
    Gui::BarHistory history;
    Pipeline::ChartHistory stored;
    stored.symbol = u"CROSS"_s;
    stored.timeframe = Bars::Timeframe::minutes(5);
    for (int i = 0; i < 40; ++i) {
        Pipeline::LiveBar bar;
        Model::Symbol::fromString(u"CROSS"_s, bar.bar.symbol);
        bar.bar.open = 100 + i;
        bar.bar.close = 100.5 + i;
        bar.bar.high = bar.bar.close + 0.25;
        bar.bar.low = bar.bar.open - 0.25;
        bar.bar.volume = 1000 + i;
        bar.bar.timestamp = 1'700'000'100'000'000LL + i * 300'000'000LL;
        bar.sma = bar.ema = bar.bollingerUpper = bar.bollingerLower = bar.rsi = std::nan("");
        bar.bollingerMiddle = bar.macd = bar.macdSignal = bar.macdHistogram = bar.atr = bar.vwap = std::nan("");
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
    const qreal x = qreal(bar.bar.timestamp / 1000) + 60'000; // a minute into the five
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
    const qreal later = qreal(stored.bars[26].bar.timestamp / 1000) - 60'000;
    QTest::mouseMove(views.at(2)->viewport(), pointAt(views.at(2), later, 50));
    QCOMPARE(chart.crosshairTime(), std::optional(stored.bars[26].bar.timestamp));
    // Off the chart, gone.
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(views.at(2)->viewport(), &leave);
    QVERIFY(!chart.crosshairTime());
    QVERIFY(chart.dataWindow().isEmpty());
}

QTEST_MAIN(TestChartAxes)
#include "tst_chartaxes.moc"
