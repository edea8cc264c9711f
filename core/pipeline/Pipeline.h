// SPDX-License-Identifier: MIT
#pragma once

#include "PipelineMetrics.h"
#include "PipelineOptions.h"
#include "analytics/SymbolSummary.h"
#include "ingest/RecordSink.h"
#include "model/TradeSignal.h"
#include "storage/StorageWriter.h"
#include "util/Result.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace Storage {
class StorageWriter;
}

namespace Alerts {
class AlertBook;
}

namespace Trading {
class PaperDesk;
}

namespace Pipeline {

class CommitListener;
class LiveFeed;
class Shard;

/// The engine: validated records go to symbol-sharded workers that compute
/// indicators and signals, then to the storage writer with those signals in
/// the same transaction. A request is acknowledged, and its signals are
/// published, only after that transaction committed.
class Pipeline final : public QObject, public Ingest::RecordSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pipeline)

public:
    /// With a `feed`, processed bars and events are also left there for the window.
    Pipeline(const PipelineOptions &options, Storage::StorageWriter &writer, LiveFeed *feed = nullptr,
             QObject *parent = nullptr);
    ~Pipeline() override;

    /// Reads each symbol's latest bars back from the database, so indicators
    /// and rules carry on where they were. Call before start().
    Util::Status warmStart(const QString &databasePath);
    /// Before start(): who hears about every commit (processed ticks and signals).
    void setCommitListener(CommitListener *listener);
    /// Before start(): the trader's alerts, evaluated on every record of their symbols (may be null).
    void setAlertBook(const Alerts::AlertBook *book);
    /// Paper orders fill against the records (null: no paper trading).
    void setPaperDesk(Trading::PaperDesk *desk);
    void start();
    /// Processes what is queued and hands it to the writer; call before stopping the writer.
    void stop();

    Submit submit(Model::RecordBatch &&records, qint64 receivedNs, Done done) override;
    /// The same, and `alsoWrite` runs once in the transaction that commits the records (how far a queue they
    /// came from was applied, say), so both are kept or neither.
    Submit submit(Model::RecordBatch &&records, qint64 receivedNs, Done done, Storage::WriteJob::Write alsoWrite);
    /// Signals and paper fills made elsewhere (other nodes', from NATS): stored, with `alsoWrite` in the same
    /// transaction, then the signals published like the engine's own and the fills booked to the paper account;
    /// `done` is told after the commit (empty error) or the rollback. Saturated while the writer's queue is full.
    Submit storeElsewhere(std::vector<Model::TradeSignal> &&signals, std::vector<Trading::Fill> &&fills,
                          Storage::WriteJob::Write alsoWrite, Done done);
    /// History was merged into these symbols' stored records (a refresh): their indicators, rules and summary
    /// are read again from the database, after the records already queued.
    void rewarm(const std::vector<Model::Symbol> &symbols);

    int shardCount() const noexcept { return int(m_shards.size()); }
    static int shardOf(const Model::Symbol &symbol, int shards) noexcept;
    std::vector<std::size_t> queueDepths() const;
    Analytics::SummaryList summaries() const;
    std::optional<Analytics::SymbolSummary> summary(const Model::Symbol &symbol) const;
    const PipelineMetrics &metrics() const noexcept { return m_metrics; }
    const PipelineOptions &options() const noexcept { return m_options; }
    int warmedSymbols() const noexcept { return m_warmedSymbols; }
    /// Symbols whose state is in memory now (at most PipelineOptions::maxSymbols), and how many left it so far.
    std::size_t activeSymbols() const;
    std::uint64_t evictedSymbols() const;

Q_SIGNALS:
    /// Stored signals, in commit order; emitted on the storage writer's thread,
    /// so receivers in other threads get them queued.
    void signalsPublished(const Model::SignalList &signals);

private:
    void publish(std::vector<Model::TradeSignal> &signals);

    PipelineOptions m_options;
    Storage::StorageWriter &m_writer;
    Trading::PaperDesk *m_paperDesk = nullptr;
    PipelineMetrics m_metrics;
    std::vector<std::unique_ptr<Shard>> m_shards;
    int m_warmedSymbols = 0;
};

} // namespace Pipeline
