// SPDX-License-Identifier: MIT
// The web monitor in headless Chromium against a running TickDesk fed by its simulator: how long from
// navigation to the first drawn chart, and the browser's frame times while the page follows the feed live.
//   bench_web [RECORDS_PER_SECOND=2000] [SECONDS=10] [LOADS=10]

#include "../core/AppProcess.h"
#include "../core/Browser.h"
#include "../core/HttpTestClient.h"
#include "BenchData.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using Bench::percentile;

namespace {

/// Milliseconds from navigation to the page's first chart (its own performance mark), or -1.
double firstChartMs(TestBrowser::Browser &browser, const QString &url)
{
    if (!browser.navigate(url))
        return -1;
    double ms = -1;
    (void)QTest::qWaitFor(
        [&] {
            ms = browser
                     .evaluate(
                         u"(performance.getEntriesByName('tickdesk-first-chart')[0] || {startTime: -1}).startTime"_s)
                     .toDouble(-1);
            return ms >= 0;
        },
        20000);
    return ms;
}

/// The renderer's main-thread time so far (seconds), as Chromium counts it.
double taskSeconds(TestBrowser::Browser &browser)
{
    const QJsonObject reply = browser.call(u"Performance.getMetrics"_s);
    for (const QJsonValue m : reply[u"result"_s].toObject()[u"metrics"_s].toArray())
        if (m[u"name"_s].toString() == u"TaskDuration"_s)
            return m[u"value"_s].toDouble();
    return 0;
}

/// The last half hour of AAPL in ten-second steps, so that the chart opens full.
bool postHistory(quint16 port)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray body = "[";
    double price = 100;
    for (qint64 t = now - 1800; t < now - 5; t += 10) {
        const double next = price * (1 + 0.002 * std::sin(double(t) / 97.0));
        body += u"{\"stock_symbol\":\"AAPL\",\"opening_price\":%1,\"closing_price\":%2,\"high\":%3,\"low\":%4,"
                "\"volume\":100,\"timestamp\":%5},"_s.arg(price)
                    .arg(next)
                    .arg(std::max(price, next) + 0.05)
                    .arg(std::min(price, next) - 0.05)
                    .arg(t)
                    .toUtf8();
        price = next;
    }
    body.back() = ']';
    TestHttp::Client client;
    if (!client.connectTo(port))
        return false;
    const auto response = client.roundTrip(TestHttp::request("POST", "/ingest", body));
    return response && response->status == 200;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rate = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
    const int loads = argc > 3 ? std::atoi(argv[3]) : 10;

