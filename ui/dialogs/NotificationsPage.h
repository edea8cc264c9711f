// SPDX-License-Identifier: MIT
#pragma once

#include "settings/Settings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Gui {

/// The Notifications tab of the settings: SMTP e-mail (the password goes to the
/// keyring, never to the settings file), webhooks, digests, and a test e-mail
/// sent in the background with its result shown.
class NotificationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsPage)

public:
    NotificationsPage(const Core::NotificationSettings &current, const QString &password, QWidget *parent = nullptr);

    Core::NotificationSettings values() const;
    QString password() const;
    void setPassword(const QString &password);
    /// Sends a test e-mail with what the form holds now; testFinished tells how it went.
    void sendTest();

Q_SIGNALS:
    void testFinished(const QString &error);

private:
    QCheckBox *m_email;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_from;
    QLineEdit *m_recipients;
    QLineEdit *m_caFile;
    QSpinBox *m_emailDigest;
    QCheckBox *m_emailAlerts;
    QPlainTextEdit *m_webhooks;
    QSpinBox *m_webhookDigest;
    QCheckBox *m_webhookAlerts;
    QPushButton *m_test;
    QLabel *m_testResult;
};

} // namespace Gui
