// SPDX-License-Identifier: MIT
#include "Services.h"

#include "Version.h"
#include "alerts/AlertBook.h"
#include "alerts/AlertManager.h"
#include "api/RestApi.h"
#include "api/Routes.h"
#include "history/RefreshService.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "ingest/IngestEndpoint.h"
#include "nats/NatsIngest.h"
#include "nats/NatsPublisher.h"
#include "nats/NatsTerminal.h"
#include "notify/Notifier.h"
#include "pipeline/CommitFanout.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/MetricsText.h"
#include "pipeline/Pipeline.h"
#include "settings/Secrets.h"
#include "settings/Settings.h"
#include "sim/MarketSimulator.h"
#include "storage/StorageWriter.h"
#include "stream/StreamServer.h"
#include "trading/PaperManager.h"
#include "trading/StrategyTrader.h"
#include "util/Clock.h"
#include "util/Prometheus.h"
#include "web/WebMonitor.h"

#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "tickdesk.app")

namespace App {

Services::Services(Options options)
    : m_options(std::move(options))
{
    m_uptime.start();
}

Services::~Services()
{
    shutdown();
}

namespace {

/// The connection caps that fit the process's open-file limit: a connection the HTTP cap refuses is still
/// accepted (to answer 503), so the caps must be reached before the descriptors run out, or accepting fails
/// over and over. About 64 stay for the database, threads and notifications.
std::pair<int, int> connectionCaps(int httpCap, int streamCap)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return {httpCap, streamCap};
    const qint64 room = std::max<qint64>(8, qint64(limit.rlim_cur) - 64);
    const int http = int(std::min<qint64>(httpCap, room * 3 / 4));
    const int stream = int(std::min<qint64>(streamCap, std::max<qint64>(1, room / 4)));
    if (http < httpCap || stream < streamCap)
        qCWarning(lcApp) << "only" << limit.rlim_cur << "open files allowed: at most" << http << "HTTP and" << stream
                         << "stream connections (raise the limit with ulimit -n for more)";
    return {http, stream};
}

} // namespace

