// SPDX-License-Identifier: MIT
#include "indicators/IndicatorSet.h"
#include "indicators/Series.h"
#include "pipeline/TimeframeTrack.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace Indicators;

namespace {

struct Ohlcv
{
    std::vector<double> open, high, low, close, volume;
};

std::vector<QByteArrayList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    std::vector<QByteArrayList> rows;
    while (!file.atEnd())
        rows.push_back(file.readLine().trimmed().split(','));
    return rows;
}

Ohlcv referenceBars()
{
    Ohlcv b;
    const auto rows = readCsv(QStringLiteral(TICKDESK_TEST_DATA "/indicators/ohlcv.csv"));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        b.open.push_back(rows[i][1].toDouble());
        b.high.push_back(rows[i][2].toDouble());
        b.low.push_back(rows[i][3].toDouble());
        b.close.push_back(rows[i][4].toDouble());
        b.volume.push_back(rows[i][5].toDouble());
    }
    return b;
}

Ohlcv randomBars(unsigned seed, int count, double start = 100.0)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0.0, 0.01);
    Ohlcv b;
    double price = start;
    for (int i = 0; i < count; ++i) {
        const double open = price;
        const double close = open * std::exp(step(rng));
        b.open.push_back(open);
        b.close.push_back(close);
        b.high.push_back(std::max(open, close) * (1 + std::fabs(step(rng)) / 2));
        b.low.push_back(std::min(open, close) * (1 - std::fabs(step(rng)) / 2));
        b.volume.push_back(double(1000 + rng() % 100000));
        price = close;
    }
    return b;
}

Model::Tick tickAt(const Ohlcv &b, std::size_t i)
{
    Model::Tick t;
    Model::Symbol::parse("TEST", t.symbol);
    t.open = b.open[i];
    t.high = b.high[i];
    t.low = b.low[i];
    t.close = b.close[i];
    t.volume = std::int64_t(b.volume[i]);
    t.timestamp = std::int64_t(i) * 60'000'000;
    return t;
}

bool close(double a, double b, double relative = 1e-9)
{
    return std::fabs(a - b) <= relative * std::max(1.0, std::fabs(b));
}

Series column(const std::vector<IndicatorSnapshot> &snapshots, std::optional<double> IndicatorSnapshot::*member)
{
    Series out;
    for (const auto &s : snapshots)
        out.push_back(s.*member);
    return out;
}

int firstValue(const Series &s)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i])
            return int(i);
    return -1;
}

} // namespace

class TestIndicators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void againstReference_data();
    void againstReference();
    void warmUpBoundaries();
    void flatPrices();
    void singleBar();
    void periodOne();
    void scaleInvariance_data();
    void scaleInvariance();
    void streamingEqualsSeries();
    void replaceLastEqualsRecompute();
    void lazyFormingEqualsEager();
    void snapshotJson();
};

void TestIndicators::againstReference_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"sma20", "ema20", "rsi14", "atr14", "vwap20", "macd", "macd_signal", "macd_histogram",
                             "bb_upper", "bb_middle", "bb_lower"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestIndicators::againstReference()
{
    // tests/data/indicators/make_reference.py wrote these from TA-Lib's conventions, independently of this code.
    QFETCH(QString, name);
    const Ohlcv b = referenceBars();
    QCOMPARE(b.close.size(), std::size_t(600));
    const auto rows = readCsv(QStringLiteral(TICKDESK_TEST_DATA "/indicators/reference.csv"));
    const int col = int(rows[0].indexOf(name.toLatin1()));
    QVERIFY(col >= 0);

    const MacdSeries macd = macdSeries(b.close, 12, 26, 9);
    const BandSeries bands = bollingerSeries(b.close, 20, 2.0);
    const std::map<QString, Series> ours{
        {u"sma20"_s, smaSeries(b.close, 20)},
        {u"ema20"_s, emaSeries(b.close, 20)},
        {u"rsi14"_s, rsiSeries(b.close, 14)},
        {u"atr14"_s, atrSeries(b.high, b.low, b.close, 14)},
        {u"vwap20"_s, vwapSeries(b.high, b.low, b.close, b.volume, 20)},
        {u"macd"_s, macd.macd},
        {u"macd_signal"_s, macd.signal},
        {u"macd_histogram"_s, macd.histogram},
        {u"bb_upper"_s, bands.upper},
        {u"bb_middle"_s, bands.middle},
        {u"bb_lower"_s, bands.lower},
    };
    const Series &series = ours.at(name);
    int compared = 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const QByteArray expected = rows[i + 1][col];
        if (expected.isEmpty()) {
            QVERIFY2(!series[i], qPrintable(u"bar %1: expected no value, got %2"_s.arg(i).arg(series[i].value_or(0))));
            continue;
        }
        QVERIFY2(series[i], qPrintable(u"bar %1: no value, expected %2"_s.arg(i).arg(QString::fromLatin1(expected))));
        QVERIFY2(
            close(*series[i], expected.toDouble()),
            qPrintable(
                u"bar %1: %2 vs reference %3"_s.arg(i).arg(*series[i], 0, 'g', 17).arg(QString::fromLatin1(expected))));
        ++compared;
    }
    QVERIFY(compared > 500);
}

