// SPDX-License-Identifier: MIT
#include "NatsTerminal.h"

#include "NatsConnect.h"
#include "storage/PublishProgress.h"
#include "storage/SqliteDatabase.h"
#include "text/SignalJson.h"
#include "trading/Order.h"
#include "trading/TradeJson.h"
#include "util/Prometheus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <simdjson.h>

#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNatsTerminal, "tickdesk.nats.terminal")

namespace Nats {

namespace {

constexpr const char *TickSubjects = "tickdesk.tick.>";
constexpr int FetchWaitMs = 500;
constexpr std::size_t MaxFillsKept = 1000;

/// A `tick` message of a node (as Stream::tickMessage writes it) back into a record.
bool readTick(simdjson::dom::parser &parser, const char *data, int size, Model::Tick &out)
{
    simdjson::dom::element root;
    if (parser.parse(data, std::size_t(size)).get(root) != simdjson::SUCCESS)
        return false;
    std::string_view symbol;
    double seconds = 0;
    std::int64_t volume = 0;
    if (root["symbol"].get(symbol) != simdjson::SUCCESS || !Model::Symbol::parse(symbol, out.symbol) ||
        root["timestamp"].get(seconds) != simdjson::SUCCESS || root["volume"].get(volume) != simdjson::SUCCESS)
        return false;
    for (auto [field, target] : {std::pair{"open", &out.open}, std::pair{"high", &out.high}, std::pair{"low", &out.low},
                                 std::pair{"close", &out.close}})
        if (root[field].get(*target) != simdjson::SUCCESS || !(*target > 0) || !std::isfinite(*target))
            return false;
    out.timestamp = std::llround(seconds * 1e6);
    out.volume = volume;
    return seconds >= 0 && volume >= 0;
}

/// A paper fill message (`/api/trades`' form): the fill, and in words; nothing when it is not one.
std::optional<std::pair<Trading::Fill, TerminalFeed::Fill>> readFill(const char *data, int size)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(data, size)).object();
    auto trade = Trading::tradeFromJson(o, 0);
    if (!trade || trade->fill.time == 0)
        return std::nullopt;
    Trading::Fill fill = trade->fill;
    fill.orderId = 0; // the node's order: none of this database's
    TerminalFeed::Fill told;
    told.symbol = fill.symbol;
    told.text = u"%1 %2 %3 at %4"_s.arg(Trading::sideName(fill.side).replace(u'_', u' '),
                                        QString::number(fill.quantity), fill.symbol, QString::number(fill.price));
    told.timeUs = fill.time;
    return std::pair{fill, told};
}

} // namespace

struct TerminalFeed::Connection : Link
{
    natsSubscription *ticks = nullptr;
    natsSubscription *signals = nullptr;
    kvStore *nodes = nullptr;                    ///< TICKDESK_NODES
    std::unique_ptr<Storage::SqliteDatabase> db; ///< reads how far the stream was stored

    ~Connection()
    {
        natsSubscription_Destroy(ticks);
        natsSubscription_Destroy(signals);
        kvStore_Destroy(nodes);
    }
};

TerminalFeed::TerminalFeed(TerminalOptions options, Sinks sinks)
    : m_options(std::move(options))
    , m_sinks(std::move(sinks))
{}

TerminalFeed::~TerminalFeed()
{
    stop();
}

