// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpMessage.h"
#include "http/HttpResponder.h"

#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace Http {
class HttpRouter;
struct HttpRequest;
} // namespace Http
namespace Pipeline {
class Pipeline;
}
namespace Storage {
class SqliteDatabase;
} // namespace Storage
namespace Trading {
class PaperDesk;
class PaperOrders;
} // namespace Trading

namespace Api {

/// The REST side of the HTTP server: `GET /api/symbols`, `/api/summary`,
/// `/api/signals` (JSON), `/api/signals.csv`, `/api/ticks`, `/api/bars` and `/api/bars.csv`, and the
/// trader's alerts (`/api/alerts`, `/api/alerts/{id}`: list, create, read, replace, change, delete). Queries run on two
/// reader threads of their own, never on the I/O threads (a large read must not hold
/// up ingest), each with a read-only connection (WAL readers never block the writer).
/// Bad parameters get 400 with the reason; more than 64 reads waiting get 503.
class RestApi final
{
public:
    RestApi(QString databasePath, const Pipeline::Pipeline &pipeline);
    ~RestApi();
    using Handler = std::function<void(Http::HttpRequest &&, Http::HttpResponder)>;

    void install(Http::HttpRouter &router);
    /// Adds `GET path` answered by `handler` on the reader threads.
    void addRead(Http::HttpRouter &router, const QByteArray &path, Handler handler);
    /// Waits for the reads under way; call before the HTTP server stops (their answers go through it).
    void stop();
    /// Paper trading: orders placed through `/api/orders`, and resets, go through `orders`.
    void setPaperOrders(Trading::PaperOrders *orders);
    /// Called (on a reader thread) after an alert was created, changed or deleted.
    void setAlertsChanged(std::function<void()> changed) { m_alertsChanged = std::move(changed); }

private:
    /// `handler` as a route that runs on the reader threads.
    Handler offload(Handler handler);
    using Change = std::function<Http::HttpResponse(Http::HttpRequest &, Storage::SqliteDatabase &)>;
    /// A route on the reader threads with a connection of its own that may write (alerts and trades change
    /// rarely, and a change is a short transaction beside the storage writer's); `changed` hears of a change.
    Handler writable(Change use, std::function<void()> changed = {});
    /// The same for a route that only reads: on the reader threads' own read-only connections.
    Handler readOnly(Change use);
    void installBars(Http::HttpRouter &router);
    void installChart(Http::HttpRouter &router);
    void installAlerts(Http::HttpRouter &router);
    void installTrades(Http::HttpRouter &router);
    void installOrders(Http::HttpRouter &router);

    QString m_path;
    const Pipeline::Pipeline &m_pipeline;
    std::unique_ptr<QThreadPool> m_readers;
    std::atomic<int> m_waiting{0};
    std::function<void()> m_alertsChanged;
    Trading::PaperOrders *m_orders = nullptr;
    Trading::PaperDesk *m_desk = nullptr;
};

} // namespace Api
