// SPDX-License-Identifier: MIT
#include "Outbox.h"

#include "storage/Queries.h"
#include "storage/SqliteDatabase.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage {

namespace {

QByteArray idList(const std::vector<qint64> &ids)
{
    QByteArray list;
    for (const qint64 id : ids) {
        if (!list.isEmpty())
            list += ',';
        list += QByteArray::number(id);
    }
    return list;
}

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

Outbox::Outbox(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db))
{}

Outbox::~Outbox() = default;

Util::Result<std::unique_ptr<Outbox>> Outbox::open(const QString &databasePath)
{
    auto db = SqliteDatabase::open(databasePath);
    if (!db)
        return Util::Result<std::unique_ptr<Outbox>>::failure(db.error());
    return std::unique_ptr<Outbox>(new Outbox(std::move(*db)));
}

Util::Status Outbox::setChannels(const std::vector<std::pair<QString, bool>> &channels)
{
    // Unchanged since the last start: nothing is written, so a start on a full disk still works.
    if (auto current = m_db->prepare("SELECT name, alerts FROM notification_channels ORDER BY name")) {
        std::vector<std::pair<QString, bool>> stored;
        while (current->step() == Step::Row)
            stored.emplace_back(current->columnText(0), current->columnInt64(1) != 0);
        auto wanted = channels;
        std::sort(wanted.begin(), wanted.end());
        std::sort(stored.begin(), stored.end());
        if (stored == wanted)
            return {};
    }
    if (auto s = m_db->exec("BEGIN IMMEDIATE; DELETE FROM notification_channels;"); !s) {
        m_db->exec("ROLLBACK");
        return s;
    }
    auto st = m_db->prepare("INSERT INTO notification_channels(name, alerts) VALUES (?1, ?2)");
    if (!st) {
        m_db->exec("ROLLBACK");
        return Util::Status::failure(st.error());
    }
    for (const auto &[name, alerts] : channels) {
        const QByteArray utf8 = name.toUtf8();
        st->bindText(1, view(utf8));
        st->bind(2, std::int64_t(alerts ? 1 : 0));
        if (st->step() != Step::Done) {
            m_db->exec("ROLLBACK");
            return Util::Status::failure(m_db->lastError());
        }
        st->reset();
    }
    return m_db->exec("COMMIT");
}

Util::Result<std::vector<OutboxEntry>> Outbox::due(const QString &channel, qint64 nowUs, int limit)
{
    using R = Util::Result<std::vector<OutboxEntry>>;
    const QByteArray name = channel.toUtf8();
    // A batch already formed goes again as it was, and nothing newer overtakes it.
    auto open = m_db->prepare("SELECT batch, next_attempt_us FROM notifications WHERE channel = ?1 AND "
                              "status = 'pending' AND batch IS NOT NULL ORDER BY id LIMIT 1");
    if (!open)
        return R::failure(open.error());
    open->bindText(1, view(name));
    QByteArray batch;
    if (open->step() == Step::Row) {
        if (open->columnInt64(1) > nowUs)
            return std::vector<OutboxEntry>{};
        batch = open->columnUtf8(0);
    }
    const QByteArray sql = QByteArray("SELECT n.id, n.batch, n.attempts, ") + signalColumns("s") +
                           " FROM notifications n JOIN signals s ON s.id = n.signal_id WHERE n.channel = ?1 AND "
                           "n.status = 'pending' AND " +
                           (batch.isEmpty() ? "n.batch IS NULL AND n.next_attempt_us <= ?2" : "n.batch = ?3") +
                           " ORDER BY n.id LIMIT ?4";
    auto st = m_db->prepare(sql.constData());
    if (!st)
        return R::failure(st.error());
    st->bindText(1, view(name));
    st->bind(2, std::int64_t(nowUs));
    st->bindText(3, view(batch));
    st->bind(4, std::int64_t(limit));
    std::vector<OutboxEntry> entries;
    Step rc{};
    while ((rc = st->step()) == Step::Row) {
        OutboxEntry e;
        e.id = st->columnInt64(0);
        e.batch = st->columnText(1);
        e.attempts = int(st->columnInt64(2));
        readSignal(*st, 3, e.signal);
        entries.push_back(std::move(e));
    }
    if (rc != Step::Done)
        return R::failure(m_db->lastError());
    return entries;
}

