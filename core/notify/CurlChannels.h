// SPDX-License-Identifier: MIT
#pragma once

#include "Channel.h"
#include "settings/Settings.h"

#include <QStringList>

namespace Notify {

struct SmtpOptions
{
    enum class Security
    {
        None,
        StartTls, ///< plain connection upgraded with STARTTLS (port 587); refused if the server cannot
        Tls,      ///< TLS from the first byte (port 465)
    };
    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString user;
    QString password;
    QString from;
    QStringList recipients;
    QString caFile; ///< a CA or self-signed certificate to trust besides the system's
    int timeoutSeconds = 30;
};

/// The SMTP side of the notification settings, with the password (which the settings never hold).
SmtpOptions smtpOptions(const Core::NotificationSettings &settings, const QString &password);

/// E-mail through libcurl's SMTP client: never hand-written SMTP.
class SmtpChannel final : public Channel
{
public:
    explicit SmtpChannel(SmtpOptions options);
    QString name() const override { return QStringLiteral("email"); }
    SendResult send(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId) override;

private:
    SmtpOptions m_options;
};

struct WebhookOptions
{
    QString url;
    int timeoutSeconds = 10;
};

/// A JSON document POSTed to a URL through libcurl; the message id goes along as
/// `Idempotency-Key` and in the body, so a receiver can drop a repeat.
class WebhookChannel final : public Channel
{
public:
    explicit WebhookChannel(WebhookOptions options);
    /// "webhook:" and the URL: one outbox channel per URL.
    QString name() const override;
    SendResult send(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId) override;

private:
    WebhookOptions m_options;
};

/// Once per process, before any channel sends.
void initCurl();

} // namespace Notify
