// SPDX-License-Identifier: MIT
#include "Shard.h"
#include "util/CallerRuns.h"

#include "CommitListener.h"
#include "LiveFeed.h"
#include "PipelineMetrics.h"
#include "storage/Queries.h"
#include "storage/StorageWriter.h"
#include "storage/SymbolHistoryReader.h"
#include "trading/PaperDesk.h"
#include "util/Clock.h"
#include "util/Prefetch.h"

#include <algorithm>

#include <pthread.h>

using namespace Qt::StringLiterals;

namespace Pipeline {

namespace {
constexpr int CloseSweepMs = 250; ///< how often quiet symbols' bars are looked at
/// Touched states whose summaries are published together: a few dozen states' lines are still in the cache.
constexpr std::size_t PublishEvery = 16;
} // namespace

Shard::Shard(int index, const PipelineOptions &options, Storage::StorageWriter &writer, PipelineMetrics &metrics,
             Publish publish, LiveFeed *feed)
    : m_index(index)
    , m_options(options)
    , m_session(Bars::sessionZone(options.sessionTimeZone))
    , m_ruleTimeframe(options.rules.timeframe.name())
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
    std::lock_guard lock(m_worker.mutex());
    if (m_worker.stopping() || (m_reserved > 0 && m_reserved + count > m_options.shardQueueCapacity))
        return false;
    m_reserved += count;
    return true;
}

void Shard::unreserve(std::size_t count)
{
    std::lock_guard lock(m_worker.mutex());
    m_reserved -= count;
}

void Shard::push(Model::RecordBatch &&records, qint64 receivedNs, PartAnswer answer,
                 std::shared_ptr<Storage::CommitGroup> group, Storage::WriteJob::Write alsoWrite)
{
    Message message{std::move(records), receivedNs, std::move(answer), std::move(group), {}, std::move(alsoWrite), {}};
    const std::size_t count = message.records.size();
    // The writer's room is looked at first so that the caller does not wait on it (a race with the other
    // shards can still make it wait until the next commit).
    const bool mayRunHere = Util::callerRuns() && m_writer.queuedRecords() + count <= m_writer.capacity() / 2;
    bool wake = false;
    bool here = false;
    {
        std::lock_guard lock(m_worker.mutex());
        if (mayRunHere && !m_busy && m_queue.empty() && !m_worker.stopping()) {
            m_busy = true;
            here = true;
        } else {
            wake = m_queue.empty() && !m_busy; // else the queue is taken (and its thread woken) once clear
            m_queue.push_back(std::move(message));
        }
    }
    if (here)
        processHere(std::move(message));
    else if (wake)
        m_worker.wake().notify_one();
}

void Shard::processHere(Message &&message)
{
    process(message);
    // What was queued meanwhile goes to the shard's own thread: a caller that took the queue as well could be
    // kept at it by other callers for as long as they send, and its own connections would wait.
    bool wake = false;
    {
        std::lock_guard lock(m_worker.mutex());
        m_busy = false;
        wake = !m_queue.empty() || m_worker.stopping();
    }
    if (wake)
        m_worker.wake().notify_all();
}

void Shard::rewarm(std::vector<Model::Symbol> symbols)
{
    if (symbols.empty())
        return;
    Message message;
    message.rewarm = std::move(symbols);
    enqueue(std::move(message));
}

void Shard::countSignals(std::vector<Model::TradeSignal> signals)
{
    if (signals.empty())
        return;
    Message message;
    message.counted = std::move(signals);
    enqueue(std::move(message));
}

void Shard::enqueue(Message &&message)
{
    bool wake = false;
    {
        std::lock_guard lock(m_worker.mutex());
        wake = m_queue.empty();
        m_queue.push_back(std::move(message));
    }
    if (wake)
        m_worker.wake().notify_one();
}

std::size_t Shard::depth() const
{
    std::lock_guard lock(m_worker.mutex());
    return m_reserved;
}

std::unique_ptr<Shard::SymbolState> Shard::makeState(const Model::Symbol &symbol, bool fromDatabase)
{
    auto state = std::make_unique<SymbolState>(m_options, m_session);
    state->summary.symbol = symbol;
    state->track.setSymbol(symbol);
    if (fromDatabase)
        if (Storage::SymbolHistoryReader *reader = historyReader())
            warmState(*state, readHistory(*reader, symbol, true));
    return state;
}

