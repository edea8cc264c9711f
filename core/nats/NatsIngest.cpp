// SPDX-License-Identifier: MIT
#include "NatsIngest.h"

#include "NatsConnect.h"
#include "ingest/RecordDecoder.h"
#include "storage/PublishProgress.h"
#include "storage/SqliteDatabase.h"
#include "util/Prometheus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNatsIngest, "tickdesk.nats.ingest")

namespace Nats {

namespace {

constexpr int FetchWaitMs = 500;
constexpr int MaxPartitions = 1024;
/// Who consumes which filter: a key a filter in this JetStream key-value bucket, its value the owner, written
/// again every LeaseRenewMs and gone LeaseTtlMs after the last write (a node that died holds nothing for long).
constexpr const char *OwnersBucket = "TICKDESK_INGEST_OWNERS";
constexpr int LeaseTtlMs = 6000;
constexpr int LeaseRenewMs = 2000;
constexpr int StandbyRetryMs = 1000;

/// The symbol a subject names: its last token, '_' standing for '.'.
QByteArray subjectSymbol(const char *subject)
{
    QByteArray s(subject);
    s = s.mid(s.lastIndexOf('.') + 1);
    s.replace('_', '.');
    return s;
}

} // namespace

Util::Result<IngestPartitions> IngestPartitions::parse(const QString &spec)
{
    using R = Util::Result<IngestPartitions>;
    const QString text = spec.trimmed();
    if (text == u"all"_s)
        return IngestPartitions{};
    const QStringList halves = text.split(u'/');
    bool ok = halves.size() == 2;
    const int count = ok ? halves[1].toInt(&ok) : 0;
    if (!ok || count < 1 || count > MaxPartitions)
        return R::failure(
            u"--nats-ingest: \"%1\" is not \"all\", \"P/N\" or \"P,Q/N\" (N partitions, 1 to %2)"_s.arg(spec).arg(
                MaxPartitions));
    IngestPartitions out;
    out.count = count;
    for (const QString &part : halves[0].split(u',')) {
        const int p = part.trimmed().toInt(&ok);
        if (!ok || p < 0 || p >= count)
            return R::failure(
                u"--nats-ingest: partition \"%1\" is not one of 0 to %2"_s.arg(part.trimmed()).arg(count - 1));
        out.owned.push_back(p);
    }
    std::sort(out.owned.begin(), out.owned.end());
    out.owned.erase(std::unique(out.owned.begin(), out.owned.end()), out.owned.end());
    return out;
}

std::vector<QByteArray> IngestPartitions::filters() const
{
    if (count == 0)
        return {QByteArrayLiteral("tickdesk.ingest.>")};
    std::vector<QByteArray> out;
    for (int p : owned)
        out.push_back("tickdesk.ingest." + QByteArray::number(p) + ".*");
    return out;
}

QByteArray IngestPartitions::consumerName(const QByteArray &filter)
{
    if (filter == "tickdesk.ingest.>")
        return QByteArrayLiteral("tickdesk-ingest-all");
    return "tickdesk-ingest-" + filter.split('.').at(2);
}

QString IngestPartitions::toString() const
{
    if (count == 0)
        return u"all"_s;
    QStringList parts;
    for (int p : owned)
        parts << QString::number(p);
    return u"%1/%2"_s.arg(parts.join(u','), QString::number(count));
}

struct IngestConsumer::Connection : Link
{
    std::mutex ownersMutex; ///< the workers open the bucket once
    kvStore *owners = nullptr;

