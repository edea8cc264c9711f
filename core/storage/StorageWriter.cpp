// SPDX-License-Identifier: MIT
#include "StorageWriter.h"
#include "util/Clock.h"
#include "util/DeferredWakes.h"
#include "util/Feeders.h"

#include "AlertStore.h"
#include "BarStore.h"
#include "Checkpointer.h"
#include "HistoryWriter.h"
#include "Schema.h"
#include "SignalIndex.h"
#include "SqliteDatabase.h"
#include "TradeStore.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStorage, "tickdesk.storage")

namespace Storage {

namespace {

/// Tells the core this thread spins (on x86 `pause`): a sibling hardware thread gets its pipeline meanwhile.
void relax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string_view sideText(Model::OrderSide side)
{
    return side == Model::OrderSide::Buy ? std::string_view("buy") : std::string_view("sell");
}

/// WAL length (pages of 4 KiB) that starts a checkpoint on the checkpointer thread.
constexpr int CheckpointPages = 4096;
/// The log is truncated to this when it starts again. The log starts again once it is WriterPassAt times
/// CheckpointPages long, give or take the transaction that took it there: a limit under that length had
/// every cycle cut the file and grow it again, its new pages allocated and zeroed by the file system.
constexpr qint64 LogSizeLimit = qint64(Checkpointer::WriterPassAt + 1) * CheckpointPages * (4096 + 24) + 32;
/// Rows of a frozen bar log moved per commit at least, and per transaction of its own while idle.
constexpr std::size_t MergeSlice = 1024;
constexpr std::size_t IdleMergeSlice = 16 * 1024;

QString insertSignal(SqliteDatabase &db, Statement &st, Model::TradeSignal &signal, qint64 createdUs, qint64 latencyNs)
{
    const QByteArray rule = signal.ruleName().toUtf8();
    const QByteArray reason = signal.reason.toUtf8();
    const QByteArray timeframe = signal.timeframe.toUtf8();
    st.bindText(1, signal.symbol.view());
    st.bind(2, std::int64_t(signal.timestamp));
    st.bind(3, std::int64_t(createdUs));
    st.bindText(4, std::string_view(rule.constData(), std::size_t(rule.size())));
    st.bindText(5, Model::sideName(signal.side));
    st.bind(6, signal.price);
    st.bindText(7, std::string_view(reason.constData(), std::size_t(reason.size())));
    st.bindText(8, std::string_view(signal.snapshot.constData(), std::size_t(signal.snapshot.size())));
    if (latencyNs >= 0)
        st.bind(9, std::int64_t(latencyNs));
    else
        st.bindNull(9);
    st.bindText(10, std::string_view(timeframe.constData(), std::size_t(timeframe.size())));
    if (QString error = db.run(st); !error.isEmpty())
        return error;
    signal.id = sqlite3_last_insert_rowid(db.handle());
    return {};
}

/// A notification channel, and whether the built-in rules' alerts go to it.
struct Channel
{
    QByteArray name;
    bool alerts = false;
};

QString readChannels(SqliteDatabase &db, Statement &st, std::vector<Channel> &out)
{
    out.clear();
    Step rc{};
    while ((rc = st.step()) == Step::Row)
        out.push_back(Channel{st.columnUtf8(0), st.columnInt64(1) != 0});
    st.reset();
    return rc == Step::Done ? QString() : db.lastError();
}

/// A row in the notification outbox per channel the stored signal goes to, in the signal's transaction, so
/// that nothing stored is ever left untold: every channel takes buy and sell signals and the fires of the
/// trader's own alerts (their snapshot names the alert); the built-in rules' alerts go where asked.
QString queueNotifications(SqliteDatabase &db, Statement &st, const Model::TradeSignal &signal,
                           const std::vector<Channel> &channels, qint64 createdUs)
{
    const bool alert = signal.side == Model::SignalSide::Alert;
    const bool traderAlert = signal.snapshot.startsWith("{\"alert_id\":");
    for (const Channel &channel : channels) {
        if (alert && !channel.alerts && !traderAlert)
            continue;
        st.bind(1, std::int64_t(signal.id));
        st.bindText(2, std::string_view(channel.name.constData(), std::size_t(channel.name.size())));
        st.bind(3, std::int64_t(createdUs));
        if (QString error = db.run(st); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace

struct StorageWriter::Statements
{
    Statement signal;
    Statement channels;
    Statement notification;
    Statement orderBook;
    Statement sentiment;
    Statement marketData;
    Statement economic;
};

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + u"/tickdesk.sqlite"_s;
}

Util::Result<std::unique_ptr<StorageWriter>> StorageWriter::open(WriterOptions options)
{
    using R = Util::Result<std::unique_ptr<StorageWriter>>;
    auto lock = DatabaseLock::take(options.path); // before the schema steps
    if (!lock)
        return R::failure(lock.error());
    auto db = SqliteDatabase::open(options.path);
    if (!db)
        return R::failure(db.error());
    if (auto s = Schema::migrate(**db); !s)
        return R::failure(s.error());
    if (auto s = (*db)->exec(options.fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !s)
        return R::failure(s.error());
    // A larger page cache keeps the hot index pages in memory. The log file keeps its size between
    // checkpoints (reusing its pages is cheaper than growing it again), but not the size one huge
    // transaction, such as a schema step over a large database, gave it.
    if (auto s = (*db)->exec("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY"); !s)
        return R::failure(s.error());
    if (auto s = (*db)->exec(QByteArray("PRAGMA journal_size_limit=" + QByteArray::number(LogSizeLimit)).constData());
        !s)
        return R::failure(s.error());
    auto checkpointer = Checkpointer::open(options.path);
    if (!checkpointer)
        return R::failure(checkpointer.error());
    (*checkpointer)->attach(**db, CheckpointPages);

    auto statements = std::make_unique<Statements>();
    const std::pair<Statement *, const char *> sql[] = {
        {&statements->orderBook,
         "INSERT INTO order_book(symbol, ts_us, side, price, quantity) VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&statements->sentiment, "INSERT INTO news_sentiment(symbol, ts_us, score, magnitude) VALUES (?1, ?2, ?3, ?4)"},
        {&statements->marketData,
         "INSERT INTO market_data(symbol, ts_us, market_cap, pe_ratio) VALUES (?1, ?2, ?3, ?4)"},
        {&statements->economic, "INSERT INTO economic_indicators(name, ts_us, value) VALUES (?1, ?2, ?3)"},
        {&statements->signal, "INSERT INTO signals(symbol, ts_us, created_us, rule, side, price, reason, snapshot, "
                              "latency_ns, timeframe) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&statements->channels, "SELECT name, alerts FROM notification_channels"},
        {&statements->notification, "INSERT INTO notifications(signal_id, channel, created_us) VALUES (?1, ?2, ?3)"},
    };
    for (const auto &[target, text] : sql) {
        auto statement = (*db)->prepare(text);
        if (!statement)
            return R::failure(u"cannot prepare the storage statements: %1"_s.arg(statement.error()));
        *target = std::move(*statement);
    }
    auto bars = BarStore::open(**db, options.logMergeRows);
    if (!bars)
        return R::failure(bars.error());
    auto history = HistoryWriter::open(**db, options.sessionTimeZone, options.maxSymbols);
    if (!history)
        return R::failure(history.error());
    auto signalIndex = SignalIndex::open(**db);
    if (!signalIndex)
        return R::failure(u"cannot read the signal index: %1"_s.arg(signalIndex.error()));
    return std::unique_ptr<StorageWriter>(
        new StorageWriter(std::move(*lock), std::move(options), std::move(*db), std::move(statements), std::move(*bars),
                          std::move(*history), std::move(*signalIndex), std::move(*checkpointer)));
}

StorageWriter::StorageWriter(DatabaseLock lock, WriterOptions options, std::unique_ptr<SqliteDatabase> db,
                             std::unique_ptr<Statements> statements, std::unique_ptr<BarStore> bars,
                             std::unique_ptr<HistoryWriter> history, std::unique_ptr<SignalIndex> signalIndex,
                             std::unique_ptr<Checkpointer> checkpointer)
    : m_lock(std::move(lock))
    , m_options(std::move(options))
    , m_db(std::move(db))
    , m_statements(std::move(statements))
    , m_bars(std::move(bars))
    , m_history(std::move(history))
    , m_signalIndex(std::move(signalIndex))
    , m_checkpointer(std::move(checkpointer))
{
    if (!m_options.keepBars)
        m_history->stopBackfill();
    m_worker.start([this] { run(); });
}

StorageWriter::~StorageWriter()
{
    stop();
    m_statements.reset(); // finalize before the connection closes
    m_bars.reset();
    m_history.reset();
}

std::size_t StorageWriter::queuedRecords() const
{
    return m_inFlight.load(std::memory_order_relaxed);
}

Ingest::RecordSink::Submit StorageWriter::submit(Model::RecordBatch &&records, qint64 receivedNs, Done done)
{
    WriteJob job;
    job.records = std::move(records);
    job.receivedNs = receivedNs;
    job.done = [done = std::move(done)](const QString &error, std::vector<Model::TradeSignal> &) { done(error); };
    const Submit outcome = enqueue(std::move(job), false);
    if (outcome != Submit::Accepted)
        records = std::move(job.records); // refused: left as they were, for a retry
    return outcome;
}

Ingest::RecordSink::Submit StorageWriter::submit(WriteJob &&job)
{
    return enqueue(std::move(job), false);
}

Ingest::RecordSink::Submit StorageWriter::submitWaiting(WriteJob &&job)
{
    return enqueue(std::move(job), true);
}

Ingest::RecordSink::Submit StorageWriter::enqueue(WriteJob &&job, bool wait)
{
    const std::size_t count = weight(job);
    bool wake = false;
    {
        std::unique_lock lock(m_worker.mutex());
        // A job larger than the whole capacity still goes in when nothing else is waiting; so does the rest
        // of a group already begun, which the writer cannot take before it is whole.
        // So does any job while nothing queued can be written: the queue is then parts of groups whose other
        // parts wait behind a shard, and the writer would make no room while this job waited for it (each part
        // took room in its shard's bounded queue first, which bounds them).
        const auto fits = [&] {
            return m_inFlight == 0 || m_inFlight + count <= m_options.queueCapacity ||
                   (job.group && job.group->queued > 0) || (wait && !anyReady());
        };
        if (wait && !fits()) {
            // This thread may hold the writer's wake-up back (a round of an I/O thread): it would wait for
            // room that the sleeping writer never makes.
            m_worker.wake().notify_one();
            m_space.wait(lock, [&] { return m_worker.stopping() || fits(); });
        }
        if (m_worker.stopping())
            return Submit::Closed;
        if (!fits())
            return Submit::Saturated;
        m_inFlight += count;
        if (job.group) {
            ++job.group->queued;
            job.group->weight += count;
        }
        const bool nowReady = ready(job);
        wake = nowReady && !(m_gathering && !gathered()); // the writer sleeps until a job can be written
        m_queue.push_back(std::move(job));
        if (nowReady)
            m_readyJobs.fetch_add(1, std::memory_order_release);
    }
    if (wake) // once for all the jobs an I/O thread submits in one round of its events
        Util::DeferredWakes::wake(
            [](void *writer) { static_cast<StorageWriter *>(writer)->m_worker.wake().notify_one(); }, this);
    return Submit::Accepted;
}

bool StorageWriter::anyReady() const
{
    return std::any_of(m_queue.begin(), m_queue.end(), [](const WriteJob &job) { return ready(job); });
}

bool StorageWriter::gathered() const
{
    return m_inFlight >= std::min(WriterOptions::GatherRecords, std::max<std::size_t>(1, m_options.queueCapacity / 2));
}

bool StorageWriter::shouldGather() const
{
    // Enough records already, or stopping: the wait's own predicate ends it before it begins.
    return m_options.gatherTime.count() > 0 && m_lastJobs >= WriterOptions::GatherFromJobs &&
           m_lastRecords < WriterOptions::GatherRecords;
}

void StorageWriter::takeBatch(std::vector<WriteJob> &batch)
{
    // Whole units in queue order up to the per-commit bound (a group counts as one unit, whatever its size);
    // parts of groups not yet whole stay queued, in order.
    std::size_t records = 0;
    std::vector<const CommitGroup *> chosen;
    bool full = false;
    m_kept.clear();
    for (WriteJob &job : m_queue) {
        bool take = false;
        if (!ready(job)) {
            take = false;
        } else if (job.group && std::find(chosen.begin(), chosen.end(), job.group.get()) != chosen.end()) {
            take = true;
        } else if (!full && (job.history || (!batch.empty() && batch.front().history))) {
            // History from a source goes alone: its transaction's sequence numbers are all its own.
            take = batch.empty();
            full = true;
        } else if (!full) {
            const std::size_t unit = job.group ? job.group->weight : weight(job);
            if (batch.empty() || records + unit <= m_options.maxRecordsPerCommit) {
                take = true;
                records += unit;
                if (job.group)
                    chosen.push_back(job.group.get());
            } else {
                full = true;
            }
        }
        if (take)
            batch.push_back(std::move(job));
        else
            m_kept.push_back(std::move(job));
    }
    m_queue.swap(m_kept);
    m_kept.clear(); // the moved-from jobs
}

void StorageWriter::stop()
{
    m_worker.stop([this] { m_space.notify_all(); });
    if (m_checkpointer)
        m_checkpointer->stop();
    m_lock = DatabaseLock(); // nothing more is written: another process may take the database
}

std::uint64_t StorageWriter::checkpoints() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

std::uint64_t StorageWriter::writerPasses() const
{
    return m_checkpointer ? m_checkpointer->writerPasses() : 0;
}

void StorageWriter::setRetentionDays(int days)
{
    m_retentionDays.store(std::max(0, days));
}

void StorageWriter::setFeeders(Util::Feeders *feeders)
{
    {
        std::lock_guard lock(m_worker.mutex());
        m_feeders = feeders;
    }
    if (!feeders)
        return;
    feeders->setListener(
        [](void *target) {
            auto *writer = static_cast<StorageWriter *>(target);
            bool gathering = false;
            {
                std::lock_guard lock(writer->m_worker.mutex());
                gathering = writer->m_gathering;
            }
            if (gathering)
                writer->m_worker.wake().notify_one();
        },
        this);
}

void StorageWriter::pollForJob()
{
    const qint64 until = Util::monotonicNs() + std::chrono::nanoseconds(m_options.pollTime).count();
    bool answered = false;
    do {
        answered = m_readyJobs.load(std::memory_order_acquire) != m_readySeen;
        for (int i = 0; i < 16 && !answered; ++i)
            relax();
    } while (!answered && Util::monotonicNs() < until);
    // Counted as the watch ends: a reader that sees it counted sees it over.
    if (answered)
        m_stats.pollsAnswered.fetch_add(1, std::memory_order_relaxed);
    m_stats.polls.fetch_add(1, std::memory_order_release);
}

void StorageWriter::requestRetention()
{
    {
        std::lock_guard lock(m_worker.mutex());
        m_retentionDue = true;
    }
    m_worker.wake().notify_one();
}

void StorageWriter::applyRetention()
{
    const int days = m_retentionDays.load();
    if (days <= 0)
        return;
    const qint64 cutoff = (QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000) * 1000;
    std::uint64_t deleted = 0;
    // Records go only where their bars are kept: kept bars outlive them.
    if (const QString error = m_bars->deleteOlderThan(cutoff, m_history->zone(), deleted); !error.isEmpty())
        qCWarning(lcStorage) << "retention:" << error;
    m_deleted.fetch_add(deleted, std::memory_order_relaxed);
    for (const char *sql :
         {"DELETE FROM order_book WHERE id IN (SELECT id FROM order_book WHERE ts_us < ?1 ORDER BY id LIMIT 50000)",
          "DELETE FROM news_sentiment WHERE id IN (SELECT id FROM news_sentiment WHERE ts_us < ?1 ORDER BY id "
          "LIMIT 50000)",
          "DELETE FROM market_data WHERE id IN (SELECT id FROM market_data WHERE ts_us < ?1 ORDER BY id LIMIT 50000)",
          "DELETE FROM economic_indicators WHERE id IN (SELECT id FROM economic_indicators WHERE ts_us < ?1 ORDER "
          "BY id LIMIT 50000)"}) {
        auto statement = m_db->prepare(sql);
        if (!statement) {
            qCWarning(lcStorage) << "retention:" << statement.error();
            continue;
        }
        statement->bind(1, std::int64_t(cutoff));
        if (statement->step() == Step::Done)
            m_deleted.fetch_add(std::uint64_t(sqlite3_changes(m_db->handle())), std::memory_order_relaxed);
        else
            qCWarning(lcStorage) << "retention:" << m_db->lastError();
    }
}

void StorageWriter::run()
{
    pthread_setname_np(pthread_self(), "storage-writer");
    std::vector<WriteJob> batch;
    constexpr auto RetentionInterval = std::chrono::minutes(10);
    auto nextRetention = std::chrono::steady_clock::now();
    qint64 answeredNs = 0; // as the last commit's answers were given
    for (;;) {
        if (std::exchange(m_pollNext, false))
            pollForJob();
        bool retention = false;
        qint64 waited = 0; // from the last answers until a job was ready, or something else to do
        {
            std::unique_lock lock(m_worker.mutex());
            m_worker.wake().wait_until(lock, nextRetention, [this] {
                return m_worker.stopping() || anyReady() || m_retentionDue || m_bars->mergePending() ||
                       m_history->backfillPending();
            });
            waited = Util::monotonicNs() - answeredNs;
            if (m_retentionDue || std::chrono::steady_clock::now() >= nextRetention) {
                retention = true;
                m_retentionDue = false;
                nextRetention = std::chrono::steady_clock::now() + RetentionInterval;
            }
        }
        if (retention)
            applyRetention(); // between transactions, on the one connection that writes
        {
            std::unique_lock lock(m_worker.mutex());
            if (!anyReady() && !m_worker.stopping() && m_bars->mergePending()) {
                lock.unlock();
                mergeWhileIdle();
                continue;
            }
            if (!anyReady() && !m_worker.stopping() && m_history->backfillPending()) {
                lock.unlock();
                backfillWhileIdle();
                continue;
            }
            if (!anyReady()) {
                if (!m_worker.stopping())
                    continue;
                // Stopping: parts of requests that never became whole are not written (their request has
                // been told of the part that failed); they are answered so that nothing waits for them.
                std::vector<WriteJob> orphans;
                orphans.swap(m_queue);
                m_inFlight = 0;
                lock.unlock();
                for (WriteJob &job : orphans)
                    if (job.done)
                        job.done(u"storage is shutting down"_s, job.signals);
                return; // everything whole is written
            }
            if (shouldGather()) {
                // The last commit held several small jobs: more are on their way. Submitting does not wake
                // this wait until they are enough, or it would cost the wake-ups it saves.
                // Nor does it wait once every feeder went idle after the last answers: none has more to
                // give meanwhile, and the cores would idle until the wait ran out.
                m_gathering = true;
                m_worker.wake().wait_for(lock, m_options.gatherTime, [this] {
                    return m_worker.stopping() || gathered() || (m_feeders && m_feeders->idleSince(m_answeredAt));
                });
                m_gathering = false;
            }
            takeBatch(batch);
            m_readySeen = m_readyJobs.load(std::memory_order_relaxed);
            m_pollNext = waited < std::chrono::nanoseconds(m_options.pollTime).count();
        }

        const QString error = write(batch);
        std::size_t records = 0;
        for (const WriteJob &job : batch)
            records += weight(job);
        m_lastJobs = batch.size();
        m_lastRecords = records;
        {
            std::lock_guard lock(m_worker.mutex());
            m_inFlight -= records;
            if (m_feeders) // the answers about to go make work for the feeders: their clients send again
                m_answeredAt = m_feeders->idleRounds();
        }
        m_space.notify_all();
        const qint64 now = Util::monotonicNs();
        Util::DeferredWakes wakes; // each thread waiting for answers woken once, when all are given
        for (WriteJob &job : batch) {
            if (error.isEmpty() && job.receivedNs > 0)
                m_stats.receiveToStored.observe(now - job.receivedNs);
            if (job.done)
                job.done(error, job.signals);
        }
        batch.clear();
        answeredNs = Util::monotonicNs();
    }
}

QString StorageWriter::write(std::vector<WriteJob> &jobs)
{
    // IMMEDIATE: the transaction reads (symbol ids) before it writes, and a deferred one would fail at its
    // first write if another connection had committed in between, instead of waiting its turn.
    if (QString error = runKept("BEGIN IMMEDIATE"); !error.isEmpty()) {
        m_stats.failedCommits.fetch_add(1);
        qCWarning(lcStorage) << "cannot begin a transaction:" << error;
        return error;
    }
    std::array<std::uint64_t, Model::RecordKindCount> counts{};
    Statements &st = *m_statements;

    QString error;
    std::vector<const Model::Tick *> &sorted = m_sortedTicks;
    const qint64 createdUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    // The notification channels as this transaction sees them, read at its first signal.
    std::vector<Channel> channels;
    bool channelsRead = false;
    const qint64 now = Util::monotonicNs();
    std::uint64_t signalsStored = 0;
    for (WriteJob &job : jobs) {
        if (job.write && error.isEmpty())
            if (auto s = job.write(*m_db); !s)
                error = s.error();
        for (const AlertStateWrite &write : job.alertStates) {
            if (!error.isEmpty())
                break;
            if (auto s = AlertStore::saveState(*m_db, write.alertId, {write.symbol, write.state, {}}); !s)
                error = s.error();
        }
        for (const Trading::Order &order : job.paperOrders) {
            if (!error.isEmpty())
                break;
            if (auto s = TradeStore::saveOrder(*m_db, order); !s)
                error = s.error();
        }
        for (const Trading::Fill &fill : job.paperFills) {
            if (!error.isEmpty())
                break;
            if (auto id = TradeStore::add(*m_db, fill, QString(), createdUs); !id)
                error = id.error();
        }
        for (Model::TradeSignal &signal : job.signals) {
            if (!error.isEmpty())
                break;
            if (!channelsRead) {
                error = readChannels(*m_db, st.channels, channels);
                channelsRead = true;
            }
            if (error.isEmpty())
                error =
                    insertSignal(*m_db, st.signal, signal, createdUs, job.receivedNs > 0 ? now - job.receivedNs : -1);
            if (error.isEmpty()) {
                m_signalIndex->add(signal.symbol.view(), signal.timestamp, signal.id);
                error = queueNotifications(*m_db, st.notification, signal, channels, createdUs);
            }
            ++signalsStored;
        }
        for (const Model::Record &record : job.records) {
            error = std::visit(Overloaded{
                                   [&](const Model::Tick &t) {
                                       sorted.push_back(&t);
                                       return QString();
                                   },
                                   [&](const Model::OrderBookEvent &e) {
                                       st.orderBook.bindText(1, e.symbol.view());
                                       st.orderBook.bind(2, std::int64_t(e.timestamp));
                                       st.orderBook.bindText(3, sideText(e.side));
                                       st.orderBook.bind(4, e.price);
                                       st.orderBook.bind(5, e.quantity);
                                       return m_db->run(st.orderBook);
                                   },
                                   [&](const Model::NewsSentimentEvent &e) {
                                       st.sentiment.bindText(1, e.symbol.view());
                                       st.sentiment.bind(2, std::int64_t(e.timestamp));
                                       st.sentiment.bind(3, e.score);
                                       st.sentiment.bind(4, e.magnitude);
                                       return m_db->run(st.sentiment);
                                   },
                                   [&](const Model::MarketDataEvent &e) {
                                       st.marketData.bindText(1, e.symbol.view());
                                       st.marketData.bind(2, std::int64_t(e.timestamp));
                                       st.marketData.bind(3, e.marketCap);
                                       st.marketData.bind(4, e.peRatio);
                                       return m_db->run(st.marketData);
                                   },
                                   [&](const Model::EconomicIndicatorEvent &e) {
                                       const QByteArray name = e.name.toUtf8();
                                       st.economic.bindText(
                                           1, std::string_view(name.constData(), std::size_t(name.size())));
                                       st.economic.bind(2, std::int64_t(e.timestamp));
                                       st.economic.bind(3, e.value);
                                       return m_db->run(st.economic);
                                   },
                               },
                               record);
            if (!error.isEmpty())
                break;
            ++counts[record.index()];
        }
        if (!error.isEmpty())
            break;
    }
    // Each symbol's ticks of a commit form one run, which the bar store appends to its log or, when long
    // enough, writes into its place in the blocks; write() groups them so (each symbol's in the order they
    // came, which their sequence numbers record) and the runs index `sorted` as it left it.
    if (error.isEmpty())
        error = m_bars->write(sorted);
    m_history->setTransactionSeq(m_bars->transactionSeq());
    HistoryFill *fill = jobs.size() == 1 ? jobs.front().history.get() : nullptr;
    if (error.isEmpty() && fill && !sorted.empty())
        error = noteBackfill(m_bars->transactionSeq(), m_bars->nextSeq() - 1);
    const std::vector<BarStore::Run> &runs = m_bars->runs();
    if (error.isEmpty() && m_options.keepBars)
        error = m_history->loadStates(runs, sorted.data());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (!error.isEmpty() || !m_options.keepBars)
            break;
        if (constexpr std::size_t Ahead = 6; r + Ahead < runs.size())
            m_history->prefetch(runs[r + Ahead].symbolId); // at thousands of symbols each state is a miss
        const BarStore::Run &run = runs[r];
        const Model::Tick *const *first = sorted.data() + run.first;
        const Model::Tick *const *end = sorted.data() + run.end;
        error = fill ? m_history->refill(run.symbolId, run.newSymbol, first, end)
                     : m_history->add(run.symbolId, run.newSymbol, first, end);
    }
    if (error.isEmpty() && fill && m_options.keepBars)
        error = applyCorrections(*fill);
    if (error.isEmpty() && m_bars->mergePending())
        error = m_bars->merge(std::max(sorted.size(), MergeSlice));
    // Twice as many as came: a frozen batch is in place before the next one is due.
    if (error.isEmpty())
        error = m_signalIndex->move(2 * signalsStored);
    sorted.clear();
    if (error = finish(error); !error.isEmpty())
        return error;
    std::uint64_t total = 0;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        m_stats.storedByKind[k].fetch_add(counts[k], std::memory_order_relaxed);
        total += counts[k];
    }
    // `stored` first, then `storedHistory`, in order: storedFromFeed() (which reads them the other way round) never
    // sees more history than records.
    m_stats.stored.fetch_add(total);
    if (fill)
        m_stats.storedHistory.fetch_add(total);
    m_stats.storedSignals.fetch_add(signalsStored, std::memory_order_relaxed);
    m_stats.commits.fetch_add(1, std::memory_order_relaxed);
    return {};
}

QString StorageWriter::runKept(const char *sql)
{
    // Prepared once: parsing BEGIN and COMMIT again for every commit showed in the single-record profile.
    Statement *st = m_db->cached(sql);
    return st ? m_db->run(*st) : m_db->lastError();
}

QString StorageWriter::finish(const QString &error)
{
    if (error.isEmpty()) {
        const QString committed = runKept("COMMIT");
        if (committed.isEmpty()) {
            m_bars->committed();
            m_history->committed();
            m_signalIndex->committed();
            m_stats.barsToMerge.store(m_bars->rowsToMerge(), std::memory_order_relaxed);
            m_stats.keptBars.store(m_history->barsWritten(), std::memory_order_relaxed);
            m_stats.backfillPending.store(m_history->backfillPending() ? 1 : 0, std::memory_order_relaxed);
            return {};
        }
        return finish(committed);
    }
    m_db->exec("ROLLBACK");
    m_bars->rolledBack();
    m_history->rolledBack();
    if (const QString reread = m_signalIndex->rolledBack(); !reread.isEmpty())
        qCWarning(lcStorage) << "cannot read the signal index again:" << reread;
    m_stats.failedCommits.fetch_add(1);
    qCWarning(lcStorage) << "transaction rolled back:" << error;
    return error;
}

QString StorageWriter::noteBackfill(std::int64_t firstSeq, std::int64_t lastSeq)
{
    Statement *st = m_db->cached("INSERT INTO history_backfills(first_seq, last_seq) VALUES (?1, ?2)");
    if (!st)
        return m_db->lastError();
    st->bind(1, firstSeq);
    st->bind(2, lastSeq);
    return m_db->run(*st);
}

QString StorageWriter::applyCorrections(HistoryFill &fill)
{
    fill.corrected = 0;
    Statement *symbol = m_db->cached("SELECT id FROM symbols WHERE name = ?1");
    if (!symbol)
        return m_db->lastError();
    for (const KeptCorrection &c : fill.corrections) {
        symbol->bindText(1, c.symbol.view());
        const bool found = symbol->step() == Step::Row;
        const std::int64_t id = found ? symbol->columnInt64(0) : -1;
        symbol->reset();
        if (!found)
            continue;
        auto done = m_history->correct(id, c.keptIndex, c.bar);
        if (!done)
            return done.error();
        fill.corrected += *done ? 1 : 0;
    }
    return {};
}

void StorageWriter::mergeWhileIdle()
{
    if (QString error = runKept("BEGIN IMMEDIATE"); !error.isEmpty()) {
        qCWarning(lcStorage) << "cannot begin a transaction:" << error;
        return;
    }
    QString error = m_bars->merge(IdleMergeSlice);
    if (error.isEmpty())
        error = m_signalIndex->move(SignalIndex::MinMove);
    finish(error);
}

void StorageWriter::backfillWhileIdle()
{
    if (QString error = runKept("BEGIN IMMEDIATE"); !error.isEmpty()) {
        qCWarning(lcStorage) << "cannot begin a transaction:" << error;
        return;
    }
    m_history->setTransactionSeq(std::numeric_limits<std::int64_t>::max());
    if (!finish(m_history->backfill()).isEmpty())
        m_history->stopBackfill();
}

} // namespace Storage