Shard::SymbolState &Shard::stateOf(const Model::Symbol &symbol, bool readBack)
{
    SymbolState *state = nullptr;
    if (const std::unique_ptr<SymbolState> *found = m_symbols.find(symbol)) {
        state = found->get();
    } else {
        // Back after it left memory: carried on from the database, as at a start.
        std::unique_ptr<SymbolState> made = makeState(symbol, readBack && !m_options.databasePath.isEmpty() &&
                                                                  m_evictedNames.mayContain(symbol.view()));
        state = made.get();
        {
            std::lock_guard lock(m_summaryMutex);
            m_symbols[symbol] = std::move(made);
        }
        m_symbolCount.store(m_symbols.size(), std::memory_order_relaxed);
    }
    state->used = ++m_useClock;
    state->lastUsedNs = m_nowNs;
    return *state;
}

Storage::SymbolHistoryReader *Shard::historyReader()
{
    if (!m_history && !m_options.databasePath.isEmpty())
        if (auto reader = Storage::SymbolHistoryReader::open(m_options.databasePath))
            m_history = std::move(*reader);
    return m_history.get();
}

Storage::SymbolHistory Shard::readHistory(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol,
                                          bool ruleBars)
{
    Storage::SymbolHistory history = reader.read(symbol, m_options.warmBars, m_session);
    if (ruleBars && !history.bars.empty())
        history.ruleBars = readRecentBars(reader, symbol, m_options.rules.timeframe);
    return history;
}

Storage::BarRange Shard::readRecentBars(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol,
                                        const Bars::Timeframe &timeframe)
{
    Storage::BarQuery query;
    query.symbol = symbol;
    query.timeframe = timeframe;
    query.limit = m_options.warmRuleBars;
    return reader.readBars(query, m_session);
}

namespace {

/// What a symbol's track tells its rules while warming: each closed bar moves their states on silently
/// (the signals they gave then are stored already).
auto silentRules(TimeframeTrack &track, Signals::RuleEngine &rules)
{
    return [&track, &rules, none = std::vector<Model::TradeSignal>()](
               TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) mutable {
        if (change == TimeframeTrack::Change::Closed)
            rules.onTick(track.asTick(bar), s, true, none);
    };
}

} // namespace

void Shard::warmRules(SymbolState &state)
{
    state.rulesPending = false;
    if (Storage::SymbolHistoryReader *reader = historyReader()) {
        const Storage::BarRange bars = readRecentBars(*reader, state.summary.symbol, m_options.rules.timeframe);
        state.track.warm(bars.bars, bars.lastForming, silentRules(state.track, state.rules));
    }
}

void Shard::warmState(SymbolState &state, const Storage::SymbolHistory &history)
{
    const bool recordBars = state.track.timeframe().kind() == Bars::Timeframe::Kind::Record;
    auto silently = silentRules(state.track, state.rules);
    if (!recordBars && history.ruleBars.bars.empty() && !history.bars.empty())
        state.rulesPending = true; // read when the symbol trades: rebuilding bars costs milliseconds a symbol
    else if (!recordBars)
        state.track.warm(history.ruleBars.bars, history.ruleBars.lastForming, silently);
    for (const Model::Tick &bar : history.bars) {
        if (recordBars)
            state.track.add(bar, silently);
        state.summary.addTick(bar, m_session);
    }
    if (history.session)
        state.summary.takeSession(*history.session);
    state.summary.rsi = state.track.rsi();
    if (const auto &lastSignal = history.lastSignal)
        state.summary.takeLastSignal(*lastSignal);
}

void Shard::warm(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol)
{
    // The rules' bars come later, when the symbol trades: a start with thousands of symbols stays quick.
    const Storage::SymbolHistory history = readHistory(reader, symbol, false);
    if (history.bars.empty())
        return;
    m_nowNs = Util::monotonicNs();
    SymbolState &state = stateOf(symbol, false);
    warmState(state, history);
    SymbolState *const warmed[] = {&state};
    publishSummaries(warmed);
}

void Shard::syncAlerts(SymbolState &state, const Alerts::AlertBook::Catalog &catalog)
{
    Storage::SymbolHistoryReader *reader = historyReader();
    const Model::Symbol &symbol = state.summary.symbol;
    AlertSet::ReadBars readBars;
    if (reader)
        readBars = [this, reader, &symbol](const Bars::Timeframe &timeframe) {
            return readRecentBars(*reader, symbol, timeframe);
        };
    state.alerts.sync(catalog, symbol, m_session, readBars);
    state.alertsVersion = state.alerts.version();
    state.hasAlerts = !state.alerts.empty();
}

