// SPDX-License-Identifier: MIT
#include "storage/Checkpointer.h"
#include "storage/PageCache.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "storage/WalWrites.h"
#include "util/Feeders.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <future>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

using namespace Qt::StringLiterals;
using Storage::SqliteDatabase;
using Storage::StorageWriter;

namespace {

Model::Tick makeTick(int i, const char *symbol = "AAPL")
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.open = 100 + i;
    t.high = 102 + i;
    t.low = 99 + i;
    t.close = 101 + i;
    t.volume = 1000 + i;
    t.timestamp = 1644016200'000000LL + i * 1'000'000LL;
    return t;
}

Model::RecordBatch ticks(int count, int first = 0)
{
    Model::RecordBatch batch;
    for (int i = 0; i < count; ++i)
        batch.emplace_back(makeTick(first + i));
    return batch;
}

/// Batch `b` of 1000 records over 3,000 symbols, each symbol's times increasing: pages all over the index.
Model::RecordBatch spreadBatch(int b)
{
    Model::RecordBatch batch;
    for (int i = 0; i < 1000; ++i) {
        Model::Tick t = makeTick(b * 1000 + i);
        Model::Symbol::parse(QByteArray("S" + QByteArray::number((b * 1000 + i) % 3000)).constData(), t.symbol);
        batch.emplace_back(t);
    }
    return batch;
}

/// `count` commits of one row each into table t (x from `first` on), noting the largest size of the log.
void commitOneRowEach(SqliteDatabase &db, int first, int count, qint64 &largestLog)
{
    auto insert = db.prepare("INSERT INTO t VALUES (?1)");
    QVERIFY(insert);
    const QString log = db.path() + u"-wal"_s;
    for (int i = 0; i < count; ++i) {
        insert->bind(1, std::int64_t(first + i));
        QCOMPARE(db.run(*insert), QString());
        largestLog = std::max(largestLog, QFileInfo(log).size());
    }
}

/// Collects Done callbacks from the writer thread.
struct Completions
{
    std::mutex mutex;
    QStringList errors;
    std::atomic<int> count{0};

    Ingest::RecordSink::Done callback()
    {
        return [this](const QString &error) {
            std::lock_guard lock(mutex);
            errors.append(error);
            count.fetch_add(1);
        };
    }
};

std::unique_ptr<SqliteDatabase> openDb(const QString &path)
{
    auto db = SqliteDatabase::open(path);
    return db ? std::move(*db) : nullptr;
}

/// SQLite's own check of the whole file finds nothing wrong.
void verifyIntact(SqliteDatabase &db)
{
    auto integrity = db.prepare("PRAGMA integrity_check");
    QVERIFY(integrity);
    QCOMPARE(integrity->step(), Storage::Step::Row);
    QCOMPARE(integrity->columnText(0), u"ok"_s);
}

/// Eight small jobs in one commit (the parts of one request, which go in together): the writer then expects
/// more small ones and waits for them before its next commit (WriterOptions::gatherTime).
void busyCommit(StorageWriter &writer, Completions &done, int first)
{
    const int before = done.count.load();
    auto group = std::make_shared<Storage::CommitGroup>(8);
    for (int i = 0; i < 8; ++i) {
        Storage::WriteJob job;
        job.records = ticks(1, first + i);
        job.group = group;
        job.done = [callback = done.callback()](const QString &error, std::vector<Model::TradeSignal> &) {
            callback(error);
        };
        QCOMPARE(writer.submit(std::move(job)), Ingest::RecordSink::Submit::Accepted);
    }
    QTRY_COMPARE(done.count.load(), before + 8);
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyKindStoredAndReopened();
    void migrationFromEmptyFile();
    void reopenDoesNotMigrateAgain();
    void newerSchemaRefused();
    void listChecksRewrittenKeepingRows();
    void notADatabaseRefused();
    void unwritableLocationRefused();
    void oneWriterADatabase();
    void groupCommitWhileBlocked();
    void smallJobsAfterABusyCommitAreGathered();
    void gatheringEndsWhenTheFeedersAreIdle();
    void theWriterWatchesOnlyAfterAShortWait();
    void aStreamComesWithinTheWatch();
    void backPressureLosesNothingAcknowledged();
    void stopCommitsEverythingQueued();
    void groupsCommitWholeOrNotAtAll();
    void retentionDeletesOldRecordsOnly_data();
    void retentionDeletesOldRecordsOnly();
    void writeAheadLogStaysBounded();
    void writeAheadLogStaysBoundedWithoutPause();
    void logStartsAgainUnderSmallCommits();
    void readerOfAnOldSnapshotSparesTheWriter();
    void pageSwapsKeepEveryRow();
    void logWritesGatheredATransaction();
    void logWriteFailureFailsItsTransactionOnly();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"db.sqlite"_s); }
};

void TestStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStorage::everyKindStoredAndReopened()
{
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY2(writer, qPrintable(writer.error()));
        Model::RecordBatch batch = ticks(2);
        Model::OrderBookEvent order;
        Model::Symbol::parse("MSFT", order.symbol);
        order.side = Model::OrderSide::Sell;
        order.price = 300.5;
        order.quantity = 7;
        order.timestamp = 1'000'000;
        batch.emplace_back(order);
        Model::NewsSentimentEvent news;
        Model::Symbol::parse("MSFT", news.symbol);
        news.score = -0.5;
        news.magnitude = 0.25;
        news.timestamp = 2'000'000;
        batch.emplace_back(news);
        Model::MarketDataEvent market;
        Model::Symbol::parse("GOOG", market.symbol);
        market.marketCap = 1e12;
        market.peRatio = 21;
        market.timestamp = 3'000'000;
        batch.emplace_back(market);
        batch.emplace_back(Model::EconomicIndicatorEvent{u"GDP Growth Rate"_s, 2.5, 4'000'000});

        Completions done;
        QCOMPARE((*writer)->submit(std::move(batch), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
        QTRY_COMPARE(done.count.load(), 1);
        QCOMPARE(done.errors, QStringList{QString()});
        QCOMPARE((*writer)->stats().stored.load(), 6u);
        QCOMPARE((*writer)->stats().storedByKind[0].load(), 2u);
    }

    auto db = openDb(path());
    QVERIFY(db);
    auto q = db->prepare("SELECT symbol, ts_us, open, high, low, close, volume FROM ticks ORDER BY id");
    QVERIFY(q);
    QCOMPARE(q->step(), Storage::Step::Row);
    QCOMPARE(q->columnText(0), u"AAPL"_s);
    QCOMPARE(q->columnInt64(1), 1644016200'000000LL);
    QCOMPARE(q->columnDouble(2), 100.0);
    QCOMPARE(q->columnDouble(3), 102.0);
    QCOMPARE(q->columnDouble(4), 99.0);
    QCOMPARE(q->columnDouble(5), 101.0);
    QCOMPARE(q->columnInt64(6), 1000);
    QCOMPARE(db->scalar("SELECT count(*) FROM order_book WHERE symbol='MSFT' AND side='sell' AND price=300.5 AND "
                        "quantity=7 AND ts_us=1000000"),
             1);
    QCOMPARE(db->scalar("SELECT count(*) FROM news_sentiment WHERE score=-0.5 AND magnitude=0.25"), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM market_data WHERE symbol='GOOG' AND market_cap=1e12 AND pe_ratio=21"), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM economic_indicators WHERE name='GDP Growth Rate' AND value=2.5"), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM signals"), 0);
    auto mode = db->prepare("PRAGMA journal_mode");
    QVERIFY(mode && mode->step() == Storage::Step::Row);
    QCOMPARE(mode->columnText(0), u"wal"_s);
}

void TestStorage::migrationFromEmptyFile()
{
    QFile empty(path());
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    (*writer)->stop();
    auto db = openDb(path());
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
    for (const char *table : {"symbols", "bar_blocks", "bars_log0", "bars_log1", "order_book", "news_sentiment",
                              "market_data", "economic_indicators", "signals"})
        QCOMPARE(db->scalar(QByteArray("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='")
                                .append(table)
                                .append("'")
                                .constData()),
                 1);
}

void TestStorage::reopenDoesNotMigrateAgain()
{
    for (int round = 0; round < 3; ++round) {
        auto writer = StorageWriter::open({path()});
        QVERIFY2(writer, qPrintable(writer.error()));
        Completions done;
        (*writer)->submit(ticks(10, round * 10), 0, done.callback());
        QTRY_COMPARE(done.count.load(), 1);
    }
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 30);
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
}

void TestStorage::newerSchemaRefused()
{
    {
        auto db = openDb(path());
        QVERIFY(db->exec("PRAGMA user_version = 99").ok());
    }
    auto writer = StorageWriter::open({path()});
    QVERIFY(!writer);
    QVERIFY2(writer.error().contains(u"newer TickDesk"_s), qPrintable(writer.error()));
}

void TestStorage::listChecksRewrittenKeepingRows()
{
    // Schema 20 wrote CHECK (side IN ('buy', 'sell', 'alert')), for which SQLite builds a temporary index of the
    // list for every row it checks. Step 21 rewrites such constraints as comparisons, in place.
    const QByteArray insertSignal = "INSERT INTO signals(symbol, ts_us, created_us, rule, side, price, reason) "
                                    "VALUES ('AAA', 1, 1, 'rsi', '%1', 10, 'r')";
    const auto signalAs = [&](const char *side) { return QByteArray(insertSignal).replace("%1", side); };
    auto db = openDb(path());
    QVERIFY(Storage::Schema::migrate(*db, 20).ok());
    QVERIFY(db->exec(signalAs("buy").constData()).ok());
    QVERIFY(db->exec("INSERT INTO trades(symbol, side, quantity, price, ts_us, created_us) "
                     "VALUES ('AAA', 'sell_short', 5, 10, 1, 1)")
                .ok());
    QVERIFY(db->exec("INSERT INTO notifications(signal_id, channel, created_us) VALUES (1, 'email', 1)").ok());

    // The writer migrates; this connection, which read the old schema, sees the new one.
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    (*writer)->stop();
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
    QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('signals', 'notifications', "
                        "'alert_states', 'drawings', 'trades') AND instr(sql, ' IN (') > 0"),
             0);
    QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'signals' AND "
                        "instr(sql, 'CHECK (side = ''buy'' OR side = ''sell'' OR side = ''alert'')') > 0"),
             1);
    verifyIntact(*db);
    if (QTest::currentTestFailed())
        return;

    // The rows are kept; the constraints refuse and accept what they did.
    QCOMPARE(db->scalar("SELECT count(*) FROM signals WHERE side = 'buy'"), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM trades WHERE side = 'sell_short'"), 1);
    QCOMPARE(db->scalar("SELECT count(*) FROM notifications WHERE status = 'pending'"), 1);
    const auto refused = db->exec(signalAs("hold").constData());
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"CHECK constraint failed"_s), qPrintable(refused.error()));
    QVERIFY(!db->exec("UPDATE notifications SET status = 'lost'").ok());
    QVERIFY(!db->exec("UPDATE trades SET side = 'short'").ok());
    QVERIFY(db->exec(signalAs("alert").constData()).ok());
    QVERIFY(db->exec("UPDATE notifications SET status = 'delivered'").ok());

    // No statement that checks them opens a temporary index any more.
    auto plan = db->prepare(QByteArray("EXPLAIN " + signalAs("sell")).constData());
    QVERIFY(plan);
    int steps = 0;
    while (plan->step() == Storage::Step::Row) {
        QVERIFY(plan->columnText(1) != u"OpenEphemeral"_s);
        ++steps;
    }
    QVERIFY(steps > 10);
}

