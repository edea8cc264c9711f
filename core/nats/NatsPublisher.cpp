// SPDX-License-Identifier: MIT
#include "NatsPublisher.h"

#include "NatsConnect.h"

#include "storage/PublishProgress.h"
#include "storage/Queries.h"
#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"
#include "stream/StreamMessages.h"
#include "text/SignalJson.h"
#include "trading/TradeJson.h"
#include "util/Prometheus.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <nats/nats.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNats, "tickdesk.nats")

namespace Nats {

namespace {

constexpr qint64 DurableBatch = 512;
constexpr int AckWaitMs = 5000;

} // namespace

QByteArray subjectToken(const QString &symbol)
{
    QByteArray token = symbol.toLatin1();
    token.replace('.', '_');
    return token;
}

/// The libnats connection and JetStream context, made on the publisher's thread and used only there (the
/// library's own threads call the handlers).
struct NatsPublisher::Connection : Link
{
    bool streamReady = false;
    std::atomic<int> failedAcks{0};
    std::unique_ptr<Storage::SqliteDatabase> db;
    kvStore *nodes = nullptr; ///< TICKDESK_NODES, once announced
    std::chrono::steady_clock::time_point announced;

    ~Connection() { kvStore_Destroy(nodes); }
};

NatsPublisher::NatsPublisher(NatsOptions options)
    : m_options(std::move(options))
    , m_node(nodeName(m_options))
{}

NatsPublisher::~NatsPublisher()
{
    stop();
}

Util::Status NatsPublisher::start()
{
    if (auto status = checkUrl(m_options.url, u"--nats"_s); !status)
        return status;
    auto db = Storage::SqliteDatabase::open(m_options.databasePath);
    if (!db)
        return Util::Status::failure(u"NATS publisher: %1"_s.arg(db.error()));
    auto identity = Storage::databaseIdentity(**db);
    if (!identity)
        return Util::Status::failure(u"NATS publisher: %1"_s.arg(identity.error()));
    m_idPrefix = m_node + ':' + *identity + ':';
    m_connection = std::make_unique<Connection>();
    m_connection->db = std::move(*db);
    Connection &c = *m_connection;
    natsStatus s = natsOptions_Create(&c.options);
    if (s == NATS_OK)
        s = applyOptions(
            c.options, m_options, "tickdesk " + m_node,
            [](natsConnection *, void *self) { static_cast<NatsPublisher *>(self)->wake(); }, this);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectedCB(
            c.options,
            [](natsConnection *, void *self) {
                auto *publisher = static_cast<NatsPublisher *>(self);
                publisher->m_stats.reconnects.fetch_add(1, std::memory_order_relaxed);
                publisher->wake();
            },
            this);
    // Told at once, so that the status is right while the thread may be waiting for acknowledgements.
    if (s == NATS_OK)
        s = natsOptions_SetDisconnectedCB(
            c.options,
            [](natsConnection *, void *self) {
                auto *publisher = static_cast<NatsPublisher *>(self);
                publisher->m_connected.store(false, std::memory_order_relaxed);
                {
                    std::lock_guard lock(publisher->m_mutex);
                    if (publisher->m_stop)
                        return; // closed by stop(): nothing to say
                }
                publisher->setError(u"disconnected from %1; trying again"_s.arg(publisher->m_options.url));
                publisher->wake();
            },
            this);
    if (s != NATS_OK)
        return Util::Status::failure(u"NATS options: %1"_s.arg(natsError(s)));
    m_thread = std::thread([this] { run(); });
    return {};
}

void NatsPublisher::stop()
{
    if (!setOnce(m_mutex, m_stop))
        return;
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_connection.reset();
}

void NatsPublisher::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_durableWaiting = true;
    }
    m_wake.notify_all();
}

