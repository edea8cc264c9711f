// SPDX-License-Identifier: MIT
// Kept bars: the closed bars of 1m to 1W the storage writer keeps as records arrive. Read back they equal
// the bars built live, across restarts, late records and a daylight-saving change; history stored or
// imported before a symbol's kept bars begin is brought in; retention deletes records but keeps bars.
#include "storage/BarQueries.h"
#include "storage/HistoryBars.h"
#include "storage/PriceCodec.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <random>

using namespace Qt::StringLiterals;
using Storage::SqliteDatabase;
using Storage::StorageWriter;

namespace {

/// 2026-10-28 12:00 UTC: the feed crosses the end of daylight saving time in New York (November 1st).
constexpr qint64 Start = 1'793'188'800'000'000LL;

Model::Tick tick(const char *symbol, qint64 timeUs, double price, qint64 volume)
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.timestamp = timeUs;
    t.open = price;
    t.high = price + 0.5;
    t.low = price - 0.25;
    t.close = price + 0.125;
    t.volume = volume;
    return t;
}

bool store(StorageWriter &writer, Model::RecordBatch batch)
{
    std::atomic<int> done{0};
    QString error;
    if (writer.submit(std::move(batch), 0, [&](const QString &e) {
            error = e;
            done.store(1);
        }) != Ingest::RecordSink::Submit::Accepted)
        return false;
    return QTest::qWaitFor([&] { return done.load() == 1; }, 20000) && error.isEmpty();
}

std::unique_ptr<StorageWriter> openWriter(const QString &path, const QString &zone = {})
{
    Storage::WriterOptions options{path};
    options.sessionTimeZone = zone;
    options.logMergeRows = 500;
    auto writer = StorageWriter::open(options);
    if (!writer)
        qWarning() << writer.error();
    return writer ? std::move(*writer) : nullptr;
}

Model::Symbol symbolOf(const char *name)
{
    Model::Symbol s;
    Model::Symbol::parse(name, s);
    return s;
}

/// Compares the bars read for every kept time frame with the builder's over `feed`; names the first
/// difference.
void compareKept(const QString &path, const char *symbol, const std::vector<Model::Tick> &feed,
                 const Bars::Session &session)
{
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    for (const Bars::Timeframe &timeframe : Storage::History::kept()) {
        const auto expected = Bars::buildBars(timeframe, session, feed);
        Storage::BarQuery query{symbolOf(symbol), timeframe};
        const auto all = Storage::readBars(**db, query, session);
        QVERIFY2(all, qPrintable(all.error()));
        for (std::size_t i = 0; i < std::min(all->bars.size(), expected.size()); ++i)
            QVERIFY2(all->bars[i] == expected[i],
                     qPrintable(u"%1: bar %2 of %3 (opens %4 and %5)"_s.arg(timeframe.name())
                                    .arg(i)
                                    .arg(expected.size())
                                    .arg(all->bars[i].openTime)
                                    .arg(expected[i].openTime)));
        QVERIFY2(
            all->bars.size() == expected.size(),
            qPrintable(u"%1: %2 bars, built %3"_s.arg(timeframe.name()).arg(all->bars.size()).arg(expected.size())));
        QVERIFY(all->lastForming);
        query.limit = 5;
        const auto newest = Storage::readBars(**db, query, session);
        QVERIFY(newest);
        QVERIFY2(newest->bars ==
                     std::vector<Bars::Bar>(
                         expected.end() - std::min<std::ptrdiff_t>(5, std::ptrdiff_t(expected.size())), expected.end()),
                 qPrintable(timeframe.name()));
        QCOMPARE(newest->newestRecordUs,
                 std::max_element(feed.begin(), feed.end(), [](const Model::Tick &a, const Model::Tick &b) {
                     return a.timestamp < b.timestamp;
                 })->timestamp);
    }
}

qint64 scalar(const QString &path, const char *sql)
{
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    return db ? (*db)->scalar(sql, -1) : -1;
}

} // namespace

