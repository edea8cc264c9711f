// SPDX-License-Identifier: MIT
#include "AlertManager.h"

#include "AlertBook.h"
#include "storage/DrawingStore.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Alerts {

namespace {

Model::TimestampUs nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

/// Runs `work` in one write transaction: all of it is stored, or none.
Util::Status inTransaction(Storage::SqliteDatabase &db, const std::function<Util::Status()> &work)
{
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s)
        return s;
    if (auto s = work(); !s) {
        db.exec("ROLLBACK");
        return s;
    }
    return db.exec("COMMIT");
}

/// The alert a drawing carries, with its level at the drawing's.
Util::Status moveCarriedAlert(Storage::SqliteDatabase &db, const Drawing &drawing)
{
    auto stored = Storage::AlertStore::find(db, drawing.alertId);
    if (!stored)
        return Util::Status::failure(stored.error());
    if (!*stored || !(*stored)->error.isEmpty())
        return {};
    Definition alert = (*stored)->alert;
    if (alert.right == drawing.level())
        return {};
    const bool namedByCondition = alert.name == describe(alert).left(200);
    alert.right = drawing.level();
    if (namedByCondition) // a name that said where the line was says where it is now
        alert.name = describe(alert).left(200);
    auto replaced = Storage::AlertStore::replace(db, alert, nowUs());
    return replaced ? Util::Status() : Util::Status::failure(replaced.error());
}

} // namespace

