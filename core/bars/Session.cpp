// SPDX-License-Identifier: MIT
#include "Session.h"

#include <QDateTime>

#include <algorithm>

namespace Bars {

namespace {

constexpr std::int64_t DayUs = 86'400'000'000LL;
constexpr std::int64_t WeekUs = 7 * DayUs;
constexpr std::int64_t FirstMondayUs = 4 * DayUs; ///< 1970-01-05, the first Monday after the epoch

} // namespace

Util::Result<QTimeZone> timeZoneNamed(const QString &name)
{
    QTimeZone zone(name.toUtf8());
    if (!zone.isValid())
        return Util::Result<QTimeZone>::failure(
            QStringLiteral("\"%1\" is not a time zone this system knows (e.g. America/New_York)").arg(name.left(60)));
    return zone;
}

QTimeZone sessionZone(const QString &name)
{
    if (name.isEmpty())
        return QTimeZone::utc();
    const auto zone = timeZoneNamed(name);
    return zone ? *zone : QTimeZone::utc();
}

Session::Session(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
    , m_utc(m_zone == QTimeZone::utc() || (m_zone.id() == "UTC"))
{}

Span Session::localSpan(Model::TimestampUs t, bool week) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(floorDiv(t, 1000), m_zone);
    QDate first = local.date();
    if (week)
        first = first.addDays(1 - first.dayOfWeek());
    const QDate next = first.addDays(week ? 7 : 1);
    // startOfDay copes with a zone whose clocks skip midnight.
    return Span{first.startOfDay(m_zone).toMSecsSinceEpoch() * 1000,
                next.startOfDay(m_zone).toMSecsSinceEpoch() * 1000};
}

Span Session::dayOf(Model::TimestampUs t) const
{
    if (m_day.contains(t))
        return m_day;
    if (m_utc) {
        const std::int64_t start = floorDiv(t, DayUs) * DayUs;
        m_day = Span{start, start + DayUs};
    } else {
        m_day = localSpan(t, false);
    }
    return m_day;
}

Span Session::weekOf(Model::TimestampUs t) const
{
    if (m_week.contains(t))
        return m_week;
    if (m_utc) {
        const std::int64_t start = FirstMondayUs + floorDiv(t - FirstMondayUs, WeekUs) * WeekUs;
        m_week = Span{start, start + WeekUs};
    } else {
        m_week = localSpan(t, true);
    }
    return m_week;
}

Span Session::barOf(const Timeframe &timeframe, Model::TimestampUs t) const
{
    switch (timeframe.kind()) {
    case Timeframe::Kind::Day:
        return dayOf(t);
    case Timeframe::Kind::Week:
        return weekOf(t);
    case Timeframe::Kind::Seconds: {
        const Span day = dayOf(t);
        const std::int64_t length = timeframe.size() * 1'000'000;
        const std::int64_t start = day.start + floorDiv(t - day.start, length) * length;
        return Span{start, std::min(start + length, day.end)};
    }
    default:
        return Span{t, t + 1};
    }
}

} // namespace Bars
