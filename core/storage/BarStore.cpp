// SPDX-License-Identifier: MIT
#include "BarStore.h"

#include <QLoggingCategory>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <tuple>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

namespace {

/// Ids kept in memory at most; past this the cache starts over (symbols are looked up again).
constexpr std::size_t MaxCachedIds = 100'000;

QByteArray logName(int log)
{
    return "bars_log" + QByteArray::number(log);
}

} // namespace

QByteArray BarStore::logRowsSql(const QByteArray &columns, const QByteArray &where, int bucketParameter)
{
    const QByteArray filter = where.isEmpty() ? QByteArray() : " AND " + where;
    QByteArray sql;
    for (int log = 0; log < 2; ++log)
        sql += QByteArray(log > 0 ? " UNION ALL " : "") + "SELECT " + columns + " FROM " + logName(log) +
               " j, bar_rows(j.data) WHERE " +
               LogIndex::inBucketSql(log, "j", "?" + QByteArray::number(bucketParameter)) + " AND symbol_id = ?1" +
               filter + " AND " + notMovedSql(log, "?1", {});
    return sql;
}

QByteArray BarStore::symbolRowsSql(const QByteArray &columns, const QByteArray &where, int bucketParameter,
                                   BarBlocks::Bounds bounds)
{
    return BarBlocks::rowsSql(columns, where, bounds) + " UNION ALL " + logRowsSql(columns, where, bucketParameter);
}

QByteArray BarStore::bucketSql(const QByteArray &symbol)
{
    return "(" + symbol + " / " + QByteArray::number(IdsPerBucket) + " % " + QByteArray::number(LogBuckets) + ')';
}

QByteArray BarStore::notMovedSql(int log, const QByteArray &symbol, const QByteArray &prefix)
{
    return "(" + bucketSql(symbol) + ", " + symbol + ", " + prefix + "ts_us, " + prefix +
           "seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = " +
           QByteArray::number(log) + ')';
}

QByteArray BarStore::symbolTimeSql(const char *function, const QByteArray &where, int bucketParameter,
                                   BarBlocks::Bounds bounds)
{
    const QByteArray f(function);
    return "SELECT " + f + "(x) FROM (" + BarBlocks::timeSql(function, where, bounds) + " UNION ALL " +
           logRowsSql(f + "(ts_us) AS x", where, bucketParameter) + ')';
}

ArrivedTick BarStore::arrivalAt(const Statement &st)
{
    ArrivedTick a;
    a.seq = st.columnInt64(0);
    a.tick.timestamp = st.columnInt64(1);
    a.tick.open = st.columnPrice(2);
    a.tick.high = st.columnPrice(3);
    a.tick.low = st.columnPrice(4);
    a.tick.close = st.columnPrice(5);
    a.tick.volume = st.columnInt64(6);
    return a;
}

QString BarStore::readArrivals(Statement &st, SqliteDatabase &db, const Model::Symbol &symbol,
                               std::vector<ArrivedTick> &out)
{
    out.clear();
    Step rc{};
    while ((rc = st.step()) == Step::Row) {
        out.push_back(arrivalAt(st));
        out.back().tick.symbol = symbol;
    }
    st.reset();
    if (rc != Step::Done)
        return db.lastError();
    return putInArrivalOrder(db, out);
}

QString BarStore::putInArrivalOrder(SqliteDatabase &db, std::vector<ArrivedTick> &records)
{
    std::sort(records.begin(), records.end(), [](const ArrivedTick &x, const ArrivedTick &y) { return x.seq < y.seq; });
    return placeBackfilled(db, records);
}

