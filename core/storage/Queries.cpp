// SPDX-License-Identifier: MIT
#include "Queries.h"

#include "BarStore.h"
#include "SignalIndex.h"
#include "SqliteDatabase.h"

#include <QLoggingCategory>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

namespace {

/// `column IN (?, ?, ...)` for the filter's symbols, bound from index `first`.
QByteArray symbolClause(const QStringList &symbols, int first, const char *column = "symbol")
{
    if (symbols.isEmpty())
        return "1";
    QByteArray sql = QByteArray(column) + " IN (";
    for (qsizetype i = 0; i < symbols.size(); ++i) {
        if (i > 0)
            sql += ',';
        sql += '?' + QByteArray::number(first + int(i));
    }
    return sql + ')';
}

/// Keeps the bound text alive until the statement is done with it.
struct Bindings
{
    std::vector<QByteArray> text;

    void bindText(Statement &st, int index, const QString &value)
    {
        text.push_back(value.toUtf8());
        st.bindText(index, std::string_view(text.back().constData(), std::size_t(text.back().size())));
    }
};

constexpr int SymbolsFrom = 10; ///< parameters ?1..?9 are the fixed ones

/// The filter's conditions on a row of `signals` (as `s`), its time and symbol read from `table`'s columns.
QByteArray signalConditions(const SignalFilter &f, const char *table)
{
    const QByteArray t(table);
    return " WHERE (?1 = '' OR s.side = ?1) AND (?2 = '' OR s.rule = ?2) AND " + t + ".ts_us >= ?3 AND " + t +
           ".ts_us <= ?4 AND " + symbolClause(f.symbols, SymbolsFrom, QByteArray(t + ".symbol").constData());
}

/// The SELECTs of `columns` (of a row of `signals` as `s`) that together give the filter's signals once each:
/// `signals` alone when it names no symbol; else the named symbols' entries of `signals_by_symbol` (as `x`, whose
/// time and id `indexedColumns` read instead, so that a symbol's rows come in time order from there) and the
/// rows not moved there yet (SignalIndex.h), found by their ids (the time index would have the newest-first
/// order read all of `signals` for them).
std::vector<QByteArray> signalSources(const SignalFilter &f, const QByteArray &columns,
                                      const QByteArray &indexedColumns)
{
    if (f.symbols.isEmpty())
        return {"SELECT " + columns + " FROM signals s" + signalConditions(f, "s")};
    return {"SELECT " + indexedColumns + " FROM signals_by_symbol x JOIN signals s ON s.id = x.id" +
                signalConditions(f, "x"),
            "SELECT " + columns + " FROM signals s NOT INDEXED" + signalConditions(f, "s") + " AND " +
                SignalIndex::unindexedSql("s")};
}

Util::Result<Statement> prepareSignals(SqliteDatabase &db, const SignalFilter &f, const QByteArray &sql, Bindings &b)
{
    auto st = db.prepare(sql.constData());
    if (!st)
        return st;
    b.text.reserve(std::size_t(f.symbols.size()) + 2);
    b.bindText(*st, 1, f.side);
    b.bindText(*st, 2, f.rule);
    st->bind(3, std::int64_t(f.fromUs));
    st->bind(4, std::int64_t(f.toUs));
    for (qsizetype i = 0; i < f.symbols.size(); ++i)
        b.bindText(*st, SymbolsFrom + int(i), f.symbols[i]);
    return st;
}

/// Bars live in three tables (BarStore.h): `bars`, and two logs whose rows up to their mark
/// (merged_through, merged_ts, merged_seq) are in `bars` already. One SELECT of `columns` over one of them (-1: bars),
/// filtered.
QByteArray barSource(int log, const QByteArray &columns, const TickFilter &f)
{
    const QByteArray table =
        log < 0 ? QByteArray("bar_blocks k, bar_rows(k.data) x JOIN symbols s ON s.id = k.symbol_id")
                : "bars_log" + QByteArray::number(log) + " j, bar_rows(j.data) x JOIN symbols s ON s.id = x.symbol_id";
    QByteArray sql = "SELECT " + columns + " FROM " + table + " WHERE x.ts_us >= ?3 AND x.ts_us <= ?4 AND " +
                     symbolClause(f.symbols, SymbolsFrom, "s.name");
    if (log < 0) // only the blocks that can hold rows of the range (BarBlocks.h)
        sql += " AND k.last_ts >= ?3 AND k.first_ts <= ?4 AND k.last_ts <= (SELECT coalesce(min(last_ts), "
               "9223372036854775807) FROM bar_blocks b WHERE b.symbol_id = k.symbol_id AND b.last_ts > ?4)";
    if (log >= 0) // the bucket lets a query of named symbols read their buckets only
        sql += " AND " + LogIndex::inBucketSql(log, "j", BarStore::bucketSql("s.id")) + " AND " +
               BarStore::notMovedSql(log, "x.symbol_id", "x.");
    return sql;
}

constexpr const char *BarColumns = "s.name AS symbol, x.ts_us AS ts_us, x.seq AS id, x.open AS open, x.high AS "
                                   "high, x.low AS low, x.close AS close, x.volume AS volume";

/// Every matching bar once, whichever table holds it; `tail` orders and limits the union.
QByteArray barsSelect(const TickFilter &f, const QByteArray &tail)
{
    return barSource(-1, BarColumns, f) + " UNION ALL " + barSource(0, BarColumns, f) + " UNION ALL " +
           barSource(1, BarColumns, f) + tail;
}

QByteArray barsCount(const TickFilter &f)
{
    return "SELECT (" + barSource(-1, "count(*)", f) + ") + (" + barSource(0, "count(*)", f) + ") + (" +
           barSource(1, "count(*)", f) + ')';
}

Util::Result<Statement> prepareTicks(SqliteDatabase &db, const TickFilter &f, const QByteArray &sql, Bindings &b)
{
    auto st = db.prepare(sql.constData());
    if (!st)
        return st;
    b.text.reserve(std::size_t(f.symbols.size()));
    st->bind(3, std::int64_t(f.fromUs));
    st->bind(4, std::int64_t(f.toUs));
    for (qsizetype i = 0; i < f.symbols.size(); ++i)
        b.bindText(*st, SymbolsFrom + int(i), f.symbols[i]);
    return st;
}

QByteArray orderAndLimit(bool newestFirst, qint64 limit)
{
    QByteArray tail = newestFirst ? " ORDER BY ts_us DESC, id DESC" : " ORDER BY ts_us, id";
    if (limit > 0)
        tail += " LIMIT " + QByteArray::number(limit);
    return tail;
}

/// The single count(*) a prepared statement answers, capped by the filter's limit.
Util::Result<qint64> countOf(Util::Result<Statement> st, SqliteDatabase &db, qint64 limit)
{
    if (!st)
        return Util::Result<qint64>::failure(st.error());
    if (st->step() != Step::Row)
        return Util::Result<qint64>::failure(u"reading the database failed: %1"_s.arg(db.lastError()));
    const qint64 n = st->columnInt64(0);
    return limit > 0 ? std::min(n, limit) : n;
}

Util::Status finished(Step rc, SqliteDatabase &db)
{
    if (rc == Step::Done || rc == Step::Row)
        return {};
    return Util::Status::failure(u"reading the database failed: %1"_s.arg(db.lastError()));
}

/// Hands each signal row of `st` to `row` until it says stop.
Util::Status eachSignal(Statement &st, SqliteDatabase &db, const std::function<bool(const Model::TradeSignal &)> &row)
{
    Step rc{};
    Model::TradeSignal s;
    while ((rc = st.step()) == Step::Row) {
        readSignal(st, 0, s);
        if (!row(s))
            break;
    }
    return finished(rc, db);
}

} // namespace

