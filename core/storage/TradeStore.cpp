// SPDX-License-Identifier: MIT
#include "TradeStore.h"

#include "SqliteDatabase.h"

#include <QJsonDocument>

#include <sqlite3.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace Storage::TradeStore {

namespace {

#define TRADE_COLUMNS                                                                                                  \
    "SELECT id, symbol, side, quantity, price, fee, ts_us, order_id, note, created_us, account FROM trades "

Util::Status failed(SqliteDatabase &db)
{
    return Util::Status::failure(u"the trades cannot be stored or read: %1"_s.arg(db.lastError()));
}

StoredTrade tradeAt(const Statement &st)
{
    StoredTrade t;
    t.id = st.columnInt64(0);
    t.fill.symbol = st.columnText(1);
    t.fill.side = Trading::sideFromName(st.columnText(2)).value_or(Trading::Side::Buy);
    t.fill.quantity = st.columnDouble(3);
    t.fill.price = st.columnDouble(4);
    t.fill.fee = st.columnDouble(5);
    t.fill.time = st.columnInt64(6);
    t.fill.orderId = st.columnIsNull(7) ? 0 : st.columnInt64(7);
    t.note = st.columnText(8);
    t.createdUs = st.columnInt64(9);
    t.fill.account = st.columnInt64(10);
    return t;
}

/// Every trade row `st` gives, in its order.
Util::Result<std::vector<StoredTrade>> allRows(Statement &st, SqliteDatabase &db)
{
    std::vector<StoredTrade> out;
    Step rc{};
    while ((rc = st.step()) == Step::Row)
        out.push_back(tradeAt(st));
    if (rc != Step::Done)
        return Util::Result<std::vector<StoredTrade>>::failure(failed(db).error());
    return out;
}

/// Binds ?2 to ?9 (symbol to note); the texts must outlive the step.
void bindTrade(Statement &st, const Trading::Fill &f, const QByteArray &symbol, const QByteArray &side,
               const QByteArray &note)
{
    st.bindText(2, {symbol.constData(), std::size_t(symbol.size())});
    st.bindText(3, {side.constData(), std::size_t(side.size())});
    st.bind(4, f.quantity);
    st.bind(5, f.price);
    st.bind(6, f.fee);
    st.bind(7, std::int64_t(f.time));
    if (f.orderId > 0)
        st.bind(8, std::int64_t(f.orderId));
    else
        st.bindNull(8);
    st.bindText(9, {note.constData(), std::size_t(note.size())});
}

} // namespace

Util::Result<qint64> add(SqliteDatabase &db, const Trading::Fill &fill, const QString &note, Model::TimestampUs now)
{
    using R = Util::Result<qint64>;
    // A trade without an account belongs to the current one (the newest reset's, 0 before any).
    auto st = db.prepare("INSERT INTO trades(symbol, side, quantity, price, fee, ts_us, order_id, note, created_us, "
                         "account) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?1, CASE WHEN ?10 >= 0 THEN ?10 ELSE "
                         "(SELECT coalesce(max(id), 0) FROM paper_accounts) END)");
    if (!st)
        return R::failure(st.error());
    const QByteArray symbol = fill.symbol.toUtf8(), side = Trading::sideName(fill.side).toLatin1(),
                     text = note.toUtf8();
    st->bind(1, std::int64_t(now));
    bindTrade(*st, fill, symbol, side, text);
    st->bind(10, std::int64_t(fill.account));
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return qint64(sqlite3_last_insert_rowid(db.handle()));
}

