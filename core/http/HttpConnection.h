// SPDX-License-Identifier: MIT
#pragma once

#include "HttpRequestParser.h"

#include <QObject>

#include <deque>

class QTcpSocket;

namespace Http {

class IoWorker;
struct ServerShared;

/// One client connection: reads requests incrementally, hands each to the
/// handler and writes the responses back in request order (pipelining),
/// whenever they are ready. Lives in its I/O thread.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(qintptr descriptor, quint64 id, IoWorker &worker, ServerShared &shared, QObject *parent);
    ~HttpConnection() override;

    void start(bool overCapacity);
    void deliver(quint64 sequence, HttpResponse response);
    void checkTimeouts(qint64 nowMs);
    /// Idle, or still sending the headers of a request: what may be closed to make room for others.
    bool isEvictable() const;
    qint64 lastActivityMs() const noexcept { return m_lastActivityMs; }

private:
    struct Pending
    {
        QByteArray bytes;
        bool ready = false;
        bool close = false;
    };

    void onReadyRead();
    void onBytesWritten();
    void processInput();
    void dispatch(HttpRequest &&request);
    void respondNow(const HttpResponse &response);
    quint64 enqueue(bool close);
    void flush();
    void maybeResume();
    void finishClose();
    bool authorized(const HttpRequest &request) const;
    bool canReadMore() const;

    QTcpSocket *m_socket = nullptr;
    quint64 m_id;
    IoWorker &m_worker;
    ServerShared &m_shared;
    HttpRequestParser m_parser;
    QByteArray m_in;
    qsizetype m_inOffset = 0;
    std::deque<Pending> m_pending;
    quint64 m_firstSequence = 0; ///< sequence number of m_pending.front()
    qint64 m_lastActivityMs = 0;
    qint64 m_requestStartMs = 0;
    qint64 m_lingerStartMs = 0;
    bool m_stopReading = false; ///< a response that closes the connection is queued
    bool m_closeAfterWrite = false;
    bool m_lingering = false; ///< write side shut, input drained until the peer closes
    bool m_resumeQueued = false;
};

} // namespace Http
