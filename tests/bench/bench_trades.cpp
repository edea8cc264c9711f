// SPDX-License-Identifier: MIT
// GET /api/trades over a large trades table: TRADES (1,000,000) trades of 100 symbols over two years, then
// REQUESTS (200) requests of each shape on one keep-alive connection, timed from the request sent to the whole
// answer read (the first page, 100 trades): no filter, a ticker, a date range, both, and a page deep in.
//   bench_trades [trades] [requests]
#include "BenchHttp.h"
#include "api/RestApi.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "pipeline/Pipeline.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "storage/TradeStore.h"
#include "trading/DailyAnalysis.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

constexpr std::int64_t Start = 1'735'689'600'000'000LL; // 2025-01-01 UTC
constexpr std::int64_t TwoYears = 2 * 365 * 86'400'000'000LL;

/// Fills the trades table the quick way: one transaction of plain inserts, in time order.
void fillTrades(const QString &path, int count)
{
    auto writer = Storage::StorageWriter::open({path}); // creates the schema
    (*writer)->stop();
    writer->reset();
    auto db = Storage::SqliteDatabase::open(path);
    (*db)->exec("BEGIN");
    auto st = (*db)->prepare("INSERT INTO trades(symbol, side, quantity, price, fee, ts_us, order_id, note, "
                             "created_us) VALUES (?1, ?2, ?3, ?4, 1, ?5, NULL, '', ?5)");
    for (int i = 0; i < count; ++i) {
        const QByteArray symbol = "S" + QByteArray::number(i % 100);
        st->bindText(1, {symbol.constData(), std::size_t(symbol.size())});
        st->bindText(2, i / 100 % 2 ? "sell" : "buy");
        st->bind(3, 10.0);
        st->bind(4, 100.0 + (i % 1000) * 0.01);
        st->bind(5, std::int64_t(Start + TwoYears / count * i));
        st->step();
        st->reset();
    }
    (*db)->exec("COMMIT");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    const int requests = argc > 2 ? std::atoi(argv[2]) : 200;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trades.sqlite"));
    QElapsedTimer filling;
    filling.start();
    fillTrades(path, count);
    std::printf("%d trades stored in %.1f s\n", count, double(filling.elapsed()) / 1000);

    auto writer = Storage::StorageWriter::open({path});
    if (!writer)
        return 1;
    Pipeline::Pipeline pipeline({}, **writer);
    Api::RestApi api(path, pipeline);
    Http::HttpRouter router;
    api.install(router);
    Http::ServerOptions options;
    options.port = 0;
    Http::HttpServer server(options, router);
    if (!server.start())
        return 1;

    const int fd = BenchHttp::connectTo(server.port());
    std::string buffer, body;
    const std::pair<const char *, const char *> shapes[] = {
        {"no filter", "/api/trades"},
        {"ticker", "/api/trades?ticker=S42"},
        {"date range", "/api/trades?start_date=2026-03-01&end_date=2026-03-31"},
        {"ticker and dates", "/api/trades?ticker=S42&start_date=2026-03-01&end_date=2026-03-31&tz=America/New_York"},
        {"page 100 (offset 9,900)", "/api/trades?ticker=S42&offset=9900"},
    };
    for (const auto &[name, target] : shapes) {
        std::vector<double> ms;
        std::size_t bytes = 0;
        for (int i = 0; i < requests; ++i) {
            const std::string request = std::string("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            const auto begin = std::chrono::steady_clock::now();
            if (::write(fd, request.data(), request.size()) != ssize_t(request.size()) ||
                !BenchHttp::readResponse(fd, buffer, &body)) {
                std::printf("%s: the request failed\n", name);
                return 1;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
            bytes = body.size();
        }
        std::sort(ms.begin(), ms.end());
        std::printf("GET %-90s p50 %6.2f ms  p99 %6.2f ms  (%s, %zu bytes)\n", target, ms[ms.size() / 2],
                    ms[std::size_t(double(ms.size() - 1) * 0.99)], name, bytes);
    }
    ::close(fd);

    // The window's trade list and calendar read every trade and replay them (for the P/L each realized).
    QElapsedTimer reading;
    reading.start();
    auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
    auto stored = Storage::TradeStore::allStored(**db);
    const double readMs = double(reading.nsecsElapsed()) / 1e6;
    std::vector<Trading::Fill> fills;
    for (const Storage::StoredTrade &t : *stored)
        fills.push_back(t.fill);
    const auto days = Trading::analyzeByDay(Trading::replay(std::move(fills), QTimeZone::utc()));
    std::printf("every trade read in %.0f ms, replayed and analysed by day (%zu days) in %.0f ms in all\n", readMs,
                days.size(), double(reading.nsecsElapsed()) / 1e6);
    server.stopListening();
    api.stop();
    (*writer)->stop();
    server.stop();
    return 0;
}
