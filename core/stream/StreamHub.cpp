// SPDX-License-Identifier: MIT
#include "StreamHub.h"

#include "StreamClient.h"
#include "StreamMessages.h"
#include "SubscriptionMessage.h"
#include "http/BrowserGuard.h"
#include "text/SignalJson.h"
#include "util/Clock.h"
#include "util/ConstantTime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStream, "tickdesk.stream")

namespace Stream {

StreamHub::StreamHub(StreamServer &server, const StreamOptions &options)
    : m_server(server)
    , m_options(options)
    , m_listener(new QTcpServer(this))
    , m_webSockets(new QWebSocketServer(u"TickDesk"_s, QWebSocketServer::NonSecureMode, this))
    , m_bars(options)
    , m_closeTimer(new QTimer(this))
    , m_sendBar(std::bind_front(&StreamHub::sendBar, this))
{
    // A quiet symbol's bar closes a second after its end, as the engine's do.
    m_closeTimer->setInterval(250);
    connect(m_closeTimer, &QTimer::timeout, this, [this] {
        m_bars.closeDue(Util::wallClockUs() - 1'000'000, Util::monotonicNs(), 1'000'000'000, m_sendBar);
    });
    // The TCP side is ours so that each socket sends at once (no Nagle): a message is
    // small, and waiting for the client's delayed ACK would hold it back tens of milliseconds.
    connect(m_listener, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            if (int(m_clients.size()) >= m_options.maxClients) {
                // Full: told at once and closed, before a handshake can hold a descriptor.
                socket->write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n");
                socket->disconnectFromHost();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                m_server.m_stats.refusedClients.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            if (m_options.accessToken.isEmpty())
                m_webSockets->handleConnection(socket);
            else
                admitWithToken(socket);
        }
    });
    m_webSockets->setHandshakeTimeout(std::chrono::seconds(10));
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &StreamHub::accept);
    // A web page the trader visits may not open the stream (browsers always say which page asks).
    connect(m_webSockets, &QWebSocketServer::originAuthenticationRequired, this,
            [this](QWebSocketCorsAuthenticator *authenticator) {
                const Http::BrowserGuard guard(m_options.webPort, m_options.address, m_options.allowedOrigins,
                                               !m_options.accessToken.isEmpty());
                const bool allowed = guard.allowsOrigin(authenticator->origin().toUtf8());
                if (!allowed)
                    qCInfo(lcStream) << "refused a WebSocket from the web page" << authenticator->origin();
                authenticator->setAllowed(allowed);
            });
}

StreamHub::~StreamHub() = default;

bool StreamHub::listen(QString &error, quint16 &port)
{
    if (!m_listener->listen(m_options.address, m_options.port)) {
        error = m_listener->errorString();
        return false;
    }
    port = m_listener->serverPort();
    return true;
}

void StreamHub::closeAll()
{
    m_listener->close();
    // Taken out first: closing a socket can report its disconnection (and remove()) right away.
    std::vector<StreamClient *> clients;
    clients.swap(m_clients);
    for (StreamClient *client : clients) {
        client->socket()->close(QWebSocketProtocol::CloseCodeGoingAway, u"TickDesk is stopping"_s);
        delete client;
    }
    m_server.m_stats.clients = 0;
    updateTickSubscribers();
}

