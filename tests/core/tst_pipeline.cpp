// SPDX-License-Identifier: MIT
#include "HttpTestClient.h"
#include "api/Routes.h"
#include "bars/BarBuilder.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "ingest/IngestCounters.h"
#include "ingest/IngestEndpoint.h"
#include "model/SymbolMap.h"
#include "pipeline/ChartHistory.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/MetricsText.h"
#include "pipeline/Pipeline.h"
#include "storage/BarStore.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "util/CallerRuns.h"
#include "util/DeferredWakes.h"
#include "util/LatencyHistogram.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace {

/// Rules that look at every record, as most of these tests' signals expect.
Pipeline::PipelineOptions recordRules()
{
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record();
    return options;
}

Model::Symbol sym(const char *s)
{
    Model::Symbol out;
    Model::Symbol::parse(s, out);
    return out;
}

/// A record of `name` at a price of 100, `second` seconds into the test's day.
Model::Tick flatTick(const char *name, std::int64_t second)
{
    Model::Tick t;
    t.symbol = sym(name);
    t.open = t.high = t.low = t.close = 100;
    t.volume = 1;
    t.timestamp = 1'700'000'000'000'000LL + second * 1'000'000LL;
    return t;
}

/// A random walk per symbol, bars one second apart, with the odd jump and some news.
Model::RecordBatch market(int symbols, int barsPerSymbol, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0.0, 0.006);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<double> price(std::size_t(symbols), 100.0);
    Model::RecordBatch out;
    for (int i = 0; i < barsPerSymbol; ++i) {
        for (int s = 0; s < symbols; ++s) {
            Model::Tick t;
            Model::Symbol::parse(QByteArray("S" + QByteArray::number(s)).constData(), t.symbol);
            t.open = price[std::size_t(s)];
            double factor = std::exp(step(rng));
            if (unit(rng) < 0.01)
                factor *= unit(rng) < 0.5 ? 1.03 : 0.97;
            t.close = t.open * factor;
            t.high = std::max(t.open, t.close) * 1.001;
            t.low = std::min(t.open, t.close) * 0.999;
            t.volume = 100 + std::int64_t(rng() % 1000);
            t.timestamp = 1'700'000'000'000'000LL + i * 1'000'000LL;
            price[std::size_t(s)] = t.close;
            out.emplace_back(t);
            if (unit(rng) < 0.02) {
                Model::NewsSentimentEvent e;
                e.symbol = t.symbol;
                e.score = unit(rng) * 2 - 1;
                e.magnitude = unit(rng);
                e.timestamp = t.timestamp;
                out.emplace_back(e);
            }
        }
    }
    return out;
}

/// A storage writer and a pipeline on a temporary database, with the published signals collected.
struct Engine
{
    QTemporaryDir *dir;
    std::unique_ptr<Storage::StorageWriter> writer;
    std::unique_ptr<Pipeline::Pipeline> pipeline;
    QObject receiver;
    Model::SignalList published;
    std::atomic<int> acknowledged{0};
    QStringList errors;
    std::mutex errorsMutex;

    explicit Engine(QTemporaryDir &d)
        : dir(&d)
    {}
    QString path() const { return dir->filePath(u"engine.sqlite"_s); }

    bool start(Pipeline::PipelineOptions options, bool warm = false, Storage::WriterOptions storage = {})
    {
        storage.path = path();
        auto opened = Storage::StorageWriter::open(storage);
        if (!opened)
            return false;
        writer = std::move(*opened);
        pipeline = std::make_unique<Pipeline::Pipeline>(options, *writer);
        QObject::connect(pipeline.get(), &Pipeline::Pipeline::signalsPublished, &receiver,
                         [this](const Model::SignalList &s) { published += s; });
        if (warm && !pipeline->warmStart(path()).ok())
            return false;
        pipeline->start();
        return true;
    }

    Ingest::RecordSink::Submit submit(Model::RecordBatch batch)
    {
        return pipeline->submit(std::move(batch), 1, [this](const QString &error) {
            if (!error.isEmpty()) {
                std::lock_guard lock(errorsMutex);
                errors.append(error);
            }
            acknowledged.fetch_add(1);
        });
    }

    /// Feeds in batches of `chunk` and waits for every acknowledgement and queued signal.
    void feed(const Model::RecordBatch &all, std::size_t chunk)
    {
        int sent = acknowledged.load(); // everything before has been acknowledged already
        for (std::size_t i = 0; i < all.size(); i += chunk) {
            Model::RecordBatch part(all.begin() + std::ptrdiff_t(i),
                                    all.begin() + std::ptrdiff_t(std::min(all.size(), i + chunk)));
            while (submit(part) != Ingest::RecordSink::Submit::Accepted)
                QTest::qWait(1); // saturated: let the workers catch up
            ++sent;
        }
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged.load(), sent, 30000);
    }

    void stop()
    {
        if (pipeline)
            pipeline->stop();
        if (writer)
            writer->stop();
        QCoreApplication::processEvents(); // deliver signals queued before the stop
    }

    ~Engine() { stop(); }
};

/// Rules on bars of `timeframe`, closed only by records (the timer waits ten minutes for a quiet symbol).
Pipeline::PipelineOptions barRules(const Bars::Timeframe &timeframe)
{
    Pipeline::PipelineOptions options;
    options.rules.timeframe = timeframe;
    options.barCloseDelayMs = 600'000;
    return options;
}

/// The records of `input` that are ticks.
Model::RecordBatch ticksOf(const Model::RecordBatch &input)
{
    Model::RecordBatch out;
    for (const auto &r : input)
        if (Model::kindOf(r) == Model::RecordKind::Tick)
            out.push_back(r);
    return out;
}

QStringList describe(const Model::SignalList &signals)
{
    QStringList out;
    for (const auto &s : signals)
        out.append(
            u"%1 %2 %3 %4 %5"_s.arg(s.symbol.toString(), s.ruleName(), QString::fromLatin1(Model::sideName(s.side)))
                .arg(s.timestamp)
                .arg(s.reason));
    out.sort();
    return out;
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Model::SignalList>(); }
    void shardsAgreeWithOneShard();
    void signalsStoredBeforePublished();
    void perSymbolOrderUnderConcurrency_data();
    void perSymbolOrderUnderConcurrency();
    void idleShardRunsOnTheCallersThread();
    void requestsAfterStorageStoppedAreAnsweredWithAnError();
    void summaryCopyFollowsItsSource();
    void everyTouchedSymbolsSummaryIsPublished();
    void summaryPublishedMidRunTakesTheRunsLastRecord();
    void backPressureLosesNothingAcknowledged();
    void warmStartContinuesWhereItStopped();
    void rewarmKeepsTheSummaryPublished();
    void warmStartPastTheCapBringsBackTheLatest();
    void aggregatorOnKnownInput();
    void lateRecordsCountAsARestartCountsThem();
    void aLongSessionCountsWholeAfterARestart_data();
    void aLongSessionCountsWholeAfterARestart();
    void metricsOnKnownInput();
    void latencyBucketsAtTheirBounds();
    void lateRecordIsStoredButNeverLast();
    void symbolFloodStaysBounded();
    void summariesReadWhileSymbolsComeAndGo();
    void leastRecentlyUpdatedLeaveFirst();
    void idleSymbolsLeave();
    void symbolMapAgreesWithAHashMap();
    void symbolsCompareAndHashByTheirText();
    void rulesSpeakOnClosedBars();
    void quietSymbolsBarClosesByTimer();
    void warmStartContinuesAFormingBar();
    void newsSignalCarriesTheLastPrice();
};

