// SPDX-License-Identifier: MIT
#pragma once

#include "NatsPublisher.h"
#include "ingest/RecordSink.h"
#include "model/TradeSignal.h"
#include "storage/StorageWriter.h"
#include "trading/Account.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <nats/nats.h>

namespace Nats {

struct TerminalOptions
{
    NatsOptions nats; ///< the server the nodes publish to, its credentials, and this terminal's database
    int fetchBatch = 500;
    /// A terminal's first start (or a stream made anew) takes the signals of this many hours before.
    int backlogHours = 24;
    /// Records waiting in the client past this are dropped (counted): live data, the gaps are filled later.
    int maxPendingTicks = 200'000;
};

/// A terminal on the nodes' feed (`tickdesk --source nats://`): it computes no signals of its own, it shows
/// what the nodes publish.
///
/// - Records: `tickdesk.tick.>` (core NATS, live only) go to `ticks`, which stores them and builds the charts'
///   bars; what a disconnect missed is filled from a node's REST API by the caller (`reconnected`).
/// - Signals, alert fires and paper fills: the JetStream stream TICKDESK through the durable consumer
///   `tickdesk-terminal-<database>`. Each fetched batch's signals and fills go to `store`, in one transaction
///   with the stream sequence of the batch's last message (nats_ingest), and the messages are acknowledged after
///   that commit. Connecting, the terminal makes its consumer anew from that sequence: after a disconnect, a
///   kill or a restart it carries on at the first message it never stored, so nothing is missed and nothing is
///   stored twice. The first start takes the last `backlogHours`.
class TerminalFeed final
{
public:
    using Submit = Ingest::RecordSink::Submit;
    struct Sinks
    {
        std::function<Submit(Model::RecordBatch &&records)> ticks;
        /// Stores the signals and the nodes' paper fills of a batch, with `alsoWrite`, in one transaction.
        std::function<Submit(std::vector<Model::TradeSignal> &&signals, std::vector<Trading::Fill> &&fills,
                             Storage::WriteJob::Write alsoWrite, Ingest::RecordSink::Done done)>
            store;
        /// Called on a thread of the feed after a reconnection (not the first connection).
        std::function<void()> reconnected;
        /// The nodes' REST APIs as they announce them (TICKDESK_NODES), by node name; called on a thread of the
        /// feed whenever the list changes.
        std::function<void(const std::vector<std::pair<QString, QString>> &nodes)> nodes;
    };

    TerminalFeed(TerminalOptions options, Sinks sinks);
    ~TerminalFeed();
    TerminalFeed(const TerminalFeed &) = delete;
    TerminalFeed &operator=(const TerminalFeed &) = delete;

    /// Checks the options and starts; the connection is made (and remade) in the background.
    Util::Status start();
    /// Finishes the batch being stored, then stops.
    void stop();

    struct Status
    {
        bool connected = false;
        QString state;             ///< "connecting", "waiting for the stream TICKDESK", "following", or a problem
        qint64 appliedThrough = 0; ///< the stream sequence of the last message stored
        qint64 pending = 0;        ///< messages of the stream not yet delivered to this terminal
    };
    Status status() const;
    /// A paper fill a node made, in words.
    struct Fill
    {
        QString symbol;
        QString text; ///< "buy 10 AAPL at 180.1"
        qint64 timeUs = 0;
    };
    /// The fills since the last call, oldest first (at most 1,000 kept).
    std::vector<Fill> takeFills();
    /// The durable consumer's name.
    QByteArray consumer() const { return m_consumer; }
    /// The NATS server followed.
    const QString &url() const noexcept { return m_options.nats.url; }

    struct Stats
    {
        std::atomic<std::uint64_t> ticks{0};         ///< records handed on
        std::atomic<std::uint64_t> droppedTicks{0};  ///< records dropped by the client (the window fell behind)
        std::atomic<std::uint64_t> signals{0};       ///< signals and alert fires stored
        std::atomic<std::uint64_t> fills{0};         ///< paper fills seen
        std::atomic<std::uint64_t> refused{0};       ///< messages that were not what their subject says
        std::atomic<std::uint64_t> alreadyStored{0}; ///< delivered again after they were stored: acknowledged only
        std::atomic<std::uint64_t> reconnects{0};
    };
    const Stats &stats() const noexcept { return m_stats; }
    /// `"nats_source": {...}` for /health.
    QByteArray healthJson() const;
    /// The tickdesk_nats_source_* lines for /metrics.
    QByteArray metricsText() const;

private:
    struct Connection;
    void runTicks();
    void runSignals();
    bool pause(int ms);
    void setState(const QString &state);
    /// The stream's creation time (ns), or 0 when it is not there.
    qint64 streamCreated();
    /// Makes the consumer anew after the last message stored, and subscribes to it.
    bool take(qint64 streamCreated);
    /// Reads the nodes' announcements when it is due, and tells `nodes` when they changed.
    void discover();
    /// Stores a fetched batch and acknowledges it; false when storing failed.
    bool apply(natsMsgList &list, qint64 streamCreated);

    TerminalOptions m_options;
    Sinks m_sinks;
    QByteArray m_consumer;
    QByteArray m_progressKey; ///< the consumer's row in nats_ingest
    std::unique_ptr<Connection> m_connection;
    std::thread m_ticksThread;
    std::thread m_signalsThread;
    mutable std::mutex m_mutex; ///< guards the fields below
    std::condition_variable m_stopped;
    bool m_stop = false;
    QString m_state = QStringLiteral("connecting");
    qint64 m_appliedThrough = 0;
    qint64 m_pending = 0;
    std::deque<Fill> m_fills;
    std::vector<std::pair<QString, QString>> m_nodes;      ///< the nodes' APIs last told
    std::chrono::steady_clock::time_point m_nextDiscovery; ///< when the nodes' entries are read again
    std::atomic<bool> m_connected{false};
    Stats m_stats;
};

} // namespace Nats