void Shard::takeFires(SymbolState &state, std::vector<AlertSet::Fired> &fired, std::vector<Model::TradeSignal> &signals,
                      std::vector<Storage::AlertStateWrite> &states)
{
    for (const AlertSet::Fired &f : fired) {
        const Alerts::Definition &alert = f.run->alert();
        Model::TradeSignal signal;
        signal.symbol = state.summary.symbol;
        signal.rule = Model::SignalRule::TraderAlert;
        signal.alertName = alert.name;
        signal.timeframe = alert.timeframe.name();
        signal.side = Model::SignalSide::Alert;
        signal.reason = f.message;
        signal.price = f.fire.price;
        signal.timestamp = f.fire.barOpen;
        signal.snapshot = "{\"alert_id\":" + QByteArray::number(alert.id) +
                          ",\"value\":" + QByteArray::number(f.fire.value, 'g', 17) +
                          ",\"level\":" + QByteArray::number(f.fire.level, 'g', 17) + '}';
        state.summary.addSignal(signal, -1);
        signals.push_back(std::move(signal));
        // Its state as of this fire (a later fire of the same record stores the newer one after it).
        states.push_back({alert.id, state.summary.symbol.toString(), f.run->state()});
    }
    fired.clear();
}

bool Shard::dropState(const Model::Symbol &symbol)
{
    std::unique_ptr<SymbolState> *state = m_symbols.find(symbol);
    if (!state)
        return false;
    std::unique_ptr<SymbolState> gone; // freed after the lock
    {
        std::lock_guard lock(m_summaryMutex); // a reader of the summaries never meets an empty slot
        gone = std::move(*state);
        m_symbols.erase(symbol);
    }
    m_evictedNames.add(symbol.view());
    m_symbolCount.store(m_symbols.size(), std::memory_order_relaxed);
    return true;
}

void Shard::evict(const Model::Symbol &symbol)
{
    if (!dropState(symbol))
        return;
    m_evictions.fetch_add(1, std::memory_order_relaxed);
}

void Shard::trim(bool idleToo)
{
    while (m_symbols.size() > m_maxSymbols && evictOldest()) {
    }
    if (!idleToo || m_options.idleSymbolSeconds <= 0)
        return;
    const qint64 oldest = m_nowNs - qint64(m_options.idleSymbolSeconds) * 1'000'000'000;
    std::vector<Model::Symbol> idle;
    m_symbols.forEach([&](const Model::Symbol &symbol, const std::unique_ptr<SymbolState> &state) {
        if (state->lastUsedNs < oldest)
            idle.push_back(symbol);
    });
    for (const Model::Symbol &symbol : idle)
        evict(symbol);
}

bool Shard::evictOldest()
{
    const auto newer = [](const UseStamp &a, const UseStamp &b) { return a.used > b.used; };
    for (;;) {
        if (m_oldest.empty()) {
            if (m_symbols.empty())
                return false;
            m_symbols.forEach([this](const Model::Symbol &symbol, const std::unique_ptr<SymbolState> &state) {
                m_oldest.push_back({state->used, symbol});
            });
            const std::size_t over = m_symbols.size() > m_maxSymbols ? m_symbols.size() - m_maxSymbols : 1;
            const std::size_t picked = std::min(m_oldest.size(), std::max(over, m_oldest.size() / 16));
            std::nth_element(m_oldest.begin(), m_oldest.end() - std::ptrdiff_t(picked), m_oldest.end(), newer);
            m_oldest.erase(m_oldest.begin(), m_oldest.end() - std::ptrdiff_t(picked));
            std::sort(m_oldest.begin(), m_oldest.end(), newer);
        }
        const UseStamp candidate = m_oldest.back();
        m_oldest.pop_back();
        // Updated since it was picked (or gone and back): newer than every candidate left, so not the oldest.
        // One that was not is older than every symbol not picked, and than the candidates before it.
        const std::unique_ptr<SymbolState> *state = m_symbols.find(candidate.symbol);
        if (state && (*state)->used == candidate.used) {
            evict(candidate.symbol);
            return true;
        }
    }
}

void Shard::start()
{
    m_worker.start([this] { run(); });
}

void Shard::stop()
{
    m_worker.stop();
}

