// SPDX-License-Identifier: MIT
#pragma once

#include "AutoTrade.h"
#include "PaperBroker.h"

#include <QTimeZone>

#include <memory>
#include <mutex>
#include <unordered_set>

namespace Trading {

/// The paper broker shared by the engine's workers and the interfaces that place orders. The workers show
/// it the records of the symbols with working orders (watched() says which, without a lock) and store what
/// it answers in the transaction of the record that caused it; placing, changing and cancelling go through
/// here too, under the same lock.
class PaperDesk final
{
public:
    explicit PaperDesk(Costs costs = {}, double startingCash = 100'000);

    /// Carries on from the database: its orders and the account its trades add up to.
    Util::Status load(const QString &databasePath);

    /// What a record (or the clock) did: fills (for the trades table) and orders whose status changed.
    struct Outcome
    {
        std::vector<Fill> fills;
        std::vector<Order> orders;
        bool empty() const noexcept { return fills.empty() && orders.empty(); }
    };
    /// The symbols with working orders: a record of any other changes nothing.
    std::shared_ptr<const std::unordered_set<Model::Symbol>> watched() const;
    Outcome onRecord(const Model::Tick &record);
    /// Day orders whose day ended.
    Outcome expire(Model::TimestampUs now);

    /// Places an order: the order as placed (with its id), to be stored; or why not.
    Util::Result<Order> place(const Order &order, Model::TimestampUs now, Model::TimestampUs dayEnd);
    /// The cancelled order, to be stored; nothing when no working order has that id.
    std::optional<Order> cancel(qint64 id);
    /// A trade entered by hand changes the account the broker checks orders against.
    void book(Fill fill);
    /// Works the account out again from the stored trades (after one was edited or deleted by hand).
    Util::Status reloadAccount(const QString &databasePath);
    /// When a day order placed at `now` ends: the next midnight in `zone` (UTC when invalid).
    static Model::TimestampUs dayEnd(Model::TimestampUs now, const QTimeZone &zone);

    /// Which signals it trades on (see AutoTrade).
    void setAutoTrades(std::vector<AutoTrade> entries);
    std::vector<AutoTrade> autoTrades() const;
    /// The market orders stored signals ask for, placed (to be stored): each counts the shares held and those
    /// working orders of the symbol are already buying or selling.
    std::vector<Order> onSignals(const Model::SignalList &signals, Model::TimestampUs now, Model::TimestampUs dayEnd);

    std::vector<Order> orders() const;
    Account account() const;

private:
    /// Every symbol with working orders, afresh (after expiry, a cancel, a restore: rare).
    void updateWatched();
    /// Whether a symbol has working orders changed: the set is copied with or without it (a fill or a
    /// placement: the others keep reading the set they hold).
    void watch(const QString &symbol, bool on);

    mutable std::mutex m_mutex;
    PaperBroker m_broker;
    std::vector<AutoTrade> m_autoTrades;
    std::shared_ptr<const std::unordered_set<Model::Symbol>> m_watched =
        std::make_shared<std::unordered_set<Model::Symbol>>();
};

} // namespace Trading
