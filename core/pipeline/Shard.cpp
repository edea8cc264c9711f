// SPDX-License-Identifier: MIT
#include "Shard.h"

#include "CommitListener.h"
#include "LiveFeed.h"
#include "PipelineMetrics.h"
#include "storage/Queries.h"
#include "storage/StorageWriter.h"
#include "util/Clock.h"

#include <pthread.h>

using namespace Qt::StringLiterals;

namespace Pipeline {

Shard::Shard(int index, const PipelineOptions &options, Storage::StorageWriter &writer, PipelineMetrics &metrics,
             Publish publish, LiveFeed *feed)
    : m_index(index)
    , m_options(options)
    , m_writer(writer)
    , m_metrics(metrics)
    , m_publish(std::move(publish))
    , m_feed(feed)
    , m_maxSymbols(std::max<std::size_t>(1, (options.maxSymbols + std::size_t(std::max(1, options.shards)) - 1) /
                                                std::size_t(std::max(1, options.shards))))
{}

Shard::~Shard()
{
    stop();
}

bool Shard::reserve(std::size_t count)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping || (m_reserved > 0 && m_reserved + count > m_options.shardQueueCapacity))
        return false;
    m_reserved += count;
    return true;
}

void Shard::unreserve(std::size_t count)
{
    std::lock_guard lock(m_mutex);
    m_reserved -= count;
}

void Shard::push(Model::RecordBatch &&records, qint64 receivedNs, std::shared_ptr<RequestTracker> tracker,
                 std::shared_ptr<Storage::CommitGroup> group)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        wake = m_queue.empty();
        m_queue.push_back(Message{std::move(records), receivedNs, std::move(tracker), std::move(group)});
    }
    if (wake)
        m_wake.notify_one();
}

std::size_t Shard::depth() const
{
    std::lock_guard lock(m_mutex);
    return m_reserved;
}

Shard::SymbolState &Shard::stateOf(const Model::Symbol &symbol, bool readBack)
{
    auto &state = m_symbols[symbol];
    if (state) {
        m_recency.splice(m_recency.end(), m_recency, state->recency);
    } else {
        state = std::make_unique<SymbolState>(m_options);
        state->summary.symbol = symbol;
        state->recency = m_recency.insert(m_recency.end(), symbol);
        m_symbolCount.store(m_symbols.size(), std::memory_order_relaxed);
        // Back after it left memory: carried on from the database, as at a start.
        if (readBack && !m_options.databasePath.isEmpty() && m_evictedNames.mayContain(symbol.view())) {
            if (!m_history)
                if (auto reader = Storage::SymbolHistoryReader::open(m_options.databasePath))
                    m_history = std::move(*reader);
            if (m_history) {
                const Storage::SymbolHistory history = m_history->read(symbol, m_options.warmBars);
                warmState(*state, history.bars, history.lastSignal);
            }
        }
    }
    state->lastUsedNs = m_nowNs;
    return *state;
}

void Shard::warmState(SymbolState &state, const std::vector<Model::Tick> &bars,
                      const std::optional<Model::TradeSignal> &lastSignal)
{
    std::vector<Model::TradeSignal> none;
    for (const Model::Tick &bar : bars) {
        const auto &snapshot = state.indicators.update(bar);
        state.rules.onTick(bar, snapshot, true, none);
        state.summary.addTick(bar);
        state.summary.rsi = snapshot.rsi;
    }
    if (lastSignal) {
        state.summary.lastSignalTime = lastSignal->timestamp;
        state.summary.lastSignal = QString::fromLatin1(Model::sideName(lastSignal->side)) + u' ' + lastSignal->rule;
    }
}

void Shard::warm(const std::vector<Model::Tick> &bars, const std::optional<Model::TradeSignal> &lastSignal)
{
    if (bars.empty())
        return;
    m_nowNs = Util::monotonicNs();
    SymbolState &state = stateOf(bars.front().symbol, false);
    warmState(state, bars, lastSignal);
    publishSummaries({&state});
}

void Shard::evict(Model::Symbol symbol)
{
    const auto it = m_symbols.find(symbol);
    if (it == m_symbols.end())
        return;
    m_recency.erase(it->second->recency);
    m_symbols.erase(it);
    m_evictedNames.add(symbol.view());
    m_symbolCount.store(m_symbols.size(), std::memory_order_relaxed);
    m_evictions.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(m_summaryMutex);
    m_summaries.erase(symbol);
}

void Shard::trim(bool idleToo)
{
    while (m_symbols.size() > m_maxSymbols)
        evict(m_recency.front());
    if (!idleToo || m_options.idleSymbolSeconds <= 0)
        return;
    const qint64 oldest = m_nowNs - qint64(m_options.idleSymbolSeconds) * 1'000'000'000;
    while (!m_recency.empty() && m_symbols.at(m_recency.front())->lastUsedNs < oldest)
        evict(m_recency.front());
}

void Shard::start()
{
    m_thread = std::thread([this] { run(); });
}

void Shard::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void Shard::run()
{
    pthread_setname_np(pthread_self(), QByteArray("shard-" + QByteArray::number(m_index)).constData());
    std::vector<Message> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything is handed on
            batch.swap(m_queue);
        }
        for (Message &message : batch)
            process(message);
        batch.clear();
    }
}

