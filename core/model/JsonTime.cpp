// SPDX-License-Identifier: MIT
#include "JsonTime.h"

#include <QDateTime>
#include <QTimeZone>

namespace Model {

QString isoTime(TimestampUs time)
{
    return QDateTime::fromMSecsSinceEpoch(time / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<TimestampUs> timeFromJson(const QJsonValue &v)
{
    constexpr double Earliest = -2'208'988'800; // 1900-01-01, in seconds
    constexpr double Latest = 253'402'300'799;  // 9999-12-31 23:59:59
    if (v.isDouble() && !(v.toDouble() >= Earliest && v.toDouble() <= Latest))
        return std::nullopt;
    const QDateTime at = v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble() * 1000), QTimeZone::utc())
                                      : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!at.isValid() || at.toMSecsSinceEpoch() < qint64(Earliest) * 1000 ||
        at.toMSecsSinceEpoch() > qint64(Latest) * 1000 + 999)
        return std::nullopt;
    return at.toMSecsSinceEpoch() * 1000;
}

} // namespace Model
