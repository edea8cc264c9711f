// SPDX-License-Identifier: MIT
#pragma once

#include "BarFeeds.h"
#include "StreamServer.h"

#include <QObject>

#include <vector>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace Stream {

class StreamClient;

/// The part of the stream server that lives on its thread: the QWebSocketServer,
/// the clients, and the fan-out of each message to those who asked for it.
class StreamHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamHub)

public:
    StreamHub(StreamServer &server, const StreamOptions &options);
    ~StreamHub() override;

    bool listen(QString &error, quint16 &port);
    void closeAll();
    /// Sends what arrived since the last call.
    void drain();

private:
    void accept();
    /// Hands a connection to the WebSocket server only once its handshake carries the access token.
    void admitWithToken(QTcpSocket *socket);
    /// Whether a handshake's head (request line and headers) carries the access token, in the query or as a
    /// bearer token.
    bool tokenIn(const QByteArray &head) const;
    void handshakeDone(QWebSocket *socket);
    void received(StreamClient *client, const QString &message);
    void remove(StreamClient *client);
    void updateTickSubscribers();
    /// Keeps the bar tracks the clients' subscriptions ask for, and the timer that closes quiet ones.
    void syncBars();
    /// A bar changed: to every client subscribed to its symbol and timeframe.
    void sendBar(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state, const Bars::Bar &bar,
                 const Indicators::IndicatorSnapshot &indicators);
    void sendError(StreamClient *client, const QString &error);

    StreamServer &m_server;
    const StreamOptions &m_options;
    QTcpServer *m_listener;
    QWebSocketServer *m_webSockets; ///< does the handshakes of what m_listener accepts
    std::vector<StreamClient *> m_clients;
    BarFeeds m_bars;
    QTimer *m_closeTimer;
    const BarFeeds::Emit m_sendBar; ///< sendBar, made once for every record and sweep
};

} // namespace Stream
