// SPDX-License-Identifier: MIT
#pragma once

#include "history/RefreshService.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QLocalServer;

namespace App {

/// What a second start asks of the running TickDesk.
struct InstanceRequest
{
    bool simulate = false;                          ///< start the simulator
    QString importPath;                             ///< import this file
    std::optional<History::RefreshRequest> refresh; ///< refresh history (tickdesk refresh)
};

/// One TickDesk per user and database: a second start hands its request (--simulate, a file to import, a
/// history refresh) to the running one, which takes it (a window comes forward) or refuses it (a TickDesk
/// without a window takes refreshes only), and exits. A local socket carries one JSON line each way.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString &databasePath, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Answer
    {
        NobodyRunning,
        Taken,   ///< this process should exit
        Refused, ///< with the reason in `refusal`
    };
    Answer handOver(const InstanceRequest &request, QString *refusal = nullptr);
    /// Become the running TickDesk: listen for later starts. Without a window, only refreshes are taken.
    bool listen(bool window = true);

Q_SIGNALS:
    void requested(const App::InstanceRequest &request);

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
    bool m_window = true;
};

} // namespace App
