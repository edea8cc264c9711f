// SPDX-License-Identifier: MIT
#include "indicators/Series.h"
#include "signals/RuleEngine.h"
#include "text/NumberText.h"
#include "text/SignalJson.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using Signals::RuleConfig;
using Signals::RuleEngine;

namespace {

/// One bar per second, high and low hugging the close.
std::vector<Model::Tick> bars(const std::vector<double> &closes, Model::TimestampUs spacingUs = 1'000'000)
{
    std::vector<Model::Tick> out;
    for (std::size_t i = 0; i < closes.size(); ++i) {
        Model::Tick t;
        Model::Symbol::parse("TEST", t.symbol);
        t.open = t.close = closes[i];
        t.high = closes[i] * 1.0001;
        t.low = closes[i] * 0.9999;
        t.volume = 100;
        t.timestamp = 1'700'000'000'000'000LL + Model::TimestampUs(i) * spacingUs;
        out.push_back(t);
    }
    return out;
}

std::vector<double> path(double start, const std::vector<std::pair<int, double>> &legs)
{
    std::vector<double> out{start};
    for (const auto &[count, factor] : legs)
        for (int i = 0; i < count; ++i)
            out.push_back(out.back() * factor);
    return out;
}

/// One rule alone, without the cool-down (which has tests of its own).
RuleConfig only(bool RuleConfig::*rule)
{
    RuleConfig c;
    c.cooldownSeconds = 0;
    c.rsiTrend = c.maCross = c.priceMove = c.newsSentiment = false;
    c.*rule = true;
    return c;
}

struct Fired
{
    std::size_t bar;
    Model::TradeSignal signal;
};

std::vector<Fired> run(const RuleConfig &config, const std::vector<Model::Tick> &series,
                       const Indicators::IndicatorConfig &indicators = {})
{
    Indicators::IndicatorSet set(indicators);
    RuleEngine rules(config);
    std::vector<Fired> fired;
    for (std::size_t i = 0; i < series.size(); ++i) {
        std::vector<Model::TradeSignal> out;
        rules.onTick(series[i], set.update(series[i]), false, out);
        for (auto &s : out)
            fired.push_back({i, std::move(s)});
    }
    return fired;
}

std::vector<double> closesOf(const std::vector<Model::Tick> &series)
{
    std::vector<double> c;
    for (const auto &t : series)
        c.push_back(t.close);
    return c;
}

} // namespace

class TestSignals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rsiTrendBuyOnceAtKnownBar();
    void rsiTrendSellOnceAtKnownBar();
    void rsiTrendSilentOnSteadyTrend();
    void maCrossOnceAtKnownBar();
    void maCrossNoCrossNoSignal();
    void priceMoveOnceAtKnownBar();
    void priceMoveSlowOrSmallIsSilent();
    void newsSentimentEdges();
    void cooldownHoldsBackRepeats();
    void disabledRulesAreSilent();
    void silentWarmingMovesStateOn();
    void signalCarriesEverything();
    void rulesFiringOnOneRecordShareItsIndicators();
    void reasonNumbersReadAsQtWritesThem();
    void defaultsHoldBackRepeats();
    void rsiRearmsOnlyAfterReset();
    void crossNeedsTheSpread();
    void priceMoveOncePerMove();
    void signalMessagesReadBack();
};

namespace {

/// Ticks of the rules alone, with indicator values given by the test.
std::vector<Model::TradeSignal> feedSnapshots(RuleEngine &rules,
                                              const std::vector<Indicators::IndicatorSnapshot> &shots)
{
    std::vector<Model::TradeSignal> out;
    const auto series = bars(std::vector<double>(shots.size(), 100.0));
    for (std::size_t i = 0; i < shots.size(); ++i)
        rules.onTick(series[i], shots[i], false, out);
    return out;
}

} // namespace

void TestSignals::rsiTrendBuyOnceAtKnownBar()
{
    // A slide, then a flat bottom: RSI stays under 30 and the EMA sits above the
    // SMA. The known bar, where both first hold, is found from the indicator
    // series (checked against the reference elsewhere), not from the rule.
    const auto series = bars(path(100, {{25, 1.0}, {40, 0.99}, {30, 1.0}}));
    const auto closes = closesOf(series);
    const auto sma = Indicators::smaSeries(closes, 20);
    const auto ema = Indicators::emaSeries(closes, 20);
    const auto rsi = Indicators::rsiSeries(closes, 14);
    std::size_t expected = 0;
    for (std::size_t i = 0; i < closes.size() && !expected; ++i)
        if (sma[i] && ema[i] && rsi[i] && *sma[i] < *ema[i] && *rsi[i] < 30)
            expected = i;
    QVERIFY(expected > 25);

    const auto fired = run(only(&RuleConfig::rsiTrend), series);
    QCOMPARE(fired.size(), std::size_t(1));
    QCOMPARE(fired[0].bar, expected);
    QCOMPARE(fired[0].signal.side, Model::SignalSide::Buy);
    QCOMPARE(fired[0].signal.rule, Model::SignalRule::RsiTrend);
    QVERIFY2(fired[0].signal.reason.startsWith(u"RSI "_s) && fired[0].signal.reason.contains(u" < 30 and SMA "_s),
             qPrintable(fired[0].signal.reason));
}