QString BarStore::placeBackfilled(SqliteDatabase &db, std::vector<ArrivedTick> &out)
{
    if (out.empty())
        return {};
    Statement *st = db.cached("SELECT first_seq, last_seq FROM history_backfills "
                              "WHERE first_seq <= ?2 AND last_seq >= ?1 ORDER BY first_seq");
    if (!st) {
        // A file of an earlier schema read before TickDesk opened it again: no refresh has stored anything there.
        if (db.lastError().contains(QLatin1String("no such table")))
            return {};
        return db.lastError();
    }
    st->bind(1, out.front().seq);
    st->bind(2, out.back().seq);
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    Step rc{};
    while ((rc = st->step()) == Step::Row)
        ranges.emplace_back(st->columnInt64(0), st->columnInt64(1));
    st->reset();
    if (rc != Step::Done)
        return db.lastError();
    if (ranges.empty())
        return {};
    const auto filled = [&ranges](std::int64_t seq) {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), seq,
                                   [](std::int64_t s, const auto &range) { return s < range.first; });
        return it != ranges.begin() && seq <= std::prev(it)->second;
    };
    std::vector<ArrivedTick> live;
    std::vector<ArrivedTick> history;
    live.reserve(out.size());
    for (ArrivedTick &a : out)
        (filled(a.seq) ? history : live).push_back(std::move(a));
    if (history.empty()) {
        out = std::move(live);
        return {};
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const ArrivedTick &x, const ArrivedTick &y) { return x.tick.timestamp < y.tick.timestamp; });
    // Each filled record goes just before the first record that arrived with a later time: it is then never
    // late, and what was late among the others stays late.
    out.clear();
    auto next = history.begin();
    for (ArrivedTick &a : live) {
        while (next != history.end() && next->tick.timestamp <= a.tick.timestamp)
            out.push_back(std::move(*next++));
        out.push_back(std::move(a));
    }
    std::move(next, history.end(), std::back_inserter(out));
    return {};
}

Util::Result<std::unique_ptr<BarStore>> BarStore::open(SqliteDatabase &db, std::size_t logMergeRows)
{
    using R = Util::Result<std::unique_ptr<BarStore>>;
    std::unique_ptr<BarStore> store(new BarStore(db, std::max<std::size_t>(1, logMergeRows)));
    if (auto s = store->prepare(); !s)
        return R::failure(u"cannot prepare the bar statements: %1"_s.arg(s.error()));

    State &st = store->m_state;
    // The sequence is stored when rows that carry it leave the logs (or never enter them); otherwise the
    // newest values of the logs hold it: those of the last commit, the last rows by rowid. A value's rows are
    // not one run of numbers (the commit numbered its rows symbol by symbol, in the order they came, and other
    // buckets' symbols came between), so each value's rows are read for the highest.
    st.nextSeq = db.scalar("SELECT next FROM bar_sequence", 1);
    for (int log = 0; log < 2; ++log) {
        // The last commit wrote at most LogBuckets values (64 before schema 20): more are only older.
        const QByteArray newest = "SELECT data FROM " + logName(log) + " ORDER BY rowid DESC LIMIT " +
                                  QByteArray::number(std::max(LogBuckets, 64));
        auto values = db.prepare(newest.constData());
        if (!values)
            return R::failure(values.error());
        if (QString error = forEachLogRow(db, *values, log, Mark{},
                                          [&st](const BarRow &row) { st.nextSeq = std::max(st.nextSeq, row.seq + 1); });
            !error.isEmpty())
            return R::failure(error);
    }
    const bool frozen[] = {db.scalar("SELECT frozen FROM bars_logs WHERE log = 0") != 0,
                           db.scalar("SELECT frozen FROM bars_logs WHERE log = 1") != 0};
    if (frozen[0] || frozen[1]) {
        st.frozen = frozen[0] ? 0 : 1;
        st.mergedThrough = readMark(db, st.frozen);
        st.active = 1 - st.frozen;
        st.frozenRowsLeft =
            db.scalar(QByteArray("SELECT coalesce(sum(rows), 0) FROM " + logName(st.frozen)).constData());
    } else {
        st.active = db.scalar("SELECT EXISTS (SELECT 1 FROM bars_log1)") != 0 ? 1 : 0;
    }
    auto buckets =
        db.prepare(QByteArray("SELECT bucket, sum(rows) FROM " + logName(st.active) + " GROUP BY bucket").constData());
    if (!buckets)
        return R::failure(buckets.error());
    while (buckets->step() == Step::Row) {
        const std::int64_t bucket = buckets->columnInt64(0);
        if (bucket >= 0 && bucket < LogBuckets)
            st.bucketRows[std::size_t(bucket)] = buckets->columnInt64(1);
        st.activeRows += buckets->columnInt64(1);
    }
    store->m_committed = st;
    return store;
}

