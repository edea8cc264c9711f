// SPDX-License-Identifier: MIT
#pragma once

#include "Channel.h"
#include "util/WorkerThread.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace Notify {

struct DeliveryPolicy
{
    int digestSeconds = 0;             ///< 0: one message per signal; else one per N seconds of signals
    qint64 firstRetryMs = 1000;        ///< doubled after each failed attempt
    qint64 maxRetryMs = 5 * 60 * 1000; ///< and capped here
    int maxPerMessage = 500;           ///< signals in one digest at most
};

struct DelivererStats
{
    std::atomic<std::uint64_t> delivered{0}; ///< signals
    std::atomic<std::uint64_t> failed{0};
    std::atomic<std::uint64_t> attempts{0}; ///< messages tried
    std::atomic<std::int64_t> pending{0};   ///< as of the last pass
};

/// One channel's thread: takes what is due from the outbox, hands it to the
/// channel, records the outcome. At least once: an entry is marked delivered
/// only after the channel accepted it, so a crash in between sends it again
/// (under the same message id) after the restart.
class Deliverer final
{
public:
    using Report = std::function<void(const std::vector<Storage::DeliveryState> &)>;

    Deliverer(QString databasePath, std::unique_ptr<Channel> channel, DeliveryPolicy policy, Report report);
    ~Deliverer();
    Deliverer(const Deliverer &) = delete;
    Deliverer &operator=(const Deliverer &) = delete;

    void start();
    void stop();
    /// New signals may be in the outbox: look now.
    void wake();

    QString channelName() const { return m_name; }
    const DelivererStats &stats() const noexcept { return m_stats; }

private:
    void run();
    /// One message if one is due; returns how long to sleep (ms) before the next look, -1: until woken.
    qint64 deliverOnce(class Storage::Outbox &outbox);

    QString m_databasePath;
    std::unique_ptr<Channel> m_channel;
    QString m_name;
    DeliveryPolicy m_policy;
    Report m_report;
    DelivererStats m_stats;
    bool m_woken = false;
    Util::WorkerThread m_worker;
};

} // namespace Notify