void TestStorage::notADatabaseRefused()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    auto writer = StorageWriter::open({path()});
    QVERIFY(!writer);
    QVERIFY2(writer.error().contains(path()), qPrintable(writer.error()));
    // The file is left as it was.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(8192, 'x'));
}

void TestStorage::unwritableLocationRefused()
{
    auto writer = StorageWriter::open({m_dir->filePath(u"missing/dir/db.sqlite"_s)});
    QVERIFY(!writer);
    QVERIFY2(writer.error().startsWith(u"cannot open database"_s), qPrintable(writer.error()));
}

void TestStorage::oneWriterADatabase()
{
    // Two writers would each number records and keep bars of their own: the second is refused, by name.
    auto first = StorageWriter::open({path()});
    QVERIFY(first);
    auto second = StorageWriter::open({path()});
    QVERIFY(!second);
    QVERIFY2(second.error().contains(u"the database %1 is in use by another TickDesk"_s.arg(path())),
             qPrintable(second.error()));
    // Refused before anything was done: the first still writes.
    Completions done;
    QCOMPARE((*first)->submit(ticks(3), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 1);
    QCOMPARE(done.errors, QStringList{QString()});
    // Once the first stopped, the database is free again.
    (*first)->stop();
    auto third = StorageWriter::open({path()});
    QVERIFY2(third, qPrintable(third ? QString() : third.error()));
}

void TestStorage::groupCommitWhileBlocked()
{
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    // Another connection holds the write lock: submissions pile up meanwhile.
    auto blocker = openDb(path());
    QVERIFY(blocker->exec("BEGIN IMMEDIATE").ok());
    Completions done;
    for (int i = 0; i < 50; ++i)
        QCOMPARE((*writer)->submit(ticks(1, i), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE(done.count.load(), 0);
    QVERIFY(blocker->exec("COMMIT").ok());
    QTRY_COMPARE(done.count.load(), 50);
    // The first batch may have been taken before the lock showed; the rest go in one commit.
    QVERIFY2((*writer)->stats().commits.load() <= 2, qPrintable(QString::number((*writer)->stats().commits.load())));
    QCOMPARE((*writer)->stats().stored.load(), 50u);
}

void TestStorage::smallJobsAfterABusyCommitAreGathered()
{
    // After a commit of several small jobs the writer waits for more before the next one (here up to a
    // minute, far past QTRY's five seconds): small jobs then share a commit, enough records end the wait at
    // once, and a lone job after a large commit is not held.
    Storage::WriterOptions options{path()};
    options.gatherTime = std::chrono::minutes(1);
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    Completions done;
    QCOMPARE((*writer)->submit(ticks(1, 0), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 1); // nothing came before: not held

    busyCommit(**writer, done, 1);
    const std::uint64_t commits = (*writer)->stats().commits.load();
    for (int i = 0; i < 3; ++i)
        QCOMPARE((*writer)->submit(ticks(1, 100 + i), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->submit(ticks(int(Storage::WriterOptions::GatherRecords), 200), 0, done.callback()),
             Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 9 + 4);
    QCOMPARE((*writer)->stats().commits.load(), commits + 1);

    // The last commit was large: a lone job goes at once.
    QCOMPARE((*writer)->submit(ticks(1, 1000), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 9 + 4 + 1);

    // Stopping ends a wait: the job held is committed.
    busyCommit(**writer, done, 2000);
    QCOMPARE((*writer)->submit(ticks(1, 3000), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    (*writer)->stop();
    QCOMPARE(done.count.load(), 9 + 4 + 1 + 8 + 1);
    QVERIFY(std::all_of(done.errors.cbegin(), done.errors.cend(), [](const QString &e) { return e.isEmpty(); }));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"),
             1 + 8 + 3 + int(Storage::WriterOptions::GatherRecords) + 1 + 8 + 1);
}

void TestStorage::gatheringEndsWhenTheFeedersAreIdle()
{
    // The wait for more small jobs (here up to a minute) ends once every thread that feeds the writer went
    // idle after the last commit was answered: none has more to give. Feeders idle all along (no HTTP traffic while the
    // simulator feeds the writer) do not end it.
    Storage::WriterOptions options{path()};
    options.gatherTime = std::chrono::minutes(1);
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    Util::Feeders feeders;
    (*writer)->setFeeders(&feeders);
    std::atomic<bool> first{false};
    std::atomic<bool> second{false};
    Completions done;
    busyCommit(**writer, done, 0);

    feeders.busy(first);
    feeders.busy(second);
    QCOMPARE((*writer)->submit(ticks(1, 100), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->submit(ticks(1, 101), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    feeders.idle(first);
    QCOMPARE(done.count.load(), 8); // one still works
    feeders.idle(second);           // the last one: the writer commits what it holds
    QTRY_COMPARE(done.count.load(), 8 + 2);

    // A thread that answers one makes it busy, and it counts once however often it is told.
    busyCommit(**writer, done, 200);
    const std::uint64_t rounds = feeders.idleRounds();
    feeders.busy(first);
    feeders.busy(first);
    QCOMPARE((*writer)->submit(ticks(1, 300), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    feeders.idle(first);
    QTRY_COMPARE(done.count.load(), 8 + 2 + 8 + 1);
    QCOMPARE(feeders.idleRounds(), rounds + 1);
    feeders.idle(first); // already idle: no round
    QCOMPARE(feeders.idleRounds(), rounds + 1);

    (*writer)->stop();
    QVERIFY(std::all_of(done.errors.cbegin(), done.errors.cend(), [](const QString &e) { return e.isEmpty(); }));
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), 8 + 2 + 8 + 1);
}

void TestStorage::theWriterWatchesOnlyAfterAShortWait()
{
    // After a commit whose wait for its job was short the writer watches for the next job (here up to
    // 100 ms, far past a thread's wake-up) instead of sleeping; after a longer wait it sleeps at once.
    Storage::WriterOptions options{path()};
    options.pollTime = std::chrono::milliseconds(100);
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    const Storage::WriterStats &stats = (*writer)->stats();

    // A chain: each job submitted by the answer of the one before, so it is queued before the writer looks
    // for the next. Each watch finds it at once; the one after the last commit runs out.
    constexpr int Chain = 50;
    std::atomic<int> chained{0};
    std::atomic<int> refused{0}; // counted here: a failed QCOMPARE on the writer's thread would not end the test
    std::function<void(int)> submitFrom = [&](int i) {
        const auto outcome = (*writer)->submit(ticks(1, i), 0, [&, i](const QString &error) {
            if (error.isEmpty() && i + 1 < Chain)
                submitFrom(i + 1);
            chained.fetch_add(1);
        });
        if (outcome != Ingest::RecordSink::Submit::Accepted)
            refused.fetch_add(1);
    };
    submitFrom(0);
    QTRY_VERIFY(chained.load() == Chain || refused.load() > 0);
    QCOMPARE(refused.load(), 0);
    QTRY_COMPARE(stats.polls.load() - stats.pollsAnswered.load(), 1u);
    QVERIFY(stats.pollsAnswered.load() >= Chain - 2); // the first job's wait was the test's set-up

    // A job after the watch ran out (a wait longer than the watch) is committed, and the writer sleeps.
    const std::uint64_t polls = stats.polls.load();
    Completions done;
    QCOMPARE((*writer)->submit(ticks(1, 1000), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 1);
    (*writer)->stop();
    QCOMPARE(stats.polls.load(), polls);
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), Chain + 1);
}

void TestStorage::aStreamComesWithinTheWatch()
{
    // A stream from another thread: each job submitted once the one before was answered, while the writer
    // watches for it. Most come within the watch (one that does not met a stall of this machine's).
    Storage::WriterOptions options{path()};
    options.pollTime = std::chrono::milliseconds(100);
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    constexpr int Stream = 100;
    std::atomic<int> refused{0}; // a refused job is never answered: the feed stops instead of waiting for it
    std::thread feed([&] {
        for (int i = 0; i < Stream; ++i) {
            std::promise<void> answered;
            if ((*writer)->submit(ticks(1, i), 0, [&](const QString &) { answered.set_value(); }) !=
                Ingest::RecordSink::Submit::Accepted) {
                refused.fetch_add(1);
                return;
            }
            answered.get_future().wait();
        }
    });
    feed.join();
    (*writer)->stop();
    QCOMPARE(refused.load(), 0);
    const std::uint64_t answered = (*writer)->stats().pollsAnswered.load();
    QVERIFY2(answered >= Stream / 2, qPrintable(u"%1 of %2 jobs came within the watch"_s.arg(answered).arg(Stream)));
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), Stream);
}

void TestStorage::backPressureLosesNothingAcknowledged()
{
    Storage::WriterOptions options{path()};
    options.queueCapacity = 10;
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    auto blocker = openDb(path());
    QVERIFY(blocker->exec("BEGIN IMMEDIATE").ok());
    Completions done;
    QCOMPARE((*writer)->submit(ticks(4, 0), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->submit(ticks(4, 4), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->submit(ticks(4, 8), 0, done.callback()), Ingest::RecordSink::Submit::Saturated);
    QCOMPARE((*writer)->submit(ticks(2, 8), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->queuedRecords(), std::size_t(10));
    QVERIFY(blocker->exec("COMMIT").ok());
    QTRY_COMPARE(done.count.load(), 3);
    QCOMPARE((*writer)->queuedRecords(), std::size_t(0));
    QCOMPARE(blocker->scalar("SELECT count(*) FROM ticks"), 10);
    QCOMPARE(blocker->scalar("SELECT count(DISTINCT volume) FROM ticks"), 10);
    // Room again.
    QCOMPARE((*writer)->submit(ticks(4, 10), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(done.count.load(), 4);
}

void TestStorage::stopCommitsEverythingQueued()
{
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    Completions done;
    for (int i = 0; i < 200; ++i)
        (*writer)->submit(ticks(5, i * 5), 0, done.callback());
    (*writer)->stop();
    QCOMPARE(done.count.load(), 200);
    QVERIFY(std::all_of(done.errors.cbegin(), done.errors.cend(), [](const QString &e) { return e.isEmpty(); }));
    QCOMPARE((*writer)->submit(ticks(1), 0, done.callback()), Ingest::RecordSink::Submit::Closed);
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 1000);
}

void TestStorage::groupsCommitWholeOrNotAtAll()
{
    // The two parts of one request (as two shards submit them) go into one transaction, however long the
    // second takes; other requests are not held up meanwhile.
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    auto group = std::make_shared<Storage::CommitGroup>(2);
    std::atomic<int> firstDone{0};
    std::atomic<int> secondDone{0};
    const auto part = [&group](Model::RecordBatch records, std::atomic<int> &done) {
        Storage::WriteJob job;
        job.records = std::move(records);
        job.group = group;
        job.done = [&done](const QString &error, std::vector<Model::TradeSignal> &) {
            if (error.isEmpty())
                ++done;
        };
        return job;
    };
    QCOMPARE((*writer)->submit(part(ticks(3, 0), firstDone)), Ingest::RecordSink::Submit::Accepted);
    Completions other;
    (*writer)->submit(ticks(2, 100), 0, other.callback());
    QTRY_COMPARE(other.count.load(), 1); // not held up
    QCOMPARE(firstDone.load(), 0);       // waits for its other part
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), 2);
    const auto commitsBefore = (*writer)->stats().commits.load();
    QCOMPARE((*writer)->submit(part(ticks(4, 10), secondDone)), Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(firstDone.load() + secondDone.load(), 2);
    QCOMPARE((*writer)->stats().commits.load(), commitsBefore + 1); // one transaction for both parts
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), 9);

    // A request whose other part never came (its shard was refused): stopping answers the waiting part with
    // an error and stores none of it.
    group = std::make_shared<Storage::CommitGroup>(2);
    std::atomic<int> orphanDone{0};
    QString orphanError;
    Storage::WriteJob orphan;
    orphan.records = ticks(5, 200);
    orphan.group = group;
    orphan.done = [&](const QString &error, std::vector<Model::TradeSignal> &) {
        orphanError = error;
        ++orphanDone;
    };
    QCOMPARE((*writer)->submit(std::move(orphan)), Ingest::RecordSink::Submit::Accepted);
    (*writer)->stop();
    QCOMPARE(orphanDone.load(), 1);
    QVERIFY(!orphanError.isEmpty());
    QCOMPARE(openDb(path())->scalar("SELECT count(*) FROM ticks"), 9);
}

void TestStorage::retentionDeletesOldRecordsOnly_data()
{
    QTest::addColumn<int>("records");
    QTest::newRow("a few: in a log") << 10;
    QTest::newRow("a run: in a block, written again without the old ones") << 40;
}

void TestStorage::retentionDeletesOldRecordsOnly()
{
    QFETCH(int, records);
    const int old = records * 6 / 10;
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    Model::RecordBatch batch;
    for (int i = 0; i < records; ++i) {
        Model::Tick t = makeTick(i);
        t.timestamp = nowUs - (i < old ? 3LL : 0LL) * 86'400'000'000LL - i; // some three days old, the rest fresh
        batch.emplace_back(t);
    }
    batch.emplace_back(Model::EconomicIndicatorEvent{u"CPI"_s, 2.0, nowUs - 5LL * 86'400'000'000LL});
    Completions done;
    (*writer)->submit(std::move(batch), 0, done.callback());
    QTRY_COMPARE(done.count.load(), 1);

    (*writer)->requestRetention(); // retention off: nothing goes
    auto db = openDb(path());
    QTRY_COMPARE(db->scalar("SELECT count(*) FROM ticks"), qint64(records));
    (*writer)->setRetentionDays(2);
    (*writer)->requestRetention();
    QTRY_COMPARE((*writer)->deletedByRetention(), std::uint64_t(old + 1));
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), qint64(records - old));
    QCOMPARE(db->scalar("SELECT count(*) FROM economic_indicators"), 0);
    QCOMPARE(db->scalar(
                 QByteArray("SELECT count(*) FROM ticks WHERE ts_us < " + QByteArray::number(nowUs - 86'400'000'000LL))
                     .constData()),
             0);
}

void TestStorage::writeAheadLogStaysBounded()
{
    // Bars of 3000 symbols touch pages all over the index: without working checkpoints the
    // log would only grow (about 4 KiB a record here).
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    Completions done;
    qint64 largestLog = 0;
    constexpr int Batches = 60;
    for (int b = 0; b < Batches; ++b) {
        (*writer)->submit(spreadBatch(b), 0, done.callback());
        QTRY_COMPARE(done.count.load(), b + 1);
        largestLog = std::max(largestLog, QFileInfo(path() + u"-wal"_s).size());
    }
    QVERIFY((*writer)->checkpoints() > 0);
    // Without checkpoints the log would reach about 240 MB here. With them it stays near its 64 MB limit; the
    // checkpointer is a thread of its own, so on a machine busy with other tests it may lag a batch or two behind.
    QVERIFY2(largestLog < 96 * 1024 * 1024, qPrintable(QString::number(largestLog)));
    QVERIFY(QFileInfo(path()).size() > 1024 * 1024); // pages did reach the database file
}

void TestStorage::writeAheadLogStaysBoundedWithoutPause()
{
    // The same pages, but the commits follow each other with no pause: a pass of the checkpointer starts
    // while the next transaction writes, so it never finds the log whole, and the log starts again only
    // when the writer finishes a pass between two of its transactions.
    Storage::WriterOptions options{path()};
    options.maxRecordsPerCommit = 1000;
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    Completions done;
    constexpr int Batches = 60;
    for (int b = 0; b < Batches; ++b) {
        QCOMPARE((*writer)->submit(spreadBatch(b), 0, done.callback()), Ingest::RecordSink::Submit::Accepted);
    }
    // When the log starts again its file keeps its length (no cut and regrowth each cycle): once the log
    // reached the length at which the writer finishes a pass, the file is never shorter.
    constexpr qint64 Cycle = qint64(Storage::Checkpointer::WriterPassAt) * 4096 * (4096 + 24);
    qint64 largestLog = 0;
    qint64 shortestAfterACycle = std::numeric_limits<qint64>::max();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const qint64 size = QFileInfo(path() + u"-wal"_s).size();
            largestLog = std::max(largestLog, size);
            if (largestLog >= Cycle)
                shortestAfterACycle = std::min(shortestAfterACycle, size);
            return done.count.load() == Batches;
        }(),
        60000);
    QVERIFY2(largestLog < 96 * 1024 * 1024, qPrintable(QString::number(largestLog)));
    QCOMPARE_GT((*writer)->writerPasses(), 0u);
    QCOMPARE_GE(shortestAfterACycle, Cycle);
    QCOMPARE(done.errors, QStringList(QList<QString>(Batches)));
}

void TestStorage::logStartsAgainUnderSmallCommits()
{
    // Commits of a page or two, back to back, with a checkpoint threshold of 256 pages: the thread's passes
    // never find the log whole, and the log starts again from its beginning only because the writer finishes
    // a pass at four times the threshold (plus what commits while the thread finishes a pass of its own).
    // Past the threshold the thread is asked for a pass once the log has grown four pages (a 64th of the
    // threshold) since it was last asked, or started again: with about a page a commit, at most about 770
    // asks; asked after every commit over the threshold, it was asked over 2,000 times.
    auto db = openDb(path());
    QVERIFY(db);
    QVERIFY(db->exec("PRAGMA journal_mode=WAL; CREATE TABLE t(x INTEGER)"));
    auto checkpointer = Storage::Checkpointer::open(path());
    QVERIFY(checkpointer);
    constexpr int Threshold = 256;
    (*checkpointer)->attach(*db, Threshold);
    constexpr int Commits = 3000;
    qint64 largestLog = 0;
    commitOneRowEach(*db, 0, Commits, largestLog);
    if (QTest::currentTestFailed())
        return;
    const qint64 pages = largestLog / (4096 + 24);
    QVERIFY2(pages >= Threshold && pages < Threshold * 16, qPrintable(QString::number(pages)));
    QVERIFY((*checkpointer)->checkpoints() > 0);
    QCOMPARE_GT((*checkpointer)->writerPasses(), 0u);
    const std::uint64_t requests = (*checkpointer)->requests();
    QCOMPARE_GT(requests, 0u);
    QVERIFY2(requests <= Commits / 3, qPrintable(QString::number(requests)));
    QCOMPARE(db->scalar("SELECT count(*) FROM t"), Commits);
}

void TestStorage::readerOfAnOldSnapshotSparesTheWriter()
{
    // A reader holds the snapshot of the start (an export, say): no pass can copy the frames after it, so
    // the log cannot start again while it reads. The writer's own passes past four times the threshold then
    // come once per quarter of the threshold that the log grows, not after every commit (each syncs the files).
    auto db = openDb(path());
    QVERIFY(db);
    QVERIFY(db->exec("PRAGMA journal_mode=WAL; CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (0)"));
    auto reader = openDb(path());
    QVERIFY(reader);
    QVERIFY(reader->exec("BEGIN"));
    QCOMPARE(reader->scalar("SELECT count(*) FROM t"), 1); // the read transaction now holds its snapshot
    auto checkpointer = Storage::Checkpointer::open(path());
    QVERIFY(checkpointer);
    constexpr int Threshold = 64;
    (*checkpointer)->attach(*db, Threshold);
    constexpr int Commits = 2000;
    qint64 largestLog = 0;
    commitOneRowEach(*db, 1, Commits, largestLog);
    if (QTest::currentTestFailed())
        return;
    const qint64 pages = QFileInfo(path() + u"-wal"_s).size() / (4096 + 24);
    QVERIFY2(pages > Threshold * 8, qPrintable(QString::number(pages))); // the reader kept it from starting again
    // Past 256 pages, one pass per 16 more at most: a pass after each of the ~1,700 commits would be far more.
    QVERIFY((*checkpointer)->writerPasses() > 0);
    QVERIFY2((*checkpointer)->writerPasses() <= std::uint64_t(pages / 16 + 2),
             qPrintable(QString::number((*checkpointer)->writerPasses())));
    QCOMPARE(reader->scalar("SELECT count(*) FROM t"), 1);
    QVERIFY(reader->exec("COMMIT"));
    QCOMPARE(db->scalar("SELECT count(*) FROM t"), Commits + 1);
}

void TestStorage::pageSwapsKeepEveryRow()
{
    // Rows inserted in random key order while another table frees pages: splits take pages from the free list
    // out of order, and SQLite swaps their numbers through the lock-byte page's, which the page cache's layer
    // parks under number 0. Every row must read back as written, from the cache and from a new connection.
    auto db = openDb(path());
    QVERIFY(db);
    QVERIFY(Storage::PageCache::installed());
    QVERIFY(db->exec("PRAGMA journal_mode=WAL; CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID; "
                     "CREATE TABLE spill(x BLOB)"));
    auto insert = db->prepare("INSERT INTO t VALUES (?1, printf('%0200d', ?1))");
    QVERIFY(insert);
    std::vector<std::int64_t> keys(20000);
    std::iota(keys.begin(), keys.end(), 1);
    std::shuffle(keys.begin(), keys.end(), std::mt19937(7));
    const std::uint64_t parkedBefore = Storage::PageCache::parkedSwaps();
    for (std::size_t i = 0; i < keys.size(); i += 500) {
        QVERIFY(db->exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
                         "INSERT INTO spill SELECT zeroblob(3000) FROM n"));
        for (std::size_t j = i; j < i + 500; ++j) {
            insert->bind(1, keys[j]);
            QCOMPARE(db->run(*insert), QString());
        }
        QVERIFY(db->exec("DELETE FROM spill; COMMIT"));
    }
    QCOMPARE_GT(Storage::PageCache::parkedSwaps(), parkedBefore);

    const auto everyRowBack = [](SqliteDatabase &reader) {
        auto rows = reader.prepare("SELECT count(*), sum(k), sum(v = printf('%0200d', k)) FROM t");
        QVERIFY(rows);
        QCOMPARE(rows->step(), Storage::Step::Row);
        QCOMPARE(rows->columnInt64(0), 20000);
        QCOMPARE(rows->columnInt64(1), 20000LL * 20001 / 2);
        QCOMPARE(rows->columnInt64(2), 20000);
        verifyIntact(reader);
    };
    everyRowBack(*db);
    if (QTest::currentTestFailed())
        return;
    auto fresh = openDb(path());
    QVERIFY(fresh);
    everyRowBack(*fresh);
}

void TestStorage::logWritesGatheredATransaction()
{
    // A transaction's frames go to the log in one write, which is there before another connection can see the
    // transaction; a transaction larger than what the layer gathers goes in several, all read back. (The
    // transaction that starts the log writes its header first, on its own, as it is synced on its own.)
    auto db = openDb(path());
    QVERIFY(db);
    QVERIFY(Storage::WalWrites::installed());
    QVERIFY(db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE "
                     "t(k INTEGER PRIMARY KEY, v BLOB NOT NULL); CREATE INDEX t_v ON t(v)"));
    auto reader = openDb(path());
    QVERIFY(reader);
    auto insert = db->prepare("INSERT INTO t VALUES (?1, randomblob(300))");
    QVERIFY(insert);
    int rows = 0;
    for (int commit = 0; commit < 50; ++commit) {
        const std::uint64_t asked = Storage::WalWrites::writesAsked();
        const std::uint64_t made = Storage::WalWrites::writesMade();
        QVERIFY(db->exec("BEGIN"));
        for (int i = 0; i < 5; ++i) {
            insert->bind(1, std::int64_t(++rows));
            QCOMPARE(db->run(*insert), QString());
        }
        QVERIFY(db->exec("COMMIT"));
        // Two writes a frame (header and page) asked, at least two frames (table and index), one made.
        QCOMPARE_GE(Storage::WalWrites::writesAsked() - asked, 4u);
        QCOMPARE(Storage::WalWrites::writesMade() - made, 1u);
        QCOMPARE(reader->scalar("SELECT count(*) FROM t", -1), rows);
    }
    // Transactions of 1 to 80 pages of rows: in some of them the layer writes out what it gathered just
    // between the last frame's header and its page, which must still go out before readers see the commit.
    auto page = db->prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
                            "INSERT INTO t(v) SELECT randomblob(3000) FROM n");
    QVERIFY(page);
    for (int pages = 1; pages <= 80; ++pages) {
        page->bind(1, std::int64_t(pages));
        QCOMPARE(db->run(*page), QString());
        rows += pages;
        QCOMPARE(reader->scalar("SELECT count(*) FROM t", -1), rows);
    }
    const std::uint64_t made = Storage::WalWrites::writesMade();
    QVERIFY(db->exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                     "INSERT INTO t(v) SELECT randomblob(300) FROM n; COMMIT"));
    rows += 2000;
    QCOMPARE_GT(Storage::WalWrites::writesMade() - made, 4u);
    QCOMPARE(reader->scalar("SELECT count(*) FROM t"), rows);
    QCOMPARE(reader->scalar("SELECT count(*) FROM t INDEXED BY t_v WHERE v IS NOT NULL"), rows);
    db.reset();
    reader.reset();
    auto fresh = openDb(path());
    QVERIFY(fresh);
    QCOMPARE(fresh->scalar("SELECT count(*) FROM t"), rows);
    verifyIntact(*fresh);
}

void TestStorage::logWriteFailureFailsItsTransactionOnly()
{
    // The log cannot grow (the process's file size limit): the transaction whose gathered frames fail to go out
    // fails with an error, the rows committed before stay, and once the log can grow the next one commits.
    auto db = openDb(path());
    QVERIFY(db);
    QVERIFY(db->exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; "
                     "CREATE TABLE t(k INTEGER PRIMARY KEY, v BLOB NOT NULL); INSERT INTO t(v) VALUES (x'01')"));
    const qint64 logSize = QFileInfo(path() + u"-wal"_s).size();
    QCOMPARE_GT(logSize, 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(logSize + 64 * 1024);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const auto big = db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                              "INSERT INTO t(v) SELECT randomblob(3000) FROM n");
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!big);
    QVERIFY2(big.error().contains(u"full"_s) || big.error().contains(u"I/O"_s), qPrintable(big.error()));
    QCOMPARE(db->scalar("SELECT count(*) FROM t"), 1);
    QVERIFY(db->exec("INSERT INTO t(v) VALUES (x'02')"));
    auto fresh = openDb(path());
    QVERIFY(fresh);
    QCOMPARE(fresh->scalar("SELECT count(*) FROM t"), 2);
    verifyIntact(*fresh);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
