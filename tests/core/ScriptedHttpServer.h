// SPDX-License-Identifier: MIT
#pragma once

// A real HTTP/1.1 server on loopback whose answers the test writes: status, headers, body, and, to try a
// client's patience, an answer cut short. It runs on the thread that made it.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace TestHttp {

struct Answer
{
    Answer(int status_ = 200, QByteArray body_ = {}, QByteArray contentType_ = "text/plain",
           QList<QPair<QByteArray, QByteArray>> headers_ = {})
        : status(status_)
        , body(std::move(body_))
        , contentType(std::move(contentType_))
        , headers(std::move(headers_))
    {}
    int status;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    qsizetype cutAfter = -1; ///< send only this many bytes of the body, then close (Content-Length says all)
};

class ScriptedHttpServer final
{
public:
    /// `answer` is asked for each request by its path and query ("/d/AAPL?from=1").
    explicit ScriptedHttpServer(std::function<Answer(const QByteArray &target)> answer)
        : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    /// The targets asked for, in order.
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (qsizetype end = buffer->indexOf("\r\n\r\n"); end >= 0; end = buffer->indexOf("\r\n\r\n")) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
                const QByteArray target = requestLine.value(1);
                m_requests << target;
                const Answer a = m_answer(target);
                QByteArray out = "HTTP/1.1 " + QByteArray::number(a.status) + " " + reason(a.status) + "\r\n";
                out += "Content-Type: " + a.contentType + "\r\nContent-Length: " + QByteArray::number(a.body.size()) +
                       "\r\n";
                for (const auto &[name, value] : a.headers)
                    out += name + ": " + value + "\r\n";
                out += "\r\n";
                if (a.cutAfter >= 0) {
                    socket->write(out + a.body.left(a.cutAfter));
                    socket->flush();
                    socket->disconnectFromHost();
                    return;
                }
                socket->write(out + a.body);
            }
        });
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 404:
            return "Not Found";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }

    QTcpServer m_server;
    std::function<Answer(const QByteArray &)> m_answer;
    QList<QByteArray> m_requests;
};

} // namespace TestHttp