void NatsPublisher::committed(std::vector<Pipeline::ProcessedTick> &&ticks,
                              const std::vector<Model::TradeSignal> &signals)
{
    std::size_t dropped = 0;
    {
        std::lock_guard lock(m_mutex);
        if (!m_connected.load(std::memory_order_relaxed)) {
            dropped = ticks.size(); // live data: whoever was away reads the past from the REST API
        } else {
            for (Pipeline::ProcessedTick &tick : ticks) {
                if (m_ticks.size() >= m_options.maxQueuedTicks) {
                    ++dropped;
                    continue;
                }
                m_ticks.push_back(std::move(tick));
            }
        }
        if (!signals.empty())
            m_durableWaiting = true;
    }
    if (dropped > 0)
        m_stats.droppedTicks.fetch_add(dropped, std::memory_order_relaxed);
    m_wake.notify_all();
}

void NatsPublisher::setError(const QString &error)
{
    std::lock_guard lock(m_mutex);
    if (error != m_error && !error.isEmpty())
        qCWarning(lcNats).noquote() << "NATS:" << error;
    m_error = error;
}

bool NatsPublisher::ensureStream()
{
    Connection &c = *m_connection;
    const QByteArray name = m_options.stream.toUtf8();
    const char *subjects[] = {"tickdesk.signal.>", "tickdesk.alert.>", "tickdesk.fill.>"};
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = name.constData();
    config.Subjects = subjects;
    config.SubjectsLen = 3;
    config.Storage = js_FileStorage;
    config.Duplicates = qint64(m_options.duplicateWindowSeconds) * 1'000'000'000;
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_AddStream(&info, c.jetStream, &config, nullptr, &code);
    if (s != NATS_OK && code == JSStreamNameExistErr)
        s = js_UpdateStream(&info, c.jetStream, &config, nullptr, &code);
    jsStreamInfo_Destroy(info);
    if (s != NATS_OK) {
        setError(u"cannot create the JetStream stream %1: %2"_s.arg(m_options.stream, natsError(s)));
        return false;
    }
    c.streamReady = true;
    return true;
}

bool NatsPublisher::publishBatch(const QByteArray &kind, const std::vector<Message> &batch)
{
    Connection &c = *m_connection;
    c.failedAcks.store(0);
    for (const Message &m : batch) {
        const QByteArray id = m_idPrefix + kind + ':' + QByteArray::number(m.id);
        jsPubOptions options;
        jsPubOptions_Init(&options);
        options.MsgId = id.constData();
        options.MaxWait = AckWaitMs;
        if (natsStatus s =
                js_PublishAsync(c.jetStream, m.subject.constData(), m.data.constData(), int(m.data.size()), &options);
            s != NATS_OK) {
            setError(u"publishing to JetStream: %1"_s.arg(natsError(s)));
            return false;
        }
    }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = AckWaitMs;
    if (natsStatus s = js_PublishAsyncComplete(c.jetStream, &wait); s != NATS_OK || c.failedAcks.load() > 0) {
        c.streamReady = false; // a server started afresh has no stream: make it again before the next try
        setError(u"JetStream did not acknowledge every message (%1); sending them again"_s.arg(
            s != NATS_OK ? natsError(s) : u"%1 refused"_s.arg(c.failedAcks.load())));
        return false;
    }
    if (auto status = Storage::setPublishedThrough(*c.db, kind, batch.back().id); !status) {
        setError(status.error());
        return false;
    }
    return true;
}

