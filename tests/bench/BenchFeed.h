// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"

#include <QElapsedTimer>

#include <cmath>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace Bench {

/// `records` noisy ticks round-robin over `symbols` symbols (`PREFIX0`, `PREFIX1`, …), each a random walk from 100
/// quoted to the cent, a second apart per round, in batches of 1000.
inline std::vector<Model::RecordBatch> noisyBatches(std::int64_t records, int symbols, const char *prefix)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0.0, 0.004);
    std::vector<double> price(std::size_t(symbols), 100.0);
    std::vector<Model::RecordBatch> out;
    Model::RecordBatch batch;
    for (std::int64_t n = 0; n < records; ++n) {
        const std::size_t s = std::size_t(n % symbols);
        Model::Tick t;
        const QByteArray name = QByteArray(prefix) + QByteArray::number(qint64(s));
        Model::Symbol::parse(name.constData(), t.symbol);
        t.open = price[s];
        t.close = std::round(t.open * std::exp(step(rng)) * 100) / 100;
        t.high = std::max(t.open, t.close);
        t.low = std::min(t.open, t.close);
        t.volume = 100;
        t.timestamp = 1'700'000'000'000'000LL + (n / symbols) * 1'000'000LL;
        price[s] = t.close;
        batch.emplace_back(t);
        if (batch.size() == 1000) {
            out.push_back(std::move(batch));
            batch = {};
        }
    }
    if (!batch.empty())
        out.push_back(std::move(batch));
    return out;
}

struct FeedTiming
{
    double setUpSeconds = 0;     ///< the first tenth of the batches, which sets the symbols up
    double recordsPerSecond = 0; ///< the rest
};

/// Feeds `batches` to the pipeline as fast as it takes them, `inFlight` at a time, each acknowledged after its
/// commit; the first tenth is timed on its own (it sets the symbols up).
inline FeedTiming feed(Pipeline::Pipeline &pipeline, const std::vector<Model::RecordBatch> &batches, int inFlight = 16)
{
    std::mutex mutex;
    std::condition_variable cv;
    int waiting = 0;
    QElapsedTimer timer;
    timer.start();
    const std::size_t setUp = batches.size() / 10;
    FeedTiming timing;
    std::int64_t timed = 0;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        if (b == setUp) {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return waiting == 0; });
            timing.setUpSeconds = double(timer.nsecsElapsed()) / 1e9;
            timer.restart();
        }
        if (b >= setUp)
            timed += std::int64_t(batches[b].size());
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return waiting < inFlight; });
            ++waiting;
        }
        const auto acknowledged = [&](const QString &) {
            std::lock_guard lock(mutex);
            --waiting;
            cv.notify_one();
        };
        for (Model::RecordBatch copy = batches[b];
             pipeline.submit(std::move(copy), 1, acknowledged) != Ingest::RecordSink::Submit::Accepted;
             copy = batches[b])
            std::this_thread::yield();
    }
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return waiting == 0; });
    timing.recordsPerSecond = double(timed) / (double(timer.nsecsElapsed()) / 1e9);
    return timing;
}

} // namespace Bench
