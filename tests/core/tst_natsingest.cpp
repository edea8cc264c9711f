// SPDX-License-Identifier: MIT
// Ingest spread over nodes through a NATS JetStream work queue, against a real nats-server started by the test:
// records published to tickdesk.ingest.<symbol> stored and acknowledged; two nodes each owning a partition of the
// symbols (the server's subject mapping), one killed under load and started again: every record stored exactly
// once across the nodes, each symbol's records in order; a standby node waiting while the owner is idle, taking
// over from one that stopped and from one that was killed; bad messages terminated with their reason and counted.

#include "AppProcess.h"
#include "HttpTestClient.h"
#include "NatsServer.h"
#include "SqlRows.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestNatsIngest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsAreStoredAndAcknowledged();
    void badMessagesAreTerminatedAndCounted();
    void appliedMessagesDeliveredAgainAreNotStoredTwice();
    void standbyTakesOverFromAStoppedOrKilledNode();
    void twoPartitionedNodesSurviveAKill();
    void badPartitionsAreRefused();

private:
    bool startNode(TestApp::Process &node, NatsTest::Server &server, const QString &database, const QString &parts,
                   const QString &name);
    QJsonObject ingestHealth(quint16 port);
    /// The state of the node's (first) consumed filter: "consuming", "standby: …".
    QString filterState(quint16 port)
    {
        return ingestHealth(port).value(u"filters"_s).toArray().at(0).toObject().value(u"state"_s).toString();
    }
    /// `count` one-record messages of `symbol`, one second apart from `first`, ids `symbol:n`.
    static bool publishSeries(NatsTest::Publisher &publisher, const QString &symbol, int from, int count);
    static QByteArray record(const QString &symbol, int n);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    NatsTest::Server m_nats;        ///< one stream, not partitioned
    NatsTest::Server m_partitioned; ///< maps each symbol to one of two partitions
    qint64 m_base = 0;              ///< the first record's time, seconds
};

void TestNatsIngest::initTestCase()
{
    QVERIFY2(!NatsTest::Server::executable().isEmpty(),
             "nats-server is not installed (packaging/install-deps.sh --test installs it)");
    QVERIFY2(m_nats.start(), m_nats.log().constData());
    m_partitioned.setConfig(
        "mappings = {\n  \"tickdesk.ingest.*\": \"tickdesk.ingest.{{partition(2,1)}}.{{wildcard(1)}}\"\n}\n");
    QVERIFY2(m_partitioned.start(), m_partitioned.log().constData());
    m_base = QDateTime::currentSecsSinceEpoch() - 6 * 3600;
}

bool TestNatsIngest::startNode(TestApp::Process &node, NatsTest::Server &server, const QString &database,
                               const QString &parts, const QString &name)
{
    return node.start(
        {u"--db"_s, database, u"--nats"_s, server.url(), u"--nats-node"_s, name, u"--nats-ingest"_s, parts});
}

QJsonObject TestNatsIngest::ingestHealth(quint16 port)
{
    TestHttp::Client client;
    if (!client.connectTo(port))
        return {};
    const auto response = client.roundTrip(TestHttp::request("GET", "/health", {}, {}));
    return response ? QJsonDocument::fromJson(response->body).object().value(u"nats_ingest"_s).toObject()
                    : QJsonObject();
}

QByteArray TestNatsIngest::record(const QString &symbol, int n)
{
    const double price = 100 + (n % 7) * 0.25;
    return u"{\"stock_symbol\":\"%1\",\"opening_price\":%2,\"closing_price\":%2,\"high\":%2,\"low\":%2,"
           "\"volume\":%3,\"timestamp\":%4}"_s.arg(symbol)
               .arg(price)
               .arg(n + 1)
               .arg(n)
               .toUtf8();
}

