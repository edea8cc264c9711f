// SPDX-License-Identifier: MIT
#pragma once

// A real SMTP server for tests: tests/notify/smtp_server.py (aiosmtpd), one message per file.

#include <QDir>
#include <QProcess>
#include <QTcpServer>

namespace TestSmtp {

inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// The real SMTP server of tests/notify/smtp_server.py (aiosmtpd), one message per file.
class Server
{
public:
    Server(const QString &directory, quint16 port, const QString &cert = {}, const QString &key = {})
        : m_directory(directory)
    {
        QStringList args{QStringLiteral(TICKDESK_SOURCE_DIR "/tests/notify/smtp_server.py"), QStringLiteral("--port"),
                         QString::number(port), QStringLiteral("--dir"), directory};
        if (!cert.isEmpty())
            args << QStringLiteral("--cert") << cert << QStringLiteral("--key") << key;
        m_process.setStandardErrorFile(directory +
                                       QStringLiteral("/smtp_server.log")); // TLS refusals are logged there, loudly
        m_process.start(QStringLiteral("/usr/bin/python3"), args);
    }
    ~Server()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool waitReady() { return m_process.waitForReadyRead(20'000) && m_process.readAll().contains("READY"); }

    QStringList messages() const
    {
        QStringList out;
        const QDir dir(m_directory);
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                out << QString::fromUtf8(f.readAll());
        }
        return out;
    }

private:
    QString m_directory;
    QProcess m_process;
};

} // namespace TestSmtp
