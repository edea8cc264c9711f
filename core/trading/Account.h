// SPDX-License-Identifier: MIT
#pragma once

#include "Order.h"

#include <deque>
#include <map>

namespace Trading {

/// What trading costs: a commission per share, per fill and as a percentage of the value traded, and
/// slippage per share against the trader on fills at the market (market and stop orders).
struct Costs
{
    double perShare = 0;
    double perOrder = 0;
    double percent = 0;
    double slippage = 0;

    double commission(double quantity, double price) const
    {
        return perOrder + perShare * quantity + percent / 100 * quantity * price;
    }
    bool operator==(const Costs &) const = default;
};

/// A trade carried out: shares bought or sold at a price, with its commission.
struct Fill
{
    qint64 orderId = 0; ///< 0: a trade entered by hand
    QString symbol;
    Side side = Side::Buy;
    double quantity = 0; ///< shares, above 0
    double price = 0;
    double fee = 0;
    Model::TimestampUs time = 0;
    double realized = 0; ///< P/L it realized (fees apart), set when the account takes it
    /// The paper account it belongs to: 0 the first, one more after each reset. Stored with -1: the account
    /// current then.
    qint64 account = -1;

    double signedQuantity() const noexcept
    {
        return side == Side::Buy || side == Side::BuyToCover ? quantity : -quantity;
    }
    bool operator==(const Fill &) const = default;
};

/// Shares bought (or sold short) together at one price; a position closes its oldest lots first.
struct Lot
{
    double quantity = 0; ///< above 0, long or short as the position is
    double price = 0;
    Model::TimestampUs time = 0;
    bool operator==(const Lot &) const = default;
};

struct Position
{
    QString symbol;
    double quantity = 0; ///< above 0 long, below 0 short
    std::deque<Lot> lots;
    double realized = 0; ///< closed P/L, fees apart
    double fees = 0;
    double last = 0; ///< the newest price seen

    /// The average price of the open lots (0 when flat).
    double averagePrice() const;
    double unrealized() const { return quantity == 0 ? 0 : quantity * (last - averagePrice()); }
    /// Unrealized P/L as a percentage of the open lots' cost.
    double unrealizedPercent() const;
    bool operator==(const Position &) const = default;
};

/// Cash, positions and what they are worth. Buying spends cash and selling (short too) brings it in; a
/// position's value is its quantity at the last price, so a short's is negative.
class Account final
{
public:
    explicit Account(double startingCash = 100'000);

    /// Takes a fill: the position's lots (FIFO), its realized P/L (set in `fill`) and the cash. A fill past a
    /// position's size closes it and opens the other way with the rest.
    void apply(Fill &fill);
    /// The newest price of a symbol, for unrealized P/L and equity.
    void mark(const QString &symbol, double price);
    /// A new day begins: day P/L counts from the equity now, or from `startEquity` (the day's, kept from before).
    void beginDay(std::optional<double> startEquity = std::nullopt);
    double dayStartEquity() const noexcept { return m_dayStartEquity; }
    void reset(double startingCash);

    double startingCash() const noexcept { return m_startingCash; }
    double cash() const noexcept { return m_cash; }
    double equity() const;
    double dayPnl() const { return equity() - m_dayStartEquity; }
    double realized() const noexcept { return m_realized; }
    double fees() const noexcept { return m_fees; }
    /// Open positions and those closed since the account began (quantity 0), by symbol.
    const std::map<QString, Position> &positions() const noexcept { return m_positions; }
    const Position *position(const QString &symbol) const;
    double quantity(const QString &symbol) const;

private:
    double m_startingCash;
    double m_cash;
    double m_realized = 0;
    double m_fees = 0;
    double m_dayStartEquity;
    std::map<QString, Position> m_positions;
};

} // namespace Trading
