// SPDX-License-Identifier: MIT
#pragma once

#include "HttpRequestParser.h"

#include <QByteArray>

#include <cstdint>
#include <deque>

namespace Http {

class IoWorker;
struct ServerShared;

/// One client connection: reads requests incrementally, hands each to the
/// handler and writes the responses back in request order (pipelining),
/// whenever they are ready. Lives in its I/O thread, which owns and deletes it.
class HttpConnection final
{
public:
    HttpConnection(int descriptor, quint64 id, IoWorker &worker, ServerShared &shared);
    ~HttpConnection();
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    void start(bool overCapacity);
    /// What epoll reported for the socket.
    void onEvents(std::uint32_t events);
    void deliver(quint64 sequence, HttpResponse response);
    /// Carries on with input read ahead, once its responses have gone out.
    void resume();
    void checkTimeouts(qint64 nowMs);
    /// Closes the socket now (the worker deletes the object later).
    void close();

    /// Idle, or still sending the headers of a request: what may be closed to make room for others.
    bool isEvictable() const;
    bool isClosed() const noexcept { return m_fd < 0; }
    qint64 lastActivityMs() const noexcept { return m_lastActivityMs; }
    quint64 id() const noexcept { return m_id; }
    int descriptor() const noexcept { return m_fd; }
    std::uint32_t watched() const noexcept { return m_watched; }
    void setWatched(std::uint32_t events) noexcept { m_watched = events; }

private:
    struct Pending
    {
        QByteArray bytes;
        bool ready = false;
        bool close = false;
    };

    void onReadable();
    void onWritable();
    void drainInput();
    void processInput();
    void dispatch(HttpRequest &&request);
    void respondNow(const HttpResponse &response);
    quint64 enqueue(bool close);
    void flush();
    void writeOut();
    void maybeResume();
    void finishClose();
    void updateWatch();
    bool authorized(const HttpRequest &request) const;
    /// False when the browser guard refuses the request (answered with 403 here).
    bool passesGuard(const HttpRequest &request);
    bool canReadMore() const;
    qsizetype bytesToWrite() const noexcept { return m_out.size() - m_outOffset; }

    int m_fd;
    quint64 m_id;
    IoWorker &m_worker;
    ServerShared &m_shared;
    std::uint32_t m_watched = 0; ///< the epoll events asked for now
    HttpRequestParser m_parser;
    QByteArray m_in;
    qsizetype m_inOffset = 0;
    QByteArray m_out; ///< bytes the socket did not take yet
    qsizetype m_outOffset = 0;
    std::deque<Pending> m_pending;
    quint64 m_firstSequence = 0; ///< sequence number of m_pending.front()
    /// The Host and Origin headers of this connection's last request the browser guard let through: a
    /// client sends the same ones every time, and checking them again parsed an address per request.
    QByteArray m_guardedHost;
    QByteArray m_guardedOrigin;
    bool m_guardPassed = false;
    qint64 m_lastActivityMs = 0;
    qint64 m_requestStartMs = 0;
    qint64 m_lingerStartMs = 0;
    bool m_stopReading = false; ///< a response that closes the connection is queued
    bool m_closeAfterWrite = false;
    bool m_lingering = false; ///< write side shut, input drained until the peer closes
    bool m_resumeQueued = false;
};

} // namespace Http
