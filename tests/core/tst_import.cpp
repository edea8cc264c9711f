// SPDX-License-Identifier: MIT
#include "CsvReader.h"
#include "io/Import.h"
#include "io/OhlcvCsv.h"
#include "io/SignalExport.h"
#include "pipeline/Pipeline.h"
#include "storage/AlertStore.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

std::vector<Model::Tick> ticksOf(const Model::RecordBatch &records)
{
    std::vector<Model::Tick> out;
    for (const Model::Record &r : records)
        if (const auto *t = std::get_if<Model::Tick>(&r))
            out.push_back(*t);
    return out;
}

constexpr qint64 Jan2 = 1'704'153'600'000'000; // 2024-01-02T00:00:00Z

/// A whole engine on a temporary database, as `tickdesk import` builds it.
struct Engine
{
    explicit Engine(const QString &path)
    {
        auto opened = Storage::StorageWriter::open({path});
        if (!opened)
            qFatal("%s", qPrintable(opened.error()));
        writer = std::move(*opened);
        pipeline = std::make_unique<Pipeline::Pipeline>(Pipeline::PipelineOptions{}, *writer);
        pipeline->start();
    }
    ~Engine()
    {
        pipeline->stop();
        writer->stop();
    }
    std::unique_ptr<Storage::StorageWriter> writer;
    std::unique_ptr<Pipeline::Pipeline> pipeline;
};

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run tickdesk(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(TICKDESK_BINARY), arguments);
    p.waitForFinished(120'000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvLayouts_data();
    void csvLayouts();
    void malformedRowsAreReportedAndGoodRowsKept();
    void unusableFilesFailWithTheReason_data();
    void unusableFilesFailWithTheReason();
    void jsonRecordsAreCheckedOneByOne();
    void largeFileImportsWithProgress();
    void cancelStopsTheImport();
    void exportsReadTheDatabase();
    void commandLineImportAndExport();
    void alertsMoveBetweenDesks();
};

void TestImport::csvLayouts_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("rows");
    QTest::addColumn<qint64>("firstTimestamp");
    QTest::addColumn<QString>("firstSymbol");
    QTest::addColumn<double>("firstClose");

    QTest::newRow("yahoo: Adj Close is not the close")
        << QByteArray(
               "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700\n"
               "2024-01-03,184.22,185.88,183.43,184.25,183.56,58414500\n")
        << u"AAPL"_s << 2 << Jan2 << u"AAPL"_s << 185.64;
    QTest::newRow("newest first, CRLF, byte-order mark")
        << QByteArray("\xEF\xBB\xBF"
                      "date,open,high,low,close,volume\r\n2024-01-03,2,3,1,2.5,10\r\n2024-01-02,2,3,1,2.25,10\r\n")
        << u"X"_s << 2 << Jan2 << u"X"_s << 2.25;
    QTest::newRow("stooq, symbol column, separate date and time")
        << QByteArray("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
                      "MSFT.US,5,20240102,153000,370.1,371,369.5,370.6,12345,0\n")
        << QString() << 1 << Jan2 + (15 * 3600 + 30 * 60) * 1'000'000LL << u"MSFT.US"_s << 370.6;
    QTest::newRow("semicolons, epoch seconds, no volume")
        << QByteArray("timestamp;open;high;low;close\n1704153600;1;2;0.5;1.5\n") << u"Y"_s << 1 << Jan2 << u"Y"_s
        << 1.5;
    QTest::newRow("tabs, epoch milliseconds")
        << QByteArray("time\topen\thigh\tlow\tclose\tvolume\n1704153600000\t1\t2\t0.5\t1.5\t7\n") << u"Y"_s << 1 << Jan2
        << u"Y"_s << 1.5;
    QTest::newRow("date-time with seconds and fraction, quoted fields, lower-case symbols")
        << QByteArray("Datetime,Symbol,Open,High,Low,Close,Volume\n\"2024-01-02 00:00:01.5\",\"brk.b\",\"1\",2,0.5,1.5,"
                      "\"100\"\n")
        << QString() << 1 << Jan2 + 1'500'000 << u"BRK.B"_s << 1.5;
    QTest::newRow("two symbols interleaved by time")
        << QByteArray("symbol,date,open,high,low,close,volume\nB,2024-01-03,1,1,1,1,1\nA,2024-01-02,2,2,2,2,2\n"
                      "A,2024-01-03,3,3,3,3,3\n")
        << QString() << 3 << Jan2 << u"A"_s << 2.0;
}

