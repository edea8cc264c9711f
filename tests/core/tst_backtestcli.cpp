// SPDX-License-Identifier: MIT
// tickdesk backtest / optimize / strategies, run as a script would: on daily history imported from a CSV file,
// their JSON against the engine's own figures, and clear errors for bad arguments.
#include "backtest/Backtest.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run run(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(TICKDESK_BINARY), arguments);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Three years of weekday bars in the layout of Yahoo's CSV download.
QByteArray dailyCsv()
{
    QRandomGenerator random(5);
    QByteArray csv("Date,Open,High,Low,Close,Adj Close,Volume\n");
    double close = 40;
    for (QDate d(2021, 1, 4); d < QDate(2024, 1, 1); d = d.addDays(1)) {
        if (d.dayOfWeek() > 5)
            continue;
        const double open = close * (1 + (random.generateDouble() - 0.5) * 0.01);
        close = open * (1 + (random.generateDouble() - 0.49) * 0.04);
        const double high = std::max(open, close) * 1.005;
        const double low = std::min(open, close) * 0.995;
        csv += d.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(open, 'f', 4) + ',' +
               QByteArray::number(high, 'f', 4) + ',' + QByteArray::number(low, 'f', 4) + ',' +
               QByteArray::number(close, 'f', 4) + ',' + QByteArray::number(close, 'f', 4) + ",1000000\n";
    }
    return csv;
}

} // namespace

class TestBacktestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"history.sqlite"_s);
        QFile csv(m_dir.filePath(u"AAPL.csv"_s));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(dailyCsv());
        csv.close();
        const Run imported = run({u"import"_s, csv.fileName(), u"--symbol"_s, u"AAPL"_s, u"--db"_s, m_db});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }

    void backtestPrintsTheEnginesFigures()
    {
        const Run r = run({u"backtest"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--timeframe"_s, u"1D"_s,
                           u"--strategy"_s, u"ma_cross"_s, u"--fast"_s, u"10"_s, u"--slow"_s, u"30"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject json = r.json();
        for (const char *key : {"total_return", "max_drawdown", "sharpe", "win_rate", "profit_factor", "trades"})
            QVERIFY2(json.contains(QLatin1StringView(key)), key);
        // The same test through the engine: long only, all of the equity in fractional shares, no costs.
        Backtest::BarRequest request;
        request.symbols = {u"AAPL"_s};
        auto bars = Backtest::loadBars(m_db, request);
        QVERIFY(bars);
        QCOMPARE(bars->front()->size(), std::size_t(780)); // every weekday from 4 January 2021 to the end of 2023
        Backtest::SeriesCache cache(bars->front());
        QJsonObject strategy = Backtest::presetJson(u"ma_cross"_s);
        const Backtest::Report report = Backtest::run(*Backtest::strategyFromJson(strategy), {&cache}, {});
        QVERIFY(report.metrics.trades > 3);
        QCOMPARE(json.value(u"trades"_s).toInt(), report.metrics.trades);
        QCOMPARE(json.value(u"total_return"_s).toDouble(), report.metrics.totalReturn);
        QCOMPARE(json.value(u"max_drawdown"_s).toDouble(), report.metrics.maxDrawdown);
        QCOMPARE(json.value(u"sharpe"_s).toDouble(), *report.metrics.sharpe);
        QCOMPARE(json.value(u"win_rate"_s).toDouble(), *report.metrics.winRate);
        QVERIFY(json.value(u"cagr"_s).isDouble()); // three years: shown
        QCOMPARE(json.value(u"fees"_s).toDouble(), 0.0);
        QCOMPARE(json.value(u"timeframe"_s).toString(), u"1D"_s);
    }

    void backtestWritesTradesAndEquity()
    {
        const QString trades = m_dir.filePath(u"trades.csv"_s);
        const QString equity = m_dir.filePath(u"equity.csv"_s);
        const Run r = run({u"backtest"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--stop-loss"_s, u"3"_s,
                           u"--commission-per-order"_s, u"1"_s, u"--trades"_s, u"--json"_s, u"--trades-csv"_s, trades,
                           u"--equity-csv"_s, equity});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray list = r.json().value(u"trade_list"_s).toArray();
        QCOMPARE(list.size(), r.json().value(u"trades"_s).toInt());
        QVERIFY(std::any_of(list.begin(), list.end(), [](const QJsonValue &t) {
            return t.toObject().value(u"exit_reason"_s).toString() == u"stop_loss"_s;
        }));
        QCOMPARE(r.json().value(u"fees"_s).toDouble(), 2.0 * list.size());
        QFile tradesFile(trades);
        QVERIFY(tradesFile.open(QIODevice::ReadOnly));
        QCOMPARE(tradesFile.readAll().count("\r\n"), list.size() + 1);
        QFile equityFile(equity);
        QVERIFY(equityFile.open(QIODevice::ReadOnly));
        QVERIFY(equityFile.readLine().startsWith("time_utc,epoch_s,equity,drawdown"));
        QCOMPARE(equityFile.readAll().count("\r\n"), 780);
    }

    void optimizeRanksSingleTests()
    {
        const Run r =
            run({u"optimize"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--param"_s, u"fast=2:20:3"_s, u"--param"_s,
                 u"slow=25:60:5"_s, u"--objective"_s, u"total_return"_s, u"--top"_s, u"3"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray best = r.json().value(u"best"_s).toArray();
        QCOMPARE(best.size(), 3);
        QCOMPARE(r.json().value(u"sets"_s).toInt(), 7 * 8);
        double previous = 1e300;
        for (const QJsonValue &v : best) {
            const QJsonObject set = v.toObject();
            const QJsonObject p = set.value(u"parameters"_s).toObject();
            const Run single = run({u"backtest"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--fast"_s,
                                    QString::number(p.value(u"fast"_s).toInt()), u"--slow"_s,
                                    QString::number(p.value(u"slow"_s).toInt()), u"--json"_s});
            QCOMPARE(single.json().value(u"total_return"_s).toDouble(), set.value(u"total_return"_s).toDouble());
            QVERIFY(set.value(u"total_return"_s).toDouble() <= previous);
            previous = set.value(u"total_return"_s).toDouble();
        }
        const Run walk = run({u"optimize"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--param"_s, u"fast=2:8:2"_s,
                              u"--walk-forward"_s, u"250:100"_s, u"--json"_s});
        QVERIFY2(walk.exitCode == 0, walk.err.constData());
        QCOMPARE(walk.json().value(u"folds"_s).toArray().size(), 5);
    }

    void savedStrategiesByName()
    {
        const QString file = m_dir.filePath(u"rsi.json"_s);
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"enter_long":{"left":{"indicator":"rsi","period":14},"operator":"crossing_up","right":{"value":30}},
                       "exit_long":{"left":{"indicator":"rsi","period":14},"operator":"crossing_down","right":{"value":70}},
                       "take_profit_percent":8})");
        json.close();
        const Run saved = run({u"strategies"_s, u"--db"_s, m_db, u"save"_s, u"RSI bounce"_s, file});
        QVERIFY2(saved.exitCode == 0, saved.err.constData());
        const Run list = run({u"strategies"_s, u"--db"_s, m_db, u"list"_s});
        QVERIFY2(list.out.contains("RSI bounce\tbuy when RSI(14) crossing up 30"), list.out.constData());
        const Run r = run({u"backtest"_s, u"--db"_s, m_db, u"--symbol"_s, u"AAPL"_s, u"--strategy"_s, u"RSI bounce"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("RSI bounce on AAPL, 1D"));
        QVERIFY(r.out.contains("take profit 8 %"));
        QCOMPARE(run({u"strategies"_s, u"--db"_s, m_db, u"remove"_s, u"RSI bounce"_s}).exitCode, 0);
        QCOMPARE(run({u"strategies"_s, u"--db"_s, m_db, u"remove"_s, u"RSI bounce"_s}).exitCode, 1);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("no symbol") << QStringList{u"backtest"_s} << u"--symbol: give the symbol to test"_s;
        QTest::newRow("unknown strategy")
            << QStringList{u"backtest"_s, u"--symbol"_s, u"AAPL"_s, u"--strategy"_s, u"turtle"_s}
            << u"--strategy: \"turtle\" is neither a preset"_s;
        QTest::newRow("fast not shorter")
            << QStringList{u"backtest"_s, u"--symbol"_s, u"AAPL"_s, u"--fast"_s, u"40"_s}
            << u"strategy: fast: the fast average (40) must be shorter than the slow one (30)"_s;
        QTest::newRow("no bars") << QStringList{u"backtest"_s, u"--symbol"_s, u"MSFT"_s}
                                 << u"MSFT: no 1D bars stored in that range"_s;
        QTest::newRow("bad timeframe") << QStringList{u"backtest"_s, u"--symbol"_s, u"AAPL"_s, u"--timeframe"_s,
                                                      u"9x"_s}
                                       << u"strategy: timeframe:"_s;
        QTest::newRow("bad set") << QStringList{u"backtest"_s, u"--symbol"_s, u"AAPL"_s, u"--set"_s, u"exit.value=3"_s}
                                 << u"--set: parameter exit.value: the strategy has no exit"_s;
        QTest::newRow("no param") << QStringList{u"optimize"_s, u"--symbol"_s, u"AAPL"_s}
                                  << u"--param: parameters: give at least one"_s;
        QTest::newRow("bad objective") << QStringList{u"optimize"_s,   u"--symbol"_s,    u"AAPL"_s, u"--param"_s,
                                                      u"fast=2:4:1"_s, u"--objective"_s, u"luck"_s}
                                       << u"--objective: \"luck\""_s;
        QTest::newRow("walk too long") << QStringList{u"optimize"_s,   u"--symbol"_s,       u"AAPL"_s,   u"--param"_s,
                                                      u"fast=2:4:1"_s, u"--walk-forward"_s, u"900:100"_s}
                                       << u"walk-forward: 780 bars do not hold one fold"_s;
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        arguments << u"--db"_s << m_db;
        const Run r = run(arguments);
        QVERIFY(r.exitCode == 1 || r.exitCode == 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(error), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

QTEST_GUILESS_MAIN(TestBacktestCli)
#include "tst_backtestcli.moc"
