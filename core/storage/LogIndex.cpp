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

QByteArray markQuery(int log)
{
    return "SELECT indexed_row FROM bars_logs WHERE log = " + QByteArray::number(log);
}

QByteArray markSql(int log)
{
    return '(' + markQuery(log) + ')';
}

} // namespace

LogIndex::LogIndex(SqliteDatabase &db)
    : m_db(db)
{}

LogIndex::~LogIndex() = default;

Util::Result<std::unique_ptr<LogIndex>> LogIndex::open(SqliteDatabase &db)
{
    using R = Util::Result<std::unique_ptr<LogIndex>>;
    std::unique_ptr<LogIndex> index(new LogIndex(db));
    for (int log = 0; log < 2; ++log) {
        const auto i = std::size_t(log);
        index->m_mark[i] = db.scalar(markQuery(log).constData(), -1);
        if (index->m_mark[i] < 0)
            return R::failure(db.lastError());
        auto tail = db.prepare(
            QByteArray("SELECT bucket, rowid FROM " + logName(log) + " WHERE rowid > ?1 ORDER BY rowid").constData());
        if (!tail)
            return R::failure(tail.error());
        tail->bind(1, index->m_mark[i]);
        Step rc{};
        while ((rc = tail->step()) == Step::Row)
            index->m_waiting[i].push_back({tail->columnInt64(0), tail->columnInt64(1)});
        if (rc != Step::Done)
            return R::failure(db.lastError());
        index->m_committedMark[i] = index->m_mark[i];
        index->m_committedSize[i] = index->m_waiting[i].size();
    }
    return index;
}

QString LogIndex::setMark(int log, std::int64_t row)
{
    Statement *update = m_db.cached("UPDATE bars_logs SET indexed_row = ?2 WHERE log = ?1");
    if (!update)
        return m_db.lastError();
    update->bind(1, std::int64_t(log));
    update->bind(2, row);
    if (QString error = m_db.run(*update); !error.isEmpty())
        return error;
    m_mark[std::size_t(log)] = row;
    return {};
}

QString LogIndex::write(int log, bool all)
{
    const auto i = std::size_t(log);
    const std::vector<Entry> &waiting = m_waiting[i];
    const std::size_t first = m_written[i];
    if (waiting.size() == first || (!all && waiting.size() - first < Batch))
        return {};
    // In index order: all of a bucket's entries go into one place.
    m_sorted.assign(waiting.begin() + std::ptrdiff_t(first), waiting.end());
    std::sort(m_sorted.begin(), m_sorted.end(),
              [](const Entry &a, const Entry &b) { return std::tie(a.bucket, a.row) < std::tie(b.bucket, b.row); });
    Statement *insert = m_db.cached("INSERT OR IGNORE INTO bars_log_index(log, bucket, row) VALUES (?1, ?2, ?3)");
    if (!insert)
        return m_db.lastError();
    std::int64_t newest = m_mark[i];
    for (const Entry &e : m_sorted) {
        insert->bind(1, std::int64_t(log));
        insert->bind(2, e.bucket);
        insert->bind(3, e.row);
        if (QString error = m_db.run(*insert); !error.isEmpty())
            return error;
        newest = std::max(newest, e.row);
    }
    if (QString error = setMark(log, newest); !error.isEmpty())
        return error;
    m_written[i] = waiting.size();
    return {};
}

QString LogIndex::cleared(int log)
{
    Statement *remove = m_db.cached("DELETE FROM bars_log_index WHERE log = ?1");
    if (!remove)
        return m_db.lastError();
    remove->bind(1, std::int64_t(log));
    if (QString error = m_db.run(*remove); !error.isEmpty())
        return error;
    // A log is cleared after it was frozen, which wrote all of its entries: none wait.
    return setMark(log, 0);
}

QString LogIndex::valuesDeleted(int log)
{
    const auto i = std::size_t(log);
    const QByteArray table = logName(log);
    const QByteArray n = QByteArray::number(log);
    // SQLite gives a new row the id after the highest left: kept below it, the mark never covers a row the index
    // does not hold.
    const QByteArray lower = "UPDATE bars_logs SET indexed_row = min(indexed_row, coalesce((SELECT max(rowid) FROM " +
                             table + "), 0)) WHERE log = " + n;
    const QByteArray orphans =
        "DELETE FROM bars_log_index WHERE log = " + n + " AND row NOT IN (SELECT rowid FROM " + table + ')';
    for (const QByteArray &sql : {lower, orphans})
        if (auto s = m_db.exec(sql.constData()); !s)
            return s.error();
    m_mark[i] = m_committedMark[i] = m_db.scalar(markQuery(log).constData());
    auto exists = m_db.prepare(QByteArray("SELECT 1 FROM " + table + " WHERE rowid = ?1").constData());
    if (!exists)
        return exists.error();
    std::vector<Entry> &waiting = m_waiting[i];
    std::size_t kept = 0;
    for (const Entry &e : waiting) {
        exists->bind(1, e.row);
        const Step rc = exists->step();
        exists->reset();
        if (rc == Step::Row)
            waiting[kept++] = e;
        else if (rc != Step::Done)
            return m_db.lastError();
    }
    waiting.resize(kept);
    m_committedSize[i] = kept;
    m_written[i] = 0;
    return {};
}

void LogIndex::committed()
{
    for (std::size_t i = 0; i < 2; ++i) {
        m_waiting[i].erase(m_waiting[i].begin(), m_waiting[i].begin() + std::ptrdiff_t(m_written[i]));
        m_written[i] = 0;
        m_committedSize[i] = m_waiting[i].size();
        m_committedMark[i] = m_mark[i];
    }
}

void LogIndex::rolledBack()
{
    for (std::size_t i = 0; i < 2; ++i) {
        m_waiting[i].resize(m_committedSize[i]);
        m_written[i] = 0;
        m_mark[i] = m_committedMark[i];
    }
}

QByteArray LogIndex::inBucketSql(int log, const QByteArray &alias, const QByteArray &bucket)
{
    return "(" + alias + ".rowid IN (SELECT row FROM bars_log_index WHERE log = " + QByteArray::number(log) +
           " AND bucket = " + bucket + ") OR (" + alias + ".rowid > " + markSql(log) + " AND " + alias +
           ".bucket = " + bucket + "))";
}

QByteArray LogIndex::bucketValuesSql(int log)
{
    const QByteArray table = logName(log);
    return "SELECT j.data, x.row FROM bars_log_index x JOIN " + table +
           " j ON j.rowid = x.row WHERE x.log = " + QByteArray::number(log) +
           " AND x.bucket = ?1 AND x.row > ?2 UNION ALL SELECT j.data, j.rowid FROM " + table +
           " j WHERE j.rowid > max(?2, " + markSql(log) + ") AND j.bucket = ?1 ORDER BY 2";
}

} // namespace Storage
