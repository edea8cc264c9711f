// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <functional>

namespace Http {
class HttpRouter;
}
namespace Ingest {
struct IngestCounters;
}
namespace Storage {
class StorageWriter;
}

namespace Pipeline {

class Pipeline;

/// `GET /metrics`: counters, queue depths and latency histograms in the
/// Prometheus text format (version 0.0.4).
QByteArray prometheusText(const Ingest::IngestCounters &ingest, const Storage::StorageWriter &writer,
                          const Pipeline &pipeline);

/// Adds `GET /metrics` to the router; `more` appends the families of other parts (stream, notifier).
void installMetricsRoute(Http::HttpRouter &router, const Ingest::IngestCounters &ingest,
                         const Storage::StorageWriter &writer, const Pipeline &pipeline,
                         std::function<QByteArray()> more = {});

} // namespace Pipeline
