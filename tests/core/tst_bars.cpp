// SPDX-License-Identifier: MIT
// Bars built from records: timeframes, boundaries, quiet periods, the timer, late records, tick and volume
// bars, session days across daylight saving, gap filling, and live bars equal to bars rebuilt afterwards.
#include "bars/BarBuilder.h"
#include "bars/HeikinAshi.h"

#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using Bars::Bar;
using Bars::BarBuilder;
using Bars::Session;
using Bars::Timeframe;

namespace {

constexpr qint64 Second = 1'000'000;
constexpr qint64 Minute = 60 * Second;
/// 2026-03-02 00:00:00 UTC, a Monday.
constexpr qint64 Day0 = 1'772'409'600'000'000LL;

Model::Tick tick(qint64 t, double price, qint64 volume = 10)
{
    Model::Tick k;
    Model::Symbol::parse("BAR", k.symbol);
    k.timestamp = t;
    k.open = price;
    k.high = price + 1;
    k.low = price - 1;
    k.close = price + 0.5;
    k.volume = volume;
    return k;
}

Bar bar(qint64 open, qint64 end, double o, double h, double l, double c, qint64 volume, qint64 records)
{
    return Bar{open, end, o, h, l, c, volume, records, false};
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

} // namespace

class TestBars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heikinAshiByHand();
    void timeframeNames();
    void timeframeErrors_data();
    void timeframeErrors();
    void boundariesAndQuietPeriods();
    void timerClosesAQuietBarAndALateArrivalRevisesIt();
    void lateRecordsChangeNoBar();
    void summedRecordsJoinAsOneByOne();
    void tickAndVolumeBars();
    void recordTimeframe();
    void sessionDaysAcrossDaylightSaving();
    void shortestTimeframeClosesFirst();
    void gapsFilledOnlyWhenAsked();
    void liveBarsEqualRebuiltBars();
};

void TestBars::timeframeNames()
{
    QStringList names;
    for (const Timeframe &t : Timeframe::standard())
        names << t.name();
    QCOMPARE(names.join(u' '), u"1s 5s 15s 30s 1m 5m 15m 30m 1h 4h 1D 1W"_s);
    for (const Timeframe &t : Timeframe::standard())
        QCOMPARE(*Timeframe::parse(t.name()), t);
    QVERIFY(std::is_sorted(Timeframe::standard().begin(), Timeframe::standard().end()));
    QCOMPARE(Timeframe::parse(u"7m")->size(), 420);
    QCOMPARE(Timeframe::parse(u"90s")->name(), u"90s"_s);
    QCOMPARE(Timeframe::parse(u"120s")->name(), u"2m"_s);
    QCOMPARE(Timeframe::parse(u" 1d ")->name(), u"1D"_s);
    QCOMPARE(*Timeframe::parse(u"record"), Timeframe::record());
    QCOMPARE(*Timeframe::parse(u"100t"), Timeframe::ticks(100));
    QCOMPARE(*Timeframe::parse(u"5000v"), Timeframe::volume(5000));
    QVERIFY(Timeframe::minutes(1) < Timeframe::day() && Timeframe::day() < Timeframe::week());
    QVERIFY(Timeframe::week() < Timeframe::record() && Timeframe::record() < Timeframe::ticks(1));
}

void TestBars::timeframeErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << u""_s << u"is not a timeframe"_s;
    QTest::newRow("zero") << u"0m"_s << u"positive whole number"_s;
    QTest::newRow("negative") << u"-5m"_s << u"positive whole number"_s;
    QTest::newRow("over a day") << u"25h"_s << u"longer than a day"_s;
    QTest::newRow("hours past any clock") << u"8000000000000008h"_s << u"longer than a day"_s;
    QTest::newRow("minutes past any clock") << u"800000000000008660m"_s << u"longer than a day"_s;
    QTest::newRow("two days") << u"2D"_s << u"one at a time"_s;
    QTest::newRow("unit") << u"5x"_s << u"unknown unit 'x'"_s;
    QTest::newRow("month") << u"1M"_s << u"unknown unit 'M'"_s;
    QTest::newRow("no number") << u"m5"_s << u"positive whole number"_s;
}

void TestBars::timeframeErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    const auto parsed = Timeframe::parse(text);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(says), qPrintable(parsed.error()));
}

