// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"
#include "util/Result.h"

#include <QString>

#include <array>
#include <compare>
#include <cstdint>

namespace Bars {

/// How records are grouped into bars: by time (seconds to a week), by count of records, by traded
/// volume, or one record per bar (`record`, for feeds that send finished bars).
class Timeframe final
{
public:
    enum class Kind : std::uint8_t
    {
        Record,
        Seconds, ///< intraday: `size` seconds, counted from the session's day start
        Day,
        Week,
        Ticks,  ///< `size` records
        Volume, ///< `size` shares or more
    };

    static constexpr std::int64_t MaxIntradaySeconds = 86'400;

    constexpr Timeframe() = default;
    static constexpr Timeframe record() { return {}; }
    static constexpr Timeframe seconds(std::int64_t n) { return Timeframe(Kind::Seconds, n); }
    static constexpr Timeframe minutes(std::int64_t n) { return Timeframe(Kind::Seconds, n * 60); }
    static constexpr Timeframe hours(std::int64_t n) { return Timeframe(Kind::Seconds, n * 3600); }
    static constexpr Timeframe day() { return Timeframe(Kind::Day, 1); }
    static constexpr Timeframe week() { return Timeframe(Kind::Week, 1); }
    static constexpr Timeframe ticks(std::int64_t n) { return Timeframe(Kind::Ticks, n); }
    static constexpr Timeframe volume(std::int64_t n) { return Timeframe(Kind::Volume, n); }

    /// The twelve a trader picks from: 1s 5s 15s 30s 1m 5m 15m 30m 1h 4h 1D 1W.
    static const std::array<Timeframe, 12> &standard();

    /// `record`, `Ns`, `Nm`, `Nh` (up to a day), `1D`, `1W`, `Nt` (N records), `Nv` (N shares). The
    /// error names what is wrong with the text.
    static Util::Result<Timeframe> parse(QStringView text);
    /// The text parse() reads back: 90 seconds are `90s`, 120 seconds `2m`, 3,600 `1h`.
    QString name() const;

    constexpr Kind kind() const noexcept { return m_kind; }
    /// Seconds, records or shares, as the kind says; 1 for days and weeks.
    constexpr std::int64_t size() const noexcept { return m_size; }
    constexpr bool isTime() const noexcept
    {
        return m_kind == Kind::Seconds || m_kind == Kind::Day || m_kind == Kind::Week;
    }

    constexpr bool operator==(const Timeframe &) const = default;
    /// Time frames shortest first, then records, tick and volume bars.
    std::strong_ordering operator<=>(const Timeframe &other) const;

private:
    constexpr Timeframe(Kind kind, std::int64_t size)
        : m_kind(kind)
        , m_size(size)
    {}
    Kind m_kind = Kind::Record;
    std::int64_t m_size = 1;
};

} // namespace Bars