void TestPipeline::shardsAgreeWithOneShard()
{
    const Model::RecordBatch input = market(24, 400, 42);
    QTemporaryDir oneDir;
    QTemporaryDir manyDir;
    Engine one(oneDir);
    Engine many(manyDir);
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 1;
    QVERIFY(one.start(options));
    options.shards = 4;
    QVERIFY(many.start(options));
    QCOMPARE(many.pipeline->shardCount(), 4);
    one.feed(input, 97);
    many.feed(input, 97);
    QTRY_COMPARE(many.published.size(), one.published.size());
    QVERIFY(one.published.size() > 20);
    QCOMPARE(describe(many.published), describe(one.published));

    const auto a = one.pipeline->summaries();
    const auto b = many.pipeline->summaries();
    QCOMPARE(a.size(), 24);
    QCOMPARE(b.size(), 24);
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(b[i].symbol, a[i].symbol);
        QCOMPARE(b[i].lastPrice, a[i].lastPrice);
        QCOMPARE(b[i].sessionVolume, a[i].sessionVolume);
        QCOMPARE(b[i].signalsBySide, a[i].signalsBySide);
        QCOMPARE(b[i].rsi, a[i].rsi);
    }
    QVERIFY(one.errors.isEmpty() && many.errors.isEmpty());
}

void TestPipeline::signalsStoredBeforePublished()
{
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(recordRules()));
    engine.feed(market(5, 300, 7), 50);
    QTRY_VERIFY(!engine.published.isEmpty());
    auto db = Storage::SqliteDatabase::open(engine.path(), Storage::SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    // Publication is queued to this thread: wait until every stored signal has come through.
    QTRY_COMPARE(qint64(engine.published.size()), (*db)->scalar("SELECT count(*) FROM signals"));
    for (const auto &s : engine.published) {
        QVERIFY(s.id > 0);
        QVERIFY(s.publishedNs >= s.receivedNs);
        auto q = (*db)->prepare("SELECT symbol, rule, side, reason, price FROM signals WHERE id = ?1");
        q->bind(1, std::int64_t(s.id));
        QCOMPARE(q->step(), Storage::Step::Row);
        QCOMPARE(q->columnText(0), s.symbol.toString());
        QCOMPARE(q->columnText(1), s.ruleName());
        QCOMPARE(q->columnText(2), QString::fromLatin1(Model::sideName(s.side)));
        QCOMPARE(q->columnText(3), s.reason);
        QCOMPARE(q->columnDouble(4), s.price);
    }
    QCOMPARE((*db)->scalar("SELECT count(*) FROM signals"), qint64(engine.published.size()));
}

void TestPipeline::perSymbolOrderUnderConcurrency_data()
{
    // Which of the four submitting threads may process records themselves while a shard is idle (as the HTTP
    // I/O threads do): none (every record queued for the shards' threads), two, all.
    QTest::addColumn<int>("callerRunsMask");
    QTest::addColumn<bool>("rounds");
    QTest::newRow("queued") << 0 << false;
    QTest::newRow("mixed") << 0b0101 << false;
    QTest::newRow("callers") << 0b1111 << false;
    // As an I/O thread submits a round's requests: the writer's wake-ups held back until the round ends, and
    // a writer's queue of 20 records, so that a caller processing records itself waits for room in it.
    QTest::newRow("callers in rounds") << 0b1111 << true;
}

