// SPDX-License-Identifier: MIT
// Strategies trading live on the paper account: a record feed through the engine, minute bars, and the trader's
// passes after each record. An entry at the next bar's open, its stop and target as a pair at the broker (the
// target filling cancels the stop), an exit signal and a position held its bars closed at the next open, the same
// trades as the strategy tester finds over the stored bars, a restart that carries on without placing anything
// twice, a paused run, and a run removed with its orders.
#include "PipelineFeed.h"
#include "backtest/Backtest.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "trading/PaperOrders.h"
#include "trading/StrategyTrader.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Minute = 60'000'000;

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

/// Enter when the close crosses up through 100, leave when it crosses down through 90.
const char *const Through100 = R"({"timeframe":"1m",
    "enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":100}},
    "exit_long":{"left":{"source":"close"},"operator":"crossing_down","right":{"value":90}}})";

} // namespace

class TestLiveStrategy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"live%1.sqlite"_s.arg(++m_count));
        // Minutes from the next whole minute on: orders placed now fill on records after them.
        m_start = (Util::wallClockUs() / Minute + 1) * Minute;
        startDesk();
    }

    void cleanup() { stopDesk(); }

    void stopAndTargetArePairedAtTheBroker()
    {
        QJsonObject strategy = json(Through100);
        strategy.insert(u"stop_loss_percent"_s, 2);
        strategy.insert(u"take_profit_percent"_s, 5);
        strategy.insert(u"size"_s, QJsonObject{{u"shares"_s, 10}});
        QVERIFY(m_trader->add({0, u"Breakout"_s, strategy, {u"LIVE"_s}, true}));
        minute(0, 95);
        minute(1, 95);
        QCOMPARE(position().lastAction, u"waiting for the next 1m bar"_s);
        minute(2, 101); // closes above 100: bought at the next open
        QVERIFY(m_desk->workingOrders().empty());
        minute(3, 101);
        const auto entry = m_desk->order(1);
        QVERIFY(entry);
        QCOMPARE(entry->status, Trading::OrderStatus::Filled);
        QCOMPARE(entry->side, Trading::Side::Buy);
        QCOMPARE(entry->quantity, 10.0);
        QCOMPARE(entry->fillPrice, 101.0);
        QVERIFY(entry->note.startsWith(u"strategy 1 (Breakout)"_s));
        // The stop and the target, a pair: both sell the 10 shares, counted once.
        const auto stop = m_desk->order(2);
        const auto target = m_desk->order(3);
        QVERIFY(stop && target);
        QCOMPARE(stop->type, Trading::OrderType::Stop);
        QVERIFY(qFuzzyCompare(stop->stopPrice, 101.0 * 0.98));
        QCOMPARE(target->type, Trading::OrderType::Limit);
        QVERIFY(qFuzzyCompare(target->limitPrice, 101.0 * 1.05));
        QCOMPARE(target->ocoWith, stop->id);
        QCOMPARE(position().side, 1);
        minute(4, 104);
        minute(5, 107); // through the target
        QCOMPARE(m_desk->order(3)->status, Trading::OrderStatus::Filled);
        QCOMPARE(m_desk->order(3)->fillPrice, 107.0); // opened above the limit: the open, the better price
        QCOMPARE(m_desk->order(2)->status, Trading::OrderStatus::Cancelled);
        QCOMPARE(m_desk->order(2)->reason, u"the other of its pair filled"_s);
        QCOMPARE(m_desk->held(u"LIVE"_s), 0.0);
        QCOMPARE(position().side, 0);
        QCOMPARE(position().lastAction, u"target reached at 107"_s);
    }

    void exitSignalAndBarsHeldAsTheTesterTrades()
    {
        QJsonObject strategy = json(Through100);
        strategy.insert(u"max_bars"_s, 3);
        strategy.insert(u"size"_s, QJsonObject{{u"shares"_s, 5}});
        QVERIFY(m_trader->add({0, u"Held"_s, strategy, {u"LIVE"_s}, true}));
        const double prices[] = {95, 95, 101, 102, 103, 104, 105, 106, 95, 101, 85, 84, 84};
        for (int m = 0; m < int(std::size(prices)); ++m)
            minute(m, prices[m]);
        // In at minute 3's open, held 3 bars (3, 4, 5), out at minute 6's open; in again at minute 10's open after
        // the cross at 9, out at minute 11's open on the exit signal at 10.
        std::vector<std::pair<Trading::Side, double>> fills;
        for (const Trading::Order &o : m_desk->orders())
            if (o.status == Trading::OrderStatus::Filled)
                fills.push_back({o.side, o.fillPrice});
        QCOMPARE(fills.size(), std::size_t(4));
        QCOMPARE(m_desk->orders()[1].note, u"strategy 1 (Held): held its bars"_s);
        QCOMPARE(m_desk->orders()[3].note, u"strategy 1 (Held): exit"_s);
        // The tester over the stored bars trades the same: entries and exits at the same opens and prices.
        Backtest::BarRequest request;
        request.symbols = {u"LIVE"_s};
        request.timeframe = Bars::Timeframe::minutes(1);
        auto bars = Backtest::loadBars(m_path, request);
        QVERIFY(bars);
        Backtest::SeriesCache cache(std::make_shared<Backtest::BarColumns>(bars->front()->slice(0, 12)));
        const auto report = Backtest::run(*Backtest::strategyFromJson(strategy), {&cache}, {});
        QCOMPARE(report.trades.size(), std::size_t(2));
        QCOMPARE(report.trades[0].entryPrice, fills[0].second);
        QCOMPARE(report.trades[0].exitPrice, fills[1].second);
        QCOMPARE(report.trades[0].reason, Backtest::ExitReason::MaxBars);
        QCOMPARE(report.trades[1].entryPrice, fills[2].second);
        QCOMPARE(report.trades[1].exitPrice, fills[3].second);
        QCOMPARE(report.trades[1].reason, Backtest::ExitReason::Signal);
        QCOMPARE(report.trades[0].entryTime, m_start + 3 * Minute);
    }

    void restartCarriesOnWithoutPlacingTwice()
    {
        QJsonObject strategy = json(Through100);
        strategy.insert(u"stop_loss_percent"_s, 10);
        QVERIFY(m_trader->add({0, u"Restart"_s, strategy, {u"LIVE"_s}, true}));
        minute(0, 95);
        minute(1, 95);
        minute(2, 101);
        minute(3, 101);
        QCOMPARE(m_desk->orders().size(), std::size_t(2)); // the entry, filled, and its stop
        const Trading::RunPosition before = position();
        QCOMPARE(before.side, 1);
        // A new trader on the same database: the run and where it stands come back; nothing is placed again.
        m_trader = std::make_unique<Trading::StrategyTrader>(m_path, *m_orders);
        QVERIFY(m_trader->load());
        QCOMPARE(position(), before);
        m_trader->poll(m_start + 3 * Minute + 50'000'000);
        QCOMPARE(m_desk->orders().size(), std::size_t(2));
        // Its size was all of the equity: 100,000 at 101 a share.
        QCOMPARE(m_desk->orders()[0].quantity, std::floor(100'000.0 / 101 * 1e6) / 1e6);
    }

    void pausedRunsDecideNothingAndRemovedOnesCancel()
    {
        QJsonObject strategy = json(Through100);
        strategy.insert(u"stop_loss_percent"_s, 5);
        const auto id = m_trader->add({0, u"Paused"_s, strategy, {u"LIVE"_s}, true});
        QVERIFY(id);
        minute(0, 95);
        QVERIFY(m_trader->setEnabled(*id, false));
        minute(1, 95);
        minute(2, 101);
        minute(3, 101);
        QVERIFY(m_desk->orders().empty());
        QVERIFY(!m_trader->runs().front().run.enabled);
        QVERIFY(m_trader->setEnabled(*id, true));
        minute(4, 95);
        minute(5, 101);
        minute(6, 101);
        QCOMPARE(m_desk->workingOrders().size(), std::size_t(1)); // the stop
        QVERIFY(m_trader->remove(*id));
        QVERIFY(m_desk->workingOrders().empty());
        QCOMPARE(m_desk->held(u"LIVE"_s) > 0, true); // the position stays: the trader decides what to do with it
        QVERIFY(m_trader->runs().empty());
        QVERIFY(!m_trader->remove(*id));
    }

    void badRunsAreRefused()
    {
        QVERIFY(m_trader->add({0, u"x"_s, json(R"({"preset":"ma_cross","fast":40})"), {u"LIVE"_s}, true})
                    .error()
                    .startsWith(u"strategy: fast:"_s));
        QCOMPARE(m_trader->add({0, u"x"_s, json(Through100), {}, true}).error(), u"symbols: give at least one"_s);
        QCOMPARE(m_trader->add({0, u"x"_s, json(Through100), {u"no way"_s}, true}).error(),
                 u"symbols: \"no way\" is not a symbol"_s);
        QJsonObject ticks = json(Through100);
        ticks.insert(u"timeframe"_s, u"100t"_s);
        QVERIFY(m_trader->add({0, u"x"_s, ticks, {u"LIVE"_s}, true}).error().startsWith(u"timeframe:"_s));
    }

private:
    void startDesk()
    {
        auto writer = Storage::StorageWriter::open({m_path});
        QVERIFY(writer);
        m_writer = std::move(*writer);
        m_desk = std::make_unique<Trading::PaperDesk>();
        m_orders = std::make_unique<Trading::PaperOrders>(*m_desk, *m_writer);
        m_pipeline = std::make_unique<Pipeline::Pipeline>(Pipeline::PipelineOptions{}, *m_writer);
        m_pipeline->setPaperDesk(m_desk.get());
        m_pipeline->start();
        m_trader = std::make_unique<Trading::StrategyTrader>(m_path, *m_orders);
        QVERIFY(m_trader->load());
    }

    void stopDesk()
    {
        m_trader.reset();
        if (m_pipeline)
            m_pipeline->stop();
        if (m_writer)
            m_writer->stop();
        m_pipeline.reset();
        m_orders.reset();
        m_desk.reset();
        m_writer.reset();
    }

    /// Minute `m` at one price: records at :00, :20 and :40, a pass of the trader after each.
    void minute(int m, double price)
    {
        for (const int second : {0, 20, 40}) {
            Model::Tick t;
            Model::Symbol::parse("LIVE", t.symbol);
            t.timestamp = m_start + m * Minute + second * 1'000'000LL;
            t.open = t.high = t.low = t.close = price;
            t.volume = 100;
            QVERIFY(TestFeed::committed(*m_pipeline, {t}));
            m_trader->poll(t.timestamp);
        }
    }

    Trading::RunPosition position() const
    {
        const auto runs = m_trader->runs();
        return runs.empty() ? Trading::RunPosition() : runs.back().positions.at(u"LIVE"_s);
    }

    QTemporaryDir m_dir;
    int m_count = 0;
    QString m_path;
    Model::TimestampUs m_start = 0;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Trading::PaperDesk> m_desk;
    std::unique_ptr<Trading::PaperOrders> m_orders;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Trading::StrategyTrader> m_trader;
};

QTEST_GUILESS_MAIN(TestLiveStrategy)
#include "tst_livestrategy.moc"
