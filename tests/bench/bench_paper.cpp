// SPDX-License-Identifier: MIT
// The cost of paper orders: the pipeline fed in-process as fast as it takes (batches of 1000 noisy ticks over
// 1,000 symbols, each acknowledged after its commit), without a paper desk, then with ORDERS working orders
// spread over the symbols (GTC limits and stops around the price, a few filling as prices wander, each fill
// stored with its record), side by side in one run.
//   bench_paper [RECORDS] [ORDERS...]
#include "BenchFeed.h"
#include "storage/StorageWriter.h"
#include "trading/PaperDesk.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

namespace {

constexpr int Symbols = 1000;

QByteArray symbolName(int s)
{
    return "P" + QByteArray::number(s);
}

struct Outcome
{
    Bench::FeedTiming timing;
    std::size_t fills = 0;
};

Outcome run(const std::vector<Model::RecordBatch> &batches, int orderCount)
{
    QTemporaryDir dir;
    Storage::WriterOptions storage{dir.filePath(QStringLiteral("paper.sqlite"))};
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer)
        std::exit(1);
    Trading::PaperDesk desk(Trading::Costs{}, 1e12);
    Pipeline::PipelineOptions options;
    Pipeline::Pipeline pipeline(options, **writer);
    if (orderCount > 0) {
        // Buy limits 2-30 % under the start and buy stops 2-30 % over it: some fill as prices wander, most wait.
        std::mt19937_64 rng(11);
        for (int i = 0; i < orderCount; ++i) {
            Trading::Order o;
            o.symbol = QString::fromLatin1(symbolName(i % Symbols));
            o.side = Trading::Side::Buy;
            o.type = i % 2 ? Trading::OrderType::Limit : Trading::OrderType::Stop;
            o.quantity = 1;
            const double away = 1.02 + double(rng() % 281) / 1000;
            o.limitPrice = 100 / away;
            o.stopPrice = 100 * away;
            o.timeInForce = Trading::TimeInForce::Gtc;
            if (!desk.place(o, 0, 0))
                std::exit(1);
        }
        pipeline.setPaperDesk(&desk);
    }
    pipeline.start();
    Outcome outcome;
    outcome.timing = Bench::feed(pipeline, batches);
    pipeline.stop();
    (*writer)->stop();
    for (const Trading::Order &o : desk.orders())
        outcome.fills += o.status == Trading::OrderStatus::Filled ? 1 : 0;
    return outcome;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::int64_t records = argc > 1 ? std::atoll(argv[1]) : 2'000'000;
    std::vector<int> counts{0, 10'000};
    if (argc > 2) {
        counts.clear();
        for (int i = 2; i < argc; ++i)
            counts.push_back(std::atoi(argv[i]));
    }
    const auto batches = Bench::noisyBatches(records, Symbols, "P");
    std::printf("%lld noisy ticks over %d symbols, batches of 1000, 16 in flight, durable\n",
                static_cast<long long>(records), Symbols);
    double base = 0;
    for (const int count : counts) {
        const Outcome o = run(batches, count);
        if (count == 0)
            base = o.timing.recordsPerSecond;
        std::printf("  %6d working orders: %9.0f records/s", count, o.timing.recordsPerSecond);
        if (count > 0 && base > 0)
            std::printf(" (%.0f %% of no orders, +%.0f ns a record); %zu filled",
                        100 * o.timing.recordsPerSecond / base, 1e9 / o.timing.recordsPerSecond - 1e9 / base, o.fills);
        std::printf("\n");
    }
    return 0;
}
