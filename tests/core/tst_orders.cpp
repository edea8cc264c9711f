// SPDX-License-Identifier: MIT
// The paper broker over HTTP: orders placed, filled by the records that follow, listed and cancelled through
// /api/orders, each stored before it is answered, and their fills in /api/trades.
#include "HttpTestClient.h"
#include "PipelineFeed.h"
#include "api/RestApi.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "trading/PaperOrders.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;

class TestOrders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void placedFilledListedAndCancelled();
    void badOrdersNameTheField();
    void signalsToTradeOnAreKept();
    void workingOrderModified();
    void resetBeginsANewAccount();

private:
    TestHttp::Response send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {});
    QJsonDocument json(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        return QJsonDocument::fromJson(send(method, target, body).body);
    }
    /// A record of a symbol at a price, a second from now (after the orders placed so far).
    void feed(const char *symbol, double open, double low, double high);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Trading::PaperDesk> m_desk;
    std::unique_ptr<Trading::PaperOrders> m_orders;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Api::RestApi> m_api;
    std::unique_ptr<Http::HttpRouter> m_router;
    std::unique_ptr<Http::HttpServer> m_server;
    int m_seconds = 0;
};

void TestOrders::init()
{
    static int run = 0;
    const QString path = m_path = m_dir.filePath(u"orders%1.sqlite"_s.arg(++run));
    auto writer = Storage::StorageWriter::open({path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_desk = std::make_unique<Trading::PaperDesk>(Trading::Costs{}, 100'000, QTimeZone("America/New_York"));
    QVERIFY(m_desk->load(path).ok());
    m_orders = std::make_unique<Trading::PaperOrders>(*m_desk, *m_writer);
    m_pipeline = std::make_unique<Pipeline::Pipeline>(Pipeline::PipelineOptions{}, *m_writer);
    m_pipeline->setPaperDesk(m_desk.get());
    m_pipeline->start();
    m_api = std::make_unique<Api::RestApi>(path, *m_pipeline);
    m_api->setPaperOrders(m_orders.get());
    m_router = std::make_unique<Http::HttpRouter>();
    m_api->install(*m_router);
    Http::ServerOptions options;
    options.port = 0;
    m_server = std::make_unique<Http::HttpServer>(options, *m_router);
    QVERIFY(m_server->start().ok());
}

void TestOrders::cleanup()
{
    m_server->stopListening();
    m_api->stop();
    m_pipeline->stop();
    m_writer->stop();
    m_server->stop();
    m_server.reset();
    m_api.reset();
    m_pipeline.reset();
    m_writer.reset();
    m_orders.reset();
    m_desk.reset();
}

TestHttp::Response TestOrders::send(const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    TestHttp::Client client;
    if (!client.connectTo(m_server->port()))
        return {};
    return client
        .roundTrip(TestHttp::request(method, target, body, method == "GET" ? QByteArray() : "application/json"))
        .value_or(TestHttp::Response{});
}

void TestOrders::feed(const char *symbol, double open, double low, double high)
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.open = open;
    t.low = low;
    t.high = high;
    t.close = open;
    t.volume = 10;
    t.timestamp = (QDateTime::currentMSecsSinceEpoch() + 1000 * ++m_seconds) * 1000;
    QVERIFY(TestFeed::committed(*m_pipeline, {t}));
}

void TestOrders::placedFilledListedAndCancelled()
{
    auto r = send("POST", "/api/orders", R"({"ticker":"aapl","side":"buy","quantity":10})");
    QCOMPARE(r.status, 201);
    const QJsonObject market = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(market.value(u"status"_s).toString(), u"working"_s);
    QCOMPARE(market.value(u"type"_s).toString(), u"market"_s);
    QCOMPARE(market.value(u"time_in_force"_s).toString(), u"day"_s);
    QVERIFY(!market.value(u"expires"_s).toString().isEmpty()); // the session's midnight
    QCOMPARE(r.headers.value("location"), "/api/orders/" + QByteArray::number(market.value(u"id"_s).toInteger()));
    r = send("POST", "/api/orders",
             R"({"ticker":"AAPL","side":"sell","type":"limit","limit_price":110,"quantity":4,"time_in_force":"gtc"})");
    QCOMPARE(r.status, 400); // nothing held yet to sell
    QVERIFY2(r.body.contains("quantity:"), r.body.constData());

    feed("AAPL", 100, 99.5, 100.5);
    QCOMPARE(json("GET", "/api/orders?status=filled").array().size(), 1);
    const QJsonArray trades = json("GET", "/api/trades").array();
    QCOMPARE(trades.size(), 1);
    QCOMPARE(trades[0].toObject().value(u"order_id"_s).toInteger(), market.value(u"id"_s).toInteger());
    QCOMPARE(trades[0].toObject().value(u"price"_s).toDouble(), 100.0);

    // Held now: a take-profit to sell, and a stop under it.
    r = send("POST", "/api/orders",
             R"({"ticker":"AAPL","side":"sell","type":"limit","limit_price":110,"quantity":4,"time_in_force":"gtc"})");
    QCOMPARE(r.status, 201);
    const qint64 target = QJsonDocument::fromJson(r.body).object().value(u"id"_s).toInteger();
    r = send("POST", "/api/orders", R"({"ticker":"AAPL","side":"sell","type":"stop","stop_price":95,"quantity":6})");
    QCOMPARE(r.status, 201);
    const qint64 stop = QJsonDocument::fromJson(r.body).object().value(u"id"_s).toInteger();
    QCOMPARE(json("GET", "/api/orders?status=working").array().size(), 2);
    // All ten held are being sold: one more is refused, saying why.
    r = send("POST", "/api/orders", R"({"ticker":"AAPL","side":"sell","quantity":1})");
    QCOMPARE(r.status, 400);
    QVERIFY2(
        r.body.contains("10 shares of AAPL are open and working orders already sell 10 of them: 0 more can be sold"),
        r.body.constData());
    // Cancelled: answered with the order, now cancelled; a second time there is none working.
    r = send("DELETE", "/api/orders/" + QByteArray::number(stop));
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"status"_s).toString(), u"cancelled"_s);
    QCOMPARE(send("DELETE", "/api/orders/" + QByteArray::number(stop)).status, 404);
    feed("AAPL", 104, 94, 108); // through 95, not up to 110: the cancelled stop does nothing
    QCOMPARE(json("GET", "/api/trades").array().size(), 1);
    feed("AAPL", 109, 108, 111);
    QCOMPARE(json("GET", "/api/trades").array().size(), 2);
    const QJsonObject filled = json("GET", "/api/orders/" + QByteArray::number(target)).object();
    QCOMPARE(filled.value(u"status"_s).toString(), u"filled"_s);
    const QJsonObject positions = json("GET", "/api/positions").object();
    QCOMPARE(positions.value(u"realized"_s).toDouble(), 40.0);
    QCOMPARE(positions.value(u"positions"_s).toArray()[0].toObject().value(u"quantity"_s).toDouble(), 6.0);
    QCOMPARE(send("GET", "/api/orders/999").status, 404);
}

