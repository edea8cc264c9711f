// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/AlertEvaluator.h"
#include "util/Result.h"

#include <optional>
#include <vector>

namespace Storage {

class SqliteDatabase;

/// An alert as stored: its definition (with its id) and when it was made and last changed.
struct StoredAlert
{
    Alerts::Definition alert;
    Model::TimestampUs createdUs = 0;
    Model::TimestampUs updatedUs = 0;
    /// Why its stored form cannot be read (a later version's field, an edit by hand): such an alert is listed
    /// with its name and this reason, status error, and never evaluated. Empty for a good one.
    QString error;
};

/// An alert's state for one symbol, as stored.
struct StoredAlertState
{
    QString symbol;
    Alerts::State state;
    QString error; ///< why it cannot be evaluated (status Error)
};

/// The alerts table and the states of its alerts (schema step 6), on any connection that may write.
namespace AlertStore {

Util::Result<std::vector<StoredAlert>> all(SqliteDatabase &db);
/// nullopt: no alert has that id.
Util::Result<std::optional<StoredAlert>> find(SqliteDatabase &db, qint64 id);
/// Stores a new alert and answers its id.
Util::Result<qint64> add(SqliteDatabase &db, const Alerts::Definition &alert, Model::TimestampUs now);
enum StatesAfterChange
{
    FreshStates, ///< a changed condition is a new one: its states start afresh
    KeepStates,  ///< only enabled or disabled: what it did so far stays
};
/// Replaces the alert of `alert.id`. False: no alert has that id.
Util::Result<bool> replace(SqliteDatabase &db, const Alerts::Definition &alert, Model::TimestampUs now,
                           StatesAfterChange states = FreshStates);
/// False: no alert had that id.
Util::Result<bool> remove(SqliteDatabase &db, qint64 id);

Util::Result<std::vector<StoredAlertState>> states(SqliteDatabase &db, qint64 alertId);
Util::Status saveState(SqliteDatabase &db, qint64 alertId, const StoredAlertState &state);

/// The alert's status as a whole: error (unreadable, or an error on a symbol), disabled, expired, fired (on
/// every symbol it names: an alert on every symbol can always fire on another), else active.
Alerts::Status overallStatus(const StoredAlert &alert, const std::vector<StoredAlertState> &states,
                             Model::TimestampUs now);
/// The reason of an error status, empty for the others.
QString overallError(const StoredAlert &alert, const std::vector<StoredAlertState> &states);

QString statusName(Alerts::Status status);
std::optional<Alerts::Status> statusFromName(const QString &name);

} // namespace AlertStore

} // namespace Storage
