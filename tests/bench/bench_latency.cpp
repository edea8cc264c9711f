// SPDX-License-Identifier: MIT
// Receive-to-signal latency over HTTP at a fixed offered rate: POSTs of BATCH records (1: single-record
// requests) from CONNECTIONS (16) keep-alive connections, paced to RATE records/s in total, with
// prices that raise a price_move alert about every tenth tick. Each signal's
// latency runs from the moment the I/O thread woke to read its request (whole)
// to the moment the signal was committed and published. Each connection waits for its answer before it
// sends again, so a rate its connections cannot keep up is achieved only in part (the figure printed).
// With BENCH_PAUSES=1 a PauseWatch runs beside it (a real-time thread woken every millisecond, which itself
// adds to the latency): the signals whose way from receive to publish spans a moment when the machine stopped
// the whole process are counted apart, with the p99 of the others and where in each 100 ms of the clock the
// pauses end (a host that throttles the machine's CPU time by period ends them all at one point of it).
//   [BENCH_FEEDERS=0] [BENCH_PAUSES=1] [BENCH_CLIENT=idle] [BENCH_POLL=US] [BENCH_GATHER=US]
//   bench_latency [RATE] [SECONDS] [CONNECTIONS] [BATCH]
#include "BenchHttp.h"
#include "BenchIngestServer.h"
#include "PauseWatch.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "util/Feeders.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
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
    Storage::WriterOptions writerOptions{dir.filePath(QStringLiteral("latency.sqlite"))};
    // BENCH_POLL=US: how long the writer watches for the next job after a commit (0: it sleeps at once).
    if (const QString poll = qEnvironmentVariable("BENCH_POLL"); !poll.isEmpty())
        writerOptions.pollTime = std::chrono::microseconds(poll.toInt());
    // BENCH_GATHER=US: how long a small commit waits for more (0: never).
    if (const QString gather = qEnvironmentVariable("BENCH_GATHER"); !gather.isEmpty())
        writerOptions.gatherTime = std::chrono::microseconds(gather.toInt());
    auto writer = Storage::StorageWriter::open(writerOptions);
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
    struct Span
    {
        qint64 receivedNs;
        qint64 publishedNs;
    };
    std::vector<Span> spans;
    QObject::connect(
        &pipeline, &Pipeline::Pipeline::signalsPublished, &pipeline,
        [&](const Model::SignalList &signals) {
            std::lock_guard lock(mutex);
            for (const auto &s : signals)
                if (s.latencyNs() > 0)
                    spans.push_back({s.receivedNs, s.publishedNs});
        },
        Qt::DirectConnection);
    pipeline.start();
    BenchHttp::IngestServer ingest(pipeline);
    Http::HttpServer &server = ingest.server();
    if (wireFeeders)
        server.setFeeders(&feeders);
    if (!server.start())
        return 1;

    std::optional<PauseWatch> pauses;
    if (qEnvironmentVariable("BENCH_PAUSES") == QStringLiteral("1"))
        pauses.emplace();
    // BENCH_CLIENT=idle: the clients' threads run only when the server's have nothing to do, as a feed sending from
    // another machine would leave the cores to it (the latency is still the server's, receive to publish).
    const bool clientsYield = qEnvironmentVariable("BENCH_CLIENT") == QStringLiteral("idle");
    std::atomic<std::uint64_t> sent{0};
    std::atomic<std::uint64_t> failed{0};
    const auto start = Clock::now();
    const auto stop = start + std::chrono::seconds(seconds);
    const auto period = std::chrono::nanoseconds(1'000'000'000LL * Connections * Batch / rate);
    std::vector<std::thread> clients;
    for (int c = 0; c < Connections; ++c) {
        clients.emplace_back([&, c] {
            if (clientsYield) {
                sched_param none{};
                ::sched_setscheduler(0, SCHED_IDLE, &none); // this thread only
            }
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
    if (pauses)
        pauses->stop();

    std::lock_guard lock(mutex);
    std::vector<qint64> latencies;
    std::vector<qint64> apart; // of the signals that no pause of the machine held
    std::size_t slowInPause = 0;
    std::size_t slow = 0;
    for (const Span &s : spans) {
        const qint64 latency = s.publishedNs - s.receivedNs;
        const bool paused = pauses && pauses->overlaps(s.receivedNs, s.publishedNs);
        latencies.push_back(latency);
        if (!paused)
            apart.push_back(latency);
        slow += latency > 1'000'000;
        slowInPause += paused && latency > 1'000'000;
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(apart.begin(), apart.end());
    const auto quantile = [](const std::vector<qint64> &sorted, double q) {
        return sorted.empty() ? 0.0 : double(sorted[std::size_t(q * double(sorted.size() - 1))]) / 1000.0;
    };
    const double p50 = quantile(latencies, 0.5);
    const double p99 = quantile(latencies, 0.99);
    const double longest = quantile(latencies, 1.0);
    std::printf("receive-to-signal over HTTP: offered %d records/s for %d s from %d connections, %d a request%s\n",
                rate, seconds, Connections, Batch, clientsYield ? ", the clients yielding the cores" : "");
    std::printf("  achieved %.0f records/s, %llu requests failed; %zu signals\n", double(sent.load()) / elapsed,
                static_cast<unsigned long long>(failed.load()), latencies.size());
    std::printf("  latency p50 %.0f us, p99 %.0f us, max %.0f us\n", p50, p99, longest);
    std::printf("  signals over 1 ms: %zu (%.2f %%)\n", slow,
                100.0 * double(slow) / double(std::max<std::size_t>(1, latencies.size())));
    if (pauses) {
        std::printf("  machine pauses (a thread%s woken every ms, over %lld ms late): %zu, %.1f ms in all, longest "
                    "%.1f ms\n",
                    pauses->realTime() ? " of real-time priority" : "", PauseWatch::PauseNs / 1'000'000LL,
                    pauses->pauses().size(), double(pauses->totalNs()) / 1e6, double(pauses->longestNs()) / 1e6);
        if (const auto phase = pauses->endPhase(100'000'000); phase.count > 0)
            std::printf("  of each 100 ms of the clock, pauses end at %.1f ms: %zu of %zu within 1 ms of it\n",
                        double(phase.atNs) / 1e6, phase.near, phase.count);
        std::printf("  signals over 1 ms across a pause: %zu; the %zu signals across none: p99 %.0f us\n", slowInPause,
                    apart.size(), quantile(apart, 0.99));
    }
    std::printf("  the writer watched for its next job %llu times, %llu answered\n",
                static_cast<unsigned long long>((*writer)->stats().polls.load()),
                static_cast<unsigned long long>((*writer)->stats().pollsAnswered.load()));
    const auto &stored = (*writer)->stats().receiveToStored;
    std::printf("  receive-to-commit of every request (histogram): p50 %.0f us, p99 %.0f us; %llu commits\n",
                stored.quantileSeconds(0.5) * 1e6, stored.quantileSeconds(0.99) * 1e6,
                static_cast<unsigned long long>((*writer)->stats().commits.load()));
    return 0;
}
