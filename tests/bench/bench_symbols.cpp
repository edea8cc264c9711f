// SPDX-License-Identifier: MIT
// Durable ingest as the symbol universe grows: the pipeline fed in-process with batches of 1000 ticks spread
// over 1, 50, 5,000 and 50,000 symbols, side by side in one run, each record acknowledged after its commit.
// Flat prices (no rule fires) and noisy prices (rules fire); bytes on disk per stored record at the end.
// With BENCH_HTTP=C the same batches go as JSON arrays to the engine's own POST /ingest over C keep-alive
// connections, one request in flight on each (as wrk sends them), encoded before the clock starts.
// "CPU us/rec" is the process's CPU time (all threads, the benchmark's own clients too) over the records: it
// does not grow when the machine is shared and the wall clock does.
// BENCH_ROUNDS=N runs every mix N times, the mixes in turn within each round, and ends with each mix's median
// and range, its ratio to the first count taken within each round: on a machine whose speed moves from minute
// to minute, a ratio of two runs a minute apart says little, the median of ratios within rounds more.
//   bench_symbols [RECORDS_PER_RUN] [SYMBOL_COUNTS...]
#include "BenchHttp.h"
#include "BenchIngestServer.h"
#include "ingest/RecordEncoder.h"
#include "pipeline/Pipeline.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr int BatchSize = 1000;
constexpr int InFlight = 16;

/// CPU time used by every thread of the process so far, in microseconds.
double processCpuUs()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto us = [](const timeval &t) { return double(t.tv_sec) * 1e6 + double(t.tv_usec); };
    return us(usage.ru_utime) + us(usage.ru_stime);
}

/// Prices as an exchange quotes them.
double cents(double price)
{
    return std::round(price * 100) / 100;
}

std::vector<Model::RecordBatch> makeBatches(std::int64_t records, int symbols, bool noisy)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0.0, 0.004);
    std::vector<double> price(std::size_t(symbols), 100.0);
    std::vector<Model::Symbol> names(static_cast<std::size_t>(symbols));
    for (int s = 0; s < symbols; ++s)
        Model::Symbol::parse(QByteArray("S" + QByteArray::number(s)).constData(), names[std::size_t(s)]);
    std::vector<Model::RecordBatch> out;
    Model::RecordBatch batch;
    for (std::int64_t n = 0; n < records; ++n) {
        const std::size_t s = std::size_t(n % symbols);
        Model::Tick t;
        t.symbol = names[s];
        t.open = price[s];
        t.close = noisy ? cents(t.open * std::exp(step(rng))) : t.open;
        t.high = cents(std::max(t.open, t.close) * 1.001);
        t.low = cents(std::min(t.open, t.close) * 0.999);
        t.volume = 100;
        t.timestamp = 1'700'000'000'000'000LL + (n / symbols) * 1'000'000LL; // always increasing per symbol
        price[s] = t.close;
        batch.emplace_back(t);
        if (batch.size() == BatchSize) {
            out.push_back(std::move(batch));
            batch = {};
        }
    }
    if (!batch.empty())
        out.push_back(std::move(batch));
    return out;
}

struct Outcome
{
    double recordsPerSecond = 0;
    double cpuUsPerRecord = 0;
    double recordsPerCommit = 0;
    double bytesPerRecord = 0;
    double bytesInUsePerRecord = 0;
    std::uint64_t signals = 0;
    std::uint64_t late = 0;
};

/// Every batch as a whole request to POST /ingest, headers and JSON array.
std::vector<std::string> encodeRequests(const std::vector<Model::RecordBatch> &batches)
{
    std::vector<std::string> requests;
    requests.reserve(batches.size());
    for (const auto &batch : batches) {
        const QByteArray body = Ingest::encodeArray(batch);
        std::string request = "POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n";
        request.append(body.constData(), std::size_t(body.size()));
        requests.push_back(std::move(request));
    }
    return requests;
}

/// Sends the requests in turn over `connections` keep-alive connections to the pipeline's own HTTP server,
/// one in flight on each; returns the records acknowledged (each 200 is sent after its records committed).
std::uint64_t feedOverHttp(Pipeline::Pipeline &pipeline, const std::vector<std::string> &requests,
                           const std::vector<Model::RecordBatch> &batches, int connections)
{
    BenchHttp::IngestServer ingest(pipeline);
    Http::HttpServer &server = ingest.server();
    if (!server.start()) {
        std::fprintf(stderr, "the HTTP server did not start\n");
        std::exit(1);
    }
    std::atomic<std::size_t> next{0};
    std::atomic<std::uint64_t> done{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < connections; ++c) {
        clients.emplace_back([&] {
            const int fd = BenchHttp::connectTo(server.port());
            std::string buffer;
            for (std::size_t i = next.fetch_add(1); i < requests.size(); i = next.fetch_add(1)) {
                const std::string &request = requests[i];
                for (std::size_t sent = 0; sent < request.size();) {
                    const ssize_t n = ::write(fd, request.data() + sent, request.size() - sent);
                    if (n <= 0) {
                        std::fprintf(stderr, "the connection failed\n");
                        std::exit(1);
                    }
                    sent += std::size_t(n);
                }
                if (!BenchHttp::readResponse(fd, buffer)) {
                    std::fprintf(stderr, "a request was not answered with 200\n");
                    std::exit(1);
                }
                done.fetch_add(batches[i].size());
            }
            ::close(fd);
        });
    }
    for (auto &client : clients)
        client.join();
    server.stop();
    return done.load();
}

