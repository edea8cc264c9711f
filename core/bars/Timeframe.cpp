// SPDX-License-Identifier: MIT
#include "Timeframe.h"

using namespace Qt::StringLiterals;

namespace Bars {

namespace {

/// Sorting rank: time frames by length (a week is 7 days of seconds), then the others.
std::pair<int, std::int64_t> rank(const Timeframe &t)
{
    switch (t.kind()) {
    case Timeframe::Kind::Seconds:
        return {0, t.size()};
    case Timeframe::Kind::Day:
        return {0, 86'400};
    case Timeframe::Kind::Week:
        return {0, 7 * 86'400};
    case Timeframe::Kind::Record:
        return {1, 0};
    case Timeframe::Kind::Ticks:
        return {2, t.size()};
    case Timeframe::Kind::Volume:
        return {3, t.size()};
    }
    return {4, 0};
}

} // namespace

const std::array<Timeframe, 12> &Timeframe::standard()
{
    static const std::array<Timeframe, 12> all{seconds(1), seconds(5), seconds(15), seconds(30),
                                               minutes(1), minutes(5), minutes(15), minutes(30),
                                               hours(1),   hours(4),   day(),       week()};
    return all;
}

std::strong_ordering Timeframe::operator<=>(const Timeframe &other) const
{
    return rank(*this) <=> rank(other);
}

Util::Result<Timeframe> Timeframe::parse(QStringView text)
{
    using R = Util::Result<Timeframe>;
    const QString t = text.trimmed().toString();
    if (t.compare(u"record"_s, Qt::CaseInsensitive) == 0)
        return record();
    if (t.size() < 2)
        return R::failure(u"\"%1\" is not a timeframe: use record, a number and s, m or h (up to a day), 1D, 1W, "
                          "a number of records and t, or of shares and v"_s.arg(t.left(40)));
    const QChar unit = t.back();
    bool ok = false;
    const qint64 n = t.first(t.size() - 1).toLongLong(&ok);
    if (!ok || n <= 0)
        return R::failure(
            u"\"%1\" is not a timeframe: it must be a positive whole number followed by its unit"_s.arg(t.left(40)));
    const auto intraday = [&](qint64 unitSeconds) {
        // Compared before multiplying: a huge count would overflow.
        if (n > MaxIntradaySeconds / unitSeconds)
            return R::failure(u"\"%1\" is longer than a day: use 1D or 1W for longer bars"_s.arg(t));
        return R(Timeframe::seconds(n * unitSeconds));
    };
    switch (unit.unicode()) {
    case 's':
        return intraday(1);
    case 'm':
        return intraday(60);
    case 'h':
        return intraday(3600);
    case 'd':
    case 'D':
        if (n != 1)
            return R::failure(u"\"%1\": days come one at a time (1D)"_s.arg(t));
        return day();
    case 'w':
    case 'W':
        if (n != 1)
            return R::failure(u"\"%1\": weeks come one at a time (1W)"_s.arg(t));
        return week();
    case 't':
        return ticks(n);
    case 'v':
        return volume(n);
    default:
        return R::failure(u"\"%1\" has an unknown unit '%2': use s, m, h, D, W, t or v"_s.arg(t, unit));
    }
}

QString Timeframe::name() const
{
    switch (m_kind) {
    case Kind::Record:
        return u"record"_s;
    case Kind::Seconds:
        if (m_size % 3600 == 0)
            return QString::number(m_size / 3600) + u'h';
        if (m_size % 60 == 0)
            return QString::number(m_size / 60) + u'm';
        return QString::number(m_size) + u's';
    case Kind::Day:
        return u"1D"_s;
    case Kind::Week:
        return u"1W"_s;
    case Kind::Ticks:
        return QString::number(m_size) + u't';
    case Kind::Volume:
        return QString::number(m_size) + u'v';
    }
    return {};
}

} // namespace Bars
