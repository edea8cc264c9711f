// SPDX-License-Identifier: MIT
// A window on the nodes' feed (`tickdesk --source nats://`), the real binary on Qt's offscreen platform, against a
// real nats-server and a real node started by the test: records and signals arrive and are stored, fills are
// told; the window killed and started again, and NATS stopped and started again, each resume without a missing or
// a doubled signal; what the window missed is filled from the node's REST API; bad messages are counted and
// change nothing; wrong options are refused.

#include "AppProcess.h"
#include "HttpTestClient.h"
#include "NatsServer.h"
#include "SqlRows.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestNatsTerminal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followsTheNodesFeed();
    void restartedWindowMissesNothingAndDoublesNothing();
    void natsRestartedWhileFollowing();
    void fillsWhatItMissedFromTheNodesApi();
    void badMessagesAreCountedAndChangeNothing();
    void wrongOptionsAreRefused();
    void aStoppedNodeIsForgotten();

private:
    bool startTerminal(TestApp::Process &terminal);
    /// Posts a jump of a new symbol; true once the node stored it.
    bool jumpOnNode();
    int post(quint16 port, const QByteArray &body, const QByteArray &path = "/ingest");
    QJsonObject get(quint16 port, const QByteArray &path);
    QJsonObject source(quint16 port) { return get(port, "/health").value(u"nats_source"_s).toObject(); }
    /// Every stored signal as "symbol ts_us side reason", in one text to compare.
    static QStringList signalsOf(const QString &database);
    QString terminalDb() const { return m_dir.filePath(u"terminal.sqlite"_s); }

    QTemporaryDir m_dir;
    NatsTest::Server m_nats;
    TestApp::Process m_node;
    int m_jumps = 0;
};

void TestNatsTerminal::initTestCase()
{
    QVERIFY2(!NatsTest::Server::executable().isEmpty(),
             "nats-server is not installed (packaging/install-deps.sh --test installs it)");
    QVERIFY2(m_nats.start(), m_nats.log().constData());
    QVERIFY2(m_node.start({u"--db"_s, m_dir.filePath(u"node.sqlite"_s), u"--rules-timeframe"_s, u"record"_s,
                           u"--nats"_s, m_nats.url(), u"--nats-node"_s, u"node1"_s}),
             m_node.log().constData());
}

bool TestNatsTerminal::startTerminal(TestApp::Process &terminal)
{
    // The node's REST API is not given: the node announces it.
    return terminal.startWindow({u"--source"_s, m_nats.url(), u"--db"_s, terminalDb()}, m_dir.filePath(u"home"_s));
}

bool TestNatsTerminal::jumpOnNode()
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    return post(m_node.port(), NatsTest::priceJump(u"J%1"_s.arg(++m_jumps), now)) == 200;
}

int TestNatsTerminal::post(quint16 port, const QByteArray &body, const QByteArray &path)
{
    const auto response = TestHttp::once(port, TestHttp::request("POST", path, body));
    return response ? response->status : 0;
}

QJsonObject TestNatsTerminal::get(quint16 port, const QByteArray &path)
{
    const auto response = TestHttp::once(port, TestHttp::request("GET", path, {}, {}));
    return response ? QJsonDocument::fromJson(response->body).object() : QJsonObject();
}

QStringList TestNatsTerminal::signalsOf(const QString &database)
{
    QStringList out;
    for (const QStringList &row :
         TestSql::rows(database, "SELECT symbol, ts_us, side, reason FROM signals ORDER BY symbol, ts_us"))
        out << row.join(u' ');
    return out;
}

