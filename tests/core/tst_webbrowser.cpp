// SPDX-License-Identifier: MIT
// The web monitor in a real browser: headless Chromium loads the page from a running TickDesk fed by its
// simulator, and the test reads the page's DOM: the watchlist, the candles, a signal posted through
// /ingest arriving live, a symbol's page, a phone's width, the access token, and no console errors.

#include "AppProcess.h"
#include "Browser.h"
#include "HttpTestClient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWebBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void watchlistListsTheSymbols();
    void chartHasCandles();
    void postedSignalAppearsLive();
    void symbolPageShowsItsChart();
    void fitsAPhone();
    void screenshotIsNotBlank();
    void daysOnTheTimeAxis();
    void noConsoleErrors();
    void tokenIsAskedOnce();
    void restartIsSeenAndRecovered();

private:
    QString url(const QString &path = u"/"_s) const { return u"http://127.0.0.1:%1%2"_s.arg(m_app.port()).arg(path); }
    int rows(const char *table)
    {
        return m_browser.evaluate(u"document.querySelectorAll('#%1 tbody tr').length"_s.arg(QLatin1String(table)))
            .toInt();
    }
    QString text(const QString &selector)
    {
        return m_browser.evaluate(u"(document.querySelector(\"%1\") || {}).textContent || ''"_s.arg(selector))
            .toString();
    }

    QTemporaryDir m_dir;
    TestApp::Process m_app;
    TestBrowser::Browser m_browser;
};

void TestWebBrowser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Rules on every record, so that two posted records make a price-move alert at once.
    QVERIFY2(m_app.start({u"--db"_s, m_dir.filePath(u"web.sqlite"_s), u"--simulate"_s, u"--rate"_s, u"200"_s,
                          u"--seed"_s, u"7"_s, u"--rules-timeframe"_s, u"record"_s}),
             m_app.log().constData());
    const QString error = m_browser.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_browser.navigate(url()));
}

void TestWebBrowser::watchlistListsTheSymbols()
{
    QTRY_COMPARE_WITH_TIMEOUT(rows("watchlist"), 5, 15000);
    const QStringList symbols =
        m_browser.evaluate(u"[...document.querySelectorAll('#watchlist tbody tr')].map(r => r.dataset.symbol).join()"_s)
            .toString()
            .split(u',');
    QCOMPARE(symbols, (QStringList{u"AAPL"_s, u"AMZN"_s, u"GOOGL"_s, u"MSFT"_s, u"TSLA"_s}));
    // Each row has a price and the link is live.
    QVERIFY(!text(u"#watchlist tbody tr td.num"_s).contains(u'–'));
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('link').dataset.state"_s).toString(),
                              u"live"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('feed').dataset.state"_s).toString(),
                              u"live"_s, 10000);
}

void TestWebBrowser::chartHasCandles()
{
    // The first symbol's chart, drawn by Chart.js: candles from the REST API, more as bars stream in.
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('chart').dataset.symbol"_s).toString(),
                              u"AAPL"_s, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 1, 15000);
    QVERIFY(m_browser.evaluate(u"typeof Chart"_s).toString() == u"function"_s);
    QVERIFY(m_browser.evaluate(u"document.getElementById('chart').width > 0"_s).toBool());
    // A shorter timeframe shows more candles as the simulator runs on.
    QVERIFY(
        m_browser.evaluate(u"document.querySelector('#timeframes [data-timeframe=\"10s\"]').click(), true"_s).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('chart').dataset.timeframe"_s).toString(),
                              u"10s"_s, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 2, 30000);
}

