// SPDX-License-Identifier: MIT
#include "LogIndex.h"

#include "SqliteDatabase.h"

#include <algorithm>
#include <tuple>

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
        Log &log = m_logs[std::size_t(n)];
        log = {};
        marks->bind(1, std::int64_t(n));
        if (marks->step() != Step::Row)
            return m_db.lastError();
        log.through = marks->columnInt64(0);
        log.batchEnd = marks->columnInt64(1);
        log.cursor = marks->columnInt64(2);
        marks->reset();
        auto tail = m_db.prepare(
            QByteArray("SELECT bucket, rowid FROM " + logName(n) + " WHERE rowid > ?1 ORDER BY rowid").constData());
        if (!tail)
            return tail.error();
        tail->bind(1, log.through);
        Step rc{};
        while ((rc = tail->step()) == Step::Row) {
            const Entry e{tail->columnInt64(0), tail->columnInt64(1)};
            if (e.row > log.batchEnd)
                log.waiting.push_back(e);
            else if (e.bucket > log.cursor)
                log.batch.push_back(e);
        }
        if (rc != Step::Done)
            return m_db.lastError();
        std::sort(log.batch.begin(), log.batch.end(),
                  [](const Entry &a, const Entry &b) { return std::tie(a.bucket, a.row) < std::tie(b.bucket, b.row); });
    }
    return {};
}

void LogIndex::freeze(Log &log)
{
    log.batch = std::move(log.waiting);
    log.batch.insert(log.batch.end(), log.added.begin(), log.added.end());
    log.waiting.clear();
    log.added.clear();
    log.written = 0;
    for (const Entry &e : log.batch)
        log.batchEnd = std::max(log.batchEnd, e.row);
    log.cursor = -1;
    std::sort(log.batch.begin(), log.batch.end(),
              [](const Entry &a, const Entry &b) { return std::tie(a.bucket, a.row) < std::tie(b.bucket, b.row); });
}

QString LogIndex::write(int n, std::size_t count)
{
    Log &log = m_logs[std::size_t(n)];
    if (log.written == log.batch.size()) {
        if (log.waiting.size() + log.added.size() < Batch)
            return {};
        freeze(log);
    }
    Statement *insert = m_db.cached("INSERT OR IGNORE INTO bars_log_index(log, bucket, row) VALUES (?1, ?2, ?3)");
    if (!insert)
        return m_db.lastError();
    const std::size_t target = std::min(log.batch.size(), log.written + std::max(count, MinWrite));
    std::size_t k = log.written;
    while (k < log.batch.size() && (k < target || log.batch[k].bucket == log.batch[k - 1].bucket)) {
        insert->bind(1, std::int64_t(n));
        insert->bind(2, log.batch[k].bucket);
        insert->bind(3, log.batch[k].row);
        if (QString error = m_db.run(*insert); !error.isEmpty())
            return error;
        ++k;
    }
    log.written = k;
    if (k == log.batch.size()) {
        log.through = log.batchEnd;
        log.cursor = -1;
    } else {
        log.cursor = log.batch[k - 1].bucket;
    }
    return writeMarks(n);
}

QString LogIndex::writeAll(int n)
{
    Log &log = m_logs[std::size_t(n)];
    for (int pass = 0; pass < 2; ++pass) { // the frozen batch, then the rest as one more
        if (log.written == log.batch.size()) {
            if (log.waiting.empty() && log.added.empty())
                return {};
            freeze(log);
        }
        if (QString error = write(n, log.batch.size()); !error.isEmpty())
            return error;
    }
    return {};
}

QString LogIndex::writeMarks(int n)
{
    const Log &log = m_logs[std::size_t(n)];
    Statement *update =
        m_db.cached("UPDATE bars_logs SET indexed_row = ?2, batch_end = ?3, batch_bucket = ?4 WHERE log = ?1");
    if (!update)
        return m_db.lastError();
    update->bind(1, std::int64_t(n));
    update->bind(2, log.through);
    update->bind(3, log.batchEnd);
    update->bind(4, log.cursor);
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
    Log &log = m_logs[std::size_t(n)];
    log = {};
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
    Log &log = m_logs[std::size_t(n)];
    const std::int64_t highest = m_db.scalar(QByteArray("SELECT coalesce(max(rowid), 0) FROM " + table).constData());
    log.through = log.batchEnd = std::min(log.through, highest);
    log.cursor = -1;
    return writeMarks(n);
}

void LogIndex::committed()
{
    for (Log &log : m_logs) {
        if (log.written == log.batch.size()) {
            log.batch.clear();
            log.written = 0;
        }
        log.waiting.insert(log.waiting.end(), log.added.begin(), log.added.end());
        log.added.clear();
    }
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
