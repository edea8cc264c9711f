// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"
#include "util/Result.h"

#include <QString>

#include <optional>

/// Paper trading: orders, fills, positions and the account they add up to. Pure: no storage, no threads;
/// the engine feeds records in and keeps what comes out.
namespace Trading {

/// What an order does to a position. Buy and Sell trade a long position (Sell only closes what is held);
/// SellShort and BuyToCover a short one.
enum class Side
{
    Buy,
    Sell,
    SellShort,
    BuyToCover,
};

enum class OrderType
{
    Market, ///< at the next price
    Limit,  ///< at the limit or better, once the price reaches it
    Stop,   ///< at the market once the price reaches the stop: a gap through it fills at the worse price
};

enum class TimeInForce
{
    Day, ///< cancelled at the end of the day it was placed
    Gtc, ///< good till cancelled
};

enum class OrderStatus
{
    Working,
    Filled,
    Cancelled,
    Expired,
    Rejected,
};

struct Order
{
    qint64 id = 0;
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    double quantity = 0;   ///< shares, above 0
    double limitPrice = 0; ///< Limit
    double stopPrice = 0;  ///< Stop
    TimeInForce timeInForce = TimeInForce::Day;
    Model::TimestampUs placed = 0;
    Model::TimestampUs expires = 0; ///< Day orders: the end of their day; 0 for GTC
    OrderStatus status = OrderStatus::Working;
    QString reason; ///< why it was rejected or cancelled
    QString note;
    /// One cancels the other: the id of the order this one is paired with (a position's stop and its target).
    /// When either fills the other is cancelled, and while both work they count once against the position.
    qint64 ocoWith = 0;
    double fillPrice = 0; ///< once filled

    /// Whether it adds to the position (Buy, SellShort) or takes from it (Sell, BuyToCover).
    bool opens() const noexcept { return side == Side::Buy || side == Side::SellShort; }
    /// +1 when it buys shares, -1 when it sells them.
    int direction() const noexcept { return side == Side::Buy || side == Side::BuyToCover ? 1 : -1; }
    bool operator==(const Order &) const = default;
};

/// Why an order cannot be placed (the field it names), or nothing.
Util::Status validate(const Order &order);

QString sideName(Side side);
std::optional<Side> sideFromName(const QString &name);
QString typeName(OrderType type);
std::optional<OrderType> typeFromName(const QString &name);
QString timeInForceName(TimeInForce tif);
std::optional<TimeInForce> timeInForceFromName(const QString &name);
QString statusName(OrderStatus status);
std::optional<OrderStatus> statusFromName(const QString &name);

} // namespace Trading
