// SPDX-License-Identifier: MIT
#include "AppProcess.h"
#include "HttpTestClient.h"
#include "Version.h"

#include "storage/SqliteDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess p;
    p.start(QStringLiteral(TICKDESK_BINARY), arguments);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// AAPL's simulated bars as (open, close), oldest first.
QList<std::pair<double, double>> simulatedBars(const QString &database)
{
    QList<std::pair<double, double>> out;
    auto db = Storage::SqliteDatabase::open(database, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return out;
    auto st = (*db)->prepare("SELECT open, close FROM ticks WHERE symbol = 'AAPL' ORDER BY ts_us, id");
    while (st && st->step() == Storage::Step::Row)
        out.append({st->columnDouble(0), st->columnDouble(1)});
    return out;
}

QStringList simulate(const QString &database, const QStringList &extra = {})
{
    return QStringList{u"--headless"_s, u"--simulate"_s, u"--port"_s, u"0"_s,    u"--ws-port"_s,
                       u"0"_s,          u"--duration"_s, u"2"_s,      u"--db"_s, database} +
           extra;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void help();
    void badArguments_data();
    void badArguments();
    void durationStopsByItself();
    void healthAndIngestFromTheBinary();
    void secondStartHandsOverToTheWindow();
    void simulatorCarriesOnFromTheLastClose();
    void crashLeavesABacktrace();
    void fewDescriptorsStillServe();
    void headlessLogsSignalsAtABoundedRate();
};

void TestCommandLine::version()
{
    const Run r = run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("TickDesk " TICKDESK_VERSION));
}

void TestCommandLine::help()
{
    const Run r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    for (const char *option : {"--headless", "--bind", "--port", "--db", "--token", "--duration", "--version"})
        QVERIFY2(r.out.contains(option), option);
}

void TestCommandLine::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << 2 << u"Unknown option 'frobnicate'"_s;
    QTest::newRow("bad port") << QStringList{u"--port"_s, u"99999"_s} << 2 << u"--port: \"99999\" is not a port"_s;
    QTest::newRow("bad address") << QStringList{u"--bind"_s, u"localhost:5"_s} << 2 << u"is not an IP address"_s;
    QTest::newRow("bad duration") << QStringList{u"--duration"_s, u"soon"_s} << 2 << u"--duration"_s;
    QTest::newRow("bad commit wait") << QStringList{u"--commit-wait"_s, u"-5"_s} << 2
                                     << u"--commit-wait: \"-5\" is not a number of microseconds from 0 to 10000"_s;
    QTest::newRow("stray argument") << QStringList{u"bogus"_s} << 2 << u"unknown command or argument: bogus"_s;
    QTest::newRow("bad origin") << QStringList{u"--allow-origin"_s, u"ftp://x/y"_s} << 2
                                << u"--allow-origin: \"ftp://x/y\" is not an origin"_s;
    QTest::newRow("public bind without token")
        << QStringList{u"--headless"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s,  u"0"_s,
                       u"--ws-port"_s,  u"0"_s,      u"--db"_s,    u":memory:"_s}
        << 1 << u"without an access token"_s;
    QTest::newRow("unopenable database") << QStringList{u"--headless"_s,
                                                        u"--port"_s,
                                                        u"0"_s,
                                                        u"--ws-port"_s,
                                                        u"0"_s,
                                                        u"--db"_s,
                                                        u"/nonexistent/dir/x.sqlite"_s}
                                         << 1 << u"cannot open database /nonexistent/dir/x.sqlite"_s;
}

