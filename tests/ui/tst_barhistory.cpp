// SPDX-License-Identifier: MIT
// A chart's bars as live records arrive in any order: out of order within the forming bar, late among the
// bars, and history sent before the chart's first bar.
#include "charts/BarHistory.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Ten = 1'795'946'400'000'000LL; // 10:00 UTC
constexpr Model::TimestampUs Minute = 60'000'000LL;
const Gui::ChartKey Chart{u"ORD"_s, Bars::Timeframe::minutes(1)};

Pipeline::LiveBar record(Model::TimestampUs time, double price, qint64 volume = 100)
{
    Pipeline::LiveBar bar;
    Model::Symbol::fromString(Chart.symbol, bar.bar.symbol);
    bar.bar.open = bar.bar.close = price;
    bar.bar.high = price + 0.5;
    bar.bar.low = price - 0.5;
    bar.bar.volume = volume;
    bar.bar.timestamp = time;
    return bar;
}

/// Stored bars of one minute each from `from`, as a chart's read returns them.
Pipeline::ChartHistory stored(Model::TimestampUs from, int count)
{
    Pipeline::ChartHistory history;
    history.symbol = Chart.symbol;
    history.timeframe = Chart.timeframe;
    for (int i = 0; i < count; ++i)
        history.bars.push_back(record(from + i * Minute, 100 + i));
    history.newestRecordUs = count > 0 ? from + (count - 1) * Minute : 0;
    return history;
}

} // namespace

class TestBarHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outOfOrderWithinTheFormingBarJoinsIt();
    void lateAmongTheBarsChangesNothing();
    void historyBeforeTheFirstBarIsReadAgain();
    void aFullWindowIsNotReadAgain();
    void barsInArrivalOrderAreNotReadAgain();
};

void TestBarHistory::outOfOrderWithinTheFormingBarJoinsIt()
{
    Gui::BarHistory history;
    history.setWatched({Chart});
    history.load(stored(Ten, 5)); // 10:00 to 10:04
    history.add(record(Ten + 5 * Minute + 30'000'000, 110));
    history.add(record(Ten + 5 * Minute + 10'000'000, 90, 40)); // earlier, in the same minute
    const auto &bars = history.bars(Chart);
    QCOMPARE(bars.size(), std::size_t(6));
    QCOMPARE(bars.back().bar.volume, 140);
    QCOMPARE(bars.back().bar.low, 89.5);
    QCOMPARE(bars.back().bar.close, 90.0); // the last to arrive, as the database's bar has it
    QVERIFY(history.takeOlderArrivals().isEmpty());
}

void TestBarHistory::lateAmongTheBarsChangesNothing()
{
    Gui::BarHistory history;
    history.setWatched({Chart});
    history.load(stored(Ten, 5));
    history.add(record(Ten + 5 * Minute, 110));
    const quint64 revision = history.revision(Chart);
    history.add(record(Ten + 2 * Minute + 1, 50));
    QCOMPARE(history.revision(Chart), revision);
    QCOMPARE(history.bars(Chart).size(), std::size_t(6));
    QVERIFY(history.takeOlderArrivals().isEmpty());
}

void TestBarHistory::historyBeforeTheFirstBarIsReadAgain()
{
    Gui::BarHistory history;
    history.setWatched({Chart});
    history.load(stored(Ten, 5));
    history.add(record(Ten + 5 * Minute, 110));
    history.add(record(Ten - 30 * Minute, 90));
    history.add(record(Ten - 31 * Minute, 89));
    QCOMPARE(history.bars(Chart).size(), std::size_t(6)); // not drawn live: the database places it
    QCOMPARE(history.takeOlderArrivals(), QList<Gui::ChartKey>{Chart});
    QVERIFY(history.takeOlderArrivals().isEmpty());

    // A read made before the records' commit: the chart is listed again, a few times at most.
    history.load(stored(Ten, 6));
    QCOMPARE(history.takeOlderArrivals(), QList<Gui::ChartKey>{Chart});
    history.load(stored(Ten, 6));
    QCOMPARE(history.takeOlderArrivals(), QList<Gui::ChartKey>{Chart});
    // The read that has them: done.
    history.load(stored(Ten - 31 * Minute, 37));
    QVERIFY(history.takeOlderArrivals().isEmpty());
    QCOMPARE(history.bars(Chart).front().bar.timestamp, Ten - 31 * Minute);

    // Given up after a few reads that never had it (the record was refused after all).
    history.add(record(Ten + 6 * Minute, 111));
    history.add(record(Ten - 60 * Minute, 80));
    int reads = 0;
    while (!history.takeOlderArrivals().isEmpty() && reads < 10) {
        history.load(stored(Ten - 31 * Minute, 37));
        ++reads;
    }
    QVERIFY2(reads > 1 && reads < 10, qPrintable(QString::number(reads)));

    // A read that fills the chart's window: what came before its first bar lies off to the left.
    {
        Gui::BarHistory small(10);
        small.setWatched({Chart});
        small.load(stored(Ten, 5));
        small.add(record(Ten + 5 * Minute, 110));
        small.add(record(Ten - 30 * Minute, 90));
        QCOMPARE(small.takeOlderArrivals(), QList<Gui::ChartKey>{Chart});
        small.load(stored(Ten - 4 * Minute, 10)); // 9:56 to 10:05: the window, 9:30 before it
        QVERIFY(small.takeOlderArrivals().isEmpty());
    }

    // A chart taken off screen is not read again.
    history.add(record(Ten + 6 * Minute, 111));
    history.add(record(Ten - 90 * Minute, 80));
    QCOMPARE(history.takeOlderArrivals(), QList<Gui::ChartKey>{Chart});
    history.add(record(Ten - 91 * Minute, 80));
    history.setWatched({});
    QVERIFY(history.takeOlderArrivals().isEmpty());
}

void TestBarHistory::aFullWindowIsNotReadAgain()
{
    // Holding its whole window, the chart does not hold all its symbol has: a record before its first bar
    // may be late there, and the bars before are read when the chart is scrolled back.
    Gui::BarHistory history(5);
    history.setWatched({Chart});
    history.load(stored(Ten, 5));
    history.add(record(Ten - 30 * Minute, 90));
    QVERIFY(history.takeOlderArrivals().isEmpty());
}

void TestBarHistory::barsInArrivalOrderAreNotReadAgain()
{
    // Record, tick and volume bars follow the order records arrived in, in the database too: an older record
    // is late there whatever its time.
    const Gui::ChartKey records{Chart.symbol, Bars::Timeframe::record()};
    Gui::BarHistory history;
    history.setWatched({records});
    Pipeline::ChartHistory none;
    none.symbol = records.symbol;
    none.timeframe = records.timeframe;
    history.load(none);
    history.add(record(Ten, 100));
    history.add(record(Ten + Minute, 101));
    history.add(record(Ten - Minute, 99));
    QCOMPARE(history.bars(records).size(), std::size_t(2));
    QVERIFY(history.takeOlderArrivals().isEmpty());
}

QTEST_GUILESS_MAIN(TestBarHistory)
#include "tst_barhistory.moc"
