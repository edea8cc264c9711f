// SPDX-License-Identifier: MIT
#include "AppProcess.h"
#include "HttpTestClient.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <deque>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray tick(int id, int symbols = 1)
{
    // The volume carries the id so the database can be checked record by record.
    const QByteArray symbol = symbols == 1 ? QByteArray("CRASH") : "C" + QByteArray::number(id % symbols);
    return "{\"stock_symbol\":\"" + symbol +
           "\",\"opening_price\":10,\"closing_price\":10.5,\"high\":11,\"low\":9.5,"
           "\"volume\":" +
           QByteArray::number(id) + ",\"timestamp\":" + QByteArray::number(1700000000 + id) + "}";
}

QSet<qint64> storedIds(const QString &path)
{
    QSet<qint64> ids;
    auto db = Storage::SqliteDatabase::open(path);
    if (!db)
        return ids;
    auto q = (*db)->prepare("SELECT volume FROM ticks");
    while (q && q->step() == Storage::Step::Row)
        ids.insert(q->columnInt64(0));
    return ids;
}

qint64 storedTwice(const QString &path)
{
    auto db = Storage::SqliteDatabase::open(path);
    return db ? (*db)->scalar("SELECT count(*) - count(DISTINCT volume) FROM ticks", -1) : -1;
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedRecordsSurviveSigkill_data();
    void acknowledgedRecordsSurviveSigkill();
    void sigtermFlushesAndExits();
    void bodiesAreStoredWholeOrNotAtAll();
    void paperFillsSurviveSigkillOnceEach();
};

void TestDurability::acknowledgedRecordsSurviveSigkill_data()
{
    QTest::addColumn<int>("symbols");
    QTest::addColumn<int>("logRows");
    QTest::newRow("one symbol") << 1 << 0;
    // A few records per symbol per commit go through the bar log, which fills at 300 rows and is moved into
    // the bars table while records keep coming: the kill lands before, during or after such a move.
    QTest::newRow("bar logs filling and moving") << 40 << 300;
}

void TestDurability::acknowledgedRecordsSurviveSigkill()
{
    QFETCH(int, symbols);
    QFETCH(int, logRows);
    QTemporaryDir dir;
    const QString db = dir.filePath(u"crash.sqlite"_s);
    TestApp::Process app;
    if (logRows > 0)
        app.setEnvironment(u"TICKDESK_BAR_LOG_ROWS"_s, QString::number(logRows));
    QVERIFY2(app.start({u"--db"_s, db}), app.log().constData());

    // Four connections keep up to 8 requests each in flight (pipelined) while
    // the process is killed: some requests are acknowledged, some are not.
    constexpr int Connections = 4;
    constexpr int Window = 8;
    std::vector<std::unique_ptr<TestHttp::Client>> clients;
    std::vector<std::deque<int>> inFlight(Connections);
    for (int c = 0; c < Connections; ++c) {
        clients.push_back(std::make_unique<TestHttp::Client>());
        QVERIFY(clients.back()->connectTo(app.port()));
    }
    QSet<qint64> acknowledged;
    int next = 0;
    const auto sendOne = [&](int c) {
        clients[c]->send(TestHttp::request("POST", "/ingest", tick(next, symbols)));
        inFlight[c].push_back(next++);
    };
    for (int c = 0; c < Connections; ++c)
        for (int i = 0; i < Window; ++i)
            sendOne(c);

    const int killAfter = 2000;
    while (acknowledged.size() < killAfter) {
        for (int c = 0; c < Connections; ++c) {
            const auto r = clients[c]->read(10000);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            acknowledged.insert(inFlight[c].front());
            inFlight[c].pop_front();
            sendOne(c);
        }
    }
    ::kill(pid_t(app.process().processId()), SIGKILL);
    QVERIFY(app.process().waitForFinished(10000));
    QCOMPARE(app.process().exitStatus(), QProcess::CrashExit);

    // Responses that were already on the wire count as acknowledged too.
    for (int c = 0; c < Connections; ++c) {
        while (!inFlight[c].empty()) {
            const auto r = clients[c]->read(2000);
            if (!r)
                break;
            if (r->status == 200)
                acknowledged.insert(inFlight[c].front());
            inFlight[c].pop_front();
        }
    }

    const QSet<qint64> stored = storedIds(db);
    QSet<qint64> lost = acknowledged;
    lost.subtract(stored);
    QVERIFY2(lost.isEmpty(), qPrintable(u"%1 acknowledged records missing after SIGKILL"_s.arg(lost.size())));
    QCOMPARE(storedTwice(db), 0);
    qInfo("acknowledged %lld, stored %lld, sent %d", qint64(acknowledged.size()), qint64(stored.size()), next);

    // Started again, it carries on any move the kill interrupted: still every record once.
    TestApp::Process again;
    if (logRows > 0)
        again.setEnvironment(u"TICKDESK_BAR_LOG_ROWS"_s, QString::number(logRows));
    QVERIFY2(again.start({u"--db"_s, db}), again.log().constData());
    ::kill(pid_t(again.process().processId()), SIGTERM);
    QVERIFY(again.process().waitForFinished(30000));
    QCOMPARE(storedIds(db), stored);
    QCOMPARE(storedTwice(db), 0);
}

