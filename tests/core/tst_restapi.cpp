// SPDX-License-Identifier: MIT
#include "HttpTestClient.h"
#include "api/RestApi.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "pipeline/Pipeline.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {

/// Rules that look at every record, as these tests' signals expect.
Pipeline::PipelineOptions recordRules()
{
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record();
    return options;
}

} // namespace

class TestRestApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void symbolsAndSummary();
    void tradesCreateListChangeDelete();
    void signalsWithFilters_data();
    void signalsWithFilters();
    void signalsCsv();
    void ticksOfASymbol();
    void barsOfATimeframe();
    void chartOfASymbol();
    void badParameters_data();
    void badParameters();
    void readsDoNotHoldUpOtherRequests();
    void symbolListsArePaged();
    void alertsCreateReadChangeDelete();

private:
    TestHttp::Response get(const QByteArray &target);
    TestHttp::Response send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Api::RestApi> m_api;
    Http::HttpRouter m_router;
    std::unique_ptr<Http::HttpServer> m_server;
};

void TestRestApi::initTestCase()
{
    const QString path = m_dir.filePath(u"api.sqlite"_s);
    auto writer = Storage::StorageWriter::open({path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_pipeline = std::make_unique<Pipeline::Pipeline>(recordRules(), *m_writer);
    m_pipeline->start();
    // Known data: 40 flat bars of AAPL and MSFT, then a 5 % jump for AAPL only (one price_move alert), plus
    // three signals written directly with reasons that need quoting.
    Model::RecordBatch batch;
    for (int i = 0; i < 41; ++i) {
        for (const char *name : {"AAPL", "MSFT"}) {
            Model::Tick t;
            Model::Symbol::parse(name, t.symbol);
            const double price = (i == 40 && name[0] == 'A') ? 105.0 : 100.0;
            t.open = t.close = t.high = t.low = price;
            t.volume = 10;
            t.timestamp = (1'700'000'000LL + i) * 1'000'000;
            batch.emplace_back(t);
        }
    }
    std::atomic<bool> done{false};
    QCOMPARE(m_pipeline->submit(std::move(batch), 1, [&done](const QString &) { done = true; }),
             Ingest::RecordSink::Submit::Accepted);
    QTRY_VERIFY(done.load());
    Storage::WriteJob job;
    for (int i = 0; i < 3; ++i) {
        Model::TradeSignal s;
        Model::Symbol::parse("MSFT", s.symbol);
        s.rule = Model::SignalRule::RsiTrend;
        s.side = i == 2 ? Model::SignalSide::Sell : Model::SignalSide::Buy;
        s.reason = u"reason %1, with \"quotes\""_s.arg(i);
        s.price = 100 + i;
        s.snapshot = "{\"rsi\":25}";
        s.timestamp = (1'700'000'100LL + i) * 1'000'000;
        job.signals.push_back(s);
    }
    std::atomic<bool> stored{false};
    job.done = [&stored](const QString &, std::vector<Model::TradeSignal> &) { stored = true; };
    QCOMPARE(m_writer->submit(std::move(job)), Ingest::RecordSink::Submit::Accepted);
    QTRY_VERIFY(stored.load());

    m_api = std::make_unique<Api::RestApi>(path, *m_pipeline);
    m_api->install(m_router);
    Http::ServerOptions options;
    options.port = 0;
    m_server = std::make_unique<Http::HttpServer>(options, m_router);
    QVERIFY(m_server->start().ok());
}

void TestRestApi::cleanupTestCase()
{
    m_server->stopListening();
    m_api->stop();
    m_pipeline->stop();
    m_writer->stop();
    m_server->stop();
}

TestHttp::Response TestRestApi::get(const QByteArray &target)
{
    TestHttp::Client client;
    if (!client.connectTo(m_server->port()))
        return {};
    return client.roundTrip(TestHttp::request("GET", target, {}, {})).value_or(TestHttp::Response{});
}

TestHttp::Response TestRestApi::send(const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    TestHttp::Client client;
    if (!client.connectTo(m_server->port()))
        return {};
    return client.roundTrip(TestHttp::request(method, target, body)).value_or(TestHttp::Response{});
}

void TestRestApi::alertsCreateReadChangeDelete()
{
    std::atomic<int> changes{0};
    m_api->setAlertsChanged([&changes] { ++changes; });
    QCOMPARE(QJsonDocument::fromJson(get("/api/alerts").body).array().size(), 0);

    // Created as written: 201, where it is, and the stored alert with its id and the condition in words.
    auto r = send("POST", "/api/alerts",
                  R"({"name":"AAPL above 182.50","symbols":["AAPL"],"timeframe":"1m","left":{"source":"close"},
                      "operator":"crossing_up","right":{"value":182.5},"trigger":"once"})");
    QCOMPARE(r.status, 201);
    const QJsonObject created = QJsonDocument::fromJson(r.body).object();
    const qint64 id = qint64(created.value(u"id"_s).toDouble());
    QVERIFY(id > 0);
    QCOMPARE(r.headers.value("location"), "/api/alerts/" + QByteArray::number(id));
    QCOMPARE(created.value(u"description"_s).toString(), u"close crossing up 182.5 on 1m"_s);
    QCOMPARE(created.value(u"trigger"_s).toString(), u"once"_s);
    QTRY_COMPARE(changes.load(), 1);
    r = send("POST", "/api/alerts",
             R"({"symbols":["*"],"timeframe":"5m","left":{"indicator":"rsi","period":14},"operator":"greater_than",
                 "right":{"value":70},"trigger":"once_per_bar_close"})");
    QCOMPARE(r.status, 201);
    QCOMPARE(QJsonDocument::fromJson(get("/api/alerts").body).array().size(), 2);

    // Read, changed in part (PATCH keeps the rest), replaced whole (PUT: omitted fields take defaults).
    const QByteArray path = "/api/alerts/" + QByteArray::number(id);
    r = get(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"name"_s).toString(), u"AAPL above 182.50"_s);
    r = send("PATCH", path, R"({"right":{"value":190},"enabled":false})");
    QCOMPARE(r.status, 200);
    QJsonObject changed = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(changed.value(u"right"_s).toObject().value(u"value"_s).toDouble(), 190.0);
    QCOMPARE(changed.value(u"enabled"_s).toBool(), false);
    QCOMPARE(changed.value(u"name"_s).toString(), u"AAPL above 182.50"_s);
    r = send("PUT", path,
             R"({"symbols":["MSFT"],"left":{"source":"price"},"operator":"less_than","right":{"value":90}})");
    QCOMPARE(r.status, 200);
    changed = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(changed.value(u"trigger"_s).toString(), u"once_per_bar_close"_s);
    QCOMPARE(changed.value(u"name"_s).toString(), u"price less than 90 on 1m"_s);
    QCOMPARE(changed.value(u"id"_s).toDouble(), double(id));

    // Bad bodies name the field and change nothing; unknown ids are 404.
    r = send("POST", "/api/alerts", R"({"left":{"source":"close"},"operator":"above","right":{"value":1}})");
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("operator: must be one of"), r.body.constData());
    r = send("PATCH", path, R"({"right":{"channel":[{"value":1}]},"operator":"inside_channel"})");
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("right.channel"), r.body.constData());
    r = send("POST", "/api/alerts", "[1, 2]");
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("body: must be a JSON object"), r.body.constData());
    QCOMPARE(QJsonDocument::fromJson(get(path).body).object().value(u"operator"_s).toString(), u"less_than"_s);
    QCOMPARE(get("/api/alerts/999").status, 404);
    QCOMPARE(send("PUT", "/api/alerts/999", R"({"left":{"source":"close"},"right":{"value":1}})").status, 404);
    QCOMPARE(get("/api/alerts/abc").status, 404);
    QCOMPARE(send("POST", path, "{}").status, 405);
    QCOMPARE(QJsonDocument::fromJson(get(path).body).object().value(u"status"_s).toString(), u"active"_s);

    // Deleted: 204, then gone.
    const int before = changes.load();
    QCOMPARE(send("DELETE", path).status, 204);
    QCOMPARE(send("DELETE", path).status, 404);
    QCOMPARE(get(path).status, 404);
    QCOMPARE(QJsonDocument::fromJson(get("/api/alerts").body).array().size(), 1);
    QTRY_COMPARE(changes.load(), before + 1);

    // A stored alert that cannot be read (a later version's, edited by hand) is listed with status error and
    // why; PATCH cannot mend what it cannot read (409), PUT replaces it whole.
    {
        auto db = Storage::SqliteDatabase::open(m_dir.filePath(u"api.sqlite"_s));
        QVERIFY(db);
        QVERIFY((*db)
                    ->exec(R"(INSERT INTO alerts(id, definition, created_us, updated_us)
            VALUES (77, '{"name":"odd","left":{"source":"bid"},"right":{"value":1}}', 0, 0))")
                    .ok());
    }
    const QJsonObject odd = QJsonDocument::fromJson(get("/api/alerts/77").body).object();
    QCOMPARE(odd.value(u"status"_s).toString(), u"error"_s);
    QVERIFY(odd.value(u"error"_s).toString().startsWith(u"left.source:"_s));
    QCOMPARE(odd.value(u"name"_s).toString(), u"odd"_s);
    r = send("PATCH", "/api/alerts/77", R"({"enabled":false})");
    QCOMPARE(r.status, 409);
    QVERIFY2(r.body.contains("PUT a whole alert"), r.body.constData());
    QCOMPARE(send("PUT", "/api/alerts/77", R"({"left":{"source":"close"},"right":{"value":1}})").status, 200);
    QCOMPARE(QJsonDocument::fromJson(get("/api/alerts/77").body).object().value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(send("DELETE", "/api/alerts/77").status, 204);
    QTRY_COMPARE(changes.load(), before + 3); // the PUT and the DELETE; the refused PATCH changed nothing
    m_api->setAlertsChanged({});
}

