// SPDX-License-Identifier: MIT
#include "BarBlocks.h"

#include <algorithm>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Storage {

namespace {

/// Symbols' newest rows remembered at most; past this the cache starts over (they are read again).
constexpr std::size_t MaxCachedSymbols = 100'000;
/// Symbols per retention transaction.
constexpr std::int64_t RetentionSymbols = 1000;

QByteArray parameter(int n)
{
    return "?" + QByteArray::number(n);
}

} // namespace

Util::Result<RetentionRule> RetentionRule::open(SqliteDatabase &db, std::int64_t cutoffUs, std::string_view zone)
{
    auto covered = db.prepare(
        "SELECT coalesce((SELECT max(since_us) FROM history_tracks h WHERE h.symbol_id = ?1 AND h.timeframe_id IN "
        "(SELECT id FROM history_timeframes WHERE zone = ?2)), 9223372036854775807), "
        "coalesce((SELECT end_us FROM history_bars k WHERE k.symbol_id = ?1 AND k.timeframe_id = (SELECT id FROM "
        "history_timeframes WHERE zone = ?2 AND name = '1m') ORDER BY open_us DESC LIMIT 1), -9223372036854775807)");
    if (!covered)
        return Util::Result<RetentionRule>::failure(covered.error());
    return RetentionRule(std::move(*covered), cutoffUs, zone);
}

RetentionRule::RetentionRule(Statement covered, std::int64_t cutoffUs, std::string_view zone)
    : m_covered(std::move(covered))
    , m_cutoffUs(cutoffUs)
    , m_zone(zone)
{}

const RetentionRule::Span &RetentionRule::spanOf(std::int64_t symbolId)
{
    auto it = m_spans.find(symbolId);
    if (it == m_spans.end()) {
        m_covered.bind(1, symbolId);
        m_covered.bindText(2, m_zone);
        Span span{1, 0};
        if (m_covered.step() == Step::Row)
            span = {m_covered.columnInt64(0), m_covered.columnInt64(1)};
        m_covered.reset();
        it = m_spans.emplace(symbolId, span).first;
    }
    return it->second;
}

bool RetentionRule::coversAny(std::int64_t symbolId)
{
    const Span &span = spanOf(symbolId);
    return span.first < span.second;
}

bool RetentionRule::deletes(const BarRow &row)
{
    if (row.timestamp >= m_cutoffUs)
        return false;
    const Span &span = spanOf(row.symbolId);
    return row.timestamp >= span.first && row.timestamp < span.second;
}

QByteArray BarBlocks::rowsSql(const QByteArray &columns, const QByteArray &where, Bounds bounds)
{
    QByteArray sql = "SELECT " + columns + " FROM bar_blocks k, bar_rows(k.data) WHERE k.symbol_id = ?1";
    if (bounds.lower > 0)
        sql += " AND k.last_ts >= " + parameter(bounds.lower);
    if (bounds.upper > 0) {
        // Blocks up to the first one that ends after the range: the later ones begin after it.
        const QByteArray upper = parameter(bounds.upper);
        sql += " AND k.first_ts <= " + upper +
               " AND k.last_ts <= (SELECT coalesce(min(last_ts), 9223372036854775807) FROM bar_blocks "
               "WHERE symbol_id = ?1 AND last_ts > " +
               upper + ')';
    }
    if (!where.isEmpty())
        sql += " AND " + where;
    return sql;
}

QByteArray BarBlocks::timeSql(const char *function, const QByteArray &where, Bounds bounds)
{
    const QByteArray f(function);
    QByteArray blocks;
    if (f == "min") {
        // The first block ending at or after the lower end holds the first row from there on.
        blocks = "SELECT data FROM bar_blocks WHERE symbol_id = ?1" +
                 (bounds.lower > 0 ? " AND last_ts >= " + parameter(bounds.lower) : QByteArray()) +
                 " ORDER BY last_ts, last_seq LIMIT 1";
    } else if (bounds.upper > 0) {
        // The last row up to the upper end is in the first block ending at or after it, or else in the
        // block before that one.
        const QByteArray upper = parameter(bounds.upper);
        blocks = "SELECT data FROM (SELECT data FROM bar_blocks WHERE symbol_id = ?1 AND last_ts >= " + upper +
                 " ORDER BY last_ts, last_seq LIMIT 1) UNION ALL SELECT data FROM (SELECT data FROM bar_blocks "
                 "WHERE symbol_id = ?1 AND last_ts < " +
                 upper + " ORDER BY last_ts DESC, last_seq DESC LIMIT 1)";
    } else {
        blocks = "SELECT data FROM bar_blocks WHERE symbol_id = ?1 ORDER BY last_ts DESC, last_seq DESC LIMIT 1";
    }
    return "SELECT " + f + "(ts_us) AS x FROM (" + blocks + ") k, bar_rows(k.data)" +
           (where.isEmpty() ? QByteArray() : " WHERE " + where);
}

