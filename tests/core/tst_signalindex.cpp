// SPDX-License-Identifier: MIT
#include "storage/Queries.h"
#include "storage/Schema.h"
#include "storage/SignalIndex.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;
using Storage::SignalIndex;
using Storage::SqliteDatabase;
using Storage::StorageWriter;

namespace {

/// A signal as a query gives it back: time, then id.
using Stored = std::pair<qint64, qint64>;

Model::TradeSignal makeSignal(const QByteArray &symbol, qint64 timestamp)
{
    Model::TradeSignal s;
    Model::Symbol::parse(symbol.constData(), s.symbol);
    s.timestamp = timestamp;
    s.side = Model::SignalSide::Buy;
    s.price = 100;
    s.reason = u"test"_s;
    s.snapshot = "{}";
    return s;
}

std::unique_ptr<SqliteDatabase> openDb(const QString &path)
{
    auto db = SqliteDatabase::open(path);
    return db ? std::move(*db) : nullptr;
}

/// What the queries give for `symbols`: every signal oldest first.
std::vector<Stored> readBack(SqliteDatabase &db, const QStringList &symbols)
{
    Storage::SignalFilter filter;
    filter.symbols = symbols;
    filter.newestFirst = false;
    std::vector<Stored> out;
    const auto status = Storage::forEachSignal(db, filter, [&](const Model::TradeSignal &s) {
        out.emplace_back(s.timestamp, s.id);
        return true;
    });
    if (!status)
        qWarning() << status.error();
    return out;
}

/// The signals written so far, by symbol, with the ids the writer gave them.
struct Written
{
    std::mutex mutex;
    std::map<QByteArray, std::vector<Stored>> bySymbol;
    QStringList errors;