void TestRestApi::tradesCreateListChangeDelete()
{
    const auto json = [](const TestHttp::Response &r) { return QJsonDocument::fromJson(r.body); };
    // The reference's body, as written: 201 with the stored trade and where it is.
    auto r = send("POST", "/api/trades",
                  R"({"ticker":"AAPL","price":180,"quantity":10,"side":"buy","time":"2026-11-02T14:30:00Z",
                      "note":"opening"})");
    QCOMPARE(r.status, 201);
    const QJsonObject first = json(r).object();
    const qint64 id = qint64(first.value(u"id"_s).toDouble());
    QCOMPARE(r.headers.value("location"), "/api/trades/" + QByteArray::number(id));
    QCOMPARE(first.value(u"ticker"_s).toString(), u"AAPL"_s);
    QCOMPARE(first.value(u"time"_s).toString(), u"2026-11-02T14:30:00.000Z"_s);
    QCOMPARE(first.value(u"note"_s).toString(), u"opening"_s);
    QVERIFY(first.value(u"order_id"_s).isNull());
    // Trades around midnight UTC and New York's, on three days.
    for (const char *body :
         {R"({"ticker":"AAPL","price":190,"quantity":4,"side":"sell","time":"2026-11-03T23:59:59Z"})",
          R"({"ticker":"aapl","price":185,"quantity":2,"side":"sell","time":"2026-11-04T03:00:00Z"})",
          R"({"ticker":"MSFT","price":400,"quantity":5,"side":"sell_short","time":1793750400})",
          R"({"symbol":"MSFT","price":390,"quantity":5,"side":"buy_to_cover","fee":1.5,
                                 "time":"2026-11-05T00:00:00Z"})"})
        QCOMPARE(send("POST", "/api/trades", body).status, 201);

    const auto tickersOf = [&](const QByteArray &target) {
        QStringList out;
        for (const QJsonValue &v : json(get(target)).array())
            out << v.toObject().value(u"ticker"_s).toString() + u'@' +
                       v.toObject().value(u"time"_s).toString().left(10);
        return out;
    };
    QCOMPARE(tickersOf("/api/trades").size(), 5);
    // Dates include both days, in UTC unless a zone is given.
    QCOMPARE(tickersOf("/api/trades?ticker=AAPL&start_date=2026-11-03&end_date=2026-11-03"),
             QStringList{u"AAPL@2026-11-03"_s});
    QCOMPARE(tickersOf("/api/trades?ticker=AAPL&start_date=2026-11-03&end_date=2026-11-04").size(), 2);
    // In New York, 23:59:59 and 03:00 UTC are both still 3 November.
    QCOMPARE(tickersOf("/api/trades?ticker=AAPL&start_date=2026-11-03&end_date=2026-11-03&tz=America/New_York"),
             (QStringList{u"AAPL@2026-11-03"_s, u"AAPL@2026-11-04"_s}));
    QCOMPARE(tickersOf("/api/trades?start_date=2026-11-05").size(), 1); // 1793750400 is 2026-11-04T00:00Z
    QCOMPARE(tickersOf("/api/trades?end_date=2026-11-02"), QStringList{u"AAPL@2026-11-02"_s});
    // Pages, in the order the trades happened, with where the next begins.
    r = get("/api/trades?limit=2");
    QCOMPARE(json(r).array().size(), 2);
    QCOMPARE(r.headers.value("x-next-offset"), QByteArray("2"));
    r = get("/api/trades?limit=2&offset=4");
    QCOMPARE(json(r).array().size(), 1);
    QVERIFY(!r.headers.contains("x-next-offset"));

    // The positions they add up to: AAPL 10 bought at 180, 6 sold; MSFT shorted and covered for +50 less 1.50.
    QJsonObject positions = json(get("/api/positions")).object();
    QCOMPARE(positions.value(u"trades"_s).toInt(), 5);
    QCOMPARE(positions.value(u"realized"_s).toDouble(), 4 * 10.0 + 2 * 5.0 + 50);
    QCOMPARE(positions.value(u"fees"_s).toDouble(), 1.5);
    QJsonArray open = positions.value(u"positions"_s).toArray();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open[0].toObject().value(u"ticker"_s).toString(), u"AAPL"_s);
    QCOMPARE(open[0].toObject().value(u"quantity"_s).toDouble(), 4.0);
    QCOMPARE(open[0].toObject().value(u"average_price"_s).toDouble(), 180.0);

    // Per day, both dates included: the short and its cover make the 5th's day a win of 50, less 1.50.
    const QJsonArray days = json(get("/api/trades/daily?from=2026-11-03&to=2026-11-05")).array();
    QCOMPARE(days.size(), 3);
    QCOMPARE(days[2].toObject().value(u"date"_s).toString(), u"2026-11-05"_s);
    QCOMPARE(days[2].toObject().value(u"net"_s).toDouble(), 48.5);
    QCOMPARE(days[2].toObject().value(u"cumulative"_s).toDouble(), 40 + 10 + 48.5);
    QCOMPARE(get("/api/trades/daily?from=yesterday").status, 400);

    // Changed in part (PATCH keeps the rest and its time), replaced whole (PUT), deleted: positions follow.
    const QByteArray path = "/api/trades/" + QByteArray::number(id);
    r = send("PATCH", path, R"({"price":170})");
    QCOMPARE(r.status, 200);
    QCOMPARE(json(r).object().value(u"time"_s).toString(), u"2026-11-02T14:30:00.000Z"_s);
    QCOMPARE(json(r).object().value(u"note"_s).toString(), u"opening"_s);
    positions = json(get("/api/positions")).object();
    QCOMPARE(positions.value(u"realized"_s).toDouble(), 4 * 20.0 + 2 * 15.0 + 50);
    r = send("PUT", path, R"({"ticker":"AAPL","price":170,"quantity":6,"side":"buy","time":"2026-11-02T14:30:00Z"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(json(r).object().value(u"note"_s).toString(), QString()); // PUT: omitted fields take defaults
    QVERIFY(json(get("/api/positions")).object().value(u"positions"_s).toArray().isEmpty()); // 6 in, 6 out
    QCOMPARE(send("DELETE", path).status, 204);
    QCOMPARE(send("DELETE", path).status, 404);
    QCOMPARE(get(path).status, 404);
    open = json(get("/api/positions")).object().value(u"positions"_s).toArray();
    QCOMPARE(open.size(), 1); // without the buy, the sells left AAPL short 6
    QCOMPARE(open[0].toObject().value(u"quantity"_s).toDouble(), -6.0);

    // Bad bodies and parameters name the field and change nothing.
    const std::pair<const char *, const char *> bad[] = {
        {R"({"price":1,"quantity":1,"side":"buy"})", "ticker:"},
        {R"({"ticker":"A B","price":1,"quantity":1,"side":"buy"})", "ticker:"},
        {R"({"ticker":"AAPL","price":0,"quantity":1,"side":"buy"})", "price:"},
        {R"({"ticker":"AAPL","price":1,"quantity":-3,"side":"buy"})", "quantity:"},
        {R"({"ticker":"AAPL","price":1,"quantity":1,"side":"hold"})", "side:"},
        {R"({"ticker":"AAPL","price":1,"quantity":1,"side":"buy","time":"yesterday"})", "time:"},
        {R"({"ticker":"AAPL","price":1,"quantity":1,"side":"buy","fee":-1})", "fee:"},
        {R"([1])", "body:"},
    };
    for (const auto &[body, field] : bad) {
        r = send("POST", "/api/trades", body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains(field), r.body.constData());
    }
    for (const char *target : {"/api/trades?start_date=2026-13-01", "/api/trades?tz=Mars/Olympus",
                               "/api/trades?ticker=A%20B", "/api/trades?offset=-1", "/api/trades?page=2"}) {
        r = get(target);
        QCOMPARE(r.status, 400);
    }
    QCOMPARE(json(get("/api/trades")).array().size(), 4);
    QCOMPARE(send("PATCH", "/api/trades/999", R"({"price":1})").status, 404);
    // A body that does not say it is JSON (as a web page's form would send it) is refused unread.
    TestHttp::Client client;
    QVERIFY(client.connectTo(m_server->port()));
    r = client
            .roundTrip(TestHttp::request("POST", "/api/trades",
                                         R"({"ticker":"AAPL","price":1,"quantity":1,"side":"buy"})", "text/plain"))
            .value_or(TestHttp::Response{});
    QCOMPARE(r.status, 415);
    QCOMPARE(json(get("/api/trades")).array().size(), 4);
}

