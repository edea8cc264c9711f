// SPDX-License-Identifier: MIT
#include "HttpConnection.h"
#include "util/ConstantTime.h"

#include "HttpResponder.h"
#include "IoWorker.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace Http {

namespace {

/// Read at most this much per readiness: a busy client cannot starve the others of its thread.
constexpr std::size_t ReadChunk = 64 * 1024;
constexpr qint64 WriteHighWater = 1024 * 1024;
constexpr qint64 LingerMs = 2000;
constexpr qsizetype KeptOutputCapacity = 64 * 1024;

bool wouldBlock() noexcept
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

} // namespace

HttpConnection::HttpConnection(int descriptor, quint64 id, IoWorker &worker, ServerShared &shared)
    : m_fd(descriptor)
    , m_id(id)
    , m_worker(worker)
    , m_shared(shared)
    , m_parser(shared.options.headerLimit, shared.options.bodyLimit)
{
    m_lastActivityMs = m_worker.roundMs();
}

HttpConnection::~HttpConnection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void HttpConnection::close()
{
    if (m_fd < 0)
        return;
    m_worker.closed(this);
    ::close(m_fd);
    m_fd = -1;
}

void HttpConnection::start(bool overCapacity)
{
    if (!overCapacity)
        return; // epoll reports the first request
    HttpResponse response = HttpResponse::error(503, u"too many connections; try again later"_s);
    response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    respondNow(response);
}

bool HttpConnection::canReadMore() const
{
    return !m_stopReading && m_pending.size() < std::size_t(m_shared.options.maxInFlightPerConnection) &&
           bytesToWrite() < WriteHighWater;
}

void HttpConnection::updateWatch()
{
    if (m_fd >= 0)
        m_worker.watch(*this, m_lingering || canReadMore(), bytesToWrite() > 0);
}

void HttpConnection::onEvents(std::uint32_t events)
{
    if (events & (EPOLLERR | EPOLLHUP)) {
        close(); // reset, or both directions shut: nothing more can be read or sent
        return;
    }
    if (events & EPOLLOUT)
        onWritable();
    if (m_fd >= 0 && (events & EPOLLIN))
        onReadable();
}

void HttpConnection::onReadable()
{
    m_lastActivityMs = m_worker.roundMs();
    if (m_lingering) {
        drainInput();
        return;
    }
    if (!canReadMore()) {
        updateWatch(); // resumed from maybeResume() once responses went out
        return;
    }
    thread_local std::array<char, ReadChunk> chunk; // one per I/O thread, not one per connection
    const ssize_t got = ::recv(m_fd, chunk.data(), chunk.size(), 0);
    if (got > 0)
        m_in.append(chunk.data(), qsizetype(got));
    if (got == 0 || (got < 0 && !wouldBlock() && errno != EINTR)) {
        close(); // the client went away
        return;
    }
    if (got < 0)
        return;
    processInput();
    if (m_fd < 0)
        return;
    if (m_parser.inProgress()) {
        // Half a request: clients that write the headers and the body separately (Qt's own
        // QNetworkAccessManager among them) hold the body back until this side acknowledges
        // the headers (Nagle), and a delayed ACK would make that 40 ms. Acknowledge now.
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    }
    updateWatch();
}

void HttpConnection::drainInput()
{
    char sink[16 * 1024];
    for (;;) {
        const ssize_t got = ::recv(m_fd, sink, sizeof sink, 0);
        if (got > 0)
            continue;
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0 || !wouldBlock())
            close(); // the client has read our answer and closed too
        return;
    }
}

void HttpConnection::processInput()
{
    while (m_fd >= 0 && canReadMore() && m_inOffset < m_in.size()) {
        if (!m_parser.inProgress())
            m_requestStartMs = m_worker.roundMs();
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
        m_in.resize(0);
        m_inOffset = 0;
    } else if (m_inOffset > 64 * 1024) {
        m_in.remove(0, m_inOffset);
        m_inOffset = 0;
    }
}

