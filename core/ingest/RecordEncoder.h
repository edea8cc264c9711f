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

} // namespace Ingest
