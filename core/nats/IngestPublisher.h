// SPDX-License-Identifier: MIT
#pragma once

#include "NatsPublisher.h"
#include "model/Records.h"

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Nats {

/// The subject a record is published to for ingest: `tickdesk.ingest.SYMBOL` (BRK.B as BRK_B), records without a
/// symbol (economic indicators) `tickdesk.ingest._`.
QByteArray ingestSubject(const Model::Record &record);

/// Publishes records into the JetStream ingest stream: of each batch, a message a symbol (up to 500 of its records,
/// a JSON array, in order) on its symbol's subject, each with an id (this publisher's random name and a count) so
/// that the stream drops a copy sent again. A batch is done
/// when the stream acknowledged every message of it; until then it is sent again (with the same ids) every half
/// second, through NATS outages. What `tickdesk simulate --to nats://…` feeds the desk with.
class IngestPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestPublisher)

public:
    explicit IngestPublisher(NatsOptions options, QObject *parent = nullptr);
    ~IngestPublisher() override;

    Util::Status start();
    /// Queues the batch; `done` is called on this object's thread once it is in the stream (empty), or with the
    /// reason when the publisher stopped first.
    void send(const Model::RecordBatch &records, std::function<void(const QString &error)> done);
    void stop();

private:
    struct Job
    {
        std::vector<QByteArray> subjects;
        std::vector<QByteArray> bodies;
        std::uint64_t firstId = 0;
        std::function<void(const QString &)> done;
    };
    struct Connection;
    void run();
    /// Publishes the batches and waits for their acknowledgements; empty, or what went wrong.
    QString publish(const std::vector<Job> &jobs);
    void finish(Job &job, const QString &error);

    NatsOptions m_options;
    QByteArray m_idPrefix;
    std::unique_ptr<Connection> m_connection;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    std::uint64_t m_nextId = 1;
    bool m_stop = false;
};

} // namespace Nats