void TestSignals::rsiTrendSellOnceAtKnownBar()
{
    const auto series = bars(path(100, {{25, 1.0}, {40, 1.01}, {30, 1.0}}));
    const auto closes = closesOf(series);
    const auto sma = Indicators::smaSeries(closes, 20);
    const auto ema = Indicators::emaSeries(closes, 20);
    const auto rsi = Indicators::rsiSeries(closes, 14);
    std::size_t expected = 0;
    for (std::size_t i = 0; i < closes.size() && !expected; ++i)
        if (sma[i] && ema[i] && rsi[i] && *sma[i] > *ema[i] && *rsi[i] > 70)
            expected = i;
    QVERIFY(expected > 25);
    const auto fired = run(only(&RuleConfig::rsiTrend), series);
    QCOMPARE(fired.size(), std::size_t(1));
    QCOMPARE(fired[0].bar, expected);
    QCOMPARE(fired[0].signal.side, Model::SignalSide::Sell);
}

void TestSignals::rsiTrendSilentOnSteadyTrend()
{
    // Rising steadily: RSI is high but the EMA stays above the SMA. Swinging
    // sideways: RSI never leaves the middle.
    QVERIFY(run(only(&RuleConfig::rsiTrend), bars(path(100, {{200, 1.005}}))).empty());
    std::vector<double> sideways;
    for (int i = 0; i < 300; ++i)
        sideways.push_back(100 + 2 * std::sin(i * 0.7));
    QVERIFY(run(only(&RuleConfig::rsiTrend), bars(sideways)).empty());
}

void TestSignals::maCrossOnceAtKnownBar()
{
    const auto series = bars(path(100, {{60, 0.995}, {60, 1.006}}));
    const auto closes = closesOf(series);
    const auto fast = Indicators::smaSeries(closes, 10);
    const auto slow = Indicators::smaSeries(closes, 30);
    std::size_t expected = 0;
    for (std::size_t i = 1; i < closes.size() && !expected; ++i)
        if (fast[i - 1] && slow[i - 1] && *fast[i - 1] < *slow[i - 1] && *fast[i] > *slow[i])
            expected = i;
    QVERIFY(expected > 60);
    const auto fired = run(only(&RuleConfig::maCross), series);
    QCOMPARE(fired.size(), std::size_t(1));
    QCOMPARE(fired[0].bar, expected);
    QCOMPARE(fired[0].signal.side, Model::SignalSide::Buy);
    QVERIFY2(fired[0].signal.reason.contains(u"crossed above"_s), qPrintable(fired[0].signal.reason));
}

void TestSignals::maCrossNoCrossNoSignal()
{
    // The fast average is above the slow one from the first bar both exist: no cross, no signal.
    QVERIFY(run(only(&RuleConfig::maCross), bars(path(100, {{200, 1.003}}))).empty());
    QVERIFY(run(only(&RuleConfig::maCross), bars(std::vector<double>(200, 50.0))).empty());
}

void TestSignals::priceMoveOnceAtKnownBar()
{
    std::vector<double> closes(30, 100.0);
    closes.push_back(102.5); // bar 30: +2.5 % in one second
    closes.insert(closes.end(), 20, 102.5);
    const auto fired = run(only(&RuleConfig::priceMove), bars(closes));
    QCOMPARE(fired.size(), std::size_t(1));
    QCOMPARE(fired[0].bar, std::size_t(30));
    QCOMPARE(fired[0].signal.side, Model::SignalSide::Alert);
    QCOMPARE(fired[0].signal.reason, u"price rose 2.50% in 1 s (100.00 to 102.50)"_s);

    // Down as well, and only once while it stays down.
    std::vector<double> down(10, 100.0);
    down.insert(down.end(), 10, 97.0);
    const auto fell = run(only(&RuleConfig::priceMove), bars(down));
    QCOMPARE(fell.size(), std::size_t(1));
    QCOMPARE(fell[0].bar, std::size_t(10));
    QVERIFY(fell[0].signal.reason.startsWith(u"price fell 3.00%"_s));
}

