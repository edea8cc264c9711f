// SPDX-License-Identifier: MIT
// The alert condition model: the JSON bodies it takes and the errors it names, and when an alert fires —
// each operator and trigger on crafted series, and a property test against a from-scratch evaluator.
#include "alerts/AlertBook.h"
#include "alerts/AlertDefinition.h"
#include "alerts/AlertEvaluator.h"
#include "storage/AlertStore.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <random>

using namespace Qt::StringLiterals;
using Alerts::Operator;
using Alerts::Sample;
using Alerts::Trigger;

namespace {

constexpr qint64 Minute = 60'000'000LL;

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

Alerts::Definition alert(Operator op, double level, Trigger trigger = Trigger::OncePerBarClose)
{
    Alerts::Definition a;
    a.op = op;
    a.right = Alerts::Operand::constant(level);
    a.trigger = trigger;
    return a;
}

/// One closed bar per value, a minute apart, against a level (none: the alert's, see firesAt).
std::vector<Sample> closes(const std::vector<double> &values, std::optional<double> level = std::nullopt)
{
    std::vector<Sample> out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back(
            Sample{qint64(i) * Minute, true, qint64(i + 1) * Minute, values[i], level, std::nullopt, values[i]});
    return out;
}

/// The indices of the samples at which the alert fires.
std::vector<int> firesAt(const Alerts::Definition &a, const std::vector<Sample> &samples,
                         std::optional<double> right = std::nullopt)
{
    Alerts::Evaluator evaluator(a);
    std::vector<int> out;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        Sample s = samples[i];
        if (!s.right)
            s.right = right ? right : std::optional(a.right.value);
        if (evaluator.add(s))
            out.push_back(int(i));
    }
    return out;
}

/// The same decision made from scratch for the last sample of `prefix`: every rule applied anew over the
/// whole prefix, with no state carried between calls.
bool bruteFiresLast(const Alerts::Definition &a, const std::vector<Sample> &prefix)
{
    struct Outcome
    {
        bool fired;
        Alerts::Status status;
    };
    int side = 0;
    int count = 0;
    std::optional<qint64> lastFire, lastFireBar;
    bool done = false;
    bool firedLast = false;
    for (std::size_t k = 0; k < prefix.size(); ++k) {
        const Sample &s = prefix[k];
        firedLast = false;
        if (done || (a.expires && s.time >= *a.expires)) {
            done = true;
            continue;
        }
        if (a.trigger == Trigger::OncePerBarClose && !s.closed)
            continue;
        bool holds = false;
        const double x = *s.left;
        if (a.usesMoving()) {
            // The left value on the `bars`-th closed bar before this sample's bar, found by looking back.
            std::vector<double> earlier;
            for (std::size_t j = 0; j < k; ++j)
                if (prefix[j].closed && prefix[j].barOpen < s.barOpen)
                    earlier.push_back(*prefix[j].left);
            if (int(earlier.size()) >= a.bars) {
                const double ref = earlier[earlier.size() - std::size_t(a.bars)];
                const double by = a.right.value;
                holds = a.op == Operator::MovingUp          ? x - ref >= by
                        : a.op == Operator::MovingDown      ? ref - x >= by
                        : ref == 0                          ? false
                        : a.op == Operator::MovingUpPercent ? (x - ref) / std::abs(ref) * 100 >= by
                                                            : (ref - x) / std::abs(ref) * 100 >= by;
            }
        } else {
            const double level = *s.right;
            if (a.op == Operator::GreaterThan) {
                holds = x > level + a.deadBand;
            } else if (a.op == Operator::LessThan) {
                holds = x < level - a.deadBand;
            } else {
                const int now = x > level + a.deadBand ? 1 : x < level - a.deadBand ? -1 : side;
                holds = side != 0 && now != side &&
                        (a.op == Operator::Crossing || (a.op == Operator::CrossingUp ? now == 1 : now == -1));
                side = now;
            }
        }
        bool may = false;
        switch (a.trigger) {
        case Trigger::Once:
            may = true;
            break;
        case Trigger::OncePerBar:
            may = lastFireBar != s.barOpen;
            break;
        case Trigger::OncePerBarClose:
            may = s.closed && lastFireBar != s.barOpen;
            break;
        case Trigger::EveryTime:
            may = !lastFire || s.time - *lastFire >= a.cooldownSeconds * 1'000'000;
            break;
        }
        if (holds && may) {
            firedLast = true;
            ++count;
            lastFire = s.time;
            lastFireBar = s.barOpen;
            if (a.trigger == Trigger::Once ||
                (a.trigger == Trigger::EveryTime && a.maxCount > 0 && count >= a.maxCount))
                done = true;
        }
    }
    return firedLast;
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodiesAreTakenAsWritten();
    void badBodiesNameTheField_data();
    void badBodiesNameTheField();
    void crossingFromExactlyEqualFiresOnce();
    void gapOverTheLevelAndDeadBand();
    void oncePerBarFiresIntrabarPerBarCloseOnlyAtClose();
    void expiryDuringAQuietPeriod();
    void cooldownAndMaximumCount();
    void channels();
    void movingPercentWithinBars();
    void stateCarriesOverARestart();
    void operandsTakeTheirOwnPeriods();
    void messageTemplate();
    void matchesAFromScratchEvaluator();
    void storeKeepsAlertsAndTheirStates();
    void anUnreadableStoredAlertIsListedAsAnError();
    void linesThroughTwoPoints();
};

