// SPDX-License-Identifier: MIT
#pragma once

#include "CsvFile.h"
#include "model/Records.h"

#include <QString>
#include <QTimeZone>

#include <atomic>
#include <vector>

namespace Ingest {
class RecordSink;
}

namespace Io {

struct ImportOptions
{
    QString symbol; ///< for a CSV without a symbol column
    /// Where a date without a time of day begins (a daily bar of the exchange's day); UTC unless set.
    QTimeZone dayZone = QTimeZone::utc();
};

/// A row or record that was left out, and why.
struct ImportProblem
{
    qint64 line = 0; ///< CSV: the line number; JSON: the record's position, from 1
    QString message;
};

/// What an import read, kept and left out.
struct ImportReport
{
    static constexpr std::size_t MaxProblems = 100;

    QString format;      ///< "CSV" or "JSON"
    qint64 read = 0;     ///< rows or records found
    qint64 accepted = 0; ///< valid ones
    qint64 stored = 0;   ///< of those, committed to the database
    qint64 skipped = 0;  ///< invalid ones, each reason below (the first MaxProblems)
    std::vector<ImportProblem> problems;

    void skip(qint64 line, QString message);
    /// "12,345 rows read, 12,340 imported, 5 skipped" and the first problems, one per line.
    QString summary(int maxProblems = 10) const;
};

/// Reads a CSV (OHLCV: Date,Open,High,Low,Close,Volume and the usual variants,
/// with a symbol column or `options.symbol`) or a JSON file of records in the
/// ingest contract (array, single object or NDJSON). Every record is validated
/// by the ingest decoder; bad ones are reported and left out, good ones are put
/// in time order into `out`. Fails only when the file cannot be read at all.
Util::Result<ImportReport> readImportFile(const QString &path, const ImportOptions &options, Model::RecordBatch &out,
                                          const std::atomic<bool> &cancel, const Progress &progress = {});

/// True for a CSV file whose header has no symbol column: the caller must name the symbol.
bool importNeedsSymbol(const QString &path);

/// Hands the records to `sink` in chunks (waiting while it is saturated) and
/// returns when all are committed, with how many were. Runs on a worker thread.
Util::Result<qint64> feedRecords(Ingest::RecordSink &sink, Model::RecordBatch &&records,
                                 const std::atomic<bool> &cancel, const Progress &progress = {});

/// Both: read, validate, store. Progress runs over reading and then storing.
Util::Result<ImportReport> importFile(const QString &path, const ImportOptions &options, Ingest::RecordSink &sink,
                                      const std::atomic<bool> &cancel, const Progress &progress = {});

} // namespace Io