void TestIndicators::warmUpBoundaries()
{
    const Ohlcv b = randomBars(7, 100);
    QCOMPARE(firstValue(smaSeries(b.close, 20)), 19);
    QCOMPARE(firstValue(emaSeries(b.close, 20)), 19);
    QCOMPARE(firstValue(rsiSeries(b.close, 14)), 14);
    QCOMPARE(firstValue(atrSeries(b.high, b.low, b.close, 14)), 14);
    QCOMPARE(firstValue(vwapSeries(b.high, b.low, b.close, b.volume, 20)), 19);
    QCOMPARE(firstValue(macdSeries(b.close, 12, 26, 9).macd), 33);
    QCOMPARE(firstValue(macdSeries(b.close, 12, 26, 9).signal), 33);
    QCOMPARE(firstValue(bollingerSeries(b.close, 20, 2).lower), 19);
    // Too short a series: nothing at all, not zeros.
    const std::vector<double> short19(b.close.begin(), b.close.begin() + 19);
    QCOMPARE(firstValue(smaSeries(short19, 20)), -1);
    QCOMPARE(firstValue(macdSeries(short19, 12, 26, 9).macd), -1);
}

void TestIndicators::flatPrices()
{
    const std::vector<double> flat(100, 42.5);
    for (const auto &v : smaSeries(flat, 20))
        QVERIFY(!v || *v == 42.5);
    for (const auto &v : emaSeries(flat, 20))
        QVERIFY(!v || *v == 42.5);
    for (const auto &v : rsiSeries(flat, 14))
        QVERIFY(!v || *v == 0.0); // TA-Lib's answer when nothing moves
    const BandSeries bands = bollingerSeries(flat, 20, 2);
    QCOMPARE(*bands.upper.back(), 42.5);
    QCOMPARE(*bands.lower.back(), 42.5);
    QCOMPARE(*macdSeries(flat, 12, 26, 9).macd.back(), 0.0);
    QCOMPARE(*atrSeries(flat, flat, flat, 14).back(), 0.0);
    const std::vector<double> noVolume(100, 0.0);
    QVERIFY(!vwapSeries(flat, flat, flat, noVolume, 20).back());
}

void TestIndicators::singleBar()
{
    IndicatorSet set;
    const Ohlcv b = randomBars(3, 1);
    const IndicatorSnapshot &s = set.update(tickAt(b, 0));
    QVERIFY(!s.sma && !s.ema && !s.rsi && !s.macd && !s.macdSignal && !s.macdHistogram && !s.bollingerUpper &&
            !s.bollingerMiddle && !s.bollingerLower && !s.atr && !s.vwap && !s.crossFast && !s.crossSlow);
    QCOMPARE(s.toJson().count("null"), 13);
}

void TestIndicators::periodOne()
{
    const Ohlcv b = randomBars(5, 50);
    const Series sma = smaSeries(b.close, 1);
    const Series ema = emaSeries(b.close, 1);
    for (std::size_t i = 0; i < b.close.size(); ++i) {
        QCOMPARE(*sma[i], b.close[i]);
        QCOMPARE(*ema[i], b.close[i]);
    }
    const Series rsi = rsiSeries(b.close, 1);
    QVERIFY(!rsi[0]);
    for (std::size_t i = 1; i < b.close.size(); ++i)
        QCOMPARE(*rsi[i], b.close[i] > b.close[i - 1] ? 100.0 : 0.0);
    const Series atr = atrSeries(b.high, b.low, b.close, 1);
    QVERIFY(!atr[0]);
    QCOMPARE(*atr[1],
             std::max({b.high[1] - b.low[1], std::fabs(b.close[0] - b.high[1]), std::fabs(b.close[0] - b.low[1])}));
    const BandSeries bands = bollingerSeries(b.close, 1, 2);
    QCOMPARE(*bands.upper[10], b.close[10]);
}

void TestIndicators::scaleInvariance_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("huge") << 1e9;
    QTest::newRow("tiny") << 1e-9;
}

