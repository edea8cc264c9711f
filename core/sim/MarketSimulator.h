// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordSink.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <random>
#include <vector>

class QThread;
class QTimer;

namespace Sim {

struct SimulatorOptions
{
    QStringList symbols{QStringLiteral("AAPL"), QStringLiteral("GOOGL"), QStringLiteral("AMZN"), QStringLiteral("MSFT"),
                        QStringLiteral("TSLA")};
    double recordsPerSecond = 25;
    double startPrice = 100;
    double annualDrift = 0.05;
    double annualVolatility = 0.25; ///< per year of trading time, a bar standing for a minute
    double newsPerSecond = 0.2;
    quint64 seed = 20261121;
};

/// The built-in market: geometric Brownian motion per symbol, each bar
/// starting where the last one closed, fed to the pipeline in-process from a
/// thread of its own. Never blocks: a batch the pipeline refuses is dropped and counted.
class MarketSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketSimulator)

public:
    MarketSimulator(SimulatorOptions options, Ingest::RecordSink &sink, QObject *parent = nullptr);
    ~MarketSimulator() override;

    void start();
    void stop();
    void setPaused(bool paused);
    /// From any thread; takes effect at the next step.
    void setRate(double recordsPerSecond) { m_rate.store(recordsPerSecond); }
    double rate() const noexcept { return m_rate.load(); }
    bool isPaused() const noexcept { return m_paused.load(); }
    bool isRunning() const noexcept { return m_thread != nullptr; }

    std::uint64_t generated() const noexcept { return m_generated.load(); }
    std::uint64_t dropped() const noexcept { return m_dropped.load(); }

    /// One step of `count` records; public for tests. Runs on the simulator thread when started.
    Model::RecordBatch generate(int count);

Q_SIGNALS:
    void pausedChanged(bool paused);

private:
    void step();

    SimulatorOptions m_options;
    Ingest::RecordSink &m_sink;
    std::vector<Model::Symbol> m_symbols;
    std::vector<double> m_prices;
    std::mt19937_64 m_rng;
    std::size_t m_next = 0;
    double m_carry = 0;
    qint64 m_lastStepNs = 0;
    QThread *m_thread = nullptr;
    QTimer *m_timer = nullptr;
    std::atomic<bool> m_paused{false};
    std::atomic<double> m_rate{0};
    std::atomic<std::uint64_t> m_generated{0};
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace Sim