void TestAlerts::bodiesAreTakenAsWritten()
{
    const char *bodies[] = {
        R"({"name":"AAPL above 182.50","symbols":["AAPL"],"timeframe":"1m","left":{"source":"close"},
            "operator":"crossing_up","right":{"value":182.5},"trigger":"once"})",
        R"({"symbols":["*"],"timeframe":"5m","left":{"indicator":"rsi","period":14},"operator":"greater_than",
            "right":{"value":70},"trigger":"once_per_bar_close"})",
        R"({"symbols":["TSLA"],"timeframe":"1m","left":{"source":"close"},"operator":"moving_down_percent",
            "right":{"value":2,"bars":1},"trigger":"every_time","cooldown_s":300})",
        R"({"symbols":["MSFT"],"timeframe":"1h","left":{"source":"close"},"operator":"exiting_channel",
            "right":{"channel":[{"indicator":"bb_lower","period":20},{"indicator":"bb_upper","period":20}]}})",
    };
    std::vector<Alerts::Definition> alerts;
    for (const char *body : bodies) {
        const auto a = Alerts::fromJson(json(body));
        QVERIFY2(a, qPrintable(a.error()));
        alerts.push_back(*a);
        const auto again = Alerts::fromJson(Alerts::toJson(*a)); // its JSON reads back the same
        QVERIFY2(again && *again == *a, QJsonDocument(Alerts::toJson(*a)).toJson().constData());
    }
    QCOMPARE(alerts[0].name, u"AAPL above 182.50"_s);
    QCOMPARE(alerts[0].op, Operator::CrossingUp);
    QCOMPARE(alerts[0].trigger, Trigger::Once);
    QCOMPARE(alerts[0].right.value, 182.5);
    QCOMPARE(alerts[1].left.indicator, Alerts::Indicator::Rsi);
    QCOMPARE(alerts[1].timeframe, Bars::Timeframe::minutes(5));
    QVERIFY(alerts[1].appliesTo(u"ANY"_s));
    QCOMPARE(alerts[1].name, u"RSI(14) greater than 70 on 5m"_s); // no name: the condition in words
    QCOMPARE(alerts[2].bars, 1);
    QCOMPARE(alerts[2].cooldownSeconds, 300);
    QVERIFY(!alerts[2].appliesTo(u"AAPL"_s));
    QVERIFY(alerts[3].channel);
    QCOMPARE(alerts[3].channel->second.indicator, Alerts::Indicator::BollingerUpper);
    QCOMPARE(alerts[3].trigger, Trigger::OncePerBarClose); // the default
    QCOMPARE(Alerts::describe(alerts[3]), u"close exiting channel [BB LOWER(20,2), BB UPPER(20,2)] on 1h"_s);
}

