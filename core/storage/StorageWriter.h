// SPDX-License-Identifier: MIT
#pragma once

#include "DatabaseLock.h"
#include "alerts/AlertEvaluator.h"
#include "bars/BarBuilder.h"
#include "ingest/RecordSink.h"
#include "model/TradeSignal.h"
#include "trading/Account.h"
#include "util/LatencyHistogram.h"
#include "util/Result.h"
#include "util/WorkerThread.h"

#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Util {
class Feeders;
}

namespace Storage {

class BarStore;
class Checkpointer;
class HistoryWriter;
class SignalIndex;
class SqliteDatabase;

struct WriterOptions
{
    QString path;
    /// false: a commit survives a crash of the process (WAL, synchronous=NORMAL).
    /// true: it also survives a power cut (synchronous=FULL, one fsync per group commit).
    bool fullSync = false;
    /// Records queued or being written; past this, submit() answers Saturated.
    std::size_t queueCapacity = 256 * 1024;
    /// Upper bound of one transaction, so a long queue is committed in steps.
    std::size_t maxRecordsPerCommit = 64 * 1024;
    /// Rows of the bar log that make it full (or a sixteenth of them in one bucket): it is then moved into the
    /// symbol-ordered blocks (BarStore), a bucket at a time, so at most a sixteenth is sorted in memory.
    std::size_t logMergeRows = 1024 * 1024;
    /// The session's time zone (IANA name; empty: UTC): where the kept day and week bars begin.
    QString sessionTimeZone = {};
    /// Symbols whose kept-bar builders stay in memory (as the engine's --max-symbols).
    std::size_t maxSymbols = 20'000;
    /// Whether closed bars are kept (HistoryWriter); off only to measure what keeping them costs.
    bool keepBars = true;
    /// Under a stream of small requests (the last commit held at least GatherFromJobs jobs and fewer than
    /// GatherRecords records), how long the writer waits for more before it commits what it has. A commit
    /// costs a WAL write, the checkpoint's copy and the wake-ups whatever its size: fewer, larger commits leave
    /// the cores to the requests. A lone request is never held. 0: commit at once, always.
    std::chrono::microseconds gatherTime{100};
    static constexpr std::size_t GatherFromJobs = 4;
    static constexpr std::size_t GatherRecords = 256;
    /// Under a steady stream, how long the writer watches for the next job after a commit before it sleeps:
    /// it does so only when its last wait for a job was shorter than this, so the next one is likely to come
    /// within it. A thread woken from sleep waits for a core behind the threads running there (on two busy
    /// cores a millisecond and more); one that never slept takes the job at once. 0: always sleep.
    std::chrono::microseconds pollTime{50};
};

struct WriterStats
{
    std::atomic<std::uint64_t> stored{0};
    std::atomic<std::uint64_t> commits{0};
    std::atomic<std::uint64_t> failedCommits{0};
    std::array<std::atomic<std::uint64_t>, Model::RecordKindCount> storedByKind{};
    std::atomic<std::uint64_t> storedSignals{0};
    /// Of `stored`, the records history refreshes brought (not the feed's).
    std::atomic<std::uint64_t> storedHistory{0};
    /// The records the feed brought: what a rate of records a second is made of.
    std::uint64_t storedFromFeed() const noexcept
    {
        const std::uint64_t history = storedHistory.load(); // first: see the writer's order
        return stored.load() - history;
    }
    /// Bars in a full log still to be moved into the symbol-ordered table.
    std::atomic<std::uint64_t> barsToMerge{0};
    /// Closed bars kept (HistoryWriter).
    std::atomic<std::uint64_t> keptBars{0};
    /// 1 while older records wait to be brought into kept bars.
    std::atomic<std::uint64_t> backfillPending{0};
    Util::LatencyHistogram receiveToStored; ///< from the request's arrival to its commit
    /// Times the writer watched for the next job instead of sleeping (WriterOptions::pollTime), and of those
    /// the times one came before the watch ran out.
    std::atomic<std::uint64_t> polls{0};
    std::atomic<std::uint64_t> pollsAnswered{0};
};

/// Jobs that must be committed in one transaction: the parts of one ingest request that the
/// pipeline's shards process separately. None is written until all have been submitted; then all
/// go into the same transaction, whatever its size, so a request is stored whole or not at all.
struct CommitGroup
{
    explicit CommitGroup(int count)
        : parts(count)
    {}
    const int parts;
    int queued = 0;         ///< guarded by the writer's queue lock
    std::size_t weight = 0; ///< records and signals of the parts queued so far
};

/// An alert's state for a symbol after a fire or a change of status, stored with the fire.
struct AlertStateWrite
{
    qint64 alertId = 0;
    QString symbol;
    Alerts::State state;
};

/// A source's bar to put in place of a kept bar (History::Refresh, where the trader allows corrections).
struct KeptCorrection
{
    Model::Symbol symbol;
    std::size_t keptIndex = 0; ///< of History::kept()
    Bars::Bar bar;
};

/// What a write of history fetched from a source brings besides its records.
struct HistoryFill
{
    std::vector<KeptCorrection> corrections;
    /// Set by the writer before `done`: the corrections that found their kept bar and replaced it.
    int corrected = 0;
};

/// Records and the signals they raised, written in one transaction.
struct WriteJob
{
    std::shared_ptr<CommitGroup> group; ///< null: a request of its own
    Model::RecordBatch records;
    std::vector<Model::TradeSignal> signals;
    std::vector<AlertStateWrite> alertStates; ///< of the alerts that fired or changed status
    std::vector<Trading::Order> paperOrders;  ///< placed, or their status changed
    std::vector<Trading::Fill> paperFills;    ///< stored as trades
    using Write = std::function<Util::Status(SqliteDatabase &)>;
    Write write; ///< more to write in the same transaction, first
    /// Set: the records are history fetched from a source. They go in a transaction of their own, are placed by
    /// time rather than arrival (history_backfills), and the kept bars over their span are built again.
    std::shared_ptr<HistoryFill> history;
    qint64 receivedNs = 0;
    /// Called on the writer thread after the commit (empty error) or the
    /// rollback; the signals then carry their row ids.
    std::function<void(const QString &error, std::vector<Model::TradeSignal> &signals)> done;
};

/// The one thread that writes to the database. Submitted batches queue up
/// while a transaction commits and go into the next one together (group
/// commit); each submitter is told after the transaction holding its records
/// has committed.
class StorageWriter final : public Ingest::RecordSink
{
public:
    static Util::Result<std::unique_ptr<StorageWriter>> open(WriterOptions options);
    ~StorageWriter() override;
    StorageWriter(const StorageWriter &) = delete;
    StorageWriter &operator=(const StorageWriter &) = delete;

