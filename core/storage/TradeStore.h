// SPDX-License-Identifier: MIT
#pragma once

#include "trading/Account.h"
#include "trading/AutoTrade.h"
#include "util/Result.h"

#include <optional>
#include <vector>

namespace Storage {

class SqliteDatabase;

/// A trade as stored: what was traded, with its id, note and when it was entered.
struct StoredTrade
{
    qint64 id = 0;
    Trading::Fill fill; ///< its orderId is the paper order it filled, 0 for a trade entered by hand
    QString note;
    Model::TimestampUs createdUs = 0;
};

/// Which trades a list holds: of one symbol or all, in [from, to), `limit` of them after skipping `offset`, in
/// the order they happened or (`newestFirst`) the reverse.
struct TradeFilter
{
    QString symbol;
    std::optional<Model::TimestampUs> from;
    std::optional<Model::TimestampUs> to;
    qint64 limit = 100;
    qint64 offset = 0;
    bool newestFirst = false;
};

/// A paper account: the first (id 0, starting with the cash the settings give) or one a reset began.
struct PaperAccount
{
    qint64 id = 0;
    std::optional<double> startingCash; ///< none for the first
    Model::TimestampUs began = 0;
};

/// The trades table (schema step 9), on any connection that may write. Lists are in the order the trades
/// happened (their time, then their id).
namespace TradeStore {

Util::Result<qint64> add(SqliteDatabase &db, const Trading::Fill &fill, const QString &note, Model::TimestampUs now);
Util::Result<std::optional<StoredTrade>> find(SqliteDatabase &db, qint64 id);
/// Replaces the trade of `trade.id`; false: none has that id.
Util::Result<bool> replace(SqliteDatabase &db, const StoredTrade &trade);
/// False: none had that id.
Util::Result<bool> remove(SqliteDatabase &db, qint64 id);
Util::Result<std::vector<StoredTrade>> list(SqliteDatabase &db, const TradeFilter &filter);
/// Up to `limit` trades with ids after `afterId`, in id order (the order they were stored).
Util::Result<std::vector<StoredTrade>> after(SqliteDatabase &db, qint64 afterId, qint64 limit);
/// Every trade in the order they happened, of one paper account or all (to work the positions out).
Util::Result<std::vector<Trading::Fill>> all(SqliteDatabase &db, std::optional<qint64> account = std::nullopt);
/// Every trade with its id and note, in the order they happened (to export them).
Util::Result<std::vector<StoredTrade>> allStored(SqliteDatabase &db);

/// Stores a paper order as it is now (a new one, or its new status).
Util::Status saveOrder(SqliteDatabase &db, const Trading::Order &order);
/// Every paper order, oldest first.
Util::Result<std::vector<Trading::Order>> orders(SqliteDatabase &db);

/// The newest paper account (the first when none was reset).
Util::Result<PaperAccount> currentAccount(SqliteDatabase &db);
/// Stores the account a reset begins.
Util::Status beginAccount(SqliteDatabase &db, const PaperAccount &account);

/// The equity an account began a day with (the day as YYYY-MM-DD in the session's zone).
Util::Status saveDayStart(SqliteDatabase &db, qint64 account, const QString &day, double equity);
Util::Result<std::optional<double>> dayStart(SqliteDatabase &db, qint64 account, const QString &day);

/// Which signals the paper broker trades on, in order.
Util::Result<std::vector<Trading::AutoTrade>> autoTrades(SqliteDatabase &db);
/// Replaces them all, in one transaction.
Util::Status setAutoTrades(SqliteDatabase &db, const std::vector<Trading::AutoTrade> &entries);

/// Keeps the analysis of a day (in a time zone), replacing an earlier one.
Util::Status saveDay(SqliteDatabase &db, const QString &day, const QString &zone, const QByteArray &analysis,
                     Model::TimestampUs now);
/// The stored analysis of a day, or nothing.
Util::Result<std::optional<QByteArray>> storedDay(SqliteDatabase &db, const QString &day, const QString &zone);

} // namespace TradeStore

} // namespace Storage