void TestAlerts::badBodiesNameTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray ok = R"("left":{"source":"close"},"right":{"value":1})";
    QTest::newRow("no left") << QByteArray(R"({"right":{"value":1}})") << u"left:"_s;
    QTest::newRow("constant left") << QByteArray(R"({"left":{"value":3},"right":{"value":1}})") << u"left:"_s;
    QTest::newRow("unknown source") << QByteArray(R"({"left":{"source":"bid"},"right":{"value":1}})")
                                    << u"left.source:"_s;
    QTest::newRow("unknown indicator") << QByteArray(R"({"left":{"indicator":"kdj"},"right":{"value":1}})")
                                       << u"left.indicator:"_s;
    QTest::newRow("period 0") << QByteArray(R"({"left":{"indicator":"rsi","period":0},"right":{"value":1}})")
                              << u"left.period:"_s;
    QTest::newRow("MACD backwards") << QByteArray(
                                           R"({"left":{"indicator":"macd","fast":30,"slow":26},"right":{"value":0}})")
                                    << u"left.fast:"_s;
    QTest::newRow("operator") << QByteArray("{" + ok + R"(,"operator":"above"})") << u"operator:"_s;
    QTest::newRow("trigger") << QByteArray("{" + ok + R"(,"trigger":"sometimes"})") << u"trigger:"_s;
    QTest::newRow("no right") << QByteArray(R"({"left":{"source":"close"}})") << u"right:"_s;
    QTest::newRow("one edge") << QByteArray(R"({"left":{"source":"close"},"operator":"inside_channel",
                                             "right":{"channel":[{"value":1}]}})")
                              << u"right.channel:"_s;
    QTest::newRow("moving by nothing") << QByteArray(R"({"left":{"source":"close"},"operator":"moving_up",
                                                      "right":{"value":0}})")
                                       << u"right.value:"_s;
    QTest::newRow("symbols text") << QByteArray("{" + ok + R"(,"symbols":"AAPL"})") << u"symbols:"_s;
    QTest::newRow("bad symbol") << QByteArray("{" + ok + R"(,"symbols":["A B"]})") << u"symbols:"_s;
    QTest::newRow("timeframe") << QByteArray("{" + ok + R"(,"timeframe":"7x"})") << u"timeframe:"_s;
    QTest::newRow("tick bars") << QByteArray("{" + ok + R"(,"timeframe":"100t"})") << u"timeframe:"_s;
    QTest::newRow("expires") << QByteArray("{" + ok + R"(,"expires":"soon"})") << u"expires:"_s;
    QTest::newRow("cooldown") << QByteArray("{" + ok + R"(,"cooldown_s":-5})") << u"cooldown_s:"_s;
    QTest::newRow("dead band") << QByteArray("{" + ok + R"(,"dead_band":-1})") << u"dead_band:"_s;
    QTest::newRow("enabled") << QByteArray("{" + ok + R"(,"enabled":"yes"})") << u"enabled:"_s;
    QTest::newRow("line of one point") << QByteArray(R"({"left":{"source":"close"},"right":{"line":[{"time":0,
                                                      "price":1}]}})")
                                       << u"right.line:"_s;
    QTest::newRow("line point time") << QByteArray(R"({"left":{"source":"close"},"right":{"line":[{"time":"x",
                                                    "price":1},{"time":60,"price":2}]}})")
                                     << u"right.line[0].time:"_s;
    QTest::newRow("line past 9999") << QByteArray(R"({"left":{"source":"close"},"right":{"line":[{"time":60,
                                                   "price":1},{"time":33333333333170,"price":2}]}})")
                                    << u"right.line[1].time:"_s;
    QTest::newRow("expires past 9999") << QByteArray(R"({"left":{"source":"close"},"right":{"value":1},
                                                      "expires":1e300})")
                                       << u"expires:"_s;
    QTest::newRow("line vertical") << QByteArray(R"({"left":{"source":"close"},"right":{"line":[{"time":60,
                                                  "price":1},{"time":60,"price":2}]}})")
                                   << u"right.line:"_s;
    QTest::newRow("line in a moving alert")
        << QByteArray(R"({"left":{"source":"close"},"operator":"moving_up","right":{"line":[{"time":0,"price":1},
                         {"time":60,"price":2}]}})")
        << u"right."_s;
}

