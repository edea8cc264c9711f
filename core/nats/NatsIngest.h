// SPDX-License-Identifier: MIT
#pragma once

#include "NatsPublisher.h"
#include "ingest/RecordSink.h"
#include "storage/StorageWriter.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <nats/nats.h>

namespace Nats {

/// Which of the ingest subjects a node consumes. Not partitioned: every `tickdesk.ingest.SYMBOL`. Partitioned in
/// N: the server maps `tickdesk.ingest.SYMBOL` to `tickdesk.ingest.P.SYMBOL` with P = partition(N) of the symbol
/// (a stable hash; see packaging/nats/desk.conf), and each node takes some of the P.
struct IngestPartitions
{
    int count = 0;          ///< 0: not partitioned
    std::vector<int> owned; ///< each below count, ascending

    /// "all", "P/N" or "P,Q,.../N" (0 ≤ P < N ≤ 1024).
    static Util::Result<IngestPartitions> parse(const QString &spec);
    /// One subject filter a partition: `tickdesk.ingest.>` or `tickdesk.ingest.P.*`.
    std::vector<QByteArray> filters() const;
    /// The durable consumer of a filter (names hold no '.'): tickdesk-ingest-all, tickdesk-ingest-P-of-N.
    static QByteArray consumerName(const QByteArray &filter);
    QString toString() const;
};

struct IngestOptions
{
    NatsOptions nats; ///< the address, credentials, node name and database
    QString stream = QStringLiteral("TICKDESK_INGEST");
    IngestPartitions partitions;
    int fetchBatch = 1000;            ///< messages asked for at once
    int ackWaitSeconds = 30;          ///< a message not acknowledged by then is delivered again
    int duplicateWindowSeconds = 120; ///< the stream drops a second message with the same Nats-Msg-Id
};

/// Consumes records from the JetStream work-queue stream TICKDESK_INGEST (subjects `tickdesk.ingest.>`, created
/// when missing). Each message holds records of the contract (one object, an array or NDJSON) of the symbol its
/// subject names; they go through the one decoder into the pipeline, and the message is acknowledged only after
/// the transaction holding its records committed. That transaction also keeps the stream sequence of the last
/// message applied (nats_ingest), so a message delivered again after a crash between commit and
/// acknowledgement is known as applied and only acknowledged: nothing acknowledged is lost, nothing applied twice.
///
/// Each consumed filter has a durable pull consumer and a thread. A node owns a filter by a lease in the
/// key-value bucket TICKDESK_INGEST_OWNERS (written every 2 s, gone 6 s after the last write, deleted at a clean
/// stop); while another node holds it, the node waits as a standby and takes over when the lease is gone. A node
/// started again under the same name takes over its own lease at once. Taking a filter, the node makes its
/// consumer anew, so that what a dead owner left unacknowledged comes first and in order (per-symbol order kept).
/// A message that cannot be read is terminated (never delivered again), counted, and its reason published on
/// `tickdesk.ingest_refused.SYMBOL` and logged.
class IngestConsumer final
{
public:
    using Submit = std::function<Ingest::RecordSink::Submit(Model::RecordBatch &&records, Ingest::RecordSink::Done done,
                                                            Storage::WriteJob::Write alsoWrite)>;

    IngestConsumer(IngestOptions options, Submit submit);
    ~IngestConsumer();
    IngestConsumer(const IngestConsumer &) = delete;
    IngestConsumer &operator=(const IngestConsumer &) = delete;

    /// Checks the options and starts; the connection is made (and remade) in the background.
    Util::Status start();
    /// Finishes the batch being stored (its messages acknowledged), then stops.
    void stop();

    struct Stats
    {
        std::atomic<std::uint64_t> messages{0};       ///< messages whose records committed
        std::atomic<std::uint64_t> records{0};        ///< records they held
        std::atomic<std::uint64_t> refused{0};        ///< messages terminated as unreadable
        std::atomic<std::uint64_t> alreadyApplied{0}; ///< delivered again after their commit: acknowledged only
        std::atomic<std::uint64_t> storeFailures{0};  ///< batches the database refused (delivered again)
        std::atomic<std::uint64_t> takeovers{0};      ///< filters taken (at start, after a standby or a failure)
        std::atomic<std::uint64_t> leaseRenewals{0};  ///< the owner's leases written again
    };
    const Stats &stats() const noexcept { return m_stats; }

    struct FilterStatus
    {
        QByteArray filter;
        QString state;             ///< "connecting", "standby", "consuming" or what went wrong
        qint64 pending = 0;        ///< messages in the stream for it, not yet delivered
        qint64 appliedThrough = 0; ///< the stream sequence of the last message committed here
    };
    std::vector<FilterStatus> filters() const;
    /// The filters counted by what they do now, and what waits for them in the stream.
    struct Summary
    {
        int filters = 0;
        int consuming = 0;
        int standby = 0;
        qint64 pending = 0;
        QStringList states; ///< "filter: state", one a filter
    };
    Summary summary() const;
    bool connected() const noexcept { return m_connected.load(std::memory_order_relaxed); }
    /// What this node takes: "all", "0/2", "0,1/4".
    QString partitions() const { return m_options.partitions.toString(); }
    /// `"nats_ingest": {...}` for /health.
    QByteArray healthJson() const;
    /// The tickdesk_nats_ingest_* lines for /metrics.
    QByteArray metricsText() const;

private:
    struct Connection;
    struct Worker;
    void run(Worker &worker);
    /// Creates the stream when it is missing; its creation time, or 0 when it is not there (the reason set).
    qint64 ensureStream(Worker &worker);
    /// Claims the filter (unless another node holds it), makes its consumer anew and subscribes.
    bool take(Worker &worker, qint64 streamCreated);
    /// The bucket of the filters' owners, opened (made when missing) at first use; null when it cannot be.
    kvStore *owners(Worker &worker);
    /// The filter's lease: written when nobody holds it, or this node (by name) held it before it restarted.
    bool claim(Worker &worker);
    /// Writes the lease again when due; false when another node took the filter meanwhile.
    bool renew(Worker &worker);
    /// Gives the filter up at once (a clean stop), for a standby to take.
    void release(Worker &worker);
    /// Decodes, stores and acknowledges one fetched batch; false when the consumer must be made again.
    bool apply(Worker &worker, natsMsgList &list, qint64 streamCreated);
    void refuse(natsMsg *msg, std::uint64_t seq, const QString &reason);
    void setState(Worker &worker, const QString &state);
    /// Waits `ms` or until stop(); true when stopping.
    bool pause(int ms);

    IngestOptions m_options;
    Submit m_submit;
    QByteArray m_node;
    QByteArray m_owner; ///< the lease's value: the node's name and this run's random name
    std::unique_ptr<Connection> m_connection;
    std::vector<std::unique_ptr<Worker>> m_workers;
    mutable std::mutex m_mutex; ///< guards the workers' states, m_lastRefused and m_stop
    std::condition_variable m_stopped;
    bool m_stop = false;
    QString m_lastRefused;
    std::atomic<bool> m_connected{false};
    Stats m_stats;
};

} // namespace Nats
