// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace App {

/// What a second start asks of the running window.
struct InstanceRequest
{
    bool simulate = false;      ///< start the simulator
    QString importPath;         ///< import this file
    bool refresh = false;       ///< refresh history (tickdesk refresh)
    QStringList refreshSymbols; ///< empty: the schedule's or the watchlist
    QString refreshSource;
    bool refreshGaps = false; ///< only fill gaps
};

/// One window per user and database: a second start hands its request
/// (--simulate, a file to import) to the running window, which comes forward,
/// and exits. A local socket carries one JSON line.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString &databasePath, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True when another window was running and took `request`: this process should exit.
    bool handOver(const InstanceRequest &request);
    /// Become the running window: listen for later starts.
    bool listen();

Q_SIGNALS:
    void requested(const App::InstanceRequest &request);

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace App