void TestOrders::badOrdersNameTheField()
{
    const std::pair<const char *, const char *> bad[] = {
        {R"({"ticker":"AAPL","side":"hold","quantity":1})", "side:"},
        {R"({"ticker":"AAPL","side":"buy","quantity":0})", "quantity:"},
        {R"({"ticker":"A B","side":"buy","quantity":1})", "symbol:"},
        {R"({"ticker":"AAPL","side":"buy","type":"limit","quantity":1})", "limit_price:"},
        {R"({"ticker":"AAPL","side":"buy","type":"stop","stop_price":"high","quantity":1})", "stop_price:"},
        {R"({"ticker":"AAPL","side":"buy","type":"trailing","quantity":1})", "type:"},
        {R"({"ticker":"AAPL","side":"buy","quantity":1,"time_in_force":"ioc"})", "time_in_force:"},
        {R"({"ticker":"AAPL","side":"buy_to_cover","quantity":1})", "quantity:"},
        {R"(["order"])", "body:"},
    };
    for (const auto &[body, field] : bad) {
        const auto r = send("POST", "/api/orders", body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains(field), r.body.constData());
    }
    QVERIFY(json("GET", "/api/orders").array().isEmpty());
    TestHttp::Client client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto plain = client.roundTrip(
        TestHttp::request("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","quantity":1})", "text/plain"));
    QVERIFY(plain);
    QCOMPARE(plain->status, 415);
    QCOMPARE(send("GET", "/api/orders?status=open").status, 400);
}

void TestOrders::signalsToTradeOnAreKept()
{
    QCOMPARE(json("GET", "/api/paper/autotrade").object().value(u"entries"_s).toArray().size(), 0);
    auto r = send("PUT", "/api/paper/autotrade",
                  R"({"entries":[{"source":"rsi_trend","buy_shares":10,"max_position":30},
                                 {"source":"alert:4","buy_cash":2000,"alert_side":"buy"}]})");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"entries"_s).toArray().size(), 2);
    r = send("PUT", "/api/paper/autotrade", R"({"entries":[{"source":"rsi_trend","buy_shares":1},{"source":"x"}]})");
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("entries[1].source:"), r.body.constData());
    QCOMPARE(json("GET", "/api/paper/autotrade").object().value(u"entries"_s).toArray().size(), 2); // unchanged

    // A stored buy signal of the rule places its order, which the next record fills.
    Model::TradeSignal signal;
    Model::Symbol::parse("AAPL", signal.symbol);
    signal.rule = Model::SignalRule::RsiTrend;
    signal.side = Model::SignalSide::Buy;
    signal.price = 100;
    const auto placed = m_desk->onSignals({signal}, QDateTime::currentMSecsSinceEpoch() * 1000, 0);
    QCOMPARE(placed.size(), std::size_t(1));
    QCOMPARE(placed[0].quantity, 10.0);
    feed("AAPL", 100, 100, 100);
    QCOMPARE(m_desk->account().quantity(u"AAPL"_s), 10.0);
    // Kept across a restart of the desk.
    Trading::PaperDesk again;
    QVERIFY(again.load(m_path).ok());
    QCOMPARE(again.autoTrades().size(), std::size_t(2));
    QCOMPARE(again.autoTrades()[1].source, u"alert:4"_s);
}