void TestRestApi::symbolsAndSummary()
{
    auto r = get("/api/symbols");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), (QJsonArray{u"AAPL"_s, u"MSFT"_s}));
    r = get("/api/summary");
    QCOMPARE(r.status, 200);
    const QJsonArray rows = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject aapl = rows[0].toObject();
    QCOMPARE(aapl.value(u"symbol"_s).toString(), u"AAPL"_s);
    QCOMPARE(aapl.value(u"last_price"_s).toDouble(), 105.0);
    QCOMPARE(aapl.value(u"change_percent"_s).toDouble(), 5.0);
    QCOMPARE(aapl.value(u"session_ticks"_s).toInt(), 41);
    QCOMPARE(aapl.value(u"signals_by_rule"_s).toObject().value(u"price_move"_s).toInt(), 1);
}

void TestRestApi::signalsWithFilters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("count");
    QTest::newRow("all") << QByteArray() << 4;
    QTest::newRow("symbol") << QByteArray("?symbol=MSFT") << 3;
    QTest::newRow("side") << QByteArray("?side=sell") << 1;
    QTest::newRow("rule") << QByteArray("?rule=price_move") << 1;
    QTest::newRow("from") << QByteArray("?from=1700000101") << 2;
    QTest::newRow("to") << QByteArray("?to=1700000100") << 2;
    QTest::newRow("limit") << QByteArray("?limit=2") << 2;
    QTest::newRow("combined") << QByteArray("?symbol=MSFT&side=buy&from=1700000100.5") << 1;
    QTest::newRow("none") << QByteArray("?symbol=TSLA") << 0;
}