Util::Status Services::start()
{
    m_caps = connectionCaps(Http::ServerOptions{}.maxConnections, Stream::StreamOptions{}.maxClients);
    Storage::WriterOptions storage;
    storage.path = m_options.databasePath.isEmpty() ? Storage::defaultDatabasePath() : m_options.databasePath;
    storage.fullSync = m_options.fullSync;
    storage.gatherTime = std::chrono::microseconds(m_options.commitWaitUs);
    storage.sessionTimeZone = m_options.sessionTimeZone;
    storage.maxSymbols = std::size_t(std::max<qint64>(1, m_options.maxSymbols));
    // Tests fill the bar log after a few rows, to kill the process in the middle of moving it.
    if (const int rows = qEnvironmentVariableIntValue("TICKDESK_BAR_LOG_ROWS"); rows > 0)
        storage.logMergeRows = std::size_t(rows);
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer)
        return Util::Status::failure(writer.error());
    m_writer = std::move(*writer);
    m_writer->setFeeders(&m_feeders);
    m_writer->setRetentionDays(m_options.retentionDays);
    m_writer->requestRetention();
    qCInfo(lcApp).noquote() << u"database %1%2; small commits wait up to %3 µs for more"_s.arg(
        storage.path, storage.fullSync ? u" (synchronous=FULL)"_s : QString(),
        QString::number(storage.gatherTime.count()));

    if (auto status = startNotifier(storage.path); !status)
        return status;

    Pipeline::PipelineOptions pipeline;
    pipeline.shards = m_options.shards;
    pipeline.maxSymbols = std::size_t(m_options.maxSymbols);
    pipeline.indicators = m_options.indicators;
    pipeline.rules = m_options.rules;
    if (terminal()) // the nodes' signals come from NATS: none of the built-in rules here
        pipeline.rules.rsiTrend = pipeline.rules.maCross = pipeline.rules.priceMove = pipeline.rules.newsSentiment =
            false;
    pipeline.sessionTimeZone = m_options.sessionTimeZone;
    if (m_options.window)
        m_feed = std::make_unique<Pipeline::LiveFeed>();
    m_pipeline = std::make_unique<Pipeline::Pipeline>(pipeline, *m_writer, m_feed.get());
    if (auto status = m_pipeline->warmStart(storage.path); !status)
        return status;
    // The trader's alerts, read again whenever the REST API changes one.
    m_alerts = std::make_unique<Alerts::AlertBook>();
    if (auto status = m_alerts->reload(storage.path); !status)
        qCWarning(lcApp) << "alerts:" << status.error();
    m_pipeline->setAlertBook(m_alerts.get());
    m_alertManager = std::make_unique<Alerts::AlertManager>(storage.path, m_alerts.get());
    // Paper trading: working orders fill against the records; the session's midnight ends day orders and
    // begins a new day P/L.
    m_paperDesk = std::make_unique<Trading::PaperDesk>(m_options.paper.costs, m_options.paper.startingCash,
                                                       QTimeZone(m_options.sessionTimeZone.toUtf8()));
    if (auto status = m_paperDesk->load(storage.path); !status)
        qCWarning(lcApp) << "paper trading:" << status.error();
    std::vector<std::pair<QString, double>> prices;
    for (const auto &summary : m_pipeline->summaries())
        prices.emplace_back(summary.symbol.toString(), summary.lastPrice);
    m_paperDesk->mark(prices);
    m_pipeline->setPaperDesk(m_paperDesk.get());
    m_paperOrders = std::make_unique<Trading::PaperOrders>(*m_paperDesk, *m_writer);
    m_paperOrders->tick(QDateTime::currentMSecsSinceEpoch() * 1000);
    m_paperManager = std::make_unique<Trading::PaperManager>(storage.path, *m_paperOrders);
    m_paperClock = std::make_unique<QTimer>();
    m_paperClock->setInterval(std::chrono::seconds(15));
    QObject::connect(m_paperClock.get(), &QTimer::timeout,
                     [this] { m_paperOrders->tick(QDateTime::currentMSecsSinceEpoch() * 1000); });
    m_paperClock->start();
    // Saved strategies trading live: a pass a second on a thread of their own.
    m_strategies = std::make_unique<Trading::StrategyTrader>(storage.path, *m_paperOrders);
    if (auto status = m_strategies->load(); !status)
        qCWarning(lcApp) << "strategies trading live:" << status.error();
    m_strategies->start();
    // Signals the trader chose to trade on become market orders, placed and stored off the writer's thread.
    QObject::connect(m_pipeline.get(), &Pipeline::Pipeline::signalsPublished, m_paperClock.get(),
                     [this](const Model::SignalList &signals) {
                         m_paperOrders->onSignals(signals, QDateTime::currentMSecsSinceEpoch() * 1000);
                     });
    if (m_options.streamPort >= 0) {
        Stream::StreamOptions stream;
        stream.address = m_options.bindAddress;
        stream.port = quint16(m_options.streamPort);
        stream.accessToken = m_options.accessToken;
        stream.webPort = m_options.port;
        stream.maxClients = m_caps.second;
        stream.allowedOrigins = m_options.allowedOrigins;
        stream.databasePath = storage.path;
        stream.indicators = m_options.indicators;
        stream.sessionTimeZone = m_options.sessionTimeZone;
        m_stream = std::make_unique<Stream::StreamServer>(stream);
        if (auto status = m_stream->start(); !status)
            return status;
    }
    m_commits = std::make_unique<Pipeline::CommitFanout>();
    if (m_stream)
        m_commits->add(m_stream.get());
    if (!m_options.nats.url.isEmpty() && !terminal()) {
        Nats::NatsOptions nats = m_options.nats;
        nats.databasePath = storage.path;
        m_nats = std::make_unique<Nats::NatsPublisher>(nats);
        if (auto status = m_nats->start(); !status)
            return status;
        m_commits->add(m_nats.get());
        qCInfo(lcApp).noquote() << "publishing to NATS at" << nats.url;
    }
    if (!m_commits->empty())
        m_pipeline->setCommitListener(m_commits.get());
    QObject::connect(m_pipeline.get(), &Pipeline::Pipeline::signalsPublished, m_notifier.get(), &Notify::Notifier::wake,
                     Qt::DirectConnection);
    m_pipeline->start();
    if (m_options.natsIngest) {
        Nats::IngestOptions ingest;
        ingest.nats = m_options.nats;
        ingest.nats.databasePath = storage.path;
        ingest.partitions = *m_options.natsIngest;
        m_natsIngest = std::make_unique<Nats::IngestConsumer>(
            ingest, [pipeline = m_pipeline.get()](Model::RecordBatch &&records, Ingest::RecordSink::Done done,
                                                  Storage::WriteJob::Write alsoWrite) {
                return pipeline->submit(std::move(records), Util::monotonicNs(), std::move(done), std::move(alsoWrite));
            });
        if (auto status = m_natsIngest->start(); !status)
            return status;
    }
    if (terminal())
        if (auto status = startTerminal(storage.path); !status)
            return status;

    m_router = std::make_unique<Http::HttpRouter>();
    m_ingest = std::make_unique<Ingest::IngestEndpoint>(*m_pipeline);
    m_api = std::make_unique<Api::RestApi>(storage.path, *m_pipeline);
    m_api->setAlertsChanged([this] { m_alertManager->changedElsewhere(); });
    m_api->setPaperOrders(m_paperOrders.get());
    Api::RouteSources routes;
    routes.ingest = m_ingest.get();
    routes.rest = m_api.get();
    routes.health = [this] { return healthJson(); };
    // The explicit QByteArray matters: with QStringBuilder, "a + b" would be returned as a
    // builder that points at temporaries already gone.
    routes.metrics = [this]() -> QByteArray {
        QByteArray text = Pipeline::prometheusText(m_ingest->counters(), *m_writer, *m_pipeline);
        if (m_server)
            Util::appendPrometheus(text, "tickdesk_http_connections_evicted_total", "counter",
                                   "idle or slow connections closed to make room near the connection cap",
                                   double(m_server->evictedConnections()));
        return text + (m_stream ? m_stream->metricsText() : QByteArray()) + m_notifier->metricsText() +
               (m_nats ? m_nats->metricsText() : QByteArray()) +
               (m_natsIngest ? m_natsIngest->metricsText() : QByteArray()) +
               (m_terminal ? m_terminal->metricsText() : QByteArray()) +
               (m_refreshes ? History::metricsText(m_refreshes->counters()) : QByteArray());
    };
    Api::installRoutes(*m_router, routes);
    Web::MonitorOptions monitor;
    monitor.streamPort = m_stream ? m_stream->port() : 0;
    Web::installMonitor(*m_router, monitor);

    Http::ServerOptions server;
    server.address = m_options.bindAddress;
    server.port = m_options.port;
    server.accessToken = m_options.accessToken;
    server.allowedOrigins = m_options.allowedOrigins;
    server.ioThreads = m_options.ioThreads;
    server.maxConnections = m_caps.first;
    server.reservedConnections = std::min(server.reservedConnections, server.maxConnections / 4);
    m_server = std::make_unique<Http::HttpServer>(server, *m_router);
    m_server->setFeeders(&m_feeders);
    if (auto status = m_server->start(); !status)
        return status;
    if (m_stream) // the web monitor's page comes from the HTTP server: it may open the stream
        m_stream->setWebPort(m_server->port());
    qCInfo(lcApp).noquote() << "web monitor on" << webMonitorUrl().toString();
    if (m_nats) { // windows on the feed read this node's older bars here
        QUrl api = webMonitorUrl();
        api.setPath({});
        const QHostAddress bind = m_options.bindAddress;
        if (bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4 || bind == QHostAddress::AnyIPv6)
            api.setHost(QHostInfo::localHostName());
        m_nats->setApiAddress(api.toString());
    }
    startRefreshes(storage.path);
    if (m_options.simulate)
        return startSimulator();
    return {};
}