void TestImport::csvLayouts()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, symbol);
    QFETCH(int, rows);
    QFETCH(qint64, firstTimestamp);
    QFETCH(QString, firstSymbol);
    QFETCH(double, firstClose);
    QTemporaryDir dir;
    Model::RecordBatch out;
    const std::atomic<bool> cancel{false};
    const auto report = Io::readImportFile(write(dir, u"bars.csv"_s, csv), {symbol}, out, cancel);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->format, u"CSV"_s);
    QCOMPARE(report->skipped, 0);
    QVERIFY2(report->problems.empty(), qPrintable(report->summary()));
    QCOMPARE(report->accepted, rows);
    const auto ticks = ticksOf(out);
    QCOMPARE(int(ticks.size()), rows);
    QCOMPARE(qint64(ticks.front().timestamp), firstTimestamp);
    QCOMPARE(ticks.front().symbol.toString(), firstSymbol);
    QCOMPARE(ticks.front().close, firstClose);
    for (std::size_t i = 1; i < ticks.size(); ++i)
        QVERIFY(ticks[i - 1].timestamp <= ticks[i].timestamp); // oldest first, whatever the file's order
}

void TestImport::malformedRowsAreReportedAndGoodRowsKept()
{
    QTemporaryDir dir;
    const QByteArray csv = "Date,Open,High,Low,Close,Volume\n"
                           "2024-01-02,10,11,9,10.5,1000\n"  // line 2: good
                           "2024-01-03,10,9,11,10.5,1000\n"  // 3: high below low
                           "2024-02-30x,1,2,0.5,1,1\n"       // 4: not a date
                           "2024-01-05,abc,11,9,10.5,1000\n" // 5: not a number
                           "2024-01-06,10,11,9,10.5,-4\n"    // 6: negative volume
                           "2024-01-07,10,11,9\n"            // 7: too few fields
                           "\n"                              // 8: blank, ignored
                           "2024-01-09,10,11,9,12,1000\n"    // 9: close above high
                           "2024-01-10,0,1,0,1,5\n"          // 10: zero price
                           "2024-01-11,10,11,9,10,1000\n";   // 11: good
    Model::RecordBatch out;
    const std::atomic<bool> cancel{false};
    const auto report = Io::readImportFile(write(dir, u"bad.csv"_s, csv), {u"AAPL"_s}, out, cancel);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->read, 9);
    QCOMPARE(report->accepted, 2);
    QCOMPARE(report->skipped, 7);
    QCOMPARE(int(out.size()), 2);
    const QList<QPair<qint64, QString>> expected{
        {3, u"high must not be below low"_s},
        {4, u"\"2024-02-30x\" is not a date or time"_s},
        {5, u"open \"abc\" is not a number"_s},
        {6, u"volume \"-4\" is not a whole number of shares"_s},
        {7, u"4 fields, expected 6"_s},
        {9, u"closing_price must lie between low and high"_s},
        {10, u"opening_price must be greater than 0"_s},
    };
    QCOMPARE(int(report->problems.size()), int(expected.size()));
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(report->problems[std::size_t(i)].line, expected[i].first);
        QCOMPARE(report->problems[std::size_t(i)].message, expected[i].second);
    }
    QVERIFY(report->summary().contains(u"line 9: closing_price must lie between low and high"_s));
}

