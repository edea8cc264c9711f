// SPDX-License-Identifier: MIT
#pragma once

#include "Import.h"

#include <QByteArrayView>

namespace Io {

/// Reads OHLCV rows from CSV text into ticks. The header names the columns
/// (case and `<>` ignored): a time (date, datetime, time, timestamp; Stooq's
/// separate date and time too), open, high, low, close (not "adj close"),
/// volume (optional) and symbol/ticker (optional). Commas, semicolons or tabs.
/// Each row is checked by the ingest decoder; bad rows go to `report`.
Util::Status readOhlcvCsv(QByteArrayView text, const ImportOptions &options, Model::RecordBatch &out,
                          ImportReport &report, const std::atomic<bool> &cancel, const Progress &progress);

/// The start in `zone` of the day whose UTC midnight is `utcMidnight`.
Model::TimestampUs dayStartIn(Model::TimestampUs utcMidnight, const QTimeZone &zone);

/// Whether a CSV header line names a symbol column.
bool headerHasSymbol(QByteArrayView headerLine);

/// One CSV line split into fields (RFC 4180 quoting), for tests and the reader.
QList<QByteArrayView> splitCsvLine(QByteArrayView line, char delimiter, std::vector<QByteArray> &unquoted);

} // namespace Io
