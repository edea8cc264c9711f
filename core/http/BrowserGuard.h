// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace Http {

/// Keeps web pages from driving or reading the local servers. A page the trader visits can
/// send requests to 127.0.0.1 (and, by DNS rebinding, read the answers under its own name);
/// programs on the machine cannot be told apart from it by address, only by what browsers
/// always add: an `Origin` header, and the page's own name in `Host`.
class BrowserGuard final
{
public:
    /// `webPort`: the HTTP server's port, where TickDesk's own pages live; `bind`: the address the servers
    /// listen on (a name of this machine when not loopback); `allowedOrigins`: origins the user allowed.
    BrowserGuard(quint16 webPort, const QHostAddress &bind, QList<QByteArray> allowedOrigins, bool tokenSet);

    /// Empty when a request with these headers may go on; else why not, for a 403.
    QString refusal(const QByteArray &host, const QByteArray &origin) const;
    /// Whether a browser page of `origin` may talk to us (an empty origin: not a browser).
    bool allowsOrigin(const QByteArray &origin) const;
    /// Whether `host` (a Host header, with or without port) names this machine's loopback or the bind address.
    bool allowsHost(const QByteArray &host) const;

    void setWebPort(quint16 port) { m_webPort = port; }

private:
    quint16 m_webPort;
    QByteArray m_bindHost;
    QList<QByteArray> m_allowedOrigins;
    bool m_tokenSet;
};

/// "localhost", "127.0.0.1", "::1" and the like, without port or brackets.
bool isLoopbackName(const QByteArray &host);
/// The host of a Host header, lower case, without port or brackets: "[::1]:5000" -> "::1",
/// "Localhost:5000" -> "localhost".
QByteArray hostName(const QByteArray &header);

} // namespace Http