namespace {

/// On --source: the nodes' REST APIs as the first history sources: those given ("node", "node2", ...), then
/// those the nodes announce (`announced`: node name and address), by node name.
std::vector<History::Source> nodeSources(const Options &options,
                                         const std::vector<std::pair<QString, QString>> &announced = {})
{
    std::vector<History::Source> out;
    if (options.sourceUrl.isEmpty())
        return out;
    std::vector<std::pair<QString, QString>> apis;
    for (const QString &api : options.sourceApis)
        apis.emplace_back(apis.empty() ? u"node"_s : u"node%1"_s.arg(apis.size() + 1), api);
    for (const auto &[node, api] : announced)
        if (std::none_of(apis.begin(), apis.end(), [&](const auto &known) { return known.second == api; }))
            apis.emplace_back(node, api);
    for (const auto &[name, api] : apis) {
        History::Source node;
        node.name = name;
        node.urlTemplate = api + u"/api/bars?symbol={symbol}&timeframe=1m&from={from}&to={to}&limit=100000"_s;
        node.format = History::Format::TickDeskBars;
        node.interval = Bars::Timeframe::minutes(1);
        node.requestsPerMinute = 0;
        out.push_back(node);
    }
    return out;
}

} // namespace

Util::Status Services::startTerminal(const QString &databasePath)
{
    Nats::TerminalOptions options;
    options.nats = m_options.nats;
    options.nats.databasePath = databasePath;
    Nats::TerminalFeed::Sinks sinks;
    sinks.ticks = [this](Model::RecordBatch &&records) {
        return m_pipeline->submit(std::move(records), Util::monotonicNs(), [](const QString &) {});
    };
    sinks.store = [this](std::vector<Model::TradeSignal> &&signals, std::vector<Trading::Fill> &&fills,
                         Storage::WriteJob::Write alsoWrite, Ingest::RecordSink::Done done) {
        return m_pipeline->storeElsewhere(std::move(signals), std::move(fills), std::move(alsoWrite), std::move(done));
    };
    // Records sent while NATS was away never come again: the node's REST API has them.
    sinks.reconnected = [this] {
        QMetaObject::invokeMethod(m_pipeline.get(), [this] {
            if (m_refreshes)
                if (auto list = m_refreshes->watchlist(); !list.isEmpty())
                    m_refreshes->fillGaps(list);
        });
    };
    sinks.nodes = [this](const std::vector<std::pair<QString, QString>> &nodes) {
        QMetaObject::invokeMethod(m_pipeline.get(), [this, sources = nodeSources(m_options, nodes), nodes] {
            if (!m_refreshes)
                return;
            QStringList names;
            for (const auto &[node, api] : nodes)
                names << node + u" "_s + api;
            qCInfo(lcApp).noquote() << "nodes' bars from:" << (names.isEmpty() ? u"none"_s : names.join(u", "_s));
            m_refreshes->setFixedSources(sources);
        });
    };
    m_terminal = std::make_unique<Nats::TerminalFeed>(options, sinks);
    if (auto status = m_terminal->start(); !status)
        return status;
    qCInfo(lcApp).noquote() << "showing the nodes' feed at" << m_options.sourceUrl << "; older bars from"
                            << (m_options.sourceApis.isEmpty() ? u"the nodes' REST APIs they announce"_s
                                                               : m_options.sourceApis.join(u", "_s));
    return {};
}

