// SPDX-License-Identifier: MIT
#pragma once

#include "CurlChannels.h"
#include "Deliverer.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace Notify {

struct NotifierOptions
{
    QString databasePath;
    std::optional<SmtpOptions> email; ///< empty: no e-mail
    std::vector<WebhookOptions> webhooks;
    DeliveryPolicy emailPolicy;
    DeliveryPolicy webhookPolicy;
    bool emailAlerts = false;   ///< alerts (price moves, news) too, not only buy and sell
    bool webhookAlerts = false;
};

/// E-mail and webhook notifications from the persistent outbox: one deliverer
/// thread per channel, woken when new signals are stored. Which channels get
/// outbox rows is written to the database at start, so a signal stored while
/// a channel is configured is told on it even across a crash.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(NotifierOptions options, QObject *parent = nullptr);
    ~Notifier() override;

    Util::Status start();
    void stop();
    /// New signals were stored.
    void wake();

    bool isEmpty() const noexcept { return m_deliverers.empty(); }
    QStringList channels() const;
    /// Prometheus text: per channel, signals delivered, failed, pending, and messages tried.
    QByteArray metricsText() const;

Q_SIGNALS:
    /// From the deliverer threads: what became of some signals on a channel.
    void deliveryChanged(const QList<Notify::DeliveryState> &states);

private:
    NotifierOptions m_options;
    std::vector<std::unique_ptr<Deliverer>> m_deliverers;
};

} // namespace Notify

Q_DECLARE_METATYPE(Notify::DeliveryState)
