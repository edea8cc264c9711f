// SPDX-License-Identifier: MIT
#include "StreamServer.h"

#include "StreamHub.h"
#include "util/Prometheus.h"

#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStream)

namespace Stream {

StreamServer::StreamServer(StreamOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

StreamServer::~StreamServer()
{
    stop();
}

void StreamServer::setWebPort(quint16 port)
{
    if (m_hub)
        QMetaObject::invokeMethod(
            m_hub, [this, port] { m_options.webPort = port; }, Qt::BlockingQueuedConnection);
    else
        m_options.webPort = port;
}

QString StreamServer::address() const
{
    return u"ws://%1:%2"_s.arg(m_options.address.toString()).arg(m_port);
}

Util::Status StreamServer::start()
{
    if (!m_options.address.isLoopback() && m_options.accessToken.isEmpty())
        return Util::Status::failure(u"refusing to stream on %1 without an access token: set one with --token"_s.arg(
            m_options.address.toString()));
    m_thread = new QThread;
    m_thread->setObjectName(u"stream"_s);
    m_hub = new StreamHub(*this, m_options);
    m_hub->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_hub, &QObject::deleteLater);
    m_thread->start();
    bool listening = false;
    QString error;
    QMetaObject::invokeMethod(
        m_hub, [&] { listening = m_hub->listen(error, m_port); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return Util::Status::failure(u"cannot open the WebSocket stream on %1:%2: %3"_s.arg(
            m_options.address.toString(), QString::number(m_options.port), error));
    }
    qCInfo(lcStream) << "streaming on" << address();
    return {};
}

void StreamServer::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_hub, &StreamHub::closeAll, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_hub = nullptr;
}

bool StreamServer::wantsTicks() const noexcept
{
    return m_tickSubscribers.load(std::memory_order_relaxed) > 0;
}

void StreamServer::committed(std::vector<Pipeline::ProcessedTick> &&ticks,
                             const std::vector<Model::TradeSignal> &signals)
{
    m_inbox.post([&](std::deque<Item> &inbox) {
        for (Pipeline::ProcessedTick &tick : ticks) {
            if (tick.late) // a client draws the newest prices; a late record is in the stored history
                continue;
            // Bounded: while the stream thread is behind, new ticks are dropped (signals are not).
            if (m_inboxTicks >= m_options.inboxCapacity) {
                m_stats.droppedInbox.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            inbox.emplace_back(std::move(tick));
            ++m_inboxTicks;
        }
        for (const Model::TradeSignal &signal : signals) {
            if (inbox.size() >= 2 * m_options.inboxCapacity) {
                m_stats.droppedInbox.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            inbox.emplace_back(signal);
        }
    });
    if (m_hub && !m_drainPosted.exchange(true))
        QMetaObject::invokeMethod(m_hub, &StreamHub::drain, Qt::QueuedConnection);
}

void StreamServer::takeInbox(std::deque<Item> &out)
{
    m_inbox.take(out, [this] {
        m_drainPosted = false;
        m_inboxTicks = 0;
    });
}

QByteArray StreamServer::metricsText() const
{
    QByteArray out;
    Util::appendPrometheus(out, "tickdesk_stream_clients", "gauge", "WebSocket clients connected",
                           double(m_stats.clients.load()));
    Util::appendPrometheus(out, "tickdesk_stream_messages_total", "counter", "messages sent to WebSocket clients",
                           double(m_stats.delivered.load()));
    Util::appendPrometheus(out, "tickdesk_stream_coalesced_total", "counter",
                           "ticks a slow client got only the newer one of", double(m_stats.coalesced.load()));
    Util::appendPrometheus(out, "tickdesk_stream_dropped_clients_total", "counter",
                           "clients disconnected for falling too far behind", double(m_stats.droppedClients.load()));
    Util::appendPrometheus(out, "tickdesk_stream_inbox_dropped_total", "counter",
                           "ticks dropped because the stream thread was behind", double(m_stats.droppedInbox.load()));
    Util::appendPrometheus(out, "tickdesk_stream_refused_clients_total", "counter",
                           "connections turned away because the client cap was reached",
                           double(m_stats.refusedClients.load()));
    return out;
}

} // namespace Stream
