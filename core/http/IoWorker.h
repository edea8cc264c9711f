// SPDX-License-Identifier: MIT
#pragma once

#include "HttpMessage.h"
#include "ServerOptions.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <mutex>
#include <vector>

class QTimer;

#include "BrowserGuard.h"
#include "util/Mailbox.h"

#include <optional>

namespace Http {

class HttpConnection;
class HttpHandler;

/// State shared by the listener and every I/O thread; fixed once the server runs.
struct ServerShared
{
    ServerOptions options;
    HttpHandler *handler = nullptr;
    std::optional<BrowserGuard> guard; ///< set when the server listens
    std::atomic<int> connections{0};
    std::atomic<quint64> nextConnectionId{1};
    std::atomic<quint64> evicted{0}; ///< idle or slow connections closed to make room
};

/// Owns the connections of one I/O thread and sweeps them for time-outs.
class IoWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IoWorker)

public:
    explicit IoWorker(ServerShared &shared);
    ~IoWorker() override;

    /// Called in this worker's thread.
    void adopt(qintptr descriptor);
    void deliver(quint64 connection, quint64 sequence, HttpResponse response);
    /// From any thread: queues a response for deliver(). Responses completed
    /// together (one group commit) reach this thread in one event, not one each.
    void post(quint64 connection, quint64 sequence, HttpResponse response);
    void startTimers();
    void closeAll();
    void forget(quint64 connection);

private:
    struct Completed
    {
        quint64 connection;
        quint64 sequence;
        HttpResponse response;
    };

    void sweep();
    void drainOutbox();

    ServerShared &m_shared;
    QHash<quint64, HttpConnection *> m_connections;
    QTimer *m_sweepTimer = nullptr;
    Util::Mailbox<Completed> m_outbox; ///< responses finished on other threads, to send from this one
    std::deque<Completed> m_draining;
};

} // namespace Http
