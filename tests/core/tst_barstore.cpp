// SPDX-License-Identifier: MIT
// The bar tables: symbol ids, the arrival-order logs and their merge into the symbol-ordered table, exact
// prices in the compact form, and the migration of a database of the earlier one-table layout.
#include "storage/BarQueries.h"
#include "storage/BarRowCodec.h"
#include "storage/BarStore.h"
#include "storage/LogBucket.h"
#include "storage/LogIndex.h"
#include "storage/PriceCodec.h"
#include "storage/Queries.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "storage/SymbolHistoryReader.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <variant>

using namespace Qt::StringLiterals;
using Storage::SqliteDatabase;
using Storage::StorageWriter;

namespace {

constexpr qint64 Start = 1'700'000'000'000'000LL;

Model::Tick tick(const QByteArray &symbol, qint64 second, double price, qint64 volume = 100)
{
    Model::Tick t;
    Model::Symbol::parse(symbol.constData(), t.symbol);
    t.timestamp = Start + second * 1'000'000;
    t.open = price;
    t.high = price + 0.5;
    t.low = price - 0.25;
    t.close = price + 0.125;
    t.volume = volume;
    return t;
}

std::unique_ptr<SqliteDatabase> openDb(const QString &path)
{
    auto db = SqliteDatabase::open(path);
    return db ? std::move(*db) : nullptr;
}

/// Submits and waits for the commit.
bool store(StorageWriter &writer, Model::RecordBatch batch)
{
    std::atomic<int> done{0};
    QString error;
    if (writer.submit(std::move(batch), 0, [&](const QString &e) {
            error = e;
            done.store(1);
        }) != Ingest::RecordSink::Submit::Accepted)
        return false;
    return QTest::qWaitFor([&] { return done.load() == 1; }, 10000) && error.isEmpty();
}

std::vector<Model::Tick> read(const QString &path, Storage::TickFilter filter = {})
{
    std::vector<Model::Tick> out;
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return out;
    filter.newestFirst = false;
    const auto status = Storage::forEachTick(**db, filter, [&](const Model::Tick &t) {
        out.push_back(t);
        return true;
    });
    if (!status)
        qWarning() << status.error();
    return out;
}

bool same(const Model::Tick &a, const Model::Tick &b)
{
    return a.symbol == b.symbol && a.timestamp == b.timestamp && a.volume == b.volume &&
           std::memcmp(&a.open, &b.open, sizeof a.open) == 0 && std::memcmp(&a.high, &b.high, sizeof a.high) == 0 &&
           std::memcmp(&a.low, &b.low, sizeof a.low) == 0 && std::memcmp(&a.close, &b.close, sizeof a.close) == 0;
}

/// Oldest first per symbol, symbols in name order: how a read in (symbol, time) order sees them.
std::vector<Model::Tick> bySymbol(std::vector<Model::Tick> ticks)
{
    std::stable_sort(ticks.begin(), ticks.end(), [](const Model::Tick &a, const Model::Tick &b) {
        return a.symbol.view() != b.symbol.view() ? a.symbol.view() < b.symbol.view() : a.timestamp < b.timestamp;
    });
    return ticks;
}

std::vector<Model::Tick> readBySymbol(const QString &path)
{
    return bySymbol(read(path));
}

/// The records of the database's `ticks` view, by symbol, time and id: what a file's own schema shows, read
/// without this build's queries.
std::vector<Model::Tick> viewTicks(const QString &path)
{
    std::vector<Model::Tick> out;
    auto db = openDb(path);
    auto q = db->prepare("SELECT symbol, ts_us, open, high, low, close, volume FROM ticks ORDER BY symbol, ts_us, id");
    if (!q)
        return out;
    while (q->step() == Storage::Step::Row) {
        Model::Tick t;
        Model::Symbol::fromString(q->columnText(0), t.symbol);
        t.timestamp = q->columnInt64(1);
        t.open = q->columnDouble(2);
        t.high = q->columnDouble(3);
        t.low = q->columnDouble(4);
        t.close = q->columnDouble(5);
        t.volume = q->columnInt64(6);
        out.push_back(t);
    }
    return out;
}

/// The same records in the same order; names the first that differs.
void compareTicks(const std::vector<Model::Tick> &actual, const std::vector<Model::Tick> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(same(actual[i], expected[i]), qPrintable(QString::number(i)));
}

/// A bar row as a test writes it by hand into a log or a block: prices and volume follow from `price` and `seq`.
Storage::BarRow logRow(std::int64_t id, qint64 second, std::int64_t seq, double price)
{
    return Storage::BarRow{id,       Start + second * 1'000'000, seq, price, price + 0.5, price - 0.25, price + 0.125,
                           100 * seq};
}

QByteArray logValue(std::vector<Storage::BarRow> rows)
{
    std::string out;
    Storage::BarRowCodec::encode(rows.data(), rows.size(), out);
    return QByteArray::fromStdString(out);
}

/// Runs one statement with integer and blob parameters; true when it ran to its end.
bool insertRow(SqliteDatabase &db, const QByteArray &sql, std::vector<std::variant<qint64, QByteArray>> args)
{
    auto st = db.prepare(sql.constData());
    if (!st)
        return false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (const auto *n = std::get_if<qint64>(&args[i])) {
            st->bind(int(i) + 1, std::int64_t(*n));
        } else {
            const QByteArray &blob = std::get<QByteArray>(args[i]);
            st->bindBlob(int(i) + 1, blob.constData(), std::size_t(blob.size()));
        }
    }
    return st->step() == Storage::Step::Done;
}

const QByteArray AddLogValue = "INSERT INTO bars_log%1(bucket, first_seq, rows, data) VALUES (?1, ?2, ?3, ?4)";
const QByteArray AddBlock = "INSERT INTO bar_blocks(symbol_id, last_ts, last_seq, first_ts, first_seq, rows, data) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

} // namespace

class TestBarStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pricesComeBackExactly();
    void runsGoStraightToBars();
    void aSymbolWithRowsInTheLogKeepsAddingThere();
    void symbolIdsSetByHandServe();
    void logsMergeWithoutLosingOrDoublingARow();
    void logIndexWrittenInBatchesFindsEveryValueOnce();
    void retentionKeepsTheLogIndexsMarkBelowNewValues();
    void restartFinishesAMerge();
    void sequenceContinuesAfterARestart();
    void sequenceContinuesAfterInterleavedBuckets();
    void oneSymbolsLogMovesInSlices();
    void aFrozenBucketIsReadBackOverSeveralCommits();
    void lateRowsGoIntoTheirBlocks();
    void aMissingLogMarkIsNamed();
    void historyReaderSpansTablesNewestLast();
    void historyReaderAgreesWithTheFeedAcrossBlocksAndLogs();
    void earlierLayoutMigrated();
    void rowLogsMigratedToValues();
    void valueLogsMigratedToAppendedTables();
    void logsMigratedToSixteenBuckets();
    void logValuesRoundTrip();
    void logBucketOrdersBySymbolAndTime();
    void damagedLogValueRefused();
    void barsReadBackAsBuiltLive();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"db.sqlite"_s); }
};

void TestBarStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestBarStore::pricesComeBackExactly()
{
    const double prices[] = {182.37, 0.1,    1e-9,      123456.789012, 5.25, 1e15,      3.14159265358979,
                             100.0,  0.0001, 9999.9999, 0.3 + 0.6,     7e-5, 1.0 / 3.0, 214748.3647};
    for (const double p : prices) {
        const auto units = Storage::PriceCodec::toUnits(p);
        if (units)
            QCOMPARE(Storage::PriceCodec::fromUnits(*units), p);
    }
    QVERIFY(Storage::PriceCodec::toUnits(182.37).has_value());
    QVERIFY(!Storage::PriceCodec::toUnits(1.0 / 3.0).has_value());
    QVERIFY(!Storage::PriceCodec::toUnits(0.3 + 0.6).has_value()); // 0.8999999999999999 is not 0.9
    // Every price quoted to four decimals becomes its units, negative ones (spreads) too.
    std::mt19937_64 rng(11);
    for (int i = 0; i < 200'000; ++i) {
        const auto units = std::int64_t(rng() % 10'000'000'000'000ULL) * (i % 2 ? -1 : 1);
        const double price = Storage::PriceCodec::fromUnits(units);
        QCOMPARE(Storage::PriceCodec::toUnits(price), std::optional<std::int64_t>(units));
    }

    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    Model::RecordBatch batch;
    std::vector<Model::Tick> sent;
    int second = 0;
    for (const double p : prices) {
        sent.push_back(tick("PX", second++, p));
        batch.emplace_back(sent.back());
    }
    QVERIFY(store(**writer, std::move(batch)));
    const auto back = read(path());
    QCOMPARE(back.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i)
        QVERIFY2(same(back[i], sent[i]), qPrintable(QString::number(sent[i].open, 'g', 17)));
    // Quoted prices take the compact form; others stay floats.
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks WHERE typeof(open) <> 'real'"), 0);
    const auto stored = [&db](const char *type) {
        qint64 n = 0;
        for (const char *table :
             {"bar_blocks k, bar_rows(k.data)", "bars_log0 j, bar_rows(j.data)", "bars_log1 j, bar_rows(j.data)"})
            n += db->scalar(QByteArray("SELECT count(*) FROM ")
                                .append(table)
                                .append(" WHERE typeof(open) = '")
                                .append(type)
                                .append('\'')
                                .constData());
        return n;
    };
    QCOMPARE(stored("integer"), 7);
    QCOMPARE(stored("real"), 7);
}

void TestBarStore::runsGoStraightToBars()
{
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    Model::RecordBatch batch;
    for (int i = 0; i < 40; ++i)
        batch.emplace_back(tick("RUN", i, 50 + i * 0.01));
    batch.emplace_back(tick("ONE", 0, 10));
    QVERIFY(store(**writer, std::move(batch)));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"), 40);
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log0") +
                 db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log1"),
             1);
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 41);
    QCOMPARE(db->scalar("SELECT count(*) FROM symbols"), 2);
}

void TestBarStore::aSymbolWithRowsInTheLogKeepsAddingThere()
{
    // A busy symbol with a few rows in one commit (to the log) and a run in the next: the run goes to the log
    // too, behind the rows there, where blocks would have it before them in time order. Another symbol's run
    // still goes straight to blocks. Every row reads back in order, also after a restart, when a run of the
    // first symbol goes to blocks again (what was in the log then is not known).
    std::vector<Model::Tick> sent;
    const auto commit = [&](Storage::StorageWriter &writer, const char *symbol, int count) {
        Model::RecordBatch batch;
        for (int i = 0; i < count; ++i) {
            sent.push_back(tick(symbol, qint64(sent.size()), 50 + double(sent.size() % 13) * 0.01));
            batch.emplace_back(sent.back());
        }
        return store(writer, std::move(batch));
    };
    const auto inLogs = [&] {
        auto db = openDb(path());
        return db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log0") +
               db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log1");
    };
    const auto inBlocks = [&] { return openDb(path())->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"); };
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        QVERIFY(commit(**writer, "BUSY", 8));
        QVERIFY(commit(**writer, "BUSY", 20));
        QCOMPARE(inLogs(), 28);
        QCOMPARE(inBlocks(), 0);
        QVERIFY(commit(**writer, "RUN", 20));
        QCOMPARE(inBlocks(), 20);
        QCOMPARE(read(path()).size(), sent.size());
    }
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    QVERIFY(commit(**writer, "BUSY", 20));
    QCOMPARE(inBlocks(), 40);
    QCOMPARE(inLogs(), 28);
    const auto back = readBySymbol(path());
    const auto expected = bySymbol(sent);
    QCOMPARE(back.size(), expected.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY2(same(back[i], expected[i]), qPrintable(QString::number(i)));
}

void TestBarStore::symbolIdsSetByHandServe()
{
    // A database whose symbol ids were set by hand far apart: the writer's tables by id must not grow with
    // the largest. Records of a symbol with a small id, one with id 2^40 and one added after it (2^40 + 1)
    // interleave over five minutes in several commits, with a restart between: every record reads back, and
    // each symbol has its five closed one-minute bars kept.
    constexpr qint64 Big = qint64(1) << 40;
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        QVERIFY(store(**writer, {tick("SMALL", 0, 10)}));
    }
    {
        auto db = openDb(path());
        QVERIFY(db->exec(
            QByteArray("INSERT INTO symbols(id, name) VALUES (" + QByteArray::number(Big) + ", 'BIG')").constData()));
    }
    std::vector<Model::Tick> sent{tick("SMALL", 0, 10)};
    for (int part = 0; part < 2; ++part) {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        for (int commit = 0; commit < 5; ++commit) {
            Model::RecordBatch batch;
            for (int i = 0; i < 15; ++i) {
                const qint64 second = part * 150 + commit * 30 + i * 2 + 1;
                for (const char *symbol : {"SMALL", "BIG", "AFTER"}) {
                    sent.push_back(tick(symbol, second, 20 + double(second % 7)));
                    batch.emplace_back(sent.back());
                }
            }
            QVERIFY(store(**writer, std::move(batch)));
        }
    }
    const std::vector<Model::Tick> back = readBySymbol(path());
    const std::vector<Model::Tick> expected = bySymbol(sent);
    QCOMPARE(back.size(), expected.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY2(same(back[i], expected[i]), qPrintable(u"record %1 differs"_s.arg(i)));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT id FROM symbols WHERE name = 'AFTER'"), Big + 1);
    for (const qint64 id : {qint64(db->scalar("SELECT id FROM symbols WHERE name = 'SMALL'")), Big, Big + 1}) {
        const QByteArray query = "SELECT count(*) FROM history_bars JOIN history_timeframes t ON t.id = timeframe_id "
                                 "WHERE symbol_id = " +
                                 QByteArray::number(id) + " AND t.name = '1m'";
        QCOMPARE(db->scalar(query.constData()), 5);
    }
}

void TestBarStore::logsMergeWithoutLosingOrDoublingARow()
{
    // 300 symbols, a third of a row each per commit: everything goes through the logs, which fill at 500
    // rows and are moved into bars while more arrives. After every commit each row is seen exactly once.
    Storage::WriterOptions options{path()};
    options.logMergeRows = 500;
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    std::vector<Model::Tick> sent;
    for (int b = 0; b < 30; ++b) {
        Model::RecordBatch batch;
        for (int i = 0; i < 100; ++i) {
            const int n = b * 100 + i;
            sent.push_back(tick("S" + QByteArray::number(n % 300), n / 300, 20 + (n % 997) * 0.01, n));
            batch.emplace_back(sent.back());
        }
        QVERIFY(store(**writer, std::move(batch)));
        auto db = openDb(path());
        QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), qint64(sent.size()));
        QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), qint64(sent.size()));
    }
    auto db = openDb(path());
    // While idle the writer finishes the merge of a frozen log.
    QTRY_COMPARE(db->scalar("SELECT sum(frozen) FROM bars_logs"), 0);
    QTRY_COMPARE((*writer)->stats().barsToMerge.load(), 0u);
    QVERIFY(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks") >= 500);
    QVERIFY(db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log0") +
                db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log1") <
            1000);
    const auto back = readBySymbol(path());
    const auto expected = bySymbol(sent);
    QCOMPARE(back.size(), expected.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY2(same(back[i], expected[i]), qPrintable(QString::number(i)));

    // One symbol's newest bars, across the tables.
    Storage::TickFilter filter;
    filter.symbols = {u"S7"_s};
    const auto s7 = read(path(), filter);
    QCOMPARE(s7.size(), std::size_t(10));
    for (std::size_t i = 0; i + 1 < s7.size(); ++i)
        QVERIFY(s7[i].timestamp < s7[i + 1].timestamp);
    auto reader = SqliteDatabase::open(path(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(reader);
    auto count = Storage::countTicks(**reader, filter);
    QVERIFY(count);
    QCOMPARE(*count, 10);
}

void TestBarStore::sequenceContinuesAfterInterleavedBuckets()
{
    // A commit numbers its rows symbol by symbol in the order they came: when a symbol of another bucket comes
    // between two of one bucket, that bucket's value holds numbers n and n + 2, the other's n + 1. The next
    // number after a restart is n + 3, not one past n + its two rows: a number given twice would hide a record
    // from the kept bars and show two records under one id.
    const auto name = [](int i) { return QByteArray("Q" + QByteArray::number(i)); };
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        Model::RecordBatch first; // ids 1 to 17 in this order: Q17 alone in the second bucket
        for (int i = 1; i <= Storage::BarStore::IdsPerBucket + 1; ++i)
            first.emplace_back(tick(name(i), 0, i));
        QVERIFY(store(**writer, std::move(first)));
        QVERIFY(store(**writer,
                      Model::RecordBatch{tick(name(1), 1, 1), tick(name(Storage::BarStore::IdsPerBucket + 1), 1, 2),
                                         tick(name(2), 1, 3)}));
    }
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        QVERIFY(store(**writer, Model::RecordBatch{tick(name(3), 2, 4)}));
    }
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), Storage::BarStore::IdsPerBucket + 5);
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), Storage::BarStore::IdsPerBucket + 5);
    QCOMPARE(db->scalar("SELECT max(id) FROM ticks"), Storage::BarStore::IdsPerBucket + 5);
}