    Submit submit(Model::RecordBatch &&records, qint64 receivedNs, Done done) override;
    /// Never blocks: Saturated when the queue is full.
    Submit submit(WriteJob &&job);
    /// Waits while the queue is full (for the pipeline's own threads); Closed once stopping.
    Submit submitWaiting(WriteJob &&job);

    /// Refuses new batches, commits every queued one, then joins the thread and lets the database go.
    void stop();

    /// Records (not signals) older than `days` are deleted by the writer, a
    /// bounded batch at a time, at start and then every ten minutes. 0: keep all.
    void setRetentionDays(int days);
    /// Runs the retention pass now (for tests and after a settings change).
    void requestRetention();
    /// The threads whose submissions a small commit waits for (see WriterOptions::gatherTime): once all of
    /// them went idle during the wait, none has more to give, and the commit goes at once. Set before they
    /// run; `feeders` outlives this writer's thread.
    void setFeeders(Util::Feeders *feeders);
    std::uint64_t deletedByRetention() const noexcept { return m_deleted.load(); }
    /// Checkpoints that copied pages back into the database file.
    std::uint64_t checkpoints() const;
    /// Of those, the passes the writer finished itself, after which the log starts again.
    std::uint64_t writerPasses() const;

    const WriterStats &stats() const noexcept { return m_stats; }
    /// Records queued or in the transaction being written, as of the last change (read without a lock).
    std::size_t queuedRecords() const;
    /// Records the queue takes before submit() answers Saturated.
    std::size_t capacity() const noexcept { return m_options.queueCapacity; }
    const QString &path() const noexcept { return m_options.path; }

private:
    struct Statements;
    Submit enqueue(WriteJob &&job, bool wait);

