// SPDX-License-Identifier: MIT
// Warm start: a database holding SYMBOLS symbols with RECORDS records each (a second apart) is read back by
// Pipeline::warmStart, with the rules on records and on one-minute bars; then one new record of every symbol,
// which is when a symbol's bars for the rules are rebuilt from its stored records.
//   bench_warm [SYMBOLS] [RECORDS_PER_SYMBOL]
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <thread>

namespace {

void fill(const QString &path, int symbols, int records)
{
    auto writer = Storage::StorageWriter::open({path});
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record();
    options.maxSymbols = std::size_t(symbols) * 2;
    Pipeline::Pipeline pipeline(options, **writer);
    pipeline.start();
    std::vector<Model::Symbol> names(static_cast<std::size_t>(symbols));
    for (int s = 0; s < symbols; ++s)
        Model::Symbol::parse(QByteArray("W" + QByteArray::number(s)).constData(), names[std::size_t(s)]);
    std::atomic<int> pending{0};
    Model::RecordBatch batch;
    const auto send = [&] {
        ++pending;
        while (pipeline.submit(Model::RecordBatch(batch), 1, [&pending](const QString &) { --pending; }) !=
               Ingest::RecordSink::Submit::Accepted)
            std::this_thread::yield();
        batch.clear();
    };
    for (int r = 0; r < records; ++r)
        for (int s = 0; s < symbols; ++s) {
            Model::Tick t;
            t.symbol = names[std::size_t(s)];
            t.open = t.high = t.low = t.close = 100 + (r % 100) * 0.01;
            t.volume = 100;
            t.timestamp = 1'700'000'000'000'000LL + qint64(r) * 1'000'000LL;
            batch.emplace_back(t);
            if (batch.size() == 1000)
                send();
        }
    if (!batch.empty())
        send();
    while (pending.load() > 0)
        std::this_thread::yield();
    pipeline.stop();
    (*writer)->stop();
}

std::pair<double, double> warm(const QString &path, const Bars::Timeframe &rules, int symbols, int records)
{
    auto writer = Storage::StorageWriter::open({path});
    Pipeline::PipelineOptions options;
    options.rules.timeframe = rules;
    options.maxSymbols = std::size_t(symbols) * 2;
    Pipeline::Pipeline pipeline(options, **writer);
    QElapsedTimer timer;
    timer.start();
    if (auto status = pipeline.warmStart(path); !status)
        std::fprintf(stderr, "%s\n", qPrintable(status.error()));
    const double start = double(timer.nsecsElapsed()) / 1e9;
    pipeline.start();
    Model::RecordBatch next;
    for (int s = 0; s < symbols; ++s) {
        Model::Tick t;
        Model::Symbol::parse(QByteArray("W" + QByteArray::number(s)).constData(), t.symbol);
        t.open = t.high = t.low = t.close = 101;
        t.volume = 100;
        t.timestamp = 1'700'000'000'000'000LL + qint64(records) * 1'000'000LL;
        next.emplace_back(t);
    }
    std::atomic<bool> done{false};
    timer.restart();
    while (pipeline.submit(Model::RecordBatch(next), 1, [&done](const QString &) { done = true; }) !=
           Ingest::RecordSink::Submit::Accepted)
        std::this_thread::yield();
    while (!done.load())
        std::this_thread::yield();
    const double first = double(timer.nsecsElapsed()) / 1e9;
    pipeline.stop();
    (*writer)->stop();
    return {start, first};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int symbols = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    const int records = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7200;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("warm.sqlite"));
    fill(path, symbols, records);
    std::printf("warm start of %d symbols, %d records each a second apart (%lld stored)\n", symbols, records,
                static_cast<long long>(symbols) * records);
    for (const Bars::Timeframe &rules : {Bars::Timeframe::record(), Bars::Timeframe::minutes(1)}) {
        const auto [start, first] = warm(path, rules, symbols, records);
        std::printf(
            "  rules on %-6s start %6.2f s (%.2f ms a symbol); then a record of each: %6.2f s (%.2f ms a symbol)\n",
            qPrintable(rules.name()), start, start * 1000 / symbols, first, first * 1000 / symbols);
        std::fflush(stdout);
    }
    return 0;
}
