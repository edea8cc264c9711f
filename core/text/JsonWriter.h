// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QByteArray>

/// Text written by hand, fast, for every output that carries numbers, strings and times: the records sent
/// back out, CSV files, the stream's and the notifications' messages.
namespace Text {

/// Appends a JSON string: quotes, backslashes and control characters escaped.
void appendString(const QString &text, QByteArray &out);
/// Appends a double in its shortest form that reads back to the same value.
void appendNumber(double value, QByteArray &out);
void appendInteger(std::int64_t value, QByteArray &out);
/// Epoch seconds with microseconds, exactly: 1700000000.000001 (no trip through a double).
void appendEpochSeconds(Model::TimestampUs us, QByteArray &out);
/// `2026-11-22T09:30:00.123Z`: UTC, ISO-8601, milliseconds.
void appendIsoTime(Model::TimestampUs us, QByteArray &out);
/// `,"symbol":"AAPL","timestamp":<epoch seconds>,"time":"<ISO-8601>"`: the fields every message has.
void appendSymbolAndTime(const Model::Symbol &symbol, Model::TimestampUs timestamp, QByteArray &out);
/// `,"name":<number>`.
void appendNumberField(const char *name, double value, QByteArray &out);

} // namespace Text