void TestAlerts::badBodiesNameTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QVERIFY2(doc.isObject(), body.constData());
    const auto a = Alerts::fromJson(doc.object());
    QVERIFY(!a);
    QVERIFY2(a.error().startsWith(field), qPrintable(a.error()));
}

void TestAlerts::crossingFromExactlyEqualFiresOnce()
{
    // Below, touching, above: one crossing up, where it leaves the level. Touching again from above and
    // going up again is no crossing; going below is one down.
    const auto series = closes({9, 10, 10, 11, 10, 11, 12, 9});
    QCOMPARE(firesAt(alert(Operator::CrossingUp, 10), series), (std::vector<int>{3}));
    QCOMPARE(firesAt(alert(Operator::CrossingDown, 10), series), (std::vector<int>{7}));
    QCOMPARE(firesAt(alert(Operator::Crossing, 10), series), (std::vector<int>{3, 7}));
    // Starting exactly at the level: no side yet, so no crossing until one is known.
    QCOMPARE(firesAt(alert(Operator::CrossingUp, 10), closes({10, 11, 9, 11})), (std::vector<int>{3}));
}

void TestAlerts::gapOverTheLevelAndDeadBand()
{
    QCOMPARE(firesAt(alert(Operator::CrossingUp, 10), closes({8, 9, 12, 13})), (std::vector<int>{2}));
    // Hovering within half a point of the level does not cross; leaving the band does, once.
    auto a = alert(Operator::Crossing, 10);
    a.deadBand = 0.5;
    QCOMPARE(firesAt(a, closes({9, 10.2, 9.8, 10.3, 9.7, 10.6, 10.4, 9.6, 9.4})), (std::vector<int>{5, 8}));
    auto above = alert(Operator::GreaterThan, 10, Trigger::OncePerBarClose);
    above.deadBand = 0.5;
    QCOMPARE(firesAt(above, closes({10.4, 10.6, 10.5, 11})), (std::vector<int>{1, 3}));
}

void TestAlerts::oncePerBarFiresIntrabarPerBarCloseOnlyAtClose()
{
    // Bar 0 closes at 9; bar 1 goes to 11 while forming, falls back and closes at 9.5; bar 2 closes at 11.
    const std::vector<Sample> samples{
        {0, true, Minute, 9.0, 10.0, std::nullopt, 9},
        {Minute, false, Minute + 10, 11.0, 10.0, std::nullopt, 11},
        {Minute, false, Minute + 20, 12.0, 10.0, std::nullopt, 12},
        {Minute, true, 2 * Minute, 9.5, 10.0, std::nullopt, 9.5},
        {2 * Minute, false, 2 * Minute + 10, 10.5, 10.0, std::nullopt, 10.5},
        {2 * Minute, true, 3 * Minute, 11.0, 10.0, std::nullopt, 11},
    };
    QCOMPARE(firesAt(alert(Operator::CrossingUp, 10, Trigger::OncePerBar), samples), (std::vector<int>{1, 4}));
    QCOMPARE(firesAt(alert(Operator::CrossingUp, 10, Trigger::OncePerBarClose), samples), (std::vector<int>{5}));
    QCOMPARE(firesAt(alert(Operator::GreaterThan, 10, Trigger::OncePerBar), samples), (std::vector<int>{1, 4}));
    QCOMPARE(firesAt(alert(Operator::GreaterThan, 10, Trigger::Once), samples), (std::vector<int>{1}));
    QCOMPARE(firesAt(alert(Operator::GreaterThan, 10, Trigger::EveryTime), samples), (std::vector<int>{1, 2, 4, 5}));
}

