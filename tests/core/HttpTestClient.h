// SPDX-License-Identifier: MIT
#pragma once

// A raw HTTP/1.1 client for tests: full control over what goes on the wire
// (pipelining, malformed requests), responses parsed with Boost.Beast.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMap>
#include <QTcpSocket>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>

namespace TestHttp {

struct Response
{
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; ///< names lower-case
    bool keepAlive = true;
};

inline QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                          const QByteArray &contentType = "application/json", const QByteArray &extraHeaders = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!contentType.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += extraHeaders;
    r += "\r\n";
    r += body;
    return r;
}

class Client
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(timeoutMs);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    /// Reads one response; empty when none came in time or the connection closed first.
    std::optional<Response> read(int timeoutMs = 10000)
    {
        namespace http = boost::beast::http;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            if (!m_buffer.isEmpty()) {
                boost::beast::error_code ec;
                const std::size_t used =
                    parser.put(boost::asio::const_buffer(m_buffer.constData(), std::size_t(m_buffer.size())), ec);
                m_buffer.remove(0, qsizetype(used));
                if (ec && ec != http::error::need_more)
                    return std::nullopt;
                if (parser.is_done()) {
                    auto message = parser.release();
                    Response r;
                    r.status = int(message.result_int());
                    r.body = QByteArray::fromStdString(message.body());
                    r.keepAlive = message.keep_alive();
                    for (const auto &field : message)
                        r.headers.insert(
                            QByteArray(field.name_string().data(), qsizetype(field.name_string().size())).toLower(),
                            QByteArray(field.value().data(), qsizetype(field.value().size())));
                    return r;
                }
                if (used > 0 && !m_buffer.isEmpty())
                    continue;
            }
            if (deadline.hasExpired())
                return std::nullopt;
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(deadline.remainingTime())))
                return std::nullopt;
            m_buffer += m_socket.readAll();
        }
    }

    std::optional<Response> roundTrip(const QByteArray &bytes, int timeoutMs = 10000)
    {
        send(bytes);
        return read(timeoutMs);
    }

    /// True when the server closed the connection within the time.
    bool waitForClose(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            if (m_socket.waitForReadyRead(int(deadline.remainingTime())))
                m_buffer += m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

/// One request on a connection of its own, and its answer; nothing when the server cannot be reached or does
/// not answer.
inline std::optional<Response> once(quint16 port, const QByteArray &bytes)
{
    Client client;
    if (!client.connectTo(port))
        return std::nullopt;
    return client.roundTrip(bytes);
}

} // namespace TestHttp
