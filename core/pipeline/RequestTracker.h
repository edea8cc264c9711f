// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordSink.h"

#include <atomic>
#include <mutex>

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

} // namespace Pipeline