void TestAlerts::expiryDuringAQuietPeriod()
{
    auto a = alert(Operator::GreaterThan, 10, Trigger::EveryTime);
    a.expires = 5 * Minute;
    Alerts::Evaluator evaluator(a);
    QVERIFY(evaluator.add(closes({11}, 10)[0]));
    evaluator.expireIfDue(4 * Minute);
    QCOMPARE(evaluator.state().status, Alerts::Status::Active);
    evaluator.expireIfDue(6 * Minute); // no sample came: the clock expires it
    QCOMPARE(evaluator.state().status, Alerts::Status::Expired);
    Sample later{6 * Minute, true, 7 * Minute, 12.0, 10.0, std::nullopt, 12};
    QVERIFY(!evaluator.add(later));
    // A sample past the expiry expires it too, without a fire.
    Alerts::Evaluator other(a);
    QVERIFY(!other.add(later));
    QCOMPARE(other.state().status, Alerts::Status::Expired);
}

void TestAlerts::cooldownAndMaximumCount()
{
    auto a = alert(Operator::GreaterThan, 10, Trigger::EveryTime);
    a.cooldownSeconds = 60;
    a.maxCount = 3;
    std::vector<Sample> samples;
    for (int i = 0; i < 12; ++i) // every 30 s, always above
        samples.push_back({i / 2 * Minute, i % 2 == 1, i * 30'000'000LL, 11.0, 10.0, std::nullopt, 11});
    QCOMPARE(firesAt(a, samples), (std::vector<int>{0, 2, 4}));
    Alerts::Evaluator evaluator(a);
    for (const Sample &s : samples)
        evaluator.add(s);
    QCOMPARE(evaluator.state().status, Alerts::Status::Fired);
    QCOMPARE(evaluator.state().count, 3);
}

void TestAlerts::channels()
{
    // A channel from 10 to 20 (edges given either way round): values 15, 25, 18, 5, 12.
    const auto series = closes({15, 25, 18, 5, 12});
    const auto fires = [&](Operator op) {
        Alerts::Definition a = alert(op, 0);
        a.channel = std::pair{Alerts::Operand::constant(20), Alerts::Operand::constant(10)};
        Alerts::Evaluator evaluator(a);
        std::vector<int> out;
        for (std::size_t i = 0; i < series.size(); ++i) {
            Sample s = series[i];
            s.right = 20;
            s.right2 = 10;
            if (evaluator.add(s))
                out.push_back(int(i));
        }
        return out;
    };
    QCOMPARE(fires(Operator::ExitingChannel), (std::vector<int>{1, 3}));
    QCOMPARE(fires(Operator::EnteringChannel), (std::vector<int>{2, 4}));
    QCOMPARE(fires(Operator::InsideChannel), (std::vector<int>{0, 2, 4}));
    QCOMPARE(fires(Operator::OutsideChannel), (std::vector<int>{1, 3}));
}

void TestAlerts::movingPercentWithinBars()
{
    // TSLA moves 2 % down within one bar (against the close before), every time at most every 5 minutes.
    auto a = alert(Operator::MovingDownPercent, 2, Trigger::EveryTime);
    a.cooldownSeconds = 300;
    QCOMPARE(firesAt(a, closes({100, 99, 96.5, 94, 93.9, 90, 85, 80})), (std::vector<int>{2, 7}));
    auto up = alert(Operator::MovingUp, 5, Trigger::OncePerBarClose);
    up.bars = 3;
    QCOMPARE(firesAt(up, closes({10, 11, 12, 14, 16, 15, 15})), (std::vector<int>{4}));
}

