// SPDX-License-Identifier: MIT
#include "HttpTestClient.h"
#include "TestServer.h"
#include "http/HttpRequestParser.h"
#include "storage/SqliteDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using TestHttp::Client;
using TestHttp::request;

namespace {

QByteArray tick(int i = 0, const QByteArray &symbol = "AAPL")
{
    return "{\"stock_symbol\":\"" + symbol +
           "\",\"opening_price\":150.25,\"closing_price\":155.2,\"high\":157.5,"
           "\"low\":149.8,\"volume\":" +
           QByteArray::number(1000 + i) + ",\"timestamp\":" + QByteArray::number(1644016200 + i) + "}";
}

QByteArray postIngest(const QByteArray &body, const QByteArray &type = "application/json", const QByteArray &extra = {})
{
    return request("POST", "/ingest", body, type, extra);
}

QJsonObject jsonOf(const TestHttp::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

qint64 countRows(const QString &path, const char *sql)
{
    auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
    return db ? (*db)->scalar(sql, -1) : -1;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleObjectArrayAndNdjson();
    void realHttpClient();
    void errorCodes_data();
    void errorCodes();
    void manyRequestsOnOneKeepAliveConnection();
    void ioThreadsTellWhenTheyAreIdle();
    void malformedRequestThenGoodOneOnNewConnection();
    void oversizedBodyRefusedWithoutBuffering();
    void bodyKeepsSlackForTheDecoder();
    void pipelinedResponsesInRequestOrder();
    void saturatedSinkAnswers503();
    void connectionCloseHonoured();
    void http10ClosesByDefault();
    void idleConnectionClosed();
    void incompleteRequestTimesOut();
    void connectionCap();
    void accessToken();
    void nonLoopbackNeedsToken();
    void portInUseIsReported();
    void webPagesCannotDriveOrRead_data();
    void webPagesCannotDriveOrRead();
    void allowedOriginsAndTokens();
    void everyRequestOfAConnectionGuarded();
    void noRequestSmuggling_data();
    void noRequestSmuggling();
    void slowHeadersTimeOut();
    void slowClientsDoNotKeepOthersOut();
};

namespace {

/// A request as a browser (or anyone) may send it: any Host, Origin and content type.
QByteArray browserRequest(const QByteArray &method, const QByteArray &host, const QByteArray &origin,
                          const QByteArray &type, const QByteArray &body = tick(), const QByteArray &extra = {})
{
    QByteArray r = method + " /ingest HTTP/1.1\r\nHost: " + host + "\r\n";
    if (!origin.isEmpty())
        r += "Origin: " + origin + "\r\n";
    if (!type.isEmpty())
        r += "Content-Type: " + type + "\r\n";
    return r + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

void TestHttpServer::singleObjectArrayAndNdjson()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));

    auto r = client.roundTrip(postIngest(tick(1)));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(jsonOf(*r).value(u"accepted"_s).toInt(), 1);
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));

    r = client.roundTrip(postIngest("[" + tick(2) + "," + tick(3) +
                                    ",{\"data_type\":\"economic_indicator\","
                                    "\"timestamp\":1,\"indicator_name\":\"CPI\","
                                    "\"value\":3.1}]"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(jsonOf(*r).value(u"accepted"_s).toInt(), 3);

    r = client.roundTrip(postIngest(tick(4) + "\n" + tick(5) + "\n", "application/x-ndjson"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(jsonOf(*r).value(u"accepted"_s).toInt(), 2);

    // Acknowledged means committed: visible to another connection right away.
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 5);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM economic_indicators"), 1);
    QCOMPARE(server.endpoint->counters().received.load(), 6u);
}

void TestHttpServer::realHttpClient()
{
    // The reference generator's way: one JSON object per POST with Python requests;
    // here Qt's own HTTP client stands in for an independent implementation.
    TestHttp::Server server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    const char *const bodies[] = {
        "{\"data_type\":\"order_book\",\"timestamp\":1644016300.0,\"stock_symbol\":\"AAPL\",\"order_type\":\"buy\","
        "\"price\":560.75,\"quantity\":50}",
        "{\"data_type\":\"news_sentiment\",\"timestamp\":1644016300.0,\"stock_symbol\":\"AAPL\","
        "\"sentiment_score\":0.2,\"sentiment_magnitude\":0.9}",
        "{\"data_type\":\"market_data\",\"timestamp\":1644016300.0,\"stock_symbol\":\"AAPL\",\"market_cap\":2e12,"
        "\"pe_ratio\":28}",
        "{\"data_type\":\"economic_indicator\",\"timestamp\":1644016300.0,\"indicator_name\":\"GDP Growth Rate\","
        "\"value\":-1.2}",
    };
    for (const char *body : bodies) {
        QNetworkRequest req(QUrl(u"http://localhost:%1/ingest"_s.arg(server.port())));
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = manager.post(req, QByteArray(body));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM order_book"), 1);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM news_sentiment"), 1);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM market_data"), 1);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM economic_indicators"), 1);
}