class TestHistoryBars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keptBarsEqualLiveBarsAcrossRestarts();
    void manySymbolsContinueTheirBarsAfterARestart();
    void lateRecordJoiningALongerBarIsKept();
    void olderRecordsAreBroughtIn();
    void olderRecordsOfSomeOfManySymbolsAreBroughtIn();
    void earlierDatabaseGetsKeptBars();
    void retentionKeepsBars();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"db.sqlite"_s); }
};

void TestHistoryBars::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryBars::keptBarsEqualLiveBarsAcrossRestarts()
{
    // Twelve days of a feed with gaps, out-of-order and late records, in New York's session across the
    // change back from daylight saving time, stored in requests of random sizes; the writer is stopped and
    // started again in the middle of forming bars.
    const QString zone = u"America/New_York"_s;
    const Bars::Session session(*Bars::timeZoneNamed(zone));
    std::mt19937_64 rng(17);
    std::vector<Model::Tick> feed;
    Model::RecordBatch batch;
    qint64 now = Start;
    auto writer = openWriter(path(), zone);
    QVERIFY(writer);
    for (int i = 0; i < 6000; ++i) {
        const int dice = int(rng() % 100);
        now += dice < 3 ? qint64(rng() % 40'000) * 1'000'000 : qint64(rng() % 200'000) * 1000; // gaps, bursts
        qint64 t = now;
        if (dice >= 88 && now - Start > 3'600'000'000LL) // none before the first bar: older records are history
            t -= qint64(rng() % 900) * 1'000'000;        // up to 15 minutes late
        const Model::Tick k = tick("LIVE", t, 50 + double(rng() % 5000) / 100, qint64(rng() % 90) + 1);
        feed.push_back(k);
        batch.emplace_back(k);
        batch.emplace_back(tick(QByteArray("N" + QByteArray::number(i % 13)).constData(), now, 10, 1));
        if (rng() % 5 == 0) {
            QVERIFY(store(*writer, std::move(batch)));
            batch = {};
        }
        if (rng() % 900 == 0) {
            writer.reset(); // a restart, the forming bars held only in memory
            writer = openWriter(path(), zone);
            QVERIFY(writer);
        }
    }
    QVERIFY(store(*writer, std::move(batch)));
    writer.reset();
    QVERIFY2(feed.back().timestamp - Start > 10 * 86'400'000'000LL, "the feed spans more than ten days");
    QVERIFY(scalar(path(), "SELECT count(*) FROM history_bars") > 1000);
    compareKept(path(), "LIVE", feed, session);

    // A range in the middle: the bar holding `from`, up to the one holding `to`.
    auto db = SqliteDatabase::open(path(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    const auto hours = Bars::buildBars(Bars::Timeframe::hours(1), session, feed);
    Storage::BarQuery query{symbolOf("LIVE"), Bars::Timeframe::hours(1)};
    query.fromUs = hours[40].openTime + 5;
    query.toUs = hours[60].openTime + 5;
    const auto middle = Storage::readBars(**db, query, session);
    QVERIFY(middle);
    QVERIFY(middle->bars == std::vector<Bars::Bar>(hours.begin() + 40, hours.begin() + 61));
    QVERIFY(!middle->lastForming);

    // Read in another zone, the bars are built from the records: days begin at UTC midnight.
    const Bars::Session utc;
    const auto utcDays = Storage::readBars(**db, Storage::BarQuery{symbolOf("LIVE"), Bars::Timeframe::day()}, utc);
    QVERIFY(utcDays);
    QVERIFY(utcDays->bars == Bars::buildBars(Bars::Timeframe::day(), utc, feed));
}

void TestHistoryBars::manySymbolsContinueTheirBarsAfterARestart()
{
    // 300 symbols, spread over many bar log buckets, each commit holding a record or two of every one, so
    // their rows stay in the logs. After each restart, the first commit brings them all back at once: their
    // forming bars are read from the logs a bucket at a time for all of them, and must be each one's own.
    constexpr int Symbols = 300;
    const Bars::Session utc;
    std::mt19937_64 rng(29);
    std::vector<std::vector<Model::Tick>> feeds(Symbols);
    const auto name = [](int s) { return QByteArray("M" + QByteArray::number(s)); };
    Storage::WriterOptions options{path()};
    options.logMergeRows = 1'000'000; // nothing moves into blocks
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    qint64 now = Start;
    for (int round = 0; round < 40; ++round) {
        Model::RecordBatch batch;
        for (int s = 0; s < Symbols; ++s) {
            const int count = 1 + int(rng() % 2);
            for (int i = 0; i < count; ++i) {
                const Model::Tick k = tick(name(s).constData(), now + qint64(rng() % 20'000'000),
                                           20 + s + double(rng() % 100) / 100, 1 + s);
                feeds[std::size_t(s)].push_back(k);
                batch.emplace_back(k);
            }
        }
        QVERIFY(store(**writer, std::move(batch)));
        now += 25'000'000; // a bar of a minute closes every few rounds
        if (round % 7 == 6) {
            writer->reset();
            writer = StorageWriter::open(options);
            QVERIFY(writer);
        }
    }
    writer->reset();
    QVERIFY(scalar(path(), "SELECT count(*) FROM bar_blocks") == 0);
    QVERIFY(scalar(path(), "SELECT count(DISTINCT bucket) FROM bars_log0") > 10);
    for (int s : {0, 1, 17, 150, 299})
        compareKept(path(), name(s).constData(), feeds[std::size_t(s)], utc);
}

void TestHistoryBars::lateRecordJoiningALongerBarIsKept()
{
    // A record too late for its minute still joins the forming five-minute bar: that bar is no longer the
    // sum of its minutes, so it is kept as it is, and read back, and continued after a restart.
    const Bars::Session session;
    const qint64 m = 60'000'000;
    const qint64 base = Start; // a whole hour
    std::vector<Model::Tick> feed{tick("LATE", base + 10'000'000, 10, 1), tick("LATE", base + m + 5'000'000, 11, 2),
                                  tick("LATE", base + 2 * m, 12, 3),
                                  tick("LATE", base + 30'000'000, 30, 4)}; // minute 0, after minute 2 began
    {
        auto writer = openWriter(path());
        QVERIFY(writer);
        for (const Model::Tick &t : feed)
            QVERIFY(store(*writer, Model::RecordBatch{t}));
    }
    // Only the five-minute bar: the longer ones are sums of five-minute bars again.
    QCOMPARE(scalar(path(), "SELECT count(*) FROM history_forming"), 1);
    QCOMPARE(scalar(path(), "SELECT high FROM history_forming f JOIN history_timeframes t ON t.id = f.timeframe_id "
                            "WHERE t.name = '5m'"),
             305000); // 30.5 in ten-thousandths
    compareKept(path(), "LATE", feed, session);
    {
        auto writer = openWriter(path());
        QVERIFY(writer);
        feed.push_back(tick("LATE", base + 3 * m, 13, 5));
        QVERIFY(store(*writer, Model::RecordBatch{feed.back()}));
        feed.push_back(tick("LATE", base + 6 * m, 14, 6)); // closes the five-minute bar
        QVERIFY(store(*writer, Model::RecordBatch{feed.back()}));
    }
    QCOMPARE(scalar(path(), "SELECT count(*) FROM history_forming f JOIN history_timeframes t ON t.id = "
                            "f.timeframe_id WHERE t.name = '5m'"),
             0);
    compareKept(path(), "LATE", feed, session);

    // Minutes 4 and 5 had no record: asked to, the read fills them with flat bars at the last close, marked.
    auto db = SqliteDatabase::open(path(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    Storage::BarQuery query{symbolOf("LATE"), Bars::Timeframe::minutes(1)};
    query.fillGaps = true;
    const auto filled = Storage::readBars(**db, query, session);
    QVERIFY(filled);
    QCOMPARE(filled->bars.size(), std::size_t(7));
    for (int i : {4, 5}) {
        const Bars::Bar &bar = filled->bars[std::size_t(i)];
        QVERIFY(bar.filled);
        QCOMPARE(bar.openTime, base + i * m);
        QCOMPARE(bar.volume, 0);
        QCOMPARE(bar.close, filled->bars[3].close);
    }
    QVERIFY(!filled->bars[6].filled);
    query.limit = 3; // the newest three, filled ones included
    QCOMPARE(Storage::readBars(**db, query, session)->bars.front().openTime, base + 4 * m);
}

void TestHistoryBars::olderRecordsAreBroughtIn()
{
    // Live records first, then an import of a week before their week: older than the kept bars, the older
    // records are history (not late), brought into the kept bars while the writer is idle.
    const Bars::Session session;
    std::vector<Model::Tick> live;
    std::vector<Model::Tick> older;
    for (int i = 0; i < 300; ++i)
        live.push_back(tick("HIST", Start + qint64(i) * 20'000'000, 100 + i % 7, 10));
    for (int i = 0; i < 2000; ++i)
        older.push_back(tick("HIST", Start - 14 * 86'400'000'000LL + qint64(i) * 300'000'000, 90 + i % 11, 5));
    auto writer = openWriter(path());
    QVERIFY(writer);
    QVERIFY(store(*writer, Model::RecordBatch(live.begin(), live.end())));
    QVERIFY(store(*writer, Model::RecordBatch(older.begin(), older.end())));
    // Before and after the backfill the bars read are the same: from the records, then from kept bars.
    std::vector<Model::Tick> expectedFeed = older;
    expectedFeed.insert(expectedFeed.end(), live.begin(), live.end());
    compareKept(path(), "HIST", expectedFeed, session);
    QTRY_VERIFY_WITH_TIMEOUT(scalar(path(), "SELECT min(since_us) FROM history_tracks") <= older.front().timestamp,
                             20000);
    compareKept(path(), "HIST", expectedFeed, session);
    const QByteArray older7Days =
        "SELECT count(*) FROM history_bars WHERE open_us < " + QByteArray::number(Start - 7 * 86'400'000'000LL);
    QVERIFY(scalar(path(), older7Days.constData()) > 100);
}

void TestHistoryBars::olderRecordsOfSomeOfManySymbolsAreBroughtIn()
{
    // 40 symbols trade live; four of them, among others that need nothing (the backfill checks those a bucket
    // of ids at a time), get records from the week before, left in the bar logs. Each one's are brought in.
    const Bars::Session session;
    const auto name = [](int s) { return QByteArray("B" + QByteArray::number(s)); };
    std::vector<std::vector<Model::Tick>> feeds(40);
    Storage::WriterOptions options{path()};
    options.logMergeRows = 1'000'000; // a few rows of a symbol a commit, and nothing moves: all in the logs
    auto writer = StorageWriter::open(options);
    QVERIFY(writer);
    for (int i = 0; i < 30; ++i) {
        Model::RecordBatch live;
        for (int s = 0; s < 40; ++s) {
            feeds[std::size_t(s)].push_back(tick(name(s).constData(), Start + qint64(i) * 20'000'000, 50 + s, 1));
            live.emplace_back(feeds[std::size_t(s)].back());
        }
        QVERIFY(store(**writer, std::move(live)));
    }
    Model::RecordBatch older; // one import: the symbols' rows in the logs go on there
    for (int s : {2, 17, 18, 35})
        for (int i = 0; i < 200; ++i) {
            const Model::Tick t =
                tick(name(s).constData(), Start - 7 * 86'400'000'000LL + qint64(i) * 600'000'000, 40 + s + i % 3, 2);
            older.emplace_back(t);
            feeds[std::size_t(s)].insert(feeds[std::size_t(s)].begin() + i, t);
        }
    QVERIFY(store(**writer, std::move(older)));
    const qint64 first = Start - 7 * 86'400'000'000LL;
    const QByteArray unfinished = "SELECT count(DISTINCT t.symbol_id) FROM history_tracks t WHERE t.since_us > " +
                                  QByteArray::number(first) +
                                  " AND t.symbol_id IN (SELECT id FROM symbols WHERE name "
                                  "IN ('B2', 'B17', 'B18', 'B35'))";
    QTRY_COMPARE_WITH_TIMEOUT(scalar(path(), unfinished.constData()), 0, 20000);
    writer->reset();
    QVERIFY(scalar(path(), "SELECT count(*) FROM bar_blocks") == 0);
    for (int s : {1, 2, 17, 18, 19, 35})
        compareKept(path(), name(s).constData(), feeds[std::size_t(s)], session);
}

void TestHistoryBars::earlierDatabaseGetsKeptBars()
{
    // A database of schema 4 (no kept bars) with records of two symbols: opening it brings them in.
    const Bars::Session session;
    std::vector<Model::Tick> feed;
    {
        auto db = SqliteDatabase::open(path());
        QVERIFY(db);
        QVERIFY(Storage::Schema::migrate(**db, 4).ok());
        QByteArray sql = "INSERT INTO symbols(name) VALUES ('OLD'), ('OLDER');"
                         "INSERT INTO bars(symbol_id, ts_us, seq, open, high, low, close, volume) VALUES ";
        for (int i = 0; i < 3000; ++i) {
            const Model::Tick t = tick("OLD", Start - 3 * 86'400'000'000LL + qint64(i) * 90'000'000, 20 + i % 5, i + 1);
            feed.push_back(t);
            const auto units = [](double price) { return *Storage::PriceCodec::toUnits(price); };
            sql +=
                (i > 0 ? "," : "") + u"(1, %1, %2, %3, %4, %5, %6, %7), (2, %1, %8, 1, 1, 1, 1, 1)"_s.arg(t.timestamp)
                                         .arg(2 * i + 1)
                                         .arg(units(t.open))
                                         .arg(units(t.high))
                                         .arg(units(t.low))
                                         .arg(units(t.close))
                                         .arg(t.volume)
                                         .arg(2 * i + 2)
                                         .toUtf8();
        }
        sql += "; UPDATE bar_sequence SET next = 6001;";
        QVERIFY(db->get()->exec(sql.constData()).ok());
    }
    auto writer = openWriter(path());
    QVERIFY(writer);
    QCOMPARE(scalar(path(), "PRAGMA user_version"), Storage::Schema::currentVersion());
    QTRY_COMPARE_WITH_TIMEOUT(scalar(path(), "SELECT count(DISTINCT symbol_id) FROM history_tracks"), 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(scalar(path(), "SELECT max(since_us) FROM history_tracks") <= feed.front().timestamp,
                             20000);
    compareKept(path(), "OLD", feed, session);
    // Live records carry on from the bars brought in.
    feed.push_back(tick("OLD", feed.back().timestamp + 30'000'000, 25, 7));
    QVERIFY(store(*writer, Model::RecordBatch{feed.back()}));
    feed.push_back(tick("OLD", feed.back().timestamp + 3'600'000'000LL, 26, 8));
    QVERIFY(store(*writer, Model::RecordBatch{feed.back()}));
    compareKept(path(), "OLD", feed, session);
}

void TestHistoryBars::retentionKeepsBars()
{
    // Thirty days of records to now; retention of ten days deletes the older records, not their bars.
    const Bars::Session session;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    std::vector<Model::Tick> feed;
    for (int i = 0; i < 30 * 24; ++i)
        feed.push_back(tick("KEEP", now - 30 * 86'400'000'000LL + qint64(i) * 3'600'000'000LL, 40 + i % 9, 3));
    auto writer = openWriter(path());
    QVERIFY(writer);
    QVERIFY(store(*writer, Model::RecordBatch(feed.begin(), feed.end())));
    writer->setRetentionDays(10);
    writer->requestRetention();
    QTRY_VERIFY_WITH_TIMEOUT(writer->deletedByRetention() >= 19 * 24, 20000);
    QVERIFY(scalar(path(), "SELECT count(*) FROM ticks") <= 11 * 24);
    compareKept(path(), "KEEP", feed, session);
}

QTEST_GUILESS_MAIN(TestHistoryBars)
#include "tst_historybars.moc"