namespace {

/// What the path asks for: /ws (everything), /ws/signals, /ws/ticks, /ws/stocks/AAPL[,MSFT].
std::optional<Subscription> subscriptionFor(const QString &path, QString &error)
{
    Subscription s;
    QString p = path;
    while (p.endsWith(u'/'))
        p.chop(1);
    if (p.isEmpty() || p == u"/ws"_s)
        return s;
    if (p == u"/ws/signals"_s) {
        s.ticks = false;
        return s;
    }
    if (p == u"/ws/ticks"_s) {
        s.signals = false;
        s.alerts = false;
        return s;
    }
    if (p.startsWith(u"/ws/stocks/"_s)) {
        s.allSymbols = false;
        for (const QString &name : p.mid(11).split(u',', Qt::SkipEmptyParts)) {
            Model::Symbol symbol;
            if (!Model::Symbol::fromString(name.toUpper(), symbol)) {
                error = u"\"%1\" is not a symbol"_s.arg(name.left(40));
                return std::nullopt;
            }
            s.symbols.insert(symbol);
        }
        if (!s.symbols.empty())
            return s;
    }
    error = u"unknown path \"%1\": use /ws, /ws/signals, /ws/ticks or /ws/stocks/SYMBOL"_s.arg(path.left(80));
    return std::nullopt;
}

QByteArray errorMessage(const QString &error)
{
    return QJsonDocument(QJsonObject{{u"type"_s, u"error"_s}, {u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

} // namespace

void StreamHub::accept()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        // A client only sends small subscription messages: a larger frame or message closes it unread.
        socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
        QString error;
        const auto subscription = subscriptionFor(socket->requestUrl().path(), error);
        if (!subscription) {
            socket->sendTextMessage(QString::fromUtf8(errorMessage(error)));
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, error.left(120));
            socket->deleteLater();
            continue;
        }
        auto *client = new StreamClient(socket, m_options, m_server.m_stats, this);
        client->subscription = *subscription;
        connect(socket, &QWebSocket::textMessageReceived, client,
                [this, client](const QString &message) { received(client, message); });
        connect(socket, &QWebSocket::disconnected, client, [this, client] { remove(client); });
        connect(client, &StreamClient::overrun, this, [this](StreamClient *slow) {
            qCWarning(lcStream) << "disconnecting" << slow->socket()->peerAddress().toString() << "port"
                                << slow->socket()->peerPort() << ": too slow to keep up";
            m_server.m_stats.droppedClients.fetch_add(1, std::memory_order_relaxed);
            slow->socket()->close(QWebSocketProtocol::CloseCodePolicyViolated,
                                  u"too slow: more than %1 signals behind"_s.arg(m_options.maxQueuedSignals));
            slow->socket()->abort(); // its buffers are full: do not wait for the close handshake
        });
        m_clients.push_back(client);
        m_server.m_stats.clients = int(m_clients.size());
        updateTickSubscribers();
        const QByteArray hello = client->subscription.describe();
        client->sendNow(QString::fromUtf8(hello), hello.size());
    }
}

bool StreamHub::tokenIn(const QByteArray &head) const
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray query =
        QUrlQuery(QUrl(QString::fromLatin1(requestLine.value(1)))).queryItemValue(u"token"_s).toUtf8();
    if (Util::constantTimeEquals(query, m_options.accessToken))
        return true;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("authorization", Qt::CaseInsensitive) == 0)
            return Util::constantTimeEquals(line.mid(colon + 1).trimmed(), "Bearer " + m_options.accessToken);
    }
    return false;
}

void StreamHub::admitWithToken(QTcpSocket *socket)
{
    // The handshake's head is read without taking it from the socket: with the token the WebSocket server
    // answers it as usual, without it the answer is a 401 and no 101, so nothing streams and no WebSocket is
    // made. A head that does not come within the handshake time, or is too long, closes the connection.
    constexpr qint64 MaxHead = 16 * 1024;
    const auto gone = connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
    deadline->start(std::chrono::seconds(10));
    const auto refuse = [this, socket](const char *status, const QString &why) {
        const QByteArray body = errorMessage(why);
        socket->write(QByteArray("HTTP/1.1 ") + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        m_server.m_stats.refusedClients.fetch_add(1, std::memory_order_relaxed);
    };
    auto gate = std::make_shared<QMetaObject::Connection>();
    const auto look = [this, socket, deadline, gate, gone, refuse] {
        const QByteArray head = socket->peek(std::min(socket->bytesAvailable(), MaxHead + 4));
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (socket->bytesAvailable() > MaxHead) {
                disconnect(*gate);
                refuse("431 Request Header Fields Too Large", u"the handshake is too long"_s);
            }
            return;
        }
        disconnect(*gate);
        if (!tokenIn(head.left(end))) {
            qCInfo(lcStream) << "refused a WebSocket without the access token from" << socket->peerAddress().toString();
            refuse("401 Unauthorized", u"access token missing or wrong"_s);
            return;
        }
        delete deadline;
        disconnect(gone); // the WebSocket server looks after it from here
        m_webSockets->handleConnection(socket);
    };
    *gate = connect(socket, &QTcpSocket::readyRead, this, look);
    if (socket->bytesAvailable() > 0)
        look();
}

