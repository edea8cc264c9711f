// SPDX-License-Identifier: MIT
#include "HttpFeeder.h"

#include "ingest/RecordEncoder.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sim {

namespace {
constexpr int StepMs = 10;
constexpr int MaxRetryDelayMs = 5000;
} // namespace

HttpFeeder::HttpFeeder(FeederOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_generator(m_options.profiles, m_options.metadata, m_options.seed)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    if (m_options.batch <= 0)
        m_options.batch = std::max(1, int(m_options.ticksPerSecond / 50));
    m_options.inFlight = std::clamp(m_options.inFlight, 1, 64);
    m_timer->setInterval(StepMs);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &HttpFeeder::tick);
}

HttpFeeder::~HttpFeeder() = default;

void HttpFeeder::start()
{
    m_lastTickNs = Util::monotonicNs();
    m_timer->start();
    tick();
}

void HttpFeeder::finish()
{
    m_finishing = true;
    m_timer->stop();
    // Whatever was generated still goes out, in batches as usual.
    while (!m_fresh.empty())
        cutBatch();
    send();
    checkFinished();
}

void HttpFeeder::tick()
{
    const qint64 now = Util::monotonicNs();
    const double elapsed = double(now - m_lastTickNs) / 1e9;
    m_lastTickNs = now;
    // Bounded: while the server is behind, nothing more is generated (the rate is then not met).
    const std::size_t backlog = m_fresh.size() + m_waiting.size() * std::size_t(m_options.batch);
    const std::size_t limit = std::max<std::size_t>(10'000, std::size_t(m_options.ticksPerSecond));
    if (backlog < limit) {
        m_carry = std::min(m_carry + elapsed * m_options.ticksPerSecond, std::max(1.0, m_options.ticksPerSecond));
        const int due = int(m_carry);
        m_carry -= due;
        if (due > 0) {
            const std::size_t before = m_fresh.size();
            m_generator.generate(due, m_options.ticksPerSecond, QDateTime::currentMSecsSinceEpoch() * 1000, m_fresh);
            std::uint64_t added = m_fresh.size() - before;
            if (m_options.count > 0 && m_stats.generated + added >= m_options.count) {
                m_fresh.resize(m_fresh.size() - std::size_t(m_stats.generated + added - m_options.count));
                added = m_options.count - m_stats.generated;
                m_stats.generated += added;
                finish();
                return;
            }
            m_stats.generated += added;
        }
    }
    while (m_fresh.size() >= std::size_t(m_options.batch))
        cutBatch();
    // At low rates a partial batch goes when the line is idle rather than waiting to fill.
    if (!m_fresh.empty() && m_inFlight == 0 && m_waiting.empty())
        cutBatch();
    send();
}

void HttpFeeder::cutBatch()
{
    const auto n = qsizetype(std::min(m_fresh.size(), std::size_t(m_options.batch)));
    Batch batch;
    batch.records.assign(std::make_move_iterator(m_fresh.begin()), std::make_move_iterator(m_fresh.begin() + n));
    m_fresh.erase(m_fresh.begin(), m_fresh.begin() + n);
    batch.body = Ingest::encodeArray(batch.records);
    m_waiting.push_back(std::move(batch));
}

void HttpFeeder::send()
{
    while (!m_retryPending && m_inFlight < m_options.inFlight && !m_waiting.empty()) {
        Batch batch = std::move(m_waiting.front());
        m_waiting.pop_front();
        post(std::move(batch));
    }
}

void HttpFeeder::post(Batch batch)
{
    if (m_options.send) {
        ++m_inFlight;
        ++m_stats.requests;
        const qint64 started = Util::monotonicNs();
        const std::size_t count = batch.records.size();
        m_options.send(batch.records, [this, started, count](const QString &error) {
            --m_inFlight;
            if (error.isEmpty()) {
                m_latency.observe(Util::monotonicNs() - started);
                m_stats.delivered += count;
            } else {
                m_stats.rejected += count;
                m_stats.lastError = error;
            }
            send();
            checkFinished();
        });
        return;
    }
    QNetworkRequest request(m_options.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!m_options.accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.accessToken);
    ++m_inFlight;
    ++m_stats.requests;
    const qint64 started = Util::monotonicNs();
    QNetworkReply *reply = m_network->post(request, batch.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, started, b = std::move(batch)]() mutable {
        reply->deleteLater();
        --m_inFlight;
        answered(reply, b, started);
        send();
        checkFinished();
    });
}

void HttpFeeder::answered(QNetworkReply *reply, Batch &batch, qint64 startedNs)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        m_latency.observe(Util::monotonicNs() - startedNs);
        m_stats.delivered += batch.records.size();
        m_retryDelayMs = 0;
        return;
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
        // Refused for good: retrying the same body would be refused again.
        m_stats.rejected += batch.records.size();
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object();
        m_stats.lastError = u"HTTP %1: %2"_s.arg(status).arg(error.value(u"error"_s).toString());
        return;
    }
    // 503 (saturated), 408/429, 5xx or no answer at all: the same batch again, after a pause.
    ++m_stats.retries;
    int delayMs = 0;
    if (reply->hasRawHeader("Retry-After"))
        delayMs = reply->rawHeader("Retry-After").toInt() * 1000;
    if (delayMs <= 0)
        delayMs = m_retryDelayMs = std::clamp(m_retryDelayMs * 2, 50, MaxRetryDelayMs);
    m_stats.lastError = status > 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
    m_waiting.push_front(std::move(batch));
    if (!m_retryPending) {
        m_retryPending = true;
        QTimer::singleShot(delayMs, this, [this] {
            m_retryPending = false;
            send();
        });
    }
}

void HttpFeeder::checkFinished()
{
    if (m_finishing && !m_done && m_inFlight == 0 && m_waiting.empty() && m_fresh.empty()) {
        m_done = true;
        Q_EMIT finished();
    }
}

} // namespace Sim
