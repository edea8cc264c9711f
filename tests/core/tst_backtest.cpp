// SPDX-License-Identifier: MIT
// The strategy tester's engine: figures against hand-computed values on tiny series, the fill model (next
// open, costs, a stop and a target in one bar, gaps), strategies read from JSON, and no look-ahead (a strategy
// run on a series and on the same series cut at every bar decides the same).
#include "alerts/AlertEvaluator.h"
#include "backtest/Backtest.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Day = 86'400'000'000LL;
constexpr Model::TimestampUs Start = 1'704'067'200'000'000LL; // 2024-01-01 00:00 UTC

struct Ohlc
{
    double open, high, low, close;
};

std::shared_ptr<const Backtest::BarColumns> daily(const std::vector<Ohlc> &prices, const QString &symbol = u"TEST"_s)
{
    auto bars = std::make_shared<Backtest::BarColumns>();
    bars->symbol = symbol;
    for (std::size_t i = 0; i < prices.size(); ++i) {
        const Ohlc &p = prices[i];
        const Model::TimestampUs t = Start + Model::TimestampUs(i) * Day;
        bars->append(Bars::Bar{t, t + Day, p.open, p.high, p.low, p.close, 1000, 1});
    }
    return bars;
}

/// Bars whose every price is the close: the crossing conditions below read closes only.
std::shared_ptr<const Backtest::BarColumns> closes(const std::vector<double> &values)
{
    std::vector<Ohlc> prices;
    for (double c : values)
        prices.push_back({c, c, c, c});
    return daily(prices);
}

/// A random walk of `n` daily bars with gaps and wide ranges.
std::shared_ptr<const Backtest::BarColumns> randomWalk(std::size_t n, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<Ohlc> prices;
    double close = 100;
    for (std::size_t i = 0; i < n; ++i) {
        const double open = close * (1 + (random.generateDouble() - 0.5) * 0.02);
        close = open * (1 + (random.generateDouble() - 0.5) * 0.06);
        const double high = std::max(open, close) * (1 + random.generateDouble() * 0.02);
        const double low = std::min(open, close) * (1 - random.generateDouble() * 0.02);
        prices.push_back({open, high, low, close});
    }
    return daily(prices);
}

Backtest::Strategy strategy(const char *json)
{
    const auto parsed = Backtest::strategyFromJson(QJsonDocument::fromJson(json).object());
    if (!parsed)
        qFatal("strategy: %s", qPrintable(parsed.error()));
    return *parsed;
}

Backtest::Report runOn(const Backtest::Strategy &s, std::shared_ptr<const Backtest::BarColumns> bars,
                       Backtest::Costs costs = {})
{
    Backtest::SeriesCache cache(std::move(bars));
    Backtest::Settings settings;
    settings.costs = costs;
    return Backtest::run(s, {&cache}, settings);
}

/// Enter when the close crosses up through 10, leave when it crosses down through it.
const char *const Through10 =
    R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
    "exit_long":{"left":{"source":"close"},"operator":"crossing_down","right":{"value":10}}})";

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

} // namespace