void TestDurability::sigtermFlushesAndExits()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"term.sqlite"_s);
    TestApp::Process app;
    QVERIFY2(app.start({u"--db"_s, db}), app.log().constData());
    TestHttp::Client client;
    QVERIFY(client.connectTo(app.port()));
    for (int i = 0; i < 100; ++i) {
        const auto r = client.roundTrip(TestHttp::request("POST", "/ingest", tick(i)));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }
    ::kill(pid_t(app.process().processId()), SIGTERM);
    QVERIFY(app.process().waitForFinished(30000));
    QCOMPARE(app.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.process().exitCode(), 0);
    const QByteArray log = app.log();
    QVERIFY2(log.contains("shutting down") && log.contains("stopped"), log.constData());
    QCOMPARE(storedIds(db).size(), 100);
}

void TestDurability::bodiesAreStoredWholeOrNotAtAll()
{
    // Bodies of 48 records over 48 symbols, so every body is split over the shards, posted while the process
    // is killed: afterwards each body is in the database whole or not at all (a client that retries an
    // unanswered body must not store half of it twice).
    constexpr int PerBody = 48;
    const auto body = [](int id) {
        QByteArray out = "[";
        for (int i = 0; i < PerBody; ++i)
            out += QByteArray(i ? "," : "") + QByteArray("{\"stock_symbol\":\"W") + QByteArray::number(i) +
                   "\",\"opening_price\":10,\"closing_price\":10.5,\"high\":11,\"low\":9.5,\"volume\":" +
                   QByteArray::number(id) + ",\"timestamp\":" + QByteArray::number(1700000000 + id) + "}";
        out += ']';
        return out;
    };
    QTemporaryDir dir;
    const QString db = dir.filePath(u"whole.sqlite"_s);
    TestApp::Process app;
    QVERIFY2(app.start({u"--db"_s, db, u"--shards"_s, u"4"_s}), app.log().constData());
    constexpr int Connections = 4;
    constexpr int Window = 8;
    std::vector<std::unique_ptr<TestHttp::Client>> clients;
    for (int c = 0; c < Connections; ++c) {
        clients.push_back(std::make_unique<TestHttp::Client>());
        QVERIFY(clients.back()->connectTo(app.port()));
    }
    int next = 0;
    for (int c = 0; c < Connections; ++c)
        for (int i = 0; i < Window; ++i)
            clients[c]->send(TestHttp::request("POST", "/ingest", body(next++)));
    int answered = 0;
    while (answered < 400) {
        for (int c = 0; c < Connections; ++c) {
            const auto r = clients[c]->read(10000);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            ++answered;
            clients[c]->send(TestHttp::request("POST", "/ingest", body(next++)));
        }
    }
    ::kill(pid_t(app.process().processId()), SIGKILL);
    QVERIFY(app.process().waitForFinished(10000));

    auto opened = Storage::SqliteDatabase::open(db);
    QVERIFY(opened);
    auto q = (*opened)->prepare("SELECT volume, count(*) FROM ticks GROUP BY volume");
    QVERIFY(q);
    int bodies = 0;
    while (q->step() == Storage::Step::Row) {
        QVERIFY2(q->columnInt64(1) == PerBody,
                 qPrintable(u"body %1 stored with %2 of its %3 records"_s.arg(q->columnInt64(0))
                                .arg(q->columnInt64(1))
                                .arg(PerBody)));
        ++bodies;
    }
    QVERIFY(bodies >= answered);
    qInfo("%d bodies answered, %d stored whole, %d sent", answered, bodies, next);
}