bool NatsPublisher::publishDurable()
{
    Connection &c = *m_connection;
    if (!c.jetStream || (!c.streamReady && !ensureStream()))
        return false;
    // Signals and alert fires, then trades, each in the order they were stored.
    for (;;) {
        auto through = Storage::publishedThrough(*c.db, "signal");
        if (!through) {
            setError(through.error());
            return false;
        }
        std::vector<Message> batch;
        const Util::Status read =
            Storage::forEachSignalAfter(*c.db, *through, DurableBatch, [&](const Model::TradeSignal &s) {
                const bool fire = s.isTraderAlert();
                batch.push_back({s.id,
                                 (fire ? "tickdesk.alert." : "tickdesk.signal.") + subjectToken(s.symbol.toString()),
                                 fire ? Text::alertJson(s) : Text::signalJson(s)});
                return true;
            });
        if (!read) {
            setError(read.error());
            return false;
        }
        if (batch.empty())
            break;
        if (!publishBatch("signal", batch))
            return false;
        m_stats.signals.fetch_add(batch.size(), std::memory_order_relaxed);
        if (qint64(batch.size()) < DurableBatch)
            break;
    }
    for (;;) {
        auto through = Storage::publishedThrough(*c.db, "trade");
        auto trades = through ? Storage::TradeStore::after(*c.db, *through, DurableBatch)
                              : Util::Result<std::vector<Storage::StoredTrade>>::failure(through.error());
        if (!trades) {
            setError(trades.error());
            return false;
        }
        if (trades->empty())
            break;
        std::vector<Message> batch;
        for (const Storage::StoredTrade &t : *trades)
            batch.push_back({t.id, "tickdesk.fill." + subjectToken(t.fill.symbol),
                             QJsonDocument(Trading::tradeJson(t)).toJson(QJsonDocument::Compact)});
        if (!publishBatch("trade", batch))
            return false;
        m_stats.fills.fetch_add(batch.size(), std::memory_order_relaxed);
        if (qint64(batch.size()) < DurableBatch)
            break;
    }
    updateBehind();
    return true;
}

void NatsPublisher::updateBehind()
{
    Connection &c = *m_connection;
    if (auto newest = Storage::newestSignalId(*c.db); newest)
        if (auto through = Storage::publishedThrough(*c.db, "signal"); through) {
            std::lock_guard lock(m_mutex);
            m_behind = std::max<qint64>(0, *newest - *through);
        }
}

void NatsPublisher::setApiAddress(const QString &url)
{
    std::lock_guard lock(m_mutex);
    m_apiAddress = url;
}

void NatsPublisher::announce()
{
    Connection &c = *m_connection;
    QString api;
    {
        std::lock_guard lock(m_mutex);
        api = m_apiAddress;
    }
    const auto now = std::chrono::steady_clock::now();
    if (api.isEmpty() || !c.jetStream || (c.nodes && now - c.announced < std::chrono::milliseconds(NodeAnnounceMs)))
        return;
    QString error;
    if (!c.nodes && !(c.nodes = openBucket(c.jetStream, NodesBucket, NodeTtlMs, &error))) {
        qCWarning(lcNats).noquote() << "cannot announce this node in" << NodesBucket << ":" << error;
        c.announced = now; // tried again in a while
        return;
    }
    const QByteArray entry = QJsonDocument(QJsonObject{{u"node"_s, QString::fromUtf8(m_node)}, {u"api"_s, api}})
                                 .toJson(QJsonDocument::Compact);
    // Published as a plain message to the bucket's subject: the stream behind the bucket stores it all the same,
    // and nothing waits for an acknowledgement (a put would hold this thread up while NATS goes away). One lost
    // is written again at the next turn.
    const QByteArray subject = nodeEntrySubject(m_node);
    natsConnection_Publish(c.connection, subject.constData(), entry.constData(), int(entry.size()));
    c.announced = now;
}