void TestSignals::priceMoveSlowOrSmallIsSilent()
{
    // 1.5 % at once is under the threshold.
    std::vector<double> small(10, 100.0);
    small.insert(small.end(), 10, 101.5);
    QVERIFY(run(only(&RuleConfig::priceMove), bars(small)).empty());
    // 3 % spread over 240 s is never 2 % within 60 s.
    QVERIFY(run(only(&RuleConfig::priceMove), bars(path(100, {{240, std::pow(1.03, 1.0 / 240)}}))).empty());
}

void TestSignals::newsSentimentEdges()
{
    RuleEngine rules(only(&RuleConfig::newsSentiment));
    const Indicators::IndicatorSnapshot none;
    const std::pair<double, double> events[] = {{0.3, 0.9},  {0.8, 0.9},  {0.9, 0.9},  {0.1, 0.1},
                                                {-0.7, 0.6}, {-0.8, 0.2}, {-0.9, 0.95}};
    std::vector<Model::TradeSignal> out;
    for (const auto &[score, magnitude] : events) {
        Model::NewsSentimentEvent e;
        Model::Symbol::parse("TEST", e.symbol);
        e.score = score;
        e.magnitude = magnitude;
        rules.onSentiment(e, none, out);
    }
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(out[0].side, Model::SignalSide::Buy);
    QCOMPARE(out[0].reason, u"positive news sentiment 0.80 with magnitude 0.90"_s);
    QCOMPARE(out[1].side, Model::SignalSide::Sell);
    QCOMPARE(out[2].side, Model::SignalSide::Sell); // after magnitude 0.2 re-armed it
}

void TestSignals::cooldownHoldsBackRepeats()
{
    // Up 3 %, back, up again 20 s later: two alerts without cool-down, one with 300 s.
    std::vector<double> closes(5, 100.0);
    closes.insert(closes.end(), 5, 103.0);
    closes.insert(closes.end(), 70, 100.0);
    closes.insert(closes.end(), 5, 103.0);
    RuleConfig config = only(&RuleConfig::priceMove);
    const auto free = run(config, bars(closes));
    QVERIFY(free.size() >= 2);
    config.cooldownSeconds = 300;
    const auto held = run(config, bars(closes));
    QCOMPARE(held.size(), std::size_t(1));
    QCOMPARE(held[0].bar, free[0].bar);
}

void TestSignals::disabledRulesAreSilent()
{
    RuleConfig off;
    off.rsiTrend = off.maCross = off.priceMove = off.newsSentiment = false;
    QVERIFY(run(off, bars(path(100, {{60, 0.99}, {60, 1.01}, {10, 1.05}}))).empty());
}

void TestSignals::silentWarmingMovesStateOn()
{
    // Warm through the buy edge silently: continuing must not fire it again.
    const auto series = bars(path(100, {{25, 1.0}, {40, 0.99}, {30, 1.0}}));
    Indicators::IndicatorSet set;
    RuleEngine rules(only(&RuleConfig::rsiTrend));
    std::vector<Model::TradeSignal> out;
    const auto loud = run(only(&RuleConfig::rsiTrend), series);
    QCOMPARE(loud.size(), std::size_t(1));
    QVERIFY(loud[0].bar < 90);
    for (std::size_t i = 0; i < 90; ++i)
        rules.onTick(series[i], set.update(series[i]), true, out);
    for (std::size_t i = 90; i < series.size(); ++i)
        rules.onTick(series[i], set.update(series[i]), false, out);
    QVERIFY(out.empty());
}