void Services::startRefreshes(const QString &databasePath)
{
    History::Refresher::Options options;
    options.databasePath = databasePath;
    options.sessionTimeZone = m_options.sessionTimeZone;
    m_refreshes = std::make_unique<History::RefreshService>(*m_writer, options);
    History::RefreshService &refreshes = *m_refreshes;
    const Core::Settings settings;
    refreshes.setLastScheduledRun(settings.lastScheduledRefresh());
    refreshes.setFixedSources(nodeSources(m_options));
    refreshes.setConfig(settings.history());
    // Headless, the symbols the engine holds; the window sets its watchlist instead.
    refreshes.setWatchlist([this] {
        QStringList names;
        for (const Analytics::SymbolSummary &s : m_pipeline->summaries())
            names << s.symbol.toString();
        return names;
    });
    // Merged history: indicators, rules and summaries read again.
    refreshes.setMerged([this](const std::vector<Model::Symbol> &symbols) { m_pipeline->rewarm(symbols); });
    for (const History::Source &source : refreshes.config().sources)
        if (auto key = Core::Secrets::historyApiKey(source.name, 2000); key && !key->isEmpty())
            refreshes.setApiKey(source.name, *key);
    QObject::connect(&refreshes, &History::RefreshService::gapsFound, &refreshes,
                     [](const QString &symbol, int gaps, const QString &spans) {
                         qCInfo(lcApp).noquote() << symbol << ": gaps in its history:" << gaps << "; filling" << spans;
                     });
    QObject::connect(&refreshes, &History::RefreshService::finished, &refreshes,
                     [&refreshes](const QString &what, const History::RefreshReport &report) {
                         if (what == u"schedule"_s)
                             Core::Settings().setLastScheduledRefresh(refreshes.lastScheduledRun());
                         for (const History::SymbolOutcome &o : report.symbols)
                             if (!o.ok)
                                 qCWarning(lcApp).noquote() << "history of" << o.symbol.toString() << ":" << o.message;
                         qCInfo(lcApp).noquote() << "history" << what << ":" << report.symbols.size() << "symbols,"
                                                 << report.stored() << "bars stored," << report.failed() << "failed";
                     });
    if (!refreshes.config().sources.empty() || terminal()) { // a window on the feed learns the nodes' APIs shortly
        const QDateTime next = refreshes.nextScheduledRun();
        qCInfo(lcApp).noquote() << "history sources:" << refreshes.config().sources.size() << "; next refresh"
                                << (next.isValid() ? next.toString(Qt::ISODate) : u"not scheduled"_s);
        // Gaps left while TickDesk was closed, once the feed had a moment to bring the symbols in.
        if (refreshes.config().schedule.fillGaps)
            QTimer::singleShot(10'000, &refreshes, [&refreshes] {
                if (auto list = refreshes.watchlist(); !list.isEmpty())
                    refreshes.fillGaps(list);
            });
    }
}

