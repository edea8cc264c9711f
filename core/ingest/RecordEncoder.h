// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QByteArray>

namespace Ingest {

/// Writes records in the data contract (README, "Sending data"), the inverse of RecordDecoder:
/// what one encodes, the other decodes to the same values.
void appendJson(const Model::Record &record, QByteArray &out);

/// A JSON array of the records, ready to POST to /ingest.
QByteArray encodeArray(const Model::RecordBatch &records);

/// Appends a JSON string: quotes, backslashes and control characters escaped.
void appendString(const QString &text, QByteArray &out);

/// Appends a double in its shortest form that reads back to the same value.
void appendNumber(double value, QByteArray &out);
void appendInteger(std::int64_t value, QByteArray &out);
/// Epoch seconds with microseconds, exactly: 1700000000.000001 (no trip through a double).
void appendEpochSeconds(Model::TimestampUs us, QByteArray &out);

} // namespace Ingest