Util::Result<std::optional<StoredTrade>> find(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<std::optional<StoredTrade>>;
    auto st = db.prepare(TRADE_COLUMNS "WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(id));
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<StoredTrade>();
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return std::optional<StoredTrade>(tradeAt(*st));
}

Util::Result<bool> replace(SqliteDatabase &db, const StoredTrade &trade)
{
    using R = Util::Result<bool>;
    auto st = db.prepare("UPDATE trades SET symbol = ?2, side = ?3, quantity = ?4, price = ?5, fee = ?6, ts_us = ?7, "
                         "order_id = ?8, note = ?9 WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    const QByteArray symbol = trade.fill.symbol.toUtf8(), side = Trading::sideName(trade.fill.side).toLatin1(),
                     text = trade.note.toUtf8();
    st->bind(1, std::int64_t(trade.id));
    bindTrade(*st, trade.fill, symbol, side, text);
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return sqlite3_changes(db.handle()) > 0;
}

Util::Result<bool> remove(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<bool>;
    auto st = db.prepare("DELETE FROM trades WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(id));
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return sqlite3_changes(db.handle()) > 0;
}

Util::Result<std::vector<StoredTrade>> list(SqliteDatabase &db, const TradeFilter &filter)
{
    using R = Util::Result<std::vector<StoredTrade>>;
    // One statement for every filter: an absent bound is the widest one, so the time index serves all.
    static const char *const statements[2][2] = {
        {TRADE_COLUMNS "WHERE ts_us >= ?2 AND ts_us < ?3 ORDER BY ts_us, id LIMIT ?4 OFFSET ?5",
         TRADE_COLUMNS "WHERE ts_us >= ?2 AND ts_us < ?3 ORDER BY ts_us DESC, id DESC LIMIT ?4 OFFSET ?5"},
        {TRADE_COLUMNS "WHERE symbol = ?1 AND ts_us >= ?2 AND ts_us < ?3 ORDER BY ts_us, id LIMIT ?4 OFFSET ?5",
         TRADE_COLUMNS "WHERE symbol = ?1 AND ts_us >= ?2 AND ts_us < ?3 ORDER BY ts_us DESC, id DESC "
                       "LIMIT ?4 OFFSET ?5"},
    };
    auto st = db.prepare(statements[filter.symbol.isEmpty() ? 0 : 1][filter.newestFirst ? 1 : 0]);
    if (!st)
        return R::failure(st.error());
    const QByteArray symbol = filter.symbol.toUtf8();
    if (!filter.symbol.isEmpty())
        st->bindText(1, {symbol.constData(), std::size_t(symbol.size())});
    st->bind(2, std::int64_t(filter.from.value_or(std::numeric_limits<std::int64_t>::min())));
    st->bind(3, std::int64_t(filter.to.value_or(std::numeric_limits<std::int64_t>::max())));
    st->bind(4, std::int64_t(filter.limit));
    st->bind(5, std::int64_t(filter.offset));
    return allRows(*st, db);
}

Util::Result<std::vector<StoredTrade>> after(SqliteDatabase &db, qint64 afterId, qint64 limit)
{
    using R = Util::Result<std::vector<StoredTrade>>;
    auto st = db.prepare(TRADE_COLUMNS "WHERE id > ?1 ORDER BY id LIMIT ?2");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(afterId));
    st->bind(2, std::int64_t(limit));
    return allRows(*st, db);
}

Util::Result<std::vector<StoredTrade>> allStored(SqliteDatabase &db)
{
    using R = Util::Result<std::vector<StoredTrade>>;
    auto st = db.prepare(TRADE_COLUMNS "ORDER BY ts_us, id");
    if (!st)
        return R::failure(st.error());
    return allRows(*st, db);
}

Util::Result<std::vector<Trading::Fill>> all(SqliteDatabase &db, std::optional<qint64> account)
{
    auto stored = allStored(db);
    if (!stored)
        return Util::Result<std::vector<Trading::Fill>>::failure(stored.error());
    std::vector<Trading::Fill> out;
    out.reserve(stored->size());
    for (const StoredTrade &t : *stored)
        if (!account || t.fill.account == *account)
            out.push_back(t.fill);
    return out;
}

Util::Result<PaperAccount> currentAccount(SqliteDatabase &db)
{
    using R = Util::Result<PaperAccount>;
    auto st = db.prepare("SELECT id, starting_cash, began_us FROM paper_accounts ORDER BY id DESC LIMIT 1");
    if (!st)
        return R::failure(st.error());
    const Step rc = st->step();
    if (rc == Step::Done)
        return PaperAccount{};
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return PaperAccount{st->columnInt64(0), st->columnDouble(1), st->columnInt64(2)};
}

Util::Status beginAccount(SqliteDatabase &db, const PaperAccount &account)
{
    auto st = db.prepare("INSERT INTO paper_accounts(id, starting_cash, began_us) VALUES (?1, ?2, ?3)");
    if (!st)
        return Util::Status::failure(st.error());
    st->bind(1, std::int64_t(account.id));
    st->bind(2, account.startingCash.value_or(0));
    st->bind(3, std::int64_t(account.began));
    return st->step() == Step::Done ? Util::Status() : failed(db);
}

Util::Status saveOrder(SqliteDatabase &db, const Trading::Order &o)
{
    auto st =
        db.prepare("INSERT OR REPLACE INTO paper_orders(id, symbol, side, type, quantity, limit_price, stop_price, "
                   "time_in_force, placed_us, expires_us, status, reason, note, oco, fill_price) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    if (!st)
        return Util::Status::failure(st.error());
    const QByteArray symbol = o.symbol.toUtf8(), side = Trading::sideName(o.side).toLatin1(),
                     type = Trading::typeName(o.type).toLatin1(),
                     tif = Trading::timeInForceName(o.timeInForce).toLatin1(),
                     status = Trading::statusName(o.status).toLatin1(), reason = o.reason.toUtf8(),
                     note = o.note.toUtf8();
    const auto text = [](const QByteArray &b) { return std::string_view(b.constData(), std::size_t(b.size())); };
    st->bind(1, std::int64_t(o.id));
    st->bindText(2, text(symbol));
    st->bindText(3, text(side));
    st->bindText(4, text(type));
    st->bind(5, o.quantity);
    st->bind(6, o.limitPrice);
    st->bind(7, o.stopPrice);
    st->bindText(8, text(tif));
    st->bind(9, std::int64_t(o.placed));
    st->bind(10, std::int64_t(o.expires));
    st->bindText(11, text(status));
    st->bindText(12, text(reason));
    st->bindText(13, text(note));
    st->bind(14, std::int64_t(o.ocoWith));
    st->bind(15, o.fillPrice);
    return st->step() == Step::Done ? Util::Status() : failed(db);
}

Util::Result<std::vector<Trading::Order>> orders(SqliteDatabase &db)
{
    using R = Util::Result<std::vector<Trading::Order>>;
    auto st = db.prepare("SELECT id, symbol, side, type, quantity, limit_price, stop_price, time_in_force, placed_us, "
                         "expires_us, status, reason, note, oco, fill_price FROM paper_orders ORDER BY id");
    if (!st)
        return R::failure(st.error());
    std::vector<Trading::Order> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row) {
        Trading::Order o;
        o.id = st->columnInt64(0);
        o.symbol = st->columnText(1);
        o.side = Trading::sideFromName(st->columnText(2)).value_or(Trading::Side::Buy);
        o.type = Trading::typeFromName(st->columnText(3)).value_or(Trading::OrderType::Market);
        o.quantity = st->columnDouble(4);
        o.limitPrice = st->columnDouble(5);
        o.stopPrice = st->columnDouble(6);
        o.timeInForce = Trading::timeInForceFromName(st->columnText(7)).value_or(Trading::TimeInForce::Day);
        o.placed = st->columnInt64(8);
        o.expires = st->columnInt64(9);
        o.status = Trading::statusFromName(st->columnText(10)).value_or(Trading::OrderStatus::Cancelled);
        o.reason = st->columnText(11);
        o.note = st->columnText(12);
        o.ocoWith = st->columnInt64(13);
        o.fillPrice = st->columnDouble(14);
        out.push_back(o);
    }
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return out;
}

Util::Status saveDayStart(SqliteDatabase &db, qint64 account, const QString &day, double equity)
{
    auto st = db.prepare("INSERT OR REPLACE INTO paper_days(account, day, start_equity) VALUES (?1, ?2, ?3)");
    if (!st)
        return Util::Status::failure(st.error());
    const QByteArray d = day.toUtf8();
    st->bind(1, std::int64_t(account));
    st->bindText(2, {d.constData(), std::size_t(d.size())});
    st->bind(3, equity);
    return st->step() == Step::Done ? Util::Status() : failed(db);
}

Util::Result<std::optional<double>> dayStart(SqliteDatabase &db, qint64 account, const QString &day)
{
    using R = Util::Result<std::optional<double>>;
    auto st = db.prepare("SELECT start_equity FROM paper_days WHERE account = ?1 AND day = ?2");
    if (!st)
        return R::failure(st.error());
    const QByteArray d = day.toUtf8();
    st->bind(1, std::int64_t(account));
    st->bindText(2, {d.constData(), std::size_t(d.size())});
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<double>();
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return std::optional<double>(st->columnDouble(0));
}

Util::Result<std::vector<Trading::AutoTrade>> autoTrades(SqliteDatabase &db)
{
    using R = Util::Result<std::vector<Trading::AutoTrade>>;
    auto st = db.prepare("SELECT definition FROM paper_autotrade ORDER BY position");
    if (!st)
        return R::failure(st.error());
    std::vector<Trading::AutoTrade> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row)
        if (auto entry = Trading::autoTradeFromJson(QJsonDocument::fromJson(st->columnUtf8(0)).object()))
            out.push_back(*entry);
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return out;
}

Util::Status setAutoTrades(SqliteDatabase &db, const std::vector<Trading::AutoTrade> &entries)
{
    if (auto s = db.exec("BEGIN IMMEDIATE; DELETE FROM paper_autotrade;"); !s) {
        db.exec("ROLLBACK");
        return s;
    }
    auto st = db.prepare("INSERT INTO paper_autotrade(position, definition) VALUES (?1, ?2)");
    bool ok = bool(st);
    for (std::size_t i = 0; ok && i < entries.size(); ++i) {
        const QByteArray text = QJsonDocument(Trading::toJson(entries[i])).toJson(QJsonDocument::Compact);
        st->bind(1, std::int64_t(i));
        st->bindText(2, {text.constData(), std::size_t(text.size())});
        ok = st->step() == Step::Done;
        st->reset();
    }
    if (!ok) {
        const Util::Status error = failed(db);
        db.exec("ROLLBACK");
        return error;
    }
    return db.exec("COMMIT");
}

Util::Status saveDay(SqliteDatabase &db, const QString &day, const QString &zone, const QByteArray &analysis,
                     Model::TimestampUs now)
{
    auto st = db.prepare("INSERT OR REPLACE INTO trade_days(day, zone, analysis, computed_us) VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return Util::Status::failure(st.error());
    const QByteArray d = day.toUtf8(), z = zone.toUtf8();
    st->bindText(1, {d.constData(), std::size_t(d.size())});
    st->bindText(2, {z.constData(), std::size_t(z.size())});
    st->bindText(3, {analysis.constData(), std::size_t(analysis.size())});
    st->bind(4, std::int64_t(now));
    return st->step() == Step::Done ? Util::Status() : failed(db);
}

Util::Result<std::optional<QByteArray>> storedDay(SqliteDatabase &db, const QString &day, const QString &zone)
{
    using R = Util::Result<std::optional<QByteArray>>;
    auto st = db.prepare("SELECT analysis FROM trade_days WHERE day = ?1 AND zone = ?2");
    if (!st)
        return R::failure(st.error());
    const QByteArray d = day.toUtf8(), z = zone.toUtf8();
    st->bindText(1, {d.constData(), std::size_t(d.size())});
    st->bindText(2, {z.constData(), std::size_t(z.size())});
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<QByteArray>();
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return std::optional<QByteArray>(st->columnUtf8(0));
}

} // namespace Storage::TradeStore