void TestSignals::signalCarriesEverything()
{
    std::vector<double> closes(30, 100.0);
    closes.push_back(103.0);
    const auto fired = run(only(&RuleConfig::priceMove), bars(closes));
    QCOMPARE(fired.size(), std::size_t(1));
    const Model::TradeSignal &s = fired[0].signal;
    QCOMPARE(s.symbol.toString(), u"TEST"_s);
    QCOMPARE(s.rule, Model::SignalRule::PriceMove);
    QCOMPARE(s.price, 103.0);
    QCOMPARE(s.timestamp, 1'700'000'000'000'000LL + 30'000'000LL);
    QVERIFY(s.snapshot.startsWith("{\"sma\":"));
    QVERIFY(s.snapshot.contains("\"rsi\":"));
}

void TestSignals::rulesFiringOnOneRecordShareItsIndicators()
{
    // A slide, then a jump that both crosses the averages and moves the price: two rules fire on one record,
    // and each signal carries that record's indicators. Signals of an earlier record in the same list keep
    // their own.
    RuleConfig config = only(&RuleConfig::maCross);
    config.priceMove = true;
    auto closes = path(100, {{60, 0.999}});
    closes.push_back(closes.back() * 1.3);
    closes.push_back(closes.back() * 0.7);
    const auto series = bars(closes);
    Indicators::IndicatorSet set;
    Indicators::IndicatorSet alongside;
    RuleEngine rules(config);
    std::vector<Model::TradeSignal> out;
    std::vector<QByteArray> expected;
    for (const auto &tick : series) {
        const std::size_t before = out.size();
        rules.onTick(tick, set.update(tick), false, out);
        const QByteArray text = alongside.update(tick).toJson();
        expected.insert(expected.end(), out.size() - before, text);
    }
    QCOMPARE(out.size(), expected.size());
    const auto jump = std::adjacent_find(out.begin(), out.end(),
                                         [](const auto &a, const auto &b) { return a.timestamp == b.timestamp; });
    QVERIFY(jump != out.end());
    QCOMPARE(jump->timestamp, series[61].timestamp);
    QCOMPARE_NE(jump->rule, std::next(jump)->rule);
    QCOMPARE_NE(out.front().timestamp, out.back().timestamp);
    for (std::size_t i = 0; i < out.size(); ++i) {
        QVERIFY(out[i].snapshot.startsWith("{\"sma\":"));
        QCOMPARE(out[i].snapshot, expected[i]);
    }
}

void TestSignals::reasonNumbersReadAsQtWritesThem()
{
    // Reasons are put together with the standard library's formatting: the same text as QString::number, at
    // halves, tiny and huge values, negative zero and values of every magnitude.
    std::vector<double> values = {0.0,   -0.0,     1.0,   -1.0,     0.5,    0.125,    0.005,      2.675,      1.005,
                                  9.995, 99.995,   1e-5,  1.234e-5, 0.0001, 1e-4,     0.00012345, 123456.789, 1e15,
                                  1e21,  -3.14159, 1e300, 5e-324,   0.9995, 999999.5, 1234567.0};
    std::mt19937_64 random(17);
    std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
    std::uniform_int_distribution<int> exponent(-12, 12);
    for (int i = 0; i < 3000; ++i)
        values.push_back(mantissa(random) * std::pow(10.0, exponent(random)));
    std::uniform_int_distribution<int> eighths(-800000, 800000);
    for (int i = 0; i < 1000; ++i) // many of them exact halves at 0, 1 or 2 decimals
        values.push_back(eighths(random) / 8.0);
    for (const double value : values) {
        for (const int decimals : {0, 1, 2}) {
            std::string text;
            Text::appendFixed(text, value, decimals);
            QCOMPARE(QString::fromStdString(text), QString::number(value, 'f', decimals));
        }
        for (const int precision : {4, 6}) {
            std::string text;
            Text::appendGeneral(text, value, precision);
            QCOMPARE(QString::fromStdString(text), QString::number(value, 'g', precision));
        }
    }
}

void TestSignals::defaultsHoldBackRepeats()
{
    // The shipped defaults: a cool-down of five minutes per rule and symbol.
    const RuleConfig defaults;
    QCOMPARE(defaults.cooldownSeconds, 300);
    QVERIFY(defaults.crossSpreadPercent > 0);
    QVERIFY(defaults.rsiRearm > 0);
}

void TestSignals::rsiRearmsOnlyAfterReset()
{
    // RSI wobbling around 30 with the trend condition holding: one buy, not one per dip.
    RuleEngine rules(only(&RuleConfig::rsiTrend));
    std::vector<Indicators::IndicatorSnapshot> shots;
    for (double rsi : {40.0, 29.0, 31.0, 29.5, 32.0, 28.0, 34.9, 29.0, 36.0, 29.0}) {
        Indicators::IndicatorSnapshot s;
        s.sma = 99;
        s.ema = 100;
        s.rsi = rsi;
        shots.push_back(s);
    }
    const auto out = feedSnapshots(rules, shots);
    // 29 fires; 31, 32 and 34.9 are not far enough back up to re-arm; 36 is, so the last 29 fires again.
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(out[0].timestamp, bars({0, 0})[1].timestamp);
    QCOMPARE(out[1].side, Model::SignalSide::Buy);
}

void TestSignals::crossNeedsTheSpread()
{
    // Fast and slow SMAs equal to two decimals, trading places: no signal with the default spread.
    std::vector<Indicators::IndicatorSnapshot> shots;
    for (int i = 0; i < 40; ++i) {
        Indicators::IndicatorSnapshot s;
        s.crossSlow = 250.00;
        s.crossFast = i % 2 ? 250.004 : 249.996;
        shots.push_back(s);
    }
    RuleEngine strict(only(&RuleConfig::maCross));
    QVERIFY(feedSnapshots(strict, shots).empty());
    RuleConfig loose = only(&RuleConfig::maCross);
    loose.crossSpreadPercent = 0;
    RuleEngine jittery(loose);
    QCOMPARE(feedSnapshots(jittery, shots).size(), std::size_t(39));

    // A real cross, beyond the spread, is one signal; hovering afterwards adds none.
    std::vector<Indicators::IndicatorSnapshot> real;
    for (double fast : {249.0, 249.5, 249.99, 250.2, 250.01, 250.3, 249.99, 250.4}) {
        Indicators::IndicatorSnapshot s;
        s.crossSlow = 250.00;
        s.crossFast = fast;
        real.push_back(s);
    }
    RuleEngine rules(only(&RuleConfig::maCross));
    const auto out = feedSnapshots(rules, real);
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].side, Model::SignalSide::Buy);
}

