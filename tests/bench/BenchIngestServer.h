// SPDX-License-Identifier: MIT
#pragma once

// The engine's own HTTP server for benchmarks: POST /ingest into a record sink (the pipeline), on a free
// loopback port, as the application wires it.

#include "api/Routes.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "ingest/IngestEndpoint.h"

namespace BenchHttp {

class IngestServer final
{
public:
    explicit IngestServer(Ingest::RecordSink &sink)
        : m_endpoint(sink)
    {
        Api::RouteSources routes;
        routes.ingest = &m_endpoint;
        Api::installRoutes(m_router, routes);
    }

    /// Not yet listening: start() it.
    Http::HttpServer &server() { return m_server; }

private:
    static Http::ServerOptions anyPort()
    {
        Http::ServerOptions options;
        options.port = 0;
        return options;
    }

    Ingest::IngestEndpoint m_endpoint;
    Http::HttpRouter m_router;
    Http::HttpServer m_server{anyPort(), m_router};
};

} // namespace BenchHttp