Util::Status BarStore::toSixteenBuckets(SqliteDatabase &db)
{
    static_assert(64 % LogBuckets == 0, "an old bucket's symbols must all have one new bucket");
    for (int log = 0; log < 2; ++log) {
        const QByteArray table = logName(log);
        if (const Mark mark = readMark(db, log); mark.bucket >= 0) {
            // Rows up to the mark, in the old buckets' order (the stored bucket, not bucketOf()), are in blocks
            // already.
            const auto unmoved = [&mark](std::int64_t bucket, const BarRow &row) {
                return std::tie(bucket, row.symbolId, row.timestamp, row.seq) >
                       std::tie(mark.bucket, mark.symbolId, mark.timestamp, mark.seq);
            };
            if (QString error = dropLogRows(db, log, unmoved, {}); !error.isEmpty())
                return Util::Status::failure(error);
            const QByteArray restart = "UPDATE bars_logs SET merged_bucket = -1, merged_through = -1, merged_ts = 0, "
                                       "merged_seq = 0 WHERE log = " +
                                       QByteArray::number(log);
            if (auto s = db.exec(restart.constData()); !s)
                return s;
        }
        const QByteArray rebucket = "UPDATE " + table + " SET bucket = bucket % " + QByteArray::number(LogBuckets);
        if (auto s = db.exec(rebucket.constData()); !s)
            return s;
    }
    return {};
}

BarStore::Mark BarStore::readMark(SqliteDatabase &db, int log)
{
    const QByteArray where = " FROM bars_logs WHERE log = " + QByteArray::number(log);
    return {db.scalar(QByteArray("SELECT merged_bucket" + where).constData(), -1),
            db.scalar(QByteArray("SELECT merged_through" + where).constData(), -1),
            db.scalar(QByteArray("SELECT merged_ts" + where).constData()),
            db.scalar(QByteArray("SELECT merged_seq" + where).constData())};
}

BarStore::BarStore(SqliteDatabase &db, std::size_t logMergeRows)
    : m_db(db)
    , m_logMergeRows(logMergeRows)
{}

BarStore::~BarStore() = default;

Util::Status BarStore::prepare()
{
    const auto prepared = [this](const QByteArray &sql, Statement &out) {
        auto st = m_db.prepare(sql.constData());
        if (!st)
            return false;
        out = std::move(*st);
        return true;
    };
    auto blocks = BarBlocks::open(m_db);
    if (!blocks)
        return Util::Status::failure(blocks.error());
    m_blocks = std::move(*blocks);
    auto index = LogIndex::open(m_db);
    if (!index)
        return Util::Status::failure(index.error());
    m_index = std::move(*index);
    bool ok = true;
    for (int log = 0; log < 2 && ok; ++log) {
        const auto i = std::size_t(log);
        ok = prepared("INSERT INTO " + logName(log) + "(bucket, first_seq, rows, data) VALUES (?1, ?2, ?3, ?4)",
                      m_appendLog[i]) &&
             prepared(LogIndex::bucketValuesSql(log), m_loadBucket[i]) &&
             prepared("DELETE FROM " + logName(log), m_clearLog[i]);
    }
    ok = ok && prepared("SELECT id FROM symbols WHERE name = ?1", m_findSymbol) &&
         prepared("INSERT INTO symbols(name) VALUES (?1)", m_addSymbol) &&
         prepared("UPDATE bar_sequence SET next = ?1", m_setSequence) &&
         prepared("UPDATE bars_logs SET frozen = ?2, merged_bucket = ?3, merged_through = ?4, merged_ts = ?5, "
                  "merged_seq = ?6 WHERE log = ?1",
                  m_setLog);
    if (!ok)
        return Util::Status::failure(m_db.lastError());
    return {};
}