void TestCommandLine::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCommandLine::durationStopsByItself()
{
    QTemporaryDir dir;
    const Run r = run({u"--headless"_s, u"--port"_s, u"0"_s, u"--ws-port"_s, u"0"_s, u"--duration"_s, u"1"_s, u"--db"_s,
                       dir.filePath(u"d.sqlite"_s), u"--commit-wait"_s, u"0"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("small commits wait up to 0 µs for more"), r.err.constData());
    QVERIFY2(r.err.contains("received 0 | rejected 0 | stored 0"), r.err.constData());
}

void TestCommandLine::healthAndIngestFromTheBinary()
{
    QTemporaryDir dir;
    TestApp::Process app;
    QVERIFY2(app.start({u"--db"_s, dir.filePath(u"h.sqlite"_s)}), app.log().constData());
    TestHttp::Client client;
    QVERIFY(client.connectTo(app.port()));
    auto r = client.roundTrip(TestHttp::request(
        "POST", "/ingest",
        "{\"data_type\":\"economic_indicator\",\"timestamp\":1644016300.0,\"indicator_name\":\"GDP Growth Rate\","
        "\"value\":1.5}"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = client.roundTrip(TestHttp::request("GET", "/health", {}, {}));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    const QJsonObject health = QJsonDocument::fromJson(r->body).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(health.value(u"version"_s).toString(), QStringLiteral(TICKDESK_VERSION));
    QCOMPARE(health.value(u"stored"_s).toInt(), 1);
    r = client.roundTrip(TestHttp::request("POST", "/health", "{}"));
    QVERIFY(r);
    QCOMPARE(r->status, 405);
    QCOMPARE(r->headers.value("allow"), QByteArray("GET"));

    // The connection caps are reachable: the soft open-file limit was raised to the hard one.
    QFile limits(u"/proc/%1/limits"_s.arg(app.process().processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    const qsizetype at = text.indexOf("Max open files");
    QVERIFY(at >= 0);
    const QList<QByteArray> fields = text.mid(at + 14, text.indexOf('\n', at) - at - 14).simplified().split(' ');
    QVERIFY(fields.size() >= 2);
    QCOMPARE(fields[0], fields[1]);
}

void TestCommandLine::secondStartHandsOverToTheWindow()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"one.sqlite"_s);
    // Not the first start (which turns the simulator on by itself).
    QDir(dir.path()).mkpath(u".config/TickDesk"_s);
    QFile conf(dir.filePath(u".config/TickDesk/TickDesk.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[General]\nfirstRunDone=true\n");
    conf.close();
    TestApp::Process first;
    QVERIFY2(first.startWindow({u"--db"_s, db}, dir.path()), first.log().constData());
    QVERIFY(!first.log().contains("simulator feeding"));

    // A second start on the same database asks the first to simulate, and ends at once.
    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"HOME"_s, dir.path());
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(TICKDESK_BINARY), {u"--db"_s, db, u"--port"_s, u"0"_s, u"--simulate"_s});
    QVERIFY(second.waitForFinished(30'000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(second.readAllStandardError().contains("already running; its window was brought forward"));
    QTRY_VERIFY_WITH_TIMEOUT(first.log().contains("simulator feeding"), 20'000);
    TestHttp::Client client;
    QVERIFY(client.connectTo(first.port()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto r = client.roundTrip(TestHttp::request("GET", "/health", {}, {}));
            return r && QJsonDocument::fromJson(r->body).object().value(u"stored"_s).toInt() > 0;
        }(),
        20'000);

    // Another database is another window: no hand-over there.
    TestApp::Process other;
    QVERIFY2(other.startWindow({u"--db"_s, dir.filePath(u"two.sqlite"_s)}, dir.path()), other.log().constData());

    // Without a window, a file to open is refused with the way to import it.
    QProcess headless;
    headless.start(QStringLiteral(TICKDESK_BINARY), {u"--headless"_s, u"--db"_s, db, db});
    QVERIFY(headless.waitForFinished(30'000));
    QCOMPARE(headless.exitCode(), 2);
    QVERIFY(headless.readAllStandardError().contains("import with: tickdesk import"));
}

void TestCommandLine::simulatorCarriesOnFromTheLastClose()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"sim.sqlite"_s);
    QCOMPARE(run(simulate(database)).exitCode, 0);
    const auto first = simulatedBars(database);
    QVERIFY(first.size() > 3);
    QCOMPARE(run(simulate(database)).exitCode, 0);
    const auto both = simulatedBars(database);
    QVERIFY(both.size() > first.size() + 3);
    // The second run opens where the first closed, not at the start price again ...
    QCOMPARE(both[first.size()].first, first.back().second);
    // ... and is a new market: a fresh seed gives other moves than the first run's.
    const auto move = [](const std::pair<double, double> &bar) { return bar.second / bar.first; };
    QVERIFY(move(both[first.size()]) != move(first[0]) || move(both[first.size() + 1]) != move(first[1]));

    // A seed asked for gives the same moves every time.
    const QString seeded = dir.filePath(u"seeded.sqlite"_s);
    QCOMPARE(run(simulate(seeded, {u"--seed"_s, u"7"_s})).exitCode, 0);
    const auto a = simulatedBars(seeded);
    QCOMPARE(run(simulate(seeded, {u"--seed"_s, u"7"_s})).exitCode, 0);
    const auto b = simulatedBars(seeded);
    QVERIFY(b.size() > a.size() + 1);
    QVERIFY(std::fabs(move(b[a.size()]) - move(a[0])) < 1e-12);
    QVERIFY(std::fabs(move(b[a.size() + 1]) - move(a[1])) < 1e-12);
}

void TestCommandLine::crashLeavesABacktrace()
{
    QTemporaryDir dir;
    TestApp::Process app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    app.process().setProcessEnvironment(env);
    QVERIFY2(app.start({u"--db"_s, dir.filePath(u"c.sqlite"_s)}), app.log().constData());
    ::kill(pid_t(app.process().processId()), SIGSEGV);
    QVERIFY(app.process().waitForFinished(30000));
    QCOMPARE(app.process().exitStatus() == QProcess::CrashExit || app.process().exitCode() != 0, true);
    const QByteArray log = app.log();
    QVERIFY2(log.contains("tickdesk: fatal signal SEGV in TickDesk (pid"), log.constData());
    QVERIFY2(log.contains("backtrace:"), log.constData());
    QFile crashLog(dir.filePath(u"data/TickDesk/TickDesk/crash.log"_s));
    QVERIFY(crashLog.open(QIODevice::ReadOnly));
    QVERIFY(crashLog.readAll().contains("fatal signal SEGV"));
}

void TestCommandLine::fewDescriptorsStillServe()
{
    // Room for 128 descriptors only and 200 idle connections: the caps shrink to fit (so accepting never fails
    // over and over), and a client sending a whole request is still served.
    QTemporaryDir dir;
    QProcess app;
    app.setProcessChannelMode(QProcess::SeparateChannels);
    app.start(u"bash"_s, {u"-c"_s, u"ulimit -n 128 && exec \"$0\" --headless --port 0 --ws-port 0 --db \"$1\""_s,
                          QStringLiteral(TICKDESK_BINARY), dir.filePath(u"fd.sqlite"_s)});
    QVERIFY(app.waitForStarted());
    QByteArray log;
    quint16 port = 0;
    const QRegularExpression listening(u"listening on \"?127\\.0\\.0\\.1:(\\d+)"_s);
    QTRY_VERIFY_WITH_TIMEOUT((log += app.readAllStandardError(),
                              port = quint16(listening.match(QString::fromUtf8(log)).captured(1).toUInt())) > 0,
                             30000);
    QVERIFY2(log.contains("only 128 open files allowed"), log.constData());
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 200; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (socket->waitForConnected(5000))
            idle.push_back(std::move(socket));
    }
    TestHttp::Client client;
    QVERIFY(client.connectTo(port));
    const auto r = client.roundTrip(TestHttp::request(
        "POST", "/ingest",
        "{\"data_type\":\"economic_indicator\",\"timestamp\":1,\"indicator_name\":\"CPI\",\"value\":2}"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    app.terminate();
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
}

void TestCommandLine::headlessLogsSignalsAtABoundedRate()
{
    // 100 signals at once (strong news for 100 symbols): 20 lines of them, then one line for the rest.
    QTemporaryDir dir;
    TestApp::Process app;
    QVERIFY2(app.start({u"--db"_s, dir.filePath(u"log.sqlite"_s)}), app.log().constData());
    QByteArray body;
    for (int i = 0; i < 100; ++i)
        body += "{\"data_type\":\"news_sentiment\",\"stock_symbol\":\"N" + QByteArray::number(i) +
                "\",\"sentiment_score\":0.9,\"sentiment_magnitude\":0.9,\"timestamp\":1700000000}\n";
    TestHttp::Client client;
    QVERIFY(client.connectTo(app.port()));
    const auto r = client.roundTrip(TestHttp::request("POST", "/ingest", body, "application/x-ndjson"));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    // Every signal is either a line of its own or counted in a summary line; at most 20 lines a second.
    const QRegularExpression summary(u"signals: (\\d+) more in the last second"_s);
    const auto told = [&app, &summary] {
        const QString log = QString::fromUtf8(app.log());
        qsizetype held = 0;
        for (auto it = summary.globalMatch(log); it.hasNext();)
            held += it.next().captured(1).toInt();
        return log.count(u" news_sentiment at "_s) + held;
    };
    QTRY_COMPARE_WITH_TIMEOUT(told(), qsizetype(100), 10000);
    const qsizetype lines = QString::fromUtf8(app.log()).count(u" news_sentiment at "_s);
    QVERIFY2(lines >= 20 && lines <= 40, qPrintable(QString::number(lines))); // one or two seconds' worth
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
