// SPDX-License-Identifier: MIT
#include "TrayNotifier.h"

#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>

namespace Gui {

TrayNotifier::TrayNotifier(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_retry(new QTimer(this))
{
    // The tray may appear after we start (a panel restarting): look again now and then.
    m_retry->setInterval(5000);
    connect(m_retry, &QTimer::timeout, this, &TrayNotifier::ensureIcon);
    ensureIcon();
    if (!m_icon)
        m_retry->start();
}

bool TrayNotifier::isAvailable() const
{
    return m_icon && m_icon->isVisible();
}

void TrayNotifier::ensureIcon()
{
    if (m_icon || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_retry->stop();
    m_icon = new QSystemTrayIcon(QApplication::windowIcon().isNull()
                                     ? QApplication::style()->standardIcon(QStyle::SP_ComputerIcon)
                                     : QApplication::windowIcon(),
                                 this);
    m_icon->setToolTip(tr("TickDesk"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT activated(m_lastSymbol); });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            Q_EMIT activated(QString());
    });
    m_icon->show();
}

void TrayNotifier::show(const Notify::DesktopMessage &message)
{
    m_lastMessage = message.text;
    m_lastSymbol = message.symbol;
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(message.title, message.text, QSystemTrayIcon::Information, 5000);
}

} // namespace Gui
