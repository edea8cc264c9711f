// SPDX-License-Identifier: MIT
#pragma once

#include "AlertRun.h"
#include "PipelineOptions.h"
#include "RequestTracker.h"
#include "TimeframeTrack.h"
#include "alerts/AlertBook.h"
#include "analytics/SymbolSummary.h"
#include "model/SymbolMap.h"
#include "model/TradeSignal.h"
#include "signals/RuleEngine.h"
#include "storage/StorageWriter.h"
#include "util/BloomFilter.h"
#include "util/Prefetch.h"
#include "util/WorkerThread.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace Storage {
struct AlertStateWrite;
struct BarRange;
struct SymbolHistory;
class StorageWriter;
class SymbolHistoryReader;
struct CommitGroup;
} // namespace Storage

namespace Trading {
class PaperDesk;
}

namespace Pipeline {

struct PipelineMetrics;
class CommitListener;
class LiveFeed;

/// One worker thread and the symbols hashed to it. The thread owns their
/// indicator and rule state outright, so none of it needs a lock; records
/// of a symbol are processed in the order they were submitted.
class Shard final
{
public:
    using Publish = std::function<void(std::vector<Model::TradeSignal> &signals)>;

    Shard(int index, const PipelineOptions &options, Storage::StorageWriter &writer, PipelineMetrics &metrics,
          Publish publish, LiveFeed *feed);
    ~Shard();
    Shard(const Shard &) = delete;
    Shard &operator=(const Shard &) = delete;

    /// Room for `count` records in the queue, or false when full.
    bool reserve(std::size_t count);
    void unreserve(std::size_t count);
    /// Queues reserved records. On a thread that may (Util::callerRuns(): the HTTP I/O threads) they are
    /// processed right here instead when the shard is idle (nothing queued, nobody processing) and the writer
    /// has room, so the request does not wait for the shard's thread to wake.
    /// `group`: the other shards' parts of the same request, committed in one transaction with this one.
    /// `alsoWrite`: more to write in the transaction that commits the records.
    void push(Model::RecordBatch &&records, qint64 receivedNs, PartAnswer answer,
              std::shared_ptr<Storage::CommitGroup> group = {}, Storage::WriteJob::Write alsoWrite = {});
    /// Before start(): who hears about each commit (may be null).
    void setCommitListener(CommitListener *listener) noexcept { m_listener = listener; }
    /// Before start(): history of one symbol (Pipeline::warmStart reads it); moves its bars, indicators and
    /// rules on silently, and its latest stored signal becomes its summary's last signal.
    void warm(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol);
    /// Before start(): the alerts to evaluate (may be null: none).
    void setAlertBook(const Alerts::AlertBook *book) noexcept { m_alertBook = book; }
    void setPaperDesk(Trading::PaperDesk *desk) noexcept { m_paperDesk = desk; }
    /// Before start(): where symbols that left memory are read back from.
    void setDatabasePath(const QString &path) { m_options.databasePath = path; }
    /// The symbols it holds at most (its share of the cap).
    std::size_t capacity() const noexcept { return m_maxSymbols; }
    /// Before start(): a stored symbol not warmed now, to be read back when it trades.
    void rememberEvicted(const Model::Symbol &symbol) { m_evictedNames.add(symbol.view()); }

    /// Reads the state of these symbols (those in memory) again from the database, in turn with the records
    /// queued before: history was merged into theirs.
    void rewarm(std::vector<Model::Symbol> symbols);
    /// Counts signals raised elsewhere (another node's, stored here) in their symbols' summaries, in turn.
    void countSignals(std::vector<Model::TradeSignal> signals);

    void start();
    /// Processes and hands on everything queued, then joins the thread.
    void stop();