void TestBarStore::oneSymbolsLogMovesInSlices()
{
    // One busy symbol sending a few records per commit fills a whole log by itself. Its move into bars goes
    // a slice per commit like any other (no commit takes the whole log): the mark stops inside the symbol's
    // rows, and after every commit, and after a restart in the middle, each row is seen exactly once.
    auto db = openDb(path());
    QVERIFY(Storage::Schema::migrate(*db).ok());
    auto reader = openDb(path());
    std::vector<Model::Tick> sent;
    int insideMarks = 0;
    for (int round = 0; round < 2; ++round) {
        auto store = Storage::BarStore::open(*db, 400);
        QVERIFY(store);
        for (int b = 0; b < 70; ++b) {
            std::vector<Model::Tick> ticks;
            for (int i = 0; i < 8; ++i) {
                const int n = int(sent.size());
                sent.push_back(tick("ONE", n, 100 + (n % 89) * 0.01, n));
                ticks.push_back(sent.back());
            }
            std::vector<const Model::Tick *> sorted;
            for (const Model::Tick &t : ticks)
                sorted.push_back(&t);
            QVERIFY(db->exec("BEGIN IMMEDIATE").ok());
            QCOMPARE((*store)->write(sorted), QString());
            QCOMPARE((*store)->merge(sorted.size()), QString());
            QVERIFY(db->exec("COMMIT").ok());
            (*store)->committed();
            QCOMPARE(reader->scalar("SELECT count(*) FROM ticks"), qint64(sent.size()));
            QCOMPARE(reader->scalar("SELECT count(DISTINCT id) FROM ticks"), qint64(sent.size()));
            insideMarks +=
                int(reader->scalar("SELECT count(*) FROM bars_logs WHERE frozen = 1 AND merged_through > 0"));
        }
    }
    QVERIFY2(insideMarks > 20, qPrintable(QString::number(insideMarks)));
    const auto back = read(path());
    QCOMPARE(back.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i)
        QVERIFY2(same(back[i], sent[i]), qPrintable(QString::number(i)));
}

void TestBarStore::aFrozenBucketIsReadBackOverSeveralCommits()
{
    // Reading a full bucket back in one commit held that commit, and every request waiting for it, for 35-70 ms
    // at 65,536 rows. Each commit now reads about twice the rows it may move: with 8 rows a commit and one
    // symbol's bucket of 400, the mark stays put while the bucket is read over many commits, and later commits make
    // up for them; commits rolled back on the way (one in nine) keep what was read, and every row is stored once.
    auto db = openDb(path());
    QVERIFY(Storage::Schema::migrate(*db).ok());
    auto reader = openDb(path());
    auto store = Storage::BarStore::open(*db, 400 * Storage::BarStore::LogBuckets);
    QVERIFY(store);
    std::vector<Model::Tick> sent;
    int readingCommits = 0;
    std::uint64_t mostMoved = 0;
    for (int b = 0; b < 150; ++b) {
        std::vector<Model::Tick> ticks;
        for (int i = 0; i < 8; ++i) {
            const int n = int(sent.size()) + i;
            ticks.push_back(tick("ONE", n, 100 + (n % 89) * 0.01, n));
        }
        std::vector<const Model::Tick *> sorted;
        for (const Model::Tick &t : ticks)
            sorted.push_back(&t);
        const std::uint64_t movedBefore = (*store)->mergedRows();
        QVERIFY(db->exec("BEGIN IMMEDIATE").ok());
        QCOMPARE((*store)->write(sorted), QString());
        QCOMPARE((*store)->merge(sorted.size()), QString());
        if (b % 9 == 4) {
            QVERIFY(db->exec("ROLLBACK").ok());
            (*store)->rolledBack();
            continue;
        }
        QVERIFY(db->exec("COMMIT").ok());
        (*store)->committed();
        mostMoved = std::max(mostMoved, (*store)->mergedRows() - movedBefore);
        sent.insert(sent.end(), ticks.begin(), ticks.end());
        readingCommits += int(reader->scalar("SELECT count(*) FROM bars_logs WHERE frozen = 1 AND merged_bucket < 0"));
        QCOMPARE(reader->scalar("SELECT count(*) FROM ticks"), qint64(sent.size()));
        QCOMPARE(reader->scalar("SELECT count(DISTINCT id) FROM ticks"), qint64(sent.size()));
    }
    QVERIFY2(readingCommits >= 10, qPrintable(QString::number(readingCommits)));
    // The rows the reading commits did not move are made up for: some commits move more than they were asked.
    QVERIFY2(mostMoved > 8, qPrintable(QString::number(mostMoved)));
    const auto back = read(path());
    QCOMPARE(back.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i)
        QVERIFY2(same(back[i], sent[i]), qPrintable(QString::number(i)));
}

void TestBarStore::aMissingLogMarkIsNamed()
{
    // bars_logs holds each log's marks; without the row of one, the store does not open (it would have taken
    // every value of that log as indexed), and the error names what is missing.
    auto db = openDb(path());
    QVERIFY(Storage::Schema::migrate(*db).ok());
    QVERIFY(db->exec("DELETE FROM bars_logs WHERE log = 1").ok());
    auto store = Storage::BarStore::open(*db, 1'000'000);
    QVERIFY(!store);
    QVERIFY2(store.error().endsWith(QStringLiteral(": bars_logs has no row for log 1")), qPrintable(store.error()));
}

