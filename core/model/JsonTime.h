// SPDX-License-Identifier: MIT
#pragma once

#include "Records.h"

#include <QJsonValue>
#include <QString>

#include <optional>

namespace Model {

/// A time as the JSON bodies write it: `2026-11-02T14:30:00.000Z` (UTC, milliseconds).
QString isoTime(TimestampUs time);
/// A time a JSON body gives, as epoch seconds or ISO-8601 text, from the year 1900 to 9999 (what ISO-8601 writes
/// back, and far inside what a time in µs can hold); nothing when it is neither.
std::optional<TimestampUs> timeFromJson(const QJsonValue &value);

} // namespace Model