void TestHttpServer::errorCodes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QTest::newRow("malformed JSON") << postIngest("{\"stock_symbol\": ") << 400 << u"malformed JSON"_s;
    QTest::newRow("invalid field") << postIngest(QByteArray(tick()).replace("157.5", "-3")) << 400
                                   << u"high must be greater than 0"_s;
    QTest::newRow("unknown data_type") << postIngest("{\"data_type\":\"trade\"}") << 400 << u"unknown data_type"_s;
    QTest::newRow("unknown path") << request("GET", "/nothing") << 404 << u"no such endpoint: /nothing"_s;
    QTest::newRow("GET /ingest") << request("GET", "/ingest", {}, {}) << 405 << u"/ingest does not accept GET"_s;
    QTest::newRow("PUT /ingest") << request("PUT", "/ingest", tick()) << 405 << u"/ingest does not accept PUT"_s;
    QTest::newRow("DELETE /ingest") << request("DELETE", "/ingest", {}, {}) << 405 << u"use POST"_s;
    QTest::newRow("form content type") << postIngest(tick(), "application/x-www-form-urlencoded") << 415
                                       << u"unsupported content type"_s;
    QTest::newRow("text/plain") << postIngest(tick(), "text/plain") << 415 << u"unsupported content type"_s;
    QTest::newRow("body over limit") << postIngest(QByteArray(70 * 1024, ' ') + tick()) << 413
                                     << u"request body larger than the limit"_s;
    QTest::newRow("header over limit") << request("GET", "/ingest", {}, {}, "X-Big: " + QByteArray(20000, 'x') + "\r\n")
                                       << 431 << u"request header larger than the limit"_s;
    QTest::newRow("garbage") << QByteArray("HELLO THERE\r\n\r\n") << 400 << u"malformed HTTP request"_s;
    QTest::newRow("bad content-length") << QByteArray("POST /ingest HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400
                                        << u"malformed HTTP request"_s;
}

void TestHttpServer::errorCodes()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QFETCH(QString, error);

    TestHttp::Server server;
    Http::ServerOptions options;
    options.bodyLimit = 64 * 1024;
    options.headerLimit = 8 * 1024;
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const auto r = client.roundTrip(raw);
    QVERIFY(r);
    QCOMPARE(r->status, status);
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
    const QString message = jsonOf(*r).value(u"error"_s).toString();
    QVERIFY2(message.contains(error), qPrintable(message));
    if (status == 405)
        QCOMPARE(r->headers.value("allow"), QByteArray("POST"));

    // Nothing refused reached the database.
    server.stop();
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 0);
}

void TestHttpServer::manyRequestsOnOneKeepAliveConnection()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    constexpr int Requests = 500;
    for (int i = 0; i < Requests; ++i) {
        const auto r = client.roundTrip(postIngest(tick(i)));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(r->keepAlive);
    }
    QCOMPARE(server.http->connectionCount(), 1);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), Requests);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(DISTINCT volume) FROM ticks"), Requests);
}

void TestHttpServer::ioThreadsTellWhenTheyAreIdle()
{
    // The storage writer ends its wait for more small requests once the I/O threads have none left: each
    // thread counts as working from its wake-up (or an answer given to it) until it waits for input again.
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    QTRY_VERIFY(server.feeders.idleSince(0)); // the connection was adopted, then the thread waited
    for (int i = 0; i < 3; ++i) {
        const std::uint64_t before = server.feeders.idleRounds();
        const auto r = client.roundTrip(postIngest(tick(i)));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QTRY_VERIFY(server.feeders.idleSince(before));
    }
}

