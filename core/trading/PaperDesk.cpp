// SPDX-License-Identifier: MIT
#include "PaperDesk.h"

#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"

#include <QDateTime>

namespace Trading {

PaperDesk::PaperDesk(Costs costs, double startingCash, QTimeZone zone)
    : m_broker(costs, startingCash)
    , m_firstCash(startingCash)
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
{}

Util::Status PaperDesk::DayStart::store(Storage::SqliteDatabase &db) const
{
    return Storage::TradeStore::saveDayStart(db, account, day.toString(Qt::ISODate), equity);
}

Util::Status PaperDesk::Reset::store(Storage::SqliteDatabase &db) const
{
    if (auto s = Storage::TradeStore::beginAccount(db, {account, startingCash, time}); !s)
        return s;
    for (const Order &o : cancelled)
        if (auto s = Storage::TradeStore::saveOrder(db, o); !s)
            return s;
    return day.store(db);
}

Util::Status PaperDesk::readAccount(Storage::SqliteDatabase &db, Account &account, qint64 &id) const
{
    const auto current = Storage::TradeStore::currentAccount(db);
    if (!current)
        return Util::Status::failure(current.error());
    auto fills = Storage::TradeStore::all(db, current->id);
    if (!fills)
        return Util::Status::failure(fills.error());
    account = Account(current->startingCash.value_or(m_firstCash));
    for (Fill &fill : *fills)
        account.apply(fill);
    id = current->id;
    return {};
}

Util::Status PaperDesk::load(const QString &databasePath)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Status::failure(db.error());
    auto orders = Storage::TradeStore::orders(**db);
    if (!orders)
        return Util::Status::failure(orders.error());
    Account account;
    qint64 accountId = 0;
    if (auto s = readAccount(**db, account, accountId); !s)
        return s;
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
    const auto dayStart = Storage::TradeStore::dayStart(**db, accountId, today.toString(Qt::ISODate));
    if (!dayStart)
        return Util::Status::failure(dayStart.error());
    std::lock_guard lock(m_mutex);
    if (*dayStart) {
        account.beginDay(**dayStart);
        m_day = today;
    }
    m_broker.restore(std::move(*orders), std::move(account));
    m_accountId = accountId;
    updateWatched();
    changed();
    auto entries = Storage::TradeStore::autoTrades(**db);
    if (!entries)
        return Util::Status::failure(entries.error());
    m_autoTrades = std::move(*entries);
    return {};
}

void PaperDesk::mark(const std::vector<std::pair<QString, double>> &prices)
{
    std::lock_guard lock(m_mutex);
    for (const auto &[symbol, price] : prices)
        m_broker.account().mark(symbol, price);
    changed();
}

std::optional<PaperDesk::DayStart> PaperDesk::rollDay(Model::TimestampUs now)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(now / 1000, m_zone).date();
    std::lock_guard lock(m_mutex);
    if (today == m_day)
        return std::nullopt;
    m_day = today;
    m_broker.account().beginDay();
    changed();
    return DayStart{m_accountId, today, m_broker.account().dayStartEquity()};
}

void PaperDesk::setAutoTrades(std::vector<AutoTrade> entries)
{
    std::lock_guard lock(m_mutex);
    m_autoTrades = std::move(entries);
    changed();
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
                watch(order.symbol);
            }
    }
    if (!placed.empty())
        changed();
    return placed;
}

void PaperDesk::updateWatched()
{
    auto watched = std::make_shared<std::unordered_set<Model::Symbol>>();
    Model::Symbol symbol;
    for (const Order &o : m_broker.orders())
        if (o.status == OrderStatus::Working && Model::Symbol::fromString(o.symbol, symbol))
            watched->insert(symbol);
    for (const auto &[name, position] : m_broker.account().positions())
        if (position.quantity != 0 && Model::Symbol::fromString(name, symbol))
            watched->insert(symbol);
    m_watched = std::move(watched);
}

void PaperDesk::watch(const QString &symbol)
{
    const bool on = m_broker.hasWorking(symbol) || m_broker.account().quantity(symbol) != 0;
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
    for (Fill &fill : out.fills)
        fill.account = m_accountId;
    if (!out.orders.empty())
        watch(symbol);
    changed();
    return out;
}

