// SPDX-License-Identifier: MIT
#pragma once

#include "storage/Outbox.h"

namespace Notify {

/// The outcome of handing one message to a channel.
struct SendResult
{
    enum class Outcome
    {
        Accepted,  ///< the channel took it: mark delivered
        Retry,     ///< not now (server down, busy, 5xx): try again after a pause
        Permanent, ///< refused for good (bad recipient, 4xx): mark failed
    };
    Outcome outcome = Outcome::Accepted;
    QString error;

    static SendResult accepted() { return {}; }
    static SendResult retry(QString e) { return {Outcome::Retry, std::move(e)}; }
    static SendResult permanent(QString e) { return {Outcome::Permanent, std::move(e)}; }
};

/// A way to tell the trader: e-mail, a webhook. send() blocks; it runs on its deliverer's thread.
class Channel
{
public:
    virtual ~Channel() = default;
    /// The outbox name: "email", "webhook".
    virtual QString name() const = 0;
    /// One message holding `entries` (one signal, or a digest), under a stable `messageId`:
    /// a retry sends the same id, so a receiver can drop duplicates.
    virtual SendResult send(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId) = 0;
};

} // namespace Notify