void NatsPublisher::run()
{
    Connection &c = *m_connection;
    natsStatus s = natsConnection_Connect(&c.connection, c.options);
    if (s != NATS_OK && s != NATS_NOT_YET_CONNECTED) {
        setError(u"cannot connect to %1: %2"_s.arg(m_options.url, natsError(s)));
        c.connection = nullptr;
    }
    if (c.connection) {
        jsOptions js;
        jsOptions_Init(&js);
        js.Wait = AckWaitMs;
        js.PublishAsync.AckHandler = [](jsCtx *, natsMsg *msg, jsPubAck *, jsPubAckErr *error, void *closure) {
            if (error)
                static_cast<Connection *>(closure)->failedAcks.fetch_add(1);
            natsMsg_Destroy(msg);
        };
        js.PublishAsync.AckHandlerClosure = &c;
        if (natsStatus js_s = natsConnection_JetStream(&c.jetStream, c.connection, &js); js_s != NATS_OK)
            setError(u"JetStream: %1"_s.arg(natsError(js_s)));
    }
    std::deque<Pipeline::ProcessedTick> ticks;
    auto lastDurable = std::chrono::steady_clock::now();
    for (;;) {
        bool durable = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(500),
                            [this] { return m_stop || !m_ticks.empty() || m_durableWaiting; });
            if (m_stop)
                break;
            ticks.swap(m_ticks);
            durable = std::exchange(m_durableWaiting, false);
        }
        // Trades are stored by the REST API and the paper broker too: look for them once a second anyway.
        if (std::chrono::steady_clock::now() - lastDurable > std::chrono::seconds(1))
            durable = true;
        const bool connected = c.connection && natsConnection_Status(c.connection) == NATS_CONN_STATUS_CONNECTED;
        m_connected.store(connected, std::memory_order_relaxed);
        if (!connected) {
            m_stats.droppedTicks.fetch_add(ticks.size(), std::memory_order_relaxed);
            ticks.clear();
            if (c.connection)
                setError(u"not connected to %1; trying again"_s.arg(m_options.url));
            updateBehind();
            continue;
        }
        for (const Pipeline::ProcessedTick &tick : ticks) {
            const QByteArray subject = "tickdesk.tick." + subjectToken(tick.bar.symbol.toString());
            const QByteArray data = Stream::tickMessage(tick);
            if (natsConnection_Publish(c.connection, subject.constData(), data.constData(), int(data.size())) ==
                NATS_OK)
                m_stats.ticks.fetch_add(1, std::memory_order_relaxed);
            else
                m_stats.droppedTicks.fetch_add(1, std::memory_order_relaxed);
        }
        ticks.clear();
        if (!c.streamReady)
            durable = true;
        if (durable) {
            lastDurable = std::chrono::steady_clock::now();
            if (publishDurable())
                setError({});
        }
        announce();
    }
    // Gone at once rather than when the entry's time runs out: a delete marker, sent as the connection closes.
    if (c.nodes && c.connection && natsConnection_Status(c.connection) == NATS_CONN_STATUS_CONNECTED) {
        natsMsg *marker = nullptr;
        const QByteArray subject = nodeEntrySubject(m_node);
        if (natsMsg_Create(&marker, subject.constData(), nullptr, nullptr, 0) == NATS_OK &&
            natsMsgHeader_Set(marker, "KV-Operation", "DEL") == NATS_OK)
            natsConnection_PublishMsg(c.connection, marker);
        natsMsg_Destroy(marker);
    }
    m_connected.store(false);
}

NatsPublisher::Status NatsPublisher::status() const
{
    std::lock_guard lock(m_mutex);
    return Status{m_connected.load(), m_behind, m_ticks.size(), m_error};
}

QByteArray NatsPublisher::healthJson() const
{
    const Status s = status();
    QJsonObject o{{u"url"_s, m_options.url},
                  {u"connected"_s, s.connected},
                  {u"behind"_s, s.behind},
                  {u"queued_ticks"_s, qint64(s.queuedTicks)}};
    if (!s.error.isEmpty())
        o.insert(u"error"_s, s.error);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray NatsPublisher::metricsText() const
{
    const Status s = status();
    QByteArray text;
    Util::appendPrometheus(text, "tickdesk_nats_connected", "gauge", "1 while connected to NATS", s.connected ? 1 : 0);
    Util::appendPrometheus(text, "tickdesk_nats_behind", "gauge",
                           "signals stored but not yet acknowledged by JetStream", double(s.behind));
    Util::appendPrometheus(text, "tickdesk_nats_ticks_published_total", "counter", "records published",
                           double(m_stats.ticks.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ticks_dropped_total", "counter",
                           "records not published (NATS away or the queue full)", double(m_stats.droppedTicks.load()));
    Util::appendPrometheus(text, "tickdesk_nats_signals_published_total", "counter",
                           "signals and alert fires acknowledged by JetStream", double(m_stats.signals.load()));
    Util::appendPrometheus(text, "tickdesk_nats_fills_published_total", "counter",
                           "paper trades acknowledged by JetStream", double(m_stats.fills.load()));
    Util::appendPrometheus(text, "tickdesk_nats_reconnects_total", "counter", "reconnections to NATS",
                           double(m_stats.reconnects.load()));
    return text;
}

} // namespace Nats
