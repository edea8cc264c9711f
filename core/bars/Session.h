// SPDX-License-Identifier: MIT
#pragma once

#include "Timeframe.h"

#include <QTimeZone>

namespace Bars {

/// A half-open stretch of time [start, end) in UTC microseconds.
struct Span
{
    Model::TimestampUs start = 1;
    Model::TimestampUs end = 0; ///< the default span holds nothing
    bool contains(Model::TimestampUs t) const noexcept { return t >= start && t < end; }
};

/// Where bars begin and end. Days and weeks (Monday to Monday) begin at midnight in the session's time
/// zone (UTC unless the trader picks one, such as America/New_York, daylight saving included); intraday
/// bars are counted from the start of their day, so a day always begins a bar.
///
/// It remembers the last day and week it worked out: most records fall in the same ones, and looking a
/// time zone up costs microseconds. So one instance serves one thread.
class Session final
{
public:
    explicit Session(const QTimeZone &zone = QTimeZone::utc());

    const QTimeZone &zone() const noexcept { return m_zone; }
    Span dayOf(Model::TimestampUs t) const;
    Span weekOf(Model::TimestampUs t) const;
    /// The bar of a time frame (Seconds, Day or Week) that holds `t`.
    Span barOf(const Timeframe &timeframe, Model::TimestampUs t) const;

private:
    Span localSpan(Model::TimestampUs t, bool week) const;

    QTimeZone m_zone;
    bool m_utc;
    mutable Span m_day;
    mutable Span m_week;
};

/// The time zone of an IANA name such as America/New_York; the error says the system does not know it.
Util::Result<QTimeZone> timeZoneNamed(const QString &name);
/// The zone of a session's IANA name, checked where it was set (settings, command line): empty or unknown is UTC.
QTimeZone sessionZone(const QString &name);

/// Division rounding down, also for times before 1970.
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace Bars