QString BarStore::readSymbolId(const Model::Symbol &symbol, std::int64_t &id, bool &added)
{
    added = false;
    m_findSymbol.bindText(1, symbol.view());
    Step rc = m_findSymbol.step();
    if (rc == Step::Row)
        id = m_findSymbol.columnInt64(0);
    m_findSymbol.reset();
    if (rc == Step::Done) {
        m_addSymbol.bindText(1, symbol.view());
        rc = m_addSymbol.step();
        m_addSymbol.reset();
        if (rc != Step::Done)
            return m_db.lastError();
        id = sqlite3_last_insert_rowid(m_db.handle());
        m_newSymbols.push_back(symbol);
        added = true;
    } else if (rc != Step::Row) {
        return m_db.lastError();
    }
    return {};
}

QString BarStore::write(std::vector<const Model::Tick *> &sorted)
{
    const auto lookUp = [this](const Model::Symbol &symbol, std::int64_t &id, bool &added) {
        return readSymbolId(symbol, id, added);
    };
    QString error = m_groups.group(sorted, lookUp, m_runs);
    m_logRows.clear();
    bool anyDirect = false;
    for (const Run &run : m_runs) {
        if (!error.isEmpty())
            break;
        const std::int64_t id = run.symbolId;
        const std::size_t first = run.first, end = run.end;
        const bool direct = end - first >= DirectRun && !inLogs(id);
        if (!direct)
            markInActiveLog(id);
        m_directRows.clear();
        for (std::size_t i = first; i < end; ++i) {
            const Model::Tick &t = *sorted[i];
            const BarRow row{id, t.timestamp, m_state.nextSeq++, t.open, t.high, t.low, t.close, t.volume};
            (direct ? m_directRows : m_logRows).push_back(row);
        }
        if (direct && error.isEmpty()) {
            anyDirect = true;
            std::sort(m_directRows.begin(), m_directRows.end(), inTimeOrder);
            error = m_blocks->add(id, m_directRows.data(), m_directRows.size());
        }
    }
    if (error.isEmpty())
        error = appendToLog();
    m_state.activeRows += std::int64_t(m_logRows.size());
    const std::int64_t fullest = *std::max_element(m_state.bucketRows.begin(), m_state.bucketRows.end());
    if (error.isEmpty() && anyDirect)
        error = storeSequence(); // rows in blocks only: the logs do not hold their sequence numbers
    const auto full = std::int64_t(m_logMergeRows);
    if (error.isEmpty() && m_state.frozen < 0 &&
        (m_state.activeRows >= full || fullest >= std::max<std::int64_t>(1, full / LogBuckets)))
        error = freeze();
    return error;
}

bool BarStore::inLogs(std::int64_t symbolId) const
{
    return symbolId >= 0 && std::size_t(symbolId) < m_inLogs.size() && m_inLogs[std::size_t(symbolId)] != 0;
}

void BarStore::markInActiveLog(std::int64_t symbolId)
{
    if (symbolId < 0 || std::size_t(symbolId) >= TrackedIds)
        return;
    if (std::size_t(symbolId) >= m_inLogs.size())
        m_inLogs.resize(std::size_t(symbolId) + 1, 0);
    m_inLogs[std::size_t(symbolId)] |= InActiveLog;
}

QString BarStore::storeSequence()
{
    m_setSequence.bind(1, m_state.nextSeq);
    return m_db.run(m_setSequence);
}

QString BarStore::appendToLog()
{
    // A value per bucket, its rows in arrival order: they are in that order already (sequence numbers are
    // given in it), so a counting pass by bucket keeps it.
    std::array<std::size_t, LogBuckets + 1> starts{};
    for (const BarRow &row : m_logRows)
        ++starts[std::size_t(bucketOf(row.symbolId)) + 1];
    for (std::size_t b = 0; b < std::size_t(LogBuckets); ++b) // the active log's rows per bucket grow by them
        m_state.bucketRows[b] += std::int64_t(starts[b + 1]);
    for (std::size_t b = 1; b < starts.size(); ++b)
        starts[b] += starts[b - 1];
    m_bucketRows.resize(m_logRows.size());
    auto at = starts;
    for (const BarRow &row : m_logRows)
        m_bucketRows[at[std::size_t(bucketOf(row.symbolId))]++] = row;
    Statement &append = m_appendLog[std::size_t(m_state.active)];
    std::size_t values = 0;
    for (int bucket = 0; bucket < LogBuckets; ++bucket) {
        const std::size_t first = starts[std::size_t(bucket)], end = starts[std::size_t(bucket) + 1];
        if (first == end)
            continue;
        m_logValue.clear();
        BarRowCodec::encode(m_bucketRows.data() + first, end - first, m_logValue);
        append.bind(1, std::int64_t(bucket));
        append.bind(2, m_bucketRows[first].seq);
        append.bind(3, std::int64_t(end - first));
        append.bindBlob(4, m_logValue.data(), m_logValue.size());
        if (QString error = m_db.run(append); !error.isEmpty())
            return error;
        m_index->appended(m_state.active, bucket, sqlite3_last_insert_rowid(m_db.handle()));
        ++values;
    }
    // Twice as many entries as values came: a frozen batch is written before the next one is due.
    return m_index->write(m_state.active, 2 * values);
}