Util::Status Services::startSimulator()
{
    if (m_simulator)
        return {};
    Sim::SimulatorOptions sim;
    sim.recordsPerSecond = m_options.simulateRate;
    // A fresh market each start unless a seed is asked for, so a run never replays the last one.
    sim.seed = m_options.simulateSeed.value_or(QRandomGenerator::global()->generate64() >> 11);
    sim.metadata = m_options.simulateMetadata;
    Sim::SymbolProfile defaults;
    defaults.annualVolatility = m_options.simulateVolatility;
    if (m_options.simulateSymbols.isEmpty()) {
        sim.profiles = Sim::SimulatorOptions::referenceProfiles(m_options.simulateVolatility);
    } else {
        auto profiles = Sim::parseProfiles(m_options.simulateSymbols, defaults);
        if (!profiles)
            return Util::Status::failure(u"simulator symbols: %1"_s.arg(profiles.error()));
        sim.profiles = std::move(*profiles);
    }
    // Each symbol carries on from its last stored close, not from its start price again.
    for (Sim::SymbolProfile &profile : sim.profiles)
        if (const auto summary = m_pipeline->summary(profile.symbol); summary && summary->lastPrice > 0)
            profile.startPrice = summary->lastPrice;
    m_simulator = std::make_unique<Sim::MarketSimulator>(sim, *m_pipeline);
    m_simulator->start();
    qCInfo(lcApp) << "simulator feeding" << sim.profiles.size() << "symbols at" << sim.recordsPerSecond << "records/s";
    return {};
}