void StreamHub::remove(StreamClient *client)
{
    const auto it = std::find(m_clients.begin(), m_clients.end(), client);
    if (it == m_clients.end())
        return;
    m_clients.erase(it);
    client->deleteLater();
    m_server.m_stats.clients = int(m_clients.size());
    updateTickSubscribers();
}

void StreamHub::updateTickSubscribers()
{
    int n = 0;
    for (const StreamClient *client : m_clients)
        n += client->subscription.ticks || !client->subscription.timeframes.empty() ? 1 : 0;
    m_server.m_tickSubscribers = n;
    syncBars();
}

void StreamHub::syncBars()
{
    std::vector<const Subscription *> subscriptions;
    for (const StreamClient *client : m_clients)
        subscriptions.push_back(&client->subscription);
    m_bars.sync(subscriptions);
    if (m_bars.empty())
        m_closeTimer->stop();
    else if (!m_closeTimer->isActive())
        m_closeTimer->start();
}

void StreamHub::sendBar(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state,
                        const Bars::Bar &bar, const Indicators::IndicatorSnapshot &indicators)
{
    QString text;
    qsizetype bytes = 0;
    for (StreamClient *client : m_clients) {
        if (!client->subscription.wantsBars(symbol, timeframe))
            continue;
        if (text.isNull()) {
            const QByteArray json = barMessage(symbol, timeframe, state, bar, indicators);
            text = QString::fromUtf8(json);
            bytes = json.size();
        }
        // A closed bar is never dropped for a slow client (queued like a signal); forming ones coalesce.
        client->deliver(text, bytes, std::strcmp(state, "forming") != 0, symbol);
    }
}

void StreamHub::sendError(StreamClient *client, const QString &error)
{
    const QByteArray message = errorMessage(error);
    client->sendNow(QString::fromUtf8(message), message.size());
}

void StreamHub::received(StreamClient *client, const QString &message)
{
    const auto subscription = applySubscriptionMessage(client->subscription, message.toUtf8());
    if (!subscription) {
        sendError(client, subscription.error());
        return;
    }
    client->subscription = *subscription;
    updateTickSubscribers();
    const QByteArray reply = subscription->describe();
    client->sendNow(QString::fromUtf8(reply), reply.size());
}

void StreamHub::drain()
{
    std::deque<StreamServer::Item> items;
    m_server.takeInbox(items);
    const qint64 nowNs = Util::monotonicNs();
    for (const StreamServer::Item &item : items) {
        const bool isSignal = std::holds_alternative<Model::TradeSignal>(item);
        if (!isSignal && !m_bars.empty())
            m_bars.add(std::get<Pipeline::ProcessedTick>(item).bar, nowNs, m_sendBar);
        const Model::Symbol &symbol =
            isSignal ? std::get<Model::TradeSignal>(item).symbol : std::get<Pipeline::ProcessedTick>(item).bar.symbol;
        const auto kind = !isSignal                                            ? Subscription::Kind::Tick
                          : std::get<Model::TradeSignal>(item).isTraderAlert() ? Subscription::Kind::Alert
                                                                               : Subscription::Kind::Signal;
        QString text; // encoded once, for the first client that wants it, and shared
        qsizetype bytes = 0;
        for (StreamClient *client : m_clients) {
            if (!client->subscription.wants(kind, symbol))
                continue;
            if (text.isNull()) {
                const QByteArray json = kind == Subscription::Kind::Alert
                                            ? Text::alertJson(std::get<Model::TradeSignal>(item))
                                        : isSignal ? Text::signalJson(std::get<Model::TradeSignal>(item))
                                                   : tickMessage(std::get<Pipeline::ProcessedTick>(item));
                text = QString::fromUtf8(json);
                bytes = json.size();
            }
            client->deliver(text, bytes, isSignal, symbol);
        }
    }
}

} // namespace Stream
