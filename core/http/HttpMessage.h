// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <cstddef>
#include <string>

namespace Http {

struct HttpRequest
{
    /// Bytes past the end of a parsed request's body that its memory still holds, zero: a JSON parser that
    /// reads a little ahead reads the body where it is instead of a padded copy.
    static constexpr std::size_t BodySlack = 64;

    QByteArray method; ///< as sent, e.g. "POST"
    QByteArray path;   ///< target without the query, e.g. "/ingest"
    QByteArray query;  ///< after '?', undecoded
    QByteArray contentType;
    QByteArray authorization;
    QByteArray token; ///< X-TickDesk-Token
    QByteArray host;
    QByteArray origin;      ///< sent by browsers only
    QByteArray ifNoneMatch; ///< a cached copy's ETag, from browsers
    std::string body;       ///< as the parser leaves it, BodySlack zero bytes of capacity follow
    bool keepAlive = true;
    qint64 receivedNs = 0; ///< monotonic clock as the I/O thread woke to read the rest of the request
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool close = false; ///< close the connection after this response

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse error(int status, const QString &message);

    /// The status line, headers and body, ready for the socket, appended to `out` (whose memory a connection
    /// keeps from one response to the next).
    void appendTo(QByteArray &out, bool closeConnection) const;
};

const char *reasonPhrase(int status) noexcept;

} // namespace Http