    std::size_t depth() const;
    /// Symbols whose state is in memory, and how many left it so far.
    std::size_t symbolCount() const noexcept { return m_symbolCount.load(); }
    std::uint64_t evictions() const noexcept { return m_evictions.load(); }
    void collectSummaries(Analytics::SummaryList &out) const;
    std::optional<Analytics::SymbolSummary> summary(const Model::Symbol &symbol) const;

private:
    /// On a line of its own, and each part a record reads begins a line (prefetch() asks for those).
    struct alignas(64) SymbolState
    {
        SymbolState(const PipelineOptions &o, const Bars::Session &session)
            : track(o.rules.timeframe, session, o.indicators)
            , rules(o.rules)
        {
            // The rules read closed bars; the summary's RSI, the chart and the stream read the forming bar's
            // values once a record, when they ask.
            track.setLazyForming(true);
        }
        /// Brings the lines every record reads and writes towards the cache, ahead of it: the summary's and
        /// the published copy's price figures, the fields below the summary, the forming bar and the RSI,
        /// about nine lines. The signal figures when a signal comes, the rest of the track's indicators when a
        /// bar closes or a chart asks, the alerts only on a symbol that has some, the rules when a bar closes.
        void prefetch() const noexcept
        {
            // The state, its published copy and its track begin lines; the fields after the summary share the
            // line the summary ends in.
            static_assert(sizeof(Analytics::PriceFigures) == 2 * 64);
            Util::prefetchLines(&summary, 2);
            Util::prefetchLines(&alertsVersion, 1);
            Util::prefetchLines(&published, 2);
            track.prefetch();
        }

        Analytics::SymbolSummary summary;
        bool rulesPending = false; ///< stored history whose bars for the rules are still to be read
        bool hasAlerts = false;    ///< !alerts.empty(), read here with the rest
        std::uint64_t used = 0;    ///< m_useClock at its latest update: the larger, the more recent
        qint64 lastUsedNs = 0;
        quint64 alertsVersion = 0; ///< alerts.version(), read here with the rest
        /// The copy other threads read, under m_summaryMutex; its symbol is empty until first published.
        alignas(64) Analytics::SymbolSummary published;
        alignas(64) TimeframeTrack track; ///< the rules' timeframe
        AlertSet alerts;                  ///< the alerts on the symbol, as of the catalog of alertsVersion
        Signals::RuleEngine rules;
    };
    struct Message
    {
        Model::RecordBatch records;
        qint64 receivedNs = 0;
        PartAnswer answer; ///< told of the commit of records (unused by the other kinds of message)
        std::shared_ptr<Storage::CommitGroup> group;
        std::vector<Model::Symbol> rewarm; ///< set: read these symbols again instead
        Storage::WriteJob::Write alsoWrite;
        std::vector<Model::TradeSignal> counted; ///< set: count these in their symbols' summaries instead
    };

