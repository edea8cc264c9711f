// SPDX-License-Identifier: MIT
#include "CsvReader.h"
#include "io/Csv.h"
#include "io/SignalExport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Model::TradeSignal signal(int i, const QString &reason)
{
    Model::TradeSignal s;
    s.id = i;
    Model::Symbol::parse("BRK.B", s.symbol);
    s.rule = Model::SignalRule::RsiTrend;
    s.side = i % 2 ? Model::SignalSide::Sell : Model::SignalSide::Buy;
    s.reason = reason;
    s.price = 101.25 + i;
    s.snapshot = "{\"sma\":101.2,\"rsi\":null}";
    s.timestamp = 1'700'000'000'123'456LL + i * 1'000'000LL;
    return s;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields_data();
    void fields();
    void roundTripThroughAReader();
    void cancelLeavesNoFile();
    void unwritablePathIsReported();
};

void TestCsvExport::fields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << u"RSI 27.4"_s << QByteArray("RSI 27.4");
    QTest::newRow("comma") << u"a,b"_s << QByteArray("\"a,b\"");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << u"one\ntwo"_s << QByteArray("\"one\ntwo\"");
    QTest::newRow("carriage return") << u"one\rtwo"_s << QByteArray("\"one\rtwo\"");
    QTest::newRow("unicode") << u"σ ≥ 2"_s << QByteArray("σ ≥ 2");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestCsvExport::fields()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, field);
    QCOMPARE(Io::csvField(text), field);
}

void TestCsvExport::roundTripThroughAReader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"signals.csv"_s);
    const QStringList reasons{u"RSI 27.4 < 30 and SMA 101.20 < EMA 101.91"_s, u"comma, inside"_s,
                              u"a \"quoted\" word"_s, u"two\nlines"_s, u"all, of \"it\"\r\nat once"_s};
    Model::SignalList signals;
    for (int i = 0; i < 1000; ++i)
        signals.append(signal(i, reasons[i % reasons.size()]));
    std::atomic<bool> cancel{false};
    qint64 lastProgress = 0;
    const auto result = Io::exportSignals(signals, path, cancel, [&](qint64 done, qint64) { lastProgress = done; });
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(*result, 1000);
    QCOMPARE(lastProgress, 1000);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(file.readAll());
    QCOMPARE(rows.size(), 1001);
    QCOMPARE(rows[0], (QStringList{u"id"_s, u"time_utc"_s, u"epoch_s"_s, u"symbol"_s, u"side"_s, u"rule"_s,
                                   u"timeframe"_s, u"price"_s, u"reason"_s, u"snapshot"_s}));
    for (int i = 0; i < 1000; ++i) {
        const QStringList &r = rows[i + 1];
        QCOMPARE(r.size(), 10);
        QCOMPARE(r[0].toInt(), i);
        QCOMPARE(r[3], u"BRK.B"_s);
        QCOMPARE(r[4], i % 2 ? u"sell"_s : u"buy"_s);
        QCOMPARE(r[6], u"record"_s);
        QCOMPARE(r[7].toDouble(), 101.25 + i);
        QCOMPARE(r[8], reasons[i % reasons.size()]);
        QCOMPARE(r[9], u"{\"sma\":101.2,\"rsi\":null}"_s);
    }
    QCOMPARE(rows[1][1], u"2023-11-14T22:13:20.123Z"_s);
    QCOMPARE(rows[1][2], u"1700000000.123456"_s);
}

void TestCsvExport::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cancelled.csv"_s);
    Model::SignalList signals;
    for (int i = 0; i < 60000; ++i)
        signals.append(signal(i, u"a long enough reason to pass a megabyte of output in the end, with commas, too"_s));
    std::atomic<bool> cancel{false};
    const auto result = Io::exportSignals(signals, path, cancel, [&](qint64, qint64) { cancel = true; });
    QVERIFY(!result);
    QCOMPARE(result.error(), u"export cancelled"_s);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{}); // no leftovers either
}

void TestCsvExport::unwritablePathIsReported()
{
    std::atomic<bool> cancel{false};
    const auto result = Io::exportSignals({}, u"/nonexistent/dir/x.csv"_s, cancel);
    QVERIFY(!result);
    QVERIFY2(result.error().startsWith(u"cannot write /nonexistent/dir/x.csv"_s), qPrintable(result.error()));
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