    StorageWriter(DatabaseLock lock, WriterOptions options, std::unique_ptr<SqliteDatabase> db,
                  std::unique_ptr<Statements> statements, std::unique_ptr<BarStore> bars,
                  std::unique_ptr<HistoryWriter> history, std::unique_ptr<SignalIndex> signalIndex,
                  std::unique_ptr<Checkpointer> checkpointer);
    void run();
    /// Under the lock: whether a job can be written now (its group, if any, is complete).
    static bool ready(const WriteJob &job) { return !job.group || job.group->queued == job.group->parts; }
    bool anyReady() const;
    /// Under the lock: records enough to commit without waiting for more.
    bool gathered() const;
    /// Under the lock: whether to wait for more jobs before the next commit (see WriterOptions::gatherTime).
    bool shouldGather() const;
    /// Under the lock: moves the next transaction's jobs out of the queue into `batch`.
    void takeBatch(std::vector<WriteJob> &batch);
    QString write(std::vector<WriteJob> &jobs);
    /// The writer's thread, after a commit whose wait for its job was shorter than WriterOptions::pollTime (never
    /// when it is 0): watches for a job to become ready for at most that long, without the lock or sleeping.
    void pollForJob();
    /// A transaction of merge work only, while no request waits.
    void mergeWhileIdle();
    /// A transaction bringing older records into kept bars, while no request waits.
    void backfillWhileIdle();
    /// Runs a statement of a string literal, prepared at its first use.
    QString runKept(const char *sql);
    QString finish(const QString &error);
    /// Keeps the sequence numbers of a transaction of history from a source (history_backfills).
    QString noteBackfill(std::int64_t firstSeq, std::int64_t lastSeq);
    QString applyCorrections(HistoryFill &fill);
    void applyRetention();
    static std::size_t weight(const WriteJob &job) { return job.records.size() + job.signals.size(); }

    DatabaseLock m_lock; ///< until stop()
    WriterOptions m_options;
    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<BarStore> m_bars;
    std::unique_ptr<HistoryWriter> m_history;
    std::unique_ptr<SignalIndex> m_signalIndex;
    std::vector<const Model::Tick *> m_sortedTicks; ///< the writer thread's, reused by every commit
    std::unique_ptr<Checkpointer> m_checkpointer;
    WriterStats m_stats;

    std::condition_variable m_space;
    std::vector<WriteJob> m_queue;
    std::vector<WriteJob> m_kept; ///< takeBatch()'s jobs left queued, swapped with m_queue: both keep their capacity
    /// Records queued or in the transaction being written. Changed under the writer's mutex; atomic so that
    /// queuedRecords() reads it without: the HTTP I/O threads ask with every request, for a figure that only
    /// tells whether there is room.
    std::atomic<std::size_t> m_inFlight{0};
    bool m_retentionDue = true;
    bool m_gathering = false; ///< the writer waits for more jobs: submitting wakes it only once they are enough
    Util::Feeders *m_feeders = nullptr;
    std::uint64_t m_answeredAt = 0; ///< the feeders' idle rounds as the last commit was answered
    std::size_t m_lastJobs = 0;     ///< jobs of the last commit (the writer's thread only)
    std::size_t m_lastRecords = 0;  ///< and its records
    /// Jobs that became ready to write, counted under the mutex; the writer watches it without (pollForJob).
    std::atomic<std::uint64_t> m_readyJobs{0};
    std::uint64_t m_readySeen = 0; ///< m_readyJobs as the last batch was taken (the writer's thread only)
    bool m_pollNext = false;       ///< the last wait for a job was short: watch for the next (the writer's thread)
    std::atomic<int> m_retentionDays{0};
    std::atomic<std::uint64_t> m_deleted{0};
    Util::WorkerThread m_worker;
};

/// `QStandardPaths::AppDataLocation/tickdesk.sqlite`, creating the folder.
QString defaultDatabasePath();

} // namespace Storage