void Shard::run()
{
    pthread_setname_np(pthread_self(), QByteArray("shard-" + QByteArray::number(m_index)).constData());
    std::vector<Message> batch;
    // Alerts too have bars to close and expiries to keep on time.
    const bool timedBars = m_options.rules.timeframe.isTime() || m_alertBook != nullptr;
    for (;;) {
        {
            std::unique_lock lock(m_worker.mutex());
            const auto ready = [this] { return !m_busy && (m_worker.stopping() || !m_queue.empty()); };
            if (timedBars) // wakes now and then to close the bars of symbols gone quiet
                m_worker.wake().wait_for(lock, std::chrono::milliseconds(CloseSweepMs), ready);
            else
                m_worker.wake().wait(lock, ready);
            if (m_busy)
                continue; // a caller processes: the sweep waits for the next turn
            if (m_queue.empty() && m_worker.stopping())
                return; // stopping, and everything is handed on
            m_busy = true;
            batch.swap(m_queue);
        }
        for (Message &message : batch)
            process(message);
        batch.clear();
        if (timedBars && Util::monotonicNs() - m_lastCloseSweepNs >= CloseSweepMs * 1'000'000LL)
            closeDueBars();
        std::lock_guard lock(m_worker.mutex());
        m_busy = false; // what came meanwhile is taken at the top of the loop
    }
}

void Shard::prefetchState(const Model::RecordBatch &records, std::size_t at) const
{
    // Two steps ahead of the record in hand: the map's slot for a record further on, then (its slot in the
    // cache by now) the first lines of the state of a nearer one. A state already there costs a lookup.
    constexpr std::size_t Near = 6, Far = 16;
    if (at + Far < records.size())
        if (const auto *tick = std::get_if<Model::Tick>(&records[at + Far]))
            m_symbols.prefetch(tick->symbol);
    if (at + Near < records.size())
        if (const auto *tick = std::get_if<Model::Tick>(&records[at + Near]))
            if (const auto *state = m_symbols.find(tick->symbol))
                (*state)->prefetch();
}

