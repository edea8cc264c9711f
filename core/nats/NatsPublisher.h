// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/CommitListener.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace Nats {

struct NatsOptions
{
    QString url;      ///< nats://HOST:PORT, or tls://HOST:PORT for TLS; empty: no publishing
    QByteArray token; ///< a token the server wants, or
    QString user;     ///< a user and password
    QByteArray password;
    QString caFile; ///< TLS: the authority that signed the server's certificate (else the system's)
    QString node;   ///< names this node in message ids (`Nats-Msg-Id`); empty: the host name
    QString stream = QStringLiteral("TICKDESK"); ///< the JetStream stream of signals, alert fires and fills
    QString databasePath; ///< where signals and fills are read from, and how far they went is kept
    std::size_t maxQueuedTicks = 100'000;
    int duplicateWindowSeconds = 600;
};

/// A subject's token for a symbol: '.' separates subject tokens in NATS, so BRK.B is BRK_B ('_' is no symbol
/// character, so the mapping is one to one).
QByteArray subjectToken(const QString &symbol);

/// Publishes what this node computes to NATS: every processed record as `tickdesk.tick.SYMBOL` (core NATS, live
/// only), and into the JetStream stream (default TICKDESK, created when missing) every stored signal as
/// `tickdesk.signal.SYMBOL`, every fire of a trader's alert as `tickdesk.alert.SYMBOL` and every paper trade as
/// `tickdesk.fill.SYMBOL`, each with a `Nats-Msg-Id` of the node, the database, the kind and the row's id
/// (`node1:3f2a…:signal:42`), so that JetStream drops a second copy.
///
/// Never in the pipeline's way: records are queued (bounded; past the bound, and while NATS is away, live
/// records are dropped and counted), and the durable kinds are read back from the database in id order on a
/// thread of its own, each batch published, acknowledged by JetStream, and only then marked as published in
/// the database. NATS away, or TickDesk killed in between, leaves the mark where it was: the rows go (again,
/// deduplicated) when it is back.
class NatsPublisher final : public Pipeline::CommitListener
{
public:
    explicit NatsPublisher(NatsOptions options);
    ~NatsPublisher() override;

    /// Checks the options and starts the thread; the connection is made (and remade) in the background.
    Util::Status start();
    void stop();
    /// Something durable may be waiting (a trade was stored).
    void wake();
    /// The node's REST API as others reach it (http://HOST:PORT): announced in the bucket TICKDESK_NODES, so
    /// that windows on the feed find where to read older bars. Empty: not announced.
    void setApiAddress(const QString &url);

    bool wantsTicks() const noexcept override { return m_connected.load(std::memory_order_relaxed); }
    void committed(std::vector<Pipeline::ProcessedTick> &&ticks,
                   const std::vector<Model::TradeSignal> &signals) override;

    struct Status
    {
        bool connected = false;
        qint64 behind = 0; ///< signals and trades stored but not yet acknowledged by JetStream
        std::size_t queuedTicks = 0;
        QString error; ///< the last problem, empty once things work again
    };
    Status status() const;
    /// `"nats": {...}` for /health.
    QByteArray healthJson() const;
    /// The tickdesk_nats_* lines for /metrics.
    QByteArray metricsText() const;

    struct Stats
    {
        std::atomic<std::uint64_t> ticks{0};        ///< records published
        std::atomic<std::uint64_t> droppedTicks{0}; ///< records not published: NATS away or the queue full
        std::atomic<std::uint64_t> signals{0};      ///< signals and alert fires acknowledged by JetStream
        std::atomic<std::uint64_t> fills{0};        ///< trades acknowledged by JetStream
        std::atomic<std::uint64_t> reconnects{0};
    };
    const Stats &stats() const noexcept { return m_stats; }

private:
    struct Connection;
    struct Message
    {
        qint64 id;
        QByteArray subject;
        QByteArray data;
    };
    void run();
    void setError(const QString &error);
    /// Creates the stream when it is missing (or brings its settings up to date).
    bool ensureStream();
    /// Publishes every stored signal and trade not yet acknowledged; false when something failed.
    bool publishDurable();
    /// How many stored signals JetStream has not acknowledged yet, for the status.
    void updateBehind();
    /// Writes this node's entry in TICKDESK_NODES again when it is due.
    void announce();
    /// One batch of `kind` into JetStream, each with its id; true once JetStream acknowledged all of them.
    bool publishBatch(const QByteArray &kind, const std::vector<Message> &batch);

    NatsOptions m_options;
    QByteArray m_node;
    QByteArray m_idPrefix; ///< node:database: — with the kind and the row's id, a message's Nats-Msg-Id
    std::unique_ptr<Connection> m_connection;
    std::thread m_thread;
    mutable std::mutex m_mutex; ///< guards the fields below
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_durableWaiting = true;
    std::deque<Pipeline::ProcessedTick> m_ticks;
    QString m_error;
    QString m_apiAddress;
    qint64 m_behind = 0;
    std::atomic<bool> m_connected{false};
    Stats m_stats;
};

} // namespace Nats