void TestSignals::priceMoveOncePerMove()
{
    // Up 2.1 %, then hovering around the threshold: one alert, not one per crossing of it.
    std::vector<double> closes(30, 100.0);
    for (int i = 0; i < 40; ++i)
        closes.push_back(i % 2 ? 101.9 : 102.1);
    QCOMPARE(run(only(&RuleConfig::priceMove), bars(closes)).size(), std::size_t(1));
    // Back under half the threshold re-arms it: a new move is a new alert.
    closes.insert(closes.end(), 70, 100.5);
    closes.push_back(102.6);
    QCOMPARE(run(only(&RuleConfig::priceMove), bars(closes)).size(), std::size_t(2));
}

void TestSignals::signalMessagesReadBack()
{
    // A window on another node's feed reads the signals the node published back into signals.
    Model::TradeSignal signal;
    signal.id = 42;
    Model::Symbol::fromString(QStringLiteral("BRK.B"), signal.symbol);
    signal.rule = Model::SignalRule::MaCross;
    signal.side = Model::SignalSide::Sell;
    signal.timeframe = QStringLiteral("5m");
    signal.reason = QStringLiteral("SMA 10 crossed below SMA 30 \"quoted\"");
    signal.price = 412.37;
    signal.snapshot = R"({"rsi":61.5,"sma":410.25})";
    signal.timestamp = 1'796'022'436'123'456;
    auto back = Text::signalFromJson(Text::signalJson(signal));
    QVERIFY(back);
    QCOMPARE(back->id, 42);
    QCOMPARE(back->symbol, signal.symbol);
    QCOMPARE(back->rule, signal.rule);
    QCOMPARE(back->side, signal.side);
    QCOMPARE(back->timeframe, signal.timeframe);
    QCOMPARE(back->reason, signal.reason);
    QCOMPARE(back->price, signal.price);
    QCOMPARE(back->timestamp, signal.timestamp);
    QCOMPARE(back->snapshot, signal.snapshot);

    // A trader's alert's fire keeps its name and the snapshot that names the alert.
    Model::TradeSignal fire = signal;
    fire.rule = Model::SignalRule::TraderAlert;
    fire.alertName = QStringLiteral("ma_cross"); // a name that is also a rule's id stays the alert's
    fire.side = Model::SignalSide::Alert;
    fire.snapshot = R"({"alert_id":7,"value":412.37,"level":410})";
    back = Text::signalFromJson(Text::alertJson(fire));
    QVERIFY(back);
    QVERIFY(back->isTraderAlert());
    QCOMPARE(back->alertName, QStringLiteral("ma_cross"));
    QVERIFY(Model::TradeSignal::namesAlert(back->side, back->snapshot));
    QCOMPARE(back->snapshot, QByteArray(R"({"alert_id":7,"value":412.37,"level":410})"));

    // Anything else is refused with the reason.
    QString error;
    QVERIFY(!Text::signalFromJson("{}", &error));
    QVERIFY2(error.contains(QStringLiteral("type")), qPrintable(error));
    QVERIFY(!Text::signalFromJson(R"({"type":"signal","symbol":"AAPL","timestamp":1,"side":"hold"})", &error));
    QVERIFY2(error.contains(QStringLiteral("side")), qPrintable(error));
    QVERIFY(!Text::signalFromJson(R"({"type":"signal","symbol":"a b","timestamp":1,"side":"buy"})", &error));
    QVERIFY2(error.contains(QStringLiteral("symbol")), qPrintable(error));
    QVERIFY(!Text::signalFromJson("not json", &error));
}

QTEST_GUILESS_MAIN(TestSignals)
#include "tst_signals.moc"