void TestRestApi::signalsWithFilters()
{
    QFETCH(QByteArray, query);
    QFETCH(int, count);
    const auto r = get("/api/signals" + query);
    QCOMPARE(r.status, 200);
    const QJsonArray rows = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(rows.size(), count);
    for (const auto &row : rows) {
        const QJsonObject o = row.toObject();
        QVERIFY(o.value(u"id"_s).toInt() > 0);
        QVERIFY(!o.value(u"reason"_s).toString().isEmpty());
        QVERIFY(o.value(u"indicators"_s).isObject());
    }
}

void TestRestApi::signalsCsv()
{
    const auto r = get("/api/signals.csv?symbol=MSFT&side=sell");
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/csv"));
    const QList<QByteArray> lines = r.body.split('\n');
    QCOMPARE(lines[0], QByteArray("id,time_utc,epoch_s,symbol,side,rule,timeframe,price,reason,snapshot\r"));
    QVERIFY2(lines[1].contains(",MSFT,sell,rsi_trend,record,102,\"reason 2, with \"\"quotes\"\"\","),
             lines[1].constData());
}

void TestRestApi::ticksOfASymbol()
{
    const auto r = get("/api/ticks?symbol=AAPL&from=1700000038&limit=10");
    QCOMPARE(r.status, 200);
    const QJsonArray rows = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.last().toObject().value(u"close"_s).toDouble(), 105.0); // oldest first
    QCOMPARE(rows.first().toObject().value(u"timestamp"_s).toDouble(), 1700000038.0);
}

