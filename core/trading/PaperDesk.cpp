// SPDX-License-Identifier: MIT
#include "PaperDesk.h"

#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"

#include <QDateTime>

namespace Trading {

PaperDesk::PaperDesk(Costs costs, double startingCash)
    : m_broker(costs, startingCash)
{}

Util::Status PaperDesk::load(const QString &databasePath)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Status::failure(db.error());
    auto orders = Storage::TradeStore::orders(**db);
    if (!orders)
        return Util::Status::failure(orders.error());
    auto fills = Storage::TradeStore::all(**db);
    if (!fills)
        return Util::Status::failure(fills.error());
    std::lock_guard lock(m_mutex);
    Account account(m_broker.account().startingCash());
    for (Fill &fill : *fills)
        account.apply(fill);
    m_broker.restore(std::move(*orders), std::move(account));
    updateWatched();
    auto entries = Storage::TradeStore::autoTrades(**db);
    if (!entries)
        return Util::Status::failure(entries.error());
    m_autoTrades = std::move(*entries);
    return {};
}

void PaperDesk::setAutoTrades(std::vector<AutoTrade> entries)
{
    std::lock_guard lock(m_mutex);
    m_autoTrades = std::move(entries);
}

std::vector<AutoTrade> PaperDesk::autoTrades() const
{
    std::lock_guard lock(m_mutex);
    return m_autoTrades;
}

std::vector<Order> PaperDesk::onSignals(const Model::SignalList &signals, Model::TimestampUs now,
                                        Model::TimestampUs dayEnd)
{
    std::lock_guard lock(m_mutex);
    std::vector<Order> placed;
    if (m_autoTrades.empty())
        return placed;
    for (const Model::TradeSignal &signal : signals) {
        const QString symbol = signal.symbol.toString();
        double held = m_broker.account().quantity(symbol);
        for (const qint64 id : m_broker.workingIds(symbol))
            held += m_broker.order(id)->direction() * m_broker.order(id)->quantity;
        for (const Order &order : ordersFor(signal, m_autoTrades, held))
            if (const auto id = m_broker.place(order, now, dayEnd)) {
                placed.push_back(*m_broker.order(*id));
                watch(order.symbol, true);
            }
    }
    return placed;
}

void PaperDesk::updateWatched()
{
    auto watched = std::make_shared<std::unordered_set<Model::Symbol>>();
    for (const Order &o : m_broker.orders()) {
        Model::Symbol symbol;
        if (o.status == OrderStatus::Working && Model::Symbol::fromString(o.symbol, symbol))
            watched->insert(symbol);
    }
    m_watched = std::move(watched);
}

void PaperDesk::watch(const QString &symbol, bool on)
{
    Model::Symbol key;
    if (!Model::Symbol::fromString(symbol, key) || m_watched->contains(key) == on)
        return;
    auto watched = std::make_shared<std::unordered_set<Model::Symbol>>(*m_watched);
    if (on)
        watched->insert(key);
    else
        watched->erase(key);
    m_watched = std::move(watched);
}

std::shared_ptr<const std::unordered_set<Model::Symbol>> PaperDesk::watched() const
{
    std::lock_guard lock(m_mutex);
    return m_watched;
}

PaperDesk::Outcome PaperDesk::onRecord(const Model::Tick &record)
{
    std::lock_guard lock(m_mutex);
    const QString symbol = record.symbol.toString();
    Outcome out;
    out.fills = m_broker.onRecord(record, symbol, &out.orders);
    if (!out.orders.empty())
        watch(symbol, m_broker.hasWorking(symbol));
    return out;
}

PaperDesk::Outcome PaperDesk::expire(Model::TimestampUs now)
{
    std::lock_guard lock(m_mutex);
    Outcome out;
    for (const qint64 id : m_broker.expire(now))
        out.orders.push_back(*m_broker.order(id));
    if (!out.orders.empty())
        updateWatched();
    return out;
}

Util::Result<Order> PaperDesk::place(const Order &order, Model::TimestampUs now, Model::TimestampUs dayEnd)
{
    std::lock_guard lock(m_mutex);
    const auto id = m_broker.place(order, now, dayEnd);
    if (!id)
        return Util::Result<Order>::failure(id.error());
    watch(order.symbol, true);
    return *m_broker.order(*id);
}

std::optional<Order> PaperDesk::cancel(qint64 id)
{
    std::lock_guard lock(m_mutex);
    if (!m_broker.cancel(id, QStringLiteral("cancelled by the trader")))
        return std::nullopt;
    updateWatched();
    return *m_broker.order(id);
}

void PaperDesk::book(Fill fill)
{
    std::lock_guard lock(m_mutex);
    m_broker.book(std::move(fill));
}

Util::Status PaperDesk::reloadAccount(const QString &databasePath)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Status::failure(db.error());
    auto fills = Storage::TradeStore::all(**db);
    if (!fills)
        return Util::Status::failure(fills.error());
    std::lock_guard lock(m_mutex);
    Account account(m_broker.account().startingCash());
    for (Fill &fill : *fills)
        account.apply(fill);
    m_broker.restore(m_broker.orders(), std::move(account));
    return {};
}

Model::TimestampUs PaperDesk::dayEnd(Model::TimestampUs now, const QTimeZone &zone)
{
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now / 1000, z).date();
    return QDateTime(today.addDays(1), QTime(0, 0), z).toMSecsSinceEpoch() * 1000;
}

std::vector<Order> PaperDesk::orders() const
{
    std::lock_guard lock(m_mutex);
    return m_broker.orders();
}

Account PaperDesk::account() const
{
    std::lock_guard lock(m_mutex);
    return m_broker.account();
}

} // namespace Trading
