// SPDX-License-Identifier: MIT
#pragma once

// Records handed to a running pipeline, waited for until they are committed (as /ingest would acknowledge them).

#include "pipeline/Pipeline.h"

#include <QTest>

#include <atomic>
#include <memory>

namespace TestFeed {

/// Submits `batch` and waits (without sleeping) until its transaction committed: false when the pipeline refused
/// it or the commit did not come in time.
inline bool committed(Pipeline::Pipeline &pipeline, Model::RecordBatch batch)
{
    // Shared: a late answer after a timeout must not write to a flag that is gone.
    auto done = std::make_shared<std::atomic<bool>>(false);
    if (pipeline.submit(std::move(batch), 1, [done](const QString &) { *done = true; }) !=
        Ingest::RecordSink::Submit::Accepted)
        return false;
    return QTest::qWaitFor([&] { return done->load(); });
}

} // namespace TestFeed
