// SPDX-License-Identifier: MIT
#include "BrowserGuard.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Http {

QByteArray hostName(const QByteArray &header)
{
    QByteArray host = header.trimmed().toLower();
    if (host.startsWith('[')) {
        const qsizetype end = host.indexOf(']');
        return end < 0 ? host : host.mid(1, end - 1);
    }
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0 && host.indexOf(':') == colon)
        host.truncate(colon);
    if (host.endsWith('.'))
        host.chop(1);
    return host;
}

bool isLoopbackName(const QByteArray &host)
{
    if (host == "localhost" || host.endsWith(".localhost"))
        return true;
    const QHostAddress address(QString::fromLatin1(host));
    return !address.isNull() && address.isLoopback();
}

BrowserGuard::BrowserGuard(quint16 webPort, const QHostAddress &bind, QList<QByteArray> allowedOrigins, bool tokenSet)
    : m_webPort(webPort)
    , m_bindHost(bind.isLoopback() ? QByteArray() : hostName(bind.toString().toLatin1()))
    , m_allowedOrigins(std::move(allowedOrigins))
    , m_tokenSet(tokenSet)
{
    for (QByteArray &origin : m_allowedOrigins) {
        origin = origin.trimmed().toLower();
        while (origin.endsWith('/'))
            origin.chop(1);
    }
}

bool BrowserGuard::allowsHost(const QByteArray &header) const
{
    if (header.isEmpty())
        return true; // HTTP/1.0 clients send none; browsers always do
    const QByteArray host = hostName(header);
    return isLoopbackName(host) || (!m_bindHost.isEmpty() && host == m_bindHost);
}

bool BrowserGuard::allowsOrigin(const QByteArray &header) const
{
    if (header.isEmpty())
        return true; // not a browser page
    const QByteArray origin = header.trimmed().toLower();
    if (m_allowedOrigins.contains(origin))
        return true;
    // TickDesk's own pages: served by this HTTP server, on a name of this machine.
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || url.scheme() != u"http"_s || url.port(80) != m_webPort || m_webPort == 0)
        return false;
    // With a token, the web monitor may be opened under any name of this machine (a phone on the LAN uses its
    // address, the server may listen on all of them): the page still has to send the token to read anything.
    const QByteArray host = url.host().toLatin1();
    return m_tokenSet || isLoopbackName(host) || (!m_bindHost.isEmpty() && host == m_bindHost);
}

QString BrowserGuard::refusal(const QByteArray &host, const QByteArray &origin) const
{
    // With a token, a page cannot make a request count (it cannot know the token): any name will do.
    if (!m_tokenSet && !allowsHost(host))
        return u"Host \"%1\" is not this machine's loopback name: refused (a web page under another name may "
               u"not read TickDesk; use 127.0.0.1 or localhost)"_s.arg(QString::fromLatin1(host.left(100)));
    if (!allowsOrigin(origin))
        return u"requests from the web page %1 are refused (allow an origin with --allow-origin)"_s.arg(
            QString::fromLatin1(origin.left(100)));
    return {};
}

} // namespace Http