void TestPipeline::perSymbolOrderUnderConcurrency()
{
    QFETCH(int, callerRunsMask);
    QFETCH(bool, rounds);
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 3;
    Storage::WriterOptions storage;
    if (rounds)
        storage.queueCapacity = 20;
    QVERIFY(engine.start(options, false, storage));
    // Four threads submit at once; each symbol's bars come from one thread in time order.
    std::vector<std::thread> threads;
    std::atomic<int> submitted{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Util::callerRuns() = (callerRunsMask >> t) & 1;
            std::optional<Util::DeferredWakes> round;
            for (int i = 0; i < 500; ++i) {
                if (rounds && i % 10 == 0)
                    round.emplace();
                Model::RecordBatch batch;
                for (int s = 0; s < 5; ++s) {
                    Model::Tick bar;
                    Model::Symbol::parse(
                        QByteArray("T" + QByteArray::number(t) + "S" + QByteArray::number(s)).constData(), bar.symbol);
                    bar.open = bar.high = bar.low = bar.close = 100;
                    bar.volume = i; // the sequence number
                    bar.timestamp = 1'700'000'000'000'000LL + i * 1000LL;
                    batch.emplace_back(bar);
                }
                while (engine.submit(batch) != Ingest::RecordSink::Submit::Accepted) {
                    round.reset(); // refused: the round ends (an I/O thread answers 503), then a retry
                    std::this_thread::yield();
                }
                submitted.fetch_add(1);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QTRY_COMPARE_WITH_TIMEOUT(engine.acknowledged.load(), 2000, 30000);
    auto db = Storage::SqliteDatabase::open(engine.path(), Storage::SqliteDatabase::Mode::ReadOnly);
    auto q = (*db)->prepare("SELECT symbol, volume FROM ticks ORDER BY id");
    std::map<QString, std::int64_t> last;
    int rows = 0;
    while (q->step() == Storage::Step::Row) {
        const QString symbol = q->columnText(0);
        const std::int64_t sequence = q->columnInt64(1);
        const auto it = last.find(symbol);
        QVERIFY2(it == last.end() || it->second + 1 == sequence,
                 qPrintable(u"%1: %2 after %3"_s.arg(symbol).arg(sequence).arg(it == last.end() ? -1 : it->second)));
        last[symbol] = sequence;
        ++rows;
    }
    QCOMPARE(rows, 10000);
    QCOMPARE(last.size(), std::size_t(20));
}

void TestPipeline::idleShardRunsOnTheCallersThread()
{
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(recordRules()));
    Model::Tick tick;
    Model::Symbol::parse("INLN", tick.symbol);
    tick.open = tick.high = tick.low = tick.close = 42;
    tick.volume = 7;
    tick.timestamp = 1'700'000'000'000'000LL;
    // On a thread that may, with the shard idle, the records are processed before submit() returns: the
    // summary is published at once (the shard's own thread would publish it a wake-up later).
    std::optional<Analytics::SymbolSummary> seen;
    std::thread caller([&] {
        Util::callerRuns() = true;
        if (engine.submit(Model::RecordBatch{tick}) == Ingest::RecordSink::Submit::Accepted)
            seen = engine.pipeline->summary(tick.symbol);
    });
    caller.join();
    QVERIFY(seen.has_value());
    QCOMPARE(seen->lastPrice, 42.0);
    QTRY_COMPARE(engine.acknowledged.load(), 1);
    QVERIFY(engine.errors.isEmpty());
}

void TestPipeline::requestsAfterStorageStoppedAreAnsweredWithAnError()
{
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options = recordRules();
    options.shards = 2;
    QVERIFY(engine.start(options));
    engine.writer->stop(); // the pipeline still takes records; the writer refuses them
    const auto tickOf = [](const char *name) {
        Model::Tick tick;
        Model::Symbol::parse(name, tick.symbol);
        tick.open = tick.high = tick.low = tick.close = 10;
        tick.volume = 1;
        tick.timestamp = 1'700'000'000'000'000LL;
        return tick;
    };
    // One record (one part, answered straight) and a request over both shards (parts sharing a tracker).
    Model::RecordBatch spread;
    for (const char *name : {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"})
        spread.push_back(tickOf(name));
    const auto shardOf = [](const Model::Record &r) {
        return Pipeline::Pipeline::shardOf(std::get<Model::Tick>(r).symbol, 2);
    };
    QVERIFY(std::any_of(spread.begin(), spread.end(), [&](const auto &r) { return shardOf(r) != shardOf(spread[0]); }));
    QCOMPARE(engine.submit(Model::RecordBatch{tickOf("ONE")}), Ingest::RecordSink::Submit::Accepted);
    QCOMPARE(engine.submit(spread), Ingest::RecordSink::Submit::Accepted);
    // Each request is answered once, with the reason, and nothing is published.
    QTRY_COMPARE(engine.acknowledged.load(), 2);
    std::lock_guard lock(engine.errorsMutex);
    QCOMPARE(engine.errors, QStringList({u"storage is shutting down"_s, u"storage is shutting down"_s}));
    QVERIFY(engine.published.isEmpty());
}

void TestPipeline::summaryCopyFollowsItsSource()
{
    // A published copy is reused batch after batch: it takes every figure, and the last signal's text when
    // that changed (sharing it, not copying the characters).
    Analytics::SymbolSummary source, copy;
    Model::Tick tick = flatTick("COPY", 1);
    tick.close = tick.high = 101.5;
    source.addTick(tick, Bars::Session());
    copy.assign(source);
    QCOMPARE(copy.symbol, sym("COPY"));
    QCOMPARE(copy.lastPrice, 101.5);
    QCOMPARE(copy.totalTicks, 1);
    QVERIFY(copy.lastSignal.isNull());

    Model::TradeSignal buy;
    buy.symbol = tick.symbol;
    buy.side = Model::SignalSide::Buy;
    buy.timestamp = tick.timestamp;
    source.addSignal(buy, 0);
    source.rsi = 28.5;
    copy.assign(source);
    QCOMPARE(copy.lastSignal, source.lastSignal);
    QVERIFY(copy.lastSignal.startsWith(u"buy"));
    QVERIFY(copy.lastSignal.isSharedWith(source.lastSignal));
    QCOMPARE(copy.rsi, std::optional(28.5));
    QCOMPARE(copy.signalsBySide[std::size_t(Model::SignalSide::Buy)], 1);

    Model::TradeSignal sell = buy;
    sell.side = Model::SignalSide::Sell;
    source.addSignal(sell, 1);
    copy.assign(source);
    QVERIFY(copy.lastSignal.startsWith(u"sell"));
    QCOMPARE(copy.signalsByRule, source.signalsByRule);

    // Another symbol's summary into the same copy (a slot taken over) leaves nothing of the first.
    Analytics::SymbolSummary other;
    other.addTick(flatTick("OTHER", 5), Bars::Session());
    copy.assign(other);
    QCOMPARE(copy.symbol, sym("OTHER"));
    QCOMPARE(copy.lastPrice, 100.0);
    QVERIFY(copy.lastSignal.isNull());
    QCOMPARE(copy.signalsBySide, other.signalsBySide);

    // The signal figures are copied only when they changed: a symbol with as many signal changes as the
    // copy's last one still brings its own, and a record without a signal brings its price alone.
    copy.assign(source);
    Analytics::SymbolSummary third;
    third.addTick(flatTick("THIRD", 6), Bars::Session());
    Model::TradeSignal thirdSignal = sell;
    thirdSignal.symbol = third.symbol;
    third.addSignal(thirdSignal, 2);
    third.addSignal(thirdSignal, 2);
    QCOMPARE(third.signalChanges, source.signalChanges);
    copy.assign(third);
    QCOMPARE(copy.signalsByRule, third.signalsByRule);
    QCOMPARE(copy.signalsBySide, third.signalsBySide);
    QCOMPARE(copy.lastSignal, third.lastSignal);
    third.addTick(flatTick("THIRD", 7), Bars::Session());
    copy.assign(third);
    QCOMPARE(copy.totalTicks, 2);
    QCOMPARE(copy.signalsByRule, third.signalsByRule);
}

void TestPipeline::everyTouchedSymbolsSummaryIsPublished()
{
    // Batches that touch hundreds of symbols each (the published copies are written several symbols at a
    // time): after every batch each symbol's summary has its own latest price and count.
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.shards = 2;
    QVERIFY(engine.start(options));
    constexpr int Symbols = 300;
    std::vector<QByteArray> names;
    for (int i = 0; i < Symbols; ++i)
        names.push_back("P" + QByteArray::number(i));
    for (int round = 1; round <= 4; ++round) {
        Model::RecordBatch batch;
        for (int i = 0; i < Symbols; ++i) {
            Model::Tick tick = flatTick(names[std::size_t(i)].constData(), round);
            tick.close = tick.high = 100 + i + round / 10.0;
            batch.push_back(tick);
        }
        engine.feed(batch, batch.size());
        const Analytics::SummaryList summaries = engine.pipeline->summaries();
        QCOMPARE(summaries.size(), Symbols);
        for (const Analytics::SymbolSummary &summary : summaries) {
            const int i = summary.symbol.toString().mid(1).toInt();
            QCOMPARE(summary.lastPrice, 100 + i + round / 10.0);
            QCOMPARE(summary.totalTicks, round);
        }
    }
}

void TestPipeline::summaryPublishedMidRunTakesTheRunsLastRecord()
{
    // Summaries are published a few symbols at a time as a batch goes on. Runs of one symbol's records of
    // every length from 1 to 40, in one batch on one shard, so that a publication falls inside runs and right
    // after them; each symbol comes back once more at the end. Every summary has its last record and count.
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.shards = 1;
    QVERIFY(engine.start(options));
    constexpr int Symbols = 40;
    Model::RecordBatch batch;
    int second = 0;
    const auto add = [&](int i, double price) {
        Model::Tick tick = flatTick(QByteArray("R" + QByteArray::number(i)).constData(), ++second);
        tick.close = tick.high = price;
        batch.push_back(tick);
    };
    for (int i = 0; i < Symbols; ++i)
        for (int r = 0; r <= i; ++r)
            add(i, 100 + i + r / 100.0);
    for (int i = 0; i < Symbols; i += 3)
        add(i, 500 + i);
    engine.feed(batch, batch.size());
    const Analytics::SummaryList summaries = engine.pipeline->summaries();
    QCOMPARE(summaries.size(), Symbols);
    for (const Analytics::SymbolSummary &summary : summaries) {
        const int i = summary.symbol.toString().mid(1).toInt();
        const bool again = i % 3 == 0;
        QCOMPARE(summary.totalTicks, i + 1 + (again ? 1 : 0));
        QCOMPARE(summary.lastPrice, again ? 500.0 + i : 100 + i + i / 100.0);
        QCOMPARE(engine.pipeline->summary(summary.symbol)->totalTicks, summary.totalTicks);
    }
}

void TestPipeline::backPressureLosesNothingAcknowledged()
{
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 2;
    options.shardQueueCapacity = 50;
    Storage::WriterOptions storage;
    storage.queueCapacity = 100;
    QVERIFY(engine.start(options, false, storage));
    // Another connection holds the write lock: the writer stalls, then the shards, then ingest.
    auto blocker = Storage::SqliteDatabase::open(engine.path());
    QVERIFY((*blocker)->exec("BEGIN IMMEDIATE").ok());
    const Model::RecordBatch input = market(4, 200, 3);
    int accepted = 0;
    int saturated = 0;
    std::size_t i = 0;
    for (; i < input.size() && saturated == 0; i += 10) {
        Model::RecordBatch part(input.begin() + std::ptrdiff_t(i),
                                input.begin() + std::ptrdiff_t(std::min(input.size(), i + 10)));
        const auto outcome = engine.submit(part);
        if (outcome == Ingest::RecordSink::Submit::Accepted)
            ++accepted;
        else
            ++saturated;
    }
    QCOMPARE(saturated, 1);
    QVERIFY(accepted > 0);
    QCOMPARE(engine.acknowledged.load(), 0); // nothing acknowledged while nothing is committed
    QVERIFY((*blocker)->exec("COMMIT").ok());
    QTRY_COMPARE_WITH_TIMEOUT(engine.acknowledged.load(), accepted, 30000);
    QVERIFY(engine.errors.isEmpty());
    // Every acknowledged record is in the database: the accepted batches are the first `accepted` ones.
    qint64 expectedTicks = 0;
    for (std::size_t j = 0; j < std::size_t(accepted) * 10 && j < input.size(); ++j)
        expectedTicks += Model::kindOf(input[j]) == Model::RecordKind::Tick ? 1 : 0;
    QCOMPARE((*blocker)->scalar("SELECT count(*) FROM ticks"), expectedTicks);
}

void TestPipeline::lateRecordIsStoredButNeverLast()
{
    // 40 one-minute bars from 16:40 UTC, 20 from 17:50, then one stamped 17:25 at another price.
    const Model::TimestampUs day = 1'795'910'400'000'000LL; // a midnight UTC
    const auto minute = [day](int h, int m) { return day + (Model::TimestampUs(h) * 60 + m) * 60'000'000LL; };
    const auto bar = [](Model::TimestampUs time, double price) {
        Model::Tick t;
        t.symbol = sym("LATE");
        t.open = t.close = price;
        t.high = price + 0.5;
        t.low = price - 0.5;
        t.volume = 1000;
        t.timestamp = time;
        return Model::Record(t);
    };
    Model::RecordBatch early, later;
    for (int i = 0; i < 40; ++i)
        early.push_back(bar(minute(16, 40 + i), 100 + i * 0.1));
    for (int i = 0; i < 20; ++i)
        later.push_back(bar(minute(17, 50 + i), 110 + i * 0.1));

    QTemporaryDir dir;
    auto opened = Storage::StorageWriter::open({dir.filePath(u"late.sqlite"_s)});
    QVERIFY(opened);
    auto writer = std::move(*opened);
    Pipeline::LiveFeed feed;
    Pipeline::Pipeline pipeline({}, *writer, &feed);
    pipeline.start();
    std::atomic<int> done{0};
    const auto submit = [&](Model::RecordBatch batch) {
        QCOMPARE(pipeline.submit(std::move(batch), 1, [&done](const QString &) { ++done; }),
                 Ingest::RecordSink::Submit::Accepted);
    };
    submit(early);
    submit(later);
    submit({bar(minute(17, 25), 51.0)});
    QTRY_COMPARE(done.load(), 3);

    const auto summary = pipeline.summary(sym("LATE"));
    QVERIFY(summary);
    QCOMPARE(summary->lastPrice, 111.9);
    QCOMPARE(summary->lastTickTime, minute(18, 9));
    // Traded in the session, the late record counts in its volume, high and low (as a start reading the
    // stored records counts it), but never as its last price.
    QCOMPARE(summary->sessionLow, 50.5);
    QCOMPARE(summary->sessionVolume, 61'000);
    QCOMPARE(pipeline.metrics().late.load(), std::uint64_t(1));
    std::deque<Pipeline::LiveBar> bars;
    std::deque<Pipeline::LiveEvent> events;
    feed.take(bars, events);
    // The window is sent every record, the late one too: each chart's bars decide what it is for them.
    QCOMPARE(bars.size(), std::size_t(61));
    QCOMPARE(bars[59].bar.close, 111.9);
    QCOMPARE(bars.back().bar.timestamp, minute(17, 25));

    // Stored as sent; read back for a chart, the bars are the ones built live, so the late record is not
    // among them, in any timeframe.
    auto stored = Storage::SqliteDatabase::open(writer->path(), Storage::SqliteDatabase::Mode::ReadOnly);
    QVERIFY(stored);
    QCOMPARE((*stored)->scalar("SELECT count(*) FROM ticks WHERE symbol = 'LATE'", -1), 61);
    auto history = Pipeline::loadChartHistory(writer->path(), u"LATE"_s, Bars::Timeframe::record(), 120, {});
    QVERIFY2(history, qPrintable(history.error()));
    QCOMPARE(history->bars.size(), std::size_t(60));
    QCOMPARE(history->bars.back().bar.timestamp, minute(18, 9));
    QCOMPARE(history->bars.back().bar.close, 111.9);
    history = Pipeline::loadChartHistory(writer->path(), u"LATE"_s, Bars::Timeframe::hours(1), 120, {});
    QVERIFY2(history, qPrintable(history.error()));
    QCOMPARE(history->bars.size(), std::size_t(3)); // 16:00, 17:00 and 18:00, still forming
    QCOMPARE(history->bars.front().bar.low, 99.5);
    QCOMPARE(history->bars.back().bar.timestamp, minute(18, 0));
    QCOMPARE(history->bars.back().bar.close, 111.9);
    QVERIFY(std::is_sorted(history->bars.begin(), history->bars.end(),
                           [](const auto &a, const auto &b) { return a.bar.timestamp < b.bar.timestamp; }));
    const Ingest::IngestCounters counters;
    const QByteArray metrics = Pipeline::prometheusText(counters, *writer, pipeline);
    QVERIFY(metrics.contains("tickdesk_records_late_total 1"));
    QVERIFY(metrics.contains("tickdesk_bars_to_merge 0"));
    pipeline.stop();
    writer->stop();
}

void TestPipeline::symbolFloodStaysBounded()
{
    // A symbol with history, then a flood of 5,000 others: memory holds at most the cap, and the first symbol,
    // back after it was evicted, carries on exactly as an engine that never let it go.
    const auto bar = [](const QByteArray &name, int i, double price) {
        Model::Tick t;
        Model::Symbol::parse(name.constData(), t.symbol);
        t.open = t.close = price;
        t.high = price + 0.5;
        t.low = price - 0.5;
        t.volume = 100 + i;
        t.timestamp = 1'700'000'000'000'000LL + i * 1'000'000LL;
        return Model::Record(t);
    };
    Model::RecordBatch history;
    for (int i = 0; i < 100; ++i)
        history.push_back(bar("KEEP", i, 100 + std::sin(i / 5.0) * 3));
    Model::RecordBatch flood;
    for (int s = 0; s < 5000; ++s)
        flood.push_back(bar("F" + QByteArray::number(s), 200, 50));
    const Model::RecordBatch back{bar("KEEP", 300, 104)};

    QTemporaryDir boundedDir;
    Engine bounded(boundedDir);
    Pipeline::PipelineOptions options;                   // shards: one per core, as the app runs
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.maxSymbols = 100;
    QVERIFY(bounded.start(options, true)); // warmStart tells the shards where evicted symbols come back from
    bounded.feed(history, 50);
    bounded.feed(flood, 500);
    QVERIFY(bounded.pipeline->activeSymbols() <= 100);
    QVERIFY(bounded.pipeline->summaries().size() <= 100);
    QVERIFY(bounded.pipeline->evictedSymbols() >= 4900);
    QVERIFY(!bounded.pipeline->summary(sym("KEEP"))); // gone from memory ...
    bounded.feed(back, 1);
    const auto returned = bounded.pipeline->summary(sym("KEEP")); // ... and back, read from the database
    QVERIFY(returned);

    QTemporaryDir wholeDir;
    Engine whole(wholeDir);
    options.maxSymbols = 1'000'000;
    QVERIFY(whole.start(options, true));
    whole.feed(history, 50);
    whole.feed(flood, 500);
    whole.feed(back, 1);
    const auto kept = whole.pipeline->summary(sym("KEEP"));
    QVERIFY(kept);
    QVERIFY(returned->rsi && kept->rsi);
    QVERIFY2(std::fabs(*returned->rsi - *kept->rsi) < 1e-9,
             qPrintable(u"RSI %1 after eviction vs %2 kept"_s.arg(*returned->rsi).arg(*kept->rsi)));
    QCOMPARE(returned->lastPrice, kept->lastPrice);
    QCOMPARE(returned->sessionHigh, kept->sessionHigh);
    QCOMPARE(returned->totalTicks, kept->totalTicks);
    QCOMPARE(describe(bounded.published), describe(whole.published)); // the same signals, too
}

void TestPipeline::summariesReadWhileSymbolsComeAndGo()
{
    // Other threads read the summaries from the symbols' states while the shards add symbols, evict them past
    // the cap and read them back: every summary read is whole (its symbol and its records), never a slot
    // caught between its state leaving and its removal.
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.shards = 2;
    options.maxSymbols = 64;
    QVERIFY(engine.start(options, true));
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::atomic<int> broken{0};
    std::thread reader([&] {
        while (!done.load()) {
            for (const Analytics::SymbolSummary &summary : engine.pipeline->summaries())
                if (summary.symbol.isEmpty() || summary.totalTicks < 1)
                    broken.fetch_add(1);
            if (const auto one = engine.pipeline->summary(sym("C7")); one && one->symbol != sym("C7"))
                broken.fetch_add(1);
            reads.fetch_add(1);
        }
    });
    for (int round = 1; round <= 6; ++round) {
        Model::RecordBatch batch;
        for (int i = 0; i < 400; ++i)
            batch.push_back(
                flatTick(QByteArray("C" + QByteArray::number((i * 7 + round) % 300)).constData(), round * 1000 + i));
        engine.feed(batch, 50);
    }
    QTRY_VERIFY(reads.load() > 0);
    done = true;
    reader.join();
    QCOMPARE(broken.load(), 0);
    QVERIFY(engine.pipeline->evictedSymbols() > 0);
    QVERIFY(engine.pipeline->summaries().size() <= 64);
}

void TestPipeline::leastRecentlyUpdatedLeaveFirst()
{
    // Past the cap the symbols updated longest ago leave memory, exactly in that order: random batches over 600
    // symbols against a list kept in order of use (the newest last), trimmed to the cap after each batch. The cap
    // of 200 has eviction pick a dozen oldest at a time, some of them updated again before their turn comes.
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.shards = 1;
    options.maxSymbols = 200;
    QVERIFY(engine.start(options));
    std::mt19937 random(17);
    std::vector<QByteArray> inUse; // least recently updated first
    std::int64_t seconds = 0;
    for (int round = 0; round < 150; ++round) {
        Model::RecordBatch batch;
        const int size = 1 + int(random() % 40);
        for (int i = 0; i < size; ++i) {
            // Mostly one of those in memory or just gone, now and then one long gone or new.
            const int pick = random() % 4 == 0 ? int(random() % 600) : int(random() % 230);
            const QByteArray name = "U" + QByteArray::number(pick);
            batch.push_back(flatTick(name.constData(), ++seconds));
            std::erase(inUse, name);
            inUse.push_back(name);
        }
        engine.feed(batch, batch.size());
        if (inUse.size() > 200)
            inUse.erase(inUse.begin(), inUse.end() - 200);
        QStringList expected, held;
        for (const QByteArray &name : inUse)
            expected.append(QString::fromLatin1(name));
        for (const Analytics::SymbolSummary &summary : engine.pipeline->summaries())
            held.append(summary.symbol.toString());
        expected.sort();
        held.sort();
        QCOMPARE(held, expected);
    }
    QVERIFY(engine.pipeline->evictedSymbols() > 400);
}

void TestPipeline::idleSymbolsLeave()
{
    // A symbol without a record for longer than the idle time leaves memory (and the summaries); one that keeps
    // trading stays. Records of the busy one are sent until the idle one is gone.
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions options;
    options.shards = 1;
    options.idleSymbolSeconds = 2;
    QVERIFY(engine.start(options));
    engine.feed({flatTick("IDLE", 0), flatTick("BUSY", 0)}, 2);
    QVERIFY(engine.pipeline->summary(sym("IDLE")));
    QDeadlineTimer deadline(20'000);
    int second = 0;
    while (engine.pipeline->summary(sym("IDLE")) && !deadline.hasExpired())
        engine.feed({flatTick("BUSY", ++second)}, 1);
    QVERIFY(!engine.pipeline->summary(sym("IDLE")));
    QVERIFY(engine.pipeline->summary(sym("BUSY")));
    QCOMPARE(engine.pipeline->evictedSymbols(), 1u);
    QCOMPARE(engine.pipeline->activeSymbols(), 1u);
}

void TestPipeline::rewarmKeepsTheSummaryPublished()
{
    // History merged into a symbol has its state read again; meanwhile the window must not lose its row.
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(recordRules(), true));
    Model::RecordBatch input;
    for (auto &r : market(2, 50, 5))
        if (Model::kindOf(r) == Model::RecordKind::Tick)
            input.push_back(r);
    engine.feed(input, 25);
    const Analytics::SummaryList before = engine.pipeline->summaries();
    QCOMPARE(before.size(), 2);
    std::vector<Model::Symbol> symbols;
    for (const auto &s : before)
        symbols.push_back(s.symbol);
    for (int i = 0; i < 200; ++i) {
        engine.pipeline->rewarm(symbols);
        QCOMPARE(engine.pipeline->summaries().size(), 2);
    }
    QTRY_COMPARE(engine.pipeline->queueDepths(), std::vector<std::size_t>(engine.pipeline->queueDepths().size(), 0));
    QCOMPARE(engine.pipeline->summaries().size(), 2);
    QCOMPARE(engine.pipeline->evictedSymbols(), 0u); // a re-read is no eviction
}

void TestPipeline::warmStartPastTheCapBringsBackTheLatest()
{
    // 40 symbols stored, room for 10 at a start: the 10 that traded last come back, whether their newest records
    // sit in blocks (a long run of one symbol goes straight there) or in the logs; the others come back when they
    // trade. Which is which has nothing to do with names or the order the symbols came in.
    QTemporaryDir dir;
    const auto name = [](int i) { return QByteArray("W" + QByteArray::number((i * 17) % 40)); };
    const auto isLatest = [](int i) { return i % 4 == 1; };
    {
        Engine first(dir);
        QVERIFY(first.start({}));
        Model::RecordBatch batch;
        for (int i = 0; i < 40; ++i) {
            // Every fourth symbol trades a day later; half of them, and half of the others, in long runs.
            const int runs = i % 8 < 4 ? 1 : int(Storage::BarStore::DirectRun) * 2;
            for (int r = 0; r < runs; ++r)
                batch.push_back(flatTick(name(i).constData(), (isLatest(i) ? 86'400 : 0) + i * 100 + r));
        }
        first.feed(batch, batch.size());
    }
    Engine second(dir);
    Pipeline::PipelineOptions options;
    options.shards = 1;
    options.maxSymbols = 10;
    QVERIFY(second.start(options, true));
    QCOMPARE(second.pipeline->warmedSymbols(), 10);
    QStringList expected, warmed;
    for (int i = 0; i < 40; ++i)
        if (isLatest(i))
            expected << QString::fromLatin1(name(i));
    for (const Analytics::SymbolSummary &summary : second.pipeline->summaries())
        warmed << summary.symbol.toString();
    expected.sort();
    warmed.sort();
    QCOMPARE(warmed, expected);
    // One left behind comes back from the database when it trades, with its stored record counted.
    second.feed({flatTick(name(2).constData(), 90'000)}, 1);
    const auto back = second.pipeline->summary(sym(name(2).constData()));
    QVERIFY(back);
    QCOMPARE(back->totalTicks, 2);
}

void TestPipeline::warmStartContinuesWhereItStopped()
{
    // Ticks only: the rules' state is rebuilt from bars, news is not replayed.
    Model::RecordBatch input;
    for (auto &r : market(6, 600, 11))
        if (Model::kindOf(r) == Model::RecordKind::Tick)
            input.push_back(r);
    const auto half = input.begin() + std::ptrdiff_t(input.size() / 2);

    QTemporaryDir wholeDir;
    Engine whole(wholeDir);
    QVERIFY(whole.start(recordRules()));
    whole.feed(input, 60);

    QTemporaryDir splitDir;
    Model::SignalList signals;
    {
        Engine first(splitDir);
        QVERIFY(first.start(recordRules()));
        first.feed(Model::RecordBatch(input.begin(), half), 60);
        QTRY_COMPARE(qint64(first.published.size()), qint64(first.writer->stats().storedSignals.load()));
        signals += first.published;
    }
    Engine second(splitDir);
    QVERIFY(second.start(recordRules(), true));
    QCOMPARE(second.pipeline->warmedSymbols(), 6);
    second.feed(Model::RecordBatch(half, input.end()), 60);
    QTRY_COMPARE(qint64(second.published.size()), qint64(second.writer->stats().storedSignals.load()));
    signals += second.published;

    QTRY_COMPARE(qint64(whole.published.size()), qint64(whole.writer->stats().storedSignals.load()));
    QVERIFY(whole.published.size() > 10);
    QCOMPARE(describe(signals), describe(whole.published));
    const auto a = whole.pipeline->summaries();
    const auto b = second.pipeline->summaries();
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QVERIFY(a[i].rsi && b[i].rsi);
        QVERIFY2(std::fabs(*a[i].rsi - *b[i].rsi) < 1e-9, qPrintable(u"%1 vs %2"_s.arg(*a[i].rsi).arg(*b[i].rsi)));
        QCOMPARE(b[i].lastPrice, a[i].lastPrice);
        QCOMPARE(b[i].lastSignal, a[i].lastSignal);
    }
    // A restart with nothing new still knows each symbol's last signal (the watchlist shows it).
    second.stop();
    Engine third(splitDir);
    QVERIFY(third.start(recordRules(), true));
    const auto c = third.pipeline->summaries();
    QCOMPARE(c.size(), a.size());
    int withSignal = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(c[i].symbol, a[i].symbol);
        QCOMPARE(c[i].lastSignal, a[i].lastSignal);
        QCOMPARE(c[i].lastSignalTime, a[i].lastSignalTime);
        withSignal += a[i].lastSignal.isEmpty() ? 0 : 1;
    }
    QVERIFY(withSignal > 0);
}

void TestPipeline::aggregatorOnKnownInput()
{
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(recordRules()));
    const double closes[] = {10, 11, 9, 12, 12.5};
    Model::RecordBatch batch;
    for (int i = 0; i < 5; ++i) {
        Model::Tick t;
        t.symbol = sym("AGG");
        t.open = i == 0 ? 10.0 : closes[i - 1];
        t.close = closes[i];
        t.high = std::max(t.open, t.close) + 0.5;
        t.low = std::min(t.open, t.close) - 0.5;
        t.volume = 100 * (i + 1);
        // The last bar is the next UTC day: a new session.
        t.timestamp = (i < 4 ? 1'700'000'000LL + i : 1'700'086'400LL) * 1'000'000;
        batch.emplace_back(t);
    }
    engine.feed(Model::RecordBatch(batch.begin(), batch.begin() + 4), 4);
    auto s = engine.pipeline->summary(sym("AGG"));
    QVERIFY(s);
    QCOMPARE(s->lastPrice, 12.0);
    QCOMPARE(s->sessionOpen, 10.0);
    QCOMPARE(s->changePercent(), 20.0);
    QCOMPARE(s->sessionHigh, 12.5);
    QCOMPARE(s->sessionLow, 8.5);
    QCOMPARE(s->sessionVolume, 1000);
    QCOMPARE(s->sessionTicks, 4);
    QCOMPARE(s->totalTicks, 4);
    QVERIFY(!s->rsi); // not enough bars yet

    engine.feed(Model::RecordBatch(batch.begin() + 4, batch.end()), 1);
    s = engine.pipeline->summary(sym("AGG"));
    QCOMPARE(s->sessionOpen, 12.0);
    QCOMPARE(s->sessionVolume, 500);
    QCOMPARE(s->sessionTicks, 1);
    QCOMPARE(s->totalTicks, 5);
    QVERIFY(!engine.pipeline->summary(sym("NONE")));
}

namespace {

/// The summary of `live`'s symbol as a start on the database in `dir` gives it.
std::optional<Analytics::SymbolSummary> restartedSummary(QTemporaryDir &dir, const Analytics::SymbolSummary &live)
{
    Engine restarted(dir);
    if (!restarted.start(recordRules(), true))
        return std::nullopt;
    return restarted.pipeline->summary(live.symbol);
}

/// Compares what the watchlist shows of a session: the restarted summary `s` against the live one.
void compareSession(const Analytics::SymbolSummary &s, const Analytics::SymbolSummary &live)
{
    QCOMPARE(s.lastPrice, live.lastPrice);
    QCOMPARE(s.sessionOpen, live.sessionOpen);
    QCOMPARE(s.sessionHigh, live.sessionHigh);
    QCOMPARE(s.sessionLow, live.sessionLow);
    QCOMPARE(s.sessionVolume, live.sessionVolume);
    QCOMPARE(s.sessionTicks, live.sessionTicks);
    QCOMPARE(s.changePercent(), live.changePercent());
}

} // namespace

void TestPipeline::lateRecordsCountAsARestartCountsThem()
{
    // A session of five records, then late ones: earlier in the same session (a new open, high and low) and
    // from the day before. The live figures are the ones a start reading the stored records arrives at.
    constexpr qint64 Day = 1'700'006'400LL; // a UTC midnight
    auto tick = [](qint64 seconds, double open, double close, double high, double low, qint64 volume) {
        Model::Tick t;
        t.symbol = sym("LATE");
        t.open = open;
        t.close = close;
        t.high = high;
        t.low = low;
        t.volume = volume;
        t.timestamp = seconds * 1'000'000;
        return t;
    };
    Model::RecordBatch inOrder;
    for (int i = 0; i < 5; ++i)
        inOrder.emplace_back(tick(Day + 3600 + i, 10 + i, 11 + i, 12 + i, 9 + i, 100));
    const Model::RecordBatch late = {tick(Day + 60, 7, 8, 30, 6, 50), tick(Day - 60, 1, 2, 99, 0.5, 1000)};

    QTemporaryDir dir;
    Analytics::SymbolSummary live;
    {
        Engine engine(dir);
        QVERIFY(engine.start(recordRules()));
        engine.feed(inOrder, 5);
        engine.feed(late, 1);
        const auto s = engine.pipeline->summary(sym("LATE"));
        QVERIFY(s);
        live = *s;
    }
    QCOMPARE(live.lastPrice, 15.0); // the latest record's close, not a late one's
    QCOMPARE(live.lastTickTime, (Day + 3604) * 1'000'000);
    QCOMPARE(live.sessionOpen, 7.0);
    QCOMPARE(live.sessionHigh, 30.0);
    QCOMPARE(live.sessionLow, 6.0);
    QCOMPARE(live.sessionVolume, 550);
    QCOMPARE(live.sessionTicks, 6);
    QCOMPARE(live.totalTicks, 7);

    const auto s = restartedSummary(dir, live);
    QVERIFY(s);
    compareSession(*s, live);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(s->lastTickTime, live.lastTickTime);
    QCOMPARE(s->totalTicks, live.totalTicks);
}

void TestPipeline::aLongSessionCountsWholeAfterARestart_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("sessionRecords");
    // 500 records, a second apart, across a UTC midnight (100 before it): in UTC the session is the last
    // 400; in New York, whose day began at 05:00 UTC the day before, it is all 500.
    QTest::newRow("UTC") << QString() << 400;
    QTest::newRow("New York") << u"America/New_York"_s << 500;
}

void TestPipeline::aLongSessionCountsWholeAfterARestart()
{
    // More records in the session than a start reads back to warm a symbol (300): its session figures count
    // them all after a restart, as they did live (from the kept daily bar).
    QFETCH(QString, zone);
    QFETCH(int, sessionRecords);
    constexpr qint64 Day = 1'700'006'400LL; // a UTC midnight
    constexpr int Records = 500;
    std::vector<Model::Tick> ticks;
    for (int i = 0; i < Records; ++i) {
        Model::Tick t;
        t.symbol = sym("LONG");
        t.open = 100 + (i % 50) * 0.1;
        t.close = t.open + 0.05;
        t.high = t.close + (i == 120 ? 10 : 0.1); // the session's high, long before the last 300
        t.low = t.open - (i == 130 ? 10 : 0.1);
        t.volume = 10 + i;
        t.timestamp = (Day - 100 + i) * 1'000'000;
        ticks.push_back(t);
    }
    const Model::RecordBatch records(ticks.begin(), ticks.end());
    Pipeline::PipelineOptions options = recordRules();
    options.sessionTimeZone = zone;
    Storage::WriterOptions storage;
    storage.sessionTimeZone = zone;
    QTemporaryDir dir;
    Analytics::SymbolSummary live;
    {
        Engine engine(dir);
        QVERIFY(engine.start(options, false, storage));
        engine.feed(records, 4);
        const auto s = engine.pipeline->summary(sym("LONG"));
        QVERIFY(s);
        live = *s;
    }
    const int first = Records - sessionRecords;
    QCOMPARE(live.sessionTicks, sessionRecords);
    QCOMPARE(live.sessionVolume, qint64(sessionRecords) * 10 + qint64(first + Records - 1) * sessionRecords / 2);
    QCOMPARE(live.sessionOpen, ticks[std::size_t(first)].open);
    QCOMPARE(live.sessionHigh, ticks[120].high);
    QCOMPARE(live.sessionLow, ticks[130].low);

    Engine restarted(dir);
    QVERIFY(restarted.start(options, true, storage));
    const auto s = restarted.pipeline->summary(live.symbol);
    QVERIFY(s);
    compareSession(*s, live);
    if (QTest::currentTestFailed())
        return;

    // The session goes on from there: a record later that day counts on top of the whole day.
    Model::Tick next = ticks.back();
    next.timestamp += 1'000'000;
    next.volume = 7;
    restarted.feed({next}, 1);
    QTRY_COMPARE(restarted.pipeline->summary(live.symbol)->sessionTicks, live.sessionTicks + 1);
    QCOMPARE(restarted.pipeline->summary(live.symbol)->sessionVolume, live.sessionVolume + 7);
}

void TestPipeline::latencyBucketsAtTheirBounds()
{
    // Buckets grow by 2^(1/4) from 1 µs: a duration goes to the first bucket whose upper bound it does not
    // exceed, as ceil(4 log2(ns / 1000)) would say, and anything past the last bound to the last bucket.
    using Util::LatencyHistogram;
    QCOMPARE(LatencyHistogram::bucketOf(0), 0);
    QCOMPARE(LatencyHistogram::bucketOf(1000), 0);
    QCOMPARE(LatencyHistogram::bucketOf(1001), 1);
    QCOMPARE(LatencyHistogram::bucketOf(1189), 1); // 1000 * 2^(1/4) = 1189.2
    QCOMPARE(LatencyHistogram::bucketOf(1190), 2);
    QCOMPARE(LatencyHistogram::bucketOf(2000), 4);
    QCOMPARE(LatencyHistogram::bucketOf(2001), 5);
    QCOMPARE(LatencyHistogram::bucketOf(1'000'000), 40);
    QCOMPARE(LatencyHistogram::bucketOf(std::numeric_limits<std::int64_t>::max()), LatencyHistogram::Buckets - 1);
    for (std::int64_t ns = 1001; ns < 400'000'000'000; ns = ns * 1013 / 1000 + 7) {
        const int expected =
            std::min(int(std::ceil(4.0 * std::log2(double(ns) / 1000.0))), LatencyHistogram::Buckets - 1);
        QCOMPARE(LatencyHistogram::bucketOf(ns), expected);
    }

    LatencyHistogram histogram;
    histogram.observe(-5); // a clock that went back counts as no time
    histogram.observe(1500);
    histogram.observe(1'000'000);
    QCOMPARE(histogram.count(), 3u);
    QCOMPARE(histogram.quantileSeconds(0.3), LatencyHistogram::upperBoundSeconds(0));
    QCOMPARE(histogram.quantileSeconds(0.6), LatencyHistogram::upperBoundSeconds(3)); // 1.5 µs: 1.68 µs bound
    QCOMPARE(histogram.quantileSeconds(1.0), LatencyHistogram::upperBoundSeconds(40));
}

void TestPipeline::metricsOnKnownInput()
{
    QTemporaryDir dir;
    Engine engine(dir);
    Pipeline::PipelineOptions one;
    one.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    one.shards = 1;                                  // one storage job per request, whatever the hashing
    QVERIFY(engine.start(one));
    Ingest::IngestEndpoint endpoint(*engine.pipeline);
    Http::HttpRouter router;
    Api::RouteSources routes;
    routes.ingest = &endpoint;
    routes.metrics = [&] { return Pipeline::prometheusText(endpoint.counters(), *engine.writer, *engine.pipeline); };
    Api::installRoutes(router, routes);
    Http::ServerOptions options;
    options.port = 0;
    Http::HttpServer server(options, router);
    QVERIFY(server.start().ok());

    // 30 flat bars then a 5 % jump: exactly one price_move alert; plus one of each metadata kind and one bad request.
    QByteArray body = "[";
    for (int i = 0; i <= 30; ++i) {
        const QByteArray price = i < 30 ? "100" : "105";
        body += (i ? "," : "") + QByteArray("{\"stock_symbol\":\"MET\",\"opening_price\":") + price +
                ",\"closing_price\":" + price + ",\"high\":" + price + ",\"low\":" + price +
                ",\"volume\":10,\"timestamp\":" + QByteArray::number(1700000000 + i) + "}";
    }
    body += ",{\"data_type\":\"order_book\",\"timestamp\":1,\"stock_symbol\":\"MET\",\"order_type\":\"sell\","
            "\"price\":5,\"quantity\":1}"
            ",{\"data_type\":\"economic_indicator\",\"timestamp\":1,\"indicator_name\":\"CPI\",\"value\":2}]";
    TestHttp::Client client;
    QVERIFY(client.connectTo(server.port()));
    auto r = client.roundTrip(TestHttp::request("POST", "/ingest", body));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = client.roundTrip(TestHttp::request("POST", "/ingest", "{\"stock_symbol\":1}"));
    QCOMPARE(r->status, 400);
    QTRY_COMPARE(engine.published.size(), 1);
    r = client.roundTrip(TestHttp::request("GET", "/metrics", {}, {}));
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(r->headers.value("content-type").startsWith("text/plain; version=0.0.4"));
    const QByteArray &m = r->body;
    for (const char *line : {
             "tickdesk_ingest_requests_total 2\n",
             "tickdesk_records_received_total 33\n",
             "tickdesk_requests_rejected_total{reason=\"invalid\"} 1\n",
             "tickdesk_records_received_by_type_total{type=\"tick\"} 31\n",
             "tickdesk_records_received_by_type_total{type=\"order_book\"} 1\n",
             "tickdesk_records_received_by_type_total{type=\"economic_indicator\"} 1\n",
             "tickdesk_records_stored_total{type=\"tick\"} 31\n",
             "tickdesk_records_processed_total 33\n",
             "tickdesk_queue_depth{queue=\"storage\"} 0\n",
             "tickdesk_signals_total{rule=\"price_move\",side=\"alert\"} 1\n",
             "tickdesk_signals_total{rule=\"rsi_trend\",side=\"buy\"} 0\n",
             "tickdesk_receive_to_signal_seconds_count 1\n",
             "tickdesk_receive_to_stored_seconds_count 1\n",
             "# TYPE tickdesk_receive_to_signal_seconds histogram\n",
             "tickdesk_receive_to_signal_seconds_bucket{le=\"+Inf\"} 1\n",
         })
        QVERIFY2(m.contains(line), line);
    server.stopListening();
    engine.stop();
    server.stop();
}

QTEST_GUILESS_MAIN(TestPipeline)
void TestPipeline::symbolMapAgreesWithAHashMap()
{
    // The shards' and the writer's map of symbols against std::unordered_map, through growth, collisions and
    // erasures that shift probe runs back (and wrap around the array's end): 200,000 random steps over 3,000 names.
    std::mt19937_64 rng(5);
    std::vector<Model::Symbol> names(3000);
    for (std::size_t i = 0; i < names.size(); ++i)
        QVERIFY(Model::Symbol::parse(QByteArray("N" + QByteArray::number(qulonglong(i))).constData(), names[i]));
    Model::SymbolMap<std::int64_t> map;
    std::unordered_map<Model::Symbol, std::int64_t> expected;
    for (int step = 0; step < 200'000; ++step) {
        const Model::Symbol &name = names[rng() % names.size()];
        map.prefetch(names[rng() % names.size()]); // a hint only: it changes nothing, even on an empty map
        if (rng() % 3 == 0) {
            QCOMPARE(map.erase(name), expected.erase(name) == 1);
        } else {
            bool added = false;
            map.get(name, added) = step;
            QCOMPARE(added, !expected.contains(name));
            expected[name] = step;
        }
        QCOMPARE(map.size(), expected.size());
        if (step % 10'000 == 0 || step == 199'999) {
            for (const Model::Symbol &n : names) {
                const std::int64_t *found = map.find(n);
                const auto it = expected.find(n);
                QCOMPARE(found != nullptr, it != expected.end());
                if (found)
                    QCOMPARE(*found, it->second);
            }
            std::size_t seen = 0;
            map.forEach([&](const Model::Symbol &n, std::int64_t value) {
                ++seen;
                QCOMPARE(value, expected.at(n));
            });
            QCOMPARE(seen, expected.size());
        }
    }
    map.clear();
    QVERIFY(map.empty());
    map.prefetch(names.front());
    QCOMPARE(map.find(names.front()), nullptr);
}

void TestPipeline::symbolsCompareAndHashByTheirText()
{
    // Symbols compare and hash their whole arrays: a short symbol parsed where a long one was equals a fresh one.
    Model::Symbol reused, fresh, other;
    QVERIFY(Model::Symbol::parse("ABCDEFGHIJKLMNOP", reused));
    QVERIFY(Model::Symbol::parse("AB", reused));
    QVERIFY(Model::Symbol::parse("AB", fresh));
    QVERIFY(reused == fresh);
    QCOMPARE(reused.hash(), fresh.hash());
    for (const char *different : {"A", "ABC", "AC", "BA", "AB.", "ABCDEFGHIJKLMNOP"}) {
        QVERIFY(Model::Symbol::parse(different, other));
        QVERIFY2(!(other == fresh), different);
        QVERIFY2(other.hash() != fresh.hash(), different);
    }
    QVERIFY(Model::Symbol::parse("ABCDEFGHIJKLMNOP", reused));
    QVERIFY(Model::Symbol::parse("ABCDEFGHIJKLMNOQ", other)); // the last character of the second word
    QVERIFY(!(reused == other));
    // Names alike but for a digit or two spread over a table's low bits and over two shards evenly.
    std::vector<int> buckets(4096), shards(2);
    for (int i = 0; i < 3000; ++i) {
        Model::Symbol name;
        QVERIFY(Model::Symbol::parse(QByteArray("N" + QByteArray::number(i)).constData(), name));
        ++buckets[name.hash() & 4095];
        ++shards[std::size_t(Pipeline::Pipeline::shardOf(name, 2))];
    }
    QVERIFY(*std::max_element(buckets.begin(), buckets.end()) <= 6);
    QVERIFY2(shards[0] > 1400 && shards[1] > 1400, qPrintable(u"%1 / %2"_s.arg(shards[0]).arg(shards[1])));
}

void TestPipeline::rulesSpeakOnClosedBars()
{
    // 4 symbols, 30 minutes of records a second apart: 120 bars of 15 s each.
    const Model::RecordBatch input = ticksOf(market(4, 1800, 5));
    const Bars::Timeframe fifteen = Bars::Timeframe::seconds(15);
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(barRules(fifteen)));
    engine.feed(input, 97);
    QTRY_COMPARE(qint64(engine.published.size()), qint64(engine.writer->stats().storedSignals.load()));

    // What the same rules make of the same bars, built whole: each closed bar once, the forming one never.
    const Pipeline::PipelineOptions options = barRules(fifteen);
    const Bars::Session utc;
    Model::SignalList expected;
    for (int s = 0; s < 4; ++s) {
        std::vector<Model::Tick> ticks;
        for (const auto &r : input)
            if (const auto &t = std::get<Model::Tick>(r); t.symbol == sym(QByteArray("S" + QByteArray::number(s))))
                ticks.push_back(t);
        std::vector<Bars::Bar> bars = Bars::buildBars(fifteen, utc, ticks);
        QCOMPARE(bars.size(), std::size_t(121)); // the first second is not on a boundary
        bars.pop_back();                         // still forming
        Indicators::IndicatorSet indicators(options.indicators);
        Signals::RuleEngine rules(options.rules);
        std::vector<Model::TradeSignal> out;
        for (const Bars::Bar &b : bars) {
            const Model::Tick t{ticks.front().symbol, b.open, b.high, b.low, b.close, b.volume, b.openTime};
            rules.onTick(t, indicators.update(t), false, out);
        }
        for (const auto &signal : out)
            expected.append(signal);
    }
    QVERIFY(expected.size() > 5);
    QCOMPARE(describe(engine.published), describe(expected));
    for (const Model::TradeSignal &signal : engine.published) {
        QCOMPARE(signal.timeframe, u"15s"_s);
        QCOMPARE(signal.timestamp % 15'000'000, 0); // the open time of its bar
    }
    auto db = Storage::SqliteDatabase::open(engine.path(), Storage::SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    QCOMPARE((*db)->scalar("SELECT count(*) FROM signals WHERE timeframe = '15s'", -1), expected.size());
}

void TestPipeline::quietSymbolsBarClosesByTimer()
{
    // Flat for a minute, then the last bar jumps 4 %: the price-move rule speaks only when that bar
    // closes, which no later record will do.
    Model::RecordBatch input;
    const Model::TimestampUs start = 1'700'000'000'000'000LL - 1'700'000'000'000'000LL % 15'000'000;
    for (int i = 0; i < 70; ++i) {
        Model::Tick t;
        t.symbol = sym("QUIET");
        t.open = t.high = t.low = t.close = i < 62 ? 100.0 : 104.0;
        t.volume = 10;
        t.timestamp = start + i * 1'000'000LL;
        input.push_back(t);
    }
    Pipeline::PipelineOptions options = barRules(Bars::Timeframe::seconds(15));
    options.rules.rsiTrend = options.rules.maCross = false;
    options.barCloseDelayMs = 300;
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(options));
    engine.feed(input, 70);
    QCoreApplication::processEvents();
    QCOMPARE(engine.published.size(), 0); // the bar is forming: nothing yet
    QTRY_COMPARE(engine.published.size(), 1);
    const Model::TradeSignal &signal = engine.published.front();
    QCOMPARE(signal.rule, Model::SignalRule::PriceMove);
    QCOMPARE(signal.timeframe, u"15s"_s);
    QCOMPARE(signal.timestamp, start + 60'000'000LL);
    QCOMPARE(signal.price, 104.0);
    QCOMPARE(engine.writer->stats().storedSignals.load(), 1u);
}

void TestPipeline::warmStartContinuesAFormingBar()
{
    // 40 bars of 15 s per symbol (fewer than a warm start reads back), stopped in the middle of one.
    const Model::RecordBatch input = ticksOf(market(6, 600, 23));
    const auto cut = input.begin() + std::ptrdiff_t(6 * 307);
    const Pipeline::PipelineOptions options = barRules(Bars::Timeframe::seconds(15));

    QTemporaryDir wholeDir;
    Engine whole(wholeDir);
    QVERIFY(whole.start(options));
    whole.feed(input, 60);
    QTRY_COMPARE(qint64(whole.published.size()), qint64(whole.writer->stats().storedSignals.load()));

    QTemporaryDir splitDir;
    Model::SignalList signals;
    {
        Engine first(splitDir);
        QVERIFY(first.start(options));
        first.feed(Model::RecordBatch(input.begin(), cut), 60);
        QTRY_COMPARE(qint64(first.published.size()), qint64(first.writer->stats().storedSignals.load()));
        signals += first.published;
    }
    Engine second(splitDir);
    QVERIFY(second.start(options, true));
    second.feed(Model::RecordBatch(cut, input.end()), 60);
    QTRY_COMPARE(qint64(second.published.size()), qint64(second.writer->stats().storedSignals.load()));
    signals += second.published;

    const auto a = whole.pipeline->summaries();
    const auto b = second.pipeline->summaries();
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QVERIFY(a[i].rsi && b[i].rsi);
        QVERIFY2(std::fabs(*a[i].rsi - *b[i].rsi) < 1e-9, qPrintable(u"%1 vs %2"_s.arg(*a[i].rsi).arg(*b[i].rsi)));
    }
    QVERIFY(whole.published.size() > 3);
    QCOMPARE(describe(signals), describe(whole.published));
}

void TestPipeline::newsSignalCarriesTheLastPrice()
{
    // Within the first minute no bar of the rules has closed; the news signal still has the price.
    Model::Tick t;
    t.symbol = sym("NEWS");
    t.open = t.high = t.low = t.close = 42.5;
    t.volume = 10;
    t.timestamp = 1'700'000'000'000'000LL;
    Model::NewsSentimentEvent news;
    news.symbol = t.symbol;
    news.score = 0.9;
    news.magnitude = 0.9;
    news.timestamp = t.timestamp + 1'000'000;
    QTemporaryDir dir;
    Engine engine(dir);
    QVERIFY(engine.start(barRules(Bars::Timeframe::minutes(1))));
    engine.feed({t, news}, 2);
    QTRY_COMPARE(engine.published.size(), 1);
    QCOMPARE(engine.published.front().rule, Model::SignalRule::NewsSentiment);
    QCOMPARE(engine.published.front().price, 42.5);
}

#include "tst_pipeline.moc"
