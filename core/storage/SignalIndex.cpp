// SPDX-License-Identifier: MIT
#include "SignalIndex.h"

#include "SqliteDatabase.h"

#include <algorithm>
#include <tuple>

namespace Storage {

SignalIndex::SignalIndex(SqliteDatabase &db)
    : m_db(db)
{}

SignalIndex::~SignalIndex() = default;

Util::Result<std::unique_ptr<SignalIndex>> SignalIndex::open(SqliteDatabase &db)
{
    std::unique_ptr<SignalIndex> index(new SignalIndex(db));
    if (QString error = index->load(); !error.isEmpty())
        return Util::Result<std::unique_ptr<SignalIndex>>::failure(error);
    return index;
}

QString SignalIndex::load()
{
    m_batch.clear();
    m_moved = 0;
    m_pending.clear();
    m_added.clear();
    auto marks = m_db.prepare("SELECT through_id, batch_end, cursor FROM signals_indexed");
    if (!marks)
        return marks.error();
    if (marks->step() != Step::Row)
        return m_db.lastError().isEmpty() ? QStringLiteral("signals_indexed has no row") : m_db.lastError();
    m_through = marks->columnInt64(0);
    m_batchEnd = marks->columnInt64(1);
    const QByteArray cursor = marks->columnUtf8(2);
    m_cursor.assign(cursor.constData(), std::size_t(cursor.size()));

    auto rows = m_db.prepare("SELECT symbol, ts_us, id FROM signals WHERE id > ?1 ORDER BY id");
    if (!rows)
        return rows.error();
    rows->bind(1, m_through);
    Step rc{};
    while ((rc = rows->step()) == Step::Row) {
        const QByteArray symbol = rows->columnUtf8(0);
        Entry e{std::string(symbol.constData(), std::size_t(symbol.size())), rows->columnInt64(1),
                rows->columnInt64(2)};
        if (e.id > m_batchEnd)
            m_pending.push_back(std::move(e));
        else if (e.symbol > m_cursor)
            m_batch.push_back(std::move(e));
    }
    if (rc != Step::Done)
        return m_db.lastError();
    std::sort(m_batch.begin(), m_batch.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.symbol, a.timestamp, a.id) < std::tie(b.symbol, b.timestamp, b.id);
    });
    return {};
}

void SignalIndex::add(std::string_view symbol, std::int64_t timestamp, std::int64_t id)
{
    m_added.push_back({std::string(symbol), timestamp, id});
}

void SignalIndex::freeze()
{
    m_batch = std::move(m_pending);
    m_batch.insert(m_batch.end(), std::make_move_iterator(m_added.begin()), std::make_move_iterator(m_added.end()));
    m_pending.clear();
    m_added.clear();
    m_moved = 0;
    m_batchEnd = std::max_element(m_batch.begin(), m_batch.end(), [](const Entry &a, const Entry &b) {
                     return a.id < b.id;
                 })->id;
    m_cursor.clear();
    std::sort(m_batch.begin(), m_batch.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.symbol, a.timestamp, a.id) < std::tie(b.symbol, b.timestamp, b.id);
    });
}

QString SignalIndex::move(std::size_t count)
{
    const bool frozen = m_moved < m_batch.size();
    if (!frozen) {
        if (m_pending.size() + m_added.size() < BatchSize)
            return {};
        freeze();
    }
    Statement *insert = m_db.cached("INSERT OR IGNORE INTO signals_by_symbol(symbol, ts_us, id) VALUES (?1, ?2, ?3)");
    if (!insert)
        return m_db.lastError();
    const std::size_t target = std::min(m_batch.size(), m_moved + std::max(count, MinMove));
    std::size_t k = m_moved;
    while (k < m_batch.size() && (k < target || m_batch[k].symbol == m_batch[k - 1].symbol)) {
        const Entry &e = m_batch[k];
        insert->bindText(1, e.symbol);
        insert->bind(2, e.timestamp);
        insert->bind(3, e.id);
        if (QString error = m_db.run(*insert); !error.isEmpty())
            return error;
        ++k;
    }
    if (k == m_batch.size()) {
        m_through = m_batchEnd;
        m_cursor.clear();
    } else {
        m_cursor = m_batch[k - 1].symbol;
    }
    m_moved = k;
    return writeMarks();
}

QString SignalIndex::writeMarks()
{
    Statement *update = m_db.cached("UPDATE signals_indexed SET through_id = ?1, batch_end = ?2, cursor = ?3");
    if (!update)
        return m_db.lastError();
    update->bind(1, m_through);
    update->bind(2, m_batchEnd);
    update->bindText(3, m_cursor);
    return m_db.run(*update);
}

void SignalIndex::committed()
{
    if (m_moved == m_batch.size() && !m_batch.empty()) {
        m_batch.clear();
        m_moved = 0;
    }
    m_pending.insert(m_pending.end(), std::make_move_iterator(m_added.begin()), std::make_move_iterator(m_added.end()));
    m_added.clear();
}

QString SignalIndex::rolledBack()
{
    return load();
}

QByteArray SignalIndex::unindexedSql(const char *alias)
{
    const QByteArray a(alias);
    return a + ".id > (SELECT through_id FROM signals_indexed) AND (" + a +
           ".id > (SELECT batch_end FROM signals_indexed) OR " + a + ".symbol > (SELECT cursor FROM signals_indexed))";
}

} // namespace Storage
