// SPDX-License-Identifier: MIT
#include "AlertStore.h"

#include "SqliteDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Storage::AlertStore {

namespace {

constexpr std::pair<Alerts::Status, const char *> StatusNames[] = {
    {Alerts::Status::Active, "active"},     {Alerts::Status::Fired, "fired"}, {Alerts::Status::Expired, "expired"},
    {Alerts::Status::Disabled, "disabled"}, {Alerts::Status::Error, "error"},
};

Util::Status failed(SqliteDatabase &db)
{
    return Util::Status::failure(u"the alerts cannot be stored or read: %1"_s.arg(db.lastError()));
}

QByteArray definitionText(const Alerts::Definition &alert)
{
    QJsonObject json = Alerts::toJson(alert);
    json.remove(u"id"_s); // the row's id is the alert's
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

StoredAlert alertAt(const Statement &st)
{
    const QJsonDocument doc = QJsonDocument::fromJson(st.columnUtf8(1));
    auto alert = Alerts::fromJson(doc.object());
    if (!alert) {
        StoredAlert unreadable{Alerts::Definition{}, st.columnInt64(2), st.columnInt64(3), alert.error()};
        unreadable.alert.id = st.columnInt64(0);
        unreadable.alert.name = doc.object().value(u"name"_s).toString().left(200);
        if (unreadable.alert.name.isEmpty())
            unreadable.alert.name = u"alert %1"_s.arg(unreadable.alert.id);
        unreadable.alert.symbols.clear(); // it applies to no symbol until it is fixed
        for (const QJsonValue &symbol : doc.object().value(u"symbols"_s).toArray())
            unreadable.alert.symbols.append(symbol.toString());
        return unreadable;
    }
    alert->id = st.columnInt64(0);
    return StoredAlert{*alert, st.columnInt64(2), st.columnInt64(3), {}};
}

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

QString statusName(Alerts::Status status)
{
    for (const auto &[value, name] : StatusNames)
        if (value == status)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Alerts::Status> statusFromName(const QString &name)
{
    for (const auto &[value, text] : StatusNames)
        if (name == QLatin1StringView(text))
            return value;
    return std::nullopt;
}

Alerts::Status overallStatus(const StoredAlert &alert, const std::vector<StoredAlertState> &states,
                             Model::TimestampUs now)
{
    if (!overallError(alert, states).isEmpty())
        return Alerts::Status::Error;
    if (!alert.alert.enabled)
        return Alerts::Status::Disabled;
    if (alert.alert.expires && *alert.alert.expires <= now)
        return Alerts::Status::Expired;
    if (alert.alert.appliesTo(u"*"_s))
        return Alerts::Status::Active;
    const auto firedOn = [&](const QString &symbol) {
        return std::any_of(states.begin(), states.end(), [&](const StoredAlertState &s) {
            return s.symbol == symbol && s.state.status == Alerts::Status::Fired;
        });
    };
    const QStringList &symbols = alert.alert.symbols;
    return !symbols.isEmpty() && std::all_of(symbols.begin(), symbols.end(), firedOn) ? Alerts::Status::Fired
                                                                                      : Alerts::Status::Active;
}

QString overallError(const StoredAlert &alert, const std::vector<StoredAlertState> &states)
{
    if (!alert.error.isEmpty())
        return alert.error;
    for (const StoredAlertState &s : states)
        if (s.state.status == Alerts::Status::Error)
            return u"%1: %2"_s.arg(s.symbol, s.error);
    return {};
}

Util::Result<std::vector<StoredAlert>> all(SqliteDatabase &db)
{
    using R = Util::Result<std::vector<StoredAlert>>;
    auto st = db.prepare("SELECT id, definition, created_us, updated_us FROM alerts ORDER BY id");
    if (!st)
        return R::failure(st.error());
    std::vector<StoredAlert> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row) {
        out.push_back(alertAt(*st));
    }
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return out;
}

Util::Result<std::optional<StoredAlert>> find(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<std::optional<StoredAlert>>;
    auto st = db.prepare("SELECT id, definition, created_us, updated_us FROM alerts WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(id));
    const Step rc = st->step();
    if (rc == Step::Done)
        return std::optional<StoredAlert>();
    if (rc != Step::Row)
        return R::failure(failed(db).error());
    return std::optional<StoredAlert>(alertAt(*st));
}

Util::Result<qint64> add(SqliteDatabase &db, const Alerts::Definition &alert, Model::TimestampUs now)
{
    using R = Util::Result<qint64>;
    auto st = db.prepare("INSERT INTO alerts(definition, created_us, updated_us) VALUES (?1, ?2, ?2)");
    if (!st)
        return R::failure(st.error());
    const QByteArray text = definitionText(alert);
    st->bindText(1, view(text));
    st->bind(2, std::int64_t(now));
    if (st->step() != Step::Done)
        return R::failure(failed(db).error());
    return qint64(sqlite3_last_insert_rowid(db.handle()));
}

Util::Result<bool> replace(SqliteDatabase &db, const Alerts::Definition &alert, Model::TimestampUs now,
                           StatesAfterChange states)
{
    using R = Util::Result<bool>;
    // A savepoint, so that the change can also be part of a larger transaction (a drawing moved with its alert).
    if (auto s = db.exec("SAVEPOINT alert_replace"); !s)
        return R::failure(s.error());
    auto st = db.prepare("UPDATE alerts SET definition = ?2, updated_us = ?3 WHERE id = ?1");
    auto clear = db.prepare("DELETE FROM alert_states WHERE alert_id = ?1");
    bool ok = st && clear;
    bool found = false;
    if (ok) {
        const QByteArray text = definitionText(alert);
        st->bind(1, std::int64_t(alert.id));
        st->bindText(2, view(text));
        st->bind(3, std::int64_t(now));
        ok = st->step() == Step::Done;
        found = ok && sqlite3_changes(db.handle()) > 0;
        clear->bind(1, std::int64_t(alert.id));
        ok = ok && (states == KeepStates || clear->step() == Step::Done);
    }
    if (!ok) {
        const QString error = failed(db).error();
        db.exec("ROLLBACK TO alert_replace; RELEASE alert_replace");
        return R::failure(error);
    }
    if (auto s = db.exec("RELEASE alert_replace"); !s)
        return R::failure(s.error());
    return found;
}

Util::Result<bool> remove(SqliteDatabase &db, qint64 id)
{
    using R = Util::Result<bool>;
    // Its states and a drawing's hold on it go by the foreign keys, or here where the connection has them off.
    auto states = db.prepare("DELETE FROM alert_states WHERE alert_id = ?1");
    auto drawings = db.prepare("UPDATE drawings SET alert_id = NULL WHERE alert_id = ?1");
    auto st = db.prepare("DELETE FROM alerts WHERE id = ?1");
    if (!states || !drawings || !st)
        return R::failure(failed(db).error());
    states->bind(1, std::int64_t(id));
    drawings->bind(1, std::int64_t(id));
    st->bind(1, std::int64_t(id));
    if (states->step() != Step::Done || drawings->step() != Step::Done || st->step() != Step::Done)
        return R::failure(failed(db).error());
    return sqlite3_changes(db.handle()) > 0;
}

Util::Result<std::vector<StoredAlertState>> states(SqliteDatabase &db, qint64 alertId)
{
    using R = Util::Result<std::vector<StoredAlertState>>;
    auto st = db.prepare("SELECT symbol, status, count, last_fire_us, last_fire_bar_us, side, closes, error "
                         "FROM alert_states WHERE alert_id = ?1 ORDER BY symbol");
    if (!st)
        return R::failure(st.error());
    st->bind(1, std::int64_t(alertId));
    std::vector<StoredAlertState> out;
    Step rc{};
    while ((rc = st->step()) == Step::Row) {
        StoredAlertState s;
        s.symbol = st->columnText(0);
        s.state.status = statusFromName(st->columnText(1)).value_or(Alerts::Status::Error);
        s.state.count = int(st->columnInt64(2));
        if (!st->columnIsNull(3))
            s.state.lastFire = st->columnInt64(3);
        if (!st->columnIsNull(4))
            s.state.lastFireBar = st->columnInt64(4);
        s.state.side = int(st->columnInt64(5));
        for (const QString &v : st->columnText(6).split(u',', Qt::SkipEmptyParts))
            s.state.closes.push_back(v.toDouble());
        s.error = st->columnText(7);
        out.push_back(std::move(s));
    }
    if (rc != Step::Done)
        return R::failure(failed(db).error());
    return out;
}

Util::Status saveState(SqliteDatabase &db, qint64 alertId, const StoredAlertState &s)
{
    // An alert deleted meanwhile keeps no state (and its fire's transaction does not fail for it).
    auto st = db.prepare("INSERT OR REPLACE INTO alert_states(alert_id, symbol, status, count, last_fire_us, "
                         "last_fire_bar_us, side, closes, error) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 "
                         "WHERE EXISTS (SELECT 1 FROM alerts WHERE id = ?1)");
    if (!st)
        return Util::Status::failure(st.error());
    QStringList closes;
    for (const double c : s.state.closes)
        closes.append(QString::number(c, 'g', 17));
    const QByteArray symbol = s.symbol.toUtf8();
    const QByteArray status = statusName(s.state.status).toLatin1();
    const QByteArray closesText = closes.join(u',').toLatin1();
    const QByteArray error = s.error.toUtf8();
    st->bind(1, std::int64_t(alertId));
    st->bindText(2, view(symbol));
    st->bindText(3, view(status));
    st->bind(4, std::int64_t(s.state.count));
    const auto bindTime = [&](int index, const std::optional<Model::TimestampUs> &time) {
        if (time)
            st->bind(index, std::int64_t(*time));
        else
            st->bindNull(index);
    };
    bindTime(5, s.state.lastFire);
    bindTime(6, s.state.lastFireBar);
    st->bind(7, std::int64_t(s.state.side));
    st->bindText(8, view(closesText));
    if (s.error.isEmpty())
        st->bindNull(9);
    else
        st->bindText(9, view(error));
    if (st->step() != Step::Done)
        return failed(db);
    return {};
}

} // namespace Storage::AlertStore