void Shard::process(Message &message)
{
    m_nowNs = Util::monotonicNs(); // one reading a message: it dates each symbol's last use
    if (!message.rewarm.empty()) {
        for (const Model::Symbol &symbol : message.rewarm) {
            // One not in memory is read from the database when it trades. One in memory is read into a new
            // state while the old one's summary stays published (the watchlist would lose the row for a
            // moment), then takes its place.
            if (m_options.databasePath.isEmpty() || !m_symbols.find(symbol))
                continue;
            std::unique_ptr<SymbolState> fresh = makeState(symbol, true);
            fresh->used = ++m_useClock;
            fresh->lastUsedNs = m_nowNs;
            std::unique_ptr<SymbolState> old;
            std::lock_guard lock(m_summaryMutex);
            std::unique_ptr<SymbolState> &slot = m_symbols[symbol];
            old = std::exchange(slot, std::move(fresh));
            slot->published.assign(slot->summary);
        }
        return;
    }
    if (!message.counted.empty()) {
        std::vector<SymbolState *> states;
        for (const Model::TradeSignal &signal : message.counted) {
            SymbolState &state = stateOf(signal.symbol);
            state.summary.addSignal(signal, signal.builtInIndex());
            if (states.empty() || states.back() != &state)
                states.push_back(&state);
        }
        publishSummaries(states);
        return;
    }
    std::vector<Model::TradeSignal> signals;
    std::vector<SymbolState *> &touched = m_touched;
    touched.clear();
    std::size_t published = 0; // touched[0, published) are published
    std::vector<LiveBar> liveBars;
    std::vector<LiveEvent> liveEvents;
    std::vector<ProcessedTick> processed;
    const bool streamTicks = m_listener && m_listener->wantsTicks();
    const std::size_t count = message.records.size();
    const auto catalog = m_alertBook ? m_alertBook->catalog() : nullptr;
    std::vector<Storage::AlertStateWrite> alertStates;
    std::vector<AlertSet::Fired> fired;
    const auto watched = m_paperDesk ? m_paperDesk->watched() : nullptr;
    Trading::PaperDesk::Outcome paper;
    for (std::size_t r = 0; r < count; ++r) {
        prefetchState(message.records, r);
        const Model::Record &record = message.records[r];
        if (const auto *bar = std::get_if<Model::Tick>(&record)) {
            SymbolState &state = stateOf(bar->symbol);
            if (state.rulesPending)
                warmRules(state);
            const bool inTime = state.track.add(
                *bar, [&](TimeframeTrack::Change change, const Bars::Bar &b, const Indicators::IndicatorSnapshot &s) {
                    if (change == TimeframeTrack::Change::Closed)
                        ruleBar(state, b, s, signals);
                });
            if (!inTime)
                m_metrics.late.fetch_add(1, std::memory_order_relaxed);
            if (catalog && state.alertsVersion != catalog->version)
                syncAlerts(state, *catalog);
            if (state.hasAlerts)
                state.alerts.add(*bar, fired);
            takeFires(state, fired, signals, alertStates);
            // Older than what the symbol has, a record is stored as sent and counted in its session's figures,
            // but it is not the last price and fills no paper order. Copies of this database (windows on the
            // feed) still need it, and so do the charts: each one's bars decide whether it is late for them, or
            // history before them.
            const bool late = state.summary.totalTicks > 0 && bar->timestamp < state.summary.lastTickTime;
            if (!late && watched && !watched->empty() && watched->contains(bar->symbol)) {
                // Paper orders fill on the newest records only, and are stored with the record that filled them.
                Trading::PaperDesk::Outcome outcome = m_paperDesk->onRecord(*bar);
                std::move(outcome.fills.begin(), outcome.fills.end(), std::back_inserter(paper.fills));
                std::move(outcome.orders.begin(), outcome.orders.end(), std::back_inserter(paper.orders));
            }
            state.summary.addTick(*bar, m_session);
            if (!late)
                state.summary.rsi = state.track.rsi();
            if (touched.empty() || touched.back() != &state) {
                touched.push_back(&state);
                // A few at a time, while their lines are still in the cache; the newest waits for any more
                // records of its symbol that follow.
                if (touched.size() - published > PublishEvery) {
                    publishSummaries(std::span(touched).subspan(published, touched.size() - 1 - published));
                    published = touched.size() - 1;
                }
            }
            if (streamTicks)
                processed.push_back(late ? ProcessedTick{*bar, {}, true} : ProcessedTick{*bar, state.track.snapshot()});
            if (m_feed)
                liveBars.push_back(LiveBar::of(*bar, state.track.snapshot()));
            continue;
        }
        if (m_feed)
            liveEvents.push_back({record});
        if (const auto *news = std::get_if<Model::NewsSentimentEvent>(&record)) {
            SymbolState &state = stateOf(news->symbol);
            const std::size_t before = signals.size();
            if (state.summary.totalTicks > 0)
                state.rules.setLastPrice(state.summary.lastPrice);
            state.rules.onSentiment(*news, state.track.snapshot(), signals);
            for (std::size_t i = before; i < signals.size(); ++i)
                state.summary.addSignal(signals[i], signals[i].builtInIndex());
            if (before != signals.size())
                touched.push_back(&state);
        }
    }
    for (Model::TradeSignal &signal : signals)
        signal.receivedNs = message.receivedNs;
    m_metrics.processed.fetch_add(count, std::memory_order_relaxed);
    if (m_feed && (!liveBars.empty() || !liveEvents.empty()))
        m_feed->append(liveBars, liveEvents);
    // Before the commit, so an acknowledgement never finds an older summary.
    publishSummaries(std::span(touched).subspan(published));
    // Past the cap (a flood of symbols) before the acknowledgement; idle symbols every ten seconds, or as often
    // as the idle time when that is shorter.
    const qint64 sweepNs = std::min<qint64>(10, std::max(1, m_options.idleSymbolSeconds)) * 1'000'000'000LL;
    const bool idleSweep = m_nowNs - m_lastIdleSweepNs > sweepNs;
    if (idleSweep)
        m_lastIdleSweepNs = m_nowNs;
    trim(idleSweep);

    Storage::WriteJob job;
    job.records = std::move(message.records);
    job.signals = std::move(signals);
    job.alertStates = std::move(alertStates);
    const bool filled = !paper.fills.empty();
    job.paperFills = std::move(paper.fills);
    job.paperOrders = std::move(paper.orders);
    job.receivedNs = message.receivedNs;
    job.group = std::move(message.group);
    job.write = std::move(message.alsoWrite);
    job.done = [answer = std::move(message.answer), this, filled,
                ticks = std::move(processed)](const QString &error, std::vector<Model::TradeSignal> &stored) mutable {
        if (error.isEmpty() && filled)
            m_paperDesk->tradesStored();
        if (error.isEmpty() && !stored.empty())
            m_publish(stored);
        if (error.isEmpty() && m_listener && (!ticks.empty() || !stored.empty()))
            m_listener->committed(std::move(ticks), stored);
        answer.finish(error);
    };
    // Waits while the writer is full: this shard's queue then fills and /ingest answers 503. A job refused is
    // left as it was, its answer in it.
    if (m_writer.submitWaiting(std::move(job)) != Ingest::RecordSink::Submit::Accepted) {
        std::vector<Model::TradeSignal> none;
        job.done(u"storage is shutting down"_s, none);
    }
    unreserve(count);
}

