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
    , m_coalesce(new QTimer(this))
    , m_retry(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(1500);
    connect(m_coalesce, &QTimer::timeout, this, &TrayNotifier::flush);
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

void TrayNotifier::notify(const Model::SignalList &signals)
{
    for (const auto &s : signals)
        if (s.side != Model::SignalSide::Alert)
            m_pending.append(s);
    if (!m_pending.isEmpty() && !m_coalesce->isActive())
        m_coalesce->start();
}

void TrayNotifier::flush()
{
    if (m_pending.isEmpty())
        return;
    QStringList parts;
    for (qsizetype i = 0; i < m_pending.size() && i < 5; ++i)
        parts.append(QStringLiteral("%1 %2").arg(m_pending[i].symbol.toString(),
                                                 QString::fromLatin1(Model::sideName(m_pending[i].side))));
    if (m_pending.size() > 5)
        parts.append(QStringLiteral("…"));
    const auto count = int(m_pending.size());
    const QString title =
        count == 1 ? tr("New signal: %1 %2")
                         .arg(m_pending[0].symbol.toString(), QString::fromLatin1(Model::sideName(m_pending[0].side)))
                   : tr("%n new signals", nullptr, count);
    m_lastMessage = count == 1 ? m_pending[0].reason : parts.join(QStringLiteral(", "));
    m_lastSymbol = m_pending.last().symbol.toString();
    m_pending.clear();
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, m_lastMessage, QSystemTrayIcon::Information, 5000);
}

} // namespace Gui
