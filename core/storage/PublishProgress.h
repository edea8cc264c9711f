// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QByteArray>

namespace Storage {

class SqliteDatabase;

/// How far stored rows of one kind ("signal", "trade") have been published to NATS and acknowledged there: the
/// last id, 0 before the first.
Util::Result<qint64> publishedThrough(SqliteDatabase &db, const QByteArray &kind);
Util::Status setPublishedThrough(SqliteDatabase &db, const QByteArray &kind, qint64 lastId);
/// This database's random name (16 hex digits), made when it was created or brought to schema 16.
Util::Result<QByteArray> databaseIdentity(SqliteDatabase &db);

} // namespace Storage