/// Submits the batches straight into the pipeline, `InFlight` at a time; returns the records acknowledged.
std::uint64_t feedInProcess(Pipeline::Pipeline &pipeline, const std::vector<Model::RecordBatch> &batches)
{
    std::mutex mutex;
    std::condition_variable cv;
    int inFlight = 0;
    std::atomic<std::uint64_t> done{0};
    for (const auto &batch : batches) {
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return inFlight < InFlight; });
            ++inFlight;
        }
        const auto size = batch.size();
        const auto acknowledged = [&, size](const QString &) {
            done.fetch_add(size);
            std::lock_guard lock(mutex);
            --inFlight;
            cv.notify_one();
        };
        for (Model::RecordBatch copy = batch;
             pipeline.submit(std::move(copy), 1, acknowledged) != Ingest::RecordSink::Submit::Accepted; copy = batch)
            std::this_thread::yield();
    }
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return inFlight == 0; });
    return done.load();
}

Outcome run(const std::vector<Model::RecordBatch> &batches, std::size_t symbols)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    // Knobs for trying layouts side by side: BENCH_PAGE_SIZE (bytes), BENCH_COMMIT (records per commit at most),
    // BENCH_LOG_ROWS (rows that fill a bar log), BENCH_SQL (run on the database once the writer has it, e.g.
    // DROP INDEX signals_ts to see what that index costs).
    if (const int pageSize = qEnvironmentVariableIntValue("BENCH_PAGE_SIZE"); pageSize > 0) {
        auto db = Storage::SqliteDatabase::open(path);
        (*db)->exec(QByteArray("PRAGMA page_size=" + QByteArray::number(pageSize)).constData());
        (*db)->exec("VACUUM");
    }
    Storage::WriterOptions storage{path};
    if (const int commit = qEnvironmentVariableIntValue("BENCH_COMMIT"); commit > 0)
        storage.maxRecordsPerCommit = std::size_t(commit);
    if (const int logRows = qEnvironmentVariableIntValue("BENCH_LOG_ROWS"); logRows > 0)
        storage.logMergeRows = std::size_t(logRows);
    // The cost of kept bars: BENCH_NO_KEPT_BARS=1 runs the writer without them.
    storage.keepBars = qEnvironmentVariableIntValue("BENCH_NO_KEPT_BARS") == 0;
    storage.maxSymbols = std::max(storage.maxSymbols, std::size_t(symbols + symbols / 4));
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error()));
        std::exit(1);
    }
    if (const QByteArray sql = qgetenv("BENCH_SQL"); !sql.isEmpty()) {
        auto db = Storage::SqliteDatabase::open(path);
        if (auto st = (*db)->exec(sql.constData()); !st)
            std::fprintf(stderr, "%s\n", qPrintable(st.error()));
    }
    Pipeline::PipelineOptions options;
    // A desk trading this many symbols keeps them all in memory (--max-symbols); past the cap every record of
    // an evicted symbol would read its history back, which is a different benchmark (bench_flood.sh).
    options.maxSymbols = std::max(options.maxSymbols, symbols + symbols / 4);
    // BENCH_RULES_ON_RECORDS=1: the rules decide on every record (--rules-timeframe record) instead of on
    // one-minute bars, so that with noisy prices they fire on a good share of the records.
    if (qEnvironmentVariableIntValue("BENCH_RULES_ON_RECORDS") != 0)
        options.rules.timeframe = Bars::Timeframe::record();
    // BENCH_COOLDOWN=S: seconds between two signals of one rule and symbol (default 300).
    if (const QByteArray cooldown = qgetenv("BENCH_COOLDOWN"); !cooldown.isEmpty())
        options.rules.cooldownSeconds = cooldown.toInt();
    Pipeline::Pipeline pipeline(options, **writer);
    pipeline.start();
    const int connections = qEnvironmentVariableIntValue("BENCH_HTTP");
    const std::vector<std::string> requests = connections > 0 ? encodeRequests(batches) : std::vector<std::string>{};
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = processCpuUs();
    const std::uint64_t done =
        connections > 0 ? feedOverHttp(pipeline, requests, batches, connections) : feedInProcess(pipeline, batches);
    // Bars still waiting in a full log are work owed: the clock runs until they are in place.
    const auto &stats = (*writer)->stats();
    while (stats.barsToMerge.load() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    Outcome o;
    o.recordsPerSecond = double(done) / (double(timer.nsecsElapsed()) / 1e9);
    o.cpuUsPerRecord = (processCpuUs() - cpuBefore) / double(std::max<std::uint64_t>(1, done));
    o.recordsPerCommit = double(stats.stored.load()) / double(std::max<std::uint64_t>(1, stats.commits.load()));
    o.signals = stats.storedSignals.load();
    o.late = pipeline.metrics().late.load();
    pipeline.stop();
    (*writer)->stop();
    writer->reset();
    // Everything into the main file, then its size over the rows: table, indexes and free pages.
    if (auto db = Storage::SqliteDatabase::open(path)) {
        (*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const double records = double(std::max<std::uint64_t>(1, done));
        o.bytesPerRecord = double(QFileInfo(path).size()) / records;
        // Free pages (mostly a moved log's, which the next log fills again) are in the file but hold nothing.
        const double free = double((*db)->scalar("PRAGMA freelist_count") * (*db)->scalar("PRAGMA page_size"));
        o.bytesInUsePerRecord = (double(QFileInfo(path).size()) - free) / records;
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::int64_t records = argc > 1 ? std::atoll(argv[1]) : 2'000'000;
    std::vector<int> counts;
    for (int i = 2; i < argc; ++i)
        counts.push_back(std::atoi(argv[i]));
    if (counts.empty())
        counts = {1, 50, 5000, 50000};
    if (const int connections = qEnvironmentVariableIntValue("BENCH_HTTP"); connections > 0)
        std::printf("POST /ingest over %d keep-alive connections, one request in flight on each, ", connections);
    else
        std::printf("pipeline fed in-process, %d batches in flight, ", InFlight);
    std::printf("%lld ticks per run in batches of %d, durable (acknowledged after commit)\n",
                static_cast<long long>(records), BatchSize);
    std::printf("  %-8s %-6s %14s %9s %11s %16s %14s %12s %10s %10s\n", "symbols", "prices", "records/s", "x 1 sym",
                "CPU us/rec", "records/commit", "bytes/record", "(in use)", "signals", "late");
    const int rounds = std::max(1, qEnvironmentVariableIntValue("BENCH_ROUNDS"));
    struct Mix
    {
        bool noisy;
        int symbols;
        std::vector<Model::RecordBatch> batches; ///< kept between rounds when there are several
        std::vector<double> rates, ratios;
    };
    std::vector<Mix> mixes;
    for (const bool noisy : {false, true})
        for (const int symbols : counts)
            mixes.push_back({noisy, symbols, {}, {}, {}});
    for (int round = 1; round <= rounds; ++round) {
        if (rounds > 1)
            std::printf("round %d of %d\n", round, rounds);
        double base = 0;
        for (Mix &mix : mixes) {
            if (mix.symbols == counts.front())
                base = 0;
            if (mix.batches.empty())
                mix.batches = makeBatches(records, mix.symbols, mix.noisy);
            const Outcome o = run(mix.batches, std::size_t(mix.symbols));
            if (rounds == 1)
                mix.batches = {};
            if (base == 0)
                base = o.recordsPerSecond;
            mix.rates.push_back(o.recordsPerSecond);
            mix.ratios.push_back(o.recordsPerSecond / base);
            std::printf("  %-8d %-6s %14.0f %9.2f %11.2f %16.0f %14.1f %12.1f %10llu %10llu\n", mix.symbols,
                        mix.noisy ? "noisy" : "flat", o.recordsPerSecond, o.recordsPerSecond / base, o.cpuUsPerRecord,
                        o.recordsPerCommit, o.bytesPerRecord, o.bytesInUsePerRecord,
                        static_cast<unsigned long long>(o.signals), static_cast<unsigned long long>(o.late));
            std::fflush(stdout);
        }
    }
    if (rounds > 1) {
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
        };
        std::printf("median of %d rounds (range)\n  %-8s %-6s %26s %20s\n", rounds, "symbols", "prices", "records/s",
                    "x 1 sym in its round");
        for (const Mix &mix : mixes) {
            const auto [rateLow, rateHigh] = std::minmax_element(mix.rates.begin(), mix.rates.end());
            const auto [ratioLow, ratioHigh] = std::minmax_element(mix.ratios.begin(), mix.ratios.end());
            std::printf("  %-8d %-6s %9.0f (%7.0f-%7.0f) %6.2f (%4.2f-%4.2f)\n", mix.symbols,
                        mix.noisy ? "noisy" : "flat", median(mix.rates), *rateLow, *rateHigh, median(mix.ratios),
                        *ratioLow, *ratioHigh);
        }
    }
    return 0;
}
