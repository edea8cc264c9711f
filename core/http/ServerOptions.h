// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <cstddef>

namespace Http {

struct ServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 5000;
    /// When set, every request must carry `Authorization: Bearer <token>` or `X-TickDesk-Token`.
    QByteArray accessToken;
    int ioThreads = 2;
    int maxConnections = 1024;
    std::size_t headerLimit = 16 * 1024;
    std::size_t bodyLimit = 16 * 1024 * 1024;
    int idleTimeoutMs = 30'000;
    /// A request must arrive whole within this time once its first byte came.
    int requestTimeoutMs = 30'000;
    /// And its headers within this much shorter time: a client dribbling header bytes holds a slot for no more.
    int headerTimeoutMs = 5'000;
    /// Slots kept for clients that send whole requests: once fewer are free, each new connection first
    /// closes the oldest one that is idle or still sending its headers.
    int reservedConnections = 64;
    /// Requests read ahead of their responses on one connection (pipelining);
    /// past this the connection is not read until responses go out.
    int maxInFlightPerConnection = 64;
    /// Web page origins allowed besides TickDesk's own (e.g. "http://127.0.0.1:8080"); every other browser
    /// page is refused, and Host must name the loopback (or the bind address) unless a token is set.
    QList<QByteArray> allowedOrigins;
};

} // namespace Http