void TestRestApi::barsOfATimeframe()
{
    // AAPL: 40 flat records at 1700000000..039 s (22:13:20 to 22:13:59 UTC), then 105 at 22:14:00.
    auto r = get("/api/bars?symbol=AAPL&timeframe=1m");
    QCOMPARE(r.status, 200);
    QJsonArray rows = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first.value(u"time"_s).toDouble(), 1699999980.0);
    QCOMPARE(first.value(u"end"_s).toDouble(), 1700000040.0);
    QCOMPARE(first.value(u"close"_s).toDouble(), 100.0);
    QCOMPARE(first.value(u"volume"_s).toInt(), 400);
    QCOMPARE(first.value(u"records"_s).toInt(), 40);
    QCOMPARE(first.value(u"forming"_s).toBool(), false);
    QCOMPARE(first.value(u"filled"_s).toBool(), false);
    QCOMPARE(rows[1].toObject().value(u"open"_s).toDouble(), 105.0);
    QCOMPARE(rows[1].toObject().value(u"forming"_s).toBool(), true);

    rows = QJsonDocument::fromJson(get("/api/bars?symbol=AAPL&timeframe=10t").body).array();
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[3].toObject().value(u"records"_s).toInt(), 10);
    QCOMPARE(rows[4].toObject().value(u"records"_s).toInt(), 1);

    rows = QJsonDocument::fromJson(get("/api/bars?symbol=AAPL&timeframe=1m&limit=1").body).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(u"close"_s).toDouble(), 105.0);
    rows =
        QJsonDocument::fromJson(get("/api/bars?symbol=AAPL&timeframe=5s&from=1700000031&to=1700000036").body).array();
    QCOMPARE(rows.size(), 2); // the bars holding 31 and 36: 30-34 and 35-39
    QCOMPARE(rows[0].toObject().value(u"time"_s).toDouble(), 1700000030.0);

    // A day in New York began at 05:00 UTC in November.
    rows = QJsonDocument::fromJson(get("/api/bars?symbol=AAPL&timeframe=1D&tz=America/New_York").body).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(u"time"_s).toDouble(), 1699938000.0);
    QCOMPARE(rows[0].toObject().value(u"records"_s).toInt(), 41);

    QCOMPARE(QJsonDocument::fromJson(get("/api/bars?symbol=NONE").body).array().size(), 0);

    r = get("/api/bars.csv?symbol=AAPL&timeframe=1m");
    QCOMPARE(r.status, 200);
    QVERIFY(r.headers.value("content-type").startsWith("text/csv"));
    const QList<QByteArray> lines = r.body.split('\n');
    QCOMPARE(lines[0], QByteArray("time_utc,epoch_s,symbol,open,high,low,close,volume,records\r"));
    QCOMPARE(lines[1], QByteArray("2023-11-14T22:13:00.000Z,1699999980.000000,AAPL,100,100,100,100,400,40\r"));
    QCOMPARE(lines.size(), 4); // two rows and the empty rest after the last line end
}

