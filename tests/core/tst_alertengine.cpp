// SPDX-License-Identifier: MIT
// Alerts in the engine: evaluated on the records of their symbols on bars of their timeframe, a fire stored
// as an alert signal with the alert's state in the same transaction, and that state kept across a restart.
#include "PipelineFeed.h"
#include "alerts/AlertBook.h"
#include "pipeline/AlertRun.h"
#include "pipeline/Pipeline.h"
#include "pipeline/TimeframeTrack.h"
#include "storage/AlertStore.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <random>

using namespace Qt::StringLiterals;

namespace {

/// 2026-11-23 10:00 UTC: minutes from here.
constexpr qint64 Start = 1'795'428'000'000'000LL;
constexpr qint64 Minute = 60'000'000LL;

Model::Tick tick(const char *symbol, qint64 minute, double price, qint64 secondIn = 0)
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.timestamp = Start + minute * Minute + secondIn * 1'000'000;
    t.open = t.high = t.low = t.close = price;
    t.volume = 100;
    return t;
}

} // namespace

class TestAlertEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firesAreStoredAsSignalsWithTheirState();
    void aFiredOnceAlertStaysFiredAcrossARestart();
    void changedAlertsApplyToTheNextRecords();
    void severalAlertsOnASymbolOutliveChangesToOne();
    void aTrendLineAlertFiresWhereThePriceCrossesTheLine();
    void aNewAlertBesideRunningOnesKnowsItsSideAtOnce();
    void quietPricesSkipNothingThatWouldFire();
    void closedBarsKeepFinalValuesWithoutFormingUpdates();

private:
    void startDesk();
    void stopDesk();
    void feed(Model::RecordBatch batch);
    qint64 addAlert(const char *json);
    /// The alert signals stored: "rule|timestamp-minute|reason".
    QStringList alertSignals();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Alerts::AlertBook> m_book;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
};

void TestAlertEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"alerts.sqlite"_s);
    auto writer = Storage::StorageWriter::open({m_path}); // creates the schema
    QVERIFY(writer);
    m_writer = std::move(*writer);
}

void TestAlertEngine::cleanup()
{
    stopDesk();
}

void TestAlertEngine::startDesk()
{
    if (!m_writer) {
        auto writer = Storage::StorageWriter::open({m_path});
        QVERIFY(writer);
        m_writer = std::move(*writer);
    }
    m_book = std::make_unique<Alerts::AlertBook>();
    QVERIFY(m_book->reload(m_path).ok());
    Pipeline::PipelineOptions options;
    options.shards = 2;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer);
    QVERIFY(m_pipeline->warmStart(m_path).ok());
    m_pipeline->setAlertBook(m_book.get());
    m_pipeline->start();
}

void TestAlertEngine::stopDesk()
{
    if (m_pipeline)
        m_pipeline->stop();
    if (m_writer)
        m_writer->stop();
    m_pipeline.reset();
    m_writer.reset();
}

void TestAlertEngine::feed(Model::RecordBatch batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, std::move(batch)));
}

qint64 TestAlertEngine::addAlert(const char *json)
{
    auto db = Storage::SqliteDatabase::open(m_path);
    auto alert = Alerts::fromJson(QJsonDocument::fromJson(json).object());
    if (!db || !alert) {
        qWarning() << (alert ? QString() : alert.error());
        return -1;
    }
    const auto id = Storage::AlertStore::add(**db, *alert, 0);
    return id ? *id : -1;
}

QStringList TestAlertEngine::alertSignals()
{
    QStringList out;
    auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return out;
    auto st = (*db)->prepare("SELECT rule, ts_us, reason, timeframe FROM signals WHERE side = 'alert' AND snapshot "
                             "LIKE '{\"alert_id\"%' ORDER BY id");
    while (st && st->step() == Storage::Step::Row)
        out.append(u"%1|%2|%3|%4"_s.arg(st->columnText(0))
                       .arg((st->columnInt64(1) - Start) / Minute)
                       .arg(st->columnText(2), st->columnText(3)));
    return out;
}