void TestImport::unusableFilesFailWithTheReason_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("error");
    QTest::newRow("no close column") << u"a.csv"_s << QByteArray("Date,Open,High,Low,Volume\n2024-01-02,1,2,0,5\n")
                                     << u"A"_s << u"the header has no close column"_s;
    QTest::newRow("no date column") << u"a.csv"_s << QByteArray("Open,High,Low,Close\n1,2,0.5,1\n") << u"A"_s
                                    << u"no date (or time, timestamp) column"_s;
    QTest::newRow("no symbol anywhere") << u"a.csv"_s << QByteArray("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n")
                                        << QString() << u"no symbol column"_s;
    QTest::newRow("bad symbol given") << u"a.csv"_s << QByteArray("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n")
                                      << u"NO WAY"_s << u"\"NO WAY\" is not a symbol"_s;
    QTest::newRow("empty") << u"e.csv"_s << QByteArray("  \n") << u"A"_s << u"is empty"_s;
    QTest::newRow("broken JSON array") << u"d.json"_s << QByteArray("[{\"a\":1},") << QString() << u"malformed JSON"_s;
    QTest::newRow("missing file") << QString() << QByteArray() << QString() << u"cannot read"_s;
}

void TestImport::unusableFilesFailWithTheReason()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, symbol);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = name.isEmpty() ? dir.filePath(u"missing.csv"_s) : write(dir, name, content);
    Model::RecordBatch out;
    const std::atomic<bool> cancel{false};
    const auto report = Io::readImportFile(path, {symbol}, out, cancel);
    QVERIFY(!report);
    QVERIFY2(report.error().contains(error), qPrintable(report.error()));
    QVERIFY(out.empty()); // nothing half-read
}

void TestImport::jsonRecordsAreCheckedOneByOne()
{
    QTemporaryDir dir;
    const QByteArray array =
        R"([{"stock_symbol":"AAPL","opening_price":1,"closing_price":1.5,"high":2,"low":1,"volume":3,"timestamp":1704153601},
            {"stock_symbol":"AAPL","opening_price":-1,"closing_price":1,"high":2,"low":1,"volume":3,"timestamp":1704153600},
            {"data_type":"news_sentiment","stock_symbol":"AAPL","sentiment_score":0.9,"sentiment_magnitude":0.8,"timestamp":1704153600},
            {"data_type":"weather","timestamp":1}])";
    Model::RecordBatch out;
    const std::atomic<bool> cancel{false};
    auto report = Io::readImportFile(write(dir, u"data.json"_s, array), {}, out, cancel);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->format, u"JSON"_s);
    QCOMPARE(report->read, 4);
    QCOMPARE(report->accepted, 2);
    QCOMPARE(report->problems[0].line, 2);
    QCOMPARE(report->problems[0].message, u"opening_price must be greater than 0"_s);
    QCOMPARE(report->problems[1].line, 4);
    QVERIFY(report->problems[1].message.startsWith(u"unknown data_type \"weather\""_s));
    QCOMPARE(Model::kindOf(out[0]), Model::RecordKind::NewsSentiment); // sorted by time

    const QByteArray ndjson = "{\"stock_symbol\":\"B\",\"opening_price\":1,\"closing_price\":1,\"high\":1,\"low\":1,"
                              "\"volume\":1,\"timestamp\":1704153600}\n{broken\n\n"
                              "{\"data_type\":\"economic_indicator\",\"indicator_name\":\"GDP\",\"value\":2.1,"
                              "\"timestamp\":1704153600}\n";
    out.clear();
    report = Io::readImportFile(write(dir, u"data.ndjson"_s, ndjson), {}, out, cancel);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->accepted, 2);
    QCOMPARE(report->skipped, 1);
    QCOMPARE(report->problems[0].line, 2);
    QVERIFY(report->problems[0].message.startsWith(u"malformed JSON"_s));
}

