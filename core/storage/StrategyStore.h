// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace Storage {

class SqliteDatabase;

/// The strategy tester's saved strategies (schema step 11): each one's JSON form under a name.
namespace StrategyStore {

struct Saved
{
    qint64 id = 0;
    QString name;
    QJsonObject definition;
    qint64 updatedUs = 0;
};

/// Every saved strategy, by name.
Util::Result<std::vector<Saved>> all(SqliteDatabase &db);
Util::Result<std::optional<Saved>> named(SqliteDatabase &db, const QString &name);
/// Saves `definition` under `name`, replacing what was saved under it; answers its id.
Util::Result<qint64> save(SqliteDatabase &db, const QString &name, const QJsonObject &definition, qint64 nowUs);
/// False: nothing was saved under that name.
Util::Result<bool> remove(SqliteDatabase &db, const QString &name);

} // namespace StrategyStore

} // namespace Storage
