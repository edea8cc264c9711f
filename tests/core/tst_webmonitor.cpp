// SPDX-License-Identifier: MIT
// The web monitor's files as the HTTP server serves them: content types, the content security policy,
// caching, 404s, and the access token (the page needs none, the data does).

#include "HttpTestClient.h"

#include "http/BrowserGuard.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "web/WebMonitor.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestWebMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pageHasItsHeaders();
    void filesHaveTypesAndVersions();
    void unchangedFilesAnswer304();
    void symbolPages();
    void unknownFilesAre404();
    void pageIsPublicDataIsNot();
    void onlyGetIsServed();
    void missingChartLibraryIsNamed();
    void pageOnAnotherNameWithToken();

private:
    /// Serves the monitor (and one data route) with `token`, the chart library from `chartLibrary`.
    void serve(const QByteArray &token, const QString &chartLibrary);
    TestHttp::Response get(const QByteArray &path, const QByteArray &headers = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Http::HttpRouter> m_router;
    std::unique_ptr<Http::HttpServer> m_server;
    QString m_chartLibrary;
};

void TestWebMonitor::init()
{
    QVERIFY(m_dir.isValid());
    m_chartLibrary = m_dir.filePath(u"chart.min.js"_s);
    QFile library(m_chartLibrary);
    QVERIFY(library.open(QIODevice::WriteOnly));
    library.write("window.Chart = function () {};\n");
    library.close();
    serve({}, m_chartLibrary);
}

void TestWebMonitor::cleanup()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_router.reset();
}

void TestWebMonitor::serve(const QByteArray &token, const QString &chartLibrary)
{
    cleanup();
    m_router = std::make_unique<Http::HttpRouter>();
    m_router->add("GET", "/api/data", [](Http::HttpRequest &&, Http::HttpResponder responder) {
        responder.send(Http::HttpResponse::json(200, "{\"data\":1}"));
    });
    Web::MonitorOptions monitor;
    monitor.streamPort = 5679;
    monitor.chartLibrary = chartLibrary;
    Web::installMonitor(*m_router, monitor);
    Http::ServerOptions options;
    options.port = 0;
    options.accessToken = token;
    m_server = std::make_unique<Http::HttpServer>(options, *m_router);
    QVERIFY(m_server->start());
}

TestHttp::Response TestWebMonitor::get(const QByteArray &path, const QByteArray &headers)
{
    TestHttp::Client client;
    if (!client.connectTo(m_server->port()))
        return {};
    return client.roundTrip(TestHttp::request("GET", path, {}, {}, headers)).value_or(TestHttp::Response{});
}

void TestWebMonitor::pageHasItsHeaders()
{
    const TestHttp::Response page = get("/");
    QCOMPARE(page.status, 200);
    QCOMPARE(page.headers.value("content-type"), "text/html; charset=utf-8");
    const QByteArray csp = page.headers.value("content-security-policy");
    QVERIFY2(csp.contains("default-src 'none'"), csp);
    QVERIFY2(csp.contains("script-src 'self';"), csp); // no inline script, no eval
    QVERIFY2(csp.contains("style-src 'self';"), csp);
    QVERIFY2(csp.contains("connect-src 'self' ws://127.0.0.1:5679"), csp); // the stream, on its own port
    QVERIFY2(csp.contains("frame-ancestors 'none'"), csp);
    QCOMPARE(page.headers.value("x-content-type-options"), "nosniff");
    QCOMPARE(page.headers.value("cache-control"), "no-cache"); // the page itself is always asked for again
    QVERIFY(!page.headers.value("etag").isEmpty());
    QVERIFY(page.body.contains("<meta name=\"tickdesk-stream-port\" content=\"5679\">"));
    QVERIFY2(!page.body.contains("{{"), "every placeholder is filled");
    // Scripts come from files only: no inline code, no handlers in the markup.
    QVERIFY(!page.body.contains("<script>"));
    QVERIFY(!page.body.contains(" onclick="));
    QVERIFY(!page.body.contains(" style="));
    QVERIFY(!page.body.contains("http://") && !page.body.contains("https://")); // nothing from elsewhere
}

void TestWebMonitor::filesHaveTypesAndVersions()
{
    const TestHttp::Response page = get("/");
    const QList<QPair<QByteArray, QByteArray>> files{
        {"/web/api.js", "text/javascript; charset=utf-8"},     {"/web/candles.js", "text/javascript; charset=utf-8"},
        {"/web/monitor.js", "text/javascript; charset=utf-8"}, {"/web/chart.min.js", "text/javascript; charset=utf-8"},
        {"/web/monitor.css", "text/css; charset=utf-8"},       {"/web/icon.png", "image/png"}};
    for (const auto &[path, type] : files) {
        // The page links each file with its version; that link may be kept for good.
        const qsizetype at = page.body.indexOf(QByteArray(path + "?v="));
        QVERIFY2(at > 0, path);
        const QByteArray link = page.body.mid(at, page.body.indexOf('"', at) - at);
        const TestHttp::Response versioned = get(link);
        QCOMPARE(versioned.status, 200);
        QCOMPARE(versioned.headers.value("content-type"), type);
        QCOMPARE(versioned.headers.value("cache-control"), "public, max-age=31536000, immutable");
        QCOMPARE(versioned.headers.value("x-content-type-options"), "nosniff");
        // Without the version (or with an old one) it is asked for again each time.
        QCOMPARE(get(path).headers.value("cache-control"), "no-cache");
        QCOMPARE(get(path + "?v=0000").headers.value("cache-control"), "no-cache");
    }
    QCOMPARE(get("/web/chart.min.js").body, "window.Chart = function () {};\n");
    QCOMPARE(get("/favicon.ico").headers.value("content-type"), "image/png");
}

