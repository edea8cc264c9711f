// SPDX-License-Identifier: MIT
#include "LogIndex.h"

#include "SqliteDatabase.h"

#include <algorithm>
#include <limits>

namespace Storage {

namespace {

QByteArray logName(int log)
{
    return "bars_log" + QByteArray::number(log);
}

/// A mark of `log` in bars_logs, as a scalar subquery.
QByteArray markSql(const char *column, int log)
{
    return QByteArray("(SELECT ") + column + " FROM bars_logs WHERE log = " + QByteArray::number(log) + ')';
}

} // namespace

LogIndex::LogIndex(SqliteDatabase &db)
    : m_db(db)
{}

LogIndex::~LogIndex() = default;

Util::Result<std::unique_ptr<LogIndex>> LogIndex::open(SqliteDatabase &db)
{
    std::unique_ptr<LogIndex> index(new LogIndex(db));
    if (QString error = index->load(); !error.isEmpty())
        return Util::Result<std::unique_ptr<LogIndex>>::failure(error);
    return index;
}

QString LogIndex::load()
{
    auto marks = m_db.prepare("SELECT indexed_row, batch_end, batch_bucket FROM bars_logs WHERE log = ?1");
    if (!marks)
        return marks.error();
    for (int n = 0; n < 2; ++n) {
        Batches &log = m_logs[std::size_t(n)];
        marks->bind(1, std::int64_t(n));
        if (const Step rc = marks->step(); rc != Step::Row)
            return rc == Step::Done ? QStringLiteral("bars_logs has no row for log %1").arg(n) : m_db.lastError();
        log.reset(marks->columnInt64(0), marks->columnInt64(1), marks->columnInt64(2));
        marks->reset();
        auto tail = m_db.prepare(
            QByteArray("SELECT bucket, rowid FROM " + logName(n) + " WHERE rowid > ?1 ORDER BY rowid").constData());
        if (!tail)
            return tail.error();
        tail->bind(1, log.through());
        Step rc{};
        while ((rc = tail->step()) == Step::Row)
            log.restore({tail->columnInt64(0), tail->columnInt64(1)});
        if (rc != Step::Done)
            return m_db.lastError();
        log.restored();
    }
    return {};
}

QString LogIndex::write(int n, std::size_t count, std::size_t batchSize)
{
    const auto entries = m_logs[std::size_t(n)].next(batchSize, std::max(count, MinWrite));
    if (entries.empty())
        return {};
    Statement *insert = m_db.cached("INSERT OR IGNORE INTO bars_log_index(log, bucket, row) VALUES (?1, ?2, ?3)");
    if (!insert)
        return m_db.lastError();
    for (const Entry &e : entries) {
        insert->bind(1, std::int64_t(n));
        insert->bind(2, e.bucket);
        insert->bind(3, e.id);
        if (QString error = m_db.run(*insert); !error.isEmpty())
            return error;
    }
    m_logs[std::size_t(n)].written(entries.size());
    return writeMarks(n);
}

QString LogIndex::writeAll(int n)
{
    // The frozen batch, then the rest as one more.
    for (int pass = 0; pass < 2; ++pass)
        if (QString error = write(n, std::numeric_limits<std::size_t>::max(), 0); !error.isEmpty())
            return error;
    return {};
}

QString LogIndex::writeMarks(int n)
{
    const Batches &log = m_logs[std::size_t(n)];
    Statement *update =
        m_db.cached("UPDATE bars_logs SET indexed_row = ?2, batch_end = ?3, batch_bucket = ?4 WHERE log = ?1");
    if (!update)
        return m_db.lastError();
    update->bind(1, std::int64_t(n));
    update->bind(2, log.through());
    update->bind(3, log.batchEnd());
    update->bind(4, log.cursor());
    return m_db.run(*update);
}

QString LogIndex::cleared(int n)
{
    Statement *remove = m_db.cached("DELETE FROM bars_log_index WHERE log = ?1");
    if (!remove)
        return m_db.lastError();
    remove->bind(1, std::int64_t(n));
    if (QString error = m_db.run(*remove); !error.isEmpty())
        return error;
    m_logs[std::size_t(n)].reset(0, 0, -1);
    return writeMarks(n);
}

QString LogIndex::valuesDeleted(int n)
{
    // Every entry written first, so that what follows has one mark to mind.
    if (QString error = writeAll(n); !error.isEmpty())
        return error;
    const QByteArray table = logName(n);
    const QByteArray orphans = "DELETE FROM bars_log_index WHERE log = " + QByteArray::number(n) +
                               " AND row NOT IN (SELECT rowid FROM " + table + ')';
    if (auto s = m_db.exec(orphans.constData()); !s)
        return s.error();
    // SQLite gives a new row the id after the highest left: kept below it, the mark never covers a row the index
    // does not hold.
    const std::int64_t highest = m_db.scalar(QByteArray("SELECT coalesce(max(rowid), 0) FROM " + table).constData());
    const std::int64_t through = std::min(m_logs[std::size_t(n)].through(), highest);
    m_logs[std::size_t(n)].reset(through, through, -1);
    return writeMarks(n);
}

void LogIndex::committed()
{
    for (Batches &log : m_logs)
        log.committed();
}

QString LogIndex::rolledBack()
{
    return load();
}

QByteArray LogIndex::inBucketSql(int log, const QByteArray &alias, const QByteArray &bucket)
{
    // A condition on each row of the log, so a value is found once even where both sides hold it (a frozen batch's
    // entries already written).
    return "(" + alias + ".rowid IN (SELECT row FROM bars_log_index WHERE log = " + QByteArray::number(log) +
           " AND bucket = " + bucket + ") OR (" + alias + ".rowid > " + markSql("indexed_row", log) + " AND " + alias +
           ".bucket = " + bucket + "))";
}

QByteArray LogIndex::bucketValuesSql(int log)
{
    const QByteArray table = logName(log);
    return "SELECT j.data, x.row FROM bars_log_index x JOIN " + table +
           " j ON j.rowid = x.row WHERE x.log = " + QByteArray::number(log) +
           " AND x.bucket = ?1 AND x.row > ?2 UNION ALL SELECT j.data, j.rowid FROM " + table +
           " j WHERE j.rowid > max(?2, " + markSql("indexed_row", log) + ") AND j.bucket = ?1 AND (j.rowid > " +
           markSql("batch_end", log) + " OR j.bucket > " + markSql("batch_bucket", log) + ") ORDER BY 2";
}

} // namespace Storage
