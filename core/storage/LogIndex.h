// SPDX-License-Identifier: MIT
#pragma once

#include "IndexBatches.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <tuple>

namespace Storage {

class SqliteDatabase;

/// Which values of the two bar logs hold a bucket's rows (BarStore.h), for the storage writer:
/// `bars_log_index`, written a batch at a time.
///
/// An index of a log on (bucket, first_seq) took a page per bucket in every commit, each commit appending a
/// value to up to sixteen buckets: at 50 symbols nearly half of the pages a commit wrote, at thousands of
/// symbols sixteen pages for a commit's few values. Here the values' (bucket, row id) entries wait in memory
/// until Batch have come; they are then frozen as a batch and written in bucket order, whole buckets, about
/// twice as many a commit as values came, so a bucket's page takes all of the batch's entries of that bucket
/// at once and no commit writes the whole batch.
///
/// `bars_logs` says which values are in the index: all up to indexed_row, and of those after it up to batch_end
/// the ones whose bucket is at most batch_bucket (batch_end is indexed_row and batch_bucket -1 while no batch is
/// frozen). Readers take the values after indexed_row from the log by row id, at most two batches (inBucketSql()).
class LogIndex final
{
public:
    /// Values frozen as one batch.
    static constexpr std::size_t Batch = 512;
    /// The fewest of a frozen batch's entries a commit writes (whole buckets: it may write more).
    static constexpr std::size_t MinWrite = 32;

    /// Reads the marks and the entries not written yet, in the writer's connection.
    static Util::Result<std::unique_ptr<LogIndex>> open(SqliteDatabase &db);
    ~LogIndex();
    LogIndex(const LogIndex &) = delete;
    LogIndex &operator=(const LogIndex &) = delete;

    /// A value appended to `log` in the open transaction.
    void appended(int log, std::int64_t bucket, std::int64_t row) { m_logs[std::size_t(log)].add({bucket, row}); }
    /// In the open transaction: freezes a batch of `log` once `batchSize` values came, then writes at least `count`
    /// (MinWrite at the least) of the frozen batch's entries, whole buckets, or the rest of it.
    QString write(int log, std::size_t count, std::size_t batchSize = Batch);
    /// In the open transaction: writes every entry of `log` waiting (before it freezes, or values go).
    QString writeAll(int log);
    /// In the open transaction: every value of `log` was deleted; so go its entries.
    QString cleared(int log);
    /// In the open transaction, after some values of `log` were deleted: drops their entries, and keeps the mark
    /// below the row id the next value gets.
    QString valuesDeleted(int log);
    void committed();
    /// Reads the marks and the entries waiting again. Empty, or the error.
    QString rolledBack();

    /// SQL true for a value of `log` (as `alias`) in the bucket `bucket` (an expression).
    static QByteArray inBucketSql(int log, const QByteArray &alias, const QByteArray &bucket);
    /// SQL for the values of `log` in bucket ?1 after row id ?2, in row id order: each value's data, then its row id.
    static QByteArray bucketValuesSql(int log);

private:
    struct Entry
    {
        std::int64_t bucket = 0;
        std::int64_t id = 0; ///< the value's row id

        std::int64_t key() const noexcept { return bucket; }
        bool operator<(const Entry &o) const noexcept { return std::tie(bucket, id) < std::tie(o.bucket, o.id); }
    };
    using Batches = IndexBatches<Entry, std::int64_t>;

    explicit LogIndex(SqliteDatabase &db);
    QString load();
    QString writeMarks(int log);

    SqliteDatabase &m_db;
    std::array<Batches, 2> m_logs{Batches(-1), Batches(-1)};
};

} // namespace Storage