void HttpConnection::dispatch(HttpRequest &&request)
{
    request.receivedNs = m_worker.roundNs(); // when this thread woke to read it
    if (!authorized(request)) {
        HttpResponse response = HttpResponse::error(401, u"missing or wrong access token"_s);
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        respondNow(response);
        return;
    }
    if (!passesGuard(request))
        return;
    const bool close = !request.keepAlive;
    const quint64 sequence = enqueue(close);
    m_shared.handler->handle(std::move(request), HttpResponder(&m_worker, m_id, sequence));
}

bool HttpConnection::passesGuard(const HttpRequest &request)
{
    if (!m_shared.guard || (m_guardPassed && request.host == m_guardedHost && request.origin == m_guardedOrigin))
        return true;
    if (const QString refused = m_shared.guard->refusal(request.host, request.origin); !refused.isEmpty()) {
        respondNow(HttpResponse::error(403, refused));
        return false;
    }
    m_guardedHost = request.host;
    m_guardedOrigin = request.origin;
    m_guardPassed = true;
    return true;
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
    if (m_fd < 0 || sequence < m_firstSequence || sequence - m_firstSequence >= m_pending.size())
        return;
    Pending &slot = m_pending[sequence - m_firstSequence];
    if (slot.ready)
        return;
    slot.close = slot.close || response.close;
    if (sequence == m_firstSequence && !m_closeAfterWrite)
        response.appendTo(m_out, slot.close); // the next to go: no copy of its own
    else
        response.appendTo(slot.bytes, slot.close);
    slot.ready = true;
    flush();
}

void HttpConnection::flush()
{
    bool wrote = false;
    while (!m_pending.empty() && m_pending.front().ready && !m_closeAfterWrite) {
        Pending &front = m_pending.front();
        m_out.append(front.bytes); // empty when it went there at once
        m_closeAfterWrite = front.close;
        m_pending.pop_front();
        ++m_firstSequence;
        wrote = true;
    }
    if (wrote)
        writeOut(); // now, rather than after this round of events
    if (m_fd < 0)
        return;
    m_lastActivityMs = m_worker.roundMs();
    if (m_closeAfterWrite) {
        m_pending.clear();
        if (bytesToWrite() == 0)
            finishClose();
        return;
    }
    maybeResume();
}

void HttpConnection::writeOut()
{
    while (bytesToWrite() > 0) {
        const ssize_t sent = ::send(m_fd, m_out.constData() + m_outOffset, std::size_t(bytesToWrite()), MSG_NOSIGNAL);
        if (sent > 0) {
            m_outOffset += sent;
        } else if (sent < 0 && errno == EINTR) {
            continue;
        } else if (sent < 0 && wouldBlock()) {
            break; // the rest when epoll says there is room
        } else {
            close(); // reset by the client
            return;
        }
    }
    if (bytesToWrite() == 0) {
        // The memory stays for the next small response; a large one's (an export) goes.
        if (m_out.capacity() > KeptOutputCapacity)
            m_out = QByteArray();
        else
            m_out.resize(0);
        m_outOffset = 0;
    }
    updateWatch();
}

void HttpConnection::onWritable()
{
    m_lastActivityMs = m_worker.roundMs();
    writeOut();
    if (m_fd < 0)
        return;
    if (m_closeAfterWrite && bytesToWrite() == 0)
        finishClose();
    else
        maybeResume();
}

void HttpConnection::maybeResume()
{
    if (m_resumeQueued || !canReadMore())
        return;
    if (m_inOffset == m_in.size()) {
        updateWatch(); // nothing read ahead: input is watched again
        return;
    }
    // Continue once this round of events is through, not from inside a delivery.
    m_resumeQueued = true;
    m_worker.resumeLater(this);
}

void HttpConnection::resume()
{
    m_resumeQueued = false;
    processInput();
    updateWatch();
}

void HttpConnection::finishClose()
{
    if (m_lingering)
        return;
    // Shut only the sending side and drain what the client still sends, so that
    // a client in the middle of a large body reads our answer instead of a reset.
    m_lingering = true;
    m_lingerStartMs = m_worker.roundMs();
    ::shutdown(m_fd, SHUT_WR);
    m_in.clear();
    m_inOffset = 0;
    drainInput();
    updateWatch();
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
            close();
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
        close();
}

} // namespace Http
