// SPDX-License-Identifier: MIT
// libFuzzer target for bar building. The first byte picks a timeframe and a session time zone; every following
// six bytes are a record (a step forward or back in time, a price, a volume, and whether the clock ticks
// before it). Built live, with the clock closing bars and late arrivals revising them, the bars must equal the
// bars rebuilt from the same records afterwards. Short inputs are also read as a timeframe's name, which must
// read back the same.
#include "bars/BarBuilder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 0 && size < 24) {
        const auto parsed =
            Bars::Timeframe::parse(QString::fromLatin1(reinterpret_cast<const char *>(data), qsizetype(size)));
        if (parsed && *Bars::Timeframe::parse(parsed->name()) != *parsed)
            __builtin_trap();
    }
    if (size < 7)
        return 0;
    static const std::array timeframes{
        Bars::Timeframe::seconds(1),   Bars::Timeframe::seconds(5), Bars::Timeframe::minutes(1),
        Bars::Timeframe::minutes(7),   Bars::Timeframe::hours(1),   Bars::Timeframe::hours(4),
        Bars::Timeframe::day(),        Bars::Timeframe::week(),     Bars::Timeframe::ticks(3),
        Bars::Timeframe::volume(1000), Bars::Timeframe::record()};
    static const Bars::Session utc;
    static const Bars::Session newYork(QTimeZone("America/New_York"));
    const Bars::Timeframe timeframe = timeframes[data[0] % timeframes.size()];
    const Bars::Session &session = (data[0] & 0x80) ? newYork : utc;

    Bars::BarBuilder live(timeframe, session);
    std::vector<Bars::Bar> seen;
    std::vector<Model::Tick> feed;
    std::int64_t now = 1'772'409'600'000'000LL; // a Monday in March, a week before the clocks change
    for (std::size_t i = 1; i + 6 <= size; i += 6) {
        std::int16_t step;
        std::memcpy(&step, data + i, 2);
        const std::uint8_t flags = data[i + 5];
        Model::Tick tick;
        Model::Symbol::parse("FUZZ", tick.symbol);
        // Mostly forward by up to ~9 hours, sometimes back: late and out-of-order records.
        const std::int64_t unit = (flags & 0x3) == 0 ? 1'000 : (flags & 0x3) == 1 ? 1'000'000 : 60'000'000;
        now += std::int64_t(step) * unit;
        tick.timestamp = now;
        tick.open = tick.high = tick.low = tick.close = double(data[i + 2]) + 1;
        tick.high += 1;
        tick.volume = std::int64_t(data[i + 3]) * 10 + 1;
        if (flags & 0x4)
            if (auto closed = live.closeIfDue(now + std::int64_t(data[i + 4]) * 1'000'000))
                seen.push_back(*closed);
        feed.push_back(tick);
        const auto step2 = live.add(tick);
        if (step2.closed)
            seen.push_back(*step2.closed);
        if (step2.outcome == Bars::BarBuilder::Outcome::Revised) {
            if (seen.empty() || seen.back().openTime != live.revised()->openTime)
                __builtin_trap();
            seen.back() = *live.revised();
        }
    }
    if (live.forming())
        seen.push_back(*live.forming());
    if (seen != Bars::buildBars(timeframe, session, feed))
        __builtin_trap();
    for (std::size_t i = 1; i < seen.size(); ++i)
        if (timeframe.isTime() && seen[i].openTime < seen[i - 1].endTime)
            __builtin_trap(); // time bars never overlap
    return 0;
}
