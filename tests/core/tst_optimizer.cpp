// SPDX-License-Identifier: MIT
// The strategy tester beyond one run: a search's ranks and heatmap are single tests of the same parameters, a
// cancelled search stops, walk-forward tests only bars its search never saw, reliability counts moves after
// signals, saved strategies keep their form, and a rule tested over a recorded feed gives the signals the live
// engine stored for that feed.
#include "PipelineFeed.h"
#include "backtest/Optimizer.h"
#include "backtest/Reliability.h"
#include "backtest/WalkForward.h"
#include "pipeline/Pipeline.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "storage/StrategyStore.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Day = 86'400'000'000LL;
constexpr Model::TimestampUs Start = 1'577'836'800'000'000LL; // 2020-01-01 00:00 UTC

std::shared_ptr<const Backtest::BarColumns> walk(std::size_t n, quint32 seed)
{
    QRandomGenerator random(seed);
    auto bars = std::make_shared<Backtest::BarColumns>();
    bars->symbol = u"WALK"_s;
    double close = 50;
    for (std::size_t i = 0; i < n; ++i) {
        const double open = close * (1 + (random.generateDouble() - 0.5) * 0.01);
        close = open * (1 + (random.generateDouble() - 0.49) * 0.05);
        const Model::TimestampUs t = Start + Model::TimestampUs(i) * Day;
        bars->append(
            Bars::Bar{t, t + Day, open, std::max(open, close) * 1.01, std::min(open, close) * 0.99, close, 100, 1});
    }
    return bars;
}

Backtest::Search maSearch(std::shared_ptr<const Backtest::BarColumns> bars)
{
    Backtest::Search search;
    search.strategy = Backtest::presetJson(u"ma_cross"_s);
    search.strategy.insert(u"stop_loss_percent"_s, 4);
    search.grid = *Backtest::Grid::of({Backtest::Axis{u"fast"_s, 2, 12, 2}, Backtest::Axis{u"slow"_s, 10, 40, 5},
                                       Backtest::Axis{u"stop_loss_percent"_s, 2, 6, 2}});
    search.series = {std::make_shared<Backtest::SeriesCache>(std::move(bars))};
    return search;
}

Backtest::Metrics single(const Backtest::Search &search, const std::vector<double> &values,
                         const Backtest::Span &span = {})
{
    QJsonObject json = search.strategy;
    for (std::size_t a = 0; a < values.size(); ++a)
        json = *Backtest::withParameter(json, search.grid.axes()[a].path, values[a]);
    Backtest::SeriesCache fresh(std::make_shared<Backtest::BarColumns>(search.series.front()->bars()));
    Backtest::Settings settings;
    settings.keepEquity = false;
    return Backtest::run(*Backtest::strategyFromJson(json), {&fresh}, settings, span).metrics;
}

} // namespace

class TestOptimizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridOfAxes()
    {
        const auto grid = Backtest::Grid::of({Backtest::Axis{u"a"_s, 1, 3, 1}, Backtest::Axis{u"b"_s, 0.5, 1.0, 0.25}});
        QVERIFY(grid);
        QCOMPARE(grid->size(), std::size_t(9));
        QCOMPARE(grid->at(0), (std::vector<double>{1, 0.5}));
        QCOMPARE(grid->at(5), (std::vector<double>{2, 1.0}));
        QVERIFY(!Backtest::Grid::of({}));
        QVERIFY(!Backtest::Grid::of({{u"a"_s, 1, 2, 1}, {u"b"_s, 1, 2, 1}, {u"c"_s, 1, 2, 1}, {u"d"_s, 1, 2, 1}}));
        QVERIFY(Backtest::Grid::of({{u"a"_s, 1, 1e9, 1}}).error().contains(u"more than"_s));
        QCOMPARE(Backtest::Axis::parse(u"fast=5:50:5"_s)->values().size(), std::size_t(10));
        QVERIFY(Backtest::Axis::parse(u"fast=5:50"_s).error().contains(u"PATH=FROM:TO:STEP"_s));
        QVERIFY(!Backtest::Axis::parse(u"fast=5:1:1"_s));
        QVERIFY(!Backtest::Axis::parse(u"=5:10:1"_s));
    }

    void ranksAndHeatmapAreSingleTests()
    {
        const Backtest::Search search = maSearch(walk(700, 1));
        const std::atomic<bool> cancel{false};
        std::atomic<std::size_t> lastDone{0};
        const auto results = Backtest::runSearch(search, cancel, [&](std::size_t done, std::size_t total) {
            QCOMPARE(total, std::size_t(6 * 7 * 3));
            lastDone = done;
        });
        QCOMPARE(results.size(), search.grid.size());
        QCOMPARE(lastDone.load(), search.grid.size());
        // fast 10 and 12 against slow 10: refused (the fast average must be shorter), named, and left out of ranks.
        const auto refused = std::count_if(results.begin(), results.end(), [](const auto &r) { return !r.metrics; });
        QCOMPARE(refused, 3 * 1 + 3 * 1); // fast 10 / slow 10, fast 12 / slow 10, each with three stops
        QVERIFY(results[std::size_t(5 * 7 * 3)].error.startsWith(u"fast:"_s));
        const auto best = Backtest::ranked(results, Backtest::Objective::Sharpe);
        QCOMPARE(best.size(), results.size() - std::size_t(refused));
        for (std::size_t i = 0; i < best.size(); ++i) {
            const Backtest::Metrics m = single(search, best[i].values);
            QCOMPARE(*best[i].metrics->sharpe, *m.sharpe);
            QCOMPARE(best[i].metrics->totalReturn, m.totalReturn);
            if (i > 0)
                QVERIFY(*best[i - 1].metrics->sharpe >= *best[i].metrics->sharpe);
        }
        // The heatmap of fast × slow holds the best over the stops at each cell.
        const Backtest::Heatmap map = Backtest::heatmap(search.grid, results, Backtest::Objective::TotalReturn, 0, 1);
        QCOMPARE(map.xValues.size(), std::size_t(6));
        QCOMPARE(map.yValues.size(), std::size_t(7));
        for (std::size_t y = 0; y < map.yValues.size(); ++y)
            for (std::size_t x = 0; x < map.xValues.size(); ++x) {
                if (map.xValues[x] >= map.yValues[y]) {
                    QVERIFY(std::isnan(map.cells[y][x]));
                    continue;
                }
                double bestReturn = -1e300;
                for (const double stop : {2.0, 4.0, 6.0})
                    bestReturn =
                        std::max(bestReturn, single(search, {map.xValues[x], map.yValues[y], stop}).totalReturn);
                QCOMPARE(map.cells[y][x], bestReturn);
            }
    }

    void cancelStopsTheWorkers()
    {
        Backtest::Search search = maSearch(walk(3000, 2));
        search.grid = *Backtest::Grid::of({Backtest::Axis{u"fast"_s, 2, 60, 1}, Backtest::Axis{u"slow"_s, 70, 130, 1}});
        std::atomic<bool> cancel{false};
        std::atomic<int> calls{0};
        auto future = QtConcurrent::run([&] {
            return Backtest::runSearch(search, cancel, [&](std::size_t, std::size_t) {
                ++calls;
                cancel = true; // the first word of progress: stop
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
        const auto results = future.result();
        QVERIFY(calls.load() >= 1);
        QVERIFY2(results.size() < search.grid.size() / 2, qPrintable(QString::number(results.size())));
        for (const auto &r : results)
            QVERIFY(r.metrics || !r.error.isEmpty());
    }

    void walkForwardTestsOnlyUnseenBars()
    {
        Backtest::Search search = maSearch(walk(900, 3));
        search.grid = *Backtest::Grid::of({Backtest::Axis{u"fast"_s, 2, 8, 2}, Backtest::Axis{u"slow"_s, 10, 30, 10}});
        Backtest::WalkForwardSpec spec;
        spec.inSampleBars = 300;
        spec.outOfSampleBars = 100;
        spec.objective = Backtest::Objective::TotalReturn;
        const std::atomic<bool> cancel{false};
        const auto result = Backtest::walkForward(search, spec, cancel);
        QVERIFY(result);
        QCOMPARE(result->folds.size(), std::size_t(6));
        const Backtest::BarColumns &bars = search.series.front()->bars();
        double equity = 100'000;
        std::size_t point = 0;
        for (std::size_t f = 0; f < result->folds.size(); ++f) {
            const Backtest::Fold &fold = result->folds[f];
            QCOMPARE(fold.inSample.from, bars.time[f * 100]);
            QCOMPARE(fold.inSample.to, bars.time[f * 100 + 300]);
            QCOMPARE(fold.outOfSample.from, fold.inSample.to); // right after, never inside
            // The fold's choice is the in-sample search's best, and its test the single test of it out of sample.
            Backtest::Search inSample = search;
            inSample.span = fold.inSample;
            const auto best = Backtest::ranked(Backtest::runSearch(inSample, cancel), spec.objective);
            QCOMPARE(fold.best, best.front().values);
            QJsonObject json = search.strategy;
            json = *Backtest::withParameter(json, u"fast"_s, fold.best[0]);
            json = *Backtest::withParameter(json, u"slow"_s, fold.best[1]);
            Backtest::SeriesCache cache(std::make_shared<Backtest::BarColumns>(bars));
            Backtest::Settings settings;
            settings.startingCash = equity;
            const Backtest::Report out =
                Backtest::run(*Backtest::strategyFromJson(json), {&cache}, settings, fold.outOfSample);
            QCOMPARE(fold.outOfSampleMetrics.endEquity, out.metrics.endEquity);
            for (const Backtest::EquityPoint &p : out.equity) {
                QVERIFY(p.time >= fold.outOfSample.from && p.time < fold.outOfSample.to);
                QCOMPARE(result->equity[point++].equity, p.equity);
            }
            equity = out.metrics.endEquity;
        }
        QCOMPARE(point, result->equity.size());
        QCOMPARE(result->equity.size(), std::size_t(600)); // the last fold runs to the end
        QCOMPARE(result->metrics.endEquity, equity);
        QVERIFY(!Backtest::walkForward(search, {1000, 100, spec.objective}, cancel));
    }

    void reliabilityCountsMovesAfterSignals()
    {
        // Closes 10, 12, 9, 13, 8, 14: "close crossing up 11" speaks at bars 1, 3 and 5; two bars after the first
        // two the close is higher (13 after 12, 14 after 13); the third has no two bars after it (not counted).
        auto bars = std::make_shared<Backtest::BarColumns>();
        bars->symbol = u"REL"_s;
        const double closes[] = {10, 12, 9, 13, 8, 14};
        for (std::size_t i = 0; i < 6; ++i)
            bars->append(Bars::Bar{Start + Model::TimestampUs(i) * Day, Start + Model::TimestampUs(i + 1) * Day,
                                   closes[i], closes[i], closes[i], closes[i], 1, 1});
        Backtest::SeriesCache cache(bars);
        Alerts::Definition up;
        up.name = u"Up through 11"_s;
        up.right = Alerts::Operand::constant(11);
        Alerts::Definition any = up;
        any.name = u"Either way"_s;
        any.op = Alerts::Operator::Crossing;
        Signals::RuleConfig noRules;
        noRules.rsiTrend = noRules.maCross = noRules.priceMove = false;
        const auto rows = Backtest::reliability(cache, noRules, {}, {up, any}, 2);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].name, u"Up through 11"_s);
        QCOMPARE(rows[0].side, Model::SignalSide::Buy);
        QCOMPARE(rows[0].signals, 2);
        QCOMPARE(rows[0].hits, 2);
        QCOMPARE(*rows[0].hitRate, 1.0);
        QVERIFY(std::fabs(*rows[0].averageMovePercent - ((13.0 / 12 - 1) + (14.0 / 13 - 1)) / 2 * 100) < 1e-9);
        QCOMPARE(rows[1].side, Model::SignalSide::Alert);
        QCOMPARE(rows[1].signals, 3); // bars 1, 2 and 3 (bar 4's is too near the end)
    }

    void savedStrategiesKeepTheirForm()
    {
        QTemporaryDir dir;
        auto db = Storage::SqliteDatabase::open(dir.filePath(u"s.sqlite"_s));
        QVERIFY(db);
        QVERIFY(Storage::Schema::migrate(**db));
        QJsonObject json = Backtest::presetJson(u"ma_cross"_s);
        json.insert(u"stop_loss_percent"_s, 2);
        const auto id = Storage::StrategyStore::save(**db, u"Cross with stop"_s, json, 1);
        QVERIFY(id);
        json.insert(u"fast"_s, 5);
        QCOMPARE(*Storage::StrategyStore::save(**db, u"Cross with stop"_s, json, 2), *id); // replaced, same id
        const auto saved = Storage::StrategyStore::named(**db, u"Cross with stop"_s);
        QVERIFY(saved && *saved);
        QCOMPARE((*saved)->definition, json);
        QCOMPARE((*saved)->updatedUs, 2);
        QCOMPARE(Storage::StrategyStore::all(**db)->size(), std::size_t(1));
        QVERIFY(*Storage::StrategyStore::remove(**db, u"Cross with stop"_s));
        QVERIFY(!*Storage::StrategyStore::remove(**db, u"Cross with stop"_s));
        QVERIFY(!Storage::StrategyStore::named(**db, u"Cross with stop"_s)->has_value());
    }

    void ruleTestedOverARecordedFeedGivesTheLiveSignals()
    {
        // A noisy feed through the engine (rules on 1m bars), then each rule run by the tester over the stored
        // 1m bars: the same buys and sells at the same bars.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"live.sqlite"_s);
        auto writer = Storage::StorageWriter::open({path});
        QVERIFY(writer);
        Pipeline::PipelineOptions options;
        options.shards = 1;
        options.rules.rsiBuyBelow = 40;
        options.rules.rsiSellAbove = 60;
        options.rules.cooldownSeconds = 120;
        options.indicators.crossFast = 3;
        options.indicators.crossSlow = 8;
        options.indicators.rsi = 6;
        options.indicators.sma = 5;
        options.indicators.ema = 9;
        auto pipeline = std::make_unique<Pipeline::Pipeline>(options, **writer);
        QVERIFY(pipeline->warmStart(path).ok());
        pipeline->start();
        const Model::TimestampUs start = 1'764'000'000'000'000LL; // far past: bars close by the next record
        QRandomGenerator random(17);
        double price = 100;
        Model::RecordBatch batch;
        for (int i = 0; i < 4 * 900; ++i) { // four records a minute for 900 minutes
            Model::Tick t;
            Model::Symbol::parse("FEED", t.symbol);
            t.timestamp = start + Model::TimestampUs(i) * 15'000'000;
            t.open = price;
            price *= 1 + (random.generateDouble() - 0.5) * 0.01;
            t.close = price;
            t.high = std::max(t.open, t.close);
            t.low = std::min(t.open, t.close);
            t.volume = 10;
            batch.push_back(t);
            if (batch.size() == 400) {
                QVERIFY(TestFeed::committed(*pipeline, std::move(batch)));
                batch.clear();
            }
        }
        QVERIFY(TestFeed::committed(*pipeline, std::move(batch)));
        pipeline->stop();
        (*writer)->stop();
        pipeline.reset();
        writer->reset();

        auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db);
        auto st = (*db)->prepare("SELECT ts_us, rule, side FROM signals WHERE symbol = 'FEED' ORDER BY ts_us, id");
        QVERIFY(st);
        QStringList live;
        while (st->step() == Storage::Step::Row)
            live << u"%1 %2 %3"_s.arg(st->columnInt64(0)).arg(st->columnText(1), st->columnText(2));
        Backtest::BarRequest request;
        request.symbols = {u"FEED"_s};
        request.timeframe = Bars::Timeframe::minutes(1);
        auto bars = Backtest::loadBars(path, request);
        QVERIFY(bars);
        // The last bar closes by the clock only (no record came after it): it is left out of both sides.
        QCOMPARE(bars->front()->size(), std::size_t(900));
        const Model::TimestampUs lastBar = bars->front()->time.back();
        live.removeIf([&](const QString &s) { return s.section(u' ', 0, 0).toLongLong() >= lastBar; });
        Backtest::SeriesCache cache(std::make_shared<Backtest::BarColumns>(bars->front()->slice(0, 899)));
        QStringList tested;
        std::vector<std::pair<std::size_t, QString>> fires;
        for (const auto rule : {Signals::RuleEngine::RsiTrend, Signals::RuleEngine::MaCross})
            for (const auto side : {Model::SignalSide::Buy, Model::SignalSide::Sell}) {
                const auto c = Backtest::Condition::ofRule(rule, side, options.rules, options.indicators);
                const std::vector<bool> f = Backtest::firesOf(c, cache);
                for (std::size_t i = 0; i < f.size(); ++i)
                    if (f[i])
                        fires.push_back({i, u"%1 %2"_s.arg(QLatin1StringView(Signals::RuleEngine::ruleId(rule)),
                                                           QLatin1StringView(Model::sideName(side)))});
            }
        std::stable_sort(fires.begin(), fires.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[i, what] : fires)
            tested << u"%1 %2"_s.arg(cache.bars().time[i]).arg(what);
        live.removeIf([](const QString &s) { return s.contains(u"price_move"_s); });
        QVERIFY(live.size() > 10);
        // Same bars, and within a bar the same signals (the engine stores them in rule order).
        std::sort(live.begin(), live.end());
        std::sort(tested.begin(), tested.end());
        QCOMPARE(tested, live);
    }
};

QTEST_GUILESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