void TestRestApi::chartOfASymbol()
{
    // One-second bars of AAPL: 41, the last the jump to 105 that made a price_move alert.
    auto r = get("/api/chart?symbol=AAPL&timeframe=1s&limit=100");
    QCOMPARE(r.status, 200);
    QJsonObject chart = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(chart.value(u"symbol"_s).toString(), u"AAPL"_s);
    QCOMPARE(chart.value(u"timeframe"_s).toString(), u"1s"_s);
    QJsonArray bars = chart.value(u"bars"_s).toArray();
    QCOMPARE(bars.size(), 41);
    QCOMPARE(bars[0].toObject().value(u"time"_s).toDouble(), 1700000000.0);
    QCOMPARE(bars[40].toObject().value(u"close"_s).toDouble(), 105.0);
    // The engine's indicators: absent (null) while warming up, then the SMA of 20 flat closes.
    QVERIFY(bars[18].toObject().value(u"sma"_s).isNull());
    QCOMPARE(bars[19].toObject().value(u"sma"_s).toDouble(), 100.0);
    QCOMPARE(bars[19].toObject().value(u"bb_upper"_s).toDouble(), 100.0);
    QCOMPARE(bars[19].toObject().value(u"ema"_s).toDouble(), 100.0);
    QCOMPARE(bars[40].toObject().value(u"sma"_s).toDouble(), 100.25);
    QJsonArray signalRows = chart.value(u"signals"_s).toArray();
    QCOMPARE(signalRows.size(), 1);
    QCOMPARE(signalRows[0].toObject().value(u"side"_s).toString(), u"alert"_s);
    QCOMPARE(signalRows[0].toObject().value(u"rule"_s).toString(), u"price_move"_s);
    QCOMPARE(signalRows[0].toObject().value(u"timestamp"_s).toDouble(), 1700000040.0);

    // The newest few, their indicators settled by the older bars read before them.
    chart = QJsonDocument::fromJson(get("/api/chart?symbol=AAPL&timeframe=1s&limit=5").body).object();
    bars = chart.value(u"bars"_s).toArray();
    QCOMPARE(bars.size(), 5);
    QCOMPARE(bars[0].toObject().value(u"time"_s).toDouble(), 1700000036.0);
    QCOMPARE(bars[0].toObject().value(u"sma"_s).toDouble(), 100.0);
    QCOMPARE(chart.value(u"signals"_s).toArray().size(), 1);

    // A symbol with nothing stored: no bars, no error.
    chart = QJsonDocument::fromJson(get("/api/chart?symbol=NONE").body).object();
    QCOMPARE(chart.value(u"bars"_s).toArray().size(), 0);
    QCOMPARE(chart.value(u"timeframe"_s).toString(), u"1m"_s);
}