void TestHttpServer::malformedRequestThenGoodOneOnNewConnection()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Client bad;
    QVERIFY(bad.connectTo(server.port()));
    const auto r = bad.roundTrip("POST /ingest HTTP/1.1\r\nContent-Length: 5\r\nBroken header line\r\n\r\nhello");
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QVERIFY(!r->keepAlive);
    QVERIFY(bad.waitForClose());

    Client good;
    QVERIFY(good.connectTo(server.port()));
    const auto ok = good.roundTrip(postIngest(tick()));
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
}

void TestHttpServer::oversizedBodyRefusedWithoutBuffering()
{
    TestHttp::Server server;
    Http::ServerOptions options;
    options.bodyLimit = 1024 * 1024;
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    // Announce 1 GiB, send only the first 256 KiB: the answer must come from the
    // header alone, while the body is still on its way.
    client.send("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1073741824"
                "\r\n\r\n");
    client.send(QByteArray(256 * 1024, '['));
    const auto r = client.read();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QVERIFY(!r->keepAlive);
    QVERIFY(client.waitForClose());
    QCOMPARE(server.endpoint->counters().requests.load(), 0u);
}

void TestHttpServer::pipelinedResponsesInRequestOrder()
{
    TestHttp::GatedSink sink(16);
    TestHttp::Server server;
    QVERIFY(server.start({}, &sink));
    Client client;
    QVERIFY(client.connectTo(server.port()));

    // Three requests in one write, carrying 1, 2 and 3 records; a bad one in the middle.
    client.send(postIngest(tick(1)) + postIngest("[" + tick(2) + "," + tick(3) + "]") + postIngest("{]") +
                postIngest("[" + tick(4) + "," + tick(5) + "," + tick(6) + "]"));
    QTRY_COMPARE(sink.held(), std::size_t(3));

    // Commit in reverse order: answers must still leave in request order.
    sink.release(2);
    sink.release(1);
    QVERIFY(!client.socket().waitForReadyRead(200)); // nothing may overtake the first
    sink.release(0);
    const int expected[] = {1, 2, -1, 3};
    for (int accepted : expected) {
        const auto r = client.read();
        QVERIFY(r);
        if (accepted < 0) {
            QCOMPARE(r->status, 400);
        } else {
            QCOMPARE(r->status, 200);
            QCOMPARE(jsonOf(*r).value(u"accepted"_s).toInt(), accepted);
        }
    }
}

void TestHttpServer::saturatedSinkAnswers503()
{
    TestHttp::GatedSink sink(1);
    TestHttp::Server server;
    QVERIFY(server.start({}, &sink));
    Client first;
    QVERIFY(first.connectTo(server.port()));
    first.send(postIngest(tick(1)));
    QTRY_COMPARE(sink.held(), std::size_t(1));

    Client second;
    QVERIFY(second.connectTo(server.port()));
    const auto busy = second.roundTrip(postIngest(tick(2)));
    QVERIFY(busy);
    QCOMPARE(busy->status, 503);
    QCOMPARE(busy->headers.value("retry-after"), QByteArray("1"));
    QVERIFY(busy->keepAlive);

    // The held record is still answered once it commits.
    sink.release(0);
    const auto ok = first.read();
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);

    // A storage failure is reported, never acknowledged.
    second.send(postIngest(tick(3)));
    QTRY_COMPARE(sink.held(), std::size_t(2));
    sink.release(1, u"disk full"_s);
    const auto failed = second.read();
    QVERIFY(failed);
    QCOMPARE(failed->status, 500);
    QVERIFY(jsonOf(*failed).value(u"error"_s).toString().contains(u"disk full"_s));
}

void TestHttpServer::connectionCloseHonoured()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const auto r = client.roundTrip(postIngest(tick(), "application/json", "Connection: close\r\n") +
                                    postIngest(tick(2))); // pipelined after close: never read
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->headers.value("connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 1);
}

void TestHttpServer::http10ClosesByDefault()
{
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray body = tick();
    const auto r = client.roundTrip("POST /ingest HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " +
                                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(client.waitForClose());
}

void TestHttpServer::idleConnectionClosed()
{
    TestHttp::Server server;
    Http::ServerOptions options;
    options.idleTimeoutMs = 200;
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    QVERIFY(client.roundTrip(postIngest(tick())));
    QTRY_COMPARE_WITH_TIMEOUT(server.http->connectionCount(), 0, 5000);
    QVERIFY(client.waitForClose());
}

void TestHttpServer::incompleteRequestTimesOut()
{
    TestHttp::Server server;
    Http::ServerOptions options;
    options.requestTimeoutMs = 200;
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /ingest HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"stock_");
    const auto r = client.read();
    QVERIFY(r);
    QCOMPARE(r->status, 408);
    QVERIFY(client.waitForClose());
}