void TestOrders::workingOrderModified()
{
    auto r =
        send("POST", "/api/orders",
             R"({"ticker":"MSFT","side":"buy","type":"limit","limit_price":90,"quantity":5,"time_in_force":"gtc"})");
    QCOMPARE(r.status, 201);
    const QByteArray path =
        "/api/orders/" + QByteArray::number(QJsonDocument::fromJson(r.body).object()[u"id"_s].toInteger());
    r = send("PATCH", path, R"({"quantity":8,"limit_price":95})");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"quantity"_s).toDouble(), 8.0);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"limit_price"_s).toDouble(), 95.0);
    // Bad changes name the field and change nothing.
    for (const auto &[body, field] : {std::pair{R"({"quantity":-1})", "quantity:"},
                                      {R"({"side":"sell"})", "side:"},
                                      {R"({"limit_price":"x"})", "limit_price:"}}) {
        r = send("PATCH", path, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains(field), r.body.constData());
    }
    QCOMPARE(send("PATCH", "/api/orders/999", R"({"quantity":1})").status, 404);
    feed("MSFT", 96, 94, 97); // reaches the new limit, 95, not the old one
    QCOMPARE(m_desk->account().quantity(u"MSFT"_s), 8.0);
    QCOMPARE(send("PATCH", path, R"({"quantity":2})").status, 404); // filled: no longer working
    // Stored as changed: a restarted desk has the order filled at 8.
    Trading::PaperDesk again;
    QVERIFY(again.load(m_path).ok());
    QCOMPARE(again.orders().back().quantity, 8.0);
    QCOMPARE(again.account().quantity(u"MSFT"_s), 8.0);
}

void TestOrders::resetBeginsANewAccount()
{
    QCOMPARE(send("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","quantity":10})").status, 201);
    feed("AAPL", 100, 100, 100);
    QCOMPARE(
        send("POST", "/api/orders",
             R"({"ticker":"AAPL","side":"sell","type":"limit","limit_price":150,"quantity":10,"time_in_force":"gtc"})")
            .status,
        201);
    QCOMPARE(json("GET", "/api/paper/account").object().value(u"cash"_s).toDouble(), 99'000.0);
    QCOMPARE(send("POST", "/api/paper/reset", R"({"starting_cash":-5})").status, 400);
    auto r = send("POST", "/api/paper/reset", R"({"starting_cash":25000})");
    QCOMPARE(r.status, 200);
    const QJsonObject account = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(account.value(u"account"_s).toInteger(), 1);
    QCOMPARE(account.value(u"cash"_s).toDouble(), 25'000.0);
    QCOMPARE(account.value(u"equity"_s).toDouble(), 25'000.0);
    QCOMPARE(account.value(u"day_pnl"_s).toDouble(), 0.0);
    // The working sell was cancelled; positions start flat; the earlier trade stays listed.
    QCOMPARE(json("GET", "/api/orders?status=working").array().size(), 0);
    QVERIFY(json("GET", "/api/positions").object().value(u"positions"_s).toArray().isEmpty());
    QCOMPARE(json("GET", "/api/positions").object().value(u"cash"_s).toDouble(), 25'000.0);
    QCOMPARE(json("GET", "/api/trades").array().size(), 1);
    // The new account trades on its own; a restarted desk carries on with it.
    QCOMPARE(send("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","quantity":2})").status, 201);
    feed("AAPL", 200, 200, 200);
    Trading::PaperDesk again(Trading::Costs{}, 100'000, QTimeZone("America/New_York"));
    QVERIFY(again.load(m_path).ok());
    QCOMPARE(again.accountId(), 1);
    QCOMPARE(again.account().quantity(u"AAPL"_s), 2.0);
    QCOMPARE(again.account().cash(), 24'600.0);
    QCOMPARE(again.account().dayStartEquity(), 25'000.0); // the day began with the reset
    // The day analysis keeps the accounts apart: the first account's 10 shares are not sold by the second.
    const QJsonArray days = json("GET", "/api/trades/daily").array();
    QCOMPARE(days.size(), 1);
    QCOMPARE(days[0].toObject().value(u"realized"_s).toDouble(), 0.0);
}

QTEST_GUILESS_MAIN(TestOrders)
#include "tst_orders.moc"
