// SPDX-License-Identifier: MIT
#include "TestServer.h"
#include "ingest/RecordDecoder.h"
#include "ingest/RecordEncoder.h"
#include "sim/HttpFeeder.h"
#include "sim/MarketGenerator.h"
#include "storage/SqliteDatabase.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logReturnsMatchDriftAndVolatility_data();
    void logReturnsMatchDriftAndVolatility();
    void eachBarOpensAtTheLastClose();
    void barsAreAlwaysConsistent();
    void sameSeedSameSeries();
    void metadataArrivesAtItsRates();
    void profilesParse_data();
    void profilesParse();
    void encodedRecordsDecodeToTheSame();
    void httpModeDeliversEveryRecord_data();
    void httpModeDeliversEveryRecord();
    void httpModeRetriesWhenTheServerIsBusy();
    void httpModeReportsRefusedRecords();
};

namespace {

Sim::SymbolProfile profile(const char *symbol, double price, double drift, double volatility)
{
    Sim::SymbolProfile p;
    Model::Symbol::parse(symbol, p.symbol);
    p.startPrice = price;
    p.annualDrift = drift;
    p.annualVolatility = volatility;
    return p;
}

Model::RecordBatch generate(std::vector<Sim::SymbolProfile> profiles, int ticks, quint64 seed,
                            Sim::MetadataRates rates = {0, 0, 0, 0}, double ticksPerSecond = 1000)
{
    Sim::MarketGenerator generator(std::move(profiles), rates, seed);
    Model::RecordBatch out;
    // In steps, as the simulator runs: the series must not depend on how it is cut.
    for (int done = 0; done < ticks; done += 1000)
        generator.generate(std::min(1000, ticks - done), ticksPerSecond, 1'700'000'000'000'000 + done, out);
    return out;
}

} // namespace

void TestSimulator::logReturnsMatchDriftAndVolatility_data()
{
    QTest::addColumn<double>("drift");
    QTest::addColumn<double>("volatility");
    QTest::newRow("calm, strong drift") << 5.0 << 0.1;
    QTest::newRow("typical stock") << 0.08 << 0.3;
    QTest::newRow("wild, falling") << -2.0 << 1.5;
}

void TestSimulator::logReturnsMatchDriftAndVolatility()
{
    QFETCH(double, drift);
    QFETCH(double, volatility);
    constexpr int Steps = 100'000;
    const Model::RecordBatch bars = generate({profile("GBM", 100, drift, volatility)}, Steps, 7);
    QCOMPARE(int(bars.size()), Steps);
    double sum = 0, sumSquares = 0;
    for (const Model::Record &r : bars) {
        const auto &t = std::get<Model::Tick>(r);
        const double x = std::log(t.close / t.open);
        sum += x;
        sumSquares += x * x;
    }
    const double mean = sum / Steps;
    const double sd = std::sqrt(sumSquares / Steps - mean * mean);
    const double years = Sim::MarketGenerator::YearsPerBar;
    const double expectedMean = (drift - 0.5 * volatility * volatility) * years;
    const double expectedSd = volatility * std::sqrt(years);
    // Four standard errors for the mean; the standard error of the deviation is sd / sqrt(2n), 0.2 %.
    const double meanTolerance = 4 * expectedSd / std::sqrt(double(Steps));
    QVERIFY2(std::fabs(mean - expectedMean) < meanTolerance,
             qPrintable(u"mean log-return %1, expected %2 ± %3"_s.arg(mean).arg(expectedMean).arg(meanTolerance)));
    QVERIFY2(std::fabs(sd / expectedSd - 1) < 0.01,
             qPrintable(u"volatility per bar %1, expected %2"_s.arg(sd).arg(expectedSd)));
    // And as the trader sets it: per year.
    QVERIFY(std::fabs(sd / std::sqrt(years) - volatility) < 0.01 * volatility);
}

void TestSimulator::eachBarOpensAtTheLastClose()
{
    const Model::RecordBatch bars =
        generate({profile("A", 50, 0.1, 0.3), profile("B", 900, -0.1, 0.6), profile("C", 3, 0, 1)}, 30'000, 11);
    std::map<std::string, double> lastClose{{"A", 50}, {"B", 900}, {"C", 3}};
    for (const Model::Record &r : bars) {
        const auto &t = std::get<Model::Tick>(r);
        const std::string symbol(t.symbol.view());
        QCOMPARE(t.open, lastClose[symbol]); // the walk goes on from where it was, never restarts
        lastClose[symbol] = t.close;
    }
}

void TestSimulator::barsAreAlwaysConsistent()
{
    const Model::RecordBatch records =
        generate({profile("X", 10, 0, 3.0), profile("Y", 0.5, -5, 5.0), profile("Z", 5000, 5, 0.01)}, 100'000, 3,
                 {50, 50, 50, 50});
    Ingest::RecordDecoder decoder;
    int ticks = 0;
    for (const Model::Record &r : records) {
        if (const auto *t = std::get_if<Model::Tick>(&r)) {
            ++ticks;
            QVERIFY(t->low > 0);
            QVERIFY(t->low <= std::min(t->open, t->close));
            QVERIFY(std::max(t->open, t->close) <= t->high);
            QVERIFY(t->volume > 0);
        }
    }
    QCOMPARE(ticks, 100'000);
    // The contract's own checks agree, for every kind of record.
    const QByteArray json = Ingest::encodeArray(records);
    Model::RecordBatch decoded;
    const auto error = decoder.decode(std::string_view(json.constData(), std::size_t(json.size())), decoded);
    QVERIFY2(!error, error ? qPrintable(error->message + u" at "_s + QString::number(error->index)) : "");
}

void TestSimulator::sameSeedSameSeries()
{
    const auto profiles = std::vector{profile("AAPL", 180, 0.08, 0.3), profile("MSFT", 410, 0.05, 0.25)};
    const Model::RecordBatch a = generate(profiles, 5000, 42, {5, 1, 1, 1});
    const Model::RecordBatch b = generate(profiles, 5000, 42, {5, 1, 1, 1});
    const Model::RecordBatch c = generate(profiles, 5000, 43, {5, 1, 1, 1});
    QCOMPARE(Ingest::encodeArray(a), Ingest::encodeArray(b));
    QVERIFY(Ingest::encodeArray(a) != Ingest::encodeArray(c));
    // The price path depends on the seed alone, not on the metadata rates.
    const Model::RecordBatch quiet = generate(profiles, 5000, 42);
    std::vector<double> closesA, closesQuiet;
    for (const Model::Record &r : a)
        if (const auto *t = std::get_if<Model::Tick>(&r))
            closesA.push_back(t->close);
    for (const Model::Record &r : quiet)
        closesQuiet.push_back(std::get<Model::Tick>(r).close);
    QCOMPARE(closesA, closesQuiet);
}

void TestSimulator::metadataArrivesAtItsRates()
{
    // 1000 ticks a second for 100 s: 100 s x rate records of each kind are expected.
    const Model::RecordBatch records =
        generate({profile("A", 100, 0, 0.2), profile("B", 100, 0, 0.2)}, 100'000, 5, {100, 20, 5, 1}, 1000);
    std::array<int, Model::RecordKindCount> counts{};
    for (const Model::Record &r : records)
        ++counts[std::size_t(Model::kindOf(r))];
    QCOMPARE(counts[0], 100'000);
    const auto near = [](int count, double expected) {
        return std::fabs(count - expected) < 5 * std::sqrt(expected) + 1; // five standard deviations (Poisson)
    };
    QVERIFY2(near(counts[1], 10'000), qPrintable(QString::number(counts[1])));
    QVERIFY2(near(counts[2], 2'000), qPrintable(QString::number(counts[2])));
    QVERIFY2(near(counts[3], 500), qPrintable(QString::number(counts[3])));
    QVERIFY2(near(counts[4], 100), qPrintable(QString::number(counts[4])));
}

void TestSimulator::profilesParse_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("firstPrice");
    QTest::newRow("plain") << QStringList{u"AAPL"_s, u"msft"_s} << QString() << 2 << 100.0;
    QTest::newRow("full") << QStringList{u"AAPL=180:0.08:0.3"_s} << QString() << 1 << 180.0;
    QTest::newRow("price only") << QStringList{u"BRK.B=412.5"_s} << QString() << 1 << 412.5;
    QTest::newRow("skip drift") << QStringList{u"X=5::0.9"_s} << QString() << 1 << 5.0;
    QTest::newRow("count") << QStringList{u"50"_s} << QString() << 50 << 100.0;
    QTest::newRow("bad symbol") << QStringList{u"AA PL"_s} << u"\"AA PL\" is not a symbol"_s << 0 << 0.0;
    QTest::newRow("bad price") << QStringList{u"A=-3"_s} << u"\"A=-3\": price \"-3\" must be a number"_s << 0 << 0.0;
    QTest::newRow("bad volatility") << QStringList{u"A=1:0:x"_s} << u"\"A=1:0:x\": volatility \"x\""_s << 0 << 0.0;
    QTest::newRow("too many parts") << QStringList{u"A=1:2:3:4"_s} << u"expected SYMBOL=PRICE:DRIFT:VOLATILITY"_s << 0
                                    << 0.0;
    QTest::newRow("twice") << QStringList{u"A"_s, u"a"_s} << u"A is listed twice"_s << 0 << 0.0;
    QTest::newRow("count too large") << QStringList{u"100001"_s} << u"from 1 to 100000"_s << 0 << 0.0;
    QTest::newRow("nothing") << QStringList{u" "_s} << u"no symbols given"_s << 0 << 0.0;
}

void TestSimulator::profilesParse()
{
    QFETCH(QStringList, items);
    QFETCH(QString, error);
    QFETCH(int, count);
    QFETCH(double, firstPrice);
    const auto profiles = Sim::parseProfiles(items, {});
    if (!error.isEmpty()) {
        QVERIFY(!profiles);
        QVERIFY2(profiles.error().contains(error), qPrintable(profiles.error()));
        return;
    }
    QVERIFY2(profiles, qPrintable(profiles.error()));
    QCOMPARE(int(profiles->size()), count);
    QCOMPARE(profiles->front().startPrice, firstPrice);
}

void TestSimulator::encodedRecordsDecodeToTheSame()
{
    const Model::RecordBatch records = generate({profile("A.B", 123.456, 0, 0.5)}, 2000, 9, {200, 200, 200, 200});
    const QByteArray json = Ingest::encodeArray(records);
    Model::RecordBatch decoded;
    Ingest::RecordDecoder decoder;
    QVERIFY(!decoder.decode(std::string_view(json.constData(), std::size_t(json.size())), decoded));
    QCOMPARE(decoded.size(), records.size());
    // Every value exactly, timestamps to the microsecond: encoding then decoding changes nothing.
    QCOMPARE(Ingest::encodeArray(decoded), json);
}

void TestSimulator::httpModeDeliversEveryRecord_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("batch");
    QTest::newRow("batches") << 20'000 << 0;
    QTest::newRow("one record per request, like the reference generator") << 200 << 1;
}

void TestSimulator::httpModeDeliversEveryRecord()
{
    QFETCH(int, count);
    QFETCH(int, batch);
    TestHttp::Server server;
    QVERIFY(server.start());
    Sim::FeederOptions o;
    o.url = QUrl(u"http://127.0.0.1:%1/ingest"_s.arg(server.port()));
    o.profiles = {profile("AAPL", 180, 0.1, 0.3), profile("MSFT", 400, 0, 0.2)};
    o.metadata = {200, 50, 10, 5};
    o.ticksPerSecond = 100'000;
    o.count = std::uint64_t(count);
    o.batch = batch;
    Sim::HttpFeeder feeder(o);
    QSignalSpy finished(&feeder, &Sim::HttpFeeder::finished);
    feeder.start();
    QVERIFY(finished.wait(60'000));
    QCOMPARE(feeder.stats().generated, std::uint64_t(count));
    QCOMPARE(feeder.stats().delivered, std::uint64_t(count));
    QCOMPARE(feeder.stats().rejected, 0u);
    QCOMPARE(feeder.stats().retries, 0u);
    if (batch == 1)
        QCOMPARE(feeder.stats().requests, std::uint64_t(count));
    server.stop();
    auto db = Storage::SqliteDatabase::open(server.dbPath());
    QVERIFY(db);
    const qint64 stored = (*db)->scalar("SELECT (SELECT count(*) FROM ticks) + (SELECT count(*) FROM order_book) + "
                                        "(SELECT count(*) FROM news_sentiment) + (SELECT count(*) FROM market_data) + "
                                        "(SELECT count(*) FROM economic_indicators)");
    QCOMPARE(stored, qint64(count)); // every record once: nothing lost, nothing twice
}

void TestSimulator::httpModeRetriesWhenTheServerIsBusy()
{
    // A real server whose /ingest says 503 to the first three requests, then takes everything.
    Http::HttpRouter router;
    std::atomic<int> requests{0};
    std::atomic<int> received{0};
    router.add("POST", "/ingest", [&](Http::HttpRequest &&request, Http::HttpResponder responder) {
        if (++requests <= 3) {
            Http::HttpResponse busy = Http::HttpResponse::error(503, u"busy"_s);
            busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
            responder.send(std::move(busy));
            return;
        }
        Model::RecordBatch records;
        Ingest::RecordDecoder decoder;
        if (decoder.decode(request.body, records)) {
            responder.send(Http::HttpResponse::error(400, u"undecodable"_s));
            return;
        }
        received += int(records.size());
        responder.send(Http::HttpResponse::json(200, "{\"status\":\"ok\"}"));
    });
    Http::ServerOptions options;
    options.ioThreads = 1;
    options.port = 0;
    Http::HttpServer http(options, router);
    QVERIFY(http.start());
    Sim::FeederOptions o;
    o.url = QUrl(u"http://127.0.0.1:%1/ingest"_s.arg(http.port()));
    o.profiles = {profile("AAPL", 180, 0.1, 0.3)};
    o.metadata = {0, 0, 0, 0};
    o.ticksPerSecond = 1000;
    o.count = 50;
    o.batch = 10;
    o.inFlight = 1;
    Sim::HttpFeeder feeder(o);
    QSignalSpy finished(&feeder, &Sim::HttpFeeder::finished);
    feeder.start();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(feeder.stats().retries, 3u);
    QCOMPARE(feeder.stats().delivered, 50u);
    QCOMPARE(received.load(), 50);
    http.stop();
}

void TestSimulator::httpModeReportsRefusedRecords()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Sim::FeederOptions o;
    o.url = QUrl(u"http://127.0.0.1:%1/wrong-path"_s.arg(server.port()));
    o.profiles = {profile("AAPL", 180, 0.1, 0.3)};
    o.metadata = {0, 0, 0, 0};
    o.count = 5;
    o.ticksPerSecond = 1000;
    Sim::HttpFeeder feeder(o);
    QSignalSpy finished(&feeder, &Sim::HttpFeeder::finished);
    feeder.start();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(feeder.stats().rejected, 5u);
    QCOMPARE(feeder.stats().delivered, 0u);
    QVERIFY2(feeder.stats().lastError.startsWith(u"HTTP 404"_s), qPrintable(feeder.stats().lastError));
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
