// SPDX-License-Identifier: MIT
#pragma once

// Debian's Chromium, headless, driven through its DevTools protocol on a WebSocket: navigate, evaluate
// script in the page, collect its console errors, take screenshots.

#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <map>

namespace TestBrowser {

class Browser
{
public:
    Browser() = default;
    Browser(const Browser &) = delete;
    Browser &operator=(const Browser &) = delete;
    ~Browser() { stop(); }

    static QString executable() { return QStandardPaths::findExecutable(QStringLiteral("chromium")); }

    /// Starts Chromium on a blank page with a window of `size`; empty on success, else why not.
    QString start(QSize size = QSize(1400, 1000))
    {
        if (executable().isEmpty())
            return QStringLiteral("Chromium is not installed (packaging/install-deps.sh --test installs it)");
        if (!m_profile.isValid())
            return QStringLiteral("no temporary directory for the browser profile");
        m_process.setProgram(executable());
        // As root Chromium needs --no-sandbox; the rest keep it from reaching out to the network at start.
        m_process.setArguments(
            {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
             QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
             QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
             QStringLiteral("--disable-sync"), QStringLiteral("--disable-default-apps"), QStringLiteral("--mute-audio"),
             QStringLiteral("--user-data-dir=") + m_profile.path(), QStringLiteral("--remote-debugging-port=0"),
             QStringLiteral("--window-size=%1,%2").arg(size.width()).arg(size.height()),
             QStringLiteral("about:blank")});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setReadChannel(QProcess::StandardError);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("Chromium did not start: ") + m_process.errorString();
        static const QRegularExpression listening(QStringLiteral("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray log;
        QDeadlineTimer deadline(30000);
        quint16 port = 0;
        while (port == 0 && !deadline.hasExpired() && m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            log += m_process.readAllStandardError();
            if (const auto match = listening.match(QString::fromUtf8(log)); match.hasMatch())
                port = quint16(match.captured(1).toUInt());
        }
        if (port == 0)
            return QStringLiteral("Chromium did not open its DevTools port: ") + QString::fromUtf8(log.right(2000));
        // The page's own socket, from the list of targets.
        QNetworkAccessManager network;
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(port))));
        QEventLoop wait;
        QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
        wait.exec();
        reply->deleteLater();
        QString pageSocket;
        for (const QJsonValue target : QJsonDocument::fromJson(reply->readAll()).array())
            if (target[QStringLiteral("type")].toString() == QStringLiteral("page"))
                pageSocket = target[QStringLiteral("webSocketDebuggerUrl")].toString();
        if (pageSocket.isEmpty())
            return QStringLiteral("Chromium lists no page to drive");
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) { received(text); });
        m_socket.open(QUrl(pageSocket));
        if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000))
            return QStringLiteral("no DevTools connection: ") + m_socket.errorString();
        m_socket.setMaxAllowedIncomingMessageSize(256 * 1024 * 1024);
        for (const char *domain : {"Runtime.enable", "Log.enable", "Page.enable"})
            if (call(QString::fromLatin1(domain)).contains(QStringLiteral("error")))
                return QStringLiteral("DevTools refused ") + QString::fromLatin1(domain);
        return {};
    }

    void stop()
    {
        m_socket.close();
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    /// Sends a DevTools command and waits for its answer (the whole reply object; `error` when refused).
    QJsonObject call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 20000)
    {
        const int id = ++m_lastId;
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                                             {QStringLiteral("method"), method},
                                                                             {QStringLiteral("params"), params}})
                                                       .toJson(QJsonDocument::Compact)));
        if (!QTest::qWaitFor([&] { return m_replies.count(id) > 0; }, timeoutMs))
            return QJsonObject{{QStringLiteral("error"), QString(QStringLiteral("no answer to ") + method)}};
        return m_replies.extract(id).mapped();
    }

    /// Loads `url` and waits for its load event.
    bool navigate(const QString &url)
    {
        m_loaded = false;
        const QJsonObject reply = call(QStringLiteral("Page.navigate"), {{QStringLiteral("url"), url}});
        if (reply.contains(QStringLiteral("error")) ||
            reply[QStringLiteral("result")].toObject().contains(QStringLiteral("errorText")))
            return false;
        return QTest::qWaitFor([this] { return m_loaded; }, 20000);
    }

    /// The value of `expression` in the page (a promise is awaited); undefined when it threw.
    QJsonValue evaluate(const QString &expression)
    {
        const QJsonObject reply = call(QStringLiteral("Runtime.evaluate"), {{QStringLiteral("expression"), expression},
                                                                            {QStringLiteral("returnByValue"), true},
                                                                            {QStringLiteral("awaitPromise"), true}});
        const QJsonObject result = reply[QStringLiteral("result")].toObject();
        if (result.contains(QStringLiteral("exceptionDetails")))
            return QJsonValue(QJsonValue::Undefined);
        return result[QStringLiteral("result")].toObject()[QStringLiteral("value")];
    }

    QImage screenshot()
    {
        const QJsonObject reply =
            call(QStringLiteral("Page.captureScreenshot"), {{QStringLiteral("format"), QStringLiteral("png")}});
        const QByteArray png = QByteArray::fromBase64(
            reply[QStringLiteral("result")].toObject()[QStringLiteral("data")].toString().toLatin1());
        return QImage::fromData(png, "PNG");
    }

    /// The page's viewport as a phone's (or back to the window with an empty size).
    void emulate(QSize size, bool mobile)
    {
        if (size.isEmpty()) {
            call(QStringLiteral("Emulation.clearDeviceMetricsOverride"));
            return;
        }
        call(QStringLiteral("Emulation.setDeviceMetricsOverride"), {{QStringLiteral("width"), size.width()},
                                                                    {QStringLiteral("height"), size.height()},
                                                                    {QStringLiteral("deviceScaleFactor"), 1},
                                                                    {QStringLiteral("mobile"), mobile}});
    }

    /// Console errors, uncaught exceptions and failed loads the page has had.
    QStringList errors() const { return m_errors; }
    void clearErrors() { m_errors.clear(); }

