// SPDX-License-Identifier: MIT
#include "HttpConnection.h"
#include "util/Clock.h"
#include "util/ConstantTime.h"

#include "HttpResponder.h"
#include "IoWorker.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Http {

namespace {

constexpr qint64 ReadBufferSize = 256 * 1024;
constexpr qint64 WriteHighWater = 1024 * 1024;
constexpr qint64 LingerMs = 2000;

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

HttpConnection::HttpConnection(qintptr descriptor, quint64 id, IoWorker &worker, ServerShared &shared, QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_id(id)
    , m_worker(worker)
    , m_shared(shared)
    , m_parser(shared.options.headerLimit, shared.options.bodyLimit)
{
    m_socket->setSocketDescriptor(descriptor);
    m_socket->setReadBufferSize(ReadBufferSize);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_lastActivityMs = nowMs();
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
    m_socket->abort();
    m_worker.forget(m_id);
}

void HttpConnection::start(bool overCapacity)
{
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (overCapacity) {
        HttpResponse response = HttpResponse::error(503, u"too many connections; try again later"_s);
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        respondNow(response);
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

bool HttpConnection::canReadMore() const
{
    return !m_stopReading && m_pending.size() < std::size_t(m_shared.options.maxInFlightPerConnection) &&
           m_socket->bytesToWrite() < WriteHighWater;
}

void HttpConnection::onReadyRead()
{
    m_lastActivityMs = nowMs();
    if (m_lingering) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (!canReadMore())
        return; // resumed from maybeResume() once responses went out
    m_in.append(m_socket->read(ReadBufferSize));
    processInput();
    if (m_parser.inProgress()) {
        // Half a request: clients that write the headers and the body separately (Qt's own
        // QNetworkAccessManager among them) hold the body back until this side acknowledges
        // the headers (Nagle), and a delayed ACK would make that 40 ms. Acknowledge now.
        const int on = 1;
        ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    }
    if (m_socket->bytesAvailable() > 0)
        maybeResume();
}

void HttpConnection::processInput()
{
    while (canReadMore() && m_inOffset < m_in.size()) {
        if (!m_parser.inProgress())
            m_requestStartMs = nowMs();
        std::size_t consumed = 0;
        const auto state =
            m_parser.feed(m_in.constData() + m_inOffset, std::size_t(m_in.size() - m_inOffset), consumed);
        m_inOffset += qsizetype(consumed);
        if (state == HttpRequestParser::State::NeedMore)
            break;
        if (state == HttpRequestParser::State::Error) {
            respondNow(HttpResponse::error(m_parser.errorStatus(), m_parser.errorMessage()));
            break;
        }
        dispatch(m_parser.take());
    }
    if (m_inOffset == m_in.size()) {
        m_in.clear();
        m_inOffset = 0;
    } else if (m_inOffset > 64 * 1024) {
        m_in.remove(0, m_inOffset);
        m_inOffset = 0;
    }
}

void HttpConnection::dispatch(HttpRequest &&request)
{
    request.receivedNs = Util::monotonicNs();
    if (!authorized(request)) {
        HttpResponse response = HttpResponse::error(401, u"missing or wrong access token"_s);
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        respondNow(response);
        return;
    }
    if (const QString refused = m_shared.guard ? m_shared.guard->refusal(request.host, request.origin) : QString();
        !refused.isEmpty()) {
        respondNow(HttpResponse::error(403, refused));
        return;
    }
    const bool close = !request.keepAlive;
    const quint64 sequence = enqueue(close);
    m_shared.handler->handle(std::move(request), HttpResponder(&m_worker, m_id, sequence));
}

bool HttpConnection::authorized(const HttpRequest &request) const
{
    const QByteArray &token = m_shared.options.accessToken;
    if (token.isEmpty() || m_shared.handler->isPublic(request))
        return true;
    return Util::constantTimeEquals(request.token, token) ||
           Util::constantTimeEquals(request.authorization, "Bearer " + token);
}

quint64 HttpConnection::enqueue(bool close)
{
    m_pending.push_back(Pending{{}, false, close});
    if (close)
        m_stopReading = true;
    return m_firstSequence + m_pending.size() - 1;
}

void HttpConnection::respondNow(const HttpResponse &response)
{
    deliver(enqueue(true), response);
}

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    if (sequence < m_firstSequence || sequence - m_firstSequence >= m_pending.size())
        return;
    Pending &slot = m_pending[sequence - m_firstSequence];
    if (slot.ready)
        return;
    slot.close = slot.close || response.close;
    slot.bytes = response.serialize(slot.close);
    slot.ready = true;
    flush();
}

void HttpConnection::flush()
{
    bool wrote = false;
    while (!m_pending.empty() && m_pending.front().ready && !m_closeAfterWrite) {
        Pending &front = m_pending.front();
        m_socket->write(front.bytes);
        m_closeAfterWrite = front.close;
        m_pending.pop_front();
        ++m_firstSequence;
        wrote = true;
    }
    if (wrote)
        m_socket->flush(); // now, rather than on the next turn of the event loop

    m_lastActivityMs = nowMs();
    if (m_closeAfterWrite) {
        m_pending.clear();
        if (m_socket->bytesToWrite() == 0)
            finishClose();
        return;
    }
    maybeResume();
}

void HttpConnection::onBytesWritten()
{
    m_lastActivityMs = nowMs();
    if (m_closeAfterWrite && m_socket->bytesToWrite() == 0)
        finishClose();
    else
        maybeResume();
}

void HttpConnection::maybeResume()
{
    if (m_resumeQueued || !canReadMore() || (m_inOffset == m_in.size() && m_socket->bytesAvailable() == 0))
        return;
    // Continue from the event loop, not from inside a delivery.
    m_resumeQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resumeQueued = false;
            processInput();
            if (canReadMore() && m_socket->bytesAvailable() > 0)
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void HttpConnection::finishClose()
{
    if (m_lingering)
        return;
    // Shut only the sending side and drain what the client still sends, so that
    // a client in the middle of a large body reads our answer instead of a reset.
    m_lingering = true;
    m_lingerStartMs = nowMs();
    m_socket->flush();
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->skip(m_socket->bytesAvailable());
}

bool HttpConnection::isEvictable() const
{
    if (!m_pending.empty() || m_lingering)
        return false; // answers on their way: a client that is being served
    return !m_parser.inProgress() || !m_parser.headerDone();
}

void HttpConnection::checkTimeouts(qint64 now)
{
    const ServerOptions &o = m_shared.options;
    if (m_lingering) {
        if (now - m_lingerStartMs > LingerMs)
            deleteLater();
        return;
    }
    if (!m_pending.empty())
        return; // waiting on us, not on the client
    if (m_parser.inProgress() && !m_stopReading) {
        if (!m_parser.headerDone() && now - m_requestStartMs > o.headerTimeoutMs)
            respondNow(
                HttpResponse::error(408, u"request headers not completed within %1 ms"_s.arg(o.headerTimeoutMs)));
        else if (now - m_requestStartMs > o.requestTimeoutMs)
            respondNow(HttpResponse::error(408, u"request not completed within %1 ms"_s.arg(o.requestTimeoutMs)));
        return;
    }
    if (now - m_lastActivityMs > o.idleTimeoutMs)
        deleteLater();
}

} // namespace Http