void TestImport::largeFileImportsWithProgress()
{
    QTemporaryDir dir;
    constexpr int Rows = 100'000;
    QByteArray csv = "Symbol,Date,Open,High,Low,Close,Volume\n";
    double price = 100;
    for (int i = 0; i < Rows; ++i) {
        const double next = price * (1 + 0.01 * std::sin(i * 0.37) + 0.002 * std::cos(i * 1.3));
        const QByteArray ts = QByteArray::number(1'600'000'000 + (i / 4) * 60);
        csv += "S" + QByteArray::number(i % 4) + ',' + ts + ',' + QByteArray::number(price, 'f', 4) + ',' +
               QByteArray::number(std::max(price, next) + 0.01, 'f', 4) + ',' +
               QByteArray::number(std::min(price, next) - 0.01, 'f', 4) + ',' + QByteArray::number(next, 'f', 4) +
               ",100\n";
        price = next;
    }
    const QString path = write(dir, u"big.csv"_s, csv);
    const QString db = dir.filePath(u"big.sqlite"_s);
    std::vector<qint64> progress;
    {
        Engine engine(db);
        const std::atomic<bool> cancel{false};
        const auto report = Io::importFile(path, {}, *engine.pipeline, cancel, [&progress](qint64 done, qint64 total) {
            QCOMPARE(total, 1000);
            progress.push_back(done);
        });
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->read, Rows);
        QCOMPARE(report->stored, Rows);
        QCOMPARE(report->skipped, 0);
    }
    QVERIFY(progress.size() > 10);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(progress.back(), 1000);
    auto opened = Storage::SqliteDatabase::open(db);
    QVERIFY(opened);
    QCOMPARE((*opened)->scalar("SELECT count(*) FROM ticks"), Rows);
    QVERIFY((*opened)->scalar("SELECT count(*) FROM signals") > 0); // history ran through the rules
    // And warms the indicators of the next start.
    auto writer = Storage::StorageWriter::open({db});
    QVERIFY(writer);
    Pipeline::Pipeline next(Pipeline::PipelineOptions{}, **writer);
    QVERIFY(next.warmStart(db));
    QCOMPARE(next.warmedSymbols(), 4);
    (*writer)->stop();
}

