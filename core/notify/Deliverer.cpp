// SPDX-License-Identifier: MIT
#include "Deliverer.h"

#include "storage/Outbox.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <pthread.h>

#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "tickdesk.notify")

namespace Notify {

namespace {

std::vector<qint64> idsOf(const std::vector<Storage::OutboxEntry> &entries)
{
    std::vector<qint64> ids;
    ids.reserve(entries.size());
    for (const Storage::OutboxEntry &e : entries)
        ids.push_back(e.id);
    return ids;
}

} // namespace

Deliverer::Deliverer(QString databasePath, std::unique_ptr<Channel> channel, DeliveryPolicy policy, Report report)
    : m_databasePath(std::move(databasePath))
    , m_channel(std::move(channel))
    , m_name(m_channel->name())
    , m_policy(policy)
    , m_report(std::move(report))
{}

Deliverer::~Deliverer()
{
    stop();
}

void Deliverer::start()
{
    m_worker.start([this] { run(); });
}

void Deliverer::stop()
{
    m_worker.stop();
}

void Deliverer::wake()
{
    {
        std::lock_guard lock(m_worker.mutex());
        m_woken = true;
    }
    m_worker.wake().notify_one();
}

void Deliverer::run()
{
    pthread_setname_np(pthread_self(), "notify");
    auto outbox = Storage::Outbox::open(m_databasePath);
    if (!outbox) {
        qCWarning(lcNotify) << "notifications on" << m_name << "cannot start:" << outbox.error();
        return;
    }
    for (;;) {
        const qint64 sleepMs = deliverOnce(**outbox);
        std::unique_lock lock(m_worker.mutex());
        if (m_worker.stopping())
            return;
        if (sleepMs < 0)
            m_worker.wake().wait(lock, [this] { return m_worker.stopping() || m_woken; });
        else if (sleepMs > 0)
            m_worker.wake().wait_for(lock, std::chrono::milliseconds(sleepMs),
                                     [this] { return m_worker.stopping() || m_woken; });
        m_woken = false;
        if (m_worker.stopping())
            return;
    }
}

qint64 Deliverer::deliverOnce(Storage::Outbox &outbox)
{
    const qint64 now = Util::wallClockUs();
    const qint64 pending = outbox.pending(m_name);
    m_stats.pending.store(pending, std::memory_order_relaxed);
    if (pending == 0)
        return -1;
    if (const auto open = outbox.openBatchDue(m_name)) {
        // A message that failed goes again when its pause is over, before anything newer.
        if (*open > now)
            return std::max<qint64>(1, (*open - now) / 1000);
    } else if (m_policy.digestSeconds > 0) {
        // A digest collects for its period, counted from its oldest signal.
        const auto oldest = outbox.oldestUnbatched(m_name);
        const qint64 collectUntil = oldest ? *oldest + qint64(m_policy.digestSeconds) * 1'000'000 : 0;
        if (oldest && collectUntil > now)
            return std::max<qint64>(1, (collectUntil - now) / 1000);
    }
    auto entries = outbox.due(m_name, now, m_policy.digestSeconds > 0 ? m_policy.maxPerMessage : 1);
    if (!entries) {
        qCWarning(lcNotify) << m_name << "cannot read the outbox:" << entries.error();
        return 1000;
    }
    if (entries->empty())
        return -1;
    const std::vector<qint64> ids = idsOf(*entries);
    QString messageId = entries->front().batch;
    if (messageId.isEmpty()) {
        // Fixed before the first attempt, so every retry carries the same id.
        messageId = u"tickdesk-%1-%2"_s.arg(entries->front().signal.id).arg(m_name.section(u':', 0, 0));
        if (m_policy.digestSeconds > 0)
            messageId += u"-digest"_s;
        if (auto s = outbox.assignBatch(ids, messageId); !s) {
            qCWarning(lcNotify) << m_name << s.error();
            return 1000;
        }
    }
    m_stats.attempts.fetch_add(1, std::memory_order_relaxed);
    const SendResult result = m_channel->send(*entries, messageId);
    std::vector<Storage::DeliveryState> states;
    const auto report = [&](Storage::Delivery status, const QString &error) {
        for (const Storage::OutboxEntry &e : *entries)
            states.push_back({e.signal.id, m_name, status, error});
    };
    switch (result.outcome) {
    case SendResult::Outcome::Accepted:
        outbox.markDelivered(ids, Util::wallClockUs());
        m_stats.delivered.fetch_add(ids.size(), std::memory_order_relaxed);
        report(Storage::Delivery::Delivered, {});
        break;
    case SendResult::Outcome::Permanent:
        qCWarning(lcNotify).noquote() << m_name << "refused" << messageId << ":" << result.error;
        outbox.markFailed(ids, result.error);
        m_stats.failed.fetch_add(ids.size(), std::memory_order_relaxed);
        report(Storage::Delivery::Failed, result.error);
        break;
    case SendResult::Outcome::Retry: {
        const int attempts = entries->front().attempts;
        const qint64 delayMs = std::min(m_policy.maxRetryMs, m_policy.firstRetryMs << std::min(attempts, 20));
        qCInfo(lcNotify).noquote() << m_name << "will retry" << messageId << "in" << delayMs << "ms:" << result.error;
        outbox.markRetry(ids, result.error, Util::wallClockUs() + delayMs * 1000);
        report(Storage::Delivery::Pending, result.error);
        break;
    }
    }
    if (m_report)
        m_report(states);
    return 0; // look again at once: more may be due
}

} // namespace Notify