PaperDesk::Outcome PaperDesk::expire(Model::TimestampUs now)
{
    std::lock_guard lock(m_mutex);
    Outcome out;
    for (const qint64 id : m_broker.expire(now))
        out.orders.push_back(*m_broker.order(id));
    if (!out.orders.empty()) {
        updateWatched();
        changed();
    }
    return out;
}

Util::Result<Order> PaperDesk::place(const Order &order, Model::TimestampUs now, Model::TimestampUs dayEnd)
{
    std::lock_guard lock(m_mutex);
    const auto id = m_broker.place(order, now, dayEnd);
    if (!id)
        return Util::Result<Order>::failure(id.error());
    watch(order.symbol);
    changed();
    return *m_broker.order(*id);
}

Util::Status PaperDesk::check(const Order &order) const
{
    std::lock_guard lock(m_mutex);
    return m_broker.check(order);
}

std::optional<Order> PaperDesk::cancel(qint64 id, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    if (!m_broker.cancel(id, reason.isEmpty() ? QStringLiteral("cancelled by the trader") : reason))
        return std::nullopt;
    updateWatched();
    changed();
    return *m_broker.order(id);
}

Util::Result<Order> PaperDesk::modify(qint64 id, double quantity, double limitPrice, double stopPrice)
{
    std::lock_guard lock(m_mutex);
    if (auto s = m_broker.modify(id, quantity, limitPrice, stopPrice); !s)
        return Util::Result<Order>::failure(s.error());
    changed();
    return *m_broker.order(id);
}

void PaperDesk::reset(double startingCash, Model::TimestampUs now, const std::function<void(Reset)> &store)
{
    std::lock_guard lock(m_mutex);
    Reset reset;
    reset.time = now;
    for (const Order &o : m_broker.working())
        if (m_broker.cancel(o.id, QStringLiteral("the account was reset")))
            reset.cancelled.push_back(*m_broker.order(o.id));
    reset.account = ++m_accountId;
    reset.startingCash = startingCash;
    m_broker.restore(m_broker.orders(), Account(startingCash));
    m_day = QDateTime::fromMSecsSinceEpoch(now / 1000, m_zone).date();
    reset.day = {reset.account, m_day, startingCash};
    updateWatched();
    changed();
    store(std::move(reset));
}

qint64 PaperDesk::accountId() const
{
    std::lock_guard lock(m_mutex);
    return m_accountId;
}

void PaperDesk::book(Fill fill)
{
    std::lock_guard lock(m_mutex);
    const QString symbol = fill.symbol;
    m_broker.book(std::move(fill));
    watch(symbol);
    changed();
}

Util::Status PaperDesk::reloadAccount(const QString &databasePath)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Status::failure(db.error());
    Account account;
    qint64 accountId = 0;
    if (auto s = readAccount(**db, account, accountId); !s)
        return s;
    std::lock_guard lock(m_mutex);
    if (accountId < m_accountId)
        return {}; // a reset not stored yet: the account it began is the one here
    // The newest prices stay: the trades say what is held, not what it is worth.
    for (const auto &[symbol, position] : m_broker.account().positions())
        account.mark(symbol, position.last);
    if (accountId == m_accountId)
        account.beginDay(m_broker.account().dayStartEquity());
    m_broker.restore(m_broker.orders(), std::move(account));
    m_accountId = accountId;
    updateWatched();
    changed();
    m_tradesVersion.fetch_add(1, std::memory_order_relaxed);
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

std::vector<Order> PaperDesk::workingOrders() const
{
    std::lock_guard lock(m_mutex);
    return m_broker.working();
}

std::optional<Order> PaperDesk::order(qint64 id) const
{
    std::lock_guard lock(m_mutex);
    const Order *o = m_broker.order(id);
    return o ? std::optional<Order>(*o) : std::nullopt;
}

double PaperDesk::held(const QString &symbol) const
{
    std::lock_guard lock(m_mutex);
    return m_broker.account().quantity(symbol);
}

Account PaperDesk::account() const
{
    std::lock_guard lock(m_mutex);
    return m_broker.account();
}

} // namespace Trading