Util::Status TerminalFeed::start()
{
    using S = Util::Status;
    if (auto status = checkUrl(m_options.nats.url, u"--source"_s); !status)
        return status;
    m_connection = std::make_unique<Connection>();
    Connection &c = *m_connection;
    auto db = Storage::SqliteDatabase::open(m_options.nats.databasePath);
    if (!db)
        return S::failure(u"NATS source: %1"_s.arg(db.error()));
    c.db = std::move(*db);
    // One consumer per terminal database: two windows on one machine follow the stream each for itself.
    auto identity = Storage::databaseIdentity(*c.db);
    if (!identity)
        return S::failure(u"NATS source: %1"_s.arg(identity.error()));
    m_consumer = "tickdesk-terminal-" + *identity;
    m_progressKey = "terminal:" + m_consumer;

    const auto reconnected = [](natsConnection *, void *closure) {
        auto *self = static_cast<TerminalFeed *>(closure);
        self->m_connected.store(true, std::memory_order_relaxed);
        self->m_stats.reconnects.fetch_add(1, std::memory_order_relaxed);
        if (self->m_sinks.reconnected)
            self->m_sinks.reconnected();
    };
    if (auto status = openLink(c, m_options.nats, "tickdesk terminal " + nodeName(m_options.nats), m_connected,
                               reconnected, this);
        !status)
        return status;
    // Live records: a plain subscription, bounded in the client (past the bound, the library drops and counts).
    natsStatus s = natsConnection_SubscribeSync(&c.ticks, c.connection, TickSubjects);
    if (s == NATS_OK)
        s = natsSubscription_SetPendingLimits(c.ticks, m_options.maxPendingTicks, 256 * 1024 * 1024);
    if (s != NATS_OK)
        return S::failure(u"subscribing to %1: %2"_s.arg(QLatin1String(TickSubjects), natsError(s)));
    m_ticksThread = std::thread([this] { runTicks(); });
    m_signalsThread = std::thread([this] { runSignals(); });
    qCInfo(lcNatsTerminal).noquote() << "following" << m_options.nats.url << "as" << m_consumer;
    return {};
}

void TerminalFeed::stop()
{
    if (!setOnce(m_mutex, m_stop))
        return;
    m_stopped.notify_all();
    for (std::thread *t : {&m_ticksThread, &m_signalsThread})
        if (t->joinable())
            t->join();
    m_connection.reset();
}

bool TerminalFeed::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    return m_stopped.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

void TerminalFeed::setState(const QString &state)
{
    std::lock_guard lock(m_mutex);
    if (state != m_state && state != u"following"_s && state != u"connecting"_s)
        qCInfo(lcNatsTerminal).noquote() << state;
    m_state = state;
}

void TerminalFeed::runTicks()
{
    natsSubscription *sub = m_connection->ticks;
    simdjson::dom::parser parser;
    std::int64_t droppedBefore = 0;
    while (!pause(0)) {
        natsMsg *first = nullptr;
        if (natsSubscription_NextMsg(&first, sub, 200) != NATS_OK)
            continue;
        // Everything already waiting goes in one batch with the first.
        int waiting = 0;
        natsSubscription_GetPending(sub, &waiting, nullptr);
        Model::RecordBatch records;
        records.reserve(std::size_t(waiting) + 1);
        for (natsMsg *msg = first; msg;) {
            Model::Tick tick;
            if (readTick(parser, natsMsg_GetData(msg), natsMsg_GetDataLength(msg), tick))
                records.emplace_back(tick);
            else
                m_stats.refused.fetch_add(1, std::memory_order_relaxed);
            natsMsg_Destroy(msg);
            msg = nullptr;
            if (waiting-- > 0)
                natsSubscription_NextMsg(&msg, sub, 1);
        }
        std::int64_t dropped = 0;
        if (natsSubscription_GetDropped(sub, &dropped) == NATS_OK && dropped > droppedBefore) {
            m_stats.droppedTicks.fetch_add(std::uint64_t(dropped - droppedBefore), std::memory_order_relaxed);
            droppedBefore = dropped;
        }
        if (records.empty())
            continue;
        const std::size_t count = records.size();
        // Waits while the engine is busy: the subscription's bound keeps memory in check meanwhile.
        for (;;) {
            const Submit outcome = m_sinks.ticks(std::move(records));
            if (outcome == Submit::Accepted) {
                m_stats.ticks.fetch_add(count, std::memory_order_relaxed);
                break;
            }
            if (outcome == Submit::Closed || pause(5))
                return;
        }
    }
}

