// SPDX-License-Identifier: MIT
#include "Queries.h"

#include "SqliteDatabase.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage {

namespace {

/// `symbol IN (?, ?, ...)` for the filter's symbols, bound from index `first`.
QByteArray symbolClause(const QStringList &symbols, int first)
{
    if (symbols.isEmpty())
        return "1";
    QByteArray sql = "symbol IN (";
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

QByteArray signalWhere(const SignalFilter &f)
{
    return " WHERE (?1 = '' OR side = ?1) AND (?2 = '' OR rule = ?2) AND ts_us >= ?3 AND ts_us <= ?4 AND " +
           symbolClause(f.symbols, SymbolsFrom);
}

Util::Result<Statement> prepareSignals(SqliteDatabase &db, const SignalFilter &f, const QByteArray &select,
                                       const QByteArray &tail, Bindings &b)
{
    auto st = db.prepare(QByteArray(select + signalWhere(f) + tail).constData());
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

Util::Result<Statement> prepareTicks(SqliteDatabase &db, const TickFilter &f, const QByteArray &select,
                                     const QByteArray &tail, Bindings &b)
{
    auto st = db.prepare(
        QByteArray(select + " WHERE ts_us >= ?3 AND ts_us <= ?4 AND " + symbolClause(f.symbols, SymbolsFrom) + tail)
            .constData());
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
    if (st->step() != SQLITE_ROW)
        return Util::Result<qint64>::failure(u"reading the database failed: %1"_s.arg(db.lastError()));
    const qint64 n = st->columnInt64(0);
    return limit > 0 ? std::min(n, limit) : n;
}

Util::Status finished(int rc, SqliteDatabase &db)
{
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    return Util::Status::failure(u"reading the database failed: %1"_s.arg(db.lastError()));
}

} // namespace

QByteArray signalColumns(const char *table)
{
    QByteArray columns;
    for (const char *name : {"id", "symbol", "ts_us", "rule", "side", "price", "reason", "snapshot"}) {
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
    s.rule = st.columnText(first + 3);
    s.side = Model::sideFromName(st.columnText(first + 4));
    s.price = st.columnDouble(first + 5);
    s.reason = st.columnText(first + 6);
    s.snapshot = st.columnUtf8(first + 7);
}

Util::Status forEachSignal(SqliteDatabase &db, const SignalFilter &filter,
                           const std::function<bool(const Model::TradeSignal &)> &row)
{
    Bindings b;
    auto st = prepareSignals(db, filter, "SELECT " + signalColumns() + " FROM signals",
                             orderAndLimit(filter.newestFirst, filter.limit), b);
    if (!st)
        return Util::Status::failure(st.error());
    int rc = 0;
    Model::TradeSignal s;
    while ((rc = st->step()) == SQLITE_ROW) {
        readSignal(*st, 0, s);
        if (!row(s))
            break;
    }
    return finished(rc, db);
}

Util::Result<qint64> countSignals(SqliteDatabase &db, const SignalFilter &filter)
{
    Bindings b;
    return countOf(prepareSignals(db, filter, "SELECT count(*) FROM signals", {}, b), db, filter.limit);
}

Util::Status forEachTick(SqliteDatabase &db, const TickFilter &filter,
                         const std::function<bool(const Model::Tick &)> &row)
{
    Bindings b;
    auto st = prepareTicks(db, filter, "SELECT symbol, ts_us, open, high, low, close, volume FROM ticks",
                           orderAndLimit(filter.newestFirst, filter.limit), b);
    if (!st)
        return Util::Status::failure(st.error());
    int rc = 0;
    Model::Tick t;
    while ((rc = st->step()) == SQLITE_ROW) {
        Model::Symbol::fromString(st->columnText(0), t.symbol);
        t.timestamp = st->columnInt64(1);
        t.open = st->columnDouble(2);
        t.high = st->columnDouble(3);
        t.low = st->columnDouble(4);
        t.close = st->columnDouble(5);
        t.volume = st->columnInt64(6);
        if (!row(t))
            break;
    }
    return finished(rc, db);
}

Util::Result<qint64> countTicks(SqliteDatabase &db, const TickFilter &filter)
{
    Bindings b;
    return countOf(prepareTicks(db, filter, "SELECT count(*) FROM ticks", {}, b), db, filter.limit);
}

struct SymbolHistoryReader::Impl
{
    std::unique_ptr<SqliteDatabase> db;
    Statement symbols;
    Statement bars;
    Statement lastSignal;
};

Util::Result<std::unique_ptr<SymbolHistoryReader>> SymbolHistoryReader::open(const QString &databasePath)
{
    using R = Util::Result<std::unique_ptr<SymbolHistoryReader>>;
    auto db = SqliteDatabase::open(databasePath, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    auto impl = std::make_unique<Impl>();
    // A skip-scan over the (symbol, ts_us) index: one probe per symbol, not a pass over every tick.
    auto symbols = (*db)->prepare(
        "WITH RECURSIVE s(symbol) AS (SELECT MIN(symbol) FROM ticks UNION ALL "
        "SELECT (SELECT MIN(symbol) FROM ticks WHERE symbol > s.symbol) FROM s WHERE s.symbol IS NOT NULL) "
        "SELECT symbol FROM s WHERE symbol IS NOT NULL");
    auto bars = (*db)->prepare("SELECT open, high, low, close, volume, ts_us FROM ticks WHERE symbol = ?1 "
                               "ORDER BY ts_us DESC, id DESC LIMIT ?2");
    auto lastSignal = (*db)->prepare("SELECT side, rule, ts_us FROM signals WHERE symbol = ?1 "
                                     "ORDER BY ts_us DESC, id DESC LIMIT 1");
    if (!symbols || !bars || !lastSignal)
        return R::failure(u"cannot read history from %1: %2"_s.arg(databasePath, (*db)->lastError()));
    impl->symbols = std::move(*symbols);
    impl->bars = std::move(*bars);
    impl->lastSignal = std::move(*lastSignal);
    impl->db = std::move(*db);
    return std::unique_ptr<SymbolHistoryReader>(new SymbolHistoryReader(std::move(impl)));
}

SymbolHistoryReader::SymbolHistoryReader(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

SymbolHistoryReader::~SymbolHistoryReader()
{
    if (d) { // statements before their connection
        d->symbols = {};
        d->bars = {};
        d->lastSignal = {};
    }
}

SymbolHistory SymbolHistoryReader::read(const Model::Symbol &symbol, int bars)
{
    SymbolHistory history;
    Model::Tick bar;
    bar.symbol = symbol;
    d->bars.bindText(1, symbol.view());
    d->bars.bind(2, std::int64_t(bars));
    while (d->bars.step() == SQLITE_ROW) {
        bar.open = d->bars.columnDouble(0);
        bar.high = d->bars.columnDouble(1);
        bar.low = d->bars.columnDouble(2);
        bar.close = d->bars.columnDouble(3);
        bar.volume = d->bars.columnInt64(4);
        bar.timestamp = d->bars.columnInt64(5);
        history.bars.push_back(bar);
    }
    d->bars.reset();
    std::reverse(history.bars.begin(), history.bars.end());
    d->lastSignal.bindText(1, symbol.view());
    if (d->lastSignal.step() == SQLITE_ROW) {
        Model::TradeSignal signal;
        signal.symbol = symbol;
        signal.side = Model::sideFromName(d->lastSignal.columnText(0));
        signal.rule = d->lastSignal.columnText(1);
        signal.timestamp = d->lastSignal.columnInt64(2);
        history.lastSignal = std::move(signal);
    }
    d->lastSignal.reset();
    return history;
}

std::vector<Model::Symbol> SymbolHistoryReader::symbols()
{
    std::vector<Model::Symbol> out;
    Model::Symbol symbol;
    while (d->symbols.step() == SQLITE_ROW)
        if (Model::Symbol::fromString(d->symbols.columnText(0), symbol))
            out.push_back(symbol);
    d->symbols.reset();
    return out;
}

} // namespace Storage