std::optional<qint64> Outbox::channelValue(const char *sql, const QString &channel)
{
    auto st = m_db->prepare(sql);
    if (!st)
        return std::nullopt;
    const QByteArray name = channel.toUtf8();
    st->bindText(1, view(name));
    if (st->step() != Step::Row || st->columnIsNull(0))
        return std::nullopt;
    return st->columnInt64(0);
}

std::optional<qint64> Outbox::openBatchDue(const QString &channel)
{
    return channelValue("SELECT min(next_attempt_us) FROM notifications WHERE channel = ?1 AND status = 'pending' "
                        "AND batch IS NOT NULL",
                        channel);
}

std::optional<qint64> Outbox::oldestUnbatched(const QString &channel)
{
    return channelValue(
        "SELECT min(created_us) FROM notifications WHERE channel = ?1 AND status = 'pending' AND batch IS NULL",
        channel);
}

Util::Status Outbox::update(const char *sql, const std::vector<qint64> &ids,
                            const std::function<void(Statement &)> &bind)
{
    if (ids.empty())
        return {};
    const QByteArray text = QByteArray(sql) + " WHERE id IN (" + idList(ids) + ")";
    auto st = m_db->prepare(text.constData());
    if (!st)
        return Util::Status::failure(st.error());
    bind(*st);
    if (st->step() != Step::Done)
        return Util::Status::failure(u"updating the outbox failed: %1"_s.arg(m_db->lastError()));
    return {};
}

Util::Status Outbox::assignBatch(const std::vector<qint64> &ids, const QString &batch)
{
    const QByteArray utf8 = batch.toUtf8();
    return update("UPDATE notifications SET batch = ?1", ids, [&](Statement &st) { st.bindText(1, view(utf8)); });
}

Util::Status Outbox::markDelivered(const std::vector<qint64> &ids, qint64 nowUs)
{
    return update("UPDATE notifications SET status = 'delivered', attempts = attempts + 1, delivered_us = ?1", ids,
                  [&](Statement &st) { st.bind(1, std::int64_t(nowUs)); });
}

Util::Status Outbox::markRetry(const std::vector<qint64> &ids, const QString &error, qint64 nextAttemptUs)
{
    const QByteArray utf8 = error.toUtf8();
    return update("UPDATE notifications SET attempts = attempts + 1, next_attempt_us = ?1, last_error = ?2", ids,
                  [&](Statement &st) {
                      st.bind(1, std::int64_t(nextAttemptUs));
                      st.bindText(2, view(utf8));
                  });
}

Util::Status Outbox::markFailed(const std::vector<qint64> &ids, const QString &error)
{
    const QByteArray utf8 = error.toUtf8();
    return update("UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = ?1", ids,
                  [&](Statement &st) { st.bindText(1, view(utf8)); });
}

qint64 Outbox::pending(const QString &channel)
{
    return channelValue("SELECT count(*) FROM notifications WHERE channel = ?1 AND status = 'pending'", channel)
        .value_or(0);
}

const char *deliveryName(Delivery delivery) noexcept
{
    switch (delivery) {
    case Delivery::Pending:
        return "pending";
    case Delivery::Delivered:
        return "delivered";
    case Delivery::Failed:
        return "failed";
    }
    return "pending";
}

std::vector<DeliveryState> deliveryStates(SqliteDatabase &db, const std::vector<qint64> &signalIds)
{
    std::vector<DeliveryState> out;
    if (signalIds.empty())
        return out;
    const QByteArray sql = "SELECT signal_id, channel, status, coalesce(last_error, '') FROM notifications WHERE "
                           "signal_id IN (" +
                           idList(signalIds) + ") ORDER BY signal_id, channel";
    auto st = db.prepare(sql.constData());
    if (!st)
        return out;
    while (st->step() == Step::Row) {
        const QString status = st->columnText(2);
        out.push_back({st->columnInt64(0), st->columnText(1),
                       status == u"delivered"_s ? Delivery::Delivered
                       : status == u"failed"_s  ? Delivery::Failed
                                                : Delivery::Pending,
                       st->columnText(3)});
    }
    return out;
}

} // namespace Storage
