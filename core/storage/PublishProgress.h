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
/// How far the messages of a JetStream stream's subject filter were applied: every message up to `lastSeq` of
/// the stream created at `streamCreated` (nanoseconds since the epoch) committed here.
struct IngestProgress
{
    qint64 streamCreated = 0;
    qint64 lastSeq = 0;
};
Util::Result<IngestProgress> ingestProgress(SqliteDatabase &db, const QByteArray &filter);
/// Written in the transaction of the records the messages held.
Util::Status setIngestProgress(SqliteDatabase &db, const QByteArray &filter, IngestProgress progress);
/// This database's random name (16 hex digits), made when it was created or brought to schema 16.
Util::Result<QByteArray> databaseIdentity(SqliteDatabase &db);

} // namespace Storage
