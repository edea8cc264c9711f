// SPDX-License-Identifier: MIT
#pragma once

// A real nats-server with JetStream on loopback for tests, its store in a temporary directory; and a small
// reader of what a JetStream stream holds, through the NATS C client.

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <nats/nats.h>

#include <map>
#include <string>
#include <vector>

namespace NatsTest {

class Server
{
public:
    static QString executable()
    {
        return QStandardPaths::findExecutable(QStringLiteral("nats-server"),
                                              {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    }

    /// Before start(): more server configuration (subject mappings, say), written to a file it reads.
    void setConfig(const QByteArray &config) { m_config = config; }

    /// Starts the server on a free port (the same one again after stop()); false when it does not come up.
    bool start()
    {
        if (m_port == 0) {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return false;
            m_port = probe.serverPort();
        }
        m_process.setProgram(executable());
        QStringList arguments{QStringLiteral("-js"), QStringLiteral("-a"),    QStringLiteral("127.0.0.1"),
                              QStringLiteral("-p"),  QString::number(m_port), QStringLiteral("-sd"),
                              m_store.path()};
        if (!m_config.isEmpty()) {
            QFile file(m_store.filePath(QStringLiteral("server.conf")));
            if (!file.open(QIODevice::WriteOnly) || file.write(m_config) != m_config.size())
                return false;
            arguments << QStringLiteral("-c") << file.fileName();
        }
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray log;
        QDeadlineTimer deadline(20000);
        while (!log.contains("Server is ready") && !deadline.hasExpired() &&
               m_process.waitForReadyRead(int(deadline.remainingTime())))
            log += m_process.readAll();
        m_log += log;
        return log.contains("Server is ready");
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(10000);
            }
        }
    }

    ~Server() { stop(); }

    QString url() const { return QStringLiteral("nats://127.0.0.1:%1").arg(m_port); }
    QByteArray log() { return m_log + m_process.readAll(); }

private:
    QTemporaryDir m_store;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
    QByteArray m_config;
};

/// Two records of `symbol` a second apart, the second 4 % above the first: a node whose rules look at every record
/// raises a price-move signal for them.
inline QByteArray priceJump(const QString &symbol, double at)
{
    return QStringLiteral("[{\"stock_symbol\":\"%1\",\"opening_price\":100,\"closing_price\":100,\"high\":100,"
                          "\"low\":100,\"volume\":1,\"timestamp\":%2},{\"stock_symbol\":\"%1\",\"opening_price\":100,"
                          "\"closing_price\":104,\"high\":104,\"low\":100,\"volume\":1,\"timestamp\":%3}]")
        .arg(symbol)
        .arg(at - 1, 0, 'f', 3)
        .arg(at, 0, 'f', 3)
        .toUtf8();
}

/// Publishes into JetStream from the test, each message with an id, and waits for the acknowledgements.
class Publisher
{
public:
    explicit Publisher(const QString &url)
    {
        jsOptions options;
        jsOptions_Init(&options);
        options.PublishAsync.MaxPending = 20000;
        options.PublishAsync.StallWait = 30000;
        options.PublishAsync.ErrHandler = [](jsCtx *, jsPubAckErr *, void *failed) { ++*static_cast<int *>(failed); };
        options.PublishAsync.ErrHandlerClosure = &m_failed;
        if (natsConnection_ConnectTo(&m_nc, url.toUtf8().constData()) == NATS_OK)
            natsConnection_JetStream(&m_js, m_nc, &options);
    }
    ~Publisher()
    {
        jsCtx_Destroy(m_js);
        natsConnection_Destroy(m_nc);
    }
    Publisher(const Publisher &) = delete;
    Publisher &operator=(const Publisher &) = delete;

    bool isConnected() const { return m_js != nullptr; }
    natsConnection *connection() const { return m_nc; }

    /// Queued; `id` is the Nats-Msg-Id (empty: none).
    bool publish(const QByteArray &subject, const QByteArray &data, const QByteArray &id = {})
    {
        jsPubOptions options;
        jsPubOptions_Init(&options);
        if (!id.isEmpty())
            options.MsgId = id.constData();
        return js_PublishAsync(m_js, subject.constData(), data.constData(), int(data.size()), &options) == NATS_OK;
    }
    /// Every queued message acknowledged by the stream.
    bool complete()
    {
        jsPubOptions wait;
        jsPubOptions_Init(&wait);
        wait.MaxWait = 30000;
        return js_PublishAsyncComplete(m_js, &wait) == NATS_OK && m_failed == 0;
    }
    jsCtx *jetStream() const { return m_js; }

private:
    natsConnection *m_nc = nullptr;
    jsCtx *m_js = nullptr;
    int m_failed = 0; ///< messages the stream did not take
};

struct StreamState
{
    qint64 messages = -1; ///< -1: no such stream
    qint64 lastSeq = 0;
    qint64 created = 0; ///< nanoseconds since the epoch
};

inline StreamState streamState(const QString &url, const char *stream)
{
    StreamState out;
    Publisher p(url);
    jsStreamInfo *info = nullptr;
    if (p.isConnected() && js_GetStreamInfo(&info, p.jetStream(), stream, nullptr, nullptr) == NATS_OK)
        out = {qint64(info->State.Msgs), qint64(info->State.LastSeq), info->Created};
    jsStreamInfo_Destroy(info);
    return out;
}

/// How many messages `stream` holds now (-1: no such stream).
inline qint64 streamSize(const QString &url, const char *stream)
{
    return streamState(url, stream).messages;
}

/// One message of a stream: its subject, its Nats-Msg-Id and its data.
struct StoredMessage
{
    std::string subject;
    std::string id;
    QByteArray data;
};

/// Every message `stream` holds now, in order, read by sequence number.
inline std::vector<StoredMessage> streamMessages(const QString &url, const char *stream)
{
    std::vector<StoredMessage> out;
    natsConnection *nc = nullptr;
    jsCtx *js = nullptr;
    if (natsConnection_ConnectTo(&nc, url.toUtf8().constData()) != NATS_OK)
        return out;
    if (natsConnection_JetStream(&js, nc, nullptr) == NATS_OK) {
        jsStreamInfo *info = nullptr;
        if (js_GetStreamInfo(&info, js, stream, nullptr, nullptr) == NATS_OK) {
            for (uint64_t seq = info->State.FirstSeq; seq <= info->State.LastSeq && info->State.Msgs > 0; ++seq) {
                natsMsg *msg = nullptr;
                if (js_GetMsg(&msg, js, stream, seq, nullptr, nullptr) != NATS_OK)
                    continue;
                const char *id = nullptr;
                natsMsgHeader_Get(msg, "Nats-Msg-Id", &id);
                out.push_back({natsMsg_GetSubject(msg), id ? id : "",
                               QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg))});
                natsMsg_Destroy(msg);
            }
            jsStreamInfo_Destroy(info);
        }
        jsCtx_Destroy(js);
    }
    natsConnection_Destroy(nc);
    return out;
}

} // namespace NatsTest