void TestRestApi::badParameters_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("reason");
    QTest::newRow("side") << QByteArray("/api/signals?side=hold") << u"side must be buy, sell or alert"_s;
    QTest::newRow("rule") << QByteArray("/api/signals?rule=magic") << u"rule must be"_s;
    QTest::newRow("from") << QByteArray("/api/signals?from=yesterday") << u"from must be epoch seconds"_s;
    QTest::newRow("order") << QByteArray("/api/signals?from=20&to=10") << u"from must not be after to"_s;
    QTest::newRow("limit") << QByteArray("/api/signals?limit=0") << u"limit must be a whole number"_s;
    QTest::newRow("unknown") << QByteArray("/api/signals?colour=red") << u"unknown parameter \"colour\""_s;
    QTest::newRow("symbol") << QByteArray("/api/signals.csv?symbol=not%20ok") << u"symbol must be"_s;
    QTest::newRow("ticks need a symbol") << QByteArray("/api/ticks") << u"symbol is required"_s;
    QTest::newRow("bars need a symbol") << QByteArray("/api/bars?timeframe=1m") << u"symbol is required"_s;
    QTest::newRow("timeframe") << QByteArray("/api/bars?symbol=AAPL&timeframe=2D")
                               << u"timeframe: \"2D\": days come one at a time (1D)"_s;
    QTest::newRow("timeframe unit") << QByteArray("/api/bars.csv?symbol=AAPL&timeframe=5y") << u"unknown unit 'y'"_s;
    QTest::newRow("fill") << QByteArray("/api/bars?symbol=AAPL&fill=yes") << u"fill: must be true or false"_s;
    QTest::newRow("time zone") << QByteArray("/api/bars?symbol=AAPL&tz=Mars/Olympus")
                               << u"tz: \"Mars/Olympus\" is not a time zone"_s;
    QTest::newRow("chart needs a symbol") << QByteArray("/api/chart?timeframe=1m") << u"symbol is required"_s;
    QTest::newRow("chart limit") << QByteArray("/api/chart?symbol=AAPL&limit=5001")
                                 << u"limit must be a whole number from 1 to 5000"_s;
    QTest::newRow("chart timeframe") << QByteArray("/api/chart?symbol=AAPL&timeframe=7x") << u"timeframe: "_s;
    QTest::newRow("chart unknown") << QByteArray("/api/chart?symbol=AAPL&from=1") << u"unknown parameter \"from\""_s;
    QTest::newRow("bars unknown") << QByteArray("/api/bars?symbol=AAPL&side=buy") << u"unknown parameter \"side\""_s;
}

