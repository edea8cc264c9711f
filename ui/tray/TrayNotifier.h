// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace Gui {

/// The tray icon and its messages. Buy and sell signals are gathered for a
/// moment and shown as one message ("3 new signals: AAPL buy, …"), so a burst
/// does not flood the desktop. Works when the tray appears late and does
/// nothing (but count) when there is none.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    TrayNotifier(QMenu *menu, QObject *parent = nullptr);

    void notify(const Model::SignalList &signals);
    bool isAvailable() const;
    /// The text of the last message, for tests and the status bar.
    const QString &lastMessage() const noexcept { return m_lastMessage; }

Q_SIGNALS:
    void activated(const QString &symbol);

private:
    void flush();
    void ensureIcon();

    QMenu *m_menu;
    QSystemTrayIcon *m_icon = nullptr;
    QTimer *m_coalesce;
    QTimer *m_retry;
    Model::SignalList m_pending;
    QString m_lastSymbol;
    QString m_lastMessage;
};

} // namespace Gui
