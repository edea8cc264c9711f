// SPDX-License-Identifier: MIT
#pragma once

#include "IngestCounters.h"
#include "RecordSink.h"
#include "http/HttpResponder.h"

namespace Http {
class HttpRouter;
}

namespace Ingest {

/// `POST /ingest`: checks the content type, decodes the body with the one
/// decoder, hands the records on and answers 200 only once they are durable.
class IngestEndpoint final
{
public:
    explicit IngestEndpoint(RecordSink &sink);

    void handle(Http::HttpRequest &&request, Http::HttpResponder responder);

    const IngestCounters &counters() const noexcept { return m_counters; }

private:
    void reject(const Http::HttpResponder &responder, Http::HttpResponse response);

    RecordSink &m_sink;
    IngestCounters m_counters;
};

} // namespace Ingest
