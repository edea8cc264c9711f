// SPDX-License-Identifier: MIT
// Bar building: nanoseconds per record updating one symbol's bars of one timeframe, and of all twelve
// standard timeframes at once (1s to 1W), in UTC and in a session time zone.
//   bench_bars [RECORDS]
#include "bars/BarBuilder.h"

#include <QElapsedTimer>

#include <cstdio>
#include <random>

namespace {

std::vector<Model::Tick> feed(std::int64_t count)
{
    std::mt19937_64 rng(3);
    std::vector<Model::Tick> ticks(static_cast<std::size_t>(count));
    double price = 100;
    std::int64_t t = 1'772'409'600'000'000LL;
    for (auto &k : ticks) {
        Model::Symbol::parse("BENCH", k.symbol);
        t += std::int64_t(rng() % 200'000); // ten records a second on average
        price += double(std::int64_t(rng() % 21) - 10) / 100;
        k.timestamp = t;
        k.open = k.high = k.low = k.close = price;
        k.volume = std::int64_t(rng() % 500) + 1;
    }
    return ticks;
}

double nsPerRecord(const std::vector<Bars::Timeframe> &timeframes, const Bars::Session &session,
                   const std::vector<Model::Tick> &ticks, std::size_t &closed)
{
    Bars::BarSet set(timeframes, session);
    std::vector<Bars::BarSet::Event> events;
    events.reserve(64);
    closed = 0;
    QElapsedTimer timer;
    timer.start();
    for (const Model::Tick &tick : ticks) {
        set.add(tick, events);
        closed += events.size();
        events.clear();
    }
    return double(timer.nsecsElapsed()) / double(ticks.size());
}

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 10'000'000;
    const auto ticks = feed(count);
    const std::vector<Bars::Timeframe> all(Bars::Timeframe::standard().begin(), Bars::Timeframe::standard().end());
    std::printf("bar building, one symbol, %lld records (ten a second), one thread\n", static_cast<long long>(count));
    for (const bool newYork : {false, true}) {
        const Bars::Session session(newYork ? QTimeZone("America/New_York") : QTimeZone::utc());
        const char *zone = newYork ? "America/New_York" : "UTC";
        std::size_t closed = 0;
        const double one = nsPerRecord({Bars::Timeframe::minutes(1)}, session, ticks, closed);
        std::printf("  %-17s 1m only          %6.1f ns/record (%.1f M records/s), %zu bars closed\n", zone, one,
                    1e3 / one, closed);
        const double twelve = nsPerRecord(all, session, ticks, closed);
        std::printf("  %-17s all 12 timeframes %6.1f ns/record (%.1f M records/s), %zu bars closed\n", zone, twelve,
                    1e3 / twelve, closed);
    }
    return 0;
}