QByteArray signalColumns(const char *table)
{
    QByteArray columns;
    for (const char *name : {"id", "symbol", "ts_us", "rule", "side", "price", "reason", "snapshot", "timeframe"}) {
        if (!columns.isEmpty())
            columns += ", ";
        if (table)
            columns.append(table).append('.');
        columns += name;
    }
    return columns;
}

void readSignal(const Statement &st, int first, Model::TradeSignal &s)
{
    s.id = st.columnInt64(first);
    Model::Symbol::fromString(st.columnText(first + 1), s.symbol);
    s.timestamp = st.columnInt64(first + 2);
    s.side = Model::sideFromName(st.columnText(first + 4));
    s.price = st.columnDouble(first + 5);
    s.reason = st.columnText(first + 6);
    s.snapshot = st.columnUtf8(first + 7);
    s.setRuleName(st.columnText(first + 3), Model::TradeSignal::namesAlert(s.side, s.snapshot));
    s.timeframe = st.columnText(first + 8);
}

Util::Status forEachSignal(SqliteDatabase &db, const SignalFilter &filter,
                           const std::function<bool(const Model::TradeSignal &)> &row)
{
    QByteArray sql;
    for (const QByteArray &source : signalSources(filter, signalColumns("s"),
                                                  "x.id AS id, x.symbol AS symbol, x.ts_us AS ts_us, s.rule, "
                                                  "s.side, s.price, s.reason, s.snapshot, s.timeframe"))
        sql += (sql.isEmpty() ? "" : " UNION ALL ") + source;
    Bindings b;
    auto st = prepareSignals(db, filter, sql + orderAndLimit(filter.newestFirst, filter.limit), b);
    if (!st)
        return Util::Status::failure(st.error());
    return eachSignal(*st, db, row);
}