void TestBarStore::lateRowsGoIntoTheirBlocks()
{
    // A symbol's blocks: 1,300 rows in time order make three, then runs of late rows land before the first,
    // inside one, in the gap between two, on a block's last time, and at the newest time. Afterwards the
    // blocks still follow each other without overlapping, and every read (all rows, time ranges, the oldest
    // and newest time in a range) equals the rows sorted by time.
    auto db = openDb(path());
    QVERIFY(Storage::Schema::migrate(*db).ok());
    auto store = Storage::BarStore::open(*db, 1'000'000);
    QVERIFY(store);
    std::vector<Model::Tick> sent;
    const auto write = [&](const std::vector<qint64> &seconds) {
        std::vector<Model::Tick> ticks;
        for (const qint64 second : seconds)
            ticks.push_back(tick("LATE", second, 50 + double(sent.size() % 97) * 0.01, qint64(sent.size())));
        sent.insert(sent.end(), ticks.begin(), ticks.end());
        std::vector<const Model::Tick *> sorted;
        for (const Model::Tick &t : ticks)
            sorted.push_back(&t);
        QVERIFY(db->exec("BEGIN IMMEDIATE").ok());
        QCOMPARE((*store)->write(sorted), QString());
        QVERIFY(db->exec("COMMIT").ok());
        (*store)->committed();
    };
    std::vector<qint64> first;
    for (qint64 i = 0; i < 1300; ++i)
        first.push_back(i * 10);
    write(first);
    QCOMPARE(db->scalar("SELECT count(*) FROM bar_blocks"), 3);
    const qint64 firstBlockEnd = db->scalar("SELECT min(last_ts) FROM bar_blocks");
    std::vector<qint64> late;
    for (qint64 i = 0; i < 20; ++i) {
        late.push_back(-100 + i);                                          // before everything
        late.push_back(1000 + i * 7);                                      // inside the first block
        late.push_back((firstBlockEnd - Start) / 1'000'000);               // on its last time
        late.push_back((firstBlockEnd - Start) / 1'000'000 + 1 + (i % 9)); // in the gap after it
        late.push_back(12990);                                             // the newest time
    }
    write(late);
    std::mt19937 rng(5);
    for (int round = 0; round < 5; ++round) {
        std::vector<qint64> random;
        for (int i = 0; i < 40; ++i)
            random.push_back(qint64(rng() % 14000) - 200);
        write(random);
    }

    // Blocks in key order begin after the one before ends; rows inside are in order and within the span.
    auto blocks = db->prepare("SELECT last_ts, last_seq, first_ts, first_seq, rows, data FROM bar_blocks "
                              "ORDER BY symbol_id, last_ts, last_seq");
    QVERIFY(blocks);
    std::pair<qint64, qint64> before{std::numeric_limits<qint64>::min(), 0};
    qint64 total = 0;
    while (blocks->step() == Storage::Step::Row) {
        const std::pair<qint64, qint64> last{blocks->columnInt64(0), blocks->columnInt64(1)};
        const std::pair<qint64, qint64> begin{blocks->columnInt64(2), blocks->columnInt64(3)};
        QVERIFY(before < begin);
        QVERIFY(begin <= last);
        const QByteArrayView value = blocks->columnBlob(5);
        Storage::BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
        std::pair<qint64, qint64> previous = begin;
        qint64 rows = 0;
        for (Storage::BarRow r; reader.next(r); ++rows) {
            const std::pair<qint64, qint64> at{r.timestamp, r.seq};
            QVERIFY(rows == 0 ? at == begin : previous < at);
            previous = at;
        }
        QVERIFY(!reader.failed());
        QCOMPARE(previous, last);
        QCOMPARE(rows, blocks->columnInt64(4));
        total += rows;
        before = last;
    }
    *blocks = {};
    QCOMPARE(total, qint64(sent.size()));

    std::vector<Model::Tick> expected = sent;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Model::Tick &a, const Model::Tick &b) { return a.timestamp < b.timestamp; });
    const auto back = read(path());
    QCOMPARE(back.size(), expected.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY2(same(back[i], expected[i]), qPrintable(QString::number(i)));

    auto reader = SqliteDatabase::open(path(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(reader);
    auto minimum = (*reader)->prepare(
        Storage::BarStore::symbolTimeSql("min", "ts_us >= ?2 AND ts_us <= ?3", 4, {2, 3}).constData());
    auto maximum = (*reader)->prepare(Storage::BarStore::symbolTimeSql("max", "ts_us < ?2", 3, {0, 2}).constData());
    QVERIFY(minimum && maximum);
    const qint64 id = db->scalar("SELECT id FROM symbols WHERE name = 'LATE'");
    for (int round = 0; round < 200; ++round) {
        const qint64 from = Start + (qint64(rng() % 14000) - 300) * 1'000'000;
        const qint64 to = from + qint64(rng() % 3000) * 1'000'000;
        Storage::TickFilter filter;
        filter.symbols = {u"LATE"_s};
        filter.fromUs = from;
        filter.toUs = to;
        std::vector<Model::Tick> inRange;
        for (const Model::Tick &t : expected)
            if (t.timestamp >= from && t.timestamp <= to)
                inRange.push_back(t);
        const auto got = read(path(), filter);
        QCOMPARE(got.size(), inRange.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            QVERIFY2(same(got[i], inRange[i]), qPrintable(QString::number(i)));

        minimum->bind(1, std::int64_t(id));
        minimum->bind(2, std::int64_t(from));
        minimum->bind(3, std::int64_t(to));
        minimum->bind(4, Storage::BarStore::bucketOf(id));
        QCOMPARE(minimum->step(), Storage::Step::Row);
        QCOMPARE(minimum->columnInt64(0), inRange.empty() ? 0 : inRange.front().timestamp);
        minimum->reset();
        qint64 newest = 0;
        for (const Model::Tick &t : expected)
            if (t.timestamp < to)
                newest = t.timestamp;
        maximum->bind(1, std::int64_t(id));
        maximum->bind(2, std::int64_t(to));
        maximum->bind(3, Storage::BarStore::bucketOf(id));
        QCOMPARE(maximum->step(), Storage::Step::Row);
        QCOMPARE(maximum->columnInt64(0), newest);
        maximum->reset();
    }
}

void TestBarStore::logIndexWrittenInBatchesFindsEveryValueOnce()
{
    // Forty symbols over three log buckets, a row of each a commit: three values a commit, whose index entries
    // wait for a batch (LogIndex::Batch values) and then go in, a bucket or two a commit. Readers find each value
    // once, through the index or past the marks, at every stage; the writer stops in the middle of a batch and
    // carries on after a restart; then the log freezes and moves into blocks.
    const auto foundOnce = [](SqliteDatabase &db, int log) {
        const QByteArray table = "bars_log" + QByteArray::number(log);
        const QByteArray inBucket =
            "SELECT count(*) FROM " + table + " j WHERE " + Storage::LogIndex::inBucketSql(log, "j", "?1");
        qint64 found = 0;
        for (int bucket = 0; bucket < Storage::BarStore::LogBuckets; ++bucket) {
            auto st = db.prepare(inBucket.constData());
            st->bind(1, std::int64_t(bucket));
            st->step();
            found += st->columnInt64(0);
        }
        // And every entry names a value of its bucket.
        const QByteArray stale = "SELECT count(*) FROM bars_log_index x WHERE x.log = " + QByteArray::number(log) +
                                 " AND NOT EXISTS (SELECT 1 FROM " + table +
                                 " j WHERE j.rowid = x.row AND j.bucket = x.bucket)";
        return found == db.scalar(QByteArray("SELECT count(*) FROM " + table).constData()) &&
               db.scalar(stale.constData()) == 0;
    };
    std::vector<Model::Tick> sent;
    constexpr int Symbols = 40;
    constexpr int Commits = int(Storage::LogIndex::Batch) + 40; // three values each: past three batches
    const auto round = [&sent](int c) {                         // a record of each symbol at second c
        Model::RecordBatch batch;
        for (int s = 0; s < Symbols; ++s) {
            sent.push_back(tick("I" + QByteArray::number(s), c, 10 + s + (c % 100) * 0.01));
            batch.emplace_back(sent.back());
        }
        return batch;
    };
    {
        auto writer = StorageWriter::open({path()});
        QVERIFY(writer);
        auto db = openDb(path());
        qint64 marks = 0;
        for (int c = 0; c < Commits; ++c) {
            QVERIFY(store(**writer, round(c)));
            const qint64 mark = db->scalar("SELECT indexed_row FROM bars_logs WHERE log = 0");
            const bool partly = db->scalar("SELECT batch_bucket >= 0 FROM bars_logs WHERE log = 0");
            if (mark != marks || partly || c % 97 == 0) { // a batch went in, goes in, or in between
                marks = mark;
                QVERIFY(foundOnce(*db, 0));
                Storage::TickFilter filter;
                filter.symbols = {u"I7"_s, u"I33"_s};
                const auto some = read(path(), filter);
                QCOMPARE(some.size(), std::size_t(2 * (c + 1)));
                QCOMPARE(some.back().timestamp, Start + c * 1'000'000);
            }
        }
        QVERIFY(marks > 0);
        QVERIFY(db->scalar("SELECT count(*) FROM bars_log_index WHERE log = 0") >= qint64(Storage::LogIndex::Batch));
        QVERIFY(db->scalar("SELECT count(*) FROM bars_log0 WHERE rowid > (SELECT indexed_row FROM bars_logs WHERE "
                           "log = 0)") < 2 * qint64(Storage::LogIndex::Batch));
        // On until the writer stops in the middle of a batch.
        for (int c = Commits; !db->scalar("SELECT batch_bucket >= 0 FROM bars_logs WHERE log = 0") && c < 3 * Commits;
             ++c)
            QVERIFY(store(**writer, round(c)));
        QVERIFY(db->scalar("SELECT batch_bucket >= 0 FROM bars_logs WHERE log = 0"));
        QVERIFY(foundOnce(*db, 0));
    }
    compareTicks(readBySymbol(path()), bySymbol(sent));
    if (QTest::currentTestFailed())
        return;

    // Reopened with smaller logs: the full one freezes, is read back through the index, moves, and goes.
    Storage::WriterOptions options{path()};
    options.logMergeRows = 4000;
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    for (int c = 3 * Commits; c < 3 * Commits + 20; ++c)
        QVERIFY(store(**writer, round(c)));
    auto db = openDb(path());
    QTRY_COMPARE(db->scalar("SELECT sum(frozen) FROM bars_logs"), 0);
    writer->reset();
    QVERIFY(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks") >= 22000); // the first log moved
    QVERIFY(foundOnce(*db, 0));
    QVERIFY(foundOnce(*db, 1));
    compareTicks(readBySymbol(path()), bySymbol(sent));
}

void TestBarStore::retentionKeepsTheLogIndexsMarkBelowNewValues()
{
    // One symbol, a value a commit. The batch of index entries goes in with the commit of an old record, whose
    // value is then the newest; retention deletes it, and SQLite gives the next value its row id: that value
    // must be found, although the index's mark was that id.
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const auto at = [](qint64 us) {
        Model::Tick t = tick("KEEP", 0, 10);
        t.timestamp = us;
        return t;
    };
    const int fresh = int(Storage::LogIndex::Batch) - 1;
    for (int i = 0; i < fresh; ++i)
        QVERIFY(store(**writer, Model::RecordBatch{at(nowUs - 3'600'000'000LL + i * 1000)}));
    QVERIFY(store(**writer, Model::RecordBatch{at(nowUs - 5 * 86'400'000'000LL)})); // completes the batch
    auto db = openDb(path());
    const qint64 mark = db->scalar("SELECT indexed_row FROM bars_logs WHERE log = 0");
    QCOMPARE(mark, db->scalar("SELECT max(rowid) FROM bars_log0"));
    (*writer)->setRetentionDays(2);
    (*writer)->requestRetention();
    QTRY_COMPARE((*writer)->deletedByRetention(), std::uint64_t(1));
    QVERIFY(db->scalar("SELECT max(rowid) FROM bars_log0") < mark);
    QVERIFY(store(**writer, Model::RecordBatch{at(nowUs)}));
    QCOMPARE(db->scalar("SELECT max(rowid) FROM bars_log0"), mark); // the deleted value's id again
    Storage::TickFilter filter;
    filter.symbols = {u"KEEP"_s};
    const auto rows = read(path(), filter);
    QCOMPARE(rows.size(), std::size_t(fresh + 1));
    QCOMPARE(rows.back().timestamp, nowUs);
}

void TestBarStore::restartFinishesAMerge()
{
    Storage::WriterOptions options{path()};
    options.logMergeRows = 200;
    std::vector<Model::Tick> sent;
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        Model::RecordBatch batch;
        for (int n = 0; n < 260; ++n) {
            sent.push_back(tick("R" + QByteArray::number(n % 130), n / 130, 30 + n * 0.0001, n));
            batch.emplace_back(sent.back());
        }
        QVERIFY(store(**writer, std::move(batch))); // fills the log: it freezes in this commit
        (*writer)->stop();
    }
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 260);
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        QTRY_COMPARE(db->scalar("SELECT sum(frozen) FROM bars_logs"), 0);
        QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"), 260);
        // New rows get new sequence numbers after a restart.
        QVERIFY(store(**writer, Model::RecordBatch{tick("R1", 99, 31)}));
    }
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 261);
    sent.push_back(tick("R1", 99, 31));
    const auto back = readBySymbol(path());
    const auto expected = bySymbol(sent);
    QCOMPARE(back.size(), expected.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY(same(back[i], expected[i]));
}

void TestBarStore::sequenceContinuesAfterARestart()
{
    // Records of one symbol and one second keep their order of arrival by their sequence numbers. A commit
    // that only appends to a log does not store the next number (a page less in each commit): a restart
    // takes it from the log's newest values, or from bar_sequence once the rows have left the logs.
    const auto prices = [&] {
        std::vector<double> out;
        for (const Model::Tick &t : read(path()))
            out.push_back(t.open);
        return out;
    };
    Storage::WriterOptions options{path()};
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        for (int price = 1; price <= 3; ++price)
            QVERIFY(store(**writer, Model::RecordBatch{tick("SEQ", 0, price)}));
    }
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT next FROM bar_sequence"), 1); // only the log holds them
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        QVERIFY(store(**writer, Model::RecordBatch{tick("SEQ", 0, 4)}));
    }
    QCOMPARE(prices(), (std::vector<double>{1, 2, 3, 4}));

    options.logMergeRows = 64; // a bucket of four rows freezes the log: they move into blocks
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        QVERIFY(store(**writer, Model::RecordBatch{tick("SEQ", 0, 5)}));
        QTRY_COMPARE(db->scalar("SELECT count(*) FROM bars_log0") + db->scalar("SELECT count(*) FROM bars_log1"), 0);
    }
    QCOMPARE(db->scalar("SELECT next FROM bar_sequence"), 6);
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        QVERIFY(store(**writer, Model::RecordBatch{tick("SEQ", 0, 6)}));
        // A direct run goes into blocks at once: its numbers are stored with it.
        Model::RecordBatch run;
        for (int i = 0; i < 64; ++i)
            run.emplace_back(tick("SEQ", 0, 7 + i));
        QVERIFY(store(**writer, std::move(run)));
    }
    {
        auto writer = StorageWriter::open(options);
        QVERIFY(writer);
        QVERIFY(store(**writer, Model::RecordBatch{tick("SEQ", 0, 71)}));
    }
    std::vector<double> expected(71);
    std::iota(expected.begin(), expected.end(), 1.0);
    QCOMPARE(prices(), expected);
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 71);
}

void TestBarStore::historyReaderSpansTablesNewestLast()
{
    Storage::WriterOptions options{path()};
    options.logMergeRows = 1'000'000; // nothing merges: old bars in `bars`, new ones in the log
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    Model::RecordBatch run;
    for (int i = 0; i < 20; ++i)
        run.emplace_back(tick("HX", i, 10 + i));
    QVERIFY(store(**writer, std::move(run)));
    for (int i = 20; i < 25; ++i)
        QVERIFY(store(**writer, Model::RecordBatch{tick("HX", i, 10 + i), tick("OTHER", i, 1)}));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"), 20);
    auto reader = Storage::SymbolHistoryReader::open(path());
    QVERIFY(reader);
    Model::Symbol hx;
    Model::Symbol::parse("HX", hx);
    const Bars::Session utc;
    // Alone, and in a snapshot that keeps each log bucket decoded for the next symbol: the same rows.
    for (const bool snapshot : {false, true}) {
        if (snapshot)
            QVERIFY((*reader)->beginSnapshot().ok());
        const auto symbols = (*reader)->symbols();
        QCOMPARE(symbols.size(), std::size_t(2));
        QCOMPARE(symbols[0].symbol.view(), std::string_view("HX"));
        // Asked for, the newest record's time, from the log here (HX's block ends at second 19).
        const auto byTime = (*reader)->symbols(true);
        QCOMPARE(byTime.size(), std::size_t(2));
        QCOMPARE(byTime[0].symbol, symbols[0].symbol);
        QCOMPARE(byTime[0].latest, Start + 24 * 1'000'000);
        QCOMPARE(byTime[1].latest, Start + 24 * 1'000'000);
        const auto history = (*reader)->read(hx, 8, utc);
        QCOMPARE(history.bars.size(), std::size_t(8));
        for (int i = 0; i < 8; ++i)
            QCOMPARE(history.bars[std::size_t(i)].open, double(10 + 17 + i));
        QCOMPARE((*reader)->read(symbols[1].symbol, 8, utc).bars.size(), std::size_t(5));
        QCOMPARE((*reader)->read(hx, 30, utc).bars.size(), std::size_t(25));
        Model::Symbol unknown;
        Model::Symbol::parse("NONE", unknown);
        QVERIFY((*reader)->read(unknown, 8, utc).bars.empty());
        (*reader)->endSnapshot();
    }
}

void TestBarStore::historyReaderAgreesWithTheFeedAcrossBlocksAndLogs()
{
    // Sixty symbols over four log buckets, each commit a row or two of each and now and then a run long
    // enough for blocks, with small logs that freeze and move every dozen commits: a symbol's rows end up in
    // blocks and in the active log. Each symbol's newest rows read back, alone and in a snapshot (buckets
    // decoded once for all their symbols), are the last ones sent.
    Storage::WriterOptions options{path()};
    options.logMergeRows = 20000; // a bucket freezes its log at 312 rows: every dozen commits
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    constexpr int Symbols = 60;
    const auto name = [](int s) { return QByteArray("R" + QByteArray::number(s)); };
    std::vector<std::vector<double>> sent(Symbols);
    qint64 second = 0;
    for (int round = 0; round < 121; ++round) {
        Model::RecordBatch batch;
        for (int s = 0; s < Symbols; ++s) {
            const int count = round % 37 == s % 37 ? 20 : 1 + (round + s) % 2;
            for (int i = 0; i < count; ++i) {
                const double price = 10 + s + double(sent[std::size_t(s)].size() % 1000) / 100;
                batch.emplace_back(tick(name(s), ++second, price));
                sent[std::size_t(s)].push_back(price);
            }
        }
        QVERIFY(store(**writer, std::move(batch)));
    }
    writer->reset();
    auto db = openDb(path());
    QVERIFY(db->scalar("SELECT count(*) FROM bar_blocks") > 100);
    QVERIFY(db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log0") +
                db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log1") >
            0);
    auto reader = Storage::SymbolHistoryReader::open(path());
    QVERIFY(reader);
    const Bars::Session utc;
    for (const bool snapshot : {false, true}) {
        if (snapshot)
            QVERIFY((*reader)->beginSnapshot().ok());
        const auto symbols = (*reader)->symbols();
        QCOMPARE(int(symbols.size()), Symbols);
        for (const auto &[symbol, latest] : symbols) {
            const int s = QByteArray(symbol.view().data() + 1, qsizetype(symbol.view().size() - 1)).toInt();
            const std::vector<double> &expected = sent[std::size_t(s)];
            for (const int count : {1, 7, 300, 100000}) {
                const auto history = (*reader)->read(symbol, count, utc);
                const std::size_t n = std::min(expected.size(), std::size_t(count));
                QCOMPARE(history.bars.size(), n);
                for (std::size_t i = 0; i < n; ++i)
                    QCOMPARE(history.bars[i].open, expected[expected.size() - n + i]);
            }
        }
        (*reader)->endSnapshot();
    }
}

void TestBarStore::earlierLayoutMigrated()
{
    // A database of the one-table layout (schema 2), with prices that fit the compact form and some that do
    // not, two bars at the same time, and symbols out of order.
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db, 2).ok());
        QCOMPARE(db->scalar("PRAGMA user_version"), 2);
        QVERIFY(db->exec("INSERT INTO ticks(symbol, ts_us, open, high, low, close, volume) VALUES "
                         "('MSFT', 1000, 310.25, 311.0, 309.5, 310.75, 500),"
                         "('AAPL', 2000, 182.37, 183.1, 181.9, 182.5, 900),"
                         "('AAPL', 1000, 181.1234, 182.0, 180.0, 0.1, 800),"
                         "('AAPL', 2000, 182.38, 183.2, 181.8, 3.14159265358979, 700),"
                         "('MSFT', 500, 0.30000000000000004, 1e-9, 1e15, 100.0, 1)")
                    .ok());
    }
    const std::vector<Model::Tick> before = viewTicks(path());
    QCOMPARE(before.size(), std::size_t(5));

    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    auto db = openDb(path());
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
    QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ticks' AND type = 'view'"), 1);
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"), 5);
    // The ids carry over (they order bars of equal time), and new bars follow them.
    QCOMPARE(db->scalar("SELECT id FROM ticks WHERE symbol = 'AAPL' AND volume = 700"), 4);
    QVERIFY(store(**writer, Model::RecordBatch{tick("AAPL", 5, 190)}));
    QCOMPARE(db->scalar("SELECT max(id) FROM ticks"), 6);
    const auto after = read(path());
    QCOMPARE(after.size(), std::size_t(6));
    std::vector<Model::Tick> migrated(after.begin(), after.end());
    migrated.erase(
        std::remove_if(migrated.begin(), migrated.end(), [](const Model::Tick &t) { return t.volume == 100; }),
        migrated.end());
    migrated = bySymbol(migrated);
    QCOMPARE(migrated.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        QVERIFY2(same(migrated[i], before[i]), qPrintable(QString::number(i)));
    // The same view through the `ticks` compatibility view, in SQL.
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks WHERE symbol = 'MSFT' AND open = 0.30000000000000004 AND "
                        "high = 1e-9 AND low = 1e15 AND close = 100.0"),
             1);
}

