// SPDX-License-Identifier: MIT
// Pipeline throughput fed in-process: batches of 1000 ticks over 100 symbols,
// each acknowledged after its records and signals committed.
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>

namespace {

std::vector<Model::RecordBatch> makeBatches(int batches, int perBatch, int symbols)
{
    std::mt19937_64 rng(2);
    std::normal_distribution<double> step(0.0, 0.001);
    std::vector<double> price(std::size_t(symbols), 100.0);
    std::vector<Model::RecordBatch> out;
    std::int64_t n = 0;
    for (int b = 0; b < batches; ++b) {
        Model::RecordBatch batch;
        for (int i = 0; i < perBatch; ++i, ++n) {
            const std::size_t s = std::size_t(n % symbols);
            Model::Tick t;
            Model::Symbol::parse(QByteArray("SYM" + QByteArray::number(quint64(s))).constData(), t.symbol);
            t.open = price[s];
            t.close = t.open * std::exp(step(rng));
            t.high = std::max(t.open, t.close) * 1.001;
            t.low = std::min(t.open, t.close) * 0.999;
            t.volume = 100;
            t.timestamp = 1'700'000'000'000'000LL + (n / symbols) * 1'000'000LL;
            price[s] = t.close;
            batch.emplace_back(t);
        }
        out.push_back(std::move(batch));
    }
    return out;
}

void run(int shards, const std::vector<Model::RecordBatch> &batches)
{
    QTemporaryDir dir;
    auto writer = Storage::StorageWriter::open({dir.filePath(QStringLiteral("bench.sqlite"))});
    if (!writer)
        std::exit(1);
    Pipeline::PipelineOptions options;
    options.shards = shards;
    Pipeline::Pipeline pipeline(options, **writer);
    pipeline.start();
    std::mutex mutex;
    std::condition_variable cv;
    int inFlight = 0;
    std::atomic<std::uint64_t> done{0};
    QElapsedTimer timer;
    timer.start();
    for (const auto &batch : batches) {
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return inFlight < 16; });
            ++inFlight;
        }
        Model::RecordBatch copy = batch;
        const auto size = copy.size();
        while (pipeline.submit(std::move(copy), 1, [&, size](const QString &) {
            done.fetch_add(size);
            std::lock_guard lock(mutex);
            --inFlight;
            cv.notify_one();
        }) != Ingest::RecordSink::Submit::Accepted) {
            copy = batch;
            std::this_thread::yield();
        }
    }
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return inFlight == 0; });
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("  %d shard%s: %10.0f durable records/s (%llu signals)\n", shards, shards == 1 ? " " : "s",
                double(done.load()) / seconds,
                static_cast<unsigned long long>((*writer)->stats().storedSignals.load()));
    pipeline.stop();
    (*writer)->stop();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto batches = makeBatches(2000, 1000, 100);
    std::printf("pipeline fed in-process, 2,000,000 ticks over 100 symbols in batches of 1000, 16 in flight\n");
    run(1, batches);
    run(2, batches);
    return 0;
}