Util::Status Services::startNotifier(const QString &databasePath)
{
    const Core::NotificationSettings &n = m_options.notifications;
    Notify::NotifierOptions options;
    options.databasePath = databasePath;
    if (n.emailEnabled) {
        options.email = Notify::smtpOptions(n, m_options.smtpPassword);
        options.emailPolicy.digestSeconds = n.emailDigestSeconds;
        options.emailAlerts = n.emailAlerts;
    }
    for (const QString &url : n.webhookUrls)
        options.webhooks.push_back({url});
    options.webhookPolicy.digestSeconds = n.webhookDigestSeconds;
    options.webhookAlerts = n.webhookAlerts;
    // Retry pauses from the environment, for tests; the defaults suit a real mail server.
    if (const int ms = qEnvironmentVariableIntValue("TICKDESK_NOTIFY_RETRY_MS"); ms > 0)
        options.emailPolicy.firstRetryMs = options.webhookPolicy.firstRetryMs = ms;
    m_notifier = std::make_unique<Notify::Notifier>(options);
    if (auto status = m_notifier->start(); !status)
        return status;
    if (!m_notifier->isEmpty())
        qCInfo(lcApp) << "notifications on" << m_notifier->channels().join(u", "_s);
    return {};
}

void Services::shutdown()
{
    // Order matters: no new requests, then every accepted record processed and
    // committed (its response still goes out), then the connections close.
    if (m_refreshes)
        m_refreshes->stop(); // a refresh under way is cancelled: it writes through the writer
    if (m_simulator)
        m_simulator->stop();
    if (m_paperClock)
        m_paperClock->stop();
    if (m_strategies)
        m_strategies->stop(); // before the writer: its passes store orders
    if (m_server)
        m_server->stopListening();
    if (m_terminal)
        m_terminal->stop(); // the batch being stored commits; the rest comes at the next start
    if (m_natsIngest)
        m_natsIngest->stop(); // its batch under way commits and is acknowledged; the rest waits in the stream
    if (m_pipeline)
        m_pipeline->stop();
    if (m_writer)
        m_writer->stop();
    if (m_notifier)
        m_notifier->stop(); // what it had not delivered waits in the outbox for the next start
    if (m_stream)
        m_stream->stop();
    if (m_nats)
        m_nats->stop(); // what it had not published waits in the database for the next start
    if (m_api)
        m_api->stop(); // reads under way answer through the server's threads
    if (m_server)
        m_server->stop();
}

QUrl Services::webMonitorUrl() const
{
    // Listening on every address includes loopback, the one a browser here surely reaches.
    const QHostAddress bind = m_options.bindAddress;
    const bool any = bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4 || bind == QHostAddress::AnyIPv6;
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(any ? u"127.0.0.1"_s : bind.toString());
    url.setPort(m_server->port());
    url.setPath(u"/"_s);
    return url;
}

QByteArray Services::healthJson() const
{
    const QJsonObject o{
        {u"status"_s, u"ok"_s},
        {u"version"_s, QStringLiteral(TICKDESK_VERSION)},
        {u"uptime_s"_s, double(m_uptime.elapsed()) / 1000.0},
        {u"received"_s, qint64(m_ingest->counters().received.load())},
        {u"stored"_s, qint64(m_writer->stats().stored.load())},
        {u"signals"_s, qint64(m_writer->stats().storedSignals.load())},
        {u"symbols"_s, qint64(m_pipeline->summaries().size())},
        {u"queued"_s, qint64(m_writer->queuedRecords())},
        {u"connections"_s, m_server->connectionCount()},
    };
    QJsonObject health = o;
    if (m_nats)
        health.insert(u"nats"_s, QJsonDocument::fromJson(m_nats->healthJson()).object());
    if (m_natsIngest)
        health.insert(u"nats_ingest"_s, QJsonDocument::fromJson(m_natsIngest->healthJson()).object());
    if (m_terminal)
        health.insert(u"nats_source"_s, QJsonDocument::fromJson(m_terminal->healthJson()).object());
    if (m_refreshes) {
        // Read on an I/O thread: the counters are atomic; the schedule's next time is not asked for here.
        const History::RefreshCounters &c = m_refreshes->counters();
        health.insert(u"history"_s, QJsonObject{{u"running"_s, c.running.load() != 0},
                                                {u"symbols_refreshed"_s, qint64(c.symbols.load())},
                                                {u"failures"_s, qint64(c.failures.load())},
                                                {u"bars_stored"_s, qint64(c.barsStored.load())},
                                                {u"gaps_found"_s, qint64(c.gapsFound.load())}});
    }
    return QJsonDocument(health).toJson(QJsonDocument::Compact);
}

} // namespace App
