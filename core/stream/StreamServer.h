// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "pipeline/CommitListener.h"
#include "util/Mailbox.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <variant>

class QThread;

namespace Stream {

class StreamHub;

struct StreamOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 5678;
    QByteArray accessToken;           ///< required when the address is not loopback
    qint64 highWaterBytes = 1 << 20;  ///< unsent bytes at which a client counts as slow
    qint64 lowWaterBytes = 256 << 10; ///< and at which it has caught up again
    int maxQueuedSignals = 10'000;    ///< a slow client further behind than this is disconnected
    std::size_t inboxCapacity = 100'000;
    int maxClients = 256; ///< past this, a new connection gets 503 before any handshake
    /// A client sends only small subscription messages: a frame or message over this closes it.
    qint64 maxMessageBytes = 64 * 1024;
    /// The HTTP server's port: pages served there (TickDesk's own) may connect from a browser.
    quint16 webPort = 0;
    /// Other web page origins allowed to connect; every other browser page is refused at the handshake.
    QList<QByteArray> allowedOrigins;
    /// Where bars a client subscribes to begin: the stored history, built as the engine builds it.
    QString databasePath;
    Indicators::IndicatorConfig indicators;
    QString sessionTimeZone; ///< IANA name; empty: UTC
};

struct StreamStats
{
    std::atomic<int> clients{0};
    std::atomic<std::uint64_t> delivered{0};      ///< messages handed to client sockets
    std::atomic<std::uint64_t> coalesced{0};      ///< ticks replaced by a newer one of their symbol for a slow client
    std::atomic<std::uint64_t> droppedClients{0}; ///< disconnected for falling too far behind
    std::atomic<std::uint64_t> droppedInbox{0};   ///< ticks dropped before the stream thread saw them
    std::atomic<std::uint64_t> refusedClients{0}; ///< connections turned away at the client cap
    std::atomic<std::int64_t> largestBacklog{0};  ///< most unsent bytes any client has had
};

/// The WebSocket stream (default ws://127.0.0.1:5678): every processed tick
/// with its indicator values and every stored signal, as JSON text messages.
/// Runs on a thread of its own. Each client chooses all, signals only or
/// chosen symbols (by path or by subscribe/unsubscribe messages; README).
///
/// A slow client never slows the others or grows memory: past a high-water
/// mark of unsent bytes it gets only the latest tick per symbol (coalesced)
/// and its signals queue; if that queue passes a limit it is disconnected.
class StreamServer final : public QObject, public Pipeline::CommitListener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamServer)

public:
    using Item = std::variant<Pipeline::ProcessedTick, Model::TradeSignal>;

    explicit StreamServer(StreamOptions options, QObject *parent = nullptr);
    ~StreamServer() override;

    Util::Status start();
    /// Closes every connection and joins the thread.
    void stop();
    quint16 port() const noexcept { return m_port; }
    /// The HTTP server's port once it listens (when it was asked for any free one): its pages may connect.
    void setWebPort(quint16 port);
    QString address() const;
    const StreamStats &stats() const noexcept { return m_stats; }
    /// Prometheus text for /metrics.
    QByteArray metricsText() const;

    bool wantsTicks() const noexcept override;
    void committed(std::vector<Pipeline::ProcessedTick> &&ticks,
                   const std::vector<Model::TradeSignal> &signals) override;

    /// For the hub: everything that arrived since the last call.
    void takeInbox(std::deque<Item> &out);

private:
    StreamOptions m_options;
    StreamStats m_stats;
    std::atomic<int> m_tickSubscribers{0};
    quint16 m_port = 0;
    QThread *m_thread = nullptr;
    StreamHub *m_hub = nullptr;

    Util::Mailbox<Item> m_inbox;
    std::size_t m_inboxTicks = 0; ///< ticks in the inbox (kept with it, under its lock)
    std::atomic<bool> m_drainPosted{false};

    friend class StreamHub;
};

} // namespace Stream
