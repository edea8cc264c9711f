// SPDX-License-Identifier: MIT
#pragma once

#include "CommandLine.h"
#include "util/Feeders.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QUrl>

#include <memory>

namespace Api {
class RestApi;
}
namespace Http {
class HttpRouter;
class HttpServer;
} // namespace Http
namespace Ingest {
class IngestEndpoint;
}
namespace Storage {
class StorageWriter;
}
namespace Pipeline {
class CommitFanout;
class LiveFeed;
class Pipeline;
} // namespace Pipeline
namespace Sim {
class MarketSimulator;
}
namespace History {
class RefreshService;
} // namespace History
namespace Stream {
class StreamServer;
}
namespace Notify {
class Notifier;
}

class QTimer;

namespace Trading {
class PaperDesk;
class PaperManager;
class PaperOrders;
class StrategyTrader;
} // namespace Trading
namespace Alerts {
class AlertBook;
class AlertManager;
} // namespace Alerts

namespace Nats {
class TerminalFeed;
}

namespace App {

/// The core services of one running TickDesk, wired together: storage
/// writer, pipeline, ingest endpoint, HTTP server. Shared by the headless mode and the window.
class Services final
{
public:
    explicit Services(Options options);
    ~Services();

    Util::Status start();
    /// Stops accepting, commits what was accepted, closes connections.
    void shutdown();

    const Storage::StorageWriter &writer() const { return *m_writer; }
    const Ingest::IngestEndpoint &ingest() const { return *m_ingest; }
    const Http::HttpServer &server() const { return *m_server; }
    /// The web monitor's page as a browser on this machine opens it.
    QUrl webMonitorUrl() const;
    Pipeline::Pipeline &pipeline() { return *m_pipeline; }
    Pipeline::LiveFeed *liveFeed() { return m_feed.get(); }
    Sim::MarketSimulator *simulator() { return m_simulator.get(); }
    /// Starts the built-in simulator now (it may have been off at start); nothing if it runs.
    Util::Status startSimulator();
    /// Null when the stream is switched off (--ws-port -1).
    const Stream::StreamServer *stream() const { return m_stream.get(); }
    /// Null unless started with --nats.
    const Nats::NatsPublisher *nats() const { return m_nats.get(); }
    /// Null unless started with --nats-ingest.
    const Nats::IngestConsumer *natsIngest() const { return m_natsIngest.get(); }
    /// Null unless started with --source: the window on the nodes' feed.
    Nats::TerminalFeed *terminalFeed() { return m_terminal.get(); }
    bool terminal() const { return !m_options.sourceUrl.isEmpty(); }
    const Ingest::IngestEndpoint &ingestEndpoint() const { return *m_ingest; }
    const Pipeline::Pipeline &pipeline() const { return *m_pipeline; }

    Notify::Notifier &notifier() { return *m_notifier; }
    /// The alerts and drawings as the window edits them.
    Alerts::AlertManager &alerts() { return *m_alertManager; }
    /// The paper account as the window works it.
    Trading::PaperManager &paper() { return *m_paperManager; }
    /// The strategies trading live on the paper account.
    Trading::StrategyTrader &strategies() { return *m_strategies; }
    /// History refreshes: on demand, on the schedule, and gap fills.
    History::RefreshService &refreshes() { return *m_refreshes; }

private:
    QByteArray healthJson() const;
    Util::Status startNotifier(const QString &databasePath);
    void startRefreshes(const QString &databasePath);
    Util::Status startTerminal(const QString &databasePath);

    Options m_options;
    std::pair<int, int> m_caps{1024, 256}; ///< HTTP and stream connections the open-file limit allows
    QElapsedTimer m_uptime;
    Util::Feeders m_feeders; ///< the HTTP I/O threads, whose requests the storage writer's small commits wait for
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Sim::MarketSimulator> m_simulator;
    std::unique_ptr<Stream::StreamServer> m_stream;
    std::unique_ptr<Nats::NatsPublisher> m_nats;
    std::unique_ptr<Nats::IngestConsumer> m_natsIngest;
    std::unique_ptr<Nats::TerminalFeed> m_terminal;
    std::unique_ptr<Pipeline::CommitFanout> m_commits; ///< the stream and NATS
    std::unique_ptr<Notify::Notifier> m_notifier;
    std::unique_ptr<Alerts::AlertBook> m_alerts;
    std::unique_ptr<Alerts::AlertManager> m_alertManager;
    std::unique_ptr<Trading::PaperDesk> m_paperDesk;
    std::unique_ptr<Trading::PaperOrders> m_paperOrders;
    std::unique_ptr<Trading::PaperManager> m_paperManager;
    std::unique_ptr<Trading::StrategyTrader> m_strategies;
    std::unique_ptr<QTimer> m_paperClock; ///< ends day orders when their day is over, begins day P/L
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Http::HttpRouter> m_router;
    std::unique_ptr<Ingest::IngestEndpoint> m_ingest;
    std::unique_ptr<Api::RestApi> m_api;
    std::unique_ptr<Http::HttpServer> m_server;
    std::unique_ptr<History::RefreshService> m_refreshes;
};

} // namespace App
