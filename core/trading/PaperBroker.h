// SPDX-License-Identifier: MIT
#pragma once

#include "Account.h"

#include <QHash>

#include <functional>
#include <vector>

namespace Trading {

/// A paper-trading account with working orders, filled against the records of their symbols as they come:
/// a market order at the next record's open, a limit once the price reaches it (at the limit, or the open
/// when the market opens through it, the better price), a stop once the price reaches it (at the stop, or
/// the open when a gap jumps it, the worse price), market and stop fills with slippage against the trader.
/// Day orders end with their day. Records must come in time order per symbol (the engine's own).
class PaperBroker final
{
public:
    explicit PaperBroker(Costs costs = {}, double startingCash = 100'000);

    /// Places an order: its id, or why not (naming the field). A Sell may close at most the long position
    /// (less what working sells already would), a BuyToCover the short one; a Buy while short or a SellShort
    /// while long is refused (cover or sell first). A day order ends at `dayEnd` (given by the caller, who
    /// knows the session), a GTC order never.
    Util::Result<qint64> place(Order order, Model::TimestampUs now, Model::TimestampUs dayEnd = 0);
    /// Whether place() would take the order, and why not.
    Util::Status check(const Order &order) const;
    /// Cancels a working order; false when there is none of that id.
    bool cancel(qint64 id, const QString &reason = QString());
    /// Changes a working order's quantity and prices (0: as they are); the error names the field.
    Util::Status modify(qint64 id, double quantity, double limitPrice, double stopPrice);

    /// A record of a symbol: the fills it causes, in the order the orders were placed (each applied to the
    /// account), and its close as the symbol's last price.
    std::vector<Fill> onRecord(const Model::Tick &record) { return onRecord(record, record.symbol.toString()); }
    /// The same, with the record's symbol as text at hand; the orders it ended (filled, or rejected with nothing
    /// left to close) are appended to `ended`.
    std::vector<Fill> onRecord(const Model::Tick &record, const QString &symbol, std::vector<Order> *ended = nullptr);
    /// Day orders whose day ended by `now`: their ids (now Expired).
    std::vector<qint64> expire(Model::TimestampUs now);
    /// A trade entered by hand (the trades API): applied to the account as it is.
    void book(Fill fill);

    void reset(double startingCash);
    void setCosts(const Costs &costs) { m_costs = costs; }
    const Costs &costs() const noexcept { return m_costs; }
    const Account &account() const noexcept { return m_account; }
    Account &account() noexcept { return m_account; }
    const Order *order(qint64 id) const;
    /// Every order placed since the last reset, oldest first.
    const std::vector<Order> &orders() const noexcept { return m_orders; }
    std::vector<Order> working() const;
    /// The ids of a symbol's working orders, in the order they were placed.
    std::vector<qint64> workingIds(const QString &symbol) const;
    bool hasWorking(const QString &symbol) const
    {
        const auto it = m_working.constFind(symbol);
        return it != m_working.cend() && !it->empty();
    }
    /// Carries on from stored state: orders (ids kept; the next is past the largest) and the account.
    void restore(std::vector<Order> orders, Account account);

private:
    /// The price an order fills at on this record, if it does.
    std::optional<double> fillPrice(const Order &order, const Model::Tick &record) const;
    /// Shares that working closing orders of a symbol would take, besides `except`.
    double workingToClose(const QString &symbol, Side side, qint64 except = 0) const;
    /// Whether `o` names a working order it is paired with (the pair is counted by that one).
    bool pairedWithWorking(const Order &o) const;
    Order *find(qint64 id);

    Costs m_costs;
    Account m_account;
    std::vector<Order> m_orders;
    QHash<QString, std::vector<std::size_t>> m_working; ///< indices of working orders, by symbol
    qint64 m_nextId = 1;
};

} // namespace Trading
