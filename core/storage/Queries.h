// SPDX-License-Identifier: MIT
#pragma once

#include "BarQueries.h"
#include "model/TradeSignal.h"
#include "util/Result.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace Storage {

class SqliteDatabase;

/// Which stored signals to read; empty fields do not filter.
struct SignalFilter
{
    QStringList symbols;
    QString side; ///< buy, sell or alert
    QString rule;
    Model::TimestampUs fromUs = 0;
    Model::TimestampUs toUs = std::numeric_limits<Model::TimestampUs>::max();
    qint64 limit = 0;        ///< 0: all
    bool newestFirst = true; ///< else oldest first, as an export reads best
};

/// Which stored bars to read.
struct TickFilter
{
    QStringList symbols; ///< empty: every symbol
    Model::TimestampUs fromUs = 0;
    Model::TimestampUs toUs = std::numeric_limits<Model::TimestampUs>::max();
    qint64 limit = 0; ///< 0: all
    bool newestFirst = true;
};

class Statement;

/// Up to `limit` stored signals with ids after `afterId`, in id order (the order they were stored).
Util::Status forEachSignalAfter(SqliteDatabase &db, qint64 afterId, qint64 limit,
                                const std::function<bool(const Model::TradeSignal &)> &row);
/// The newest signal's id; 0 when there is none.
Util::Result<qint64> newestSignalId(SqliteDatabase &db);

/// The columns every signal query selects, in this order, for readSignal(); `table` qualifies them
/// ("s" gives "s.id, s.symbol, ...") for queries that join.
QByteArray signalColumns(const char *table = nullptr);
/// Reads the signalColumns() starting at `first` of the current row.
void readSignal(const Statement &st, int first, Model::TradeSignal &out);

/// Streams the matching signals to `row` one by one (nothing is held in memory);
/// `row` returns false to stop early. Fails with the reason when the query cannot run.
Util::Status forEachSignal(SqliteDatabase &db, const SignalFilter &filter,
                           const std::function<bool(const Model::TradeSignal &)> &row);
Util::Result<qint64> countSignals(SqliteDatabase &db, const SignalFilter &filter);

Util::Status forEachTick(SqliteDatabase &db, const TickFilter &filter,
                         const std::function<bool(const Model::Tick &)> &row);
Util::Result<qint64> countTicks(SqliteDatabase &db, const TickFilter &filter);

} // namespace Storage
