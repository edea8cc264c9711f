// SPDX-License-Identifier: MIT
#include "PublishProgress.h"

#include "SqliteDatabase.h"

namespace Storage {

Util::Result<qint64> publishedThrough(SqliteDatabase &db, const QByteArray &kind)
{
    auto st = db.prepare("SELECT last_id FROM nats_published WHERE kind = ?1");
    if (!st)
        return Util::Result<qint64>::failure(st.error());
    st->bindText(1, {kind.constData(), std::size_t(kind.size())});
    const Step rc = st->step();
    if (rc == Step::Row)
        return qint64(st->columnInt64(0));
    if (rc == Step::Done)
        return qint64(0);
    return Util::Result<qint64>::failure(db.lastError());
}

Util::Status setPublishedThrough(SqliteDatabase &db, const QByteArray &kind, qint64 lastId)
{
    auto st = db.prepare("INSERT INTO nats_published(kind, last_id) VALUES (?1, ?2) "
                         "ON CONFLICT(kind) DO UPDATE SET last_id = excluded.last_id");
    if (!st)
        return Util::Status::failure(st.error());
    st->bindText(1, {kind.constData(), std::size_t(kind.size())});
    st->bind(2, std::int64_t(lastId));
    if (const QString error = db.run(*st); !error.isEmpty())
        return Util::Status::failure(error);
    return {};
}

Util::Result<IngestProgress> ingestProgress(SqliteDatabase &db, const QByteArray &filter)
{
    auto st = db.prepare("SELECT stream_created, last_seq FROM nats_ingest WHERE filter = ?1");
    if (!st)
        return Util::Result<IngestProgress>::failure(st.error());
    st->bindText(1, {filter.constData(), std::size_t(filter.size())});
    const Step rc = st->step();
    if (rc == Step::Row)
        return IngestProgress{qint64(st->columnInt64(0)), qint64(st->columnInt64(1))};
    if (rc == Step::Done)
        return IngestProgress{};
    return Util::Result<IngestProgress>::failure(db.lastError());
}

Util::Status setIngestProgress(SqliteDatabase &db, const QByteArray &filter, IngestProgress progress)
{
    auto st = db.cached("INSERT INTO nats_ingest(filter, stream_created, last_seq) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT(filter) DO UPDATE SET stream_created = excluded.stream_created, "
                        "last_seq = excluded.last_seq");
    if (!st)
        return Util::Status::failure(db.lastError());
    st->bindText(1, {filter.constData(), std::size_t(filter.size())});
    st->bind(2, std::int64_t(progress.streamCreated));
    st->bind(3, std::int64_t(progress.lastSeq));
    if (const QString error = db.run(*st); !error.isEmpty())
        return Util::Status::failure(error);
    return {};
}

Util::Result<QByteArray> databaseIdentity(SqliteDatabase &db)
{
    auto st = db.prepare("SELECT id FROM database_identity LIMIT 1");
    if (!st)
        return Util::Result<QByteArray>::failure(st.error());
    if (st->step() != Step::Row)
        return Util::Result<QByteArray>::failure(db.lastError());
    return st->columnText(0).toUtf8();
}

} // namespace Storage
