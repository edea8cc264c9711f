// SPDX-License-Identifier: MIT
#pragma once

#include "HistorySource.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace History {

/// How often and how patiently a request is tried again after a 429, a 5xx, a time-out or a broken
/// connection. Retry-After (seconds or an HTTP date) is honoured, up to `maxDelayMs`.
struct RetryPolicy
{
    int attempts = 5;
    int firstDelayMs = 1000; ///< then doubled each time
    int maxDelayMs = 10 * 60 * 1000;
};

struct FetchResult
{
    bool ok = false;
    int status = 0;  ///< the last HTTP status; 0: none came
    QByteArray body; ///< the whole body when ok
    QString error;   ///< what went wrong, with the source's own message when it sent one
    int attempts = 0;
    int retriedAfterLimit = 0; ///< attempts that waited on a 429 or 503
    /// It failed for the source's sake (5xx, 429, time-outs, no connection) rather than the request's (4xx): the
    /// next request would most likely fail too.
    bool sourceDown = false;
};

/// Spaces the requests to each source: at most N started a minute, shared by everything in the process.
class RateLimiter final
{
public:
    /// How long to wait before a request to `source` may start, taking that start when it is 0.
    static std::chrono::milliseconds reserve(const QString &source, int requestsPerMinute);
};

/// Fetches `url` on the calling thread (which must not be the GUI's: it waits on a local event loop), within
/// the source's rate limit, with time-outs, gzip, redirects and the system's proxy, and tries again as
/// `policy` says. `cancel` stops the wait and the transfer. `waiting` hears of each pause and why.
FetchResult fetch(QNetworkAccessManager &network, const QUrl &url, const Source &source, const RetryPolicy &policy,
                  const std::atomic<bool> &cancel, const std::function<void(const QString &)> &waiting = {});

/// The delay a Retry-After value asks for (seconds or an HTTP date); negative when there is none.
qint64 retryAfterMs(const QByteArray &value, const QDateTime &now);

} // namespace History