void TestIndicators::scaleInvariance()
{
    // Prices of 1e11 or 1e-7 behave as prices of 100, scaled: no overflow, no cancellation.
    QFETCH(double, scale);
    const Ohlcv b = randomBars(11, 300);
    Ohlcv s = b;
    for (auto *v : {&s.open, &s.high, &s.low, &s.close})
        for (double &x : *v)
            x *= scale;
    const auto check = [scale](const Series &base, const Series &scaled, bool invariant) {
        for (std::size_t i = 0; i < base.size(); ++i) {
            if (bool(base[i]) != bool(scaled[i]))
                return false;
            if (base[i]) {
                const double expected = invariant ? *base[i] : *base[i] * scale;
                if (std::fabs(*scaled[i] - expected) > 1e-9 * std::fabs(expected) + 1e-300)
                    return false;
            }
        }
        return true;
    };
    QVERIFY(check(smaSeries(b.close, 20), smaSeries(s.close, 20), false));
    QVERIFY(check(emaSeries(b.close, 20), emaSeries(s.close, 20), false));
    QVERIFY(check(rsiSeries(b.close, 14), rsiSeries(s.close, 14), true));
    QVERIFY(check(atrSeries(b.high, b.low, b.close, 14), atrSeries(s.high, s.low, s.close, 14), false));
    QVERIFY(check(bollingerSeries(b.close, 20, 2).upper, bollingerSeries(s.close, 20, 2).upper, false));
    QVERIFY(check(vwapSeries(b.high, b.low, b.close, b.volume, 20), vwapSeries(s.high, s.low, s.close, s.volume, 20),
                  false));
}

void TestIndicators::streamingEqualsSeries()
{
    for (unsigned seed = 1; seed <= 5; ++seed) {
        const Ohlcv b = randomBars(seed, 1000);
        IndicatorSet set;
        std::vector<IndicatorSnapshot> snapshots;
        for (std::size_t i = 0; i < b.close.size(); ++i)
            snapshots.push_back(set.update(tickAt(b, i)));
        QCOMPARE(column(snapshots, &IndicatorSnapshot::sma), smaSeries(b.close, 20));
        QCOMPARE(column(snapshots, &IndicatorSnapshot::ema), emaSeries(b.close, 20));
        QCOMPARE(column(snapshots, &IndicatorSnapshot::rsi), rsiSeries(b.close, 14));
        QCOMPARE(column(snapshots, &IndicatorSnapshot::atr), atrSeries(b.high, b.low, b.close, 14));
        QCOMPARE(column(snapshots, &IndicatorSnapshot::vwap), vwapSeries(b.high, b.low, b.close, b.volume, 20));
        const MacdSeries macd = macdSeries(b.close, 12, 26, 9);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::macd), macd.macd);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::macdSignal), macd.signal);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::macdHistogram), macd.histogram);
        const BandSeries bands = bollingerSeries(b.close, 20, 2);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::bollingerUpper), bands.upper);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::bollingerLower), bands.lower);
        QCOMPARE(column(snapshots, &IndicatorSnapshot::crossSlow), smaSeries(b.close, 30));
    }
}

void TestIndicators::replaceLastEqualsRecompute()
{
    // Each bar first arrives as a forming bar, is revised twice, then is final; the result must be the
    // very doubles of feeding only the final bars (rules compare them at their edges, and a rule on
    // bars built live must speak exactly where the same rule on the rebuilt bars does).
    const Ohlcv b = randomBars(99, 400);
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> wiggle(0.98, 1.02);
    IndicatorSet live;
    IndicatorSet direct;
    for (std::size_t i = 0; i < b.close.size(); ++i) {
        Model::Tick forming = tickAt(b, i);
        forming.close *= wiggle(rng);
        forming.high = std::max(forming.high, forming.close);
        forming.low = std::min(forming.low, forming.close);
        live.update(forming);
        forming.close = b.close[i] * wiggle(rng);
        forming.high = std::max(forming.high, forming.close);
        forming.low = std::min(forming.low, forming.close);
        live.replaceLast(forming);
        const IndicatorSnapshot &a = live.replaceLast(tickAt(b, i));
        const IndicatorSnapshot &d = direct.update(tickAt(b, i));
        for (auto member :
             {&IndicatorSnapshot::sma, &IndicatorSnapshot::ema, &IndicatorSnapshot::rsi, &IndicatorSnapshot::macd,
              &IndicatorSnapshot::macdSignal, &IndicatorSnapshot::macdHistogram, &IndicatorSnapshot::bollingerUpper,
              &IndicatorSnapshot::bollingerLower, &IndicatorSnapshot::atr, &IndicatorSnapshot::vwap,
              &IndicatorSnapshot::crossFast, &IndicatorSnapshot::crossSlow, &IndicatorSnapshot::bollingerMiddle}) {
            QCOMPARE(bool(a.*member), bool(d.*member));
            if (d.*member)
                QVERIFY2(*(a.*member) == *(d.*member),
                         qPrintable(
                             u"bar %1: %2 vs %3"_s.arg(i).arg(*(a.*member), 0, 'g', 17).arg(*(d.*member), 0, 'g', 17)));
        }
    }
}

