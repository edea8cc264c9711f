// SPDX-License-Identifier: MIT
// The cost of alerts: the pipeline fed in-process as fast as it takes (batches of 1000 noisy ticks over 5,000
// symbols, each acknowledged after its commit), with no alerts, then with ALERTS alerts spread over the symbols
// (per symbol: price levels crossed on 1m closes, RSI(14) above 70 on 5m, close crossing SMA(50) on 1m, 2 % drops
// within a bar every time), side by side in one run. The first tenth of the records sets the symbols and their
// alerts up (each alert's bars read from the database as its symbol first trades) and is timed on its own.
//   bench_alerts [RECORDS] [ALERTS...]
#include "BenchFeed.h"
#include "alerts/AlertBook.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>
#include <random>

namespace {

constexpr int Symbols = 5000;
constexpr int BatchSize = 1000;
constexpr int InFlight = 16;

std::vector<Alerts::Definition> makeAlerts(int count)
{
    std::mt19937_64 rng(11);
    std::vector<Alerts::Definition> alerts;
    for (int i = 0; i < count; ++i) {
        const QString symbol = QStringLiteral("S%1").arg(i % Symbols);
        const int kind = (i / Symbols) % 10;
        QByteArray json = "{\"symbols\":[\"" + symbol.toLatin1() + "\"],";
        if (kind < 6)
            json += "\"left\":{\"source\":\"close\"},\"operator\":\"crossing\",\"right\":{\"value\":" +
                    QByteArray::number((qEnvironmentVariableIsSet("BENCH_QUIET_ALERTS") ? 500 : 97) +
                                       double(rng() % 600) / 100) +
                    "}";
        else if (kind < 8)
            json += "\"timeframe\":\"5m\",\"left\":{\"indicator\":\"rsi\",\"period\":14},\"operator\":\"greater_than\","
                    "\"right\":{\"value\":70}";
        else if (kind < 9)
            json += "\"left\":{\"source\":\"close\"},\"operator\":\"crossing\",\"right\":{\"indicator\":\"sma\","
                    "\"period\":50}";
        else
            json += "\"left\":{\"source\":\"close\"},\"operator\":\"moving_down_percent\",\"right\":{\"value\":2,"
                    "\"bars\":1},\"trigger\":\"every_time\",\"cooldown_s\":300";
        json += '}';
        auto alert = Alerts::fromJson(QJsonDocument::fromJson(json).object());
        if (!alert) {
            std::fprintf(stderr, "%s\n", qPrintable(alert.error()));
            std::exit(1);
        }
        alert->id = i + 1;
        alerts.push_back(*alert);
    }
    return alerts;
}

long maxRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

struct Outcome
{
    double setUpSeconds = 0;
    double recordsPerSecond = 0;
    std::uint64_t signals = 0;
};

Outcome run(const std::vector<Model::RecordBatch> &batches, int alertCount)
{
    QTemporaryDir dir;
    Storage::WriterOptions storage{dir.filePath(QStringLiteral("alerts.sqlite"))};
    storage.maxSymbols = Symbols * 2;
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer)
        std::exit(1);
    Alerts::AlertBook book;
    book.set(makeAlerts(alertCount));
    Pipeline::PipelineOptions options;
    options.maxSymbols = Symbols * 2;
    Pipeline::Pipeline pipeline(options, **writer);
    pipeline.setAlertBook(&book);
    pipeline.start();
    Outcome outcome;
    const Bench::FeedTiming timing = Bench::feed(pipeline, batches, InFlight);
    outcome.setUpSeconds = timing.setUpSeconds;
    outcome.recordsPerSecond = timing.recordsPerSecond;
    outcome.signals = (*writer)->stats().storedSignals.load();
    pipeline.stop();
    (*writer)->stop();
    return outcome;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::int64_t records = argc > 1 ? std::atoll(argv[1]) : 2'000'000;
    std::vector<int> counts{0, 100'000};
    if (argc > 2) {
        counts.clear();
        for (int i = 2; i < argc; ++i)
            counts.push_back(std::atoi(argv[i]));
    }
    const auto batches = Bench::noisyBatches(records, Symbols, "S");
    std::printf("%lld noisy ticks over %d symbols, batches of %d, %d in flight, durable\n",
                static_cast<long long>(records), Symbols, BatchSize, InFlight);
    double base = 0;
    for (const int count : counts) {
        const Outcome o = run(batches, count);
        if (count == 0)
            base = o.recordsPerSecond;
        std::printf("  %7d alerts: set-up %.2f s, then %9.0f records/s", count, o.setUpSeconds, o.recordsPerSecond);
        if (count > 0 && base > 0)
            std::printf(" (%.0f %% of no alerts, +%.0f ns a record)", 100 * o.recordsPerSecond / base,
                        1e9 / o.recordsPerSecond - 1e9 / base);
        std::printf("; signals %llu, peak memory so far %ld MB\n", static_cast<unsigned long long>(o.signals),
                    maxRssMb());
    }
    return 0;
}