void Shard::ruleBar(SymbolState &state, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &snapshot,
                    std::vector<Model::TradeSignal> &signals)
{
    const std::size_t before = signals.size();
    state.rules.onTick(state.track.asTick(bar), snapshot, false, signals);
    for (std::size_t i = before; i < signals.size(); ++i) {
        signals[i].timeframe = m_ruleTimeframe;
        state.summary.addSignal(signals[i], signals[i].builtInIndex());
    }
}

void Shard::closeDueBars()
{
    m_nowNs = Util::monotonicNs();
    m_lastCloseSweepNs = m_nowNs;
    const qint64 delayNs = qint64(m_options.barCloseDelayMs) * 1'000'000;
    const Model::TimestampUs dueBefore = Util::wallClockUs() - qint64(m_options.barCloseDelayMs) * 1000;
    std::vector<Model::TradeSignal> signals;
    std::vector<SymbolState *> touched;
    std::vector<Storage::AlertStateWrite> alertStates;
    std::vector<AlertSet::Fired> fired;
    std::vector<const AlertRun *> expired;
    const Model::TimestampUs now = Util::wallClockUs();
    m_symbols.forEach([&](const Model::Symbol &symbol, std::unique_ptr<SymbolState> &state) {
        // Alerts: bars of quiet symbols close on time, and alerts expire on time.
        if (!state->alerts.empty()) {
            expired.clear();
            state->alerts.expireIfDue(now, expired);
            for (const AlertRun *run : expired)
                alertStates.push_back({run->alert().id, symbol.toString(), run->state()});
            if (m_nowNs - state->lastUsedNs >= delayNs)
                state->alerts.closeIfDue(dueBefore, fired);
            if (!fired.empty())
                touched.push_back(state.get());
            takeFires(*state, fired, signals, alertStates);
        }
        const auto &forming = state->track.builder().forming();
        // Quiet for the delay too: a feed replaying old records fast closes its bars with its records.
        if (!forming || forming->endTime > dueBefore || m_nowNs - state->lastUsedNs < delayNs)
            return;
        const std::size_t before = signals.size();
        SymbolState &quiet = *state;
        quiet.track.closeIfDue(dueBefore,
                               [&](TimeframeTrack::Change, const Bars::Bar &bar,
                                   const Indicators::IndicatorSnapshot &s) { ruleBar(quiet, bar, s, signals); });
        if (signals.size() != before)
            touched.push_back(state.get());
    });
    if (signals.empty() && alertStates.empty())
        return;
    const qint64 nowNs = Util::monotonicNs();
    for (Model::TradeSignal &signal : signals)
        signal.receivedNs = nowNs;
    publishSummaries(touched);
    Storage::WriteJob job;
    job.signals = std::move(signals);
    job.alertStates = std::move(alertStates);
    job.receivedNs = nowNs;
    job.done = [this](const QString &error, std::vector<Model::TradeSignal> &stored) {
        if (error.isEmpty() && !stored.empty()) {
            m_publish(stored);
            if (m_listener)
                m_listener->committed({}, stored);
        }
    };
    m_writer.submitWaiting(std::move(job));
}

void Shard::publishSummaries(std::span<SymbolState *const> states)
{
    if (states.empty())
        return;
    std::lock_guard lock(m_summaryMutex);
    for (SymbolState *state : states)
        state->published.assign(state->summary);
}

void Shard::collectSummaries(Analytics::SummaryList &out) const
{
    std::lock_guard lock(m_summaryMutex);
    m_symbols.forEach([&](const Model::Symbol &, const std::unique_ptr<SymbolState> &state) {
        if (!state->published.symbol.isEmpty())
            out.append(state->published);
    });
}

std::optional<Analytics::SymbolSummary> Shard::summary(const Model::Symbol &symbol) const
{
    std::lock_guard lock(m_summaryMutex);
    const std::unique_ptr<SymbolState> *state = m_symbols.find(symbol);
    if (!state || (*state)->published.symbol.isEmpty())
        return std::nullopt;
    return (*state)->published;
}

} // namespace Pipeline