Util::Status forEachSignalAfter(SqliteDatabase &db, qint64 afterId, qint64 limit,
                                const std::function<bool(const Model::TradeSignal &)> &row)
{
    const QByteArray sql = "SELECT " + signalColumns() + " FROM signals WHERE id > ?1 ORDER BY id LIMIT ?2";
    auto st = db.prepare(sql.constData());
    if (!st)
        return Util::Status::failure(st.error());
    st->bind(1, std::int64_t(afterId));
    st->bind(2, std::int64_t(limit));
    return eachSignal(*st, db, row);
}

Util::Result<qint64> newestSignalId(SqliteDatabase &db)
{
    auto st = db.prepare("SELECT coalesce(max(id), 0) FROM signals");
    if (!st)
        return Util::Result<qint64>::failure(st.error());
    if (st->step() != Step::Row)
        return Util::Result<qint64>::failure(db.lastError());
    return qint64(st->columnInt64(0));
}

Util::Result<qint64> countSignals(SqliteDatabase &db, const SignalFilter &filter)
{
    QByteArray sql;
    for (const QByteArray &source : signalSources(filter, "count(*)", "count(*)"))
        sql += (sql.isEmpty() ? "SELECT (" : ") + (") + source;
    Bindings b;
    return countOf(prepareSignals(db, filter, sql + ')', b), db, filter.limit);
}

Util::Status forEachTick(SqliteDatabase &db, const TickFilter &filter,
                         const std::function<bool(const Model::Tick &)> &row)
{
    Bindings b;
    auto st = prepareTicks(db, filter, barsSelect(filter, orderAndLimit(filter.newestFirst, filter.limit)), b);
    if (!st)
        return Util::Status::failure(st.error());
    Step rc{};
    Model::Tick t;
    while ((rc = st->step()) == Step::Row) {
        Model::Symbol::fromString(st->columnText(0), t.symbol);
        t.timestamp = st->columnInt64(1);
        t.open = st->columnPrice(3);
        t.high = st->columnPrice(4);
        t.low = st->columnPrice(5);
        t.close = st->columnPrice(6);
        t.volume = st->columnInt64(7);
        if (!row(t))
            break;
    }
    return finished(rc, db);
}

Util::Result<qint64> countTicks(SqliteDatabase &db, const TickFilter &filter)
{
    Bindings b;
    return countOf(prepareTicks(db, filter, barsCount(filter), b), db, filter.limit);
}

} // namespace Storage