void TestBars::boundariesAndQuietPeriods()
{
    Session utcSession;
    BarBuilder b(Timeframe::minutes(1), utcSession);
    QVERIFY(!b.add(tick(Day0, 100)).closed);                   // exactly on a boundary: opens 00:00
    QVERIFY(!b.add(tick(Day0 + 30 * Second, 104)).closed);     // joins
    QVERIFY(!b.add(tick(Day0 + Minute - 1, 98)).closed);       // the last microsecond of the bar
    const auto first = b.add(tick(Day0 + Minute, 101)).closed; // the next bar's first instant closes it
    QVERIFY(first);
    QCOMPARE(*first, bar(Day0, Day0 + Minute, 100, 105, 97, 98.5, 30, 3));
    // Nothing for three minutes: no bars for them, the next one opens where its record falls.
    const auto second = b.add(tick(Day0 + 5 * Minute + 10 * Second, 102)).closed;
    QCOMPARE(*second, bar(Day0 + Minute, Day0 + 2 * Minute, 101, 102, 100, 101.5, 10, 1));
    QCOMPARE(b.forming()->openTime, Day0 + 5 * Minute);
    QCOMPARE(b.forming()->endTime, Day0 + 6 * Minute);

    // A 7-minute bar counts from the day's start: the day's last one is short.
    const Bars::Span last = utcSession.barOf(Timeframe::minutes(7), Day0 + 86'400 * Second - 1);
    QCOMPARE(last.start, Day0 + 1435 * Minute);
    QCOMPARE(last.end, Day0 + 1440 * Minute);
    // Before 1970 too.
    const Bars::Span old = utcSession.barOf(Timeframe::hours(1), -30 * Minute);
    QCOMPARE(old.start, -60 * Minute);
    QCOMPARE(old.end, 0);
}

void TestBars::timerClosesAQuietBarAndALateArrivalRevisesIt()
{
    Session session;
    BarBuilder b(Timeframe::minutes(1), session);
    b.add(tick(Day0 + 10 * Second, 100));
    QVERIFY(!b.closeIfDue(Day0 + Minute - 1));
    const auto closed = b.closeIfDue(Day0 + Minute);
    QVERIFY(closed);
    QCOMPARE(closed->records, 1);
    QVERIFY(!b.forming());
    QVERIFY(!b.closeIfDue(Day0 + 2 * Minute)); // closed once

    // A record of that minute arriving after the timer still joins it.
    const auto revised = b.add(tick(Day0 + 50 * Second, 110));
    QCOMPARE(revised.outcome, BarBuilder::Outcome::Revised);
    QVERIFY(!revised.closed);
    QCOMPARE(*b.revised(), bar(Day0, Day0 + Minute, 100, 111, 99, 110.5, 20, 2));

    // Once a later record has come, the bar is final: older records are late.
    const auto next = b.add(tick(Day0 + 3 * Minute, 120));
    QCOMPARE(next.outcome, BarBuilder::Outcome::Added);
    QVERIFY(!next.closed); // the timer closed it already
    QVERIFY(!b.revised());
    QCOMPARE(b.add(tick(Day0 + 55 * Second, 90)).outcome, BarBuilder::Outcome::Late);
}

void TestBars::lateRecordsChangeNoBar()
{
    Session session;
    BarBuilder b(Timeframe::minutes(5), session);
    b.add(tick(Day0 + 7 * Minute, 100));
    const Bar before = *b.forming();
    QCOMPARE(b.add(tick(Day0 + 4 * Minute, 50)).outcome, BarBuilder::Outcome::Late);
    QCOMPARE(b.add(tick(Day0 - 86'400 * Second, 50)).outcome, BarBuilder::Outcome::Late);
    QCOMPARE(*b.forming(), before);
    // Out of order inside the forming bar is not late: it joins, and the last to arrive sets the close.
    QCOMPARE(b.add(tick(Day0 + 6 * Minute, 90)).outcome, BarBuilder::Outcome::Added);
    QCOMPARE(b.forming()->records, 2);
    QCOMPARE(b.forming()->close, 90.5);
    QCOMPARE(b.forming()->low, 89);
}

void TestBars::summedRecordsJoinAsOneByOne()
{
    // What records inside the forming bar add up to joins it as they would one by one (the kept bars' writer
    // hands the longer time frames a minute's records so): in order or not, prices up and down.
    std::mt19937_64 rng(5);
    Session session;
    for (int round = 0; round < 200; ++round) {
        BarBuilder oneByOne(Timeframe::hours(1), session);
        BarBuilder summed(Timeframe::hours(1), session);
        const Model::Tick first = tick(Day0 + qint64(rng() % 60) * Second, 100);
        oneByOne.add(first);
        summed.add(first);
        Bar sum;
        const int count = 1 + int(rng() % 40);
        for (int i = 0; i < count; ++i) {
            Model::Tick t =
                tick(Day0 + qint64(rng() % 3600) * Second, 50 + double(rng() % 10000) / 100, qint64(rng() % 1000));
            t.high = t.open + double(rng() % 300) / 100;
            t.low = t.open - double(rng() % 300) / 100;
            QVERIFY(oneByOne.joinForming(t));
            sum.high = i == 0 || sum.high < t.high ? t.high : sum.high;
            sum.low = i == 0 || sum.low > t.low ? t.low : sum.low;
            sum.close = t.close;
            sum.volume += t.volume;
            ++sum.records;
        }
        summed.joinSummed(sum);
        QCOMPARE(*summed.forming(), *oneByOne.forming());
    }
}

void TestBars::tickAndVolumeBars()
{
    Session session;
    const auto ticks3 = Bars::buildBars(Timeframe::ticks(3), session,
                                        {tick(Day0 + 1, 1), tick(Day0 + 2, 2), tick(Day0 + 3, 3), tick(Day0 + 4, 4),
                                         tick(Day0 + 6, 6), tick(Day0 + 5, 5), tick(Day0 + 7, 7)});
    QCOMPARE(ticks3.size(), std::size_t(3));
    QCOMPARE(ticks3[0], bar(Day0 + 1, Day0 + 3, 1, 4, 0, 3.5, 30, 3));
    QCOMPARE(ticks3[1], bar(Day0 + 4, Day0 + 6, 4, 7, 3, 5.5, 30, 3)); // out of order inside: time span kept
    QCOMPARE(ticks3[2], bar(Day0 + 7, Day0 + 7, 7, 8, 6, 7.5, 10, 1)); // forming

    BarBuilder volume(Timeframe::volume(250), session);
    QVERIFY(!volume.add(tick(Day0 + 1, 1, 100)).closed);
    QVERIFY(!volume.add(tick(Day0 + 2, 2, 100)).closed);
    const auto closed = volume.add(tick(Day0 + 3, 3, 100)).closed; // 300 >= 250: closes with it
    QVERIFY(closed);
    QCOMPARE(closed->volume, 300);
    QVERIFY(!volume.forming());
    QCOMPARE(volume.add(tick(Day0 + 2, 9, 100)).outcome, BarBuilder::Outcome::Late); // older than that bar's end
    QCOMPARE(volume.add(tick(Day0 + 4, 4, 1000)).closed->volume, 1000);              // one big print: a bar alone
}

void TestBars::recordTimeframe()
{
    Session session;
    BarBuilder b(Timeframe::record(), session);
    const auto one = b.add(tick(Day0 + 5, 1));
    QCOMPARE(*one.closed, bar(Day0 + 5, Day0 + 5, 1, 2, 0, 1.5, 10, 1));
    QVERIFY(b.add(tick(Day0 + 5, 2)).closed); // same time: still in order
    QCOMPARE(b.add(tick(Day0 + 4, 3)).outcome, BarBuilder::Outcome::Late);
    QVERIFY(!b.forming());
}

void TestBars::sessionDaysAcrossDaylightSaving()
{
    const QTimeZone newYork("America/New_York");
    QVERIFY2(newYork.isValid(), "the system's time zone data (tzdata) is missing");
    Session ny(newYork);
    // 2026-03-08: clocks go forward at 02:00, the day has 23 hours.
    const Bars::Span spring = ny.dayOf(utc("2026-03-08T17:00:00Z"));
    QCOMPARE(spring.start, utc("2026-03-08T05:00:00Z"));
    QCOMPARE(spring.end, utc("2026-03-09T04:00:00Z"));
    // 2026-11-01: clocks go back, 25 hours.
    const Bars::Span autumn = ny.dayOf(utc("2026-11-01T12:00:00Z"));
    QCOMPARE(autumn.start, utc("2026-11-01T04:00:00Z"));
    QCOMPARE(autumn.end, utc("2026-11-02T05:00:00Z"));
    // Late evening in New York is the next day in UTC, but the same session day.
    QCOMPARE(ny.dayOf(utc("2026-11-03T03:30:00Z")).start, utc("2026-11-02T05:00:00Z"));
    // Weeks from Monday's midnight.
    const Bars::Span week = ny.weekOf(utc("2026-11-05T15:00:00Z"));
    QCOMPARE(week.start, utc("2026-11-02T05:00:00Z"));
    QCOMPARE(week.end, utc("2026-11-09T05:00:00Z"));
    const Bars::Span dstWeek = ny.weekOf(utc("2026-03-05T15:00:00Z"));
    QCOMPARE(dstWeek.end - dstWeek.start, (7 * 24 - 1) * 3600 * Second);
    // Hour bars of the short day start at local midnight; 1D bars built over it hold the whole local day.
    QCOMPARE(ny.barOf(Timeframe::hours(1), utc("2026-03-08T05:30:00Z")).start, utc("2026-03-08T05:00:00Z"));
    const auto days = Bars::buildBars(Timeframe::day(), ny,
                                      {tick(utc("2026-03-08T05:00:00Z"), 1), tick(utc("2026-03-09T03:59:59Z"), 2),
                                       tick(utc("2026-03-09T04:00:00Z"), 3)});
    QCOMPARE(days.size(), std::size_t(2));
    QCOMPARE(days[0].records, 2);
    QCOMPARE(days[1].openTime, utc("2026-03-09T04:00:00Z"));

    // UTC by default: the week of 1970-01-01 (a Thursday) began on Monday 1969-12-29.
    Session utcSession;
    QCOMPARE(utcSession.weekOf(0).start, -3 * 86'400 * Second);
    QCOMPARE(utcSession.dayOf(Day0 + 5).start, Day0);
}

void TestBars::shortestTimeframeClosesFirst()
{
    Session session;
    Bars::BarSet set({Timeframe::minutes(1), Timeframe::seconds(1), Timeframe::hours(1), Timeframe::seconds(5)},
                     session);
    QCOMPARE(set.timeframe(0), Timeframe::seconds(1));
    QCOMPARE(set.timeframe(3), Timeframe::hours(1));
    std::vector<Bars::BarSet::Event> events;
    set.add(tick(Day0 + 500'000, 1), events);
    QVERIFY(events.empty());
    set.add(tick(Day0 + Minute, 2), events); // closes the 1s, 5s and 1m bars, not the hour
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].timeframe, std::size_t(0));
    QCOMPARE(events[1].timeframe, std::size_t(1));
    QCOMPARE(events[2].timeframe, std::size_t(2));
    events.clear();
    set.closeDue(Day0 + Minute + 5 * Second, events); // the timer: 1s and 5s, shortest first
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].timeframe, std::size_t(0));
    QCOMPARE(events[1].timeframe, std::size_t(1));
    events.clear();
    QCOMPARE(set.add(tick(Day0 + Minute + 500'000, 3), events), 0); // revises the timer-closed 1s and 5s bars
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].kind, Bars::BarSet::Event::Kind::Revised);
    QCOMPARE(events[0].bar.records, 2);
    events.clear();
    QCOMPARE(set.add(tick(Day0 + 30 * Second, 4), events), 3); // late on all but the hour
}

void TestBars::gapsFilledOnlyWhenAsked()
{
    Session session;
    const auto bars = Bars::buildBars(Timeframe::minutes(1), session,
                                      {tick(Day0, 10), tick(Day0 + 3 * Minute + 1, 20), tick(Day0 + 4 * Minute, 30)});
    QCOMPARE(bars.size(), std::size_t(3)); // no bars for the quiet minutes
    const auto filled = Bars::fillGaps(bars, Timeframe::minutes(1), session);
    QCOMPARE(filled.size(), std::size_t(5));
    QCOMPARE(filled[1], (Bar{Day0 + Minute, Day0 + 2 * Minute, 10.5, 10.5, 10.5, 10.5, 0, 0, true}));
    QVERIFY(filled[2].filled && filled[2].openTime == Day0 + 2 * Minute);
    QVERIFY(!filled[3].filled && !filled[4].filled);
    QCOMPARE(Bars::fillGaps(bars, Timeframe::minutes(1), session, 1).size(), std::size_t(4));
    QCOMPARE(Bars::fillGaps(bars, Timeframe::ticks(5), session), bars);
}

void TestBars::liveBarsEqualRebuiltBars()
{
    // A random feed, mostly in order, with records a little out of order, some late by minutes, and quiet
    // stretches; live, a timer closes bars now and then. Every timeframe's bars, closed and revised as the
    // events said, equal the bars rebuilt from the same records in arrival order.
    const QTimeZone newYork("America/New_York");
    QVERIFY(newYork.isValid());
    for (const Session &session : {Session(), Session(newYork)}) {
        std::vector<Timeframe> timeframes(Timeframe::standard().begin(), Timeframe::standard().end());
        timeframes.insert(timeframes.end(),
                          {Timeframe::minutes(7), Timeframe::ticks(50), Timeframe::volume(1000), Timeframe::record()});
        Bars::BarSet live(timeframes, session);
        std::vector<std::vector<Bar>> seen(live.size());
        std::vector<Model::Tick> feed;
        std::mt19937_64 rng(42);
        qint64 now = utc("2026-03-06T20:00:00Z"); // across a weekend and the spring change
        std::vector<Bars::BarSet::Event> events;
        int late = 0;
        int revisions = 0;
        for (int i = 0; i < 60'000; ++i) {
            const int dice = int(rng() % 1000);
            now += dice < 5 ? qint64(rng() % 3600) * Second : qint64(rng() % 2000) * 1000; // quiet stretches
            qint64 t = now;
            if (dice >= 900 && dice < 990)
                t -= qint64(rng() % 900) * 1000; // a little out of order
            else if (dice >= 990)
                t -= qint64(rng() % 600) * Second; // late by minutes
            feed.push_back(tick(t, 100 + double(rng() % 1000) / 100, qint64(rng() % 50) + 1));
            events.clear();
            late += live.add(feed.back(), events);
            if (rng() % 7 == 0)
                live.closeDue(now + qint64(rng() % 3000) * 1000, events);
            for (const auto &e : events) {
                if (e.kind == Bars::BarSet::Event::Kind::Closed) {
                    seen[e.timeframe].push_back(e.bar);
                } else {
                    ++revisions;
                    QVERIFY(!seen[e.timeframe].empty());
                    QCOMPARE(seen[e.timeframe].back().openTime, e.bar.openTime);
                    seen[e.timeframe].back() = e.bar;
                }
            }
        }
        QVERIFY2(late > 1000 && revisions > 1000, qPrintable(u"late %1, revisions %2"_s.arg(late).arg(revisions)));
        for (std::size_t i = 0; i < live.size(); ++i) {
            std::vector<Bar> bars = seen[i];
            if (live.builder(i).forming())
                bars.push_back(*live.builder(i).forming());
            const auto rebuilt = Bars::buildBars(live.timeframe(i), session, feed);
            QVERIFY2(bars == rebuilt, qPrintable(live.timeframe(i).name()));
            QVERIFY(bars.size() > 1);
        }
    }
}

QTEST_GUILESS_MAIN(TestBars)
void TestBars::heikinAshiByHand()
{
    Bars::HeikinAshi ha;
    // First bar: open is the mean of its own open and close.
    QCOMPARE(ha.next({10, 12, 9, 11}), (Bars::Ohlc{10.5, 12, 9, 10.5}));
    // Then the mean of the previous Heikin-Ashi open and close; close the mean of O, H, L, C.
    QCOMPARE(ha.next({11, 11.5, 10, 10.5}), (Bars::Ohlc{10.5, 11.5, 10, 10.75}));
    // A gap up: the Heikin-Ashi open below the bar's low becomes the low.
    QCOMPARE(ha.next({20, 21, 19, 20}), (Bars::Ohlc{10.625, 21, 10.625, 20}));
}

#include "tst_bars.moc"
