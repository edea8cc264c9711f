// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Http {
class HttpRouter;
}
namespace Pipeline {
class Pipeline;
}

namespace Api {

/// The read side of the HTTP server: `GET /api/symbols`, `/api/summary`,
/// `/api/signals` (JSON), `/api/signals.csv` and `/api/ticks`. Queries run on the
/// I/O thread that received them, each with a read-only connection of its own
/// (WAL readers never block the writer). Bad parameters get 400 with the reason.
class RestApi final
{
public:
    RestApi(QString databasePath, const Pipeline::Pipeline &pipeline);
    void install(Http::HttpRouter &router);

private:
    QString m_path;
    const Pipeline::Pipeline &m_pipeline;
};

} // namespace Api
