// SPDX-License-Identifier: MIT
#pragma once

// Starts the real tickdesk binary for tests and learns its HTTP port from its log.

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace TestApp {

class Process
{
public:
    /// Starts `tickdesk --headless --port 0 <extra>` and waits until it listens.
    bool start(const QStringList &extra) { return run(QStringList{QStringLiteral("--headless")} + extra); }
    /// The same with the window, on Qt's offscreen platform, its settings in `home`.
    bool startWindow(const QStringList &extra, const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        m_process.setProcessEnvironment(env);
        return run(extra);
    }

    void setEnvironment(const QString &name, const QString &value)
    {
        QProcessEnvironment env = m_process.processEnvironment();
        if (env.isEmpty())
            env = QProcessEnvironment::systemEnvironment();
        env.insert(name, value);
        m_process.setProcessEnvironment(env);
    }

    bool run(const QStringList &extra)
    {
        m_process.setProgram(QStringLiteral(TICKDESK_BINARY));
        m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ws-port"),
                                           QStringLiteral("0")} +
                               extra);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setReadChannel(QProcess::StandardError);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on \"?127\\.0\\.0\\.1:(\\d+)"));
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            if (!m_process.waitForReadyRead(int(deadline.remainingTime())))
                break;
            m_log += m_process.readAllStandardError();
            const auto match = listening.match(QString::fromUtf8(m_log));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }

    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    QByteArray log()
    {
        m_log += m_process.readAllStandardError();
        return m_log;
    }

    ~Process()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace TestApp
