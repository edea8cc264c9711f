// SPDX-License-Identifier: MIT
#include "SignalIndex.h"

#include "SqliteDatabase.h"

#include <algorithm>

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
    auto marks = m_db.prepare("SELECT through_id, batch_end, cursor FROM signals_indexed");
    if (!marks)
        return marks.error();
    if (const Step rc = marks->step(); rc != Step::Row)
        return rc == Step::Done ? QStringLiteral("signals_indexed has no row") : m_db.lastError();
    const QByteArray cursor = marks->columnUtf8(2);
    m_batches.reset(marks->columnInt64(0), marks->columnInt64(1),
                    std::string(cursor.constData(), std::size_t(cursor.size())));

    auto rows = m_db.prepare("SELECT symbol, ts_us, id FROM signals WHERE id > ?1 ORDER BY id");
    if (!rows)
        return rows.error();
    rows->bind(1, m_batches.through());
    Step rc{};
    while ((rc = rows->step()) == Step::Row) {
        const QByteArray symbol = rows->columnUtf8(0);
        m_batches.restore(
            {std::string(symbol.constData(), std::size_t(symbol.size())), rows->columnInt64(1), rows->columnInt64(2)});
    }
    if (rc != Step::Done)
        return m_db.lastError();
    m_batches.restored();
    return {};
}

void SignalIndex::add(std::string_view symbol, std::int64_t timestamp, std::int64_t id)
{
    m_batches.add({std::string(symbol), timestamp, id});
}

QString SignalIndex::move(std::size_t count)
{
    const auto entries = m_batches.next(BatchSize, std::max(count, MinMove));
    if (entries.empty())
        return {};
    Statement *insert = m_db.cached("INSERT OR IGNORE INTO signals_by_symbol(symbol, ts_us, id) VALUES (?1, ?2, ?3)");
    if (!insert)
        return m_db.lastError();
    for (const Entry &e : entries) {
        insert->bindText(1, e.symbol);
        insert->bind(2, e.timestamp);
        insert->bind(3, e.id);
        if (QString error = m_db.run(*insert); !error.isEmpty())
            return error;
    }
    m_batches.written(entries.size());
    return writeMarks();
}

QString SignalIndex::writeMarks()
{
    Statement *update = m_db.cached("UPDATE signals_indexed SET through_id = ?1, batch_end = ?2, cursor = ?3");
    if (!update)
        return m_db.lastError();
    update->bind(1, m_batches.through());
    update->bind(2, m_batches.batchEnd());
    update->bindText(3, m_batches.cursor());
    return m_db.run(*update);
}

void SignalIndex::committed()
{
    m_batches.committed();
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