void TestHttpServer::connectionCap()
{
    TestHttp::Server server;
    Http::ServerOptions options;
    options.maxConnections = 2;
    options.reservedConnections = 0; // the hard cap alone (making room is tested below)
    options.ioThreads = 1;
    QVERIFY(server.start(options));
    Client a;
    Client b;
    QVERIFY(a.connectTo(server.port()));
    QVERIFY(b.connectTo(server.port()));
    QVERIFY(a.roundTrip(postIngest(tick(1))));
    QVERIFY(b.roundTrip(postIngest(tick(2))));
    Client c;
    QVERIFY(c.connectTo(server.port()));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 503);
    QVERIFY(c.waitForClose());
    QTRY_COMPARE(server.http->connectionCount(), 2);

    // Room again once a connection goes.
    a.socket().disconnectFromHost();
    QTRY_COMPARE(server.http->connectionCount(), 1);
    Client d;
    QVERIFY(d.connectTo(server.port()));
    const auto ok = d.roundTrip(postIngest(tick(3)));
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
}

void TestHttpServer::accessToken()
{
    TestHttp::Server server;
    Http::ServerOptions options;
    options.accessToken = "s3cret";
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    auto r = client.roundTrip(postIngest(tick()));
    QVERIFY(r);
    QCOMPARE(r->status, 401);

    Client bearer;
    QVERIFY(bearer.connectTo(server.port()));
    r = bearer.roundTrip(postIngest(tick(), "application/json", "Authorization: Bearer s3cret\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = bearer.roundTrip(postIngest(tick(), "application/json", "X-TickDesk-Token: s3cret\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = bearer.roundTrip(postIngest(tick(), "application/json", "x-tickdesk-token: s3cret\r\n")); // any case
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = bearer.roundTrip(postIngest(tick(), "application/json", "X-TickDesk-Token: s3cre\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 401);

    // Sent twice, the first counts.
    Client twice;
    QVERIFY(twice.connectTo(server.port()));
    r = twice.roundTrip(
        postIngest(tick(), "application/json", "X-TickDesk-Token: s3cret\r\nX-TickDesk-Token: wrong\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = twice.roundTrip(
        postIngest(tick(), "application/json", "X-TickDesk-Token: wrong\r\nX-TickDesk-Token: s3cret\r\n"));
    QVERIFY(r);
    QCOMPARE(r->status, 401);
}

void TestHttpServer::nonLoopbackNeedsToken()
{
    TestHttp::GatedSink sink(1);
    Http::HttpRouter router;
    Http::ServerOptions options;
    options.address = QHostAddress(QHostAddress::AnyIPv4);
    options.port = 0;
    Http::HttpServer server(options, router);
    const auto status = server.start();
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(u"without an access token"_s), qPrintable(status.error()));
}

void TestHttpServer::portInUseIsReported()
{
    TestHttp::Server first;
    QVERIFY(first.start());
    Http::HttpRouter router;
    Http::ServerOptions options;
    options.port = first.port();
    Http::HttpServer second(options, router);
    const auto status = second.start();
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(u"cannot listen on 127.0.0.1:%1"_s.arg(first.port())), qPrintable(status.error()));
}

void TestHttpServer::webPagesCannotDriveOrRead_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("status");
    const QByteArray json = "application/json";
    // "PORT" is replaced by the server's port.
    QTest::newRow("program, loopback") << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray() << json
                                       << 200;
    QTest::newRow("localhost") << QByteArray("POST") << QByteArray("localhost:PORT") << QByteArray() << json << 200;
    QTest::newRow("IPv6 loopback") << QByteArray("POST") << QByteArray("[::1]:PORT") << QByteArray() << json << 200;
    QTest::newRow("no content type (no-cors fetch)")
        << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray() << QByteArray() << 415;
    QTest::newRow("text/plain (no-cors fetch)")
        << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray() << QByteArray("text/plain") << 415;
    QTest::newRow("form (no-cors fetch)") << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray()
                                          << QByteArray("application/x-www-form-urlencoded") << 415;
    QTest::newRow("DNS rebinding: another Host")
        << QByteArray("POST") << QByteArray("evil.example:PORT") << QByteArray() << json << 403;
    QTest::newRow("DNS rebinding: a read")
        << QByteArray("GET") << QByteArray("evil.example:PORT") << QByteArray() << QByteArray() << 403;
    QTest::newRow("foreign page") << QByteArray("POST") << QByteArray("127.0.0.1:PORT")
                                  << QByteArray("http://evil.example") << json << 403;
    QTest::newRow("sandboxed page (null)")
        << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray("null") << json << 403;
    QTest::newRow("page of another local port")
        << QByteArray("POST") << QByteArray("127.0.0.1:PORT") << QByteArray("http://127.0.0.1:1") << json << 403;
    QTest::newRow("preflight of a foreign page") << QByteArray("OPTIONS") << QByteArray("127.0.0.1:PORT")
                                                 << QByteArray("http://evil.example") << QByteArray() << 403;
    QTest::newRow("TickDesk's own page") << QByteArray("POST") << QByteArray("127.0.0.1:PORT")
                                         << QByteArray("http://127.0.0.1:PORT") << json << 200;
    QTest::newRow("TickDesk's own page, by name")
        << QByteArray("POST") << QByteArray("localhost:PORT") << QByteArray("http://localhost:PORT") << json << 200;
}

void TestHttpServer::webPagesCannotDriveOrRead()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, origin);
    QFETCH(QByteArray, type);
    QFETCH(int, status);
    TestHttp::Server server;
    QVERIFY(server.start());
    const QByteArray port = QByteArray::number(server.port());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const auto r = client.roundTrip(
        browserRequest(method, QByteArray(host).replace("PORT", port), QByteArray(origin).replace("PORT", port), type));
    QVERIFY(r);
    QCOMPARE(r->status, status);
    if (status != 200)
        QVERIFY(!jsonOf(*r).value(u"error"_s).toString().isEmpty());
    // Never a permissive CORS answer, and what was refused changed nothing.
    for (auto it = r->headers.cbegin(); it != r->headers.cend(); ++it)
        QVERIFY2(!it.key().startsWith("access-control-"), it.key().constData());
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), status == 200 ? 1 : 0);
}

