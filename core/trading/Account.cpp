// SPDX-License-Identifier: MIT
#include "Account.h"

#include <algorithm>
#include <cmath>

namespace Trading {

double Position::averagePrice() const
{
    double shares = 0;
    double cost = 0;
    for (const Lot &lot : lots) {
        shares += lot.quantity;
        cost += lot.quantity * lot.price;
    }
    return shares > 0 ? cost / shares : 0;
}

double Position::unrealizedPercent() const
{
    const double cost = std::abs(quantity) * averagePrice();
    return cost > 0 ? unrealized() / cost * 100 : 0;
}

Account::Account(double startingCash)
    : m_startingCash(startingCash)
    , m_cash(startingCash)
    , m_dayStartEquity(startingCash)
{}

void Account::reset(double startingCash)
{
    *this = Account(startingCash);
}

const Position *Account::position(const QString &symbol) const
{
    const auto it = m_positions.find(symbol);
    return it == m_positions.end() ? nullptr : &it->second;
}

double Account::quantity(const QString &symbol) const
{
    const Position *p = position(symbol);
    return p ? p->quantity : 0;
}

void Account::apply(Fill &fill)
{
    Position &p = m_positions[fill.symbol];
    p.symbol = fill.symbol;
    double remaining = fill.signedQuantity();
    fill.realized = 0;
    // Against the position: its oldest lots close first.
    while (remaining != 0 && p.quantity != 0 && (remaining > 0) != (p.quantity > 0)) {
        Lot &oldest = p.lots.front();
        const double taken = std::min(std::abs(remaining), oldest.quantity);
        const double sign = p.quantity > 0 ? 1 : -1; // a long gains when the price rose, a short when it fell
        fill.realized += sign * taken * (fill.price - oldest.price);
        oldest.quantity -= taken;
        p.quantity -= sign * taken;
        remaining += sign * taken;
        if (oldest.quantity <= 1e-12)
            p.lots.pop_front();
        if (std::abs(p.quantity) <= 1e-12) {
            p.quantity = 0;
            p.lots.clear();
        }
    }
    // With it (or the rest, past flat): a new lot.
    if (std::abs(remaining) > 1e-12) {
        p.lots.push_back({std::abs(remaining), fill.price, fill.time});
        p.quantity += remaining;
    }
    p.realized += fill.realized;
    p.fees += fill.fee;
    p.last = fill.price;
    m_realized += fill.realized;
    m_fees += fill.fee;
    m_cash -= fill.signedQuantity() * fill.price + fill.fee;
}

void Account::mark(const QString &symbol, double price)
{
    const auto it = m_positions.find(symbol);
    if (it != m_positions.end())
        it->second.last = price;
}

void Account::beginDay(std::optional<double> startEquity)
{
    m_dayStartEquity = startEquity.value_or(equity());
}

double Account::equity() const
{
    double value = m_cash;
    for (const auto &[symbol, p] : m_positions)
        value += p.quantity * p.last;
    return value;
}

} // namespace Trading