qint64 TerminalFeed::streamCreated()
{
    const QByteArray name = m_options.nats.stream.toUtf8();
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s = js_GetStreamInfo(&info, m_connection->jetStream, name.constData(), nullptr, &code);
    if (s != NATS_OK) {
        setState(s == NATS_NOT_FOUND || code == JSStreamNotFoundErr
                     ? u"waiting for a node to make the stream %1"_s.arg(m_options.nats.stream)
                     : u"reading the stream %1: %2"_s.arg(m_options.nats.stream, natsError(s)));
        return 0;
    }
    const qint64 created = info->Created;
    jsStreamInfo_Destroy(info);
    return created;
}

bool TerminalFeed::take(qint64 streamCreated)
{
    Connection &c = *m_connection;
    auto progress = Storage::ingestProgress(*c.db, m_progressKey);
    if (!progress) {
        setState(progress.error());
        return false;
    }
    // A stream made anew (its sequences begin again) is taken from the backlog like a first start.
    const qint64 applied = progress->streamCreated == streamCreated ? progress->lastSeq : 0;
    const QByteArray stream = m_options.nats.stream.toUtf8();
    js_DeleteConsumer(c.jetStream, stream.constData(), m_consumer.constData(), nullptr, nullptr);
    jsConsumerConfig config;
    jsConsumerConfig_Init(&config);
    config.Durable = m_consumer.constData();
    config.AckPolicy = js_AckExplicit;
    config.MaxAckPending = std::max(4 * m_options.fetchBatch, 1000);
    if (applied > 0) {
        config.DeliverPolicy = js_DeliverByStartSequence;
        config.OptStartSeq = std::uint64_t(applied + 1);
    } else {
        config.DeliverPolicy = js_DeliverByStartTime;
        config.OptStartTime =
            (QDateTime::currentMSecsSinceEpoch() - qint64(m_options.backlogHours) * 3'600'000) * 1'000'000;
    }
    jsConsumerInfo *created = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_AddConsumer(&created, c.jetStream, stream.constData(), &config, nullptr, &code);
    jsConsumerInfo_Destroy(created);
    if (s == NATS_OK) {
        jsSubOptions options;
        jsSubOptions_Init(&options);
        options.Stream = stream.constData();
        options.Consumer = m_consumer.constData();
        s = js_PullSubscribe(&c.signals, c.jetStream, nullptr, m_consumer.constData(), nullptr, &options, &code);
    }
    if (s != NATS_OK) {
        setState(u"cannot follow the stream %1: %2"_s.arg(m_options.nats.stream, natsError(s)));
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_appliedThrough = applied;
    m_state = u"following"_s;
    return true;
}

bool TerminalFeed::apply(natsMsgList &list, qint64 streamCreated)
{
    std::vector<Model::TradeSignal> signals;
    std::vector<Trading::Fill> fills;
    std::vector<Fill> told;
    qint64 lastSeq = 0;
    qint64 applied = 0;
    {
        std::lock_guard lock(m_mutex);
        applied = m_appliedThrough;
    }
    for (int i = 0; i < list.Count; ++i) {
        natsMsg *msg = list.Msgs[i];
        jsMsgMetaData *meta = nullptr;
        if (natsMsg_GetMetaData(&meta, msg) != NATS_OK)
            continue;
        const qint64 seq = qint64(meta->Sequence.Stream);
        {
            std::lock_guard lock(m_mutex);
            m_pending = qint64(meta->NumPending);
        }
        jsMsgMetaData_Destroy(meta);
        if (seq <= applied) {
            m_stats.alreadyStored.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        lastSeq = seq;
        const QByteArrayView subject(natsMsg_GetSubject(msg));
        const char *data = natsMsg_GetData(msg);
        const int size = natsMsg_GetDataLength(msg);
        if (subject.startsWith("tickdesk.fill.")) {
            if (auto fill = readFill(data, size)) {
                fills.push_back(fill->first);
                told.push_back(fill->second);
            } else
                m_stats.refused.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        QString error;
        if (auto signal = Text::signalFromJson(QByteArrayView(data, size), &error)) {
            signal->id = 0; // the sender's row; stored here it gets one of this database
            signals.push_back(std::move(*signal));
        } else {
            m_stats.refused.fetch_add(1, std::memory_order_relaxed);
            qCWarning(lcNatsTerminal).noquote() << "message" << seq << "on" << subject.toByteArray() << ":" << error;
        }
    }
    if (lastSeq > 0) {
        const std::size_t count = signals.size();
        const std::size_t fillCount = fills.size();
        Storage::WriteJob::Write progress = [key = m_progressKey, streamCreated, lastSeq](Storage::SqliteDatabase &db) {
            return Storage::setIngestProgress(db, key, {streamCreated, lastSeq});
        };
        const auto error = storeAndWait(
            [&](Ingest::RecordSink::Done done) {
                return m_sinks.store(std::move(signals), std::move(fills), progress, std::move(done));
            },
            [this](int ms) { return pause(ms); });
        if (!error)
            return false;
        if (!error->isEmpty()) {
            setState(u"storing signals failed (%1); taking them again"_s.arg(*error));
            return false;
        }
        m_stats.signals.fetch_add(count, std::memory_order_relaxed);
        m_stats.fills.fetch_add(std::uint64_t(fillCount), std::memory_order_relaxed);
        std::lock_guard lock(m_mutex);
        m_appliedThrough = lastSeq;
        for (Fill &fill : told)
            m_fills.push_back(std::move(fill));
        while (m_fills.size() > MaxFillsKept)
            m_fills.pop_front();
    }
    for (int i = 0; i < list.Count; ++i)
        natsMsg_Ack(list.Msgs[i], nullptr);
    return true;
}

void TerminalFeed::discover()
{
    Connection &c = *m_connection;
    const auto now = std::chrono::steady_clock::now();
    if (!m_sinks.nodes || now < m_nextDiscovery)
        return;
    m_nextDiscovery = now + std::chrono::milliseconds(NodeAnnounceMs);
    if (!c.nodes && !(c.nodes = openBucket(c.jetStream, NodesBucket, NodeTtlMs, nullptr)))
        return;
    std::vector<std::pair<QString, QString>> nodes;
    kvKeysList keys{};
    const natsStatus listed = kvStore_Keys(&keys, c.nodes, nullptr);
    if (listed != NATS_OK && listed != NATS_NOT_FOUND) // NOT_FOUND: no node announced
        return;
    if (listed == NATS_OK) {
        for (int i = 0; i < keys.Count; ++i) {
            kvEntry *entry = nullptr;
            if (kvStore_Get(&entry, c.nodes, keys.Keys[i]) != NATS_OK)
                continue;
            const QJsonObject o = QJsonDocument::fromJson(QByteArray(static_cast<const char *>(kvEntry_Value(entry)),
                                                                     kvEntry_ValueLen(entry)))
                                      .object();
            kvEntry_Destroy(entry);
            const QString api = o.value(u"api"_s).toString();
            if (api.startsWith(u"http://"_s) || api.startsWith(u"https://"_s))
                nodes.emplace_back(o.value(u"node"_s).toString(QString::fromUtf8(keys.Keys[i])), api);
        }
        kvKeysList_Destroy(&keys);
    }
    std::sort(nodes.begin(), nodes.end());
    {
        std::lock_guard lock(m_mutex);
        if (nodes == m_nodes)
            return;
        m_nodes = nodes;
    }
    m_sinks.nodes(nodes);
}

void TerminalFeed::runSignals()
{
    Connection &c = *m_connection;
    qint64 created = 0;
    while (!pause(0)) {
        const bool connected = natsConnection_Status(c.connection) == NATS_CONN_STATUS_CONNECTED;
        m_connected.store(connected, std::memory_order_relaxed);
        if (!connected) {
            setState(u"connecting"_s);
            pause(250);
            continue;
        }
        discover();
        if (!c.signals) {
            created = streamCreated();
            if (created == 0 || !take(created)) {
                pause(1000);
                continue;
            }
        }
        natsMsgList list{};
        jsErrCode code = jsErrCode(0);
        const natsStatus s = natsSubscription_Fetch(&list, c.signals, m_options.fetchBatch, FetchWaitMs, &code);
        if (s == NATS_TIMEOUT) {
            std::lock_guard lock(m_mutex);
            m_pending = 0;
            continue;
        }
        bool ok = s == NATS_OK;
        if (!ok)
            setState(u"fetching: %1"_s.arg(natsError(s)));
        else
            ok = apply(list, created);
        natsMsgList_Destroy(&list);
        if (!ok) {
            // Made anew from what was stored: whatever came after it comes again, in order.
            natsSubscription_Destroy(std::exchange(c.signals, nullptr));
            pause(1000);
        }
    }
}

TerminalFeed::Status TerminalFeed::status() const
{
    std::lock_guard lock(m_mutex);
    return {m_connected.load(std::memory_order_relaxed), m_state, m_appliedThrough, m_pending};
}

std::vector<TerminalFeed::Fill> TerminalFeed::takeFills()
{
    std::lock_guard lock(m_mutex);
    std::vector<Fill> out(std::make_move_iterator(m_fills.begin()), std::make_move_iterator(m_fills.end()));
    m_fills.clear();
    return out;
}

QByteArray TerminalFeed::healthJson() const
{
    const Status s = status();
    const QJsonObject o{{u"url"_s, m_options.nats.url},
                        {u"consumer"_s, QString::fromLatin1(m_consumer)},
                        {u"connected"_s, s.connected},
                        {u"state"_s, s.state},
                        {u"stored_through"_s, s.appliedThrough},
                        {u"pending"_s, s.pending},
                        {u"ticks"_s, qint64(m_stats.ticks.load())},
                        {u"dropped_ticks"_s, qint64(m_stats.droppedTicks.load())},
                        {u"signals"_s, qint64(m_stats.signals.load())},
                        {u"fills"_s, qint64(m_stats.fills.load())},
                        {u"refused"_s, qint64(m_stats.refused.load())}};
    QJsonArray nodes;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[node, api] : m_nodes)
            nodes.append(QJsonObject{{u"node"_s, node}, {u"api"_s, api}});
    }
    QJsonObject out = o;
    out.insert(u"nodes"_s, nodes);
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QByteArray TerminalFeed::metricsText() const
{
    const Status s = status();
    QByteArray text;
    Util::appendPrometheus(text, "tickdesk_nats_source_connected", "gauge", "1 while connected to the nodes' NATS",
                           s.connected ? 1 : 0);
    Util::appendPrometheus(text, "tickdesk_nats_source_pending", "gauge",
                           "signals, fires and fills in the stream not yet delivered here", double(s.pending));
    Util::appendPrometheus(text, "tickdesk_nats_source_ticks_total", "counter", "records received live",
                           double(m_stats.ticks.load()));
    Util::appendPrometheus(text, "tickdesk_nats_source_dropped_ticks_total", "counter",
                           "records dropped because this terminal fell behind", double(m_stats.droppedTicks.load()));
    Util::appendPrometheus(text, "tickdesk_nats_source_signals_total", "counter",
                           "signals and alert fires stored from the stream", double(m_stats.signals.load()));
    Util::appendPrometheus(text, "tickdesk_nats_source_fills_total", "counter", "paper fills seen",
                           double(m_stats.fills.load()));
    Util::appendPrometheus(text, "tickdesk_nats_source_refused_total", "counter", "messages that could not be read",
                           double(m_stats.refused.load()));
    Util::appendPrometheus(text, "tickdesk_nats_source_reconnects_total", "counter", "connections made again",
                           double(m_stats.reconnects.load()));
    return text;
}

} // namespace Nats
