// SPDX-License-Identifier: MIT
// Trades by day: the daily analysis and the export by day, against a hand-checked set of trades over three
// days, in UTC and in New York (where a trade at 02:00 UTC still belongs to the day before).
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"
#include "trading/DailyAnalysis.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Trading::Fill fill(const char *time, const char *symbol, Trading::Side side, double quantity, double price, double fee)
{
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(time), Qt::ISODate);
    return Trading::Fill{0, QString::fromLatin1(symbol), side, quantity, price, fee, at.toMSecsSinceEpoch() * 1000, 0};
}

/// The set: AAPL bought, sold at a gain and at a loss (the loss at 02:00 UTC: 21:00 the day before in New
/// York), MSFT shorted and covered at a gain, TSLA bought and sold at a loss.
std::vector<Trading::Fill> theTrades()
{
    using S = Trading::Side;
    return {
        fill("2026-11-02T14:30:00Z", "AAPL", S::Buy, 10, 100, 1),
        fill("2026-11-02T20:00:00Z", "AAPL", S::Sell, 4, 110, 1),       // +40
        fill("2026-11-03T02:00:00Z", "AAPL", S::Sell, 6, 95, 1),        // -30
        fill("2026-11-03T15:00:00Z", "MSFT", S::SellShort, 5, 400, 0),  //
        fill("2026-11-04T15:00:00Z", "MSFT", S::BuyToCover, 5, 380, 2), // +100
        fill("2026-11-04T16:00:00Z", "TSLA", S::Buy, 1, 200, 0),        //
        fill("2026-11-04T17:00:00Z", "TSLA", S::Sell, 1, 190, 0),       // -10
    };
}

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

class TestTrades : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void daysInUtc();
    void daysInNewYork();
    void exportByDayAndStoredAnalysis();
    void listsInEitherOrder();
};

void TestTrades::daysInUtc()
{
    const auto days = Trading::analyzeByDay(Trading::replay(theTrades(), QTimeZone::utc()));
    QCOMPARE(days.size(), std::size_t(3));
    const Trading::DayStats &d2 = days[0], &d3 = days[1], &d4 = days[2];
    QCOMPARE(d2.day, QDate(2026, 11, 2));
    QCOMPARE(d2.trades, 2);
    QCOMPARE(d2.realized, 40.0);
    QCOMPARE(d2.fees, 2.0);
    QCOMPARE(d2.net(), 38.0);
    QCOMPARE(*d2.winRate(), 100.0);
    QVERIFY(!d2.profitFactor()); // no loss
    QCOMPARE(d2.averageWin(), 40.0);
    QCOMPARE(d2.cumulative, 38.0);

    QCOMPARE(d3.trades, 2);
    QCOMPARE(d3.realized, -30.0);
    QCOMPARE(d3.net(), -31.0);
    QCOMPARE(*d3.winRate(), 0.0);
    QCOMPARE(*d3.profitFactor(), 0.0);
    QCOMPARE(d3.averageLoss(), -30.0);
    QCOMPARE(d3.largestLoss, -30.0);
    QCOMPARE(d3.cumulative, 7.0);

    QCOMPARE(d4.trades, 3);
    QCOMPARE(d4.realized, 90.0);
    QCOMPARE(d4.fees, 2.0);
    QCOMPARE(*d4.winRate(), 50.0);
    QCOMPARE(*d4.profitFactor(), 10.0);
    QCOMPARE(d4.largestWin, 100.0);
    QCOMPARE(d4.largestLoss, -10.0);
    QCOMPARE(d4.cumulative, 95.0);
    const QJsonObject json = d4.toJson();
    QCOMPARE(json.value(u"date"_s).toString(), u"2026-11-04"_s);
    QCOMPARE(json.value(u"net"_s).toDouble(), 88.0);
    QCOMPARE(json.value(u"profit_factor"_s).toDouble(), 10.0);
    QVERIFY(d2.toJson().value(u"profit_factor"_s).isNull());
}

void TestTrades::daysInNewYork()
{
    const auto days = Trading::analyzeByDay(Trading::replay(theTrades(), QTimeZone("America/New_York")));
    QCOMPARE(days.size(), std::size_t(3));
    QCOMPARE(days[0].day, QDate(2026, 11, 2));
    QCOMPARE(days[0].trades, 3); // 02:00 UTC on the 3rd is 21:00 on the 2nd
    QCOMPARE(days[0].realized, 10.0);
    QCOMPARE(days[0].net(), 7.0);
    QCOMPARE(*days[0].profitFactor(), 40.0 / 30);
    QCOMPARE(days[1].trades, 1);
    QVERIFY(!days[1].winRate()); // the short opened: nothing closed
    QCOMPARE(days[1].cumulative, 7.0);
    QCOMPARE(days[2].cumulative, 95.0);
}