void TestHttpServer::everyRequestOfAConnectionGuarded()
{
    // The guard's verdict on a connection's Host and Origin is kept while they stay the same; a request of
    // the same connection with another Host or Origin is judged again.
    TestHttp::Server server;
    QVERIFY(server.start());
    const QByteArray host = "127.0.0.1:" + QByteArray::number(server.port());
    const QByteArray json = "application/json";
    for (const QByteArray &origin : {QByteArray(), QByteArray("http://evil.example")}) {
        Client client;
        QVERIFY(client.connectTo(server.port()));
        for (int i = 0; i < 3; ++i) {
            const auto r = client.roundTrip(browserRequest("POST", host, {}, json, tick(i)));
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        const auto refused =
            client.roundTrip(browserRequest("POST", origin.isEmpty() ? "evil.example" : host, origin, json, tick(10)));
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
    }
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 6);
}

void TestHttpServer::allowedOriginsAndTokens()
{
    // An origin the user allowed is served; with a token, any Host name may be used (a page cannot know it).
    TestHttp::Server server;
    Http::ServerOptions options;
    options.allowedOrigins = {"http://127.0.0.1:8080"};
    options.accessToken = "s3cret";
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray token = "X-TickDesk-Token: s3cret\r\n";
    auto r = client.roundTrip(
        browserRequest("POST", "127.0.0.1", "http://127.0.0.1:8080", "application/json", tick(1), token));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = client.roundTrip(browserRequest("POST", "desk.example", {}, "application/json", tick(2), token));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = client.roundTrip(
        browserRequest("POST", "desk.example", "http://evil.example", "application/json", tick(3), token));
    QVERIFY(r);
    QCOMPARE(r->status, 403);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 2);
}

void TestHttpServer::noRequestSmuggling_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("unknown coding") << QByteArray("xchunked");
    QTest::newRow("chunked not last") << QByteArray("chunked, identity");
    QTest::newRow("identity") << QByteArray("identity");
    QTest::newRow("twice") << QByteArray("chunked\r\nTransfer-Encoding: chunked");
}

