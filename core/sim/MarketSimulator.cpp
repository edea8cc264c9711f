// SPDX-License-Identifier: MIT
#include "MarketSimulator.h"

#include "util/Clock.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sim {

namespace {
constexpr int StepMs = 50;
} // namespace

std::vector<SymbolProfile> SimulatorOptions::referenceProfiles(double annualVolatility)
{
    SymbolProfile defaults;
    defaults.annualVolatility = annualVolatility;
    return *parseProfiles({u"AAPL"_s, u"GOOGL"_s, u"AMZN"_s, u"MSFT"_s, u"TSLA"_s}, defaults);
}

MarketSimulator::MarketSimulator(SimulatorOptions options, Ingest::RecordSink &sink, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sink(sink)
    , m_generator(m_options.profiles.empty() ? SimulatorOptions::referenceProfiles() : m_options.profiles,
                  m_options.metadata, m_options.seed)
    , m_rate(m_options.recordsPerSecond)
{}

MarketSimulator::~MarketSimulator()
{
    stop();
}

void MarketSimulator::start()
{
    if (m_thread || m_generator.profiles().empty())
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("simulator"));
    m_timer = new QTimer;
    m_timer->setInterval(StepMs);
    m_timer->moveToThread(m_thread);
    connect(m_timer, &QTimer::timeout, m_timer, [this] { step(); });
    connect(m_thread, &QThread::started, m_timer, qOverload<>(&QTimer::start));
    connect(m_thread, &QThread::finished, m_timer, &QObject::deleteLater);
    m_lastStepNs = Util::monotonicNs();
    m_thread->start();
}

void MarketSimulator::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_timer = nullptr;
}

void MarketSimulator::setPaused(bool paused)
{
    if (m_paused.exchange(paused) != paused)
        Q_EMIT pausedChanged(paused);
}

Model::RecordBatch MarketSimulator::generate(int count)
{
    if (const double rate = m_rate.load(); rate != m_appliedRate && rate > 0) {
        m_appliedRate = rate;
        const double secondsPerBar = double(m_generator.profiles().size()) / rate;
        m_generator.setYearsPerBar(secondsPerBar / MarketGenerator::TradingSecondsPerYear);
    }
    Model::RecordBatch batch;
    m_generator.generate(count, m_rate.load(), QDateTime::currentMSecsSinceEpoch() * 1000, batch);
    return batch;
}

void MarketSimulator::step()
{
    const qint64 now = Util::monotonicNs();
    const double elapsed = double(now - m_lastStepNs) / 1e9;
    m_lastStepNs = now;
    if (m_paused.load())
        return;
    // After a stall, catch up by at most a quarter of a second rather than flooding the pipeline.
    m_carry = std::min(m_carry + elapsed * m_rate.load(), std::max(1.0, m_rate.load() * 0.25));
    const int count = int(m_carry);
    if (count <= 0)
        return;
    m_carry -= count;
    Model::RecordBatch batch = generate(count);
    const auto size = batch.size();
    m_generated.fetch_add(size, std::memory_order_relaxed);
    if (m_sink.submit(std::move(batch), now, [](const QString &) {}) != Ingest::RecordSink::Submit::Accepted)
        m_dropped.fetch_add(size, std::memory_order_relaxed);
}

} // namespace Sim
