// SPDX-License-Identifier: MIT
// History reads: the newest 2,000 bars of 1m, 1h and 1D for one symbol, and a page further back, out of a
// database of many stored records (default 50 million over 2,100 days, one every 3.6 s), stored through the
// storage writer so that it keeps bars as it would live.
//
//   bench_history [records] [database]   (an existing database is reused as it is)
#include "storage/BarQueries.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>

namespace {

constexpr std::int64_t Days = 2100;

void fill(const QString &path, std::int64_t records)
{
    auto writer = Storage::StorageWriter::open({path});
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error()));
        std::exit(1);
    }
    const std::int64_t first = (QDateTime::currentSecsSinceEpoch() - Days * 86'400) * 1'000'000LL;
    const std::int64_t step = Days * 86'400'000'000LL / records;
    std::mt19937_64 rng(5);
    double price = 100;
    std::mutex mutex;
    std::condition_variable cv;
    int inFlight = 0;
    QElapsedTimer timer;
    timer.start();
    constexpr std::int64_t Batch = 10'000;
    for (std::int64_t done = 0; done < records; done += Batch) {
        Model::RecordBatch batch;
        batch.reserve(Batch);
        for (std::int64_t i = done; i < std::min(records, done + Batch); ++i) {
            Model::Tick t;
            Model::Symbol::parse("HIST", t.symbol);
            t.timestamp = first + i * step;
            price = std::max(1.0, price + double(std::int64_t(rng() % 201) - 100) / 1e4);
            t.open = std::round(price * 1e4) / 1e4;
            t.high = t.open + 0.05;
            t.low = t.open - 0.05;
            t.close = t.open + 0.01;
            t.volume = std::int64_t(rng() % 1000) + 1;
            batch.emplace_back(t);
        }
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return inFlight < 4; });
            ++inFlight;
        }
        (*writer)->submit(std::move(batch), 0, [&](const QString &error) {
            if (!error.isEmpty())
                std::fprintf(stderr, "%s\n", qPrintable(error));
            std::lock_guard lock(mutex);
            --inFlight;
            cv.notify_one();
        });
    }
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return inFlight == 0; });
    }
    writer->reset();
    std::printf("stored %lld records in %.1f s (%.0f records/s, kept bars included)\n", static_cast<long long>(records),
                double(timer.elapsed()) / 1000, double(records) * 1000 / double(std::max<qint64>(1, timer.elapsed())));
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void read(Storage::SqliteDatabase &db, const Bars::Timeframe &timeframe, bool furtherBack)
{
    Model::Symbol symbol;
    Model::Symbol::parse("HIST", symbol);
    Storage::BarQuery query{symbol, timeframe};
    query.limit = 2000;
    const Bars::Session session;
    if (furtherBack) {
        // The page before the newest one, as a chart scrolling back asks for it.
        const auto newest = Storage::readBars(db, query, session);
        if (!newest || newest->bars.empty())
            return;
        query.toUs = newest->bars.front().openTime - 1;
    }
    std::vector<double> times;
    std::size_t bars = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto range = Storage::readBars(db, query, session);
        times.push_back(milliseconds(timer));
        if (!range) {
            std::fprintf(stderr, "%s\n", qPrintable(range.error()));
            std::exit(1);
        }
        bars = range->bars.size();
    }
    const double first = times.front();
    std::sort(times.begin(), times.end());
    std::printf("  %-4s %-12s %5zu bars: first %7.2f ms, median %7.2f ms\n", qPrintable(timeframe.name()),
                furtherBack ? "page before" : "newest", bars, first, times[times.size() / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::int64_t records = argc > 1 ? std::atoll(argv[1]) : 50'000'000;
    QTemporaryDir dir;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("history.sqlite"));
    if (!QFileInfo::exists(path))
        fill(path, records);
    auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    std::printf("%s: %lld records, %lld kept bars, %.2f GB\n", qPrintable(path),
                static_cast<long long>((*db)->scalar("SELECT coalesce(sum(rows), 0) FROM bar_blocks")),
                static_cast<long long>((*db)->scalar("SELECT count(*) FROM history_bars")),
                double(QFileInfo(path).size()) / 1e9);
    for (const auto &timeframe : {Bars::Timeframe::minutes(1), Bars::Timeframe::minutes(5), Bars::Timeframe::hours(1),
                                  Bars::Timeframe::day(), Bars::Timeframe::week(), Bars::Timeframe::seconds(30)})
        for (bool back : {false, true})
            read(**db, timeframe, back);
    return 0;
}