QString BarStore::freeze()
{
    // A frozen log's values are all in the index: one read back finds them there.
    if (QString error = m_index->writeAll(m_state.active); !error.isEmpty())
        return error;
    if (QString error = setLog(m_state.active, true, {}); !error.isEmpty())
        return error;
    m_state.frozen = m_state.active;
    for (std::uint8_t &where : m_inLogs) // no log was frozen: the active log's symbols are now the frozen one's
        where = (where & InActiveLog) ? InFrozenLog : 0;
    m_state.mergedThrough = {};
    m_state.frozenRowsLeft = m_state.activeRows;
    m_state.active = 1 - m_state.active;
    m_state.activeRows = 0; // the other log was emptied when its own merge ended
    m_state.bucketRows = {};
    forgetRead();
    return {};
}

void BarStore::forgetRead()
{
    m_frozen = {};
    m_loadedBucket = -1;
    m_frozenPos = 0;
    m_loading = -1;
}

QString BarStore::loadSome(std::size_t budget)
{
    Statement &load = m_loadBucket[std::size_t(m_state.frozen)];
    load.bind(1, std::int64_t(m_loading));
    load.bind(2, m_loadCursor.after);
    m_loadCursor.budget = budget;
    if (QString error = forEachLogRow(
            m_db, load, m_state.frozen, m_state.mergedThrough, [this](const BarRow &row) { m_frozen.add(row); },
            &m_loadCursor);
        !error.isEmpty()) {
        forgetRead();
        return error;
    }
    if (!m_loadCursor.complete)
        return {};
    m_frozen.sort();
    m_loadedBucket = m_loading;
    m_loading = -1;
    return {};
}

QString BarStore::merge(std::size_t rows)
{
    if (m_state.frozen < 0 || rows == 0)
        return {};
    // A bucket at a time, its rows by symbol and time. A slice may end inside a symbol's rows: the mark is a
    // row, so one symbol's long run (a single busy symbol fills a bucket) moves over several commits.
    // A bucket is read back over as many commits as it takes, each reading about twice the rows it would move,
    // so that no commit holds its requests much longer than its own rows take. The rows those commits did not
    // move are owed, and later commits move up to as many again as they are asked: moving keeps pace with
    // arriving, or under a steady load each log would freeze larger than the one before.
    const std::size_t goalRows = rows + std::min(m_owed, rows);
    std::size_t moved = 0;
    bool done = false;
    std::size_t readBudget = 2 * rows;
    while (moved < goalRows) {
        if (m_loading < 0 && m_frozenPos == m_frozen.size()) {
            const int next =
                m_loadedBucket < 0 ? int(std::max<std::int64_t>(0, m_state.mergedThrough.bucket)) : m_loadedBucket + 1;
            if (next >= LogBuckets) {
                done = true;
                break;
            }
            m_frozen.clear();
            m_frozenPos = 0;
            m_loading = next;
            m_loadCursor = {};
        }
        if (m_loading >= 0) {
            if (readBudget == 0)
                break; // the rest in the next commits
            if (QString error = loadSome(readBudget); !error.isEmpty())
                return error;
            readBudget -= std::min(readBudget, std::max<std::size_t>(1, m_loadCursor.read));
            continue;
        }
        const std::size_t goal = std::min(m_frozen.size(), m_frozenPos + (goalRows - moved));
        while (m_frozenPos < goal) {
            const std::int64_t id = m_frozen.symbolAt(m_frozenPos);
            std::size_t end = m_frozenPos + 1;
            while (end < goal && m_frozen.symbolAt(end) == id)
                ++end;
            m_frozen.gather(m_frozenPos, end, m_moveRows);
            if (QString error = m_blocks->add(id, m_moveRows.data(), m_moveRows.size()); !error.isEmpty())
                return error;
            moved += end - m_frozenPos;
            m_frozenPos = end;
        }
        m_state.mergedThrough = Mark::of(m_frozen.at(m_frozenPos - 1));
    }
    m_state.moved += moved;
    m_state.frozenRowsLeft = std::max<std::int64_t>(0, m_state.frozenRowsLeft - std::int64_t(moved));
    m_owed = done ? 0 : moved < rows ? m_owed + (rows - moved) : m_owed - std::min(m_owed, moved - rows);
    if (done) {
        if (QString error = storeSequence(); !error.isEmpty())
            return error;
        if (QString error = m_db.run(m_clearLog[std::size_t(m_state.frozen)]); !error.isEmpty())
            return error;
        if (QString error = m_index->cleared(m_state.frozen); !error.isEmpty())
            return error;
        if (QString error = setLog(m_state.frozen, false, {}); !error.isEmpty())
            return error;
        m_state.frozen = -1;
        m_state.mergedThrough = {};
        m_state.frozenRowsLeft = 0;
        for (std::uint8_t &where : m_inLogs)
            where &= std::uint8_t(~InFrozenLog);
        return {};
    }
    return setLog(m_state.frozen, true, m_state.mergedThrough);
}