void TestBarStore::rowLogsMigratedToValues()
{
    // Schema 12 kept a row per record in the logs: log 0 frozen and moved through symbol 1 (its row for
    // symbol 1 is in bars already), log 1 active.
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db, 12).ok());
        QVERIFY(db->exec("INSERT INTO symbols(id, name) VALUES (1, 'AAA'), (2, 'BBB'), (3, 'CCC');"
                         "INSERT INTO bars VALUES (1, 1000, 1, 1000000, 1010000, 990000, 1005000, 10),"
                         "(1, 2000, 2, 1005000, 1010000, 1000000, 1007500, 11);"
                         "INSERT INTO bars_log0 VALUES (1, 2, 1, 2000, 1005000, 1010000, 1000000, 1007500, 11),"
                         "(2, 3, 2, 2000, 505000, 510000, 500000, 0.30000000000000004, 12);"
                         "INSERT INTO bars_log1 VALUES (3, 4, 3, 3000, 70000, 71000, 69000, 70500, 13),"
                         "(2, 5, 2, 3000, 506000, 510000, 500000, 507000, 14);"
                         "UPDATE bars_logs SET frozen = 1, merged_through = 1 WHERE log = 0;"
                         "UPDATE bar_sequence SET next = 6;")
                    .ok());
        QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 5);
    }
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    auto db = openDb(path());
    QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks"), 5);
    QCOMPARE(db->scalar("SELECT count(*) FROM bars_log0") + db->scalar("SELECT count(*) FROM bars_log1"), 0);
    QCOMPARE(db->scalar("SELECT sum(frozen) FROM bars_logs"), 0);
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 5);
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks WHERE symbol = 'BBB' AND close = 0.30000000000000004"), 1);
    // New records go to a log as values, after the migrated ones.
    QVERIFY(store(**writer, Model::RecordBatch{tick("BBB", 9, 51), tick("DDD", 9, 7)}));
    QCOMPARE(db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log0") +
                 db->scalar("SELECT coalesce(sum(rows), 0) FROM bars_log1"),
             2);
    QCOMPARE(db->scalar("SELECT min(id) FROM ticks WHERE ts_us > 1000000"), 6);
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 7);
}