    /// Queues a message that carries no records (a rewarm, signals to count) behind the records before it.
    void enqueue(Message &&message);
    /// The symbol's state, made when it is new; `readBack`: one that left memory is read back from the database.
    SymbolState &stateOf(const Model::Symbol &symbol, bool readBack = true);
    /// Brings the states of the records after `at` towards the cache, while the record at `at` is processed.
    void prefetchState(const Model::RecordBatch &records, std::size_t at) const;
    /// What a symbol's state is warmed from: its latest records, bars of the rules' timeframe, last signal.
    /// `ruleBars`: with the bars of the rules' timeframe (rebuilt from records: milliseconds a symbol).
    Storage::SymbolHistory readHistory(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol,
                                       bool ruleBars);
    /// A symbol's latest stored bars of a timeframe (the rules', an alert's), as many as warming takes.
    Storage::BarRange readRecentBars(Storage::SymbolHistoryReader &reader, const Model::Symbol &symbol,
                                     const Bars::Timeframe &timeframe);
    /// The rules' bars of a symbol warmed at a start without them, read as it first trades.
    void warmRules(SymbolState &state);
    /// The reader of the database symbols are warmed from, opened at first use; null without one.
    Storage::SymbolHistoryReader *historyReader();
    /// Feeds stored history into a symbol's state silently (a start, or a symbol back after eviction).
    void warmState(SymbolState &state, const Storage::SymbolHistory &history);
    /// Runs the rules on a bar of their timeframe that closed.
    void ruleBar(SymbolState &state, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &snapshot,
                 std::vector<Model::TradeSignal> &signals);
    /// Closes the rules' bars whose end passed a while ago on symbols that went quiet; commits any signal.
    void closeDueBars();
    /// The symbol's alerts as the catalog has them: new ones warmed from its stored bars, the others kept.
    void syncAlerts(SymbolState &state, const Alerts::AlertBook::Catalog &catalog);
    /// Turns what alerts fired into signals, and their new states into rows to store with them.
    void takeFires(SymbolState &state, std::vector<AlertSet::Fired> &fired, std::vector<Model::TradeSignal> &signals,
                   std::vector<Storage::AlertStateWrite> &states);
    /// Drops the least recently updated symbols past the cap and those idle too long.
    void trim(bool idleToo);
    /// Drops the least recently updated symbol; false when there is none.
    bool evictOldest();
    void evict(const Model::Symbol &symbol);
    /// Forgets a symbol's state (read back from the database when it comes again); false when it had none.
    bool dropState(const Model::Symbol &symbol);
    void run();
    /// On a caller's thread that found the shard idle (m_busy set for it): processes `message` and lets go,
    /// waking the shard's thread for whatever was queued meanwhile.
    void processHere(Message &&message);
    void process(Message &message);
    /// Publishes the states' summaries: the copies other threads read.
    void publishSummaries(std::span<SymbolState *const> states);
    /// A new state for `symbol`, not yet in m_symbols; `fromDatabase`: carried on from its stored history.
    std::unique_ptr<SymbolState> makeState(const Model::Symbol &symbol, bool fromDatabase);

    int m_index;
    PipelineOptions m_options;
    Bars::Session m_session;
    QString m_ruleTimeframe; ///< its name, which each signal records
    Storage::StorageWriter &m_writer;
    PipelineMetrics &m_metrics;
    Publish m_publish;
    LiveFeed *m_feed; ///< may be null: nobody watches
    CommitListener *m_listener = nullptr;
    const Alerts::AlertBook *m_alertBook = nullptr;
    Trading::PaperDesk *m_paperDesk = nullptr; ///< shown the records of symbols with working orders
    /// The states belong to whoever processes; other threads read their published summaries, under
    /// m_summaryMutex, which every insertion and removal of a symbol holds too.
    Model::SymbolMap<std::unique_ptr<SymbolState>> m_symbols;
    /// A symbol's update stamps its state from this clock. Where a list in order of use moved an element on
    /// every record (three cache misses a record at thousands of symbols), eviction picks the oldest stamps
    /// when it needs them: a sixteenth of the symbols at once, so that a flood past the cap scans rarely.
    std::uint64_t m_useClock = 0;
    struct UseStamp
    {
        std::uint64_t used;
        Model::Symbol symbol;
    };
    std::vector<UseStamp> m_oldest;   ///< the oldest stamps when last picked, the oldest last; stale ones skipped
    std::size_t m_maxSymbols;         ///< this shard's share of the cap
    Util::BloomFilter m_evictedNames; ///< symbols that may have left memory: read back when they return
    std::unique_ptr<Storage::SymbolHistoryReader> m_history; ///< opened at the first return
    qint64 m_lastIdleSweepNs = 0;
    qint64 m_lastCloseSweepNs = 0;
    qint64 m_nowNs = 0; ///< monotonic time of the message being processed
    std::atomic<std::uint64_t> m_evictions{0};
    std::atomic<std::size_t> m_symbolCount{0}; ///< m_symbols.size(), for other threads

    std::vector<Message> m_queue;
    std::size_t m_reserved = 0;
    /// Someone processes: the shard's thread or a caller (processHere). The symbols' state belongs to whoever
    /// set it; records pushed meanwhile queue and are taken in order once it is clear, so a symbol's keep theirs.
    bool m_busy = false;
    /// process(): the states a message changed (the busy one's, its memory kept from one message to the next).
    std::vector<SymbolState *> m_touched;
    Util::WorkerThread m_worker;

    mutable std::mutex m_summaryMutex;
};

} // namespace Pipeline