void TestWebBrowser::postedSignalAppearsLive()
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const QByteArray records =
        u"[{\"stock_symbol\":\"WEBT\",\"opening_price\":100,\"closing_price\":100,\"high\":100,\"low\":100,"
        "\"volume\":10,\"timestamp\":%1},"
        "{\"stock_symbol\":\"WEBT\",\"opening_price\":100,\"closing_price\":104,\"high\":104,\"low\":100,"
        "\"volume\":10,\"timestamp\":%2}]"_s.arg(now - 1, 0, 'f', 3)
            .arg(now, 0, 'f', 3)
            .toUtf8();
    TestHttp::Client client;
    QVERIFY(client.connectTo(m_app.port()));
    QElapsedTimer posted;
    posted.start();
    const auto response = client.roundTrip(TestHttp::request("POST", "/ingest", records));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    // Pushed by the stream as it was stored, not read by a request (the list is read only when the filters change
    // or the stream reconnects): there within a second of the 200.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser
            .evaluate(
                u"[...document.querySelectorAll('#signals tbody td.symbol')].some(c => c.textContent === 'WEBT')"_s)
            .toBool(),
        1000);
    qInfo("signal shown %lld ms after the POST", qint64(posted.elapsed()));
    // The simulator's signals arrive too and may already sit above it: read the posted symbol's row.
    const QString webtRow = u"[...document.querySelectorAll('#signals tbody tr')]"
                            ".find(r => (r.querySelector('td.symbol') || {}).textContent === 'WEBT')"_s;
    QCOMPARE(m_browser.evaluate(webtRow + u".dataset.live"_s).toString(), u"true"_s);
    QCOMPARE(m_browser.evaluate(webtRow + u".querySelector('td.side').textContent"_s).toString(), u"alert"_s);
    QVERIFY(m_browser.evaluate(webtRow + u".textContent"_s).toString().contains(u"price_move"_s));
    // The filters narrow the list.
    m_browser.evaluate(u"(() => { const s = document.querySelector('#signal-filters [name=side]'); s.value = 'buy';"
                       " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_browser
             .evaluate(
                 u"[...document.querySelectorAll('#signals tbody td.symbol')].some(c => c.textContent === 'WEBT')"_s)
             .toBool(),
        5000);
    m_browser.evaluate(u"(() => { const s = document.querySelector('#signal-filters [name=side]'); s.value = '';"
                       " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()"_s);
}