void TestAlertEngine::firesAreStoredAsSignalsWithTheirState()
{
    const qint64 cross = addAlert(R"({"name":"AAPL over 105","symbols":["AAPL"],"left":{"source":"close"},
        "operator":"crossing_up","right":{"value":105},"message":"{symbol} closed over {level} at {value}"})");
    const qint64 once = addAlert(R"({"name":"AAPL at 111","symbols":["AAPL"],"left":{"source":"price"},
        "operator":"greater_than","right":{"value":110},"trigger":"once"})");
    addAlert(R"({"name":"MSFT only","symbols":["MSFT"],"left":{"source":"price"},"operator":"greater_than",
        "right":{"value":0},"trigger":"once"})");
    QVERIFY(cross > 0 && once > 0);
    startDesk();
    // Closes 100, 101, 104, 106 (over 105 when minute 3 closes), 107, then 111 within minute 5 (the "once"
    // alert fires there and then), 112.
    const double closes[] = {100, 101, 104, 106, 107, 111, 112};
    for (int m = 0; m < 7; ++m)
        feed({tick("AAPL", m, closes[m]), tick("AAPL", m, closes[m], 30)});
    const QStringList fired = alertSignals();
    QCOMPARE(fired, (QStringList{u"AAPL over 105|3|AAPL closed over 105 at 106|1m"_s,
                                 u"AAPL at 111|5|AAPL AAPL at 111: 111 at 2026-11-23 10:05:00 UTC|1m"_s}));
    // Their states were stored with them.
    auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    const auto states = Storage::AlertStore::states(**db, once);
    QVERIFY(states && states->size() == 1);
    QCOMPARE(states->front().state.status, Alerts::Status::Fired);
    QCOMPARE(Storage::AlertStore::states(**db, cross)->front().state.count, 1);
}

void TestAlertEngine::aFiredOnceAlertStaysFiredAcrossARestart()
{
    addAlert(R"({"name":"once over 110","symbols":["AAPL"],"left":{"source":"price"},"operator":"greater_than",
        "right":{"value":110},"trigger":"once"})");
    addAlert(R"({"name":"crossing 105","symbols":["AAPL"],"left":{"source":"close"},"operator":"crossing",
        "right":{"value":105}})");
    startDesk();
    for (int m = 0; m < 4; ++m)
        feed({tick("AAPL", m, m < 2 ? 100 : 112)});
    QCOMPARE(alertSignals().size(), 2); // over 110 at minute 2, the crossing when minute 2 closed
    stopDesk();
    startDesk();
    // Over 110 again: the "once" alert fired already. Back under 105 and over it: the crossing alert knows
    // from the stored bars that the close was above, so going under is a crossing.
    for (int m = 4; m < 8; ++m)
        feed({tick("AAPL", m, m == 5 ? 100 : 113)});
    const QStringList fired = alertSignals();
    QCOMPARE(fired.size(), 4);
    QVERIFY2(fired[2].startsWith(u"crossing 105|5|"_s), qPrintable(fired.join(u'\n')));
    QVERIFY2(fired[3].startsWith(u"crossing 105|6|"_s), qPrintable(fired.join(u'\n')));
}

void TestAlertEngine::changedAlertsApplyToTheNextRecords()
{
    startDesk();
    feed({tick("TSLA", 0, 200)});
    QVERIFY(alertSignals().isEmpty());
    addAlert(R"({"name":"TSLA over 201","symbols":["TSLA"],"left":{"source":"price"},"operator":"greater_than",
        "right":{"value":201},"trigger":"every_time","cooldown_s":0})");
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("TSLA", 0, 202, 10), tick("TSLA", 0, 203, 20)});
    QCOMPARE(alertSignals().size(), 2);
    // Disabled (as the REST API would), it stops at once.
    auto db = Storage::SqliteDatabase::open(m_path);
    QVERIFY(db);
    auto stored = Storage::AlertStore::all(**db);
    QVERIFY(stored && stored->size() == 1);
    Alerts::Definition alert = stored->front().alert;
    alert.enabled = false;
    QVERIFY(*Storage::AlertStore::replace(**db, alert, 1));
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("TSLA", 0, 204, 30)});
    QCOMPARE(alertSignals().size(), 2);
}

void TestAlertEngine::severalAlertsOnASymbolOutliveChangesToOne()
{
    // The engine takes over the alerts that did not change and starts the changed one afresh, however many
    // alerts the symbol has and however often the catalog changes (a drawn line dragged again and again).
    startDesk();
    feed({tick("TSLA", 0, 200)});
    addAlert(R"({"name":"TSLA over 201","symbols":["TSLA"],"left":{"source":"price"},"operator":"greater_than",
        "right":{"value":201},"trigger":"every_time"})");
    const qint64 moving = addAlert(R"({"name":"line","symbols":["TSLA"],"left":{"source":"price"},
        "operator":"crossing_up","right":{"value":250},"trigger":"once"})");
    addAlert(R"({"name":"TSLA under 100","symbols":["TSLA"],"left":{"source":"price"},"operator":"less_than",
        "right":{"value":100},"trigger":"every_time"})");
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("TSLA", 0, 199, 10)});
    auto db = Storage::SqliteDatabase::open(m_path);
    QVERIFY(db);
    for (const double level : {240.0, 230.0, 220.0, 204.5}) {
        auto stored = Storage::AlertStore::find(**db, moving);
        QVERIFY(stored && *stored);
        Alerts::Definition alert = (*stored)->alert;
        alert.right = Alerts::Operand::constant(level);
        QVERIFY(*Storage::AlertStore::replace(**db, alert, 1));
        QVERIFY(m_book->reload(m_path).ok());
        feed({tick("TSLA", 0, 199, 20)});
    }
    feed({tick("TSLA", 0, 205, 30)});
    const QStringList fired = alertSignals();
    QCOMPARE(fired.filter(u"TSLA over 201|"_s).size(), 1);
    QCOMPARE(fired.filter(u"line|"_s).size(), 1); // at its last level, 204.5
    QVERIFY(fired.filter(u"TSLA under 100|"_s).isEmpty());
}

