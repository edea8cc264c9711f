// SPDX-License-Identifier: MIT
#include "TimeTicks.h"

#include <QDate>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace Gui {

namespace {

constexpr std::int64_t Day = 86'400;

enum class Step : std::int64_t
{
    Week = -1,
    Month = -2,
    Quarter = -3,
    Year = -4,
};

/// Steps from fine to coarse: seconds that divide a day, then weeks, months, quarters and years.
constexpr std::array<std::int64_t, 23> Steps{1,    2,    5,     10,    15,    30,    60,  120, 300, 600, 900, 1800,
                                             3600, 7200, 10800, 14400, 21600, 43200, Day, -1,  -2,  -3,  -4};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// A bar's time as the axis shows it: wall-clock seconds, and the date when it is needed.
struct Wall
{
    std::int64_t seconds = 0;
    std::int64_t day = 0; ///< days since 1970-01-01
    int year = 0;
    int month = 0;
};

std::int64_t keyOf(std::int64_t step, const Wall &w)
{
    if (step > 0)
        return floorDiv(w.seconds, step);
    switch (Step(step)) {
    case Step::Week: // weeks begin on Monday; 1970-01-01 was a Thursday
        return floorDiv(w.day + 3, 7);
    case Step::Month:
        return std::int64_t(w.year) * 12 + w.month - 1;
    case Step::Quarter:
        return std::int64_t(w.year) * 4 + (w.month - 1) / 3;
    case Step::Year:
        return w.year;
    }
    return 0;
}

std::vector<Wall> wallTimes(const std::vector<Model::TimestampUs> &times, bool utc)
{
    std::vector<Wall> walls;
    walls.reserve(times.size());
    const QTimeZone zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    const auto offsetAt = [&zone](std::int64_t seconds) {
        return std::int64_t(zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())));
    };
    // One offset for the whole view unless it spans a change of it (daylight saving).
    const std::int64_t firstOffset = times.empty() ? 0 : offsetAt(floorDiv(times.front(), 1'000'000));
    const bool oneOffset = times.empty() || offsetAt(floorDiv(times.back(), 1'000'000)) == firstOffset;
    std::int64_t lastDay = std::numeric_limits<std::int64_t>::min();
    QDate date;
    for (const Model::TimestampUs t : times) {
        const std::int64_t utcSeconds = floorDiv(t, 1'000'000);
        Wall w;
        w.seconds = utcSeconds + (oneOffset ? firstOffset : offsetAt(utcSeconds));
        w.day = floorDiv(w.seconds, Day);
        if (w.day != lastDay) {
            date = QDate::fromJulianDay(w.day + 2'440'588);
            lastDay = w.day;
        }
        w.year = date.year();
        w.month = date.month();
        walls.push_back(w);
    }
    return walls;
}

} // namespace

std::vector<TimeTick> timeTicksFor(const std::vector<Model::TimestampUs> &times, qreal firstSlot, int maxLabels,
                                   std::int64_t barSeconds, bool utc)
{
    std::vector<TimeTick> ticks;
    if (times.size() < 2)
        return ticks;
    maxLabels = std::max(2, maxLabels);
    const std::vector<Wall> walls = wallTimes(times, utc);
    const auto changes = [&walls](std::int64_t step) {
        int count = 0;
        for (std::size_t i = 1; i < walls.size(); ++i)
            count += keyOf(step, walls[i]) != keyOf(step, walls[i - 1]);
        return count;
    };
    // From a step fine enough even if pauses leave out most of the time in view, to the first that fits.
    const std::int64_t span = walls.back().seconds - walls.front().seconds;
    std::size_t chosen = 0;
    while (chosen + 1 < Steps.size() && Steps[chosen] > 0 &&
           (Steps[chosen] < barSeconds || Steps[chosen] * maxLabels * 30 < span))
        ++chosen;
    while (chosen + 1 < Steps.size() && changes(Steps[chosen]) > maxLabels)
        ++chosen;
    const std::int64_t step = Steps[chosen];

    const QLocale locale;
    const bool intraday = step > 0 && step < Day;
    const qreal minGap = qreal(walls.size()) / qreal(maxLabels) / 2;
    for (std::size_t i = 1; i < walls.size(); ++i) {
        const Wall &w = walls[i];
        if (keyOf(step, w) == keyOf(step, walls[i - 1]))
            continue;
        TimeTick tick;
        tick.slot = firstSlot + qreal(i);
        const QDate date = QDate::fromJulianDay(w.day + 2'440'588);
        if (intraday && w.day != walls[i - 1].day) {
            tick.label = locale.toString(date, QStringLiteral("d MMM"));
            tick.separator = true;
        } else if (intraday) {
            const std::int64_t second = w.seconds - w.day * Day;
            tick.label = QStringLiteral("%1:%2")
                             .arg(second / 3600, 2, 10, QLatin1Char('0'))
                             .arg(second / 60 % 60, 2, 10, QLatin1Char('0'));
            if (step < 60)
                tick.label += QStringLiteral(":%1").arg(second % 60, 2, 10, QLatin1Char('0'));
        } else if (w.year != walls[i - 1].year) {
            tick.label = QString::number(w.year);
            tick.separator = true;
        } else if (step == Day || step == std::int64_t(Step::Week)) {
            tick.label = locale.toString(date, QStringLiteral("d MMM"));
        } else {
            tick.label = locale.toString(date, QStringLiteral("MMM"));
        }
        if (!ticks.empty() && tick.slot - ticks.back().slot < minGap) {
            if (tick.separator && !ticks.back().separator)
                ticks.back() = tick; // a day's first bar wins over the round time just before it
            continue;
        }
        ticks.push_back(std::move(tick));
    }
    return ticks;
}

} // namespace Gui