void TestBarStore::valueLogsMigratedToAppendedTables()
{
    // Schema 18 kept the logs' values keyed by (bucket, first_seq): log 0 frozen and moved through AAA's first
    // row (which is in a block already), log 1 active; AAA (id 1) in bucket 0, BBB (id 17) in bucket 1.
    const auto row = logRow;
    const auto value = logValue;
    const auto insert = insertRow;
    const QByteArray addValue = AddLogValue;
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db, 18).ok());
        const QByteArray setUp =
            "INSERT INTO symbols(id, name) VALUES (1, 'AAA'), (17, 'BBB');"
            "UPDATE bars_logs SET frozen = 1, merged_bucket = 0, merged_through = 1, merged_ts = " +
            QByteArray::number(Start + 1'000'000) +
            ", merged_seq = 1 WHERE log = 0;"
            "UPDATE bar_sequence SET next = 7;";
        QVERIFY(db->exec(setUp.constData()).ok());
        QVERIFY(insert(*db,
                       "INSERT INTO bar_blocks(symbol_id, last_ts, last_seq, first_ts, first_seq, rows, data) "
                       "VALUES (1, ?1, 1, ?1, 1, 1, ?2)",
                       {Start + 1'000'000, value({row(1, 1, 1, 10)})}));
        QVERIFY(insert(*db, QByteArray(addValue).replace("%1", "0"),
                       {0, 1, 2, value({row(1, 1, 1, 10), row(1, 2, 2, 11)})}));
        QVERIFY(insert(*db, QByteArray(addValue).replace("%1", "0"),
                       {1, 3, 1, value({row(17, 1, 3, 0.30000000000000004)})}));
        QVERIFY(insert(*db, QByteArray(addValue).replace("%1", "1"), {0, 4, 1, value({row(1, 3, 4, 12)})}));
        QVERIFY(insert(*db, QByteArray(addValue).replace("%1", "1"),
                       {1, 5, 2, value({row(17, 2, 5, 21), row(17, 3, 6, 22)})}));
        QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 6);
    }
    const std::vector<Model::Tick> before = viewTicks(path());
    QCOMPARE(before.size(), std::size_t(6));
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db).ok());
        QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
        for (const char *log : {"bars_log0", "bars_log1"}) {
            auto sql = db->prepare("SELECT sql FROM sqlite_master WHERE name = ?1");
            QVERIFY(sql);
            sql->bindText(1, std::string_view(log));
            QCOMPARE(sql->step(), Storage::Step::Row);
            QVERIFY2(!sql->columnText(0).contains(u"WITHOUT ROWID"_s), qPrintable(sql->columnText(0)));
        }
        // Each value is found by its bucket (schema 23: through bars_log_index, every value of the file in it).
        QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'bars_log%_by_bucket'"), 0);
        for (const char *log : {"0", "1"}) {
            const QByteArray found = QByteArray("SELECT count(*) FROM bars_log_index x JOIN bars_log") + log +
                                     " j ON j.rowid = x.row AND j.bucket = x.bucket WHERE x.log = " + log;
            QCOMPARE(db->scalar(found.constData()), 2);
        }
        QCOMPARE(db->scalar("SELECT count(*) FROM bars_log0"), 2);
        QCOMPARE(db->scalar("SELECT count(*) FROM bars_log1"), 2);
        QCOMPARE(db->scalar("SELECT count(*) FROM sqlite_master WHERE name = 'bars_log_moving'"), 0);
        QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 6);
    }
    compareTicks(readBySymbol(path()), before);

    // The writer finishes the frozen log's move and appends new records to the active log, after the others.
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    QVERIFY(store(**writer, Model::RecordBatch{tick("BBB", 9, 51)}));
    (*writer)->stop();
    const std::vector<Model::Tick> after = readBySymbol(path());
    QCOMPARE(after.size(), std::size_t(7));
    QVERIFY(same(after.back(), tick("BBB", 9, 51)));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 7);
    QCOMPARE(db->scalar("SELECT max(id) FROM ticks"), 7);
}