QString BarStore::setLog(int log, bool frozen, const Mark &mark)
{
    m_setLog.bind(1, std::int64_t(log));
    m_setLog.bind(2, std::int64_t(frozen ? 1 : 0));
    m_setLog.bind(3, mark.bucket);
    m_setLog.bind(4, mark.symbolId);
    m_setLog.bind(5, mark.timestamp);
    m_setLog.bind(6, mark.seq);
    return m_db.run(m_setLog);
}

std::uint64_t BarStore::rowsToMerge() const
{
    if (m_state.frozen < 0)
        return 0;
    return std::uint64_t(std::max<std::int64_t>(1, m_state.frozenRowsLeft));
}

void BarStore::committed()
{
    if (m_state.frozen < 0 && m_committed.frozen >= 0)
        forgetRead();
    m_committed = m_state;
    m_index->committed();
    m_newSymbols.clear();
    m_groups.bound(MaxCachedIds);
}

void BarStore::rolledBack()
{
    m_blocks->rolledBack();
    if (const QString error = m_index->rolledBack(); !error.isEmpty())
        qCWarning(lcStorage) << "cannot read the bar logs' index again:" << error;
    // What was read of a frozen log is still so when the transaction moved none of its rows and froze no log
    // (reading changes nothing stored); kept, a bucket read over several commits is not begun again after each
    // failed one.
    const bool readStands = m_state.frozen == m_committed.frozen && m_state.moved == m_committed.moved;
    m_state = m_committed;
    for (const Model::Symbol &symbol : m_newSymbols)
        m_groups.forget(symbol);
    m_newSymbols.clear();
    if (readStands)
        return;
    // The rows a rolled-back slice moved are in the log again: read from the committed mark afresh.
    forgetRead();
}

QString BarStore::deleteOlderThan(std::int64_t cutoffUs, const QString &zone, std::uint64_t &deleted)
{
    // Only records whose bars are kept go: from where a symbol's kept bars begin up to the end of its last
    // closed minute (later ones make its forming bar).
    const QByteArray zoneText = zone.toUtf8();
    const std::string_view zoneView(zoneText.constData(), std::size_t(zoneText.size()));
    if (QString error = storeSequence(); !error.isEmpty()) // the newest values may lose rows
        return error;
    if (QString error = m_blocks->deleteOlderThan(cutoffUs, zoneView, deleted); !error.isEmpty())
        return error;
    return deleteFromActiveLog(cutoffUs, zoneView, deleted);
}

