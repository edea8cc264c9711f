// SPDX-License-Identifier: MIT
#include "Notifier.h"

#include "ChannelName.h"

#include "util/Prometheus.h"

using namespace Qt::StringLiterals;

namespace Notify {

Notifier::Notifier(NotifierOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_desktop(new BurstCoalescer(1500, 5000, this))
{
    qRegisterMetaType<QList<Storage::DeliveryState>>();
}

Notifier::~Notifier()
{
    stop();
}

Util::Status Notifier::start()
{
    std::vector<std::pair<QString, bool>> channels;
    const auto report = [this](const std::vector<Storage::DeliveryState> &states) {
        Q_EMIT deliveryChanged(QList<Storage::DeliveryState>(states.begin(), states.end()));
    };
    if (m_options.email) {
        auto channel = std::make_unique<SmtpChannel>(*m_options.email);
        channels.emplace_back(channel->name(), m_options.emailAlerts);
        m_deliverers.push_back(
            std::make_unique<Deliverer>(m_options.databasePath, std::move(channel), m_options.emailPolicy, report));
    }
    for (const WebhookOptions &webhook : m_options.webhooks) {
        auto channel = std::make_unique<WebhookChannel>(webhook);
        channels.emplace_back(channel->name(), m_options.webhookAlerts);
        m_deliverers.push_back(
            std::make_unique<Deliverer>(m_options.databasePath, std::move(channel), m_options.webhookPolicy, report));
    }
    if (m_options.databasePath == u":memory:"_s) {
        // Each connection would see a database of its own: the outbox cannot work there.
        if (!channels.empty())
            return Util::Status::failure(u"notifications need a database file, not :memory:"_s);
        m_deliverers.clear();
        return {};
    }
    // Always written, also when empty: a channel switched off gets no new rows.
    auto outbox = Storage::Outbox::open(m_options.databasePath);
    if (!outbox)
        return Util::Status::failure(outbox.error());
    if (auto s = (*outbox)->setChannels(channels); !s)
        return Util::Status::failure(u"cannot set up notifications: %1"_s.arg(s.error()));
    for (auto &deliverer : m_deliverers)
        deliverer->start();
    return {};
}

void Notifier::stop()
{
    for (auto &deliverer : m_deliverers)
        deliverer->stop();
}

void Notifier::wake()
{
    for (auto &deliverer : m_deliverers)
        deliverer->wake();
}

QStringList Notifier::channels() const
{
    QStringList names;
    for (const auto &deliverer : m_deliverers)
        names << displayChannel(deliverer->channelName());
    return names;
}

QByteArray Notifier::metricsText() const
{
    if (m_deliverers.empty())
        return {};
    QByteArray out;
    const auto family = [&](const char *name, const char *type, const char *help, auto value) {
        out += Util::prometheusFamily(name, type, help);
        for (const auto &d : m_deliverers) {
            QByteArray channel = displayChannel(d->channelName()).toUtf8();
            channel.replace('\\', "\\\\").replace('"', "\\\"");
            out += QByteArray(name) + "{channel=\"" + channel + "\"} " + QByteArray::number(value(d->stats())) + '\n';
        }
    };
    family("tickdesk_notifications_delivered_total", "counter", "signals a channel accepted",
           [](const DelivererStats &s) { return qint64(s.delivered.load()); });
    family("tickdesk_notifications_failed_total", "counter", "signals a channel refused for good",
           [](const DelivererStats &s) { return qint64(s.failed.load()); });
    family("tickdesk_notifications_pending", "gauge", "signals waiting in the outbox",
           [](const DelivererStats &s) { return qint64(s.pending.load()); });
    family("tickdesk_notifications_attempts_total", "counter", "messages handed to a channel",
           [](const DelivererStats &s) { return qint64(s.attempts.load()); });
    return out;
}

} // namespace Notify
