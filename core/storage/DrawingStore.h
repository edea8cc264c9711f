// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/Drawing.h"
#include "util/Result.h"

#include <vector>

namespace Storage {

class SqliteDatabase;

/// The lines and boxes drawn on the charts (schema step 7), on any connection that may write.
namespace DrawingStore {

/// A symbol's drawings in the order they were drawn.
Util::Result<std::vector<Alerts::Drawing>> of(SqliteDatabase &db, const QString &symbol);
Util::Result<std::optional<Alerts::Drawing>> find(SqliteDatabase &db, qint64 id);
/// Stores a new drawing and answers its id.
Util::Result<qint64> add(SqliteDatabase &db, const Alerts::Drawing &drawing, Model::TimestampUs now);
/// Replaces the drawing of `drawing.id` (moved, or an alert put on it or taken off); false: none has that id.
Util::Result<bool> replace(SqliteDatabase &db, const Alerts::Drawing &drawing);
/// False: no drawing had that id.
Util::Result<bool> remove(SqliteDatabase &db, qint64 id);
/// The symbols with a drawing that carries the alert.
Util::Result<QStringList> symbolsCarrying(SqliteDatabase &db, qint64 alertId);

} // namespace DrawingStore

} // namespace Storage