void TestTrades::exportByDayAndStoredAnalysis()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"trades.sqlite"_s);
    {
        auto db = Storage::SqliteDatabase::open(path);
        QVERIFY(db);
        QVERIFY(Storage::Schema::migrate(**db));
        int n = 0;
        for (const Trading::Fill &f : theTrades())
            QVERIFY(Storage::TradeStore::add(**db, f, n++ == 0 ? u"first, \"quoted\""_s : QString(), 1));
    }
    // By UTC day: three files, rows in the order the trades happened, each with what it realized.
    Run run = tickdesk({u"export-trades"_s, u"--by-day"_s, dir.filePath(u"utc"_s), u"--db"_s, path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("7 trades on 3 days"));
    QFile nov2(dir.filePath(u"utc/2026/11/02/trades.csv"_s));
    QVERIFY(nov2.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = nov2.readAll().split('\n');
    QCOMPARE(rows[0], "id,time_utc,epoch_s,ticker,side,quantity,price,fee,realized,order_id,note\r");
    QVERIFY2(rows[1].startsWith("1,2026-11-02T14:30:00.000Z,1793629800.000000,AAPL,buy,10,100,1,0,,"
                                "\"first, \"\"quoted\"\"\""),
             rows[1].constData());
    QVERIFY2(rows[2].startsWith("2,2026-11-02T20:00:00.000Z,"), rows[2].constData());
    QVERIFY2(rows[2].contains(",AAPL,sell,4,110,1,40,,"), rows[2].constData());
    QCOMPARE(rows.size(), 4); // header, two rows, the empty rest after the last CRLF
    QVERIFY(QFile::exists(dir.filePath(u"utc/2026/11/03/trades.csv"_s)));
    QVERIFY(QFile::exists(dir.filePath(u"utc/2026/11/04/trades.csv"_s)));
    // By New York's day, the 02:00 UTC sale is on the 2nd.
    run = tickdesk(
        {u"export-trades"_s, u"--by-day"_s, dir.filePath(u"ny"_s), u"--tz"_s, u"America/New_York"_s, u"--db"_s, path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile ny2(dir.filePath(u"ny/2026/11/02/trades.csv"_s));
    QVERIFY(ny2.open(QIODevice::ReadOnly));
    QCOMPARE(ny2.readAll().count('\n'), 4);

    // A day's analysis is printed and stored; read back as it was, per zone.
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-02"_s, u"--tz"_s, u"America/New_York"_s, u"--json"_s,
                    u"--db"_s, path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject ny = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(ny.value(u"trades"_s).toInt(), 3);
    QCOMPARE(ny.value(u"net"_s).toDouble(), 7.0);
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-02"_s, u"--db"_s, path});
    QVERIFY2(run.out.contains("2 trades, 1 won, 0 lost"), run.out.constData());
    QVERIFY2(run.out.contains("net 38.00"), run.out.constData());
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-02"_s, u"--tz"_s, u"America/New_York"_s, u"--stored"_s,
                    u"--json"_s, u"--db"_s, path});
    QCOMPARE(QJsonDocument::fromJson(run.out).object(), ny);
    // A day without trades says so and carries the running total.
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-10"_s, u"--json"_s, u"--db"_s, path});
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(u"trades"_s).toInt(), 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(u"cumulative"_s).toDouble(), 95.0);
    // Mistakes are named.
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-31"_s, u"--db"_s, path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--date"));
    run = tickdesk({u"analyze-trades"_s, u"--date"_s, u"2026-11-20"_s, u"--stored"_s, u"--db"_s, path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("no analysis of 2026-11-20"));
    run = tickdesk(
        {u"export-trades"_s, u"--by-day"_s, dir.filePath(u"x"_s), u"--tz"_s, u"Mars/Olympus"_s, u"--db"_s, path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--tz"));
}

void TestTrades::listsInEitherOrder()
{
    QTemporaryDir dir;
    auto db = Storage::SqliteDatabase::open(dir.filePath(u"order.sqlite"_s));
    QVERIFY(db);
    QVERIFY(Storage::Schema::migrate(**db));
    for (const Trading::Fill &f : theTrades())
        QVERIFY(Storage::TradeStore::add(**db, f, QString(), 1));
    Storage::TradeFilter filter;
    filter.symbol = u"AAPL"_s;
    filter.limit = 2;
    const auto oldest = Storage::TradeStore::list(**db, filter);
    QVERIFY(oldest);
    QCOMPARE(oldest->size(), std::size_t(2));
    QCOMPARE(oldest->front().fill.price, 100.0); // the buy of 2 November, then the sale at 110
    QCOMPARE(oldest->back().fill.price, 110.0);
    filter.newestFirst = true; // a chart's marks: the newest ones
    const auto newest = Storage::TradeStore::list(**db, filter);
    QVERIFY(newest);
    QCOMPARE(newest->size(), std::size_t(2));
    QCOMPARE(newest->front().fill.price, 95.0);
    QCOMPARE(newest->back().fill.price, 110.0);
}

QTEST_GUILESS_MAIN(TestTrades)
#include "tst_trades.moc"