class TestBacktest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresOfAKnownSeries()
    {
        // 100 → 110 → 99 → 121 over three days: returns +10 %, -10 %, +22.2 %; the deepest fall 110 → 99 (10 %),
        // under the peak from the first day to the third (two bars, two days).
        std::vector<Backtest::EquityPoint> equity;
        for (const auto &[i, e] : {std::pair{0, 100.0}, {1, 110.0}, {2, 99.0}, {3, 121.0}})
            equity.push_back({Start + i * Day, e, true});
        const Backtest::Metrics m = Backtest::metricsOf(100, equity, {});
        QVERIFY(near(m.totalReturn, 0.21));
        QVERIFY(near(m.maxDrawdown, 0.1));
        QCOMPARE(m.maxDrawdownBars, 2);
        QCOMPARE(m.maxDrawdownUs, 2 * Day);
        QVERIFY(!m.cagr);   // three days: an annual rate would mislead
        QVERIFY(!m.calmar); // it divides the CAGR
        // A year holds 365.25 of these daily returns. Mean 2/27, sample deviation 0.1626681, downside deviation
        // sqrt(0.01 / 3).
        QVERIFY(near(m.periodsPerYear, 365.25));
        QVERIFY(near(*m.sharpe, 8.702799821, 1e-8));
        QVERIFY(near(m.volatility, 3.108833492, 1e-8));
        QVERIFY(near(*m.sortino, 24.52008499, 1e-8));
        QCOMPARE(m.exposure, 1.0);
        QVERIFY(!m.winRate);
        QVERIFY(!m.profitFactor);
    }

    void drawdownStillOpenAtTheEnd()
    {
        // 100, 120 (peak), 90, 96: 25 % down, under water from the second close to the end.
        std::vector<Backtest::EquityPoint> equity;
        for (const auto &[i, e] : {std::pair{0, 100.0}, {1, 120.0}, {2, 90.0}, {3, 96.0}})
            equity.push_back({Start + i * Day, e, false});
        const Backtest::Metrics m = Backtest::metricsOf(100, equity, {});
        QVERIFY(near(m.maxDrawdown, 0.25));
        QCOMPARE(m.maxDrawdownBars, 2);
        QCOMPARE(m.maxDrawdownUs, 2 * Day);
        QCOMPARE(m.exposure, 0.0);
    }

    void cagrOverTwoYears()
    {
        // Doubling over exactly two years of 365.25 days: sqrt(2) - 1 a year; Calmar with a 20 % drawdown.
        std::vector<Backtest::EquityPoint> equity{{Start, 100, true},
                                                  {Start + Model::TimestampUs(365.25 * Day), 80, true},
                                                  {Start + Model::TimestampUs(2 * 365.25 * Day), 200, true}};
        const Backtest::Metrics m = Backtest::metricsOf(100, equity, {});
        QVERIFY(near(*m.cagr, std::sqrt(2.0) - 1));
        QVERIFY(near(*m.calmar, (std::sqrt(2.0) - 1) / 0.2));
    }

    void flatSeries()
    {
        const auto s = strategy(Through10);
        const Backtest::Report r = runOn(s, closes({5, 5, 5, 5, 5, 5}));
        QCOMPARE(r.metrics.trades, 0);
        QCOMPARE(r.metrics.totalReturn, 0.0);
        QCOMPARE(r.metrics.maxDrawdown, 0.0);
        QCOMPARE(r.metrics.volatility, 0.0);
        QVERIFY(!r.metrics.sharpe);
        QVERIFY(!r.metrics.sortino);
        QVERIFY(!r.metrics.winRate);
        QCOMPARE(r.metrics.endEquity, 100'000.0);
        QCOMPARE(r.equity.size(), std::size_t(6));
    }

    void oneWinningTradeAtTheNextOpen()
    {
        // Close crosses up at bar 1 → bought at bar 2's open (12); crosses down at bar 4 → sold at bar 5's open (15).
        const auto s = strategy(Through10);
        const Backtest::Report r = runOn(s, daily({{9, 9, 9, 9},
                                                   {9, 11, 9, 11},
                                                   {12, 14, 12, 13},
                                                   {13, 20, 13, 18},
                                                   {18, 18, 8, 9},
                                                   {15, 16, 8, 9},
                                                   {9, 9, 9, 9}}));
        QCOMPARE(r.trades.size(), std::size_t(1));
        const Backtest::Trade &t = r.trades.front();
        QCOMPARE(t.entryTime, Start + 2 * Day);
        QCOMPARE(t.entryPrice, 12.0);
        QCOMPARE(t.exitTime, Start + 5 * Day);
        QCOMPARE(t.exitPrice, 15.0);
        QCOMPARE(t.reason, Backtest::ExitReason::Signal);
        QVERIFY(near(t.quantity, 100'000.0 / 12)); // all of the equity, fractional shares
        QVERIFY(near(t.pnl, 25'000.0));
        QVERIFY(near(t.returnPercent, 25.0));
        QVERIFY(near(t.mfePercent, (20.0 - 12) / 12 * 100)); // bar 3's high
        QVERIFY(near(t.maePercent, (8.0 - 12) / 12 * 100));  // bar 4's low
        QCOMPARE(t.bars, 3);
        QVERIFY(near(r.metrics.totalReturn, 0.25));
        QCOMPARE(*r.metrics.winRate, 1.0);
        QVERIFY(!r.metrics.profitFactor); // no losing trade to divide by
        QVERIFY(near(*r.metrics.expectancy, 25'000.0));
        QVERIFY(near(r.metrics.exposure, 3.0 / 7)); // open at the closes of bars 2, 3 and 4
        // The equity at each close: bars 2-4 marked at their closes.
        QVERIFY(near(r.equity[3].equity, 100'000.0 / 12 * 18));
        // From the peak at bar 3 (150,000) to bar 4's close (75,000): 50 %, recovered? no: 125,000 at the end.
        QVERIFY(near(r.metrics.maxDrawdown, 0.5));
    }

    void oneLosingTradeWithCosts()
    {
        // Bought at 12 + 0.05 slippage + half a 0.10 spread = 12.10, sold at 9 - 0.10 = 8.90; $1 an order plus
        // 1 cent a share; 1,000 shares.
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
            "exit_long":{"left":{"source":"close"},"operator":"crossing_down","right":{"value":10}},
            "size":{"shares":1000}})");
        Backtest::Costs costs;
        costs.broker.slippage = 0.05;
        costs.broker.perOrder = 1;
        costs.broker.perShare = 0.01;
        costs.spread = 0.1;
        const Backtest::Report r =
            runOn(s, daily({{9, 9, 9, 9}, {9, 11, 9, 11}, {12, 12, 12, 12}, {9, 9, 9, 9}, {9, 9, 9, 9}, {9, 9, 9, 9}}),
                  costs);
        QCOMPARE(r.trades.size(), std::size_t(1));
        const Backtest::Trade &t = r.trades.front();
        QVERIFY(near(t.entryPrice, 12.10));
        QVERIFY(near(t.exitPrice, 8.90));
        QVERIFY(near(t.fees, 2 * (1 + 10.0)));
        QVERIFY(near(t.pnl, (8.90 - 12.10) * 1000 - 22));
        QCOMPARE(*r.metrics.winRate, 0.0);
        QVERIFY(near(r.metrics.fees, 22));
        QVERIFY(near(r.metrics.endEquity, 100'000 - 3200 - 22));
        QCOMPARE(*r.metrics.profitFactor, 0.0); // losses only
    }

    void profitFactorOfAWinAndALoss()
    {
        // +25 % then a loss: bought at 12 sold at 15, bought at 14 sold at 12.
        const auto s = strategy(Through10);
        const Backtest::Report r = runOn(s, daily({{9, 9, 9, 9},
                                                   {11, 11, 11, 11},
                                                   {12, 12, 12, 12},
                                                   {9, 9, 9, 9},
                                                   {15, 15, 15, 15},
                                                   {14, 14, 14, 14},
                                                   {15, 15, 15, 15},
                                                   {9, 9, 9, 9},
                                                   {12, 12, 9, 9},
                                                   {9, 9, 9, 9}}));
        QCOMPARE(r.trades.size(), std::size_t(2));
        const double win = r.trades[0].pnl;
        const double loss = r.trades[1].pnl;
        QVERIFY(near(win, 100'000.0 / 12 * 3));
        QVERIFY(near(loss, 100'000.0 * 1.25 / 14 * -2));
        QVERIFY(near(*r.metrics.profitFactor, win / -loss));
        QCOMPARE(*r.metrics.winRate, 0.5);
        QVERIFY(near(*r.metrics.expectancy, (win + loss) / 2));
    }

    void stopAndTargetInOneBar()
    {
        // Entered at 100 with a 2 % stop (98) and a 5 % target (105); the next bar reaches both: the stop is taken.
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
            "stop_loss_percent":2,"take_profit_percent":5})");
        const Backtest::Report r = runOn(
            s, daily({{9, 9, 9, 9}, {11, 11, 11, 11}, {100, 101, 99, 100}, {100, 106, 97, 104}, {104, 104, 104, 104}}));
        QCOMPARE(r.trades.size(), std::size_t(1));
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::StopLoss);
        QCOMPARE(r.trades[0].exitPrice, 98.0);
        QCOMPARE(r.trades[0].exitTime, Start + 3 * Day);
        QCOMPARE(r.trades[0].bars, 2);
    }

    void targetAlone()
    {
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
            "stop_loss_percent":2,"take_profit_percent":5})");
        const Backtest::Report r = runOn(
            s, daily({{9, 9, 9, 9}, {11, 11, 11, 11}, {100, 101, 99, 100}, {100, 106, 99, 104}, {104, 104, 104, 104}}));
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::TakeProfit);
        QCOMPARE(r.trades[0].exitPrice, 105.0);
        QVERIFY(near(r.trades[0].maePercent, -1.0)); // the bar's low may have come first
    }

    void gapThroughTheStop()
    {
        // The open jumps below the stop: filled at the open, the worse price.
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
            "stop_loss_percent":2})");
        const Backtest::Report r =
            runOn(s, daily({{9, 9, 9, 9}, {11, 11, 11, 11}, {100, 101, 99, 100}, {95, 96, 94, 95}, {95, 95, 95, 95}}));
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::StopLoss);
        QCOMPARE(r.trades[0].exitPrice, 95.0);
    }

    void stopOnTheEntryBar()
    {
        // Bought at the open of 100; the same bar falls to 97: stopped at 98 within the entry's own bar.
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"value":10}},
            "stop_loss_percent":2})");
        const Backtest::Report r =
            runOn(s, daily({{9, 9, 9, 9}, {11, 11, 11, 11}, {100, 100, 97, 99}, {99, 99, 99, 99}}));
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::StopLoss);
        QCOMPARE(r.trades[0].exitPrice, 98.0);
        QCOMPARE(r.trades[0].exitTime, Start + 2 * Day);
        QCOMPARE(r.trades[0].bars, 1);
    }

    void shortWithAStop()
    {
        // Short at 100 (crossing down through 50 is the entry); a 3 % stop at 103 is reached by the next high.
        const auto s = strategy(R"({"direction":"short",
            "enter_short":{"left":{"source":"close"},"operator":"crossing_down","right":{"value":50}},
            "stop_loss_percent":3})");
        const Backtest::Report r =
            runOn(s, daily({{60, 60, 60, 60}, {40, 40, 40, 40}, {100, 101, 99, 100}, {101, 104, 100, 102}}));
        QCOMPARE(r.trades.size(), std::size_t(1));
        QVERIFY(!r.trades[0].isLong);
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::StopLoss);
        QVERIFY(near(r.trades[0].exitPrice, 103.0));
        QVERIFY(near(r.trades[0].pnl, -1000.0 * 3)); // 1,000 shares short, 3 dollars each
    }

    void maxBarsAndTheEnd()
    {
        // Out after two bars at the next open; a position still open after the last bar closes at its close.
        const auto s =
            strategy(R"({"enter_long":{"left":{"source":"close"},"operator":"greater_than","right":{"value":10}},
            "max_bars":2})");
        const Backtest::Report r = runOn(s, daily({{9, 9, 9, 9},
                                                   {11, 11, 11, 11},
                                                   {12, 12, 12, 12},
                                                   {13, 13, 13, 13},
                                                   {14, 14, 14, 14},
                                                   {15, 15, 15, 15},
                                                   {16, 16, 16, 16}}));
        QCOMPARE(r.trades.size(), std::size_t(2));
        QCOMPARE(r.trades[0].reason, Backtest::ExitReason::MaxBars);
        QCOMPARE(r.trades[0].entryPrice, 12.0);
        QCOMPARE(r.trades[0].exitPrice, 14.0); // held bars 2 and 3, out at bar 4's open
        QCOMPARE(r.trades[0].bars, 2);
        // Greater than 10 still holds at bar 4's close: in again at bar 5's open, closed at the end.
        QCOMPARE(r.trades[1].entryPrice, 15.0);
        QCOMPARE(r.trades[1].reason, Backtest::ExitReason::End);
        QCOMPARE(r.trades[1].exitPrice, 16.0);
    }

    void reversalWhenBothWays()
    {
        const auto s = strategy(R"({"preset":"ma_cross","fast":2,"slow":3,"direction":"both"})");
        const Backtest::Report r = runOn(s, randomWalk(400, 7));
        QVERIFY(r.trades.size() > 10);
        for (std::size_t i = 1; i < r.trades.size(); ++i) {
            QCOMPARE(r.trades[i].isLong, !r.trades[i - 1].isLong); // each cross turns the position round
            QCOMPARE(r.trades[i].entryTime, r.trades[i - 1].exitTime);
        }
    }

    void maCrossPresetIsTheReferenceStrategy()
    {
        // The fast SMA crossing above the slow one at a close buys at the next open; crossing below sells there.
        const auto bars = randomWalk(600, 11);
        const auto s = strategy(R"({"preset":"ma_cross","fast":5,"slow":20})");
        const Backtest::Report r = runOn(s, bars);
        QVERIFY(r.trades.size() > 5);
        Indicators::Sma fast(5), slow(20);
        std::vector<int> relation(bars->size(), 0);
        for (std::size_t i = 0; i < bars->size(); ++i) {
            const auto f = fast.update(bars->close[i]);
            const auto sl = slow.update(bars->close[i]);
            if (f && sl)
                relation[i] = *f > *sl ? 1 : *f < *sl ? -1 : 0;
        }
        std::vector<Model::TimestampUs> buys, sells;
        int side = 0;
        for (std::size_t i = 0; i + 1 < bars->size(); ++i) {
            if (relation[i] == 0)
                continue;
            if (side != 0 && relation[i] != side)
                (relation[i] > 0 ? buys : sells).push_back(bars->time[i + 1]);
            side = relation[i];
        }
        // Long only: a sell while flat does nothing, a buy while long neither.
        std::size_t b = 0;
        for (const Backtest::Trade &t : r.trades) {
            while (b < buys.size() && buys[b] < t.entryTime)
                ++b;
            QVERIFY(b < buys.size());
            QCOMPARE(t.entryTime, buys[b]);
            if (t.reason == Backtest::ExitReason::Signal)
                QVERIFY(std::find(sells.begin(), sells.end(), t.exitTime) != sells.end());
        }
    }

    void noLookAhead()
    {
        // Decisions at each bar, and every trade closed before the cut, are those of the whole series.
        const auto bars = randomWalk(300, 3);
        for (
            const char *json :
            {R"({"preset":"ma_cross","fast":3,"slow":12,"direction":"both","stop_loss_percent":2,"take_profit_percent":3})",
             R"({"preset":"rsi_trend","rsi":5,"sma":5,"ema":8})",
             R"({"enter_long":{"left":{"indicator":"rsi","period":6},"operator":"less_than","right":{"value":35}},
                  "exit_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"indicator":"bb_upper","period":10}},
                  "max_bars":7})"}) {
            const auto s = strategy(json);
            Backtest::SeriesCache whole(bars);
            const std::vector<std::uint8_t> all = Backtest::decide(s, whole);
            const Backtest::Report full = runOn(s, bars);
            QVERIFY2(full.trades.size() > 3, json);
            for (std::size_t cut = 1; cut <= bars->size(); ++cut) {
                Backtest::SeriesCache part(std::make_shared<Backtest::BarColumns>(bars->slice(0, cut)));
                const std::vector<std::uint8_t> some = Backtest::decide(s, part);
                QVERIFY(std::equal(some.begin(), some.end(), all.begin()));
                const Backtest::Report r = runOn(s, std::make_shared<Backtest::BarColumns>(bars->slice(0, cut)));
                for (std::size_t t = 0; t < r.trades.size(); ++t) {
                    if (r.trades[t].reason == Backtest::ExitReason::End)
                        break;
                    QCOMPARE(r.trades[t].exitTime, full.trades[t].exitTime);
                    QCOMPARE(r.trades[t].exitPrice, full.trades[t].exitPrice);
                    QCOMPARE(r.trades[t].pnl, full.trades[t].pnl);
                }
            }
        }
    }

    void figuresWithoutTheSeriesAreTheSame()
    {
        // Without the equity series, stretches without a position are counted at once: the figures are the same.
        const auto bars = randomWalk(1500, 8);
        for (const char *json :
             {R"({"preset":"ma_cross","fast":3,"slow":12})",
              R"({"preset":"ma_cross","fast":5,"slow":40,"stop_loss_percent":1,"max_bars":4})",
              R"({"preset":"ma_cross","fast":2,"slow":9,"direction":"both"})", R"({"preset":"rsi_trend","rsi":5})"}) {
            const auto s = strategy(json);
            Backtest::SeriesCache cache(bars);
            Backtest::Settings with;
            Backtest::Settings without;
            without.keepEquity = false;
            const Backtest::Metrics a = Backtest::run(s, {&cache}, with).metrics;
            const Backtest::Metrics b = Backtest::run(s, {&cache}, without).metrics;
            QVERIFY2(a.trades > 3, json);
            QCOMPARE(b.totalReturn, a.totalReturn);
            QCOMPARE(b.sharpe, a.sharpe);
            QCOMPARE(b.sortino, a.sortino);
            QCOMPARE(b.volatility, a.volatility);
            QCOMPARE(b.maxDrawdown, a.maxDrawdown);
            QCOMPARE(b.maxDrawdownBars, a.maxDrawdownBars);
            QCOMPARE(b.maxDrawdownUs, a.maxDrawdownUs);
            QCOMPARE(b.exposure, a.exposure);
            QCOMPARE(b.bars, a.bars);
            QCOMPARE(b.from, a.from);
            QCOMPARE(b.to, a.to);
            QCOMPARE(b.periodsPerYear, a.periodsPerYear);
        }
    }

    void streamedDecisionsAreTheCachedOnes()
    {
        // A test decided as it goes, a stretch at a time, trades as one decided from the whole columns: long enough
        // to cross several stretches, for presets, rules, conditions on indicators, channels and lines.
        const auto bars = randomWalk(40'000, 12);
        for (
            const char *json :
            {R"({"preset":"ma_cross","fast":3,"slow":12,"direction":"both","stop_loss_percent":2,"take_profit_percent":3})",
             R"({"preset":"rsi_trend","rsi":5,"sma":5,"ema":8})",
             R"({"enter_long":{"left":{"indicator":"rsi","period":6},"operator":"less_than","right":{"value":30}},
                  "exit_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"indicator":"bb_upper","period":10}},
                  "max_bars":7})",
             R"({"enter_long":{"left":{"source":"close"},"operator":"exiting_channel","right":{"channel":[{"indicator":"bb_lower","period":20},{"indicator":"bb_upper","period":20}]}},
                  "exit_long":{"left":{"source":"close"},"operator":"moving_down_percent","right":{"value":2,"bars":3}}})",
             R"({"enter_long":{"left":{"source":"close"},"operator":"crossing_up","right":{"line":[{"time":"2024-01-01T00:00:00Z","price":90},{"time":"2030-01-01T00:00:00Z","price":300}]}}})"}) {
            const auto s = strategy(json);
            Backtest::SeriesCache cache(bars);
            Backtest::Settings streamed;
            Backtest::Settings cached;
            cached.streamed = false;
            const Backtest::Report a = Backtest::run(s, {&cache}, streamed);
            const Backtest::Report b = Backtest::run(s, {&cache}, cached);
            QVERIFY2(a.trades.size() > 3 || QByteArray(json).contains("line"), json); // a line is crossed once or so
            QVERIFY(!a.trades.empty());
            QCOMPARE(a.trades.size(), b.trades.size());
            for (std::size_t t = 0; t < a.trades.size(); ++t) {
                QCOMPARE(a.trades[t].entryTime, b.trades[t].entryTime);
                QCOMPARE(a.trades[t].exitTime, b.trades[t].exitTime);
                QCOMPARE(a.trades[t].pnl, b.trades[t].pnl);
            }
            QCOMPARE(a.metrics.totalReturn, b.metrics.totalReturn);
            QCOMPARE(a.metrics.sharpe, b.metrics.sharpe);
            // Over a later stretch only: the bars before it still decide where the conditions stand.
            Backtest::Span span{bars->time[25'000], bars->time[39'000]};
            const Backtest::Report c = Backtest::run(s, {&cache}, streamed, span);
            const Backtest::Report d = Backtest::run(s, {&cache}, cached, span);
            QCOMPARE(c.trades.size(), d.trades.size());
            QCOMPARE(c.metrics.endEquity, d.metrics.endEquity);
        }
    }

    void averagesAsTheIndicatorSetHasThem()
    {
        // The cache's own SMA is the indicator set's, to the last bit; other indicators come from the set.
        const auto bars = randomWalk(500, 5);
        Backtest::SeriesCache cache(bars);
        for (int period : {3, 20, 50}) {
            const auto operand = Alerts::Operand::of(Alerts::Indicator::Sma, period);
            const Backtest::Column &values = cache.valuesOf(operand);
            Indicators::IndicatorSet set(operand.config());
            for (std::size_t i = 0; i < bars->size(); ++i) {
                const auto s = set.update(bars->tick(i, Model::Symbol()));
                QCOMPARE(s.sma.has_value(), !std::isnan(values[i]));
                if (s.sma)
                    QCOMPARE(values[i], *s.sma);
            }
        }
    }

    void closedRunsDecideAsSampleBySample()
    {
        // The evaluator's one-pass form for closed bars fires where add() does, sample by sample: values that
        // touch, hover in the dead band, or are absent included.
        QRandomGenerator random(9);
        const std::size_t n = 3000;
        std::vector<double> left(n), right(n);
        std::vector<Model::TimestampUs> open(n), end(n);
        for (std::size_t i = 0; i < n; ++i) {
            left[i] = i % 97 == 5 ? std::nan("") : double(random.bounded(20));
            right[i] = i % 89 == 3 ? std::nan("") : 10 + double(random.bounded(3)) - 1;
            open[i] = Start + Model::TimestampUs(i) * Day;
            end[i] = open[i] + Day;
        }
        for (const auto op : {Alerts::Operator::Crossing, Alerts::Operator::CrossingUp, Alerts::Operator::CrossingDown,
                              Alerts::Operator::GreaterThan, Alerts::Operator::LessThan}) {
            for (const double band : {0.0, 1.5}) {
                Alerts::Definition alert;
                alert.op = op;
                alert.deadBand = band;
                Alerts::Evaluator one(alert), run(alert);
                std::vector<std::uint8_t> fired(n, 0);
                QVERIFY(run.addClosedRun(left.data(), right.data(), 1, open.data(), end.data(), n, fired.data(), 4));
                for (std::size_t i = 0; i < n; ++i) {
                    Alerts::Sample sample;
                    sample.closed = true;
                    sample.barOpen = open[i];
                    sample.time = end[i];
                    if (!std::isnan(left[i]))
                        sample.left = left[i];
                    if (!std::isnan(right[i]))
                        sample.right = right[i];
                    QCOMPARE(one.add(sample).has_value(), fired[i] == 4);
                }
                QCOMPARE(run.state(), one.state());
            }
        }
        // Two crossings of the same values in one pass: as each alone.
        for (const auto &[opA, opB] : {std::pair{Alerts::Operator::CrossingUp, Alerts::Operator::CrossingDown},
                                       std::pair{Alerts::Operator::Crossing, Alerts::Operator::CrossingUp}}) {
            for (const double band : {0.0, 1.5}) {
                Alerts::Definition a;
                a.op = opA;
                a.deadBand = band;
                Alerts::Definition b = a;
                b.op = opB;
                Alerts::Evaluator pairA(a), pairB(b), soloA(a), soloB(b);
                std::vector<std::uint8_t> both(n, 0), alone(n, 0);
                QVERIFY(Alerts::Evaluator::addClosedRunPair(pairA, 1, pairB, 2, left.data(), right.data(), 1,
                                                            open.data(), end.data(), n, both.data()));
                QVERIFY(soloA.addClosedRun(left.data(), right.data(), 1, open.data(), end.data(), n, alone.data(), 1));
                QVERIFY(soloB.addClosedRun(left.data(), right.data(), 1, open.data(), end.data(), n, alone.data(), 2));
                QCOMPARE(both, alone);
                QCOMPARE(pairA.state(), soloA.state());
                QCOMPARE(pairB.state(), soloB.state());
            }
        }
        Alerts::Definition channel;
        channel.op = Alerts::Operator::InsideChannel;
        channel.channel = std::pair{Alerts::Operand::constant(1), Alerts::Operand::constant(2)};
        std::uint8_t bit = 0;
        QVERIFY(!Alerts::Evaluator(channel).addClosedRun(left.data(), right.data(), 1, open.data(), end.data(), 1, &bit,
                                                         1));
    }

    void twoSymbolsShareTheCash()
    {
        const auto s = strategy(R"({"preset":"ma_cross","fast":3,"slow":10})");
        auto a = std::make_shared<Backtest::BarColumns>(*randomWalk(200, 1));
        auto b = std::make_shared<Backtest::BarColumns>(*randomWalk(200, 2));
        b->symbol = u"OTHER"_s;
        Backtest::SeriesCache ca(a), cb(b);
        const Backtest::Report both = Backtest::run(s, {&ca, &cb}, {});
        Backtest::Settings half;
        half.startingCash = 50'000;
        const Backtest::Report onlyA = Backtest::run(s, {&ca}, half);
        const Backtest::Report onlyB = Backtest::run(s, {&cb}, half);
        QCOMPARE(both.trades.size(), onlyA.trades.size() + onlyB.trades.size());
        QVERIFY(near(both.metrics.endEquity, onlyA.metrics.endEquity + onlyB.metrics.endEquity));
        QCOMPARE(both.symbols.size(), std::size_t(2));
        QCOMPARE(both.equity.size(), std::size_t(200));
    }

    void strategiesFromJson_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown field") << u"{\"preset\":\"ma_cross\",\"stop_loss\":2}"_s
                                       << u"stop_loss: not a strategy field"_s;
        QTest::newRow("fast not shorter") << u"{\"preset\":\"ma_cross\",\"fast\":30,\"slow\":30}"_s << u"fast:"_s;
        QTest::newRow("unknown preset") << u"{\"preset\":\"turtle\"}"_s
                                        << u"preset: must be one of ma_cross, rsi_trend"_s;
        QTest::newRow("no entry") << u"{\"stop_loss_percent\":2}"_s << u"enter_long: missing"_s;
        QTest::newRow("short without entry")
            << u"{\"preset\":\"rsi_trend\",\"direction\":\"short\",\"enter_short\":null}"_s
            << u"enter_short: missing"_s;
        QTest::newRow("bad size") << u"{\"preset\":\"ma_cross\",\"size\":{\"percent\":0}}"_s << u"size.percent:"_s;
        QTest::newRow("two sizes") << u"{\"preset\":\"ma_cross\",\"size\":{\"percent\":5,\"cash\":5}}"_s
                                   << u"size: give one of"_s;
        QTest::newRow("stop of 100 %") << u"{\"preset\":\"ma_cross\",\"stop_loss_percent\":100}"_s
                                       << u"stop_loss_percent:"_s;
        QTest::newRow("bad condition")
            << u"{\"enter_long\":{\"left\":{\"source\":\"close\"},\"operator\":\"above\",\"right\":{\"value\":1}}}"_s
            << u"enter_long.operator: must be one of"_s;
        QTest::newRow("news rule") << u"{\"enter_long\":{\"rule\":\"news_sentiment\",\"side\":\"buy\"}}"_s
                                   << u"enter_long.rule:"_s;
        QTest::newRow("timeframe") << u"{\"preset\":\"ma_cross\",\"timeframe\":\"7x\"}"_s << u"timeframe:"_s;
    }

    void strategiesFromJson()
    {
        QFETCH(QString, json);
        QFETCH(QString, error);
        const auto parsed = Backtest::strategyFromJson(QJsonDocument::fromJson(json.toUtf8()).object());
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().startsWith(error), qPrintable(parsed.error()));
    }

    void parametersArePathsIntoTheJson()
    {
        QJsonObject json = Backtest::presetJson(u"ma_cross"_s);
        json = *Backtest::withParameter(json, u"fast"_s, 7);
        json = *Backtest::withParameter(json, u"stop_loss_percent"_s, 2.5);
        const auto s = Backtest::strategyFromJson(json);
        QVERIFY(s);
        QCOMPARE(s->enterLong->alert.left.period, 7);
        QCOMPARE(s->stopLossPercent, 2.5);
        QCOMPARE(*Backtest::parameterOf(json, u"fast"_s), 7.0);
        const auto wrong = Backtest::withParameter(json, u"enter_long.right.value"_s, 3);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().contains(u"no enter_long"_s), qPrintable(wrong.error()));
        QJsonObject own = QJsonDocument::fromJson(Through10).object();
        own = *Backtest::withParameter(own, u"enter_long.right.value"_s, 12);
        QCOMPARE(Backtest::strategyFromJson(own)->enterLong->alert.right.value, 12.0);
    }
};

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