void TestAlerts::stateCarriesOverARestart()
{
    auto a = alert(Operator::CrossingUp, 10, Trigger::Once);
    const auto series = closes({9, 11, 9, 11}, 10);
    Alerts::Evaluator first(a);
    QVERIFY(!first.add(series[0]));
    QVERIFY(first.add(series[1]));
    QCOMPARE(first.state().status, Alerts::Status::Fired);
    // Taken up again from its stored state: a Once alert that fired never fires again.
    Alerts::Evaluator again(a, first.state());
    QVERIFY(!again.add(series[2]));
    QVERIFY(!again.add(series[3]));
    // A crossing alert remembers its side: the first sample after the restart can cross.
    auto every = alert(Operator::CrossingUp, 10, Trigger::OncePerBarClose);
    Alerts::Evaluator before(every);
    before.add(series[0]);
    Alerts::Evaluator after(every, before.state());
    QVERIFY(after.add(series[1]));
    // Disabled, it changes nothing; enabled again, it carries on.
    every.enabled = false;
    Alerts::Evaluator off(every, after.state());
    QCOMPARE(off.state().status, Alerts::Status::Disabled);
    QVERIFY(!off.add(series[3]));
}

void TestAlerts::operandsTakeTheirOwnPeriods()
{
    const auto rsi = Alerts::Operand::of(Alerts::Indicator::Rsi, 7);
    QCOMPARE(rsi.config().rsi, 7);
    Indicators::IndicatorSet set(rsi.config());
    Model::Tick bar;
    std::optional<double> last;
    for (int i = 0; i < 20; ++i) {
        bar.open = bar.high = bar.low = bar.close = 100 + (i % 3);
        last = rsi.valueOf(bar, set.update(bar), bar.close);
    }
    QVERIFY(last && *last > 0 && *last < 100);
    QCOMPARE(last, set.snapshot().rsi);
    QCOMPARE(Alerts::Operand::of(Alerts::Field::Price).valueOf(bar, set.snapshot(), 123.5), std::optional(123.5));
    QCOMPARE(Alerts::Operand::of(Alerts::Field::High).valueOf(bar, set.snapshot(), 0), std::optional(bar.high));
}

