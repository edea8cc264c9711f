// SPDX-License-Identifier: MIT
#include "AppProcess.h"
#include "HttpTestClient.h"
#include "storage/SqliteDatabase.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <deque>
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
    while (q && q->step() == 100)
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
    while (q->step() == 100) {
        QVERIFY2(q->columnInt64(1) == PerBody,
                 qPrintable(u"body %1 stored with %2 of its %3 records"_s.arg(q->columnInt64(0))
                                .arg(q->columnInt64(1))
                                .arg(PerBody)));
        ++bodies;
    }
    QVERIFY(bodies >= answered);
    qInfo("%d bodies answered, %d stored whole, %d sent", answered, bodies, next);
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
