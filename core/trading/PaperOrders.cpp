// SPDX-License-Identifier: MIT
#include "PaperOrders.h"

#include "storage/StorageWriter.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Trading {

const QString PaperOrders::NotStored = u"not stored: "_s;

PaperOrders::PaperOrders(PaperDesk &desk, Storage::StorageWriter &writer)
    : m_desk(desk)
    , m_writer(writer)
{}

void PaperOrders::store(std::vector<Order> orders, std::function<Util::Status(Storage::SqliteDatabase &)> write,
                        std::function<void(const QString &error)> done)
{
    if (!done) { // the clock's and the signals' changes, made on the GUI thread: never wait there
        Storage::WriteJob job;
        job.paperOrders = std::move(orders);
        job.write = std::move(write);
        if (m_writer.submit(std::move(job)) != Ingest::RecordSink::Submit::Accepted)
            qWarning("paper orders: the storage writer is full or stopping; a change is kept in memory only");
        return;
    }
    Storage::WriteJob job;
    job.paperOrders = std::move(orders);
    job.write = std::move(write);
    job.done = [done](const QString &error, std::vector<Model::TradeSignal> &) { done(error); };
    if (m_writer.submitWaiting(std::move(job)) != Ingest::RecordSink::Submit::Accepted)
        done(u"TickDesk is stopping"_s);
}

void PaperOrders::place(const Order &order, Answer answer)
{
    const Model::TimestampUs now = QDateTime::currentMSecsSinceEpoch() * 1000;
    const auto placed = m_desk.place(order, now, m_desk.dayEnd(now));
    if (!placed)
        return answer(placed);
    store({*placed}, {}, [answer, order = *placed](const QString &error) {
        answer(error.isEmpty() ? Util::Result<Order>(order) : Util::Result<Order>::failure(NotStored + error));
    });
}

void PaperOrders::modify(qint64 id, double quantity, double limitPrice, double stopPrice, Answer answer)
{
    const auto changed = m_desk.modify(id, quantity, limitPrice, stopPrice);
    if (!changed)
        return answer(changed);
    store({*changed}, {}, [answer, order = *changed](const QString &error) {
        answer(error.isEmpty() ? Util::Result<Order>(order) : Util::Result<Order>::failure(NotStored + error));
    });
}

void PaperOrders::cancel(qint64 id, Answer answer, const QString &reason)
{
    const auto cancelled = m_desk.cancel(id, reason);
    if (!cancelled)
        return answer(Util::Result<Order>::failure(u"id: no working order %1"_s.arg(id)));
    store({*cancelled}, {}, [answer, order = *cancelled](const QString &error) {
        answer(error.isEmpty() ? Util::Result<Order>(order) : Util::Result<Order>::failure(NotStored + error));
    });
}

void PaperOrders::reset(double startingCash, std::function<void(const QString &error)> done)
{
    const Model::TimestampUs now = QDateTime::currentMSecsSinceEpoch() * 1000;
    // Submitted under the desk's lock: no fill of the new account can be stored before the account is.
    m_desk.reset(startingCash, now, [this, &done](PaperDesk::Reset reset) {
        store(
            {}, [reset = std::move(reset)](Storage::SqliteDatabase &db) { return reset.store(db); }, std::move(done));
    });
}

void PaperOrders::tick(Model::TimestampUs now)
{
    PaperDesk::Outcome ended = m_desk.expire(now);
    const auto day = m_desk.rollDay(now);
    if (ended.orders.empty() && !day)
        return;
    std::function<Util::Status(Storage::SqliteDatabase &)> write;
    if (day)
        write = [day = *day](Storage::SqliteDatabase &db) { return day.store(db); };
    store(std::move(ended.orders), std::move(write), {});
}

void PaperOrders::onSignals(const Model::SignalList &signals, Model::TimestampUs now)
{
    std::vector<Order> placed = m_desk.onSignals(signals, now, m_desk.dayEnd(now));
    if (!placed.empty())
        store(std::move(placed), {}, {});
}

} // namespace Trading
