// SPDX-License-Identifier: MIT
// Durable write throughput of the storage writer: batches of 1000 ticks,
// each acknowledged only after its transaction committed.
#include "storage/StorageWriter.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace {

Model::RecordBatch batch(int n, std::int64_t first)
{
    static const char *const symbols[] = {"AAPL", "GOOGL", "AMZN", "MSFT", "TSLA"};
    Model::RecordBatch b;
    b.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        Model::Tick t;
        Model::Symbol::parse(symbols[i % 5], t.symbol);
        t.open = 100 + i % 7;
        t.high = t.open + 1;
        t.low = t.open - 1;
        t.close = t.open + 0.5;
        t.volume = first + i;
        t.timestamp = (1'700'000'000 + first + i) * 1'000'000LL;
        b.emplace_back(t);
    }
    return b;
}

void run(bool fullSync, int batchSize, int seconds, int maxInFlight)
{
    QTemporaryDir dir;
    Storage::WriterOptions options{dir.filePath(QStringLiteral("bench.sqlite"))};
    options.fullSync = fullSync;
    auto writer = Storage::StorageWriter::open(options);
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error()));
        std::exit(1);
    }
    std::mutex mutex;
    std::condition_variable cv;
    int inFlight = 0;
    std::atomic<std::uint64_t> acked{0};
    QElapsedTimer timer;
    timer.start();
    std::int64_t next = 0;
    while (timer.elapsed() < seconds * 1000LL) {
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return inFlight < maxInFlight; });
            ++inFlight;
        }
        (*writer)->submit(batch(batchSize, next), 0, [&, batchSize](const QString &) {
            acked.fetch_add(std::uint64_t(batchSize));
            std::lock_guard lock(mutex);
            --inFlight;
            cv.notify_one();
        });
        next += batchSize;
    }
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return inFlight == 0; });
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    const auto &stats = (*writer)->stats();
    std::printf("  synchronous=%-6s batch %5d, %2d in flight: %10.0f durable records/s (%llu commits, %.0f "
                "records/commit)\n",
                fullSync ? "FULL" : "NORMAL", batchSize, maxInFlight, double(acked.load()) / elapsed,
                static_cast<unsigned long long>(stats.commits.load()),
                double(stats.stored.load()) / double(std::max<std::uint64_t>(1, stats.commits.load())));
}

} // namespace

int main(int argc, char **argv)
{
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 3;
    std::printf("storage writer (bars of one symbol, acknowledged after commit)\n");
    const bool batchedOnly = argc > 2 && std::strcmp(argv[2], "batched") == 0;
    run(false, 1000, seconds, 8);
    run(true, 1000, seconds, 8);
    if (batchedOnly)
        return 0;
    run(false, 1, seconds, 32);
    run(true, 1, seconds, 32);
    return 0;
}