void TestAlerts::messageTemplate()
{
    auto a = *Alerts::fromJson(json(R"({"name":"Breakout","symbols":["AAPL"],"left":{"source":"close"},
        "operator":"crossing_up","right":{"value":182.5},
        "message":"{symbol} broke {level} at {price} ({timeframe}, {time}) [{name}]"})"));
    const QString text = Alerts::message(a, {u"AAPL"_s, 182.75, 182.75, 182.5, 1'795'392'000'000'000LL});
    QCOMPARE(text, u"AAPL broke 182.5 at 182.75 (1m, 2026-11-23 00:00:00 UTC) [Breakout]"_s);
    a.message.clear();
    QVERIFY(Alerts::message(a, {u"AAPL"_s, 1, 1, 1, 0}).startsWith(u"AAPL Breakout: 1"_s));
}

void TestAlerts::matchesAFromScratchEvaluator()
{
    // Random walks sampled several times a bar, and random alerts: at every sample the incremental
    // evaluator and the one that starts over from the first sample agree on whether it fires.
    std::mt19937_64 rng(23);
    const Operator ops[] = {Operator::Crossing,    Operator::CrossingUp,      Operator::CrossingDown,
                            Operator::GreaterThan, Operator::LessThan,        Operator::MovingUp,
                            Operator::MovingDown,  Operator::MovingUpPercent, Operator::MovingDownPercent};
    const Trigger triggers[] = {Trigger::Once, Trigger::OncePerBar, Trigger::OncePerBarClose, Trigger::EveryTime};
    int fires = 0;
    for (int round = 0; round < 300; ++round) {
        Alerts::Definition a = alert(ops[rng() % std::size(ops)], 0, triggers[rng() % std::size(triggers)]);
        a.right = Alerts::Operand::constant(a.usesMoving() ? 0.5 + double(rng() % 30) / 10 : 100);
        a.deadBand = rng() % 3 == 0 ? double(rng() % 10) / 10 : 0;
        a.bars = 1 + int(rng() % 4);
        a.cooldownSeconds = qint64(rng() % 4) * 30;
        a.maxCount = int(rng() % 4);
        if (rng() % 5 == 0)
            a.expires = qint64(rng() % 60) * Minute;
        double x = 100;
        std::vector<Sample> samples;
        for (int bar = 0; bar < 60; ++bar) {
            const int within = 1 + int(rng() % 4);
            for (int k = 0; k < within; ++k) {
                x += (double(rng() % 2001) - 1000) / 1000;
                const bool closed = k + 1 == within;
                samples.push_back({bar * Minute, closed, bar * Minute + (closed ? Minute : (k + 1) * 10'000'000LL), x,
                                   100.0, std::nullopt, x});
            }
        }
        Alerts::Evaluator evaluator(a);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const bool incremental = evaluator.add(samples[i]).has_value();
            const std::vector<Sample> prefix(samples.begin(), samples.begin() + std::ptrdiff_t(i + 1));
            QVERIFY2(incremental == bruteFiresLast(a, prefix),
                     qPrintable(u"round %1, sample %2: %3"_s.arg(round).arg(i).arg(Alerts::describe(a))));
            fires += incremental;
        }
    }
    QVERIFY(fires > 500); // the rounds did fire, often
}

void TestAlerts::storeKeepsAlertsAndTheirStates()
{
    namespace Store = Storage::AlertStore;
    QTemporaryDir dir;
    auto opened = Storage::SqliteDatabase::open(dir.filePath(u"alerts.sqlite"_s));
    QVERIFY(opened);
    Storage::SqliteDatabase &db = **opened;
    QVERIFY(Storage::Schema::migrate(db).ok());

    auto a = *Alerts::fromJson(json(R"({"name":"AAPL above 182.50","symbols":["AAPL","MSFT"],"left":{"source":"close"},
        "operator":"crossing_up","right":{"value":182.5},"trigger":"once"})"));
    const auto id = Store::add(db, a, 1000);
    QVERIFY2(id, qPrintable(id.error()));
    a.id = *id;
    auto b = a;
    b.name = u"second"_s;
    QVERIFY(Store::add(db, b, 2000));
    const auto all = Store::all(db);
    QVERIFY(all);
    QCOMPARE(all->size(), std::size_t(2));
    QCOMPARE(all->front().alert, a);
    QCOMPARE(all->front().createdUs, 1000);

    // A state per symbol, read back as written.
    Alerts::Evaluator evaluator(a);
    evaluator.add(closes({181}, 182.5)[0]);
    QVERIFY(evaluator.add(closes({183}, 182.5)[0]));
    Storage::StoredAlertState state{u"AAPL"_s, evaluator.state(), {}};
    state.state.closes = {1.5, 2.25};
    QVERIFY(Store::saveState(db, a.id, state).ok());
    QVERIFY(Store::saveState(db, a.id, {u"MSFT"_s, {}, u"no bars yet"_s}).ok());
    auto states = Store::states(db, a.id);
    QVERIFY(states);
    QCOMPARE(states->size(), std::size_t(2));
    QCOMPARE(states->front().symbol, u"AAPL"_s);
    QCOMPARE(states->front().state, state.state);
    QCOMPARE(states->front().state.status, Alerts::Status::Fired);
    QCOMPARE(states->back().error, u"no bars yet"_s);

    // Changing the alert starts its states afresh; a missing id is said so; deleting takes its states.
    a.right = Alerts::Operand::constant(190);
    QCOMPARE(*Store::replace(db, a, 3000), true);
    QCOMPARE(Store::find(db, a.id)->value().alert.right.value, 190.0);
    QCOMPARE(Store::find(db, a.id)->value().updatedUs, 3000);
    QVERIFY(Store::states(db, a.id)->empty());
    auto ghost = a;
    ghost.id = 999;
    QCOMPARE(*Store::replace(db, ghost, 3000), false);
    QVERIFY(!Store::find(db, 999)->has_value());
    QVERIFY(Store::saveState(db, a.id, state).ok());
    QCOMPARE(*Store::remove(db, a.id), true);
    QCOMPARE(*Store::remove(db, a.id), false);
    QCOMPARE(db.scalar("SELECT count(*) FROM alert_states"), 0);
    QCOMPARE(Store::all(db)->size(), std::size_t(1));
}

void TestAlerts::anUnreadableStoredAlertIsListedAsAnError()
{
    // Written by a later version, or edited by hand: the alert is listed with its name and why, status error,
    // and the others are read and evaluated as usual.
    namespace Store = Storage::AlertStore;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"alerts.sqlite"_s);
    auto opened = Storage::SqliteDatabase::open(path);
    QVERIFY(opened);
    Storage::SqliteDatabase &db = **opened;
    QVERIFY(Storage::Schema::migrate(db).ok());
    const auto good = *Alerts::fromJson(json(R"({"symbols":["AAPL"],"left":{"source":"close"},"right":{"value":1}})"));
    QVERIFY(Store::add(db, good, 1));
    QVERIFY(db.exec(R"(INSERT INTO alerts(definition, created_us, updated_us) VALUES
        ('{"name":"from the future","symbols":["TSLA"],"left":{"source":"close"},"operator":"teleporting",
          "right":{"value":1}}', 2, 2))")
                .ok());
    const auto all = Store::all(db);
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(all->size(), std::size_t(2));
    const Storage::StoredAlert &bad = all->back();
    QCOMPARE(bad.alert.name, u"from the future"_s);
    QCOMPARE(bad.alert.symbols, QStringList{u"TSLA"_s});
    QVERIFY2(bad.error.startsWith(u"operator:"_s), qPrintable(bad.error));
    QCOMPARE(Store::overallStatus(bad, {}, 0), Alerts::Status::Error);
    QCOMPARE(Store::overallError(bad, {}), bad.error);
    QCOMPARE(Store::overallStatus(all->front(), {}, 0), Alerts::Status::Active);
    Alerts::AlertBook book;
    QVERIFY(book.reload(path).ok());
    QCOMPARE(book.catalog()->alerts.size(), std::size_t(1)); // only the good one is evaluated
    QVERIFY(book.catalog()->of(u"TSLA"_s).empty());
}

void TestAlerts::linesThroughTwoPoints()
{
    // A trend line's level at a bar is the line's at the bar's open time, straight through time and beyond.
    const auto a = Alerts::fromJson(json(R"({"symbols":["AAPL"],"left":{"source":"close"},"operator":"crossing_up",
        "right":{"line":[{"time":"2026-11-23T10:00:00Z","price":100},{"time":"2026-11-23T10:10:00Z","price":110}]}})"));
    QVERIFY2(a, qPrintable(a.error()));
    QCOMPARE(a->right.kind, Alerts::Operand::Kind::Line);
    const qint64 t0 = QDateTime(QDate(2026, 11, 23), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
    QCOMPARE(a->right.lineAt(t0), 100.0);
    QCOMPARE(a->right.lineAt(t0 + 5 * 60'000'000LL), 105.0);
    QCOMPARE(a->right.lineAt(t0 + 20 * 60'000'000LL), 120.0);
    QCOMPARE(a->right.lineAt(t0 - 10 * 60'000'000LL), 90.0);
    Model::Tick bar;
    bar.timestamp = t0 + 3 * 60'000'000LL;
    QCOMPARE(*a->right.valueOf(bar, {}, 0), 103.0);
    // Its JSON reads back the same; epoch seconds are read as well.
    QCOMPARE(*Alerts::fromJson(Alerts::toJson(*a)), *a);
    const auto seconds = Alerts::fromJson(json(R"({"symbols":["AAPL"],"left":{"source":"close"},
        "right":{"line":[{"time":1795428000,"price":100},{"time":1795428600,"price":110}]}})"));
    QVERIFY2(seconds, qPrintable(seconds.error()));
    QCOMPARE(seconds->right, a->right);
    QVERIFY(Alerts::describe(*a).contains(u"the line 100 → 110"_s));
}

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
