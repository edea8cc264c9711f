// SPDX-License-Identifier: MIT
// Moving a bucket of a frozen bar log: nanoseconds a row to read its rows, put them by symbol and time and walk
// them a symbol at a time, as the writer does before each symbol's rows go into its blocks. Two ways: the rows
// themselves sorted (the way before LogBucket, kept here to compare), and the keys ordered with the rows
// gathered a symbol at a time (LogBucket, the writer's and the log's readers'). The bucket leaves the caches before
// each round, as it has when the writer reads it from the database. Best of 30 rounds.
//   bench_logbucket [SYMBOLS] [ROWS] [LATE_EVERY]
#include "storage/LogBucket.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

/// Rows of `symbols` symbols in arrival order, with the ids one bucket of sixteen holds; every `lateEvery`-th
/// row (0: none) five seconds older than its symbol's latest.
std::vector<Storage::BarRow> bucketRows(std::size_t symbols, std::size_t rows, std::size_t lateEvery)
{
    std::mt19937_64 rng(1);
    std::vector<std::int64_t> latest(symbols, 1'772'409'600'000'000LL);
    std::vector<Storage::BarRow> out(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t s = rng() % symbols;
        const auto id = std::int64_t((s / 16) * 256 + s % 16 + 1);
        std::int64_t time = latest[s] += 1'000'000;
        if (lateEvery > 0 && i % lateEvery == 0)
            time -= 5'000'000;
        out[i] = Storage::BarRow{id, time, std::int64_t(i), 100.0, 101.0, 99.0, 100.5, 10};
    }
    return out;
}

/// The rows themselves by symbol id, then time, then sequence: a counting pass by symbol id, then a sort of
/// each symbol whose rows came out of time order; a comparison sort when the ids are too far apart.
void sortBySymbolAndTime(std::vector<Storage::BarRow> &rows, std::vector<Storage::BarRow> &scratch,
                         std::vector<std::uint32_t> &counts)
{
    if (rows.size() < 2)
        return;
    const auto [lowest, highest] =
        std::minmax_element(rows.begin(), rows.end(),
                            [](const Storage::BarRow &a, const Storage::BarRow &b) { return a.symbolId < b.symbolId; });
    const std::int64_t low = lowest->symbolId;
    const auto span = std::uint64_t(highest->symbolId - low) + 1;
    if (span > 4 * rows.size() + 4096) {
        std::sort(rows.begin(), rows.end(), [](const Storage::BarRow &a, const Storage::BarRow &b) {
            return a.symbolId != b.symbolId ? a.symbolId < b.symbolId : Storage::inTimeOrder(a, b);
        });
        return;
    }
    counts.assign(std::size_t(span) + 1, 0);
    for (const Storage::BarRow &row : rows)
        ++counts[std::size_t(row.symbolId - low) + 1];
    for (std::size_t i = 1; i < counts.size(); ++i)
        counts[i] += counts[i - 1];
    scratch.resize(rows.size());
    for (const Storage::BarRow &row : rows)
        scratch[counts[std::size_t(row.symbolId - low)]++] = row;
    rows.swap(scratch);
    for (auto first = rows.begin(); first != rows.end();) {
        const auto end = std::find_if(first, rows.end(),
                                      [id = first->symbolId](const Storage::BarRow &r) { return r.symbolId != id; });
        if (!std::is_sorted(first, end, Storage::inTimeOrder))
            std::sort(first, end, Storage::inTimeOrder);
        first = end;
    }
}

/// Touches far more memory than the caches hold.
void evictCaches()
{
    static std::vector<char> junk(std::size_t(64) << 20);
    for (std::size_t k = 0; k < junk.size(); k += 64)
        ++junk[k];
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t symbols = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 312;
    const std::size_t rows = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 65536;
    const std::size_t lateEvery = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 0;
    if (symbols == 0 || rows == 0) {
        std::fprintf(stderr, "usage: bench_logbucket [SYMBOLS] [ROWS] [LATE_EVERY]\n");
        return 2;
    }
    const std::vector<Storage::BarRow> input = bucketRows(symbols, rows, lateEvery);
    std::vector<Storage::BarRow> sorted, scratch, moved;
    std::vector<std::uint32_t> counts;
    Storage::LogBucket bucket;
    double best[2] = {1e300, 1e300};
    std::int64_t check[2] = {0, 0}; // the walks' sum of sequence numbers, which both must agree on
    for (int round = 0; round < 30; ++round) {
        for (int way = 0; way < 2; ++way) {
            evictCaches();
            QElapsedTimer timer;
            timer.start();
            std::int64_t sum = 0;
            if (way == 0) {
                sorted.clear();
                for (const Storage::BarRow &r : input)
                    sorted.push_back(r);
                sortBySymbolAndTime(sorted, scratch, counts);
                for (std::size_t k = 0; k < sorted.size(); ++k)
                    sum += sorted[k].seq * std::int64_t(k % 7);
            } else {
                bucket.clear();
                for (const Storage::BarRow &r : input)
                    bucket.add(r);
                bucket.sort();
                for (std::size_t first = 0; first < bucket.size();) {
                    std::size_t end = first + 1;
                    while (end < bucket.size() && bucket.symbolAt(end) == bucket.symbolAt(first))
                        ++end;
                    bucket.gather(first, end, moved);
                    for (std::size_t k = first; k < end; ++k)
                        sum += moved[k - first].seq * std::int64_t(k % 7);
                    first = end;
                }
            }
            best[way] = std::min(best[way], double(timer.nsecsElapsed()) / double(rows));
            check[way] = sum;
        }
    }
    std::printf("%zu rows over %zu symbols, %s: ns a row, best of 30\n", rows, symbols,
                lateEvery ? "some late" : "none late");
    std::printf("  rows sorted in place         %8.1f\n", best[0]);
    std::printf("  keys ordered, rows gathered  %8.1f\n", best[1]);
    if (check[0] != check[1]) {
        std::fprintf(stderr, "the two orders differ\n");
        return 1;
    }
    return 0;
}
