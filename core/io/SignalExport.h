// SPDX-License-Identifier: MIT
#pragma once

#include "CsvFile.h"
#include "model/TradeSignal.h"
#include "storage/BarQueries.h"
#include "storage/Queries.h"

namespace Io {

// Each writes CSV to `path`, all or nothing (see CsvFile), runs on any thread,
// and returns the number of rows written or why there is no file.

/// Signals already in memory, e.g. what the signal panel shows.
Util::Result<qint64> exportSignals(const Model::SignalList &signals, const QString &path,
                                   const std::atomic<bool> &cancel, const Progress &progress = {});

/// Signals read from the database as they are written: memory stays flat for any number of rows.
Util::Result<qint64> exportSignals(const QString &databasePath, const Storage::SignalFilter &filter,
                                   const QString &path, const std::atomic<bool> &cancel, const Progress &progress = {});

/// Bars read from the database, oldest first.
Util::Result<qint64> exportTicks(const QString &databasePath, const Storage::TickFilter &filter, const QString &path,
                                 const std::atomic<bool> &cancel, const Progress &progress = {});

/// A symbol's bars of a timeframe, built from the stored records, oldest first.
Util::Result<qint64> exportBars(const QString &databasePath, const Storage::BarQuery &query,
                                const Bars::Session &session, const QString &path, const std::atomic<bool> &cancel,
                                const Progress &progress = {});

} // namespace Io
