// SPDX-License-Identifier: MIT
#pragma once

#include "Drawing.h"
#include "storage/AlertStore.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <vector>

namespace Alerts {

class AlertBook;

/// One alert as a list shows it: as stored, its state on each symbol, and what those add up to.
struct AlertRow
{
    Storage::StoredAlert stored;
    std::vector<Storage::StoredAlertState> states;
    Status status = Status::Active;
    QString error;                               ///< why, when the status is Error
    std::optional<Model::TimestampUs> lastFired; ///< on any symbol
    int count = 0;                               ///< fires on all symbols
};

/// The trader's alerts and drawings as the window edits them. Every read and write runs in order on a
/// worker thread with a connection of its own; the answers come back as signals on the manager's
/// thread. After a change the engine takes the new alerts (AlertBook::reload) and the list is read again.
class AlertManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertManager)

public:
    /// `book` (may be null) is reloaded after each change, so the engine evaluates what the list shows.
    AlertManager(QString databasePath, AlertBook *book, QObject *parent = nullptr);
    ~AlertManager() override;

    /// Reads the list again (requests while a read waits are one read); listed() tells when it is in.
    void refresh();
    const std::vector<AlertRow> &rows() const noexcept { return m_rows; }
    const AlertRow *row(qint64 id) const;

    /// Stores a new alert (id 0) or replaces one (its states start afresh); saved() or failed() tells.
    void save(Definition alert);
    void setEnabled(qint64 id, bool enabled);
    void remove(qint64 id);

    /// drawingsLoaded() brings them.
    void loadDrawings(const QString &symbol);
    /// Stores a new drawing (id 0) or a moved one; an alert it carries moves with it. With `carried`, that
    /// alert is stored (its level the drawing's) and put on the drawing.
    void saveDrawing(Drawing drawing, std::optional<Definition> carried = std::nullopt);
    /// Deletes a drawing and the alert it carries.
    void removeDrawing(qint64 id);
    /// Deletes the alert a drawing carries; the drawing stays.
    void removeDrawingAlert(qint64 drawingId);

    /// The alerts were changed elsewhere (the REST API; any thread): the engine takes them, the list is read.
    void changedElsewhere();
    /// Waits until every request so far is done (tests, and quitting).
    void waitForIdle();

Q_SIGNALS:
    void listed();
    void saved(qint64 id);
    void failed(const QString &error);
    /// A symbol's drawings, after loadDrawings() or any change to one of them.
    void drawingsLoaded(const QString &symbol, const std::vector<Alerts::Drawing> &drawings);
    /// Alerts changed elsewhere (one a drawing carried may be gone): drawings read before may be out of date.
    void drawingsStale();

private:
    /// Runs `work` on the worker with a connection; a failure comes back as failed(); `changed` reloads the
    /// engine's alerts and the list afterwards.
    void run(std::function<Util::Status(Storage::SqliteDatabase &)> work, bool changed);
    /// On the worker: reads every alert with its states and hands them to the manager's thread.
    void list(Storage::SqliteDatabase &db);
    Util::Status sendDrawings(Storage::SqliteDatabase &db, const QString &symbol);

    QString m_path;
    AlertBook *m_book;
    QThreadPool m_worker;
    std::vector<AlertRow> m_rows;
    std::atomic<bool> m_listWanted{false};
};

} // namespace Alerts