bool TestNatsIngest::publishSeries(NatsTest::Publisher &publisher, const QString &symbol, int from, int count)
{
    QByteArray subject = "tickdesk.ingest." + symbol.toLatin1();
    subject.replace("BRK.B", "BRK_B");
    for (int n = from; n < from + count; ++n)
        if (!publisher.publish(subject, record(symbol, n), symbol.toLatin1() + ':' + QByteArray::number(n)))
            return false;
    return true;
}

void TestNatsIngest::recordsAreStoredAndAcknowledged()
{
    const QString db = path(u"one.sqlite"_s);
    TestApp::Process node;
    QVERIFY2(startNode(node, m_nats, db, u"all"_s, u"one"_s), node.log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(filterState(node.port()), u"consuming"_s, 15000);

    NatsTest::Publisher publisher(m_nats.url());
    QVERIFY(publisher.isConnected());
    for (const QString &symbol : {u"AAA"_s, u"BRK.B"_s, u"CCC"_s})
        QVERIFY(publishSeries(publisher, symbol, int(m_base), 200));
    // A message may hold several records: an array of the symbol's.
    QVERIFY(publisher.publish("tickdesk.ingest.DDD",
                              '[' + record(u"DDD"_s, int(m_base)) + ',' + record(u"DDD"_s, int(m_base) + 1) + ']'));
    QVERIFY(publisher.complete());

    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(db, "SELECT count(*) FROM ticks"), 602, 20000);
    QCOMPARE(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'BRK.B'"), 200);
    // Acknowledged, so gone from the work queue; the progress kept with the records.
    QTRY_COMPARE_WITH_TIMEOUT(NatsTest::streamSize(m_nats.url(), "TICKDESK_INGEST"), qint64(0), 10000);
    QCOMPARE(TestSql::count(db, "SELECT last_seq FROM nats_ingest WHERE filter = 'tickdesk.ingest.>'"), 601);
    const QJsonObject health = ingestHealth(node.port());
    QCOMPARE(health.value(u"records"_s).toInt(), 602);
    QCOMPARE(health.value(u"messages"_s).toInt(), 601);
    QCOMPARE(health.value(u"refused"_s).toInt(), 0);

    // A publisher sending a message again (its acknowledgement lost) is deduplicated by its id.
    QVERIFY(publishSeries(publisher, u"AAA"_s, int(m_base) + 199, 2));
    QVERIFY(publisher.complete());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'AAA'"), 201, 20000);
    node.process().terminate();
    QVERIFY(node.process().waitForFinished(20000));
    QCOMPARE(TestSql::count(db, "SELECT count(*) FROM ticks"), 603);
}

void TestNatsIngest::badMessagesAreTerminatedAndCounted()
{
    const QString db = path(u"bad.sqlite"_s);
    TestApp::Process node;
    QVERIFY2(startNode(node, m_nats, db, u"all"_s, u"bad"_s), node.log().constData());
    NatsTest::Publisher publisher(m_nats.url());
    natsSubscription *refusals = nullptr;
    QCOMPARE(natsConnection_SubscribeSync(&refusals, publisher.connection(), "tickdesk.ingest_refused.>"), NATS_OK);
    QCOMPARE(natsConnection_Flush(publisher.connection()), NATS_OK);

    QVERIFY(publisher.publish("tickdesk.ingest.BADS", "this is not JSON"));
    QVERIFY(publisher.publish("tickdesk.ingest.BADS", record(u"OTHER"_s, int(m_base))));
    QVERIFY(publisher.publish("tickdesk.ingest.BADS",
                              R"({"stock_symbol":"BADS","opening_price":-5,"closing_price":1,"high":1,"low":1,)"
                              R"("volume":1,"timestamp":1700000000})"));
    QVERIFY(publishSeries(publisher, u"BADS"_s, int(m_base), 3));
    QVERIFY(publisher.complete());

    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'BADS'"), 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ingestHealth(node.port()).value(u"refused"_s).toInt(), 3, 10000);
    QVERIFY(ingestHealth(node.port()).value(u"last_refused"_s).toString().contains(u"tickdesk.ingest.BADS"_s));
    QCOMPARE(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'OTHER'"), 0);
    // Terminated, not left to be delivered again and again.
    QTRY_COMPARE_WITH_TIMEOUT(NatsTest::streamSize(m_nats.url(), "TICKDESK_INGEST"), qint64(0), 10000);
    QStringList reasons;
    for (int i = 0; i < 3; ++i) {
        natsMsg *msg = nullptr;
        QCOMPARE(natsSubscription_NextMsg(&msg, refusals, 10000), NATS_OK);
        reasons << QJsonDocument::fromJson(QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)))
                       .object()
                       .value(u"error"_s)
                       .toString();
        natsMsg_Destroy(msg);
    }
    natsSubscription_Destroy(refusals);
    QVERIFY2(reasons.at(1).contains(u"a record of OTHER on the subject of BADS"_s), qPrintable(reasons.at(1)));
    QVERIFY2(reasons.at(2).contains(u"opening_price"_s), qPrintable(reasons.at(2)));
    QTRY_VERIFY(node.log().contains("refused"));
    QCOMPARE(node.process().state(), QProcess::Running);
}

