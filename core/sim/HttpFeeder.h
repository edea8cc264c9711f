// SPDX-License-Identifier: MIT
#pragma once

#include "MarketGenerator.h"
#include "util/LatencyHistogram.h"

#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Sim {

struct FeederOptions
{
    QUrl url;
    QByteArray accessToken;
    std::vector<SymbolProfile> profiles;
    MetadataRates metadata;
    quint64 seed = 20261121;
    double ticksPerSecond = 25;
    std::uint64_t count = 0; ///< records to deliver in all; 0: until stopped
    int batch = 0;           ///< records per request; 0: what 20 ms of the rate gives, at least 1
    int inFlight = 6;        ///< concurrent requests (QNetworkAccessManager opens up to 6 connections per host)
    /// Set: where batches go instead of a POST to `url` (the NATS ingest stream). Called on the feeder's thread;
    /// calls `done` there, empty once the batch was taken, else with the reason (the batch is then refused).
    using Send = std::function<void(const Model::RecordBatch &records, std::function<void(const QString &error)> done)>;
    Send send;
};

/// The simulator as a load generator: posts generated records to any `/ingest`
/// URL (or hands them to FeederOptions::send) at a set rate. A 503 is retried after its Retry-After, a network error
/// after a back-off, so every record is delivered once the server takes it;
/// a 4xx refusal is counted and reported. What is waiting to go is bounded:
/// when the server is slower than the rate, generation waits.
class HttpFeeder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFeeder)

public:
    struct Stats
    {
        std::uint64_t generated = 0;
        std::uint64_t delivered = 0; ///< records answered 200
        std::uint64_t rejected = 0;  ///< records answered with a 4xx
        std::uint64_t requests = 0;
        std::uint64_t retries = 0;
        QString lastError;
    };

    explicit HttpFeeder(FeederOptions options, QObject *parent = nullptr);
    ~HttpFeeder() override;

    void start();
    /// Stops generating; what is in flight or waiting still goes out, then finished().
    void finish();
    const Stats &stats() const noexcept { return m_stats; }
    const Util::LatencyHistogram &latency() const noexcept { return m_latency; }

Q_SIGNALS:
    /// Everything asked for went out (or was refused).
    void finished();

private:
    struct Batch
    {
        Model::RecordBatch records;
        QByteArray body;
    };

    void tick();
    void cutBatch();
    void send();
    void post(Batch batch);
    void answered(QNetworkReply *reply, Batch &batch, qint64 startedNs);
    void checkFinished();

    FeederOptions m_options;
    MarketGenerator m_generator;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    Model::RecordBatch m_fresh; ///< generated, not yet in a batch
    std::deque<Batch> m_waiting;
    int m_inFlight = 0;
    int m_retryDelayMs = 0;
    bool m_retryPending = false;
    double m_carry = 0;
    qint64 m_lastTickNs = 0;
    bool m_finishing = false;
    bool m_done = false;
    Stats m_stats;
    Util::LatencyHistogram m_latency;
};

} // namespace Sim
