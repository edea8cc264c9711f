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
/// Replaces the alert of `alert.id`; its states start afresh (a changed condition is a new one). False: no
/// alert has that id.
Util::Result<bool> replace(SqliteDatabase &db, const Alerts::Definition &alert, Model::TimestampUs now);
/// False: no alert had that id.
Util::Result<bool> remove(SqliteDatabase &db, qint64 id);

Util::Result<std::vector<StoredAlertState>> states(SqliteDatabase &db, qint64 alertId);
Util::Status saveState(SqliteDatabase &db, qint64 alertId, const StoredAlertState &state);

QString statusName(Alerts::Status status);
std::optional<Alerts::Status> statusFromName(const QString &name);

} // namespace AlertStore

} // namespace Storage
