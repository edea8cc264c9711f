// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace Storage {

class SqliteDatabase;

/// Which values of the two bar logs hold a bucket's rows (BarStore.h), for the storage writer:
/// `bars_log_index`, written Batch values at a time.
///
/// An index of a log on (bucket, first_seq) took a page per bucket in every commit, each commit appending a
/// value to up to sixteen buckets: at 50 symbols nearly half of the pages a commit wrote, at thousands of
/// symbols sixteen pages for a commit's few values. Here the values' (bucket, row id) entries wait in memory
/// until Batch have come, and go into the index together, a page per bucket for all of them. A log's values
/// whose row id is above its mark (bars_logs.indexed_row) are not in the index yet: readers take them from the
/// log by row id, at most a batch (inBucketSql()).
class LogIndex final
{
public:
    /// Values whose entries are written together.
    static constexpr std::size_t Batch = 512;

    /// Reads the marks and the entries not written yet, in the writer's connection.
    static Util::Result<std::unique_ptr<LogIndex>> open(SqliteDatabase &db);
    ~LogIndex();
    LogIndex(const LogIndex &) = delete;
    LogIndex &operator=(const LogIndex &) = delete;

    /// A value appended to `log` in the open transaction.
    void appended(int log, std::int64_t bucket, std::int64_t row)
    {
        m_waiting[std::size_t(log)].push_back({bucket, row});
    }
    /// In the open transaction: writes the entries of `log` waiting, once Batch have come or when `all`.
    QString write(int log, bool all);
    /// In the open transaction: every value of `log` was deleted; so go its entries.
    QString cleared(int log);
    /// Outside a transaction, after some values of `log` were deleted in it: drops their entries, and keeps the
    /// mark below the row id the next value gets.
    QString valuesDeleted(int log);
    void committed();
    void rolledBack();

    /// SQL true for a value of `log` (as `alias`) in the bucket `bucket` (an expression).
    static QByteArray inBucketSql(int log, const QByteArray &alias, const QByteArray &bucket);
    /// SQL for the values of `log` in bucket ?1 after row id ?2, in row id order: each value's data, then its row id.
    static QByteArray bucketValuesSql(int log);

private:
    struct Entry
    {
        std::int64_t bucket = 0;
        std::int64_t row = 0;
    };

    explicit LogIndex(SqliteDatabase &db);
    QString setMark(int log, std::int64_t row);

    SqliteDatabase &m_db;
    std::array<std::int64_t, 2> m_mark{};          ///< the logs' indexed_row in the open transaction
    std::array<std::int64_t, 2> m_committedMark{}; ///< as committed
    std::array<std::vector<Entry>, 2> m_waiting;   ///< in row id order
    std::array<std::size_t, 2> m_written{};        ///< of m_waiting, in the open transaction
    std::array<std::size_t, 2> m_committedSize{};  ///< of m_waiting, as committed
    std::vector<Entry> m_sorted;                   ///< reused
};

} // namespace Storage