void TestImport::cancelStopsTheImport()
{
    QTemporaryDir dir;
    QByteArray csv = "Date,Open,High,Low,Close\n";
    for (int i = 0; i < 200'000; ++i)
        csv += QByteArray::number(1'600'000'000 + i) + ",1,2,0.5,1\n";
    const QString path = write(dir, u"c.csv"_s, csv);
    Engine engine(dir.filePath(u"c.sqlite"_s));
    std::atomic<bool> cancel{false};
    const auto report =
        Io::importFile(path, {u"C"_s}, *engine.pipeline, cancel, [&cancel](qint64, qint64) { cancel = true; });
    QVERIFY(!report);
    QCOMPARE(report.error(), u"import cancelled"_s);
}

void TestImport::exportsReadTheDatabase()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"e.sqlite"_s);
    QByteArray csv = "Symbol,Date,Open,High,Low,Close,Volume\n";
    for (int i = 0; i < 3000; ++i) {
        // Saw-tooth prices: every rule has something to say.
        const double close = 100 + (i % 60 < 30 ? i % 60 : 60 - i % 60) * 0.3;
        csv += (i % 2 ? "A," : "B,") + QByteArray::number(1'600'000'000 + i * 30) + ",100," +
               QByteArray::number(std::max(100.0, close) + 0.5) + ',' +
               QByteArray::number(std::min(100.0, close) - 0.5) + ',' + QByteArray::number(close) + ",10\n";
    }
    {
        Engine engine(db);
        const std::atomic<bool> cancel{false};
        QVERIFY(Io::importFile(write(dir, u"e.csv"_s, csv), {}, *engine.pipeline, cancel));
    }
    auto opened = Storage::SqliteDatabase::open(db);
    QVERIFY(opened);
    const qint64 allSignals = (*opened)->scalar("SELECT count(*) FROM signals");
    const qint64 buysOfA = (*opened)->scalar("SELECT count(*) FROM signals WHERE symbol = 'A' AND side = 'buy'");
    QVERIFY(allSignals > 10);
    QVERIFY(buysOfA > 0);

    const std::atomic<bool> cancel{false};
    const QString out = dir.filePath(u"signals.csv"_s);
    Storage::SignalFilter filter;
    filter.newestFirst = false;
    qint64 lastProgress = 0;
    auto written = Io::exportSignals(db, filter, out, cancel, [&](qint64 done, qint64) { lastProgress = done; });
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(*written, allSignals);
    QCOMPARE(lastProgress, allSignals);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QStringList> rows = parseCsv(file.readAll());
    QCOMPARE(rows.size(), allSignals + 1);
    for (qsizetype i = 2; i < rows.size(); ++i)
        QVERIFY(rows[i - 1][2].toDouble() <= rows[i][2].toDouble()); // oldest first

    filter.symbols = {u"A"_s};
    filter.side = u"buy"_s;
    written = Io::exportSignals(db, filter, out, cancel);
    QCOMPARE(*written, buysOfA);

    Storage::TickFilter ticks;
    ticks.symbols = {u"B"_s};
    ticks.fromUs = 1'600'000'000'000'000LL + 600 * 30 * 1'000'000LL;
    ticks.toUs = 1'600'000'000'000'000LL + 700 * 30 * 1'000'000LL;
    ticks.newestFirst = false;
    written = Io::exportTicks(db, ticks, dir.filePath(u"ticks.csv"_s), cancel);
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(*written, 51); // B has the even seconds: 600, 602, ..., 700
    QFile tickFile(dir.filePath(u"ticks.csv"_s));
    QVERIFY(tickFile.open(QIODevice::ReadOnly));
    rows = parseCsv(tickFile.readAll());
    QCOMPARE(rows[0], (QStringList{u"time_utc"_s, u"epoch_s"_s, u"symbol"_s, u"open"_s, u"high"_s, u"low"_s, u"close"_s,
                                   u"volume"_s}));
    QCOMPARE(rows[1][1], u"1600018000.000000"_s);
    QCOMPARE(rows[1][0], u"2020-09-13T17:26:40.000Z"_s);

    // A cancelled database export leaves nothing under the name either.
    const std::atomic<bool> cancelled{true};
    Storage::SignalFilter all;
    QVERIFY(!Io::exportSignals(db, all, dir.filePath(u"never.csv"_s), cancelled));
    QVERIFY(!QFile::exists(dir.filePath(u"never.csv"_s)));
}

void TestImport::commandLineImportAndExport()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"cli.sqlite"_s);
    const QString csv = write(dir, u"aapl.csv"_s,
                              "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,1000\n"
                              "2024-01-03,10,9,11,10.5,1000\n2024-01-04,10,11,9,10.7,1000\n");
    Run r = tickdesk({u"import"_s, csv, u"--db"_s, db});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no symbol column"), r.err.constData());
    r = tickdesk({u"import"_s, csv, u"--symbol"_s, u"AAPL"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("3 rows read, 2 imported, 1 skipped"), r.err.constData());
    QVERIFY2(r.err.contains("line 3: high must not be below low"), r.err.constData());

    const QString out = dir.filePath(u"t.csv"_s);
    r = tickdesk(
        {u"export-ticks"_s, u"--db"_s, db, u"--symbol"_s, u"aapl"_s, u"--from"_s, u"2024-01-03"_s, u"-o"_s, out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.startsWith("1 ticks written to"), r.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(file.readAll()).size(), 2);

    // The imported days as one weekly bar (the week of Monday 2024-01-01).
    r = tickdesk(
        {u"export-bars"_s, u"--db"_s, db, u"--symbol"_s, u"AAPL"_s, u"--timeframe"_s, u"1W"_s, u"-o"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("time_utc,epoch_s,symbol,open,high,low,close,volume,records\r\n"
                               "2024-01-01T00:00:00.000Z,1704067200.000000,AAPL,10,11,9,10.7,2000,2\r\n"));

    r = tickdesk({u"export-signals"_s, u"--db"_s, db, u"-o"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("id,time_utc,epoch_s,symbol,side,rule,timeframe,price,reason,snapshot\r\n"));

    for (const auto &[arguments, message] :
         {std::pair{QStringList{u"export-signals"_s, u"--db"_s, db}, "-o FILE is required"},
          std::pair{QStringList{u"export-signals"_s, u"--db"_s, db, u"--side"_s, u"up"_s, u"-o"_s, out},
                    "--side: \"up\" is not buy, sell or alert"},
          std::pair{QStringList{u"export-signals"_s, u"--db"_s, db, u"--to"_s, u"2020-01-01"_s, u"--from"_s,
                                u"2021-01-01"_s, u"-o"_s, out},
                    "--from is after --to"},
          std::pair{QStringList{u"export-ticks"_s, u"--db"_s, dir.filePath(u"none.sqlite"_s), u"-o"_s, out},
                    "no database at"},
          std::pair{QStringList{u"export-bars"_s, u"--db"_s, db, u"--symbol"_s, u"A,B"_s, u"-o"_s, out},
                    "--symbol: give exactly one symbol"},
          std::pair{QStringList{u"export-bars"_s, u"--db"_s, db, u"--symbol"_s, u"A"_s, u"--timeframe"_s, u"2D"_s,
                                u"-o"_s, out},
                    "--timeframe: \"2D\": days come one at a time (1D)"},
          std::pair{QStringList{u"import"_s}, "give exactly one file"},
          std::pair{QStringList{u"simulate"_s}, "--to: give the http:// URL"},
          std::pair{QStringList{u"simulate"_s, u"--to"_s, u"http://127.0.0.1:1/ingest"_s, u"--rate"_s, u"0"_s},
                    "--rate: \"0\" is not a number from 1 to 100000"}}) {
        r = tickdesk(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }
}

void TestImport::alertsMoveBetweenDesks()
{
    QTemporaryDir dir;
    const QString from = dir.filePath(u"from.sqlite"_s);
    const QString to = dir.filePath(u"to.sqlite"_s);
    const QString file = dir.filePath(u"alerts.json"_s);
    {
        auto db = Storage::SqliteDatabase::open(from);
        QVERIFY(db && Storage::Schema::migrate(**db).ok());
        for (const char *json :
             {R"({"name":"AAPL above 182.50","symbols":["AAPL"],"left":{"source":"close"},"operator":"crossing_up",
                 "right":{"value":182.5},"trigger":"once"})",
              R"({"symbols":["*"],"timeframe":"5m","left":{"indicator":"rsi","period":14},"operator":"greater_than",
                 "right":{"value":70}})"})
            QVERIFY(Storage::AlertStore::add(**db, *Alerts::fromJson(QJsonDocument::fromJson(json).object()), 1));
    }
    auto r = tickdesk({u"alerts"_s, u"export"_s, file, u"--db"_s, from});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("2 alerts exported"), r.out.constData());
    r = tickdesk({u"alerts"_s, u"import"_s, file, u"--db"_s, to});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("2 alerts imported"), r.out.constData());
    {
        auto a = Storage::SqliteDatabase::open(from);
        auto b = Storage::SqliteDatabase::open(to);
        QVERIFY(a && b);
        const auto before = Storage::AlertStore::all(**a);
        const auto after = Storage::AlertStore::all(**b);
        QVERIFY(before && after && before->size() == after->size());
        for (std::size_t i = 0; i < before->size(); ++i)
            QCOMPARE(Alerts::toJson((*after)[i].alert), Alerts::toJson((*before)[i].alert));
    }
    // One wrong alert in a file: it is named, and none of the file's alerts is added.
    QFile bad(dir.filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"([{"left":{"source":"close"},"right":{"value":1}},
                 {"left":{"source":"close"},"operator":"above","right":{"value":1}}])");
    bad.close();
    r = tickdesk({u"alerts"_s, u"import"_s, bad.fileName(), u"--db"_s, to});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("alert 2 of 2: operator: must be one of"), r.err.constData());
    auto b = Storage::SqliteDatabase::open(to);
    QVERIFY(b);
    QCOMPARE(Storage::AlertStore::all(**b)->size(), std::size_t(2));
    r = tickdesk({u"alerts"_s, u"send"_s, file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("give export FILE or import FILE"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