void TestHttpServer::noRequestSmuggling()
{
    // A body whose end cannot be known, carrying a second request: 400, the connection closes, nothing stored.
    QFETCH(QByteArray, encoding);
    TestHttp::Server server;
    QVERIFY(server.start());
    Client client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray smuggled = postIngest(tick(7, "EVIL"));
    const auto r = client.roundTrip("POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    "Transfer-Encoding: " +
                                    encoding + "\r\n\r\n" + smuggled);
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QVERIFY(jsonOf(*r).value(u"error"_s).toString().contains(u"Transfer-Encoding"_s));
    QVERIFY(client.waitForClose());
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 0);

    // Chunked, done right, still works, the body whole from its two chunks.
    Client chunked;
    QVERIFY(chunked.connectTo(server.port()));
    const QByteArray body = tick(8);
    const QByteArray head = body.left(10), tail = body.mid(10);
    const auto ok = chunked.roundTrip("POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                      "Transfer-Encoding: chunked\r\n\r\n" +
                                      QByteArray::number(head.size(), 16) + "\r\n" + head + "\r\n" +
                                      QByteArray::number(tail.size(), 16) + "\r\n" + tail + "\r\n0\r\n\r\n");
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 1);
}

void TestHttpServer::bodyKeepsSlackForTheDecoder()
{
    // A body announced by Content-Length, or sent in chunks, is followed by BodySlack bytes of its own memory:
    // the record decoder reads it in place. One without a body allocates nothing for it.
    const QByteArray body = "[" + tick(1) + "," + tick(2) + "]";
    const QByteArray chunked = QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n" +
                               QByteArray::number(body.size() - 10, 16) + "\r\n" + body.mid(10) + "\r\n0\r\n\r\n";
    const QList<QByteArray> requests = {"POST /ingest HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) +
                                            "\r\n\r\n" + body,
                                        "POST /ingest HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked};
    Http::HttpRequestParser parser(8 * 1024, 1024 * 1024);
    for (const QByteArray &request : requests) {
        std::size_t consumed = 0;
        QCOMPARE(parser.feed(request.constData(), std::size_t(request.size()), consumed),
                 Http::HttpRequestParser::State::Complete);
        QCOMPARE(consumed, std::size_t(request.size()));
        const Http::HttpRequest r = parser.take();
        QCOMPARE(QByteArray::fromStdString(r.body), body);
        QVERIFY(r.body.capacity() >= r.body.size() + Http::HttpRequest::BodySlack);
    }
    const QByteArray get = "GET /api/health HTTP/1.1\r\n\r\n";
    std::size_t consumed = 0;
    QCOMPARE(parser.feed(get.constData(), std::size_t(get.size()), consumed), Http::HttpRequestParser::State::Complete);
    QVERIFY(parser.take().body.empty());
}

void TestHttpServer::slowHeadersTimeOut()
{
    // Headers dribbled in get a deadline of their own, much shorter than a body's.
    TestHttp::Server server;
    Http::ServerOptions options;
    options.headerTimeoutMs = 200;
    QVERIFY(server.start(options));
    Client client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a");
    const auto r = client.read();
    QVERIFY(r);
    QCOMPARE(r->status, 408);
    QVERIFY(jsonOf(*r).value(u"error"_s).toString().contains(u"headers"_s));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::slowClientsDoNotKeepOthersOut()
{
    // More slow connections than the cap, each holding a request's first header bytes: clients that send
    // whole requests still get in, one after another, and are answered.
    TestHttp::Server server;
    Http::ServerOptions options;
    options.maxConnections = 64;
    options.reservedConnections = 8;
    QVERIFY(server.start(options));
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 110; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("POST /ingest HTTP/1.1\r\nHo");
        socket->flush();
        slow.push_back(std::move(socket));
    }
    QTRY_VERIFY(server.http->connectionCount() >= 56);
    for (int i = 0; i < 20; ++i) {
        Client legit;
        QVERIFY(legit.connectTo(server.port()));
        const auto r = legit.roundTrip(postIngest(tick(i)));
        QVERIFY2(r, qPrintable(u"request %1 got no answer"_s.arg(i)));
        QCOMPARE(r->status, 200);
        // And the slow ones keep coming.
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("POST /ingest HTTP/1.1\r\nHo");
        slow.push_back(std::move(socket));
    }
    QVERIFY(server.http->connectionCount() <= options.maxConnections);
    QCOMPARE(countRows(server.dbPath(), "SELECT count(*) FROM ticks"), 20);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
