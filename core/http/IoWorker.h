// SPDX-License-Identifier: MIT
#pragma once

#include "BrowserGuard.h"
#include "HttpMessage.h"
#include "ServerOptions.h"
#include "util/Mailbox.h"
#include "util/Result.h"

#include <QHash>

#include <atomic>
#include <deque>
#include <optional>
#include <thread>
#include <vector>

namespace Util {
class Feeders;
}

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
    std::atomic<quint64> evicted{0};  ///< idle or slow connections closed to make room
    Util::Feeders *feeders = nullptr; ///< told when an I/O thread has work and when it waits for input
};

/// One I/O thread and the connections it serves. Their sockets are watched by an epoll set of the thread's
/// own and read and written directly, one system call each way per request in the common case; responses
/// finished on other threads (the storage writer's commits) come through a mailbox whose first letter wakes
/// the thread (an eventfd in the same set). A Qt socket and event loop took an ioctl, a poll over every
/// connection and two buffer copies per request, and kept the server at 0.6 of nginx answering a constant.
class IoWorker final
{
public:
    explicit IoWorker(ServerShared &shared);
    ~IoWorker();
    IoWorker(const IoWorker &) = delete;
    IoWorker &operator=(const IoWorker &) = delete;

    /// Starts the thread (named `name` for profilers).
    Util::Status start(const char *name);
    /// Closes every connection and joins the thread.
    void stop();

    /// From any thread: a connection accepted elsewhere, served from now on by this thread.
    void adoptLater(qintptr descriptor);
    /// From any thread: a response for deliver(). Responses completed together (one group commit) reach
    /// this thread with one wake-up, not one each.
    void post(quint64 connection, quint64 sequence, HttpResponse response);
    bool isCurrentThread() const noexcept { return std::this_thread::get_id() == m_threadId; }
    /// On this worker's thread: the monotonic clock as this round of events began (Util::monotonicNs()),
    /// read once for all the requests of the round rather than a few times for each.
    qint64 roundNs() const noexcept { return m_roundNs; }
    qint64 roundMs() const noexcept { return m_roundNs / 1'000'000; }

    // On this worker's thread, for its connections:
    void deliver(quint64 connection, quint64 sequence, HttpResponse response);
    /// What epoll reports for the connection: input, room for output, or nothing but errors.
    void watch(HttpConnection &connection, bool read, bool write);
    /// Has resume() called once this round of events is through (not from inside a delivery).
    void resumeLater(HttpConnection *connection);
    /// The connection closed its socket: forgotten now, deleted once this round of events is through.
    void closed(HttpConnection *connection);

private:
    struct Mail
    {
        qintptr adopt = -1; ///< a descriptor to adopt, or -1 for a response
        quint64 connection = 0;
        quint64 sequence = 0;
        HttpResponse response;
    };

    void run();
    void adopt(qintptr descriptor);
    void takeMail();
    void wake();
    void sweep();
    void closeAll();

    ServerShared &m_shared;
    int m_epoll = -1;
    int m_wakeFd = -1;
    std::thread m_thread;
    std::thread::id m_threadId;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_busy{false};        ///< this thread's flag in m_shared.feeders
    std::atomic<bool> m_mailWaiting{false}; ///< letters were posted since the last take
    qint64 m_roundNs = 0;
    QHash<quint64, HttpConnection *> m_connections;
    std::vector<HttpConnection *> m_resume;
    std::vector<HttpConnection *> m_dead;
    Util::Mailbox<Mail> m_mail;
    std::deque<Mail> m_taking;
};

} // namespace Http
