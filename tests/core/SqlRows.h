// SPDX-License-Identifier: MIT
#pragma once

// Reads a database a running TickDesk writes, read-only, the way an outside tool would (with bar_rows(), which
// the package's SQLite extension gives other programs, for the `ticks` view).

#include <QList>
#include <QString>
#include <QStringList>

#include "storage/BarRowsTable.h"

#include <sqlite3.h>

namespace TestSql {

/// The rows `sql` gives at `path`, each as text; empty when the file or the query fails.
inline QList<QStringList> rows(const QString &path, const char *sql)
{
    QList<QStringList> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        Storage::registerBarRows(db);
        sqlite3_exec(
            db, sql,
            [](void *target, int columns, char **values, char **) {
                QStringList row;
                for (int i = 0; i < columns; ++i)
                    row << QString::fromUtf8(values[i] ? values[i] : "");
                static_cast<QList<QStringList> *>(target)->append(row);
                return 0;
            },
            &out, nullptr);
    }
    sqlite3_close(db);
    return out;
}

/// Runs `sql` (statements that change the file); false when it fails.
inline bool exec(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    if (ok) {
        sqlite3_busy_timeout(db, 5000);
        ok = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    sqlite3_close(db);
    return ok;
}

/// The first column of the first row as a number; -1 when there is none.
inline int count(const QString &path, const char *sql)
{
    const QList<QStringList> r = rows(path, sql);
    return r.isEmpty() || r.front().isEmpty() ? -1 : r.front().front().toInt();
}

} // namespace TestSql
