// SPDX-License-Identifier: MIT
#pragma once

#include "MarketGenerator.h"
#include "ingest/RecordSink.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace Sim {

struct SimulatorOptions
{
    std::vector<SymbolProfile> profiles; ///< empty: the reference system's five symbols
    MetadataRates metadata;
    double recordsPerSecond = 25; ///< ticks per second, 1 to 100,000
    quint64 seed = 20261121;

    /// AAPL, GOOGL, AMZN, MSFT and TSLA with the given volatility.
    static std::vector<SymbolProfile> referenceProfiles(double annualVolatility = 0.25);
};

/// The built-in market: geometric Brownian motion per symbol, each bar
/// starting where the last one closed, fed to the pipeline in-process from a
/// thread of its own. Bars carry the wall clock's time, and each bar moves as
/// far as the real time between a symbol's bars would move a real stock during
/// trading hours (a stock of 25 % a year moves about 0.25 % in ten minutes, whatever the rate). Never
/// blocks: a batch the pipeline refuses is dropped and counted.
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

    /// One step of `count` ticks and the metadata due with them; public for tests.
    /// Runs on the simulator thread when started.
    Model::RecordBatch generate(int count);

Q_SIGNALS:
    void pausedChanged(bool paused);

private:
    void step();

    SimulatorOptions m_options;
    Ingest::RecordSink &m_sink;
    MarketGenerator m_generator;
    double m_carry = 0;
    double m_appliedRate = 0; ///< the rate the generator's per-bar volatility was set for
    qint64 m_lastStepNs = 0;
    QThread *m_thread = nullptr;
    QTimer *m_timer = nullptr;
    std::atomic<bool> m_paused{false};
    std::atomic<double> m_rate{0};
    std::atomic<std::uint64_t> m_generated{0};
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace Sim
