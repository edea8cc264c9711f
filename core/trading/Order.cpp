// SPDX-License-Identifier: MIT
#include "Order.h"

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Trading {

namespace {

template<typename E, std::size_t N>
QString nameIn(const std::array<std::pair<E, const char *>, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueIn(const std::array<std::pair<E, const char *>, N> &names, const QString &text)
{
    for (const auto &[v, name] : names)
        if (text == QLatin1StringView(name))
            return v;
    return std::nullopt;
}

constexpr std::array<std::pair<Side, const char *>, 4> SideNames{
    {{Side::Buy, "buy"}, {Side::Sell, "sell"}, {Side::SellShort, "sell_short"}, {Side::BuyToCover, "buy_to_cover"}}};
constexpr std::array<std::pair<OrderType, const char *>, 3> TypeNames{
    {{OrderType::Market, "market"}, {OrderType::Limit, "limit"}, {OrderType::Stop, "stop"}}};
constexpr std::array<std::pair<TimeInForce, const char *>, 2> TifNames{
    {{TimeInForce::Day, "day"}, {TimeInForce::Gtc, "gtc"}}};
constexpr std::array<std::pair<OrderStatus, const char *>, 5> StatusNames{{{OrderStatus::Working, "working"},
                                                                           {OrderStatus::Filled, "filled"},
                                                                           {OrderStatus::Cancelled, "cancelled"},
                                                                           {OrderStatus::Expired, "expired"},
                                                                           {OrderStatus::Rejected, "rejected"}}};

bool positive(double v)
{
    return std::isfinite(v) && v > 0;
}

} // namespace

Util::Status validate(const Order &o)
{
    using S = Util::Status;
    Model::Symbol symbol;
    if (!Model::Symbol::fromString(o.symbol, symbol))
        return S::failure(u"symbol: \"%1\" is not a symbol"_s.arg(o.symbol.left(40)));
    if (!positive(o.quantity) || o.quantity > 1e9)
        return S::failure(u"quantity: must be a number of shares above 0"_s);
    if (o.type == OrderType::Limit && !positive(o.limitPrice))
        return S::failure(u"limit_price: a limit order needs a limit price above 0"_s);
    if (o.type == OrderType::Stop && !positive(o.stopPrice))
        return S::failure(u"stop_price: a stop order needs a stop price above 0"_s);
    return {};
}

QString sideName(Side side)
{
    return nameIn(SideNames, side);
}

std::optional<Side> sideFromName(const QString &name)
{
    return valueIn(SideNames, name);
}

QString typeName(OrderType type)
{
    return nameIn(TypeNames, type);
}

std::optional<OrderType> typeFromName(const QString &name)
{
    return valueIn(TypeNames, name);
}

QString timeInForceName(TimeInForce tif)
{
    return nameIn(TifNames, tif);
}

std::optional<TimeInForce> timeInForceFromName(const QString &name)
{
    return valueIn(TifNames, name);
}

QString statusName(OrderStatus status)
{
    return nameIn(StatusNames, status);
}

std::optional<OrderStatus> statusFromName(const QString &name)
{
    return valueIn(StatusNames, name);
}

} // namespace Trading