AlertManager::AlertManager(QString databasePath, AlertBook *book, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_book(book)
{
    m_worker.setMaxThreadCount(1); // in order, one at a time
    m_worker.setExpiryTimeout(-1);
}

AlertManager::~AlertManager()
{
    m_worker.waitForDone();
}

const AlertRow *AlertManager::row(qint64 id) const
{
    for (const AlertRow &r : m_rows)
        if (r.stored.alert.id == id)
            return &r;
    return nullptr;
}

void AlertManager::waitForIdle()
{
    m_worker.waitForDone();
}

void AlertManager::run(std::function<Util::Status(Storage::SqliteDatabase &)> work, bool changed)
{
    m_worker.start([this, work = std::move(work), changed] {
        auto db = Storage::SqliteDatabase::open(m_path);
        Util::Status status = db ? work(**db) : Util::Status::failure(db.error());
        if (!status) {
            QMetaObject::invokeMethod(
                this, [this, error = status.error()] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        }
        if (!changed || !db)
            return;
        if (m_book)
            if (auto s = m_book->reload(m_path); !s)
                QMetaObject::invokeMethod(
                    this, [this, error = s.error()] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        list(**db);
    });
}

void AlertManager::list(Storage::SqliteDatabase &db)
{
    m_listWanted = false;
    auto all = Storage::AlertStore::all(db);
    if (!all) {
        QMetaObject::invokeMethod(
            this, [this, error = all.error()] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    auto rows = std::make_shared<std::vector<AlertRow>>();
    const Model::TimestampUs now = nowUs();
    for (Storage::StoredAlert &stored : *all) {
        AlertRow row;
        auto states = Storage::AlertStore::states(db, stored.alert.id);
        if (states)
            row.states = std::move(*states);
        row.stored = std::move(stored);
        row.status = Storage::AlertStore::overallStatus(row.stored, row.states, now);
        row.error = Storage::AlertStore::overallError(row.stored, row.states);
        for (const Storage::StoredAlertState &s : row.states) {
            row.count += s.state.count;
            if (s.state.lastFire && (!row.lastFired || *s.state.lastFire > *row.lastFired))
                row.lastFired = s.state.lastFire;
        }
        rows->push_back(std::move(row));
    }
    QMetaObject::invokeMethod(
        this,
        [this, rows] {
            m_rows = std::move(*rows);
            Q_EMIT listed();
        },
        Qt::QueuedConnection);
}

void AlertManager::refresh()
{
    if (m_listWanted.exchange(true))
        return; // a read is waiting already: it will see this change too
    run(
        [this](Storage::SqliteDatabase &db) {
            list(db);
            return Util::Status();
        },
        false);
}

void AlertManager::changedElsewhere()
{
    run(
        [this](Storage::SqliteDatabase &) {
            QMetaObject::invokeMethod(
                this, [this] { Q_EMIT drawingsStale(); }, Qt::QueuedConnection);
            return Util::Status();
        },
        true);
}

void AlertManager::save(Definition alert)
{
    if (auto s = validate(alert); !s) {
        Q_EMIT failed(s.error());
        return;
    }
    run(
        [this, alert](Storage::SqliteDatabase &db) -> Util::Status {
            qint64 id = alert.id;
            if (id == 0) {
                auto added = Storage::AlertStore::add(db, alert, nowUs());
                if (!added)
                    return Util::Status::failure(added.error());
                id = *added;
            } else {
                auto replaced = Storage::AlertStore::replace(db, alert, nowUs());
                if (!replaced)
                    return Util::Status::failure(replaced.error());
                if (!*replaced)
                    return Util::Status::failure(tr("The alert was deleted meanwhile."));
            }
            QMetaObject::invokeMethod(
                this, [this, id] { Q_EMIT saved(id); }, Qt::QueuedConnection);
            return {};
        },
        true);
}

void AlertManager::setEnabled(qint64 id, bool enabled)
{
    run(
        [id, enabled](Storage::SqliteDatabase &db) -> Util::Status {
            auto stored = Storage::AlertStore::find(db, id);
            if (!stored)
                return Util::Status::failure(stored.error());
            if (!*stored || !(*stored)->error.isEmpty())
                return {};
            Definition alert = (*stored)->alert;
            alert.enabled = enabled;
            // Its states stay: an alert that fired once and is enabled again has still fired.
            auto changed = Storage::AlertStore::replace(db, alert, nowUs(), Storage::AlertStore::KeepStates);
            return changed ? Util::Status() : Util::Status::failure(changed.error());
        },
        true);
}

void AlertManager::remove(qint64 id)
{
    run(
        [this, id](Storage::SqliteDatabase &db) -> Util::Status {
            const auto carriers = Storage::DrawingStore::symbolsCarrying(db, id);
            if (!carriers)
                return Util::Status::failure(carriers.error());
            auto status = inTransaction(db, [&]() -> Util::Status {
                auto removed = Storage::AlertStore::remove(db, id);
                return removed ? Util::Status() : Util::Status::failure(removed.error());
            });
            for (const QString &symbol : *carriers)
                if (status)
                    status = sendDrawings(db, symbol);
            return status;
        },
        true);
}

Util::Status AlertManager::sendDrawings(Storage::SqliteDatabase &db, const QString &symbol)
{
    auto drawings = Storage::DrawingStore::of(db, symbol);
    if (!drawings)
        return Util::Status::failure(drawings.error());
    QMetaObject::invokeMethod(
        this, [this, symbol, drawings = *drawings] { Q_EMIT drawingsLoaded(symbol, drawings); }, Qt::QueuedConnection);
    return {};
}

void AlertManager::loadDrawings(const QString &symbol)
{
    run([this, symbol](Storage::SqliteDatabase &db) { return sendDrawings(db, symbol); }, false);
}

void AlertManager::saveDrawing(Drawing drawing, std::optional<Definition> carried)
{
    if (carried) {
        carried->right = drawing.level();
        carried->channel.reset();
        if (auto s = validate(*carried); !s || !drawing.canCarryAlert()) {
            Q_EMIT failed(s ? tr("A rectangle cannot carry an alert.") : s.error());
            return;
        }
    }
    const bool alertChanges = carried || drawing.alertId > 0;
    run(
        [this, drawing, carried](Storage::SqliteDatabase &db) mutable -> Util::Status {
            auto status = inTransaction(db, [&]() -> Util::Status {
                if (carried) {
                    auto id = Storage::AlertStore::add(db, *carried, nowUs());
                    if (!id)
                        return Util::Status::failure(id.error());
                    drawing.alertId = *id;
                } else if (drawing.alertId > 0) {
                    if (auto s = moveCarriedAlert(db, drawing); !s)
                        return s;
                }
                if (drawing.id == 0) {
                    auto id = Storage::DrawingStore::add(db, drawing, nowUs());
                    return id ? Util::Status() : Util::Status::failure(id.error());
                }
                auto replaced = Storage::DrawingStore::replace(db, drawing);
                return replaced ? Util::Status() : Util::Status::failure(replaced.error());
            });
            return status ? sendDrawings(db, drawing.symbol) : status;
        },
        alertChanges);
}

void AlertManager::removeDrawing(qint64 id)
{
    run(
        [this, id](Storage::SqliteDatabase &db) -> Util::Status {
            auto drawing = Storage::DrawingStore::find(db, id);
            if (!drawing)
                return Util::Status::failure(drawing.error());
            if (!*drawing)
                return {};
            auto status = inTransaction(db, [&]() -> Util::Status {
                if ((*drawing)->alertId > 0)
                    if (auto removed = Storage::AlertStore::remove(db, (*drawing)->alertId); !removed)
                        return Util::Status::failure(removed.error());
                auto removed = Storage::DrawingStore::remove(db, id);
                return removed ? Util::Status() : Util::Status::failure(removed.error());
            });
            return status ? sendDrawings(db, (*drawing)->symbol) : status;
        },
        true);
}

void AlertManager::removeDrawingAlert(qint64 drawingId)
{
    run(
        [this, drawingId](Storage::SqliteDatabase &db) -> Util::Status {
            auto drawing = Storage::DrawingStore::find(db, drawingId);
            if (!drawing)
                return Util::Status::failure(drawing.error());
            if (!*drawing || (*drawing)->alertId == 0)
                return {};
            auto status = inTransaction(db, [&]() -> Util::Status {
                auto removed = Storage::AlertStore::remove(db, (*drawing)->alertId);
                return removed ? Util::Status() : Util::Status::failure(removed.error());
            });
            return status ? sendDrawings(db, (*drawing)->symbol) : status;
        },
        true);
}

} // namespace Alerts
