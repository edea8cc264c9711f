// SPDX-License-Identifier: MIT
#pragma once

#include "PipelineOptions.h"
#include "RequestTracker.h"
#include "analytics/SymbolSummary.h"
#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"
#include "signals/RuleEngine.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace Storage {
class StorageWriter;
struct CommitGroup;
} // namespace Storage

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
    /// Queues reserved records.
    /// `group`: the other shards' parts of the same request, committed in one transaction with this one.
    void push(Model::RecordBatch &&records, qint64 receivedNs, std::shared_ptr<RequestTracker> tracker,
              std::shared_ptr<Storage::CommitGroup> group = {});
    /// Before start(): who hears about each commit (may be null).
    void setCommitListener(CommitListener *listener) noexcept { m_listener = listener; }
    /// Before start(): history of one symbol, oldest first; moves its indicators and rules on silently.
    /// `lastSignal`, the symbol's latest stored signal, becomes its summary's last signal.
    void warm(const std::vector<Model::Tick> &bars, const std::optional<Model::TradeSignal> &lastSignal = {});

    void start();
    /// Processes and hands on everything queued, then joins the thread.
    void stop();

    std::size_t depth() const;
    void collectSummaries(Analytics::SummaryList &out) const;
    std::optional<Analytics::SymbolSummary> summary(const Model::Symbol &symbol) const;

private:
    struct SymbolState
    {
        explicit SymbolState(const PipelineOptions &o)
            : indicators(o.indicators)
            , rules(o.rules)
        {}
        Indicators::IndicatorSet indicators;
        Signals::RuleEngine rules;
        Analytics::SymbolSummary summary;
    };
    struct Message
    {
        Model::RecordBatch records;
        qint64 receivedNs = 0;
        std::shared_ptr<RequestTracker> tracker;
        std::shared_ptr<Storage::CommitGroup> group;
    };

    SymbolState &stateOf(const Model::Symbol &symbol);
    void run();
    void process(Message &message);
    void publishSummaries(const std::vector<SymbolState *> &touched);

    int m_index;
    PipelineOptions m_options;
    Storage::StorageWriter &m_writer;
    PipelineMetrics &m_metrics;
    Publish m_publish;
    LiveFeed *m_feed; ///< may be null: nobody watches
    CommitListener *m_listener = nullptr;
    std::unordered_map<Model::Symbol, std::unique_ptr<SymbolState>> m_symbols; ///< the thread's own

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Message> m_queue;
    std::size_t m_reserved = 0;
    bool m_stopping = false;
    std::thread m_thread;

    mutable std::mutex m_summaryMutex;
    std::unordered_map<Model::Symbol, Analytics::SymbolSummary> m_summaries; ///< copies for other threads
};

} // namespace Pipeline
