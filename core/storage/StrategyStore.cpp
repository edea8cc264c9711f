// SPDX-License-Identifier: MIT
#include "StrategyStore.h"

#include "SqliteDatabase.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Storage::StrategyStore {

namespace {

#define STRATEGY_COLUMNS "SELECT id, name, definition, updated_us FROM strategies "

Saved savedAt(const Statement &st)
{
    Saved s;
    s.id = st.columnInt64(0);
    s.name = st.columnText(1);
    s.definition = QJsonDocument::fromJson(st.columnText(2).toUtf8()).object();
    s.updatedUs = st.columnInt64(3);
    return s;
}

QString failed(SqliteDatabase &db)
{
    return u"the strategies cannot be stored or read: %1"_s.arg(db.lastError());
}

void bindName(Statement &st, int index, const QByteArray &name)
{
    st.bindText(index, {name.constData(), std::size_t(name.size())});
}

} // namespace

Util::Result<std::vector<Saved>> all(SqliteDatabase &db)
{
    using R = Util::Result<std::vector<Saved>>;
    auto st = db.prepare(STRATEGY_COLUMNS "ORDER BY name");
    if (!st)
        return R::failure(st.error());
    std::vector<Saved> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row)
        out.push_back(savedAt(*st));
    if (rc != Step::Done)
        return R::failure(failed(db));
    return out;
}

Util::Result<std::optional<Saved>> named(SqliteDatabase &db, const QString &name)
{
    using R = Util::Result<std::optional<Saved>>;
    auto st = db.prepare(STRATEGY_COLUMNS "WHERE name = ?1");
    if (!st)
        return R::failure(st.error());
    const QByteArray utf8 = name.toUtf8();
    bindName(*st, 1, utf8);
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<Saved>();
    if (rc != Step::Row)
        return R::failure(failed(db));
    return std::optional(savedAt(*st));
}

Util::Result<qint64> save(SqliteDatabase &db, const QString &name, const QJsonObject &definition, qint64 nowUs)
{
    using R = Util::Result<qint64>;
    auto st = db.prepare("INSERT INTO strategies (name, definition, updated_us) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, "
                         "updated_us = excluded.updated_us RETURNING id");
    if (!st)
        return R::failure(st.error());
    const QByteArray utf8 = name.toUtf8();
    const QByteArray json = QJsonDocument(definition).toJson(QJsonDocument::Compact);
    bindName(*st, 1, utf8);
    bindName(*st, 2, json);
    st->bind(3, std::int64_t(nowUs));
    if (st->step() != Step::Row)
        return R::failure(failed(db));
    return qint64(st->columnInt64(0));
}

Util::Result<bool> remove(SqliteDatabase &db, const QString &name)
{
    using R = Util::Result<bool>;
    auto st = db.prepare("DELETE FROM strategies WHERE name = ?1 RETURNING id");
    if (!st)
        return R::failure(st.error());
    const QByteArray utf8 = name.toUtf8();
    bindName(*st, 1, utf8);
    const Step rc = st->step();
    if (rc != Step::Row && rc != Step::Done)
        return R::failure(failed(db));
    return rc == Step::Row;
}

} // namespace Storage::StrategyStore
