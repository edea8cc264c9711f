// SPDX-License-Identifier: MIT
#include "DrawingStore.h"

#include "SqliteDatabase.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Storage::DrawingStore {

namespace {

#define DRAWING_COLUMNS "SELECT id, symbol, kind, time1_us, price1, time2_us, price2, alert_id FROM drawings "

Util::Status failed(SqliteDatabase &db)
{
    return Util::Status::failure(u"the drawings cannot be stored or read: %1"_s.arg(db.lastError()));
}

Alerts::Drawing drawingAt(const Statement &st)
{
    Alerts::Drawing d;
    d.id = st.columnInt64(0);
    d.symbol = st.columnText(1);
    d.kind = Alerts::drawingKind(st.columnText(2)).value_or(Alerts::Drawing::Kind::Horizontal);
    d.time1 = st.columnInt64(3);
    d.price1 = st.columnDouble(4);
    d.time2 = st.columnInt64(5);
    d.price2 = st.columnDouble(6);
    d.alertId = st.columnIsNull(7) ? 0 : st.columnInt64(7);
    return d;
}

/// Binds ?2.. ?8 (symbol to alert) of an insert or update.
void bindFields(Statement &st, const Alerts::Drawing &d, const QByteArray &symbol, const QByteArray &kind)
{
    st.bindText(2, {symbol.constData(), std::size_t(symbol.size())});
    st.bindText(3, {kind.constData(), std::size_t(kind.size())});
    st.bind(4, std::int64_t(d.time1));
    st.bind(5, d.price1);
    st.bind(6, std::int64_t(d.time2));
    st.bind(7, d.price2);
    if (d.alertId > 0)
        st.bind(8, std::int64_t(d.alertId));
    else
        st.bindNull(8);
}

} // namespace

Util::Result<std::vector<Alerts::Drawing>> of(SqliteDatabase &db, const QString &symbol)
{
    using R = Util::Result<std::vector<Alerts::Drawing>>;
    auto st = db.prepare(DRAWING_COLUMNS "WHERE symbol = ?1 ORDER BY id");
    if (!st)
        return R::failure(st.error());
    const QByteArray name = symbol.toUtf8();
    st->bindText(1, {name.constData(), std::size_t(name.size())});
    std::vector<Alerts::Drawing> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row)
        out.push_back(drawingAt(*st));
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return out;
}

Util::Result<std::optional<Alerts::Drawing>> find(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<std::optional<Alerts::Drawing>>;
    auto st = db.prepare(DRAWING_COLUMNS "WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(id));
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<Alerts::Drawing>();
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return std::optional<Alerts::Drawing>(drawingAt(*st));
}

Util::Result<qint64> add(SqliteDatabase &db, const Alerts::Drawing &drawing, Model::TimestampUs now)
{
    using R = Util::Result<qint64>;
    auto st = db.prepare("INSERT INTO drawings(symbol, kind, time1_us, price1, time2_us, price2, alert_id, created_us) "
                         "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1)");
    if (!st)
        return R::failure(st.error());
    const QByteArray symbol = drawing.symbol.toUtf8();
    const QByteArray kind = Alerts::kindName(drawing.kind).toLatin1();
    st->bind(1, std::int64_t(now));
    bindFields(*st, drawing, symbol, kind);
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return qint64(sqlite3_last_insert_rowid(db.handle()));
}

Util::Result<bool> replace(SqliteDatabase &db, const Alerts::Drawing &drawing)
{
    using R = Util::Result<bool>;
    auto st = db.prepare("UPDATE drawings SET symbol = ?2, kind = ?3, time1_us = ?4, price1 = ?5, time2_us = ?6, "
                         "price2 = ?7, alert_id = ?8 WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    const QByteArray symbol = drawing.symbol.toUtf8();
    const QByteArray kind = Alerts::kindName(drawing.kind).toLatin1();
    st->bind(1, std::int64_t(drawing.id));
    bindFields(*st, drawing, symbol, kind);
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return sqlite3_changes(db.handle()) > 0;
}

Util::Result<bool> remove(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<bool>;
    auto st = db.prepare("DELETE FROM drawings WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(id));
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return sqlite3_changes(db.handle()) > 0;
}

Util::Result<QStringList> symbolsCarrying(SqliteDatabase &db, qint64 alertId)
{
    using R = Util::Result<QStringList>;
    auto st = db.prepare("SELECT DISTINCT symbol FROM drawings WHERE alert_id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(alertId));
    QStringList symbols;
    Step rc{};
    while ((rc = st->step()) == Step::Row)
        symbols.append(st->columnText(0));
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return symbols;
}

} // namespace Storage::DrawingStore