    QTemporaryDir dir;
    const QString database = dir.filePath(u"web.sqlite"_s);
    {
        // The history first, on its own: records posted behind the simulator's would be late.
        TestApp::Process history;
        if (!history.start({u"--db"_s, database}) || !postHistory(history.port())) {
            std::fprintf(stderr, "the history was not stored: %s\n", history.log().constData());
            return 1;
        }
        history.process().terminate();
        history.process().waitForFinished(30000);
    }
    TestApp::Process tickdesk;
    if (!tickdesk.start({u"--db"_s, database, u"--simulate"_s, u"--rate"_s, QString::number(rate), u"--seed"_s, u"7"_s,
                         u"--rules-timeframe"_s, u"record"_s})) {
        std::fprintf(stderr, "tickdesk did not start: %s\n", tickdesk.log().constData());
        return 1;
    }
    TestBrowser::Browser browser;
    if (const QString error = browser.start(QSize(1400, 1000)); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString page = u"http://127.0.0.1:%1/monitor/AAPL"_s.arg(tickdesk.port());
    const double cold = firstChartMs(browser, page);
    std::vector<double> warm;
    for (int i = 0; i < loads; ++i)
        warm.push_back(firstChartMs(browser, page));
    std::printf("web monitor at %d records/s (%s)\n", rate, qPrintable(page));
    std::printf("  page load to first chart: first %.0f ms (files not cached), then p50 %.0f ms, max %.0f ms "
                "over %d loads\n",
                cold, percentile(warm, 0.5), percentile(warm, 1.0), loads);

    // The liveliest chart: 10-second candles, each record of the symbol a bar message.
    browser.evaluate(u"document.querySelector('#timeframes [data-timeframe=\"10s\"]').click(), true"_s);
    (void)QTest::qWaitFor(
        [&] {
            return browser.evaluate(u"document.getElementById('chart').dataset.timeframe"_s).toString() == u"10s"_s;
        },
        10000);
    browser.call(u"Performance.enable"_s);
    const double busy0 = taskSeconds(browser);
    const QJsonValue result =
        browser.evaluate(u"new Promise(done => {"
                         "  const deltas = []; let last = performance.now(); let longTasks = 0, longMs = 0;"
                         "  const observer = new PerformanceObserver(list => { for (const e of list.getEntries()) { "
                         "longTasks++; longMs += e.duration; } });"
                         "  try { observer.observe({entryTypes: ['longtask']}); } catch (e) {}"
                         "  const heap0 = performance.memory ? performance.memory.usedJSHeapSize : 0;"
                         "  const end = last + %1 * 1000;"
                         "  function frame(now) { deltas.push(now - last); last = now;"
                         "    if (now < end) requestAnimationFrame(frame);"
                         "    else { observer.disconnect(); done({deltas, longTasks, longMs, heap0,"
                         "      heap1: performance.memory ? performance.memory.usedJSHeapSize : 0,"
                         "      candles: Number(document.getElementById('chart').dataset.candles),"
                         "      rows: document.querySelectorAll('#signals tbody tr').length}); } }"
                         "  requestAnimationFrame(frame); })"_s.arg(seconds));
    const double busy = taskSeconds(browser) - busy0;
    const QJsonObject o = result.toObject();
    std::vector<double> deltas;
    for (const QJsonValue v : o.value(u"deltas"_s).toArray())
        deltas.push_back(v.toDouble());
    const auto slow = std::count_if(deltas.begin(), deltas.end(), [](double d) { return d > 50; });
    std::printf("  frames over %d s: %zu (%.1f/s); frame time p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
                "%lld frames over 50 ms\n",
                seconds, deltas.size(), double(deltas.size()) / seconds, percentile(deltas, 0.5),
                percentile(deltas, 0.95), percentile(deltas, 0.99), percentile(deltas, 1.0), qint64(slow));
    std::printf("  long tasks (over 50 ms on the page's thread): %d, %.0f ms in all; JS heap %.1f -> %.1f MB; "
                "%d candles, %d signal rows\n",
                o.value(u"longTasks"_s).toInt(), o.value(u"longMs"_s).toDouble(), o.value(u"heap0"_s).toDouble() / 1e6,
                o.value(u"heap1"_s).toDouble() / 1e6, o.value(u"candles"_s).toInt(), o.value(u"rows"_s).toInt());
    std::printf("  the page's main thread busy %.0f ms a second (%.1f %%)\n", busy * 1000 / seconds,
                busy * 100 / seconds);

    // From a POST to its signal's row on the page: two records of a new symbol make a price-move alert; the page
    // notes when the row appears, on its own clock, from just before the POST.
    std::vector<double> shown;
    for (int i = 0; i < 20; ++i) {
        const QString symbol = u"WEB%1"_s.arg(i);
        browser.evaluate(
            u"window.seenAt = 0; window.postedAt = performance.now();"
            "new MutationObserver((list, observer) => {"
            "  if ([...document.querySelectorAll('#signals tbody td.symbol')].some(c => c.textContent === '%1')) {"
            "    window.seenAt = performance.now(); observer.disconnect(); } })"
            ".observe(document.querySelector('#signals tbody'), {childList: true}); true"_s.arg(symbol));
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const QByteArray records =
            u"[{\"stock_symbol\":\"%1\",\"opening_price\":100,\"closing_price\":100,\"high\":100,\"low\":100,"
            "\"volume\":1,\"timestamp\":%2},{\"stock_symbol\":\"%1\",\"opening_price\":100,\"closing_price\":104,"
            "\"high\":104,\"low\":100,\"volume\":1,\"timestamp\":%3}]"_s.arg(symbol)
                .arg(now - 1, 0, 'f', 3)
                .arg(now, 0, 'f', 3)
                .toUtf8();
        TestHttp::Client client;
        if (!client.connectTo(tickdesk.port()) || !client.roundTrip(TestHttp::request("POST", "/ingest", records)))
            break;
        if (!QTest::qWaitFor([&] { return browser.evaluate(u"window.seenAt"_s).toDouble() > 0; }, 10000))
            break;
        shown.push_back(browser.evaluate(u"window.seenAt - window.postedAt"_s).toDouble());
    }
    std::printf("  POST /ingest to its signal on the page: p50 %.1f ms, max %.1f ms over %zu signals\n",
                percentile(shown, 0.5), percentile(shown, 1.0), shown.size());
    const QStringList errors = browser.errors();
    if (!errors.isEmpty())
        std::printf("  page errors: %s\n", qPrintable(errors.join(u"; "_s)));
    return 0;
}
