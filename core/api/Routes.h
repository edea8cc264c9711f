// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <functional>

namespace Http {
class HttpRouter;
}
namespace Ingest {
class IngestEndpoint;
}

namespace Api {

class RestApi;

/// What answers each part of the HTTP server; a part left empty is not served.
struct RouteSources
{
    Ingest::IngestEndpoint *ingest = nullptr; ///< POST /ingest
    RestApi *rest = nullptr;                  ///< /api/... (see RestApi)
    std::function<QByteArray()> health = {};  ///< GET /health: the JSON body
    std::function<QByteArray()> metrics = {}; ///< GET /metrics: the Prometheus text
};

/// Every route the HTTP server answers, installed in one place: POST /ingest, GET /health, GET /metrics and
/// the REST API's.
void installRoutes(Http::HttpRouter &router, const RouteSources &sources);

} // namespace Api
