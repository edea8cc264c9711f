// SPDX-License-Identifier: MIT
#include "IngestPublisher.h"

#include "NatsConnect.h"
#include "ingest/RecordEncoder.h"

#include <QRandomGenerator>

#include <atomic>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Nats {

namespace {
constexpr int AckWaitMs = 10000;
constexpr int RetryMs = 500;
constexpr int MaxRecordsPerMessage = 500;
} // namespace

QByteArray ingestSubject(const Model::Record &record)
{
    const Model::Symbol *symbol = Model::symbolOf(record);
    return "tickdesk.ingest." + (symbol ? subjectToken(symbol->toString()) : QByteArrayLiteral("_"));
}

struct IngestPublisher::Connection : Link
{
    std::atomic<int> failed{0};
};

IngestPublisher::IngestPublisher(NatsOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_idPrefix(nodeName(m_options) + ':' + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + ':')
{}

IngestPublisher::~IngestPublisher()
{
    stop();
}

Util::Status IngestPublisher::start()
{
    if (auto status = checkUrl(m_options.url, u"--to"_s); !status)
        return status;
    m_connection = std::make_unique<Connection>();
    Connection &c = *m_connection;
    natsStatus s = natsOptions_Create(&c.options);
    if (s == NATS_OK)
        s = applyOptions(
            c.options, m_options, "tickdesk feed " + nodeName(m_options), [](natsConnection *, void *) {}, nullptr);
    if (s == NATS_OK) {
        s = natsConnection_Connect(&c.connection, c.options);
        if (s == NATS_NOT_YET_CONNECTED)
            s = NATS_OK;
    }
    jsOptions js;
    jsOptions_Init(&js);
    js.PublishAsync.MaxPending = 65536;
    js.PublishAsync.ErrHandler = [](jsCtx *, jsPubAckErr *, void *failed) {
        static_cast<std::atomic<int> *>(failed)->fetch_add(1);
    };
    js.PublishAsync.ErrHandlerClosure = &c.failed;
    if (s == NATS_OK)
        s = natsConnection_JetStream(&c.jetStream, c.connection, &js);
    if (s != NATS_OK)
        return Util::Status::failure(u"NATS: %1"_s.arg(natsError(s)));
    m_thread = std::thread([this] { run(); });
    return {};
}

void IngestPublisher::send(const Model::RecordBatch &records, std::function<void(const QString &)> done)
{
    // A message a symbol per batch, its records an array in their order: JetStream acknowledges a work queue's
    // messages one by one, so their count, not the records', bounds the rate.
    Job job;
    std::unordered_map<QByteArray, std::size_t> messageOf;
    std::vector<int> counts;
    for (const Model::Record &record : records) {
        const QByteArray subject = ingestSubject(record);
        auto [it, added] = messageOf.try_emplace(subject, job.subjects.size());
        if (!added && counts[it->second] >= MaxRecordsPerMessage) {
            it->second = job.subjects.size();
            added = true;
        }
        if (added) {
            job.subjects.push_back(subject);
            job.bodies.emplace_back("[");
            counts.push_back(0);
        }
        QByteArray &body = job.bodies[it->second];
        if (counts[it->second]++ > 0)
            body += ',';
        Ingest::appendJson(record, body);
    }
    for (QByteArray &body : job.bodies)
        body += ']';
    job.done = std::move(done);
    {
        std::lock_guard lock(m_mutex);
        job.firstId = m_nextId;
        m_nextId += job.subjects.size();
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_all();
}

void IngestPublisher::stop()
{
    if (!setOnce(m_mutex, m_stop))
        return;
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    for (Job &job : m_jobs)
        finish(job, u"stopped before NATS took it"_s);
    m_jobs.clear();
    m_connection.reset();
}

QString IngestPublisher::publish(const std::vector<Job> &jobs)
{
    Connection &c = *m_connection;
    c.failed.store(0);
    for (const Job &job : jobs)
        for (std::size_t i = 0; i < job.subjects.size(); ++i) {
            const QByteArray id = m_idPrefix + QByteArray::number(job.firstId + i);
            jsPubOptions options;
            jsPubOptions_Init(&options);
            options.MsgId = id.constData();
            if (natsStatus s = js_PublishAsync(c.jetStream, job.subjects[i].constData(), job.bodies[i].constData(),
                                               int(job.bodies[i].size()), &options);
                s != NATS_OK)
                return natsError(s);
        }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = AckWaitMs;
    if (natsStatus s = js_PublishAsyncComplete(c.jetStream, &wait); s != NATS_OK)
        return natsError(s);
    if (const int failed = c.failed.load(); failed > 0)
        return u"the stream refused %1 messages (is a TickDesk node with --nats-ingest running? it creates the "
               "stream)"_s.arg(failed);
    return {};
}

void IngestPublisher::finish(Job &job, const QString &error)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(job.done), error] { done(error); }, Qt::QueuedConnection);
}

void IngestPublisher::run()
{
    for (;;) {
        // Every batch waiting goes out before the acknowledgements are awaited: a batch at a time would wait a
        // round trip each.
        std::vector<Job> jobs;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
            if (m_stop)
                return;
            while (!m_jobs.empty()) {
                jobs.push_back(std::move(m_jobs.front()));
                m_jobs.pop_front();
            }
        }
        QString error;
        while (!(error = publish(jobs)).isEmpty()) {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, std::chrono::milliseconds(RetryMs), [this] { return m_stop; }))
                break;
        }
        for (Job &job : jobs)
            finish(job, error);
    }
}

} // namespace Nats
