// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QString>

#include <functional>

namespace Ingest {

/// Where validated records go: the storage writer now, the pipeline in front of it later.
class RecordSink
{
public:
    enum class Submit
    {
        Accepted,
        Saturated,
        Closed
    };

    /// Called once, on the sink's thread, after the records are durable (empty
    /// error) or could not be stored (the reason).
    using Done = std::function<void(const QString &error)>;

    virtual ~RecordSink() = default;

    /// Takes the records whole or not at all. Never blocks: a full queue answers
    /// Saturated, and the records are then left as they were, for a retry.
    virtual Submit submit(Model::RecordBatch &&records, qint64 receivedNs, Done done) = 0;
};

} // namespace Ingest
