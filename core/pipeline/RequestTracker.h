// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordSink.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

namespace Pipeline {

/// One ingest request split over several shards: its answer goes out when
/// the last part has committed, with the first error if any part failed.
class RequestTracker final
{
public:
    RequestTracker(int parts, Ingest::RecordSink::Done done)
        : m_parts(parts)
        , m_done(std::move(done))
    {}

    void finish(const QString &error)
    {
        if (!error.isEmpty()) {
            std::lock_guard lock(m_mutex);
            if (m_error.isEmpty())
                m_error = error;
        }
        if (m_parts.fetch_sub(1) != 1)
            return;
        std::lock_guard lock(m_mutex);
        if (m_done)
            m_done(m_error);
    }

private:
    std::atomic<int> m_parts;
    Ingest::RecordSink::Done m_done;
    std::mutex m_mutex;
    QString m_error;
};

/// Where one part of an ingest request reports its commit: straight to the request's callback when the
/// request is that one part (nearly every single-record request), else to the tracker its parts share. The
/// one-part way saves a shared allocation, freed on the storage writer's thread, and a lock a request.
class PartAnswer final
{
public:
    PartAnswer() = default;
    explicit PartAnswer(Ingest::RecordSink::Done done)
        : m_done(std::move(done))
    {}
    explicit PartAnswer(std::shared_ptr<RequestTracker> tracker)
        : m_tracker(std::move(tracker))
    {}

    /// Once per part: after its commit (empty error) or its failure.
    void finish(const QString &error)
    {
        if (m_tracker)
            m_tracker->finish(error);
        else if (m_done)
            std::exchange(m_done, {})(error);
    }

private:
    std::shared_ptr<RequestTracker> m_tracker;
    Ingest::RecordSink::Done m_done;
};

} // namespace Pipeline
