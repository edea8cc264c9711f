// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"

#include <QElapsedTimer>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace Bench {

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