void TestBarStore::logsMigratedToSixteenBuckets()
{
    // Schema 19 spread the logs over 64 buckets (id / 16 % 64). Log 0 is frozen and moved through CCC's first row:
    // every row of old buckets below 17 is in blocks, so is that one. DDD (id 1040, old bucket 1) is such a row:
    // in 16 buckets it shares bucket 1 with CCC (id 272, old bucket 17) and comes after it, so the mark read in
    // the new order would show it twice. EEE (id 528, old bucket 33) is not moved yet; log 1 is active.
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db, 19).ok());
        const QByteArray setUp = "INSERT INTO symbols(id, name) VALUES (17, 'BBB'), (272, 'CCC'), (528, 'EEE'), "
                                 "(784, 'FFF'), (1040, 'DDD');"
                                 "UPDATE bars_logs SET frozen = 1, merged_bucket = 17, merged_through = 272, "
                                 "merged_ts = " +
                                 QByteArray::number(Start + 3'000'000) +
                                 ", merged_seq = 3 WHERE log = 0;"
                                 "UPDATE bar_sequence SET next = 8;";
        QVERIFY(db->exec(setUp.constData()).ok());
        const auto block = [&](std::int64_t id, qint64 second, std::int64_t seq, double price) {
            const qint64 ts = Start + second * 1'000'000;
            return insertRow(*db, AddBlock, {id, ts, seq, ts, seq, 1, logValue({logRow(id, second, seq, price)})});
        };
        QVERIFY(block(17, 1, 1, 10) && block(1040, 2, 2, 20) && block(272, 3, 3, 30));
        const QByteArray log0 = QByteArray(AddLogValue).replace("%1", "0");
        const QByteArray log1 = QByteArray(AddLogValue).replace("%1", "1");
        QVERIFY(insertRow(*db, log0, {1, 1, 2, logValue({logRow(17, 1, 1, 10), logRow(1040, 2, 2, 20)})}));
        QVERIFY(insertRow(*db, log0, {17, 3, 2, logValue({logRow(272, 3, 3, 30), logRow(272, 4, 4, 31)})}));
        QVERIFY(insertRow(*db, log0, {33, 5, 1, logValue({logRow(528, 5, 5, 50)})}));
        QVERIFY(insertRow(*db, log1, {1, 6, 1, logValue({logRow(1040, 6, 6, 21)})}));
        QVERIFY(insertRow(*db, log1, {49, 7, 1, logValue({logRow(784, 7, 7, 70)})}));
        QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 7);
    }
    // Read through the ticks view of schema 19: this build's readers look in the new buckets.
    const std::vector<Model::Tick> before = viewTicks(path());
    QCOMPARE(before.size(), std::size_t(7));
    {
        auto db = openDb(path());
        QVERIFY(Storage::Schema::migrate(*db).ok());
        QCOMPARE(int(db->scalar("PRAGMA user_version")), Storage::Schema::currentVersion());
        QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 7);
        QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 7);
        QCOMPARE(db->scalar("SELECT max(bucket) FROM (SELECT bucket FROM bars_log0 UNION ALL "
                            "SELECT bucket FROM bars_log1)"),
                 1);
        QCOMPARE(db->scalar("SELECT sum(rows) FROM bars_log0"), 2); // what was moved left the frozen log
        QCOMPARE(db->scalar("SELECT merged_bucket FROM bars_logs WHERE log = 0"), -1);
    }
    compareTicks(readBySymbol(path()), before);

    // The writer moves the frozen log again from its start, and new records of the same bucket join the others.
    auto writer = StorageWriter::open({path()});
    QVERIFY2(writer, qPrintable(writer.error()));
    QVERIFY(store(**writer, Model::RecordBatch{tick("DDD", 9, 22), tick("EEE", 9, 51)}));
    (*writer)->stop();
    const std::vector<Model::Tick> after = readBySymbol(path());
    QCOMPARE(after.size(), std::size_t(9));
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(DISTINCT id) FROM ticks"), 9);
    QCOMPARE(db->scalar("SELECT frozen FROM bars_logs WHERE log = 0"), 0); // moved whole
}