private:
    void received(const QString &text)
    {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        if (message.contains(QStringLiteral("id"))) {
            m_replies[message[QStringLiteral("id")].toInt()] = message;
            return;
        }
        const QString method = message[QStringLiteral("method")].toString();
        const QJsonObject params = message[QStringLiteral("params")].toObject();
        if (method == QStringLiteral("Page.loadEventFired")) {
            m_loaded = true;
        } else if (method == QStringLiteral("Runtime.exceptionThrown")) {
            const QJsonObject details = params[QStringLiteral("exceptionDetails")].toObject();
            m_errors << QStringLiteral("exception: ") + details[QStringLiteral("text")].toString() + u' ' +
                            details[QStringLiteral("exception")].toObject()[QStringLiteral("description")].toString();
        } else if (method == QStringLiteral("Runtime.consoleAPICalled") &&
                   params[QStringLiteral("type")].toString() == QStringLiteral("error")) {
            QStringList parts;
            for (const QJsonValue arg : params[QStringLiteral("args")].toArray())
                parts << (arg[QStringLiteral("value")].isUndefined()
                              ? arg[QStringLiteral("description")].toString()
                              : arg[QStringLiteral("value")].toVariant().toString());
            m_errors << QStringLiteral("console.error: ") + parts.join(u' ');
        } else if (method == QStringLiteral("Log.entryAdded")) {
            const QJsonObject entry = params[QStringLiteral("entry")].toObject();
            if (entry[QStringLiteral("level")].toString() == QStringLiteral("error"))
                m_errors << QStringLiteral("log: ") + entry[QStringLiteral("text")].toString() + u' ' +
                                entry[QStringLiteral("url")].toString();
        }
    }

    QTemporaryDir m_profile;
    QProcess m_process;
    QWebSocket m_socket;
    int m_lastId = 0;
    std::map<int, QJsonObject> m_replies;
    bool m_loaded = false;
    QStringList m_errors;
};

} // namespace TestBrowser