void TestNatsTerminal::followsTheNodesFeed()
{
    TestApp::Process terminal;
    QVERIFY2(startTerminal(terminal), terminal.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(source(terminal.port()).value(u"state"_s).toString() == u"following"_s, 20000);

    QVERIFY(jumpOnNode());
    // The records, from core NATS, stored and built into bars here; the node's signal with its reason.
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'J1'"), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(signalsOf(terminalDb()), signalsOf(m_dir.filePath(u"node.sqlite"_s)), 15000);
    QCOMPARE(signalsOf(terminalDb()).size(), 1);
    // Counted in the symbol's summary (watchlist, Summary panel) as the node counts it.
    const auto priceMoves = [&] {
        const auto response = TestHttp::once(terminal.port(), TestHttp::request("GET", "/api/summary", {}, {}));
        for (const QJsonValue &row : QJsonDocument::fromJson(response ? response->body : QByteArray()).array())
            if (row.toObject().value(u"symbol"_s).toString() == u"J1"_s)
                return row.toObject().value(u"signals_by_rule"_s).toObject().value(u"price_move"_s).toInt();
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(priceMoves(), 1, 10000);
    // A late record (older than the symbol's newest) is stored here too, as on the node.
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    QCOMPARE(post(m_node.port(), u"{\"stock_symbol\":\"J1\",\"opening_price\":99,\"closing_price\":99,"
                                 "\"high\":99,\"low\":99,\"volume\":3,\"timestamp\":%1}"_s.arg(now - 120, 0, 'f', 3)
                                     .toUtf8()),
             200);
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'J1'"), 3, 15000);
    QVERIFY2(signalsOf(terminalDb()).front().contains(u" alert price rose 4.00%"_s),
             qPrintable(signalsOf(terminalDb()).front()));

    // A paper fill on the node is booked to the window's paper account (its positions) and told (events panel).
    QCOMPARE(post(m_node.port(), R"({"ticker":"J1","side":"buy","quantity":5,"price":104})", "/api/trades"), 201);
    QTRY_COMPARE_WITH_TIMEOUT(source(terminal.port()).value(u"fills"_s).toInt(), 1, 15000);
    QCOMPARE(TestSql::rows(terminalDb(), "SELECT symbol, side, quantity, price FROM trades"),
             (QList<QStringList>{{u"J1"_s, u"buy"_s, u"5.0"_s, u"104.0"_s}}));
    const QJsonArray positions = get(terminal.port(), "/api/positions").value(u"positions"_s).toArray();
    QCOMPARE(positions.size(), 1);
    QCOMPARE(positions.at(0).toObject().value(u"ticker"_s).toString(), u"J1"_s);
    QCOMPARE(positions.at(0).toObject().value(u"quantity"_s).toDouble(), 5.0);
    // Nothing computed here: the window's own rules are off, every signal is the node's.
    QCOMPARE(source(terminal.port()).value(u"signals"_s).toInt(), 1);
}

void TestNatsTerminal::restartedWindowMissesNothingAndDoublesNothing()
{
    TestApp::Process first;
    QVERIFY2(startTerminal(first), first.log().constData());
    for (int i = 0; i < 3; ++i)
        QVERIFY(jumpOnNode());
    QTRY_COMPARE_WITH_TIMEOUT(signalsOf(terminalDb()), signalsOf(m_dir.filePath(u"node.sqlite"_s)), 15000);
    ::kill(pid_t(first.process().processId()), SIGKILL);
    QVERIFY(first.process().waitForFinished(10000));

    // Signals made while the window is gone wait in the stream; started again, it takes them from the first it
    // never stored.
    for (int i = 0; i < 4; ++i)
        QVERIFY(jumpOnNode());
    TestApp::Process second;
    QVERIFY2(startTerminal(second), second.log().constData());
    const QStringList node = signalsOf(m_dir.filePath(u"node.sqlite"_s));
    QCOMPARE(node.size(), 8);
    QTRY_COMPARE_WITH_TIMEOUT(signalsOf(terminalDb()), node, 20000);
    QCOMPARE(TestSql::count(terminalDb(), "SELECT count(DISTINCT symbol || ts_us) FROM signals"), 8);
}

void TestNatsTerminal::natsRestartedWhileFollowing()
{
    TestApp::Process terminal;
    QVERIFY2(startTerminal(terminal), terminal.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(source(terminal.port()).value(u"state"_s).toString() == u"following"_s, 20000);
    m_nats.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!source(terminal.port()).value(u"connected"_s).toBool(), 15000);
    // The node keeps what it computes while NATS is away and publishes it when NATS is back.
    for (int i = 0; i < 3; ++i)
        QVERIFY(jumpOnNode());
    QVERIFY2(m_nats.start(), m_nats.log().constData());
    const QString nodeDb = m_dir.filePath(u"node.sqlite"_s);
    QTRY_COMPARE_WITH_TIMEOUT(signalsOf(terminalDb()), signalsOf(nodeDb), 30000);
    QCOMPARE(signalsOf(terminalDb()).size(), 11);
    QVERIFY(source(terminal.port()).value(u"connected"_s).toBool());
    // Records flow again after the reconnection.
    QVERIFY(jumpOnNode());
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'J12'"), 2,
                              15000);
}

void TestNatsTerminal::fillsWhatItMissedFromTheNodesApi()
{
    // An hour of a symbol the window never saw live (it was not running), then one record live.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray old = "[";
    for (int i = 0; i < 80; ++i)
        old += u"%1{\"stock_symbol\":\"GAPY\",\"opening_price\":50,\"closing_price\":50,\"high\":51,\"low\":49,"
               "\"volume\":10,\"timestamp\":%2}"_s.arg(i ? u","_s : QString())
                   .arg(now - 3600 + i * 30)
                   .toUtf8();
    QCOMPARE(post(m_node.port(), old + ']'), 200);

    TestApp::Process terminal;
    QVERIFY2(startTerminal(terminal), terminal.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(source(terminal.port()).value(u"state"_s).toString() == u"following"_s, 20000);
    // The node says where its REST API is.
    QTRY_COMPARE_WITH_TIMEOUT(source(terminal.port()).value(u"nodes"_s).toArray().size(), 1, 15000);
    QCOMPARE(source(terminal.port()).value(u"nodes"_s).toArray().at(0).toObject().value(u"api"_s).toString(),
             u"http://127.0.0.1:%1"_s.arg(m_node.port()));
    QCOMPARE(post(m_node.port(),
                  u"{\"stock_symbol\":\"GAPY\",\"opening_price\":50,\"closing_price\":50,\"high\":51,\"low\":49,"
                  "\"volume\":10,\"timestamp\":%1}"_s.arg(now)
                      .toUtf8()),
             200);
    QTRY_COMPARE_WITH_TIMEOUT(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'GAPY'"), 1,
                              15000);
    // The window looks for gaps in the watchlist's history (at its start, when a symbol's feed resumes) and fills
    // them from the node's one-minute bars: 40 minutes of two records each, as the node stored them.
    QTRY_VERIFY_WITH_TIMEOUT(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'GAPY'") >= 40,
                             40000);
    QCOMPARE(TestSql::count(terminalDb(), "SELECT count(*) FROM signals WHERE symbol = 'GAPY'"), 0);
    QCOMPARE(TestSql::rows(terminalDb(), "SELECT min(ts_us) FROM ticks WHERE symbol = 'GAPY'").value(0).value(0),
             QString::number((now - 3600) / 60 * 60 * 1'000'000));
}

void TestNatsTerminal::badMessagesAreCountedAndChangeNothing()
{
    TestApp::Process terminal;
    QVERIFY2(startTerminal(terminal), terminal.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(source(terminal.port()).value(u"state"_s).toString() == u"following"_s, 20000);
    const int before = signalsOf(terminalDb()).size();
    {
        NatsTest::Publisher publisher(m_nats.url());
        QVERIFY(publisher.isConnected());
        QVERIFY(publisher.publish("tickdesk.signal.BAD", "not a signal"));
        QVERIFY(publisher.publish("tickdesk.signal.BAD", R"({"type":"signal","symbol":"BAD","side":"hold"})"));
        QVERIFY(publisher.complete());
    }
    natsConnection *nc = nullptr;
    QCOMPARE(natsConnection_ConnectTo(&nc, m_nats.url().toUtf8().constData()), NATS_OK);
    QCOMPARE(natsConnection_PublishString(nc, "tickdesk.tick.BAD", "{\"symbol\":\"BAD\",\"close\":\"high\"}"), NATS_OK);
    QCOMPARE(natsConnection_Flush(nc), NATS_OK);
    natsConnection_Destroy(nc);
    QTRY_COMPARE_WITH_TIMEOUT(source(terminal.port()).value(u"refused"_s).toInt(), 3, 15000);
    // The window carries on with the next good ones.
    QVERIFY(jumpOnNode());
    QTRY_COMPARE_WITH_TIMEOUT(signalsOf(terminalDb()).size(), before + 1, 15000);
    QCOMPARE(TestSql::count(terminalDb(), "SELECT count(*) FROM ticks WHERE symbol = 'BAD'"), 0);
    QCOMPARE(terminal.process().state(), QProcess::Running);
}

void TestNatsTerminal::wrongOptionsAreRefused()
{
    const auto refused = [](const QStringList &arguments, const char *message) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TICKDESK_BINARY), arguments);
        if (!p.waitForFinished(20000))
            return false;
        const QByteArray err = p.readAllStandardError();
        if (p.exitCode() != 2 || !err.contains(message)) {
            qWarning() << arguments << p.exitCode() << err;
            return false;
        }
        return true;
    };
    QVERIFY(
        refused({u"--source"_s, u"nats://127.0.0.1:4222"_s, u"--headless"_s}, "--source cannot go with --headless"));
    QVERIFY(refused({u"--source"_s, u"nats://127.0.0.1:4222"_s, u"--nats"_s, u"nats://127.0.0.1:4222"_s},
                    "--source cannot go with --nats"));
    QVERIFY(refused({u"--source"_s, u"http://127.0.0.1:4222"_s}, "--source: \"http://127.0.0.1:4222\" is not a NATS"));
    QVERIFY(refused({u"--source-api"_s, u"http://127.0.0.1:5000"_s}, "--source-api needs --source"));
    QVERIFY(refused({u"--source"_s, u"nats://127.0.0.1:4222"_s, u"--source-api"_s, u"ftp://x"_s},
                    "--source-api: \"ftp://x\" is not an address"));
}

void TestNatsTerminal::aStoppedNodeIsForgotten()
{
    TestApp::Process terminal;
    QVERIFY2(startTerminal(terminal), terminal.log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(source(terminal.port()).value(u"nodes"_s).toArray().size(), 1, 15000);
    // A node stopping cleanly takes its entry away at once (a killed one's runs out 15 s after its last write).
    m_node.process().terminate();
    QVERIFY(m_node.process().waitForFinished(20000));
    QTRY_COMPARE_WITH_TIMEOUT(source(terminal.port()).value(u"nodes"_s).toArray().size(), 0, 12000);
}

QTEST_GUILESS_MAIN(TestNatsTerminal)
#include "tst_natsterminal.moc"