void TestBarStore::logValuesRoundTrip()
{
    // Every kind of value a row can hold comes back as it went in: prices in and out of the compact form,
    // times and sequences far apart and going back, the extremes of 64 bits.
    std::mt19937_64 rng(11);
    std::vector<Storage::BarRow> rows;
    const std::int64_t extremes[] = {0, 1, -1, std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min()};
    for (int i = 0; i < 5000; ++i) {
        Storage::BarRow r;
        r.symbolId = i % 7 == 0 ? extremes[i % 5] : std::int64_t(rng() % 100000);
        r.seq = i % 11 == 0 ? extremes[(i / 11) % 5] : std::int64_t(rng() >> 1);
        r.timestamp = i % 13 == 0 ? extremes[(i / 13) % 5] : Start + std::int64_t(rng() % 1000000000);
        const double base = i % 3 == 0 ? double(rng() % 100000000) / 10000.0 : double(rng()) / 1e9;
        r.open = base;
        r.high = i % 17 == 0 ? std::numeric_limits<double>::infinity() : base * 1.01;
        r.low = i % 19 == 0 ? -0.0 : base * 0.99;
        r.close = i % 23 == 0 ? 1e300 : base + 0.0001;
        r.volume = i % 29 == 0 ? extremes[(i / 29) % 5] : std::int64_t(rng() % 1000000);
        rows.push_back(r);
    }
    std::string value;
    Storage::BarRowCodec::encode(rows.data(), rows.size(), value);
    Storage::BarRowCodec::Reader reader(value.data(), value.size());
    std::size_t n = 0;
    for (Storage::BarRow r; reader.next(r); ++n) {
        const Storage::BarRow &w = rows[n];
        QVERIFY2(r.symbolId == w.symbolId && r.seq == w.seq && r.timestamp == w.timestamp && r.volume == w.volume,
                 qPrintable(QString::number(n)));
        for (const auto &[got, want] : {std::pair{r.open, w.open}, std::pair{r.high, w.high}, std::pair{r.low, w.low},
                                        std::pair{r.close, w.close}})
            QVERIFY2(std::memcmp(&got, &want, sizeof got) == 0, qPrintable(QString::number(n)));
    }
    QVERIFY(!reader.failed());
    QCOMPARE(n, rows.size());

    // Quoted prices take about 15 bytes a row.
    std::vector<Storage::BarRow> quoted;
    for (int i = 0; i < 1000; ++i)
        quoted.push_back(Storage::BarRow{i % 50, Start + i * 1'000'000LL, 100 + i, 182.37, 182.5, 182.1, 182.45, 300});
    std::string compact;
    Storage::BarRowCodec::encode(quoted.data(), quoted.size(), compact);
    QVERIFY2(compact.size() < 16 * 1000, qPrintable(QString::number(compact.size())));
}

void TestBarStore::logBucketOrdersBySymbolAndTime()
{
    // A bucket's rows come out by symbol id, then time, then sequence, whatever order they were read in:
    // ids close together (a table of counts) and far apart (a comparison sort), late rows (a symbol's
    // rows out of time order), rows of equal time (their sequence decides), and a second bucket read into the
    // same one.
    std::mt19937_64 rng(5);
    Storage::LogBucket bucket;
    for (const std::int64_t idSpread : {std::int64_t(40), std::int64_t(1) << 40}) {
        std::vector<Storage::BarRow> rows;
        std::vector<std::int64_t> latest(23, Start);
        for (std::int64_t seq = 0; seq < 3000; ++seq) {
            const std::size_t s = rng() % latest.size();
            std::int64_t time = latest[s] += std::int64_t(rng() % 3) * 1'000'000; // equal times now and then
            if (rng() % 10 == 0)
                time -= 5'000'000; // late
            rows.push_back(Storage::BarRow{std::int64_t(s) * (idSpread / 23 + 1), time, seq, 1, 1, 1, 1, seq});
        }
        bucket.clear();
        for (const Storage::BarRow &r : rows)
            bucket.add(r);
        bucket.sort();
        std::vector<Storage::BarRow> want = rows;
        std::stable_sort(want.begin(), want.end(), [](const Storage::BarRow &a, const Storage::BarRow &b) {
            return a.symbolId != b.symbolId ? a.symbolId < b.symbolId : Storage::inTimeOrder(a, b);
        });
        QCOMPARE(bucket.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            QVERIFY2(bucket.at(k).seq == want[k].seq, qPrintable(QString::number(k)));
            QCOMPARE(bucket.symbolAt(k), want[k].symbolId);
        }
        // Gathered a slice at a time, a slice ending inside a symbol's rows.
        std::vector<Storage::BarRow> slice;
        for (std::size_t first = 0; first < want.size(); first += 97) {
            const std::size_t end = std::min(want.size(), first + 97);
            bucket.gather(first, end, slice);
            QCOMPARE(slice.size(), end - first);
            for (std::size_t k = first; k < end; ++k)
                QCOMPARE(slice[k - first].volume, want[k].volume);
        }
    }
}

void TestBarStore::damagedLogValueRefused()
{
    auto writer = StorageWriter::open({path()});
    QVERIFY(writer);
    QVERIFY(store(**writer, Model::RecordBatch{tick("AAA", 1, 10)}));
    QVERIFY(store(**writer, Model::RecordBatch{tick("BBB", 1, 20)}));
    (*writer)->stop();
    auto db = openDb(path());
    QCOMPARE(db->scalar("SELECT count(*) FROM ticks"), 2);
    // A value cut short, and one of an unknown form: reading them is an error that says so, never a crash.
    QVERIFY(db->exec("UPDATE bars_log0 SET data = substr(data, 1, length(data) - 3) WHERE first_seq = 1").ok());
    QVERIFY(db->exec("UPDATE bars_log0 SET data = x'07' || data WHERE first_seq = 2").ok());
    auto st = db->prepare("SELECT count(*) FROM ticks");
    QVERIFY(st);
    QCOMPARE(st->step(), Storage::Step::Error);
    QVERIFY2(db->lastError().contains(u"damaged"_s), qPrintable(db->lastError()));
}

void TestBarStore::barsReadBackAsBuiltLive()
{
    // A feed with records out of order and late, stored in requests of random sizes through the logs, their
    // moves and the direct path: bars of every kind read back equal the ones the builder made as they came.
    Storage::WriterOptions options{path()};
    options.logMergeRows = 400;
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    std::mt19937_64 rng(9);
    std::vector<Model::Tick> feed; // of LIVE, in arrival order
    qint64 now = Start;
    Model::RecordBatch batch;
    for (int i = 0; i < 3000; ++i) {
        const int dice = int(rng() % 100);
        now += qint64(rng() % 3000) * 1000;
        qint64 t = now;
        if (dice >= 85 && i >= 100)               // none before the first bar: older records are history, not late
            t -= qint64(rng() % 120) * 1'000'000; // late or out of order by up to two minutes
        Model::Tick k = tick("LIVE", 0, 50 + double(rng() % 500) / 100, qint64(rng() % 90) + 1);
        k.timestamp = t;
        feed.push_back(k);
        batch.emplace_back(k);
        batch.emplace_back(tick("N" + QByteArray::number(i % 97), i, 10)); // other symbols between
        if (rng() % 4 == 0 || i == 2999) {
            QVERIFY(store(**writer, std::move(batch)));
            batch = {};
        }
    }
    auto db = SqliteDatabase::open(path(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    const Bars::Session session;
    Model::Symbol live;
    Model::Symbol::parse("LIVE", live);
    for (const auto &timeframe : {Bars::Timeframe::seconds(5), Bars::Timeframe::minutes(1), Bars::Timeframe::minutes(7),
                                  Bars::Timeframe::hours(1), Bars::Timeframe::day(), Bars::Timeframe::ticks(10),
                                  Bars::Timeframe::volume(500), Bars::Timeframe::record()}) {
        const auto expected = Bars::buildBars(timeframe, session, feed);
        Storage::BarQuery query{live, timeframe};
        const auto all = Storage::readBars(**db, query, session);
        QVERIFY2(all, qPrintable(all.error()));
        QVERIFY2(all->bars == expected, qPrintable(timeframe.name()));
        if (timeframe.isTime())
            QVERIFY(all->lastForming);
        query.limit = 25;
        const auto newest = Storage::readBars(**db, query, session);
        QVERIFY(newest);
        const std::vector<Bars::Bar> tail(
            expected.end() - std::min<std::ptrdiff_t>(25, std::ptrdiff_t(expected.size())), expected.end());
        if (timeframe.isTime()) // tick and volume bars are counted from the range's first record
            QVERIFY2(newest->bars == tail, qPrintable(timeframe.name()));
        else
            QCOMPARE(newest->bars.size(), tail.size());
        if (timeframe.isTime()) {
            // From the middle: the bar holding `from` and every later one.
            query.limit = 0;
            query.fromUs = expected[expected.size() / 2].openTime + 1;
            const auto later = Storage::readBars(**db, query, session);
            QVERIFY(later);
            QVERIFY2(later->bars ==
                         std::vector<Bars::Bar>(expected.begin() + std::ptrdiff_t(expected.size() / 2), expected.end()),
                     qPrintable(timeframe.name()));
        }
    }
    Model::Symbol none;
    Model::Symbol::parse("NONE", none);
    const auto empty = Storage::readBars(**db, Storage::BarQuery{none}, session);
    QVERIFY(empty && empty->bars.empty());
}

QTEST_GUILESS_MAIN(TestBarStore)
#include "tst_barstore.moc"
