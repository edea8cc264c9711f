// SPDX-License-Identifier: MIT
#include "Fetch.h"

#include "Version.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

namespace History {

namespace {

using Clock = std::chrono::steady_clock;

/// Waits `ms` on a local event loop, or less when `cancel` is set; false when cancelled.
bool pause(qint64 ms, const std::atomic<bool> &cancel)
{
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (!cancel.load()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0)
            return true;
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(left, 100), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

bool retryable(int status, QNetworkReply::NetworkError error)
{
    if (status == 429 || status >= 500)
        return true;
    if (status != 0)
        return false;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer time-out
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

/// The start of a body, for an error message: a source explains a refusal there.
QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(300)).simplified();
    return text.isEmpty() ? QString() : u": "_s + text;
}

} // namespace

std::chrono::milliseconds RateLimiter::reserve(const QString &source, int requestsPerMinute)
{
    static std::mutex mutex;
    static QHash<QString, Clock::time_point> next;
    if (requestsPerMinute <= 0)
        return std::chrono::milliseconds(0);
    std::lock_guard lock(mutex);
    const auto now = Clock::now();
    auto it = next.find(source);
    if (it != next.end() && it.value() > now)
        return std::chrono::duration_cast<std::chrono::milliseconds>(it.value() - now) + std::chrono::milliseconds(1);
    next.insert(source, now + std::chrono::milliseconds(60'000 / requestsPerMinute));
    return std::chrono::milliseconds(0);
}

qint64 retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(text).replace(u" GMT"_s, QString()),
                                                 u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!at.isValid())
        return -1;
    QDateTime utc = at;
    utc.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(utc));
}

FetchResult fetch(QNetworkAccessManager &network, const QUrl &url, const Source &source, const RetryPolicy &policy,
                  const std::atomic<bool> &cancel, const std::function<void(const QString &)> &waiting)
{
    FetchResult result;
    qint64 delay = policy.firstDelayMs;
    for (;;) {
        for (auto wait = RateLimiter::reserve(source.name, source.requestsPerMinute); wait.count() > 0;
             wait = RateLimiter::reserve(source.name, source.requestsPerMinute)) {
            if (waiting)
                waiting(
                    u"rate limit of %1: waiting %2 s"_s.arg(source.name).arg(double(wait.count()) / 1000, 0, 'f', 1));
            if (!pause(wait.count(), cancel))
                break;
        }
        if (cancel.load()) {
            result.error = u"cancelled"_s;
            return result;
        }
        ++result.attempts;
        QNetworkRequest request(url);
        request.setTransferTimeout(source.timeoutSeconds * 1000);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(10);
        request.setHeader(QNetworkRequest::UserAgentHeader, u"TickDesk/%1"_s.arg(QLatin1String(TICKDESK_VERSION)));
        request.setRawHeader("Accept", "text/csv, application/json, */*;q=0.5");
        QPointer<QNetworkReply> reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancel.load() && reply)
                reply->abort();
        });
        poll.start(100);
        if (!reply->isFinished())
            loop.exec();
        poll.stop();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed after a time-out
        const QByteArray retryAfter = reply->rawHeader("Retry-After");
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        const QString errorText = reply->errorString();
        reply->deleteLater();
        result.status = status;
        if (cancel.load()) {
            result.error = u"cancelled"_s;
            return result;
        }
        // A body cut short is refused whole, whatever the connection said.
        const bool truncated = error == QNetworkReply::NoError && length.isValid() &&
                               reply->rawHeader("Content-Encoding").isEmpty() &&
                               length.toLongLong() != qint64(body.size());
        if (error == QNetworkReply::NoError && !truncated && status >= 200 && status < 300) {
            result.ok = true;
            result.body = std::move(body);
            result.error.clear();
            return result;
        }
        if (status != 0 && status >= 300)
            result.error = u"HTTP %1 %2%3"_s.arg(status)
                               .arg(QString::fromLatin1(
                                   reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()))
                               .arg(excerpt(body));
        else if (truncated)
            result.error = u"the answer was cut short (%1 of %2 bytes)"_s.arg(body.size()).arg(length.toLongLong());
        else if (error == QNetworkReply::OperationCanceledError)
            result.error = u"no answer within %1 s"_s.arg(source.timeoutSeconds);
        else
            result.error = errorText;
        result.sourceDown = truncated || retryable(status, error);
        if (!result.sourceDown || result.attempts >= policy.attempts)
            return result;
        qint64 wait = std::min<qint64>(delay, policy.maxDelayMs);
        if (const qint64 asked = retryAfterMs(retryAfter, QDateTime::currentDateTimeUtc()); asked >= 0) {
            wait = std::min<qint64>(asked, policy.maxDelayMs);
            ++result.retriedAfterLimit;
        } else if (status == 429 || status == 503) {
            ++result.retriedAfterLimit;
        }
        delay = std::min<qint64>(delay * 2, policy.maxDelayMs);
        if (waiting)
            waiting(u"%1; trying again in %2 s"_s.arg(result.error.left(120)).arg(double(wait) / 1000, 0, 'f', 1));
        if (!pause(wait, cancel)) {
            result.error = u"cancelled"_s;
            return result;
        }
    }
}

} // namespace History
