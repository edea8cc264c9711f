// SPDX-License-Identifier: MIT
#pragma once

#include "notify/BurstCoalescer.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace Gui {

/// The tray icon and its messages. What to show and when is decided by the
/// notifier's BurstCoalescer (gathered, rate-limited); this only shows it.
/// Works when the tray appears late and does nothing when there is none.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    TrayNotifier(QMenu *menu, QObject *parent = nullptr);

    void show(const Notify::DesktopMessage &message);
    bool isAvailable() const;
    /// The text of the last message, for tests and the status bar.
    const QString &lastMessage() const noexcept { return m_lastMessage; }

Q_SIGNALS:
    void activated(const QString &symbol);

private:
    void ensureIcon();

    QMenu *m_menu;
    QSystemTrayIcon *m_icon = nullptr;
    QTimer *m_retry;
    QString m_lastSymbol;
    QString m_lastMessage;
};

} // namespace Gui