void TestIndicators::lazyFormingEqualsEager()
{
    // A track that takes the forming bar's records into its indicators only when asked gives the very values of
    // one that takes each record: asked now and then (the RSI alone or everything), over one-minute bars with
    // gaps, delayed records and bars closed by the clock.
    const Bars::Session session;
    const Bars::Timeframe minute = Bars::Timeframe::minutes(1);
    Pipeline::TimeframeTrack eager(minute, session, {});
    Pipeline::TimeframeTrack lazy(minute, session, {});
    lazy.setLazyForming(true);
    Model::Symbol symbol;
    Model::Symbol::parse("TEST", symbol);
    eager.setSymbol(symbol);
    lazy.setSymbol(symbol);
    QStringList eagerChanges, lazyChanges;
    const auto heard = [](QStringList &into) {
        return [&into](Pipeline::TimeframeTrack::Change change, const Bars::Bar &bar, const IndicatorSnapshot &s) {
            if (change != Pipeline::TimeframeTrack::Change::Forming) // a lazy Forming change hears older values
                into.append(u"%1 %2 %3"_s.arg(int(change)).arg(bar.openTime).arg(QString::fromLatin1(s.toJson())));
        };
    };
    std::mt19937_64 rng(5);
    double price = 100;
    Model::TimestampUs now = 1'700'000'000'000'000LL;
    for (int n = 0; n < 6000; ++n) {
        now += rng() % 50 == 0 ? 600'000'000LL : std::int64_t(1 + rng() % 9) * 1'000'000LL;
        price = std::max(1.0, price + double(int(rng() % 41) - 20) / 100);
        Model::Tick t;
        t.symbol = symbol;
        t.open = t.high = t.low = t.close = price;
        t.volume = std::int64_t(1 + rng() % 500);
        t.timestamp = rng() % 30 == 0 ? now - 90'000'000LL : now; // delayed now and then
        QCOMPARE(lazy.add(t, heard(lazyChanges)), eager.add(t, heard(eagerChanges)));
        if (rng() % 40 == 0) {
            lazy.closeIfDue(now + 60'000'000LL, heard(lazyChanges));
            eager.closeIfDue(now + 60'000'000LL, heard(eagerChanges));
        }
        switch (rng() % 4) {
        case 0:
            QCOMPARE(lazy.snapshot().toJson(), eager.snapshot().toJson());
            break;
        case 1: {
            const auto expected = eager.snapshot().rsi;
            const auto got = lazy.rsi();
            QCOMPARE(bool(got), bool(expected));
            if (expected)
                QVERIFY2(*got == *expected, qPrintable(u"record %1: RSI %2 vs %3"_s.arg(n).arg(*got).arg(*expected)));
            break;
        }
        default:
            break; // not asked: the lazy one stays behind
        }
    }
    QCOMPARE(lazyChanges, eagerChanges);
    QVERIFY(eagerChanges.size() > 100);
    QCOMPARE(lazy.snapshot().toJson(), eager.snapshot().toJson());
}

void TestIndicators::snapshotJson()
{
    IndicatorSnapshot s;
    s.sma = 101.25;
    s.rsi = 27.5;
    const QByteArray json = s.toJson();
    QVERIFY(json.startsWith("{\"sma\":101.25,\"ema\":null,\"rsi\":27.5,"));
    QVERIFY(json.endsWith("\"cross_slow\":null}"));

    // Every field at its longest text reads back as the same double.
    const double longest[] = {-1.2345678901234567e-308, -2.2250738585072014e-308, -1.7976931348623157e+308,
                              -4.9406564584124654e-324, 0.1 + 0.2};
    for (const double value : longest) {
        IndicatorSnapshot full;
        for (std::optional<double> *field :
             {&full.sma, &full.ema, &full.rsi, &full.macd, &full.macdSignal, &full.macdHistogram, &full.bollingerUpper,
              &full.bollingerMiddle, &full.bollingerLower, &full.atr, &full.vwap, &full.crossFast, &full.crossSlow})
            *field = value;
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(full.toJson(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.size(), 13);
        for (const QString &key : object.keys())
            QCOMPARE(object.value(key).toDouble(), value);
    }
}

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
