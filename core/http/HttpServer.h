// SPDX-License-Identifier: MIT
#pragma once

#include "ServerOptions.h"
#include "util/Result.h"

#include <QObject>

#include <memory>
#include <vector>

class QThread;

namespace Util {
class Feeders;
}

namespace Http {

class HttpHandler;
class IoWorker;
class Listener;
struct ServerShared;

/// The embedded HTTP/1.1 server: a listener hands accepted sockets to a small
/// pool of I/O threads (IoWorker); requests go to one handler. Request parsing is Boost.Beast's, fed from each
/// socket's buffer, so size limits hold while reading.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    HttpServer(ServerOptions options, HttpHandler &handler, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Before start(): told when the I/O threads have work and when they all wait for input (the storage
    /// writer commits then instead of waiting for more requests). `feeders` outlives the server.
    void setFeeders(Util::Feeders *feeders);
    /// Binds and starts the I/O threads. Refuses a non-loopback address without an access token.
    Util::Status start();
    /// Stops accepting; open connections carry on.
    void stopListening();
    /// Stops accepting, closes every connection and joins the I/O threads.
    /// Whoever completes responses later (the storage writer) must be stopped first.
    void stop();

    quint16 port() const noexcept { return m_port; }
    QString address() const;
    int connectionCount() const;
    /// Idle or slow connections closed to make room for new ones near the cap.
    quint64 evictedConnections() const;

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    std::unique_ptr<ServerShared> m_shared;
    std::unique_ptr<QThread, ThreadStopper> m_acceptThread;
    std::vector<std::unique_ptr<IoWorker>> m_workers;
    Listener *m_listener = nullptr;
    quint16 m_port = 0;
};

} // namespace Http
