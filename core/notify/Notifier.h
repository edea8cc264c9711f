// SPDX-License-Identifier: MIT
#pragma once

#include "BurstCoalescer.h"
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
    bool emailAlerts = false; ///< alerts (price moves, news) too, not only buy and sell
    bool webhookAlerts = false;
};

/// Every way TickDesk tells the trader. E-mail and webhooks come from the persistent
/// outbox, one deliverer thread per channel, woken when new signals are stored; desktop
/// (tray) messages are coalesced and rate-limited by desktop(). Which channels get
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
    /// Messages shown at once on the desktop (the tray): gathered and rate-limited here,
    /// next to the other channels. Lives on the notifier's thread.
    BurstCoalescer &desktop() noexcept { return *m_desktop; }
    QStringList channels() const;
    /// Prometheus text: per channel, signals delivered, failed, pending, and messages tried.
    QByteArray metricsText() const;

Q_SIGNALS:
    /// From the deliverer threads: what became of some signals on a channel.
    void deliveryChanged(const QList<Storage::DeliveryState> &states);

private:
    NotifierOptions m_options;
    BurstCoalescer *m_desktop;
    std::vector<std::unique_ptr<Deliverer>> m_deliverers;
};

} // namespace Notify

Q_DECLARE_METATYPE(Storage::DeliveryState)