    /// One transaction of `signals`, waited for.
    void commit(StorageWriter &writer, std::vector<Model::TradeSignal> signals)
    {
        auto answered = std::make_shared<std::promise<void>>();
        std::future<void> answer = answered->get_future();
        Storage::WriteJob job;
        job.signals = std::move(signals);
        job.done = [this, answered](const QString &error, std::vector<Model::TradeSignal> &stored) {
            {
                std::lock_guard lock(mutex);
                if (!error.isEmpty())
                    errors.append(error);
                else
                    for (const auto &s : stored)
                        bySymbol[QByteArray(s.symbol.view().data(), qsizetype(s.symbol.size()))].emplace_back(
                            s.timestamp, s.id);
            }
            answered->set_value();
        };
        QCOMPARE(writer.submit(std::move(job)), Ingest::RecordSink::Submit::Accepted);
        // The writer's thread answers; a wait for that answer, not a poll.
        QCOMPARE(answer.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    }

    std::vector<Stored> expected(const QStringList &symbols)
    {
        std::lock_guard lock(mutex);
        std::vector<Stored> out;
        for (const QString &symbol : symbols) {
            const auto &of = bySymbol[symbol.toLatin1()];
            out.insert(out.end(), of.begin(), of.end());
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

/// Commit `c` of a run: 1 to 40 signals over seven symbols, each symbol's times rising, now and then one late.
std::vector<Model::TradeSignal> commitOf(int c)
{
    std::vector<Model::TradeSignal> signals;
    const int count = 1 + (c * 7) % 40;
    for (int i = 0; i < count; ++i) {
        const int n = c * 40 + i;
        const qint64 late = (n % 97 == 0) ? -500'000'000 : 0;
        signals.push_back(makeSignal("S" + QByteArray::number(n % 7), 1'700'000'000'000'000 + qint64(n) * 1000 + late));
    }
    return signals;
}

} // namespace

class TestSignalIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void aSymbolsSignalsReadOnceEachWhileTheyMove();
    void aFrozenBatchCarriesOnAfterAReopen();
    void rolledBackSignalsLeaveNoEntries();
    void migrationIndexesEarlierSignals();
    void aMissingMarkRowIsNamed();

private:
    /// Every symbol's signals, alone and two together, as written; newest first with a limit, and counted.
    void verifyReads(Written &written);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"db.sqlite"_s); }
};

void TestSignalIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSignalIndex::verifyReads(Written &written)
{
    auto db = openDb(path());
    QVERIFY(db);
    for (int k = 0; k < 7; ++k) {
        const QString symbol = u"S%1"_s.arg(k);
        const auto expected = written.expected({symbol});
        QCOMPARE(readBack(*db, {symbol}), expected);
        Storage::SignalFilter filter;
        filter.symbols = {symbol};
        QCOMPARE(*Storage::countSignals(*db, filter), qint64(expected.size()));
        filter.limit = 3;
        std::vector<Stored> newest;
        QVERIFY(Storage::forEachSignal(*db, filter, [&](const Model::TradeSignal &s) {
            newest.emplace_back(s.timestamp, s.id);
            return true;
        }));
        std::vector<Stored> last(expected.rbegin(), expected.rbegin() + std::min<std::size_t>(3, expected.size()));
        QCOMPARE(newest, last);
    }
    QCOMPARE(readBack(*db, {u"S2"_s, u"S5"_s}), written.expected({u"S2"_s, u"S5"_s}));
    QCOMPARE(readBack(*db, {u"NONE"_s}), std::vector<Stored>{});
}

void TestSignalIndex::aSymbolsSignalsReadOnceEachWhileTheyMove()
{
    // Over three batches' worth: batches freeze, move a few symbols a commit, and finish, with readers looking
    // at every stage.
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer ? QString() : writer.error()));
    Written written;
    auto db = openDb(path());
    bool sawPartlyMoved = false;
    for (int c = 0; c < 300; ++c) {
        written.commit(**writer, commitOf(c));
        if (QTest::currentTestFailed())
            return;
        const bool partlyMoved = db->scalar("SELECT cursor <> '' FROM signals_indexed");
        sawPartlyMoved = sawPartlyMoved || partlyMoved;
        if (partlyMoved || c % 23 == 0) {
            verifyReads(written);
            if (QTest::currentTestFailed())
                return;
        }
    }
    QCOMPARE(written.errors, QStringList());
    verifyReads(written);
    QVERIFY(sawPartlyMoved);
    // Most signals are in signals_by_symbol by now, each once; the rest are after its mark.
    const qint64 all = db->scalar("SELECT count(*) FROM signals");
    const qint64 indexed = db->scalar("SELECT count(*) FROM signals_by_symbol");
    QVERIFY2(indexed >= all - 2 * qint64(SignalIndex::BatchSize), qPrintable(u"%1 of %2"_s.arg(indexed).arg(all)));
    QVERIFY(indexed > 0);
    QCOMPARE(db->scalar("SELECT count(*) FROM signals_by_symbol x JOIN signals s ON s.id = x.id AND s.symbol = "
                        "x.symbol AND s.ts_us = x.ts_us"),
             indexed);
    QCOMPARE(
        db->scalar(QByteArray("SELECT count(*) FROM signals s WHERE " + SignalIndex::unindexedSql("s")).constData()),
        all - indexed);
}

void TestSignalIndex::aMissingMarkRowIsNamed()
{
    // signals_indexed holds the index's marks; without its row the writer does not open, and says why.
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        (*writer)->stop();
    }
    QVERIFY(openDb(path())->exec("DELETE FROM signals_indexed").ok());
    auto writer = StorageWriter::open({path()});
    QVERIFY(!writer);
    QVERIFY2(writer.error().contains(QStringLiteral("signals_indexed has no row")), qPrintable(writer.error()));
}