void TestDurability::paperFillsSurviveSigkillOnceEach()
{
    // 50 symbols with four GTC buy limits each (99, 98, 97, 96); records walk every symbol's price down from 100
    // while the process is killed. Each acknowledged record that reached a limit has its fill stored, in the
    // record's transaction: no order fills twice, none is marked filled without its trade or the reverse.
    constexpr int Symbols = 50;
    QTemporaryDir dir;
    const QString db = dir.filePath(u"paper.sqlite"_s);
    TestApp::Process app;
    QVERIFY2(app.start({u"--db"_s, db, u"--shards"_s, u"2"_s}), app.log().constData());
    {
        TestHttp::Client client;
        QVERIFY(client.connectTo(app.port()));
        for (int s = 0; s < Symbols; ++s)
            for (const int limit : {99, 98, 97, 96}) {
                const QByteArray order =
                    "{\"ticker\":\"P" + QByteArray::number(s) +
                    "\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":" + QByteArray::number(limit) +
                    ",\"quantity\":1,\"time_in_force\":\"gtc\"}";
                const auto r = client.roundTrip(TestHttp::request("POST", "/api/orders", order, "application/json"));
                QVERIFY(r);
                QCOMPARE(r->status, 201);
            }
    }
    const qint64 base = QDateTime::currentSecsSinceEpoch() + 5; // after the orders were placed
    const auto record = [&](int id) -> QByteArray {
        const int step = id / Symbols; // every symbol 5 cents lower each round
        const QByteArray price = QByteArray::number(100 - 0.05 * step, 'f', 2);
        return "{\"stock_symbol\":\"P" + QByteArray::number(id % Symbols) + "\",\"opening_price\":" + price +
               ",\"closing_price\":" + price + ",\"high\":" + price + ",\"low\":" + price +
               ",\"volume\":1,\"timestamp\":" + QByteArray::number(base + id) + "}";
    };
    constexpr int Connections = 4;
    std::vector<std::unique_ptr<TestHttp::Client>> clients;
    std::vector<std::deque<int>> inFlight(Connections);
    for (int c = 0; c < Connections; ++c) {
        clients.push_back(std::make_unique<TestHttp::Client>());
        QVERIFY(clients.back()->connectTo(app.port()));
    }
    // One record in flight per connection, so a symbol's records arrive in time order.
    std::map<int, double> lowestAcknowledged; // by symbol
    int next = 0;
    const auto acknowledge = [&](int id) {
        const double price = 100 - 0.05 * (id / Symbols);
        auto [it, added] = lowestAcknowledged.try_emplace(id % Symbols, price);
        it->second = std::min(it->second, price);
    };
    constexpr int KillAfter = 3100; // every symbol past 97, none down to 96
    int answered = 0;
    while (answered < KillAfter) {
        for (int c = 0; c < Connections; ++c) {
            clients[c]->send(TestHttp::request("POST", "/ingest", record(next)));
            inFlight[c].push_back(next++);
        }
        for (int c = 0; c < Connections; ++c) {
            const auto r = clients[c]->read(10000);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            acknowledge(inFlight[c].front());
            inFlight[c].pop_front();
            ++answered;
        }
    }
    for (int c = 0; c < Connections; ++c) // in flight as the kill lands
        clients[c]->send(TestHttp::request("POST", "/ingest", record(next++)));
    ::kill(pid_t(app.process().processId()), SIGKILL);
    QVERIFY(app.process().waitForFinished(10000));

    auto opened = Storage::SqliteDatabase::open(db);
    QVERIFY(opened);
    Storage::SqliteDatabase &d = **opened;
    QCOMPARE(d.scalar("SELECT count(*) FROM (SELECT order_id FROM trades GROUP BY order_id HAVING count(*) > 1)"), 0);
    QCOMPARE(d.scalar("SELECT count(*) FROM paper_orders o WHERE (o.status = 'filled') <> "
                      "EXISTS (SELECT 1 FROM trades t WHERE t.order_id = o.id)"),
             0);
    // Every limit an acknowledged record reached has its fill.
    int expected = 0;
    for (const auto &[symbol, lowest] : lowestAcknowledged)
        for (const int limit : {99, 98, 97, 96})
            if (lowest <= limit + 1e-9) {
                ++expected;
                const QByteArray sql = "SELECT count(*) FROM trades t JOIN paper_orders o ON o.id = t.order_id "
                                       "WHERE o.symbol = 'P" +
                                       QByteArray::number(symbol) +
                                       "' AND o.limit_price = " + QByteArray::number(limit);
                QVERIFY2(d.scalar(sql.constData()) == 1, sql.constData());
            }
    QCOMPARE(expected, 3 * Symbols);
    const qint64 fills = d.scalar("SELECT count(*) FROM trades");
    qInfo("%d fills acknowledged, %lld stored, %d records answered", expected, fills, answered);

    // Started again, the desk carries on from the stored fills: positions are what the trades add up to.
    TestApp::Process again;
    QVERIFY2(again.start({u"--db"_s, db}), again.log().constData());
    TestHttp::Client client;
    QVERIFY(client.connectTo(again.port()));
    const auto positions = client.roundTrip(TestHttp::request("GET", "/api/paper/account"));
    QVERIFY(positions);
    const QJsonObject account = QJsonDocument::fromJson(positions->body).object();
    QCOMPARE(qint64(std::llround(100'000 - account.value(u"cash"_s).toDouble())),
             d.scalar("SELECT CAST(round(sum(quantity * price + fee)) AS INTEGER) FROM trades"));
    const auto working = client.roundTrip(TestHttp::request("GET", "/api/orders?status=working"));
    QVERIFY(working);
    QCOMPARE(qint64(QJsonDocument::fromJson(working->body).array().size()),
             d.scalar("SELECT count(*) FROM paper_orders WHERE status = 'working'"));
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
