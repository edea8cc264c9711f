// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordSink.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

#include <nats/nats.h>

namespace Nats {

struct NatsOptions;

/// A libnats connection and its JetStream context; destroyed, it sends what is pending (for up to a second) and
/// closes.
struct Link
{
    natsOptions *options = nullptr;
    natsConnection *connection = nullptr;
    jsCtx *jetStream = nullptr;

    Link() = default;
    Link(const Link &) = delete;
    Link &operator=(const Link &) = delete;
    ~Link();
};

/// Sets a stop flag under its mutex; false when it was set already (stop() called twice).
inline bool setOnce(std::mutex &mutex, bool &flag)
{
    std::lock_guard lock(mutex);
    return !std::exchange(flag, true);
}

/// Checks that `url` is a NATS address (nats://HOST:PORT, or tls://HOST:PORT for TLS); `option` names the
/// setting in the message.
Util::Status checkUrl(const QString &url, const QString &option);

/// libnats options from ours: the address, `name` (shown by the server), the token or user and password, TLS
/// with its authority; the first connection and every later one tried forever, every half second.
/// `connected` (may be null) is called with `closure` when a connection made in the background got through.
natsStatus applyOptions(natsOptions *out, const NatsOptions &options, const QByteArray &name,
                        natsConnectionHandler connected, void *closure);

/// Connects `link` in the background with applyOptions' settings and opens its JetStream context (requests
/// wait up to 5 s). `connected` is cleared whenever the connection drops; `reconnected` (may be null) is called
/// with `closure` when it is back. Fails only for options or an address that cannot work.
Util::Status openLink(Link &link, const NatsOptions &options, const QByteArray &name, std::atomic<bool> &connected,
                      natsConnectionHandler reconnected = nullptr, void *closure = nullptr);

/// libnats' last error, or the text of `status`.
QString natsError(natsStatus status);

/// Hands a batch to `submit` (again while the queue is full, pausing with `pause`, which says true when stopping)
/// and waits until it committed: its error, empty once committed; nullopt when stopping before it was taken.
std::optional<QString> storeAndWait(const std::function<Ingest::RecordSink::Submit(Ingest::RecordSink::Done)> &submit,
                                    const std::function<bool(int ms)> &pause);

/// Opens the key-value bucket `name`, made (file storage, one value a key, values gone `ttlMs` after their last
/// write) when it is missing; a bucket another node made with other settings is used as it is. Null, with the
/// reason in `error`, when neither works.
kvStore *openBucket(jsCtx *jetStream, const char *name, int ttlMs, QString *error);

/// Where the nodes publishing to one NATS server say how to reach their REST API: the key is the node's name, the
/// value `{"node": ..., "api": "http://HOST:PORT"}`, written every few seconds and gone soon after a node stops.
constexpr const char *NodesBucket = "TICKDESK_NODES";
constexpr int NodeAnnounceMs = 5000;
constexpr int NodeTtlMs = 15000;
/// The subject a node's entry in TICKDESK_NODES is written to: `$KV.TICKDESK_NODES.<key>`, the key being the
/// node's name (letters, digits and -_=/. ; anything else becomes '_').
QByteArray nodeEntrySubject(const QByteArray &node);

/// The node's name: the one given, else the host's.
QByteArray nodeName(const NatsOptions &options);

} // namespace Nats