void TestAlertEngine::aTrendLineAlertFiresWhereThePriceCrossesTheLine()
{
    // A line from 100 at minute 0 to 110 at minute 10: 1 a minute. Closes at 100 (on it), 100.5 (under 101),
    // 101.5 (under 102) stay below or on it; 104 at minute 3 (line 103) crosses up.
    startDesk();
    addAlert(R"({"name":"trend","symbols":["AAPL"],"left":{"source":"close"},"operator":"crossing_up",
        "right":{"line":[{"time":"2026-11-23T10:00:00Z","price":100},{"time":"2026-11-23T10:10:00Z","price":110}]},
        "trigger":"once_per_bar_close"})");
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("AAPL", 0, 99), tick("AAPL", 1, 100.5), tick("AAPL", 2, 101.5), tick("AAPL", 3, 104),
          tick("AAPL", 4, 105)});
    const QStringList fired = alertSignals();
    QCOMPARE(fired.size(), 1);
    QVERIFY2(fired.constFirst().startsWith(u"trend|3|"_s), qPrintable(fired.constFirst()));
}

void TestAlertEngine::aNewAlertBesideRunningOnesKnowsItsSideAtOnce()
{
    // An alert added while others on the same bars run takes its side of the level from the stored bars, as it
    // would after a restart: the first close across its level fires it.
    startDesk();
    addAlert(R"({"name":"up","symbols":["TSLA"],"left":{"source":"close"},"operator":"crossing_up",
        "right":{"value":500}})");
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("TSLA", 0, 110), tick("TSLA", 1, 111), tick("TSLA", 2, 112)});
    feed({tick("TSLA", 2, 112.5, 30)}); // a record that closes no bar: the running track has no closed bar in hand
    addAlert(R"({"name":"down","symbols":["TSLA"],"left":{"source":"close"},"operator":"crossing_down",
        "right":{"value":105}})");
    QVERIFY(m_book->reload(m_path).ok());
    feed({tick("TSLA", 2, 100, 45), tick("TSLA", 3, 99), tick("TSLA", 4, 98)}); // bar 2 closes at 100
    const QStringList fired = alertSignals();
    QCOMPARE(fired.size(), 1);
    QVERIFY2(fired.constFirst().startsWith(u"down|2|"_s), qPrintable(fired.constFirst()));
}

