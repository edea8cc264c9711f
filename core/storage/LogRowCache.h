// SPDX-License-Identifier: MIT
#pragma once

#include "BarRowCodec.h"
#include "BarStore.h"
#include "LogBucket.h"
#include "SqliteDatabase.h"
#include "util/Result.h"

#include <array>
#include <memory>
#include <span>
#include <vector>

namespace Storage {

/// The bar logs' rows not yet moved into blocks, one bucket (BarStore::bucketOf) at a time, kept by symbol.
///
/// A log bucket holds the rows of many symbols one after another as deltas, so reading one symbol's rows
/// decodes them all. The first symbol read from a bucket gets its own rows only; a second one from the same
/// bucket has the whole bucket decoded and kept, sorted by symbol and time, so reading many symbols in one
/// transaction, in bucket order, decodes each bucket about twice rather than once a symbol (once, when told
/// that every symbol will be read). What was read is kept until forget(), which must come before the logs can
/// change: at the end of the transaction.
class LogRowCache final
{
public:
    static Util::Result<std::unique_ptr<LogRowCache>> open(SqliteDatabase &db);
    ~LogRowCache();
    LogRowCache(const LogRowCache &) = delete;
    LogRowCache &operator=(const LogRowCache &) = delete;

    /// Points `out` at symbol `id`'s log rows in time order (valid until the next call); empty when it has
    /// none. Inside a transaction. Empty, or the database's error.
    QString rowsOf(std::int64_t id, std::span<const BarRow> &out);
    /// Forgets the rows read.
    void forget();
    /// Whether a bucket is decoded whole from its first symbol on (every symbol of it will be read).
    void setWholeBuckets(bool whole) { m_wholeBuckets = whole; }

private:
    explicit LogRowCache(SqliteDatabase &db);
    /// Calls `row` with each row of bucket `bucket` not yet in blocks.
    template<typename F>
    QString forEachRow(std::int64_t bucket, F &&row);

    SqliteDatabase &m_db;
    std::array<Statement, 2> m_values;
    Statement m_marks;
    bool m_wholeBuckets = false;
    std::int64_t m_bucket = -1;   ///< the bucket held whole in m_rows, or -1
    std::int64_t m_lastRead = -1; ///< the bucket of the last symbol read alone, or -1
    std::vector<BarRow> m_rows;   ///< bucket m_bucket, by symbol and time
    std::vector<BarRow> m_single; ///< the rows of the last symbol read alone, in time order
    LogBucket m_ordering;         ///< puts a whole bucket's rows in order on their way into m_rows
};

} // namespace Storage
