// SPDX-License-Identifier: MIT
#include "MarketSimulator.h"

#include "util/Clock.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace Sim {

namespace {
constexpr int StepMs = 50;
// Compress time so that a chart shows visible movement: a bar stands for a trading minute.
constexpr double YearsPerBar = 1.0 / (252.0 * 390.0);
} // namespace

MarketSimulator::MarketSimulator(SimulatorOptions options, Ingest::RecordSink &sink, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sink(sink)
    , m_rng(m_options.seed)
    , m_rate(m_options.recordsPerSecond)
{
    for (const QString &name : std::as_const(m_options.symbols)) {
        Model::Symbol symbol;
        if (Model::Symbol::fromString(name, symbol)) {
            m_symbols.push_back(symbol);
            m_prices.push_back(m_options.startPrice * (1.0 + 0.5 * double(m_symbols.size() - 1)));
        }
    }
}

MarketSimulator::~MarketSimulator()
{
    stop();
}

void MarketSimulator::start()
{
    if (m_thread || m_symbols.empty())
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
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double sigma = m_options.annualVolatility * std::sqrt(YearsPerBar);
    const double mu =
        (m_options.annualDrift - 0.5 * m_options.annualVolatility * m_options.annualVolatility) * YearsPerBar;
    const Model::TimestampUs now = QDateTime::currentMSecsSinceEpoch() * 1000;
    Model::RecordBatch batch;
    batch.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const std::size_t s = m_next++ % m_symbols.size();
        Model::Tick t;
        t.symbol = m_symbols[s];
        t.open = m_prices[s];
        t.close = t.open * std::exp(mu + sigma * normal(m_rng));
        t.high = std::max(t.open, t.close) * (1.0 + std::fabs(normal(m_rng)) * sigma * 0.5);
        t.low = std::min(t.open, t.close) * (1.0 - std::fabs(normal(m_rng)) * sigma * 0.5);
        t.volume = 1000 + std::int64_t(unit(m_rng) * 50000);
        t.timestamp = now + i;
        m_prices[s] = t.close;
        batch.emplace_back(t);
        if (unit(m_rng) < m_options.newsPerSecond / std::max(1.0, m_rate.load())) {
            Model::NewsSentimentEvent news;
            news.symbol = t.symbol;
            news.score = unit(m_rng) * 2 - 1;
            news.magnitude = unit(m_rng);
            news.timestamp = now + i;
            batch.emplace_back(news);
        }
    }
    return batch;
}

void MarketSimulator::step()
{
    const qint64 now = Util::monotonicNs();
    const double elapsed = double(now - m_lastStepNs) / 1e9;
    m_lastStepNs = now;
    if (m_paused.load())
        return;
    m_carry += elapsed * m_rate.load();
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