void TestAlertEngine::quietPricesSkipNothingThatWouldFire()
{
    // A record that only forms a bar, at a price where none of the symbol's intrabar alerts can fire or change,
    // is not shown to them. The fires must be exactly those of evaluating every alert on every record: random
    // walks with gaps and delayed records, against random price alerts of every intrabar kind.
    const Bars::Session session;
    std::mt19937_64 rng(21);
    for (int round = 0; round < 40; ++round) {
        std::vector<Alerts::Definition> alerts;
        const Alerts::Operator ops[] = {
            Alerts::Operator::Crossing,    Alerts::Operator::CrossingUp,      Alerts::Operator::CrossingDown,
            Alerts::Operator::GreaterThan, Alerts::Operator::LessThan,        Alerts::Operator::MovingUp,
            Alerts::Operator::MovingDown,  Alerts::Operator::MovingUpPercent, Alerts::Operator::MovingDownPercent};
        const Alerts::Trigger triggers[] = {Alerts::Trigger::Once, Alerts::Trigger::OncePerBar,
                                            Alerts::Trigger::EveryTime, Alerts::Trigger::OncePerBarClose};
        for (int i = 0; i < 12; ++i) {
            Alerts::Definition a;
            a.id = i + 1;
            a.symbols = QStringList{u"AAPL"_s};
            a.left = Alerts::Operand::of(rng() % 2 ? Alerts::Field::Price : Alerts::Field::Close);
            a.op = ops[rng() % std::size(ops)];
            a.trigger = triggers[rng() % std::size(triggers)];
            a.cooldownSeconds = qint64(rng() % 3) * 20;
            a.maxCount = int(rng() % 4);
            a.deadBand = double(rng() % 3) * 0.05;
            a.bars = 1 + int(rng() % 3);
            a.right = Alerts::Operand::constant(a.usesMoving() ? 0.2 + double(rng() % 10) / 10
                                                               : 99 + double(rng() % 200) / 100);
            alerts.push_back(a);
        }
        Alerts::AlertBook book;
        book.set(alerts);
        Model::Symbol aapl;
        Model::Symbol::parse("AAPL", aapl);
        Pipeline::AlertSet set;
        set.sync(*book.catalog(), aapl, session, {});
        // The same alerts, every one shown every sample.
        std::vector<Alerts::Evaluator> every;
        for (const auto &a : alerts)
            every.emplace_back(a);
        Pipeline::TimeframeTrack track(Bars::Timeframe::minutes(1), session, {}, false);
        track.setSymbol(aapl);
        QStringList expected, got;
        double price = 100;
        qint64 second = 0;
        for (int n = 0; n < 600; ++n) {
            second += rng() % 7 == 0 ? 61 + qint64(rng() % 200) : 1 + qint64(rng() % 12); // gaps now and then
            price = std::max(1.0, price + double(int(rng() % 41) - 20) / 100);
            Model::Tick t = tick("AAPL", 0, std::round(price * 100) / 100, second);
            if (rng() % 25 == 0)
                t.timestamp -= 90'000'000; // delayed
            std::vector<Pipeline::AlertSet::Fired> fired;
            set.add(t, fired);
            for (const auto &f : fired)
                got.append(u"%1@%2/%3"_s.arg(f.run->alert().id).arg(f.fire.barOpen).arg(f.fire.time));
            std::vector<std::pair<Pipeline::TimeframeTrack::Change, Bars::Bar>> events;
            const bool inTime =
                track.add(t, [&](Pipeline::TimeframeTrack::Change change, const Bars::Bar &bar,
                                 const Indicators::IndicatorSnapshot &) { events.emplace_back(change, bar); });
            if (!inTime)
                continue;
            for (const auto &[change, bar] : events) {
                if (change == Pipeline::TimeframeTrack::Change::Revised)
                    continue;
                Alerts::Sample sample;
                sample.barOpen = bar.openTime;
                sample.closed = change == Pipeline::TimeframeTrack::Change::Closed;
                sample.time = std::max(t.timestamp, bar.openTime);
                sample.left = bar.close;
                sample.price = bar.close;
                for (std::size_t i = 0; i < alerts.size(); ++i) {
                    sample.right = alerts[i].right.value;
                    if (const auto fire = every[i].add(sample))
                        expected.append(u"%1@%2/%3"_s.arg(alerts[i].id).arg(fire->barOpen).arg(fire->time));
                }
            }
        }
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
    }
}

void TestAlertEngine::closedBarsKeepFinalValuesWithoutFormingUpdates()
{
    // Alerts that look at closed bars only leave their indicators alone while a bar forms. Closed by a later
    // record, by the clock, or revised by a delayed record after the clock closed it, every closed bar has the
    // same values as with the indicators updated on every record.
    const Bars::Session session;
    Indicators::IndicatorConfig config;
    config.rsi = 3;
    config.sma = 4;
    config.bollinger = 5;
    config.atr = 3;
    Pipeline::TimeframeTrack every(Bars::Timeframe::minutes(1), session, config);
    Pipeline::TimeframeTrack closes(Bars::Timeframe::minutes(1), session, config);
    closes.setFormingIndicators(false);
    std::vector<Indicators::IndicatorSnapshot> a, b;
    const auto collect = [](std::vector<Indicators::IndicatorSnapshot> &out) {
        return
            [&out](Pipeline::TimeframeTrack::Change change, const Bars::Bar &, const Indicators::IndicatorSnapshot &s) {
                if (change != Pipeline::TimeframeTrack::Change::Forming)
                    out.push_back(s);
            };
    };
    std::mt19937_64 rng(3);
    double price = 100;
    for (int m = 0; m < 40; ++m) {
        const int records = 1 + int(rng() % 5);
        for (int r = 0; r < records; ++r) {
            price += double(int(rng() % 201) - 100) / 100;
            const Model::Tick t = tick("IND", m, price, r * 10);
            every.add(t, collect(a));
            closes.add(t, collect(b));
        }
        if (m % 7 == 3) { // quiet: the clock closes the bar, then a delayed record revises it
            every.closeIfDue(Start + (m + 1) * Minute, collect(a));
            closes.closeIfDue(Start + (m + 1) * Minute, collect(b));
            const Model::Tick late = tick("IND", m, price + 1, 55);
            every.add(late, collect(a));
            closes.add(late, collect(b));
        }
    }
    QCOMPARE(a.size(), b.size());
    QVERIFY(a.size() > 40);
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(b[i].rsi, a[i].rsi);
        QCOMPARE(b[i].sma, a[i].sma);
        QCOMPARE(b[i].bollingerUpper, a[i].bollingerUpper);
        QCOMPARE(b[i].atr, a[i].atr);
        QCOMPARE(b[i].macd, a[i].macd);
    }
}

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alertengine.moc"