void TestWebMonitor::unchangedFilesAnswer304()
{
    const TestHttp::Response first = get("/web/monitor.js");
    const QByteArray etag = first.headers.value("etag");
    QVERIFY(etag.startsWith('"'));
    const TestHttp::Response again = get("/web/monitor.js", "If-None-Match: " + etag + "\r\n");
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(get("/web/monitor.js", "If-None-Match: \"old\", " + etag + "\r\n").status, 304);
    QCOMPARE(get("/web/monitor.js", "If-None-Match: \"old\"\r\n").status, 200);
}

void TestWebMonitor::symbolPages()
{
    const TestHttp::Response page = get("/monitor/AAPL");
    QCOMPARE(page.status, 200);
    QCOMPARE(page.body, get("/").body);
    QVERIFY(!page.headers.value("content-security-policy").isEmpty());
    QCOMPARE(get("/monitor/BRK.B").status, 200);
    QCOMPARE(get("/monitor/%5EGSPC").status, 200); // ^GSPC as a browser sends it
    QCOMPARE(get("/monitor/EURUSD%3DX").status, 200);
    const TestHttp::Response bad = get("/monitor/%3Cscript%3E");
    QCOMPARE(bad.status, 404);
    QVERIFY2(bad.body.contains("is not a symbol"), bad.body);
    QCOMPARE(get("/monitor/AAPL/x").status, 404);
}

void TestWebMonitor::unknownFilesAre404()
{
    const TestHttp::Response none = get("/web/nothing.js");
    QCOMPARE(none.status, 404);
    QVERIFY2(none.body.contains("no such file: /web/nothing.js"), none.body);
    QCOMPARE(get("/web/../CMakeLists.txt").status, 404);
    QCOMPARE(get("/index.php").status, 404);
}

void TestWebMonitor::pageIsPublicDataIsNot()
{
    serve("s3cret", m_chartLibrary);
    // The page must load before it can ask for the token; it holds no data.
    QCOMPARE(get("/").status, 200);
    QCOMPARE(get("/monitor/AAPL").status, 200);
    QCOMPARE(get("/web/monitor.js").status, 200);
    QCOMPARE(get("/web/chart.min.js").status, 200);
    // What it reads needs the token.
    QCOMPARE(get("/api/data").status, 401);
    QCOMPARE(get("/api/data", "X-TickDesk-Token: wrong\r\n").status, 401);
    QCOMPARE(get("/api/data", "X-TickDesk-Token: s3cret\r\n").status, 200);
    // A file name under /web/ does not open anything else.
    QCOMPARE(get("/web/../api/data").status, 404);
}

void TestWebMonitor::onlyGetIsServed()
{
    TestHttp::Client client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto post = client.roundTrip(TestHttp::request("POST", "/", "{}"));
    QVERIFY(post);
    QCOMPARE(post->status, 405);
    serve("s3cret", m_chartLibrary);
    TestHttp::Client locked;
    QVERIFY(locked.connectTo(m_server->port()));
    // Public means GET only: anything else still needs the token.
    const auto put = locked.roundTrip(TestHttp::request("PUT", "/web/monitor.js", "{}"));
    QVERIFY(put);
    QCOMPARE(put->status, 401);
}

void TestWebMonitor::missingChartLibraryIsNamed()
{
    serve({}, m_dir.filePath(u"absent.js"_s));
    const TestHttp::Response library = get("/web/chart.min.js");
    QCOMPARE(library.status, 404);
    QVERIFY2(library.body.contains("libjs-chart.js"), library.body);
    QCOMPARE(get("/").status, 200); // the rest of the page still works
}

void TestWebMonitor::pageOnAnotherNameWithToken()
{
    // Without a token, only this machine's loopback names; a page from a phone on the LAN needs the token, and
    // then may reach the stream under the address it used.
    const Http::BrowserGuard open(5000, QHostAddress::LocalHost, {}, false);
    QVERIFY(open.allowsOrigin("http://127.0.0.1:5000"));
    QVERIFY(!open.allowsOrigin("http://192.168.1.20:5000"));
    QVERIFY(!open.refusal("192.168.1.20:5000", {}).isEmpty());
    const Http::BrowserGuard locked(5000, QHostAddress::AnyIPv4, {}, true);
    QVERIFY(locked.allowsOrigin("http://192.168.1.20:5000"));
    QVERIFY(locked.refusal("192.168.1.20:5000", "http://192.168.1.20:5000").isEmpty());
    QVERIFY(!locked.allowsOrigin("http://192.168.1.20:8080")); // another page on that machine: no
    QVERIFY(!locked.allowsOrigin("https://evil.example"));
}

QTEST_GUILESS_MAIN(TestWebMonitor)
#include "tst_webmonitor.moc"