void TestNatsIngest::appliedMessagesDeliveredAgainAreNotStoredTwice()
{
    // A node killed between its commit and its acknowledgements leaves its database ahead of the stream: the
    // same state is made here by hand (its progress says the first 4 of 10 waiting messages are applied).
    const QString db = path(u"again.sqlite"_s);
    const auto consuming = [this](TestApp::Process &node) { return filterState(node.port()) == u"consuming"_s; };
    {
        TestApp::Process node;
        QVERIFY2(startNode(node, m_nats, db, u"all"_s, u"again"_s), node.log().constData());
        QTRY_VERIFY_WITH_TIMEOUT(consuming(node), 15000);
        node.process().terminate();
        QVERIFY(node.process().waitForFinished(20000));
    }
    NatsTest::Publisher publisher(m_nats.url());
    QVERIFY(publishSeries(publisher, u"AGAIN"_s, int(m_base), 10));
    QVERIFY(publisher.complete());
    const NatsTest::StreamState stream = NatsTest::streamState(m_nats.url(), "TICKDESK_INGEST");
    QCOMPARE(stream.messages, qint64(10));
    QVERIFY(TestSql::exec(db, "INSERT OR REPLACE INTO nats_ingest(filter, stream_created, last_seq) VALUES "
                              "('tickdesk.ingest.>', " +
                                  QByteArray::number(stream.created) + ", " + QByteArray::number(stream.lastSeq - 6) +
                                  ")"));
    {
        TestApp::Process node;
        QVERIFY2(startNode(node, m_nats, db, u"all"_s, u"again"_s), node.log().constData());
        QTRY_COMPARE_WITH_TIMEOUT(NatsTest::streamSize(m_nats.url(), "TICKDESK_INGEST"), qint64(0), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'AGAIN'"), 6, 10000);
        QCOMPARE(TestSql::count(db, "SELECT min(ts_us) / 1000000 FROM ticks WHERE symbol = 'AGAIN'"), int(m_base) + 4);
        QCOMPARE(ingestHealth(node.port()).value(u"records"_s).toInt(), 6);
        node.process().terminate();
        QVERIFY(node.process().waitForFinished(20000));
    }
    // Progress of a stream since made again (another creation time) says nothing about this one's messages.
    QVERIFY(publishSeries(publisher, u"AGAIN"_s, int(m_base) + 10, 3));
    QVERIFY(publisher.complete());
    QVERIFY(TestSql::exec(db, "UPDATE nats_ingest SET stream_created = 1, last_seq = 1000000000"));
    TestApp::Process node;
    QVERIFY2(startNode(node, m_nats, db, u"all"_s, u"again"_s), node.log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(db, "SELECT count(*) FROM ticks WHERE symbol = 'AGAIN'"), 9, 15000);
}

void TestNatsIngest::standbyTakesOverFromAStoppedOrKilledNode()
{
    // A second node on the same consumer waits while the first pulls, then carries on where it stopped.
    const QString first = path(u"first.sqlite"_s), second = path(u"second.sqlite"_s);
    TestApp::Process a, b;
    QVERIFY2(startNode(a, m_nats, first, u"all"_s, u"a"_s), a.log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(filterState(a.port()), u"consuming"_s, 15000);
    QVERIFY2(startNode(b, m_nats, second, u"all"_s, u"b"_s), b.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(filterState(b.port()).startsWith(u"standby"_s), 15000);
    NatsTest::Publisher publisher(m_nats.url());
    QVERIFY(publishSeries(publisher, u"STBY"_s, int(m_base), 100));
    QVERIFY(publisher.complete());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(first, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 100, 20000);
    QCOMPARE(TestSql::count(second, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 0);
    // Idle past the lease's life (6 s), the owner keeps it by writing it again; the standby waits on.
    const auto renewals = [](quint16 port) {
        TestHttp::Client client;
        if (!client.connectTo(port))
            return -1;
        const auto metrics = client.roundTrip(TestHttp::request("GET", "/metrics", {}, {}));
        for (const QByteArray &line : metrics ? metrics->body.split('\n') : QList<QByteArray>())
            if (line.startsWith("tickdesk_nats_ingest_lease_renewals_total "))
                return line.mid(line.indexOf(' ') + 1).toInt();
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(renewals(a.port()) >= 4, 20000);
    QVERIFY(filterState(b.port()).startsWith(u"standby: a is consuming"_s));
    QVERIFY(publishSeries(publisher, u"STBY"_s, int(m_base) + 200, 1));
    QVERIFY(publisher.complete());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(first, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 101, 20000);

    a.process().terminate();
    QVERIFY(a.process().waitForFinished(20000));
    QTRY_COMPARE_WITH_TIMEOUT(filterState(b.port()), u"consuming"_s, 20000);
    QVERIFY(publishSeries(publisher, u"STBY"_s, int(m_base) + 100, 100));
    QVERIFY(publisher.complete());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(second, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 100, 20000);
    QCOMPARE(TestSql::count(first, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 101);
    // The second node carried on after the first one's last record.
    QCOMPARE(TestSql::count(second, "SELECT min(ts_us) / 1000000 FROM ticks WHERE symbol = 'STBY'"), int(m_base) + 100);

    // A third waits on the second, which is killed: its lease runs out (6 s) and the third takes over.
    const QString third = path(u"third.sqlite"_s);
    TestApp::Process c;
    QVERIFY2(startNode(c, m_nats, third, u"all"_s, u"c"_s), c.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(filterState(c.port()).startsWith(u"standby: b is consuming"_s), 15000);
    b.process().kill();
    QVERIFY(b.process().waitForFinished(10000));
    QVERIFY(publishSeries(publisher, u"STBY"_s, int(m_base) + 300, 50));
    QVERIFY(publisher.complete());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(third, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 50, 30000);
    QCOMPARE(TestSql::count(second, "SELECT count(*) FROM ticks WHERE symbol = 'STBY'"), 100);
}

void TestNatsIngest::twoPartitionedNodesSurviveAKill()
{
    const QString dbA = path(u"part0.sqlite"_s), dbB = path(u"part1.sqlite"_s);
    TestApp::Process a, b;
    QVERIFY2(startNode(a, m_partitioned, dbA, u"0/2"_s, u"a"_s), a.log().constData());
    QVERIFY2(startNode(b, m_partitioned, dbB, u"1/2"_s, u"b"_s), b.log().constData());
    for (TestApp::Process *node : {&a, &b})
        QTRY_COMPARE_WITH_TIMEOUT(filterState(node->port()), u"consuming"_s, 15000);

    constexpr int Symbols = 24, PerSymbol = 400;
    QStringList symbols;
    for (int s = 0; s < Symbols; ++s)
        symbols << u"P%1"_s.arg(s);
    NatsTest::Publisher publisher(m_partitioned.url());
    // Interleaved, as a feed sends them: a record of each symbol in turn.
    for (int n = 0; n < PerSymbol; ++n)
        for (const QString &symbol : symbols)
            QVERIFY(publishSeries(publisher, symbol, int(m_base) + n, 1));
    QVERIFY(publisher.complete());

    // Killed while it works through its partition, then started again on the same database.
    QTRY_VERIFY_WITH_TIMEOUT(TestSql::count(dbA, "SELECT count(*) FROM ticks") > 300, 30000);
    a.process().kill();
    QVERIFY(a.process().waitForFinished(10000));
    const int storedBeforeKill = TestSql::count(dbA, "SELECT count(*) FROM ticks");
    TestApp::Process again;
    QVERIFY2(startNode(again, m_partitioned, dbA, u"0/2"_s, u"a"_s), again.log().constData());

    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(dbA, "SELECT count(*) FROM ticks") +
                                  TestSql::count(dbB, "SELECT count(*) FROM ticks"),
                              Symbols * PerSymbol, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(NatsTest::streamSize(m_partitioned.url(), "TICKDESK_INGEST"), qint64(0), 10000);
    qInfo("node a stored %d records before it was killed", storedBeforeKill);

    // Exactly once: each symbol on one node only, every record once, in the order it was published.
    QSet<QString> onA, onB;
    for (const QStringList &row : TestSql::rows(dbA, "SELECT DISTINCT symbol FROM ticks"))
        onA.insert(row.front());
    for (const QStringList &row : TestSql::rows(dbB, "SELECT DISTINCT symbol FROM ticks"))
        onB.insert(row.front());
    QVERIFY2(!onA.isEmpty() && !onB.isEmpty(), "the mapping put every symbol in one partition");
    QVERIFY(!onA.intersects(onB));
    QCOMPARE(onA.size() + onB.size(), Symbols);
    for (const QString &db : {dbA, dbB}) {
        QCOMPARE(TestSql::count(db, "SELECT count(*) FROM (SELECT DISTINCT symbol, ts_us FROM ticks)"),
                 TestSql::count(db, "SELECT count(*) FROM ticks"));
        QMap<QString, qint64> last;
        for (const QStringList &row : TestSql::rows(db, "SELECT symbol, ts_us FROM ticks ORDER BY id")) {
            const qint64 ts = row.at(1).toLongLong();
            QVERIFY2(ts > last.value(row.at(0), 0), qPrintable(u"%1 out of order at %2"_s.arg(row.at(0)).arg(ts)));
            last[row.at(0)] = ts;
        }
    }
}

void TestNatsIngest::badPartitionsAreRefused()
{
    for (const QString &spec : {u"2/2"_s, u"x"_s, u"0/0"_s, u"1,-1/4"_s}) {
        QProcess node;
        node.start(QStringLiteral(TICKDESK_BINARY), {u"--headless"_s, u"--db"_s, path(u"never.sqlite"_s), u"--nats"_s,
                                                     m_nats.url(), u"--nats-ingest"_s, spec});
        QVERIFY(node.waitForFinished(20000));
        QCOMPARE(node.exitCode(), 2);
        QVERIFY2(node.readAllStandardError().contains("--nats-ingest"), qPrintable(spec));
    }
    QProcess node;
    node.start(QStringLiteral(TICKDESK_BINARY),
               {u"--headless"_s, u"--db"_s, path(u"never.sqlite"_s), u"--nats-ingest"_s, u"all"_s});
    QVERIFY(node.waitForFinished(20000));
    QCOMPARE(node.exitCode(), 2);
    QVERIFY(node.readAllStandardError().contains("needs --nats"));
}

QTEST_GUILESS_MAIN(TestNatsIngest)
#include "tst_natsingest.moc"
