// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <functional>

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

} // namespace Pipeline
