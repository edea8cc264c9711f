// SPDX-License-Identifier: MIT
#pragma once

#include "HistorySource.h"
#include "io/Import.h"

#include <QByteArrayView>
#include <QTimeZone>

namespace History {

/// What to read a source's answer as.
struct ReadOptions
{
    Format format = Format::Auto;
    /// The symbol asked for: the symbol of a CSV without a symbol column; with `onlyAsked`, rows of other
    /// symbols are left out (and reported).
    Model::Symbol symbol;
    bool onlyAsked = true;
    /// Where a date without a time of day begins (the session's days).
    QTimeZone dayZone = QTimeZone::utc();
};

/// The format of an answer, told from its first characters and keys.
Format detectFormat(QByteArrayView body);

/// Reads the price bars of a source's answer into `out` (oldest first), each through the ingest decoder:
/// a bad row is reported in `report` with its reason and left out. Fails, keeping nothing, when the answer
/// is not of the format, is the source's own error message (which the error quotes), or holds no bar (another
/// TickDesk's empty array excepted: it holds nothing there).
Util::Status readAnswer(QByteArrayView body, const ReadOptions &options, Model::RecordBatch &out,
                        Io::ImportReport &report);

} // namespace History