Util::Result<std::unique_ptr<BarBlocks>> BarBlocks::open(SqliteDatabase &db)
{
    using R = Util::Result<std::unique_ptr<BarBlocks>>;
    std::unique_ptr<BarBlocks> blocks(new BarBlocks(db));
    const std::pair<Statement *, const char *> sql[] = {
        {&blocks->m_insert, "INSERT INTO bar_blocks(symbol_id, last_ts, last_seq, first_ts, first_seq, rows, data) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&blocks->m_delete, "DELETE FROM bar_blocks WHERE symbol_id = ?1 AND last_ts = ?2 AND last_seq = ?3"},
        {&blocks->m_newestBlock, "SELECT last_ts, last_seq FROM bar_blocks WHERE symbol_id = ?1 "
                                 "ORDER BY last_ts DESC, last_seq DESC LIMIT 1"},
        {&blocks->m_covering, "SELECT last_ts, last_seq, data FROM bar_blocks WHERE symbol_id = ?1 AND "
                              "(last_ts, last_seq) >= (?2, ?3) ORDER BY last_ts, last_seq LIMIT 1"},
    };
    for (const auto &[target, text] : sql) {
        auto st = db.prepare(text);
        if (!st)
            return R::failure(u"cannot prepare the bar block statements: %1"_s.arg(st.error()));
        *target = std::move(*st);
    }
    return blocks;
}

BarBlocks::BarBlocks(SqliteDatabase &db)
    : m_db(db)
{}

QString BarBlocks::insert(std::int64_t symbolId, const BarRow *rows, std::size_t count)
{
    for (std::size_t first = 0; first < count; first += MaxRows) {
        const std::size_t n = std::min(MaxRows, count - first);
        const BarRow *block = rows + first;
        m_value.clear();
        BarRowCodec::encode(block, n, m_value);
        m_insert.bind(1, symbolId);
        m_insert.bind(2, block[n - 1].timestamp);
        m_insert.bind(3, block[n - 1].seq);
        m_insert.bind(4, block[0].timestamp);
        m_insert.bind(5, block[0].seq);
        m_insert.bind(6, std::int64_t(n));
        m_insert.bindBlob(7, m_value.data(), m_value.size());
        if (QString error = m_db.run(m_insert); !error.isEmpty())
            return error;
    }
    return {};
}

QString BarBlocks::remove(std::int64_t symbolId, Position last)
{
    m_delete.bind(1, symbolId);
    m_delete.bind(2, last.first);
    m_delete.bind(3, last.second);
    return m_db.run(m_delete);
}

QString BarBlocks::newestOf(std::int64_t symbolId, Position &newest, bool &any)
{
    if (const auto it = m_newest.find(symbolId); it != m_newest.end()) {
        newest = it->second;
        any = true;
        return {};
    }
    m_newestBlock.bind(1, symbolId);
    const Step rc = m_newestBlock.step();
    any = rc == Step::Row;
    if (any)
        newest = {m_newestBlock.columnInt64(0), m_newestBlock.columnInt64(1)};
    m_newestBlock.reset();
    if (rc != Step::Row && rc != Step::Done)
        return m_db.lastError();
    if (any) {
        if (m_newest.size() >= MaxCachedSymbols)
            m_newest.clear();
        m_newest.emplace(symbolId, newest);
    }
    return {};
}

QString BarBlocks::add(std::int64_t symbolId, const BarRow *rows, std::size_t count)
{
    if (count == 0)
        return {};
    Position newest;
    bool any = false;
    if (QString error = newestOf(symbolId, newest, any); !error.isEmpty())
        return error;
    // Rows up to the newest stored one are late; the others follow it.
    std::size_t late = 0;
    while (any && late < count && std::pair(rows[late].timestamp, rows[late].seq) <= newest)
        ++late;
    if (QString error = addLate(symbolId, rows, late); !error.isEmpty())
        return error;
    if (QString error = insert(symbolId, rows + late, count - late); !error.isEmpty())
        return error;
    if (late < count) {
        if (m_newest.size() >= MaxCachedSymbols)
            m_newest.clear();
        m_newest[symbolId] = {rows[count - 1].timestamp, rows[count - 1].seq};
    }
    return {};
}

QString BarBlocks::addLate(std::int64_t symbolId, const BarRow *rows, std::size_t count)
{
    for (std::size_t i = 0; i < count;) {
        // The block whose span holds the row, or the first one after it.
        m_covering.bind(1, symbolId);
        m_covering.bind(2, rows[i].timestamp);
        m_covering.bind(3, rows[i].seq);
        std::vector<BarRow> stored;
        Position last;
        Step rc = m_covering.step();
        if (rc == Step::Row) {
            last = {m_covering.columnInt64(0), m_covering.columnInt64(1)};
            const QByteArrayView value = m_covering.columnBlob(2);
            BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
            for (BarRow r; reader.next(r);)
                stored.push_back(r);
            if (reader.failed())
                rc = Step::Error;
        }
        m_covering.reset();
        if (rc == Step::Error)
            return u"a bar block of symbol %1 is damaged or unreadable: %2"_s.arg(symbolId).arg(m_db.lastError());
        if (stored.empty())
            return u"no bar block of symbol %1 holds a late row"_s.arg(symbolId);
        std::size_t end = i;
        while (end < count && std::pair(rows[end].timestamp, rows[end].seq) <= last)
            ++end;
        m_merged.clear();
        std::merge(stored.begin(), stored.end(), rows + i, rows + end, std::back_inserter(m_merged), inTimeOrder);
        if (QString error = remove(symbolId, last); !error.isEmpty())
            return error;
        if (QString error = insert(symbolId, m_merged.data(), m_merged.size()); !error.isEmpty())
            return error;
        i = end;
    }
    return {};
}

QString BarBlocks::deleteOlderThan(std::int64_t cutoffUs, std::string_view zone, std::uint64_t &deleted)
{
    auto symbols = m_db.prepare("SELECT id FROM symbols WHERE id > ?1 ORDER BY id LIMIT ?2");
    auto rule = RetentionRule::open(m_db, cutoffUs, zone);
    auto blocks = m_db.prepare("SELECT last_ts, last_seq, first_ts, data FROM bar_blocks WHERE symbol_id = ?1 "
                               "ORDER BY last_ts, last_seq");
    if (!symbols || !rule || !blocks)
        return m_db.lastError();
    struct Change
    {
        Position last;
        std::vector<BarRow> kept;
    };
    std::int64_t after = 0;
    for (;;) {
        std::vector<std::int64_t> ids;
        symbols->bind(1, after);
        symbols->bind(2, RetentionSymbols);
        while (symbols->step() == Step::Row)
            ids.push_back(symbols->columnInt64(0));
        symbols->reset();
        if (ids.empty())
            return {};
        after = ids.back();
        if (auto s = m_db.exec("BEGIN IMMEDIATE"); !s)
            return s.error();
        QString error;
        std::uint64_t gone = 0;
        for (const std::int64_t id : ids) {
            if (!error.isEmpty())
                break;
            if (!rule->coversAny(id))
                continue;
            // Blocks begin in time order: the old ones are the first.
            std::vector<Change> changes;
            blocks->bind(1, id);
            while (blocks->step() == Step::Row && blocks->columnInt64(2) < cutoffUs) {
                const QByteArrayView value = blocks->columnBlob(3);
                BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
                Change change{{blocks->columnInt64(0), blocks->columnInt64(1)}, {}};
                std::size_t rows = 0;
                for (BarRow r; reader.next(r); ++rows)
                    if (!rule->deletes(r))
                        change.kept.push_back(r);
                if (reader.failed()) {
                    error = u"a bar block of symbol %1 is damaged"_s.arg(id);
                    break;
                }
                if (change.kept.size() < rows) {
                    gone += rows - change.kept.size();
                    changes.push_back(std::move(change));
                }
            }
            blocks->reset();
            for (const Change &c : changes) {
                if (error.isEmpty())
                    error = remove(id, c.last);
                if (error.isEmpty())
                    error = insert(id, c.kept.data(), c.kept.size());
            }
        }
        m_newest.clear();
        if (!error.isEmpty()) {
            m_db.exec("ROLLBACK");
            return error;
        }
        if (auto s = m_db.exec("COMMIT"); !s)
            return s.error();
        deleted += gone;
    }
}

Util::Status BarBlocks::fromRows(SqliteDatabase &db)
{
    auto blocks = open(db);
    if (!blocks)
        return Util::Status::failure(blocks.error());
    auto st = db.prepare("SELECT symbol_id, ts_us, seq, open, high, low, close, volume FROM bars "
                         "ORDER BY symbol_id, ts_us, seq");
    if (!st)
        return Util::Status::failure(st.error());
    std::vector<BarRow> run;
    QString error;
    Step rc{};
    while (error.isEmpty() && (rc = st->step()) == Step::Row) {
        const BarRow row{st->columnInt64(0), st->columnInt64(1), st->columnInt64(2), st->columnPrice(3),
                         st->columnPrice(4), st->columnPrice(5), st->columnPrice(6), st->columnInt64(7)};
        if (!run.empty() && (run.front().symbolId != row.symbolId || run.size() == MaxRows)) {
            error = (*blocks)->insert(run.front().symbolId, run.data(), run.size());
            run.clear();
        }
        run.push_back(row);
    }
    if (error.isEmpty() && rc != Step::Done)
        error = db.lastError();
    if (error.isEmpty() && !run.empty())
        error = (*blocks)->insert(run.front().symbolId, run.data(), run.size());
    if (!error.isEmpty())
        return Util::Status::failure(error);
    return {};
}

} // namespace Storage
