// SPDX-License-Identifier: MIT
#include "LogRowCache.h"

#include "LogIndex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage {

namespace {

struct BySymbol
{
    bool operator()(const BarRow &r, std::int64_t id) const { return r.symbolId < id; }
    bool operator()(std::int64_t id, const BarRow &r) const { return id < r.symbolId; }
};

} // namespace

LogRowCache::LogRowCache(SqliteDatabase &db)
    : m_db(db)
{}

LogRowCache::~LogRowCache() = default;

Util::Result<std::unique_ptr<LogRowCache>> LogRowCache::open(SqliteDatabase &db)
{
    using R = Util::Result<std::unique_ptr<LogRowCache>>;
    std::unique_ptr<LogRowCache> cache(new LogRowCache(db));
    const auto prepared = [&db](const char *sql, Statement &out) {
        auto st = db.prepare(sql);
        if (st)
            out = std::move(*st);
        return bool(st);
    };
    const QByteArray values[] = {"SELECT data FROM bars_log0 j WHERE " + LogIndex::inBucketSql(0, "j", "?1"),
                                 "SELECT data FROM bars_log1 j WHERE " + LogIndex::inBucketSql(1, "j", "?1")};
    if (!prepared(values[0].constData(), cache->m_values[0]) || !prepared(values[1].constData(), cache->m_values[1]) ||
        !prepared("SELECT log, merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs", cache->m_marks))
        return R::failure(u"cannot read the bar logs: %1"_s.arg(db.lastError()));
    return cache;
}

template<typename F>
QString LogRowCache::forEachRow(std::int64_t bucket, F &&row)
{
    // Each log's rows up to its mark are in blocks already.
    std::array<BarStore::Mark, 2> moved;
    Step rc{};
    while ((rc = m_marks.step()) == Step::Row) {
        const std::int64_t log = m_marks.columnInt64(0);
        if (log == 0 || log == 1)
            moved[std::size_t(log)] = {m_marks.columnInt64(1), m_marks.columnInt64(2), m_marks.columnInt64(3),
                                       m_marks.columnInt64(4)};
    }
    m_marks.reset();
    if (rc != Step::Done)
        return m_db.lastError();
    for (int log = 0; log < 2; ++log) {
        Statement &values = m_values[std::size_t(log)];
        values.bind(1, bucket);
        if (QString error = BarStore::forEachLogRow(m_db, values, log, moved[std::size_t(log)], row); !error.isEmpty())
            return error;
    }
    return {};
}

void LogRowCache::forget()
{
    m_bucket = m_lastRead = -1;
    m_rows.clear();
    m_single.clear();
}

QString LogRowCache::rowsOf(std::int64_t id, std::span<const BarRow> &out)
{
    out = {};
    const std::int64_t bucket = BarStore::bucketOf(id);
    if (bucket != m_bucket && bucket != m_lastRead && !m_wholeBuckets) {
        m_single.clear();
        m_lastRead = -1;
        if (QString error = forEachRow(bucket,
                                       [this, id](const BarRow &r) {
                                           if (r.symbolId == id)
                                               m_single.push_back(r);
                                       });
            !error.isEmpty()) {
            m_single.clear();
            return error;
        }
        std::sort(m_single.begin(), m_single.end(), inTimeOrder);
        m_lastRead = bucket;
        out = m_single;
        return {};
    }
    if (bucket != m_bucket) {
        // A second symbol of this bucket: keep all of it.
        m_bucket = -1;
        m_rows.clear();
        m_ordering.clear();
        if (QString error = forEachRow(bucket, [this](const BarRow &r) { m_ordering.add(r); }); !error.isEmpty())
            return error;
        m_ordering.sort();
        m_ordering.gather(0, m_ordering.size(), m_rows);
        m_bucket = bucket;
    }
    const auto [first, last] = std::equal_range(m_rows.begin(), m_rows.end(), id, BySymbol{});
    out = std::span<const BarRow>(first, last);
    return {};
}

} // namespace Storage