void TestRestApi::badParameters()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, reason);
    const auto r = get(target);
    QCOMPARE(r.status, 400);
    const QString error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestRestApi::readsDoNotHoldUpOtherRequests()
{
    // One I/O thread; a read that cannot finish until the test lets it; meanwhile another request is answered,
    // because reads run on the API's own threads, not on the I/O thread that received them.
    Pipeline::Pipeline pipeline(recordRules(), *m_writer);
    Api::RestApi api(m_dir.filePath(u"api.sqlite"_s), pipeline);
    Http::HttpRouter router;
    std::mutex mutex;
    std::condition_variable released;
    bool release = false;
    api.addRead(router, "/slow", [&](Http::HttpRequest &&, Http::HttpResponder responder) {
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return release; });
        responder.send(Http::HttpResponse::json(200, "[]"));
    });
    router.add("POST", "/ping", [](Http::HttpRequest &&, Http::HttpResponder responder) {
        responder.send(Http::HttpResponse::json(200, "{}"));
    });
    Http::ServerOptions options;
    options.port = 0;
    options.ioThreads = 1;
    Http::HttpServer server(options, router);
    QVERIFY(server.start().ok());

    TestHttp::Client reader;
    TestHttp::Client other;
    QVERIFY(reader.connectTo(server.port()) && other.connectTo(server.port()));
    reader.send(TestHttp::request("GET", "/slow", {}, {}));
    const auto quick = other.roundTrip(TestHttp::request("POST", "/ping", "{}"));
    QVERIFY(quick);
    QCOMPARE(quick->status, 200);
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    released.notify_all();
    const auto slow = reader.read();
    QVERIFY(slow);
    QCOMPARE(slow->status, 200);
    server.stopListening();
    api.stop();
    server.stop();
}

void TestRestApi::symbolListsArePaged()
{
    // However many symbols there are, an answer holds a page of them (in symbol order) and says how many in all.
    auto r = get("/api/symbols?limit=1");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), QJsonArray{u"AAPL"_s});
    QCOMPARE(r.headers.value("x-total-count"), QByteArray("2"));
    r = get("/api/summary?limit=1&offset=1");
    QCOMPARE(r.status, 200);
    const QJsonArray rows = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(u"symbol"_s).toString(), u"MSFT"_s);
    QCOMPARE(QJsonDocument::fromJson(get("/api/symbols?offset=5").body).array().size(), 0);
    for (const QByteArray &target : {QByteArray("/api/symbols?limit=0"), QByteArray("/api/summary?limit=10001"),
                                     QByteArray("/api/summary?offset=-1"), QByteArray("/api/symbols?page=2")}) {
        r = get(target);
        QCOMPARE(r.status, 400);
        QVERIFY(!QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_restapi.moc"