QString BarStore::deleteFromActiveLog(std::int64_t cutoffUs, std::string_view zone, std::uint64_t &deleted)
{
    // Old rows in the active log (imported history, mostly): each value holding some is written again
    // without them. A frozen log's rows are in `bars` soon, where the next pass finds them.
    auto rule = RetentionRule::open(m_db, cutoffUs, zone);
    if (!rule)
        return m_db.lastError();
    std::uint64_t gone = 0;
    const auto keeps = [&rule](std::int64_t, const BarRow &row) { return !rule->deletes(row); };
    const auto removed = [this, &gone](std::int64_t bucket, std::int64_t rows) {
        auto &inBucket = m_state.bucketRows[std::size_t(std::clamp<std::int64_t>(bucket, 0, LogBuckets - 1))];
        inBucket = std::max<std::int64_t>(0, inBucket - rows);
        gone += std::uint64_t(rows);
    };
    // In one transaction with the index's repair (LogIndex::valuesDeleted()).
    if (auto s = m_db.exec("SAVEPOINT log_retention"); !s)
        return s.error();
    QString error = dropLogRows(m_db, m_state.active, keeps, removed);
    if (error.isEmpty())
        error = m_index->valuesDeleted(m_state.active);
    if (error.isEmpty())
        if (auto s = m_db.exec("RELEASE log_retention"); !s)
            error = s.error();
    if (!error.isEmpty()) {
        m_db.exec("ROLLBACK TO log_retention; RELEASE log_retention");
        if (const QString reread = m_index->rolledBack(); !reread.isEmpty())
            qCWarning(lcStorage) << "cannot read the bar logs' index again:" << reread;
        return error;
    }
    m_index->committed();
    if (gone > 0) {
        deleted += gone;
        m_state.activeRows = std::max<std::int64_t>(0, m_state.activeRows - std::int64_t(gone));
        m_committed.activeRows = m_state.activeRows;
        m_committed.bucketRows = m_state.bucketRows;
    }
    return {};
}

QString BarStore::dropLogRows(SqliteDatabase &db, int log,
                              const std::function<bool(std::int64_t bucket, const BarRow &row)> &keeps,
                              const std::function<void(std::int64_t bucket, std::int64_t removed)> &removed)
{
    const QByteArray table = logName(log);
    auto values = db.prepare(QByteArray("SELECT rowid, bucket, data FROM " + table).constData());
    auto update = db.prepare(QByteArray("UPDATE " + table + " SET rows = ?2, data = ?3 WHERE rowid = ?1").constData());
    auto remove = db.prepare(QByteArray("DELETE FROM " + table + " WHERE rowid = ?1").constData());
    if (!values || !update || !remove)
        return db.lastError();
    struct Change
    {
        std::int64_t rowid = 0;
        std::int64_t bucket = 0;
        std::int64_t rows = 0;
        std::string value;
        std::int64_t removed = 0;
    };
    std::vector<Change> changes; // written once the reading is done
    std::vector<BarRow> kept;
    Step rc{};
    while ((rc = values->step()) == Step::Row) {
        const std::int64_t bucket = values->columnInt64(1);
        const QByteArrayView value = values->columnBlob(2);
        BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
        kept.clear();
        std::size_t rows = 0;
        for (BarRow row; reader.next(row); ++rows)
            if (keeps(bucket, row))
                kept.push_back(row);
        if (reader.failed())
            return u"a value in bar log %1 is damaged"_s.arg(log);
        if (kept.size() == rows)
            continue;
        Change change{values->columnInt64(0), bucket, std::int64_t(kept.size()), {}, std::int64_t(rows - kept.size())};
        if (!kept.empty())
            BarRowCodec::encode(kept.data(), kept.size(), change.value);
        changes.push_back(std::move(change));
    }
    values->reset();
    if (rc != Step::Done)
        return db.lastError();
    for (const Change &c : changes) {
        Statement &st = c.rows > 0 ? *update : *remove;
        st.bind(1, c.rowid);
        if (c.rows > 0) {
            st.bind(2, c.rows);
            st.bindBlob(3, c.value.data(), c.value.size());
        }
        if (QString error = db.run(st); !error.isEmpty())
            return error;
        if (removed)
            removed(c.bucket, c.removed);
    }
    return {};
}

} // namespace Storage