void TestWebBrowser::symbolPageShowsItsChart()
{
    // A click on the watchlist row opens that symbol's chart, with the signal as a marker, at its own address.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"!!document.querySelector('#watchlist tr[data-symbol=WEBT]')"_s).toBool(), 5000);
    m_browser.evaluate(u"document.querySelector('#watchlist tr[data-symbol=WEBT]').click(), true"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('chart').dataset.symbol"_s).toString(),
                              u"WEBT"_s, 10000);
    QCOMPARE(m_browser.evaluate(u"location.pathname"_s).toString(), u"/monitor/WEBT"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.markers)"_s).toInt() >= 1, 10000);
    // Opened directly, the address shows the same.
    QVERIFY(m_browser.navigate(url(u"/monitor/WEBT"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('chart').dataset.symbol"_s).toString(),
                              u"WEBT"_s, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 1, 10000);
    QCOMPARE(text(u"#chart-title"_s), u"WEBT"_s);
}

void TestWebBrowser::fitsAPhone()
{
    m_browser.emulate(QSize(390, 844), true);
    QVERIFY(m_browser.navigate(url()));
    QTRY_COMPARE_WITH_TIMEOUT(rows("watchlist"), 6, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 1, 10000);
    // Nothing wider than the screen: no sideways scrolling of the page.
    QVERIFY2(m_browser.evaluate(u"document.documentElement.scrollWidth"_s).toInt() <= 390,
             qPrintable(QString::number(m_browser.evaluate(u"document.documentElement.scrollWidth"_s).toInt())));
    QVERIFY(m_browser.evaluate(u"document.getElementById('chart').getBoundingClientRect().width"_s).toDouble() > 300);
    const QImage phone = m_browser.screenshot();
    QCOMPARE(phone.width(), 390);
    phone.save(u"web-monitor-phone.png"_s);
    m_browser.emulate({}, false);
}

void TestWebBrowser::screenshotIsNotBlank()
{
    QVERIFY(m_browser.navigate(url(u"/monitor/AAPL"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rows("watchlist"), 6, 15000);
    const QImage shot = m_browser.screenshot();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(u"web-monitor.png"_s));
    // Many colours (text, lines, candles), and candles in the theme's rising or falling colour.
    QSet<QRgb> colours;
    qsizetype candle = 0;
    for (int y = 0; y < shot.height(); y += 2)
        for (int x = 0; x < shot.width(); x += 2) {
            const QRgb c = shot.pixel(x, y) & 0xffffff;
            colours.insert(c);
            candle += c == 0x26a69a || c == 0xef5350;
        }
    QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
    QVERIFY2(candle > 20, qPrintable(QString::number(candle)));
}

void TestWebBrowser::daysOnTheTimeAxis()
{
    // Imported daily history seen on a minute chart: each bar a day, so the axis says which (not 00:00 each time).
    const qint64 midnight = QDateTime::currentSecsSinceEpoch() / 86400 * 86400;
    QByteArray days = "[";
    for (int d = 3; d >= 1; --d)
        days += u"{\"stock_symbol\":\"DAYS\",\"opening_price\":50,\"closing_price\":51,\"high\":52,\"low\":49,"
                "\"volume\":10,\"timestamp\":%1},"_s.arg(midnight - d * 86400)
                    .toUtf8();
    days.back() = ']';
    TestHttp::Client client;
    QVERIFY(client.connectTo(m_app.port()));
    QCOMPARE(client.roundTrip(TestHttp::request("POST", "/ingest", days))->status, 200);
    QVERIFY(m_browser.navigate(url(u"/monitor/DAYS"_s)));
    m_browser.evaluate(u"document.querySelector('#timeframes [data-timeframe=\"1m\"]').click(), true"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt(),
                              3, 10000);
    const QStringList labels =
        m_browser.evaluate(u"Chart.getChart(document.getElementById('chart')).data.labels.join()"_s)
            .toString()
            .split(u',');
    QCOMPARE(labels.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(labels[i],
                 QDateTime::fromSecsSinceEpoch(midnight - (3 - i) * 86400).toLocalTime().toString(u"yyyy-MM-dd"_s));
}

void TestWebBrowser::noConsoleErrors()
{
    QVERIFY2(m_browser.errors().isEmpty(), qPrintable(m_browser.errors().join(u'\n')));
}

void TestWebBrowser::tokenIsAskedOnce()
{
    TestApp::Process locked;
    QVERIFY2(locked.start({u"--db"_s, m_dir.filePath(u"locked.sqlite"_s), u"--simulate"_s, u"--rate"_s, u"100"_s,
                           u"--token"_s, u"s3cret"_s}),
             locked.log().constData());
    const QString page = u"http://127.0.0.1:%1/"_s.arg(locked.port());
    QVERIFY(m_browser.navigate(page));
    QTRY_VERIFY_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('token-dialog').open"_s).toBool(), 10000);
    QCOMPARE(rows("watchlist"), 0);
    QCOMPARE(m_browser.evaluate(u"document.getElementById('link').dataset.state"_s).toString(), u"locked"_s);
    m_browser.evaluate(u"document.getElementById('token-input').value = 's3cret';"
                       "document.getElementById('token-form').requestSubmit(), true"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rows("watchlist") >= 1, 15000);
    QVERIFY(!m_browser.evaluate(u"document.getElementById('token-dialog').open"_s).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('link').dataset.state"_s).toString(),
                              u"live"_s, 10000);
    // Kept for the tab: a reload asks no more.
    QVERIFY(m_browser.navigate(page));
    QTRY_VERIFY_WITH_TIMEOUT(rows("watchlist") >= 1, 15000);
    QVERIFY(!m_browser.evaluate(u"document.getElementById('token-dialog').open"_s).toBool());
    QCOMPARE(m_browser.evaluate(u"sessionStorage.getItem('tickdesk-token')"_s).toString(), u"s3cret"_s);
}

void TestWebBrowser::restartIsSeenAndRecovered()
{
    // TickDesk stopped with the page open: the page says since when it is offline and dims what it shows; started
    // again (same ports, same database), the page is live again by itself and reads the chart afresh.
    quint16 ports[2] = {};
    for (quint16 &port : ports) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QStringList arguments{
        u"--headless"_s, u"--db"_s,   m_dir.filePath(u"restart.sqlite"_s), u"--simulate"_s, u"--rate"_s,
        u"100"_s,        u"--port"_s, QString::number(ports[0]),           u"--ws-port"_s,  QString::number(ports[1])};
    const auto startOn = [&](TestApp::Process &process) {
        process.process().setProgram(QStringLiteral(TICKDESK_BINARY));
        process.process().setArguments(arguments);
        process.process().start();
        return process.process().waitForStarted(10000);
    };
    const QString page = u"http://127.0.0.1:%1/monitor/AAPL"_s.arg(ports[0]);
    {
        TestApp::Process first;
        QVERIFY(startOn(first));
        QTRY_VERIFY_WITH_TIMEOUT(m_browser.navigate(page), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('link').dataset.state"_s).toString(),
                                  u"live"_s, 15000);
        first.process().terminate();
        QVERIFY(first.process().waitForFinished(20000));
    }
    QTRY_VERIFY_WITH_TIMEOUT(text(u"#link"_s).contains(u"since"_s), 15000);
    QVERIFY(m_browser.evaluate(u"document.body.classList.contains('stale')"_s).toBool());
    m_browser.clearErrors(); // the refused connections while it is away are the browser's to report
    TestApp::Process second;
    QVERIFY(startOn(second));
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.evaluate(u"document.getElementById('link').dataset.state"_s).toString(),
                              u"live"_s, 30000);
    QVERIFY(!m_browser.evaluate(u"document.body.classList.contains('stale')"_s).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_browser.evaluate(u"Number(document.getElementById('chart').dataset.candles)"_s).toInt() >= 1, 15000);
}

QTEST_GUILESS_MAIN(TestWebBrowser)
#include "tst_webbrowser.moc"