namespace {

LiveEvent describe(const Model::Record &record)
{
    LiveEvent e;
    e.kind = Model::kindOf(record);
    std::visit(
        [&e](const auto &r) {
            using T = std::decay_t<decltype(r)>;
            e.timestamp = r.timestamp;
            if constexpr (std::is_same_v<T, Model::OrderBookEvent>) {
                e.symbol = r.symbol.toString();
                e.text = QStringLiteral("%1 %2 @ %3")
                             .arg(r.side == Model::OrderSide::Buy ? QStringLiteral("buy") : QStringLiteral("sell"))
                             .arg(r.quantity)
                             .arg(r.price, 0, 'f', 2);
            } else if constexpr (std::is_same_v<T, Model::NewsSentimentEvent>) {
                e.symbol = r.symbol.toString();
                e.text =
                    QStringLiteral("sentiment %1, magnitude %2").arg(r.score, 0, 'f', 2).arg(r.magnitude, 0, 'f', 2);
            } else if constexpr (std::is_same_v<T, Model::MarketDataEvent>) {
                e.symbol = r.symbol.toString();
                e.text = QStringLiteral("market cap %1, P/E %2").arg(r.marketCap, 0, 'g', 4).arg(r.peRatio, 0, 'f', 1);
            } else if constexpr (std::is_same_v<T, Model::EconomicIndicatorEvent>) {
                e.text = QStringLiteral("%1: %2").arg(r.name).arg(r.value, 0, 'g', 6);
            }
        },
        record);
    return e;
}

} // namespace

void Shard::process(Message &message)
{
    m_nowNs = Util::monotonicNs(); // one reading a message: it dates each symbol's last use
    std::vector<Model::TradeSignal> signals;
    std::vector<SymbolState *> touched;
    std::vector<LiveBar> liveBars;
    std::vector<LiveEvent> liveEvents;
    std::vector<ProcessedTick> processed;
    const bool streamTicks = m_listener && m_listener->wantsTicks();
    const std::size_t count = message.records.size();
    for (const Model::Record &record : message.records) {
        if (const auto *bar = std::get_if<Model::Tick>(&record)) {
            SymbolState &state = stateOf(bar->symbol);
            if (state.summary.totalTicks > 0 && bar->timestamp < state.summary.lastTickTime) {
                // Older than what the symbol already has: stored as sent, but it neither moves the
                // indicators and rules nor becomes the last price a chart or the watchlist shows.
                m_metrics.late.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            const auto &snapshot = state.indicators.update(*bar);
            const std::size_t before = signals.size();
            state.rules.onTick(*bar, snapshot, false, signals);
            state.summary.addTick(*bar);
            state.summary.rsi = snapshot.rsi;
            for (std::size_t i = before; i < signals.size(); ++i)
                state.summary.addSignal(signals[i], Signals::RuleEngine::ruleIndex(signals[i].rule));
            if (touched.empty() || touched.back() != &state)
                touched.push_back(&state);
            if (streamTicks)
                processed.push_back({*bar, snapshot});
            if (m_feed)
                liveBars.push_back(LiveBar::of(*bar, snapshot));
            continue;
        }
        if (m_feed)
            liveEvents.push_back(describe(record));
        if (const auto *news = std::get_if<Model::NewsSentimentEvent>(&record)) {
            SymbolState &state = stateOf(news->symbol);
            const std::size_t before = signals.size();
            state.rules.onSentiment(*news, state.indicators.snapshot(), signals);
            for (std::size_t i = before; i < signals.size(); ++i)
                state.summary.addSignal(signals[i], Signals::RuleEngine::ruleIndex(signals[i].rule));
            if (before != signals.size())
                touched.push_back(&state);
        }
    }
    for (Model::TradeSignal &signal : signals)
        signal.receivedNs = message.receivedNs;
    m_metrics.processed.fetch_add(count, std::memory_order_relaxed);
    if (m_feed && (!liveBars.empty() || !liveEvents.empty()))
        m_feed->append(liveBars, liveEvents);
    publishSummaries(touched); // before the commit, so an acknowledgement never finds an older summary
    // Past the cap (a flood of symbols) before the acknowledgement; idle symbols every ten seconds.
    const bool idleSweep = m_nowNs - m_lastIdleSweepNs > 10'000'000'000LL;
    if (idleSweep)
        m_lastIdleSweepNs = m_nowNs;
    trim(idleSweep);

    Storage::WriteJob job;
    job.records = std::move(message.records);
    job.signals = std::move(signals);
    job.receivedNs = message.receivedNs;
    job.group = std::move(message.group);
    job.done = [tracker = message.tracker, this,
                ticks = std::move(processed)](const QString &error, std::vector<Model::TradeSignal> &stored) mutable {
        if (error.isEmpty() && !stored.empty())
            m_publish(stored);
        if (error.isEmpty() && m_listener && (!ticks.empty() || !stored.empty()))
            m_listener->committed(std::move(ticks), stored);
        if (tracker)
            tracker->finish(error);
    };
    // Waits while the writer is full: this shard's queue then fills and /ingest answers 503.
    const auto outcome = m_writer.submitWaiting(std::move(job));
    if (outcome != Ingest::RecordSink::Submit::Accepted && message.tracker)
        message.tracker->finish(u"storage is shutting down"_s);
    unreserve(count);
}

void Shard::publishSummaries(const std::vector<SymbolState *> &touched)
{
    if (touched.empty())
        return;
    std::lock_guard lock(m_summaryMutex);
    for (const SymbolState *state : touched)
        m_summaries[state->summary.symbol] = state->summary;
}

void Shard::collectSummaries(Analytics::SummaryList &out) const
{
    std::lock_guard lock(m_summaryMutex);
    for (const auto &[symbol, summary] : m_summaries)
        out.append(summary);
}

std::optional<Analytics::SymbolSummary> Shard::summary(const Model::Symbol &symbol) const
{
    std::lock_guard lock(m_summaryMutex);
    const auto it = m_summaries.find(symbol);
    return it == m_summaries.end() ? std::nullopt : std::optional(it->second);
}

} // namespace Pipeline
