// SPDX-License-Identifier: MIT
// Receive-to-signal latency over HTTP at a fixed offered rate: POSTs of BATCH records (1: single-record
// requests) from CONNECTIONS (16) keep-alive connections, paced to RATE records/s in total, with
// prices that raise a price_move alert about every tenth tick. Each signal's
// latency runs from the moment the I/O thread woke to read its request (whole)
// to the moment the signal was committed and published. Each connection waits for its answer before it
// sends again, so a rate its connections cannot keep up is achieved only in part (the figure printed).
//   [BENCH_FEEDERS=0] bench_latency [RATE] [SECONDS] [CONNECTIONS] [BATCH]
#include "BenchHttp.h"
#include "BenchIngestServer.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "util/Feeders.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using BenchHttp::connectTo;
using BenchHttp::readResponse;

void appendNumber(std::string &out, std::int64_t value)
{
    char text[24];
    out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rate = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
    const int Connections = argc > 3 ? std::atoi(argv[3]) : 16;
    const int Batch = std::max(1, argc > 4 ? std::atoi(argv[4]) : 1);
    constexpr int Symbols = 50;

    QTemporaryDir dir;
    // As the application wires them: a small commit's wait for more ends when the I/O threads are idle.
    // BENCH_FEEDERS=0 leaves them out, so that each such commit waits its whole time, as it did before.
    Util::Feeders feeders;
    const bool wireFeeders = qEnvironmentVariable("BENCH_FEEDERS") != QStringLiteral("0");
    auto writer = Storage::StorageWriter::open({dir.filePath(QStringLiteral("latency.sqlite"))});
    if (!writer)
        return 1;
    if (wireFeeders)
        (*writer)->setFeeders(&feeders);
    // The rules decide on every record (--rules-timeframe record) with no cooldown, so that the price moves
    // raise signals as they arrive; on one-minute bars none would close within the run.
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record();
    options.rules.cooldownSeconds = 0;
    Pipeline::Pipeline pipeline(options, **writer);
    std::mutex mutex;
    std::vector<qint64> latencies;
    QObject::connect(
        &pipeline, &Pipeline::Pipeline::signalsPublished, &pipeline,
        [&](const Model::SignalList &signals) {
            std::lock_guard lock(mutex);
            for (const auto &s : signals)
                latencies.push_back(s.latencyNs());
        },
        Qt::DirectConnection);
    pipeline.start();
    BenchHttp::IngestServer ingest(pipeline);
    Http::HttpServer &server = ingest.server();
    if (wireFeeders)
        server.setFeeders(&feeders);
    if (!server.start())
        return 1;

    std::atomic<std::uint64_t> sent{0};
    std::atomic<std::uint64_t> failed{0};
    const auto start = Clock::now();
    const auto stop = start + std::chrono::seconds(seconds);
    const auto period = std::chrono::nanoseconds(1'000'000'000LL * Connections * Batch / rate);
    std::vector<std::thread> clients;
    for (int c = 0; c < Connections; ++c) {
        clients.emplace_back([&, c] {
            const int fd = connectTo(server.port());
            std::string buffer;
            std::string body;
            std::string request;
            auto next = start + period * c / Connections;
            std::int64_t i = 0;
            while (Clock::now() < stop) {
                std::this_thread::sleep_until(next);
                next += period;
                body.clear();
                if (Batch > 1)
                    body += '[';
                for (int r = 0; r < Batch; ++r, ++i) {
                    // Each connection owns its symbols; every tenth tick jumps 3 % and back.
                    const int symbol = c + Connections * int(i % (Symbols / Connections + 1));
                    const std::int64_t tick = i / (Symbols / Connections + 1);
                    // Put together without printf, which took a fifth of both cores at 50,000 records/s: the
                    // clients share them with the server.
                    const std::string_view price = (tick / 10) % 2 ? "103.00" : "100.00";
                    if (r > 0)
                        body += ',';
                    body += "{\"stock_symbol\":\"L";
                    appendNumber(body, symbol);
                    for (const std::string_view field :
                         {"\",\"opening_price\":", ",\"closing_price\":", ",\"high\":", ",\"low\":"}) {
                        body += field;
                        body += price;
                    }
                    body += ",\"volume\":100,\"timestamp\":";
                    appendNumber(body, 1700000000 + tick);
                    body += '}';
                }
                if (Batch > 1)
                    body += ']';
                request.assign("POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: ");
                appendNumber(request, std::int64_t(body.size()));
                request += "\r\n\r\n";
                request += body;
                if (::write(fd, request.data(), request.size()) != ssize_t(request.size()) || !readResponse(fd, buffer))
                    failed.fetch_add(1);
                sent.fetch_add(std::uint64_t(Batch));
            }
            ::close(fd);
        });
    }
    for (auto &t : clients)
        t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    server.stopListening();
    pipeline.stop();
    (*writer)->stop();
    server.stop();

    std::lock_guard lock(mutex);
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.empty() ? 0.0 : double(latencies[std::size_t(q * double(latencies.size() - 1))]) / 1000.0;
    };
    std::printf("receive-to-signal over HTTP: offered %d records/s for %d s from %d connections, %d a request\n", rate,
                seconds, Connections, Batch);
    std::printf("  achieved %.0f records/s, %llu requests failed; %zu signals\n", double(sent.load()) / elapsed,
                static_cast<unsigned long long>(failed.load()), latencies.size());
    std::printf("  latency p50 %.0f us, p99 %.0f us, max %.0f us\n", at(0.5), at(0.99), at(1.0));
    const auto &stored = (*writer)->stats().receiveToStored;
    std::printf("  receive-to-commit of every request (histogram): p50 %.0f us, p99 %.0f us; %llu commits\n",
                stored.quantileSeconds(0.5) * 1e6, stored.quantileSeconds(0.99) * 1e6,
                static_cast<unsigned long long>((*writer)->stats().commits.load()));
    return 0;
}
