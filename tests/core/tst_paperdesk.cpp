// SPDX-License-Identifier: MIT
// Paper trading in the engine: orders placed through the desk fill against the records of their symbols as
// the pipeline takes them, each fill stored as a trade (with its order's new status) in the transaction of the
// record that caused it; after a restart the desk carries on with the stored orders and positions.
#include "PipelineFeed.h"
#include "pipeline/Pipeline.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "storage/TradeStore.h"
#include "trading/PaperDesk.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs T0 = 1'795'910'400'000'000LL + 15 * 3'600'000'000LL;
constexpr Model::TimestampUs Second = 1'000'000LL;

Model::Tick tick(const char *symbol, int second, double price)
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.open = t.high = t.low = t.close = price;
    t.volume = 10;
    t.timestamp = T0 + second * Second;
    return t;
}

Trading::Order order(Trading::Side side, double quantity, Trading::OrderType type, double level)
{
    Trading::Order o;
    o.symbol = u"AAPL"_s;
    o.side = side;
    o.type = type;
    o.quantity = quantity;
    o.limitPrice = type == Trading::OrderType::Limit ? level : 0;
    o.stopPrice = type == Trading::OrderType::Stop ? level : 0;
    o.timeInForce = Trading::TimeInForce::Gtc;
    return o;
}

} // namespace

class TestPaperDesk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fillsAreStoredWithTheRecordThatCausedThem();
    void aRestartCarriesOnWithOrdersAndPositions();

private:
    void startDesk();
    void stopDesk();
    void feed(Model::RecordBatch batch);
    /// Places an order and waits until it is stored.
    qint64 place(const Trading::Order &o, Model::TimestampUs now);
    qint64 scalar(const char *sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Trading::PaperDesk> m_desk;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
};

void TestPaperDesk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"paper.sqlite"_s);
    startDesk();
}

void TestPaperDesk::cleanup()
{
    stopDesk();
}

void TestPaperDesk::startDesk()
{
    auto writer = Storage::StorageWriter::open({m_path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_desk = std::make_unique<Trading::PaperDesk>(Trading::Costs{0, 1, 0, 0}, 10'000);
    QVERIFY(m_desk->load(m_path).ok());
    Pipeline::PipelineOptions options;
    options.shards = 2;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer);
    QVERIFY(m_pipeline->warmStart(m_path).ok());
    m_pipeline->setPaperDesk(m_desk.get());
    m_pipeline->start();
}

void TestPaperDesk::stopDesk()
{
    if (m_pipeline)
        m_pipeline->stop();
    if (m_writer)
        m_writer->stop();
    m_pipeline.reset();
    m_writer.reset();
    m_desk.reset();
}

void TestPaperDesk::feed(Model::RecordBatch batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, std::move(batch)));
}

qint64 TestPaperDesk::place(const Trading::Order &o, Model::TimestampUs now)
{
    const auto placed = m_desk->place(o, now, 0);
    if (!placed) {
        qWarning() << placed.error();
        return -1;
    }
    std::atomic<bool> stored{false};
    Storage::WriteJob job;
    job.paperOrders = {*placed};
    job.done = [&stored](const QString &, std::vector<Model::TradeSignal> &) { stored = true; };
    m_writer->submitWaiting(std::move(job));
    if (!QTest::qWaitFor([&stored] { return stored.load(); }))
        return -1;
    return placed->id;
}

qint64 TestPaperDesk::scalar(const char *sql)
{
    auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
    return db ? (*db)->scalar(sql, -1) : -1;
}

void TestPaperDesk::fillsAreStoredWithTheRecordThatCausedThem()
{
    feed({tick("AAPL", 0, 100)});
    const qint64 buy = place(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 99), T0 + Second / 2);
    QVERIFY(buy > 0);
    QCOMPARE(scalar("SELECT count(*) FROM paper_orders WHERE status = 'working'"), 1);
    feed({tick("MSFT", 1, 99), tick("AAPL", 1, 99.5)}); // another symbol at 99; AAPL not down to 99 yet
    QCOMPARE(scalar("SELECT count(*) FROM trades"), 0);
    // Acknowledged means stored: the fill and the filled order are in the record's transaction.
    feed({tick("AAPL", 2, 98.7)});
    QCOMPARE(scalar("SELECT count(*) FROM trades"), 1);
    QCOMPARE(scalar("SELECT order_id FROM trades"), buy);
    QCOMPARE(scalar("SELECT quantity FROM trades"), 10);
    QCOMPARE(scalar("SELECT price * 10 FROM trades"), 987); // opened below the limit: at the open
    QCOMPARE(scalar("SELECT fee FROM trades"), 1);
    QCOMPARE(scalar("SELECT count(*) FROM paper_orders WHERE status = 'filled'"), 1);
    QCOMPARE(m_desk->account().quantity(u"AAPL"_s), 10.0);
    QCOMPARE(m_desk->watched()->size(), std::size_t(1)); // no working order, but held: its price is marked
    feed({tick("AAPL", 2.5, 99.25)});
    QCOMPARE(m_desk->account().position(u"AAPL"_s)->unrealized(), 10 * (99.25 - 98.7));

    // A stop to close: the gap through it fills at the worse price.
    const qint64 stop = place(order(Trading::Side::Sell, 10, Trading::OrderType::Stop, 97), T0 + 3 * Second);
    feed({tick("AAPL", 3, 98), tick("AAPL", 4, 95)});
    QCOMPARE(scalar("SELECT count(*) FROM trades"), 2);
    const QByteArray priceOfStop = "SELECT price FROM trades WHERE order_id = " + QByteArray::number(stop);
    QCOMPARE(scalar(priceOfStop.constData()), 95);
    QCOMPARE(m_desk->account().quantity(u"AAPL"_s), 0.0);
    QCOMPARE(m_desk->account().realized(), -37.0);
    QCOMPARE(m_desk->account().cash(), 10'000 - 37.0 - 2);
    QVERIFY(m_desk->watched()->empty()); // flat, nothing working: the engine looks no more
}

void TestPaperDesk::aRestartCarriesOnWithOrdersAndPositions()
{
    feed({tick("AAPL", 0, 100)});
    QVERIFY(place(order(Trading::Side::Buy, 5, Trading::OrderType::Market, 0), T0) > 0);
    feed({tick("AAPL", 1, 101)});
    const qint64 target = place(order(Trading::Side::Sell, 5, Trading::OrderType::Limit, 110), T0 + Second);
    QCOMPARE(scalar("SELECT count(*) FROM trades"), 1);
    stopDesk();

    startDesk();
    QCOMPARE(m_desk->account().quantity(u"AAPL"_s), 5.0);
    QCOMPARE(m_desk->account().position(u"AAPL"_s)->averagePrice(), 101.0);
    Model::Symbol aapl;
    Model::Symbol::parse("AAPL", aapl);
    QVERIFY(m_desk->watched()->contains(aapl));
    // The stored target fills after the restart, and new orders take ids after the stored ones.
    const qint64 next = place(order(Trading::Side::Buy, 1, Trading::OrderType::Limit, 50), T0 + 2 * Second);
    QVERIFY(next > target);
    feed({tick("AAPL", 3, 111)});
    QCOMPARE(scalar("SELECT order_id FROM trades ORDER BY id DESC LIMIT 1"), target);
    QCOMPARE(m_desk->account().realized(), 5 * (111 - 101.0)); // opened above the limit: at the open
    QCOMPARE(scalar("SELECT count(*) FROM paper_orders WHERE status = 'working'"), 1);
}

QTEST_GUILESS_MAIN(TestPaperDesk)
#include "tst_paperdesk.moc"