void TestSignalIndex::aFrozenBatchCarriesOnAfterAReopen()
{
    Written written;
    int c = 0;
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        auto db = openDb(path());
        // Until a batch is frozen and partly moved, then stop there.
        while (!db->scalar("SELECT cursor <> '' FROM signals_indexed") && c < 400)
            written.commit(**writer, commitOf(c++));
        QVERIFY(db->scalar("SELECT batch_end > through_id FROM signals_indexed"));
        (*writer)->stop();
    }
    verifyReads(written);
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    verifyReads(written);
    auto db = openDb(path());
    const qint64 batchEnd = db->scalar("SELECT batch_end FROM signals_indexed");
    for (int more = 0; more < 60; ++more)
        written.commit(**writer, commitOf(c++));
    QVERIFY(db->scalar("SELECT through_id FROM signals_indexed") >= batchEnd); // the batch finished
    QCOMPARE(written.errors, QStringList());
    verifyReads(written);
}

void TestSignalIndex::rolledBackSignalsLeaveNoEntries()
{
    // Two parts of one request in one transaction: the first part's signals are stored, then the second part
    // fails and the transaction rolls back. Their row ids go to the next signals, of other symbols.
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    Written written;
    for (int c = 0; c < 60; ++c)
        written.commit(**writer, commitOf(c));
    auto group = std::make_shared<Storage::CommitGroup>(2);
    std::atomic<int> failed{0};
    const auto part = [&](std::vector<Model::TradeSignal> signals, Storage::WriteJob::Write write) {
        Storage::WriteJob job;
        job.group = group;
        job.signals = std::move(signals);
        job.write = std::move(write);
        job.done = [&failed](const QString &error, std::vector<Model::TradeSignal> &) {
            if (!error.isEmpty())
                ++failed;
        };
        return job;
    };
    std::vector<Model::TradeSignal> lost;
    for (int i = 0; i < int(SignalIndex::BatchSize); ++i)
        lost.push_back(makeSignal("GONE", 1'800'000'000'000'000 + i));
    QCOMPARE((*writer)->submit(part(std::move(lost), {})), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE((*writer)->submit(part({}, [](SqliteDatabase &) { return Util::Status::failure(u"refused"_s); })),
             Ingest::RecordSink::Submit::Accepted);
    QTRY_COMPARE(failed.load(), 2);
    for (int c = 60; c < 200; ++c)
        written.commit(**writer, commitOf(c));
    QCOMPARE(written.errors, QStringList());
    verifyReads(written);
    auto db = openDb(path());
    QCOMPARE(readBack(*db, {u"GONE"_s}), std::vector<Stored>{});
    QCOMPARE(db->scalar("SELECT count(*) FROM signals_by_symbol WHERE symbol = 'GONE'"), 0);
    QCOMPARE(db->scalar("SELECT count(*) FROM signals_by_symbol x LEFT JOIN signals s ON s.id = x.id AND s.symbol = "
                        "x.symbol WHERE s.id IS NULL"),
             0);
}

void TestSignalIndex::migrationIndexesEarlierSignals()
{
    // A database of the layout before: signals found by an index on (symbol, ts_us).
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db, 21).ok());
        QVERIFY(db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                         "INSERT INTO signals(symbol, ts_us, created_us, rule, side, price, reason) "
                         "SELECT 'S' || (i % 7), 1600000000000000 + i * 1000, 1, 'price_move', 'buy', 100, 'old' "
                         "FROM n")
                    .ok());
        QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'signals_symbol_ts'"), 1);
    }
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer ? QString() : writer.error()));
    auto db = openDb(path());
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
    QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'signals_symbol_ts'"), 0);
    QCOMPARE(db->scalar("SELECT count(*) FROM signals_by_symbol"), 3000);
    QCOMPARE(db->scalar("SELECT through_id FROM signals_indexed"), 3000);
    Written written;
    {
        auto st = db->prepare("SELECT symbol, ts_us, id FROM signals ORDER BY id");
        QVERIFY(st);
        while (st->step() == Storage::Step::Row)
            written.bySymbol[st->columnUtf8(0)].emplace_back(st->columnInt64(1), st->columnInt64(2));
    }
    verifyReads(written);
    for (int c = 0; c < 100; ++c)
        written.commit(**writer, commitOf(c));
    QCOMPARE(written.errors, QStringList());
    verifyReads(written);
}

QTEST_GUILESS_MAIN(TestSignalIndex)
#include "tst_signalindex.moc"
