// SPDX-License-Identifier: MIT
#pragma once

#include "AutoTrade.h"
#include "PaperBroker.h"

#include <QTimeZone>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace Storage {
class SqliteDatabase;
}

namespace Trading {

/// The paper broker shared by the engine's workers and the interfaces that place orders. The workers show
/// it the records of the symbols with working orders (watched() says which, without a lock) and store what
/// it answers in the transaction of the record that caused it; placing, changing and cancelling go through
/// here too, under the same lock.
class PaperDesk final
{
public:
    /// `zone` is the session's: its midnight ends day orders and begins a new day P/L.
    explicit PaperDesk(Costs costs = {}, double startingCash = 100'000, QTimeZone zone = QTimeZone::utc());

    /// Carries on from the database: its orders, the account its trades add up to and today's starting equity.
    Util::Status load(const QString &databasePath);
    /// The newest prices, as the engine has them after a restart (positions are worth their last trade until).
    void mark(const std::vector<std::pair<QString, double>> &prices);

    /// The equity an account began a day with, to be stored.
    struct DayStart
    {
        qint64 account = 0;
        QDate day;
        double equity = 0;
        /// Stores it (on the storage writer's connection).
        Util::Status store(Storage::SqliteDatabase &db) const;
    };
    /// Begins a new day when the session's date has changed since the last call (or the load): the day P/L
    /// counts from the equity now, which is to be stored.
    std::optional<DayStart> rollDay(Model::TimestampUs now);

    /// What a record (or the clock) did: fills (for the trades table) and orders whose status changed.
    struct Outcome
    {
        std::vector<Fill> fills;
        std::vector<Order> orders;
        bool empty() const noexcept { return fills.empty() && orders.empty(); }
    };
    /// The symbols with working orders or open positions: a record of any other changes nothing.
    std::shared_ptr<const std::unordered_set<Model::Symbol>> watched() const;
    Outcome onRecord(const Model::Tick &record);
    /// Day orders whose day ended.
    Outcome expire(Model::TimestampUs now);

    /// Places an order: the order as placed (with its id), to be stored; or why not.
    Util::Result<Order> place(const Order &order, Model::TimestampUs now, Model::TimestampUs dayEnd);
    /// Whether place() would take the order now, and why not (naming the field).
    Util::Status check(const Order &order) const;
    /// The cancelled order, to be stored; nothing when no working order has that id. The reason is the trader's
    /// unless given.
    std::optional<Order> cancel(qint64 id, const QString &reason = {});
    /// A working order with a new quantity and prices (0: as they are), to be stored; or why not.
    Util::Result<Order> modify(qint64 id, double quantity, double limitPrice, double stopPrice);

    /// What a reset did: the working orders it cancelled and the account it began, to be stored together.
    struct Reset
    {
        std::vector<Order> cancelled;
        qint64 account = 0;
        double startingCash = 0;
        Model::TimestampUs time = 0;
        DayStart day; ///< the new account's day begins with its cash
        /// Stores the new account, its day and the cancelled orders (on the storage writer's connection).
        Util::Status store(Storage::SqliteDatabase &db) const;
    };
    /// Begins a new account with `startingCash` and no positions; working orders are cancelled. `store` is
    /// called before any other change can reach the desk, so what it submits is stored before any fill of
    /// the new account.
    void reset(double startingCash, Model::TimestampUs now, const std::function<void(Reset)> &store);
    /// The account trades belong to now: 0 the first, one more after each reset.
    qint64 accountId() const;

    /// Goes up with every change to orders, positions or prices, so a view can tell when to look again.
    quint64 version() const noexcept { return m_version.load(std::memory_order_relaxed); }
    /// Goes up once trades made or entered are stored (or the account was reset), so a trade list can tell
    /// when to read again.
    quint64 tradesVersion() const noexcept { return m_tradesVersion.load(std::memory_order_relaxed); }
    /// Fills or a reset were committed (any thread).
    void tradesStored() noexcept { m_tradesVersion.fetch_add(1, std::memory_order_relaxed); }
    /// A trade entered by hand changes the account the broker checks orders against.
    void book(Fill fill);
    /// Works the account out again from the stored trades (after one was edited or deleted by hand).
    Util::Status reloadAccount(const QString &databasePath);
    /// When a day order placed at `now` ends: the next midnight in `zone` (UTC when invalid).
    static Model::TimestampUs dayEnd(Model::TimestampUs now, const QTimeZone &zone);
    Model::TimestampUs dayEnd(Model::TimestampUs now) const { return dayEnd(now, m_zone); }
    /// The session's time zone (its midnight begins days and weeks).
    const QTimeZone &zone() const noexcept { return m_zone; }

    /// Which signals it trades on (see AutoTrade).
    void setAutoTrades(std::vector<AutoTrade> entries);
    std::vector<AutoTrade> autoTrades() const;
    /// The market orders stored signals ask for, placed (to be stored): each counts the shares held and those
    /// working orders of the symbol are already buying or selling.
    std::vector<Order> onSignals(const Model::SignalList &signals, Model::TimestampUs now, Model::TimestampUs dayEnd);

    std::vector<Order> orders() const;
    std::vector<Order> workingOrders() const;
    std::optional<Order> order(qint64 id) const;
    Account account() const;
    /// Shares of a symbol held now (negative: short), without copying the account.
    double held(const QString &symbol) const;

private:
    /// Every symbol with working orders or a position, afresh (after expiry, a cancel, a restore: rare).
    void updateWatched();
    /// Whether a symbol has working orders or a position changed: the set is copied with or without it (a
    /// fill or a placement: the others keep reading the set they hold).
    void watch(const QString &symbol);
    /// Reads the current account and its trades from the database.
    Util::Status readAccount(Storage::SqliteDatabase &db, Account &account, qint64 &id) const;
    void changed() noexcept { m_version.fetch_add(1, std::memory_order_relaxed); }

    mutable std::mutex m_mutex;
    PaperBroker m_broker;
    std::vector<AutoTrade> m_autoTrades;
    double m_firstCash; ///< the first account's starting cash (the settings')
    QTimeZone m_zone;
    QDate m_day; ///< the session's date the day P/L began
    qint64 m_accountId = 0;
    std::atomic<quint64> m_version{0};
    std::atomic<quint64> m_tradesVersion{0};
    std::shared_ptr<const std::unordered_set<Model::Symbol>> m_watched =
        std::make_shared<std::unordered_set<Model::Symbol>>();
};

} // namespace Trading
