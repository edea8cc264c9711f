// SPDX-License-Identifier: MIT
#include "Routes.h"

#include "RestApi.h"
#include "http/HttpRouter.h"
#include "ingest/IngestEndpoint.h"

namespace Api {

void installRoutes(Http::HttpRouter &router, const RouteSources &sources)
{
    if (Ingest::IngestEndpoint *ingest = sources.ingest)
        router.add("POST", "/ingest", [ingest](Http::HttpRequest &&request, Http::HttpResponder responder) {
            ingest->handle(std::move(request), std::move(responder));
        });
    if (sources.health)
        router.add("GET", "/health", [health = sources.health](Http::HttpRequest &&, Http::HttpResponder responder) {
            responder.send(Http::HttpResponse::json(200, health()));
        });
    if (sources.metrics)
        router.add("GET", "/metrics", [metrics = sources.metrics](Http::HttpRequest &&, Http::HttpResponder responder) {
            Http::HttpResponse response = Http::HttpResponse::json(200, metrics());
            response.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
            responder.send(std::move(response));
        });
    if (sources.rest)
        sources.rest->install(router);
}

} // namespace Api