    ~Connection() { kvStore_Destroy(owners); }
};

/// One consumed filter: its thread, subscription and progress.
struct IngestConsumer::Worker
{
    QByteArray filter;
    QByteArray consumer;
    std::thread thread;
    natsSubscription *subscription = nullptr;
    std::unique_ptr<Storage::SqliteDatabase> db; ///< reads the progress at a take
    Ingest::RecordDecoder decoder;
    std::uint64_t leaseRevision = 0; ///< 0: the filter is not this node's
    std::chrono::steady_clock::time_point leaseWritten;
    // Guarded by the consumer's m_mutex (written only by the worker's thread, which reads them without it):
    qint64 appliedThrough = 0; ///< the last message committed, of the stream as it was at the take
    QString state = u"connecting"_s;
    qint64 pending = 0;
};

IngestConsumer::IngestConsumer(IngestOptions options, Submit submit)
    : m_options(std::move(options))
    , m_submit(std::move(submit))
    , m_node(nodeName(m_options.nats))
    , m_owner(m_node + ' ' + QByteArray::number(QRandomGenerator::global()->generate64(), 16))
{}

IngestConsumer::~IngestConsumer()
{
    stop();
}

Util::Status IngestConsumer::start()
{
    if (auto status = checkUrl(m_options.nats.url, u"--nats"_s); !status)
        return status;
    for (const QByteArray &filter : m_options.partitions.filters()) {
        auto worker = std::make_unique<Worker>();
        worker->filter = filter;
        worker->consumer = IngestPartitions::consumerName(filter);
        auto db = Storage::SqliteDatabase::open(m_options.nats.databasePath);
        if (!db)
            return Util::Status::failure(u"NATS ingest: %1"_s.arg(db.error()));
        worker->db = std::move(*db);
        m_workers.push_back(std::move(worker));
    }
    m_connection = std::make_unique<Connection>();
    Connection &c = *m_connection;
    if (auto status = openLink(c, m_options.nats, "tickdesk ingest " + m_node, m_connected); !status)
        return status;
    for (auto &worker : m_workers)
        worker->thread = std::thread([this, w = worker.get()] { run(*w); });
    qCInfo(lcNatsIngest).noquote() << "consuming records from NATS stream" << m_options.stream << "partitions"
                                   << m_options.partitions.toString();
    return {};
}

void IngestConsumer::stop()
{
    if (!setOnce(m_mutex, m_stop))
        return;
    m_stopped.notify_all();
    for (auto &worker : m_workers)
        if (worker->thread.joinable())
            worker->thread.join();
    for (auto &worker : m_workers) {
        natsSubscription_Destroy(std::exchange(worker->subscription, nullptr));
        release(*worker);
    }
    m_connection.reset();
}

bool IngestConsumer::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    return m_stopped.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

void IngestConsumer::setState(Worker &worker, const QString &state)
{
    std::lock_guard lock(m_mutex);
    if (state != worker.state && state != u"consuming"_s && state != u"connecting"_s)
        qCInfo(lcNatsIngest).noquote() << worker.filter << state;
    worker.state = state;
}

qint64 IngestConsumer::ensureStream(Worker &worker)
{
    const QByteArray name = m_options.stream.toUtf8();
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_GetStreamInfo(&info, m_connection->jetStream, name.constData(), nullptr, &code);
    if (s == NATS_NOT_FOUND || code == JSStreamNotFoundErr) {
        const char *subjects[] = {"tickdesk.ingest.>"};
        jsStreamConfig config;
        jsStreamConfig_Init(&config);
        config.Name = name.constData();
        config.Subjects = subjects;
        config.SubjectsLen = 1;
        config.Retention = js_WorkQueuePolicy;
        config.Storage = js_FileStorage;
        config.Duplicates = qint64(m_options.duplicateWindowSeconds) * 1'000'000'000;
        s = js_AddStream(&info, m_connection->jetStream, &config, nullptr, &code);
        if (s != NATS_OK && code == JSStreamNameExistErr) // another node made it first
            s = js_GetStreamInfo(&info, m_connection->jetStream, name.constData(), nullptr, &code);
    }
    if (s != NATS_OK) {
        setState(worker, u"cannot find or create the stream %1: %2"_s.arg(m_options.stream, natsError(s)));
        return 0;
    }
    const bool workQueue = info->Config && info->Config->Retention == js_WorkQueuePolicy;
    const qint64 created = info->Created;
    jsStreamInfo_Destroy(info);
    if (!workQueue) {
        setState(worker, u"the stream %1 is not a work queue (retention: workqueue): records would stay in it after "
                         "they are stored"_s.arg(m_options.stream));
        return 0;
    }
    return created;
}

kvStore *IngestConsumer::owners(Worker &worker)
{
    Connection &c = *m_connection;
    std::lock_guard lock(c.ownersMutex);
    if (c.owners)
        return c.owners;
    QString error;
    c.owners = openBucket(c.jetStream, OwnersBucket, LeaseTtlMs, &error);
    if (!c.owners)
        setState(worker, u"cannot open the key-value bucket %1 of the filters' owners: %2"_s.arg(
                             QString::fromLatin1(OwnersBucket), error));
    return c.owners;
}

bool IngestConsumer::claim(Worker &worker)
{
    kvStore *kv = owners(worker);
    if (!kv)
        return false;
    const QByteArray key = worker.consumer;
    std::uint64_t revision = 0;
    natsStatus s = kvStore_Create(&revision, kv, key.constData(), m_owner.constData(), int(m_owner.size()));
    if (s != NATS_OK) {
        kvEntry *entry = nullptr;
        if (kvStore_Get(&entry, kv, key.constData()) != NATS_OK)
            return false; // gone in between: try again
        const QByteArray holder = kvEntry_ValueString(entry);
        const QByteArray holderNode = holder.left(holder.indexOf(' '));
        const std::uint64_t held = kvEntry_Revision(entry);
        kvEntry_Destroy(entry);
        // The same node started again (killed, restarted at once) takes over from its own past self; another
        // node's lease is waited out.
        if (holderNode != m_node) {
            setState(worker, u"standby: %1 is consuming %2"_s.arg(QString::fromUtf8(holderNode),
                                                                  QString::fromLatin1(worker.filter)));
            return false;
        }
        s = kvStore_Update(&revision, kv, key.constData(), m_owner.constData(), int(m_owner.size()), held);
        if (s != NATS_OK)
            return false;
    }
    worker.leaseRevision = revision;
    worker.leaseWritten = std::chrono::steady_clock::now();
    return true;
}

bool IngestConsumer::renew(Worker &worker)
{
    if (std::chrono::steady_clock::now() - worker.leaseWritten < std::chrono::milliseconds(LeaseRenewMs))
        return true;
    std::uint64_t revision = 0;
    const natsStatus s = kvStore_Update(&revision, m_connection->owners, worker.consumer.constData(),
                                        m_owner.constData(), int(m_owner.size()), worker.leaseRevision);
    if (s != NATS_OK) {
        // Another node took the filter (this one was cut off longer than the lease): stop at once.
        worker.leaseRevision = 0;
        setState(worker, u"lost %1 to another node (%2)"_s.arg(QString::fromLatin1(worker.filter), natsError(s)));
        return false;
    }
    m_stats.leaseRenewals.fetch_add(1, std::memory_order_relaxed);
    worker.leaseRevision = revision;
    worker.leaseWritten = std::chrono::steady_clock::now();
    return true;
}

void IngestConsumer::release(Worker &worker)
{
    if (worker.leaseRevision == 0 || !m_connection || !m_connection->owners)
        return;
    kvStore_Delete(m_connection->owners, worker.consumer.constData()); // a standby takes over at once
    worker.leaseRevision = 0;
}

bool IngestConsumer::take(Worker &worker, qint64 streamCreated)
{
    jsCtx *js = m_connection->jetStream;
    const QByteArray stream = m_options.stream.toUtf8();
    if (!claim(worker))
        return false;
    auto progress = Storage::ingestProgress(*worker.db, worker.filter);
    if (!progress) {
        setState(worker, progress.error());
        return false;
    }
    // A stream made again numbers its messages from 1.
    {
        std::lock_guard lock(m_mutex);
        worker.appliedThrough = progress->streamCreated == streamCreated ? progress->lastSeq : 0;
    }

    // Made anew: what is unacknowledged is delivered first, in stream order, instead of after its wait expires.
    js_DeleteConsumer(js, stream.constData(), worker.consumer.constData(), nullptr, nullptr);
    jsConsumerConfig config;
    jsConsumerConfig_Init(&config);
    config.Durable = worker.consumer.constData();
    config.FilterSubject = worker.filter.constData();
    config.AckPolicy = js_AckExplicit;
    config.AckWait = qint64(m_options.ackWaitSeconds) * 1'000'000'000;
    config.DeliverPolicy = js_DeliverAll;
    config.MaxAckPending = std::max(4 * m_options.fetchBatch, 1000);
    jsConsumerInfo *created = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_AddConsumer(&created, js, stream.constData(), &config, nullptr, &code);
    jsConsumerInfo_Destroy(created);
    if (s == NATS_OK) {
        jsSubOptions options;
        jsSubOptions_Init(&options);
        options.Stream = stream.constData();
        options.Consumer = worker.consumer.constData();
        s = js_PullSubscribe(&worker.subscription, js, worker.filter.constData(), worker.consumer.constData(), nullptr,
                             &options, &code);
    }
    if (s != NATS_OK) {
        setState(worker, u"cannot consume %1: %2"_s.arg(QString::fromLatin1(worker.filter), natsError(s)));
        natsSubscription_Destroy(std::exchange(worker.subscription, nullptr));
        release(worker);
        return false;
    }
    m_stats.takeovers.fetch_add(1, std::memory_order_relaxed);
    qCInfo(lcNatsIngest).noquote() << "consuming" << worker.filter << "from stream sequence"
                                   << worker.appliedThrough + 1;
    setState(worker, u"consuming"_s);
    return true;
}

void IngestConsumer::refuse(natsMsg *msg, std::uint64_t seq, const QString &reason)
{
    m_stats.refused.fetch_add(1, std::memory_order_relaxed);
    const QByteArray subject = natsMsg_GetSubject(msg);
    const QString text = u"message %1 on %2 refused: %3"_s.arg(seq).arg(QString::fromLatin1(subject), reason);
    {
        std::lock_guard lock(m_mutex);
        m_lastRefused = text;
    }
    qCWarning(lcNatsIngest).noquote() << text;
    const QByteArray note = QJsonDocument(QJsonObject{{u"subject"_s, QString::fromLatin1(subject)},
                                                      {u"stream_seq"_s, qint64(seq)},
                                                      {u"node"_s, QString::fromUtf8(m_node)},
                                                      {u"error"_s, reason}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray noteSubject = "tickdesk.ingest_refused." + subject.mid(subject.lastIndexOf('.') + 1);
    natsConnection_Publish(m_connection->connection, noteSubject.constData(), note.constData(), int(note.size()));
    natsMsg_Term(msg, nullptr); // never delivered again
}

bool IngestConsumer::apply(Worker &worker, natsMsgList &list, qint64 streamCreated)
{
    Model::RecordBatch records;
    std::vector<natsMsg *> toAck;
    qint64 lastSeq = 0;
    for (int i = 0; i < list.Count; ++i) {
        natsMsg *msg = list.Msgs[i];
        jsMsgMetaData *meta = nullptr;
        if (natsMsg_GetMetaData(&meta, msg) != NATS_OK)
            continue; // not from JetStream: nothing to acknowledge
        const qint64 seq = qint64(meta->Sequence.Stream);
        {
            std::lock_guard lock(m_mutex);
            worker.pending = qint64(meta->NumPending);
        }
        jsMsgMetaData_Destroy(meta);
        if (seq <= worker.appliedThrough) {
            m_stats.alreadyApplied.fetch_add(1, std::memory_order_relaxed);
            natsMsg_Ack(msg, nullptr);
            continue;
        }
        const std::size_t before = records.size();
        const std::string_view body(natsMsg_GetData(msg), std::size_t(natsMsg_GetDataLength(msg)));
        if (auto error = worker.decoder.decode(body, records)) {
            refuse(msg, std::uint64_t(seq),
                   error->index >= 0 ? u"record %1: %2"_s.arg(error->index).arg(error->message) : error->message);
            continue;
        }
        // The subject's partition keeps a symbol's records in order, on one node: a record of another symbol
        // would escape it.
        const QByteArray symbol = subjectSymbol(natsMsg_GetSubject(msg));
        const auto stray = std::find_if(records.begin() + qsizetype(before), records.end(), [&](const auto &r) {
            const Model::Symbol *s = Model::symbolOf(r);
            return s && s->view() != std::string_view(symbol.constData(), std::size_t(symbol.size()));
        });
        if (stray != records.end()) {
            const QString other = Model::symbolOf(*stray)->toString();
            records.erase(records.begin() + qsizetype(before), records.end());
            refuse(msg, std::uint64_t(seq),
                   u"a record of %1 on the subject of %2: publish each symbol's records to "
                   "tickdesk.ingest.<its symbol>"_s.arg(other, QString::fromLatin1(symbol)));
            continue;
        }
        toAck.push_back(msg);
        lastSeq = seq;
    }
    if (toAck.empty())
        return true;
    if (records.empty()) { // empty arrays: nothing to store
        for (natsMsg *msg : toAck)
            natsMsg_Ack(msg, nullptr);
        return true;
    }

    const std::size_t recordCount = records.size();
    Storage::WriteJob::Write progress = [filter = worker.filter, created = streamCreated,
                                         lastSeq](Storage::SqliteDatabase &db) {
        return Storage::setIngestProgress(db, filter, {created, lastSeq});
    };
    const auto error = storeAndWait(
        [&](Ingest::RecordSink::Done done) { return m_submit(std::move(records), std::move(done), progress); },
        [this](int ms) { return pause(ms); });
    if (!error)
        return false; // shutting down: the messages are delivered again to whoever consumes next
    if (!error->isEmpty()) {
        m_stats.storeFailures.fetch_add(1, std::memory_order_relaxed);
        setState(worker, u"storing failed (%1); taking the messages again"_s.arg(*error));
        return false;
    }
    for (natsMsg *msg : toAck)
        natsMsg_Ack(msg, nullptr);
    {
        std::lock_guard lock(m_mutex);
        worker.appliedThrough = lastSeq;
    }
    m_stats.messages.fetch_add(toAck.size(), std::memory_order_relaxed);
    m_stats.records.fetch_add(recordCount, std::memory_order_relaxed);
    return true;
}

void IngestConsumer::run(Worker &worker)
{
    natsConnection *nc = m_connection->connection;
    qint64 streamCreated = 0;
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        const bool connected = natsConnection_Status(nc) == NATS_CONN_STATUS_CONNECTED;
        m_connected.store(connected, std::memory_order_relaxed);
        if (!connected) {
            setState(worker, u"connecting"_s);
            natsSubscription_Destroy(std::exchange(worker.subscription, nullptr));
            // Kept: if NATS is back within the lease, it is renewed; else claimed again (or lost) at the take.
            pause(250);
            continue;
        }
        if (!worker.subscription) {
            streamCreated = ensureStream(worker);
            if (streamCreated == 0 || !take(worker, streamCreated)) {
                pause(StandbyRetryMs);
                continue;
            }
        }
        if (!renew(worker)) {
            natsSubscription_Destroy(std::exchange(worker.subscription, nullptr));
            continue;
        }
        natsMsgList list{};
        jsErrCode code = jsErrCode(0);
        const natsStatus s =
            natsSubscription_Fetch(&list, worker.subscription, m_options.fetchBatch, FetchWaitMs, &code);
        if (s == NATS_TIMEOUT) {
            std::lock_guard lock(m_mutex);
            worker.pending = 0;
            continue;
        }
        bool ok = s == NATS_OK;
        if (!ok)
            setState(worker, u"fetching: %1"_s.arg(natsError(s)));
        else
            ok = apply(worker, list, streamCreated);
        natsMsgList_Destroy(&list);
        if (!ok) {
            // Whatever was delivered and not acknowledged comes first, in order, once the consumer is made anew.
            natsSubscription_Destroy(std::exchange(worker.subscription, nullptr));
            pause(1000);
        }
    }
}

std::vector<IngestConsumer::FilterStatus> IngestConsumer::filters() const
{
    std::vector<FilterStatus> out;
    std::lock_guard lock(m_mutex);
    for (const auto &worker : m_workers)
        out.push_back({worker->filter, worker->state, worker->pending, worker->appliedThrough});
    return out;
}

QByteArray IngestConsumer::healthJson() const
{
    QJsonArray filters;
    for (const FilterStatus &f : this->filters())
        filters.append(QJsonObject{{u"filter"_s, QString::fromLatin1(f.filter)},
                                   {u"state"_s, f.state},
                                   {u"pending"_s, f.pending},
                                   {u"applied_through"_s, f.appliedThrough}});
    QJsonObject o{{u"url"_s, m_options.nats.url},
                  {u"stream"_s, m_options.stream},
                  {u"partitions"_s, m_options.partitions.toString()},
                  {u"connected"_s, connected()},
                  {u"filters"_s, filters},
                  {u"messages"_s, qint64(m_stats.messages.load())},
                  {u"records"_s, qint64(m_stats.records.load())},
                  {u"refused"_s, qint64(m_stats.refused.load())}};
    std::lock_guard lock(m_mutex);
    if (!m_lastRefused.isEmpty())
        o.insert(u"last_refused"_s, m_lastRefused);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

IngestConsumer::Summary IngestConsumer::summary() const
{
    Summary out;
    for (const FilterStatus &f : filters()) {
        ++out.filters;
        out.consuming += f.state == u"consuming"_s ? 1 : 0;
        out.standby += f.state.startsWith(u"standby"_s) ? 1 : 0;
        out.pending += f.pending;
        out.states << u"%1: %2"_s.arg(QString::fromLatin1(f.filter), f.state);
    }
    return out;
}

QByteArray IngestConsumer::metricsText() const
{
    const Summary s = summary();
    QByteArray text;
    Util::appendPrometheus(text, "tickdesk_nats_ingest_connected", "gauge", "1 while connected to NATS",
                           connected() ? 1 : 0);
    Util::appendPrometheus(text, "tickdesk_nats_ingest_consuming", "gauge",
                           "subject filters this node consumes now (the others wait as standby)", s.consuming);
    Util::appendPrometheus(text, "tickdesk_nats_ingest_pending", "gauge",
                           "messages in the stream for this node's filters, not yet delivered", double(s.pending));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_messages_total", "counter",
                           "messages whose records committed here", double(m_stats.messages.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_records_total", "counter", "records they held",
                           double(m_stats.records.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_refused_total", "counter", "messages terminated as unreadable",
                           double(m_stats.refused.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_redelivered_applied_total", "counter",
                           "messages delivered again after their records committed (acknowledged only)",
                           double(m_stats.alreadyApplied.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_store_failures_total", "counter",
                           "batches the database refused (delivered again)", double(m_stats.storeFailures.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_takeovers_total", "counter",
                           "times a subject filter was taken (at start, from a standby, after a failure)",
                           double(m_stats.takeovers.load()));
    Util::appendPrometheus(text, "tickdesk_nats_ingest_lease_renewals_total", "counter",
                           "leases on the consumed filters written again", double(m_stats.leaseRenewals.load()));
    return text;
}

} // namespace Nats
