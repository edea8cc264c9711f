// SPDX-License-Identifier: MIT
#include "PaperBroker.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Trading {

PaperBroker::PaperBroker(Costs costs, double startingCash)
    : m_costs(costs)
    , m_account(startingCash)
{}

void PaperBroker::reset(double startingCash)
{
    m_account.reset(startingCash);
    m_orders.clear();
    m_working.clear();
    m_nextId = 1;
}

void PaperBroker::restore(std::vector<Order> orders, Account account)
{
    m_orders = std::move(orders);
    m_account = std::move(account);
    m_working.clear();
    m_nextId = 1;
    for (std::size_t i = 0; i < m_orders.size(); ++i) {
        m_nextId = std::max(m_nextId, m_orders[i].id + 1);
        if (m_orders[i].status == OrderStatus::Working)
            m_working[m_orders[i].symbol].push_back(i);
    }
}

const Order *PaperBroker::order(qint64 id) const
{
    return const_cast<PaperBroker *>(this)->find(id);
}

Order *PaperBroker::find(qint64 id)
{
    const auto it = std::lower_bound(m_orders.begin(), m_orders.end(), id,
                                     [](const Order &o, qint64 wanted) { return o.id < wanted; });
    return it != m_orders.end() && it->id == id ? &*it : nullptr;
}

std::vector<Order> PaperBroker::working() const
{
    std::vector<Order> out;
    for (const Order &o : m_orders)
        if (o.status == OrderStatus::Working)
            out.push_back(o);
    return out;
}

std::vector<qint64> PaperBroker::workingIds(const QString &symbol) const
{
    std::vector<qint64> ids;
    for (const std::size_t i : m_working.value(symbol))
        ids.push_back(m_orders[i].id);
    return ids;
}

bool PaperBroker::pairedWithWorking(const Order &o) const
{
    if (o.ocoWith == 0)
        return false;
    const Order *other = order(o.ocoWith);
    return other && other->status == OrderStatus::Working;
}

double PaperBroker::workingToClose(const QString &symbol, Side side, qint64 except) const
{
    double shares = 0;
    for (const std::size_t i : m_working.value(symbol)) {
        const Order &o = m_orders[i];
        if (o.side != side || o.id == except || (except != 0 && o.ocoWith == except))
            continue;
        // A pair (one cancels the other) never closes twice: it counts once, by the order it names.
        if (!pairedWithWorking(o))
            shares += o.quantity;
    }
    return shares;
}

Util::Status PaperBroker::check(const Order &order) const
{
    using R = Util::Status;
    if (auto s = validate(order); !s)
        return s;
    const double held = m_account.quantity(order.symbol);
    switch (order.side) {
    case Side::Buy:
        if (held < 0)
            return R::failure(u"side: %1 is held short; buy_to_cover closes a short position"_s.arg(order.symbol));
        break;
    case Side::SellShort:
        if (held > 0)
            return R::failure(u"side: %1 is held long; sell closes a long position first"_s.arg(order.symbol));
        break;
    case Side::Sell:
    case Side::BuyToCover: {
        const double open = order.side == Side::Sell ? std::max(0.0, held) : std::max(0.0, -held);
        // Paired with a working order: the two close the same shares once.
        const double working = workingToClose(order.symbol, order.side, order.ocoWith);
        const double free = open - working;
        const QString verb = order.side == Side::Sell ? u"sell"_s : u"cover"_s;
        if (order.quantity > free + 1e-9 && working > 0)
            return R::failure(u"quantity: %1 shares of %2 are open and working orders already %3 %4 of them: "
                              "%5 more can be %6"_s.arg(open)
                                  .arg(order.symbol, verb)
                                  .arg(working)
                                  .arg(std::max(0.0, free))
                                  .arg(order.side == Side::Sell ? u"sold"_s : u"covered"_s));
        if (order.quantity > free + 1e-9)
            return R::failure(
                u"quantity: only %1 shares of %2 are there to %3"_s.arg(std::max(0.0, free)).arg(order.symbol, verb));
        break;
    }
    }
    return {};
}

Util::Result<qint64> PaperBroker::place(Order order, Model::TimestampUs now, Model::TimestampUs dayEnd)
{
    if (auto s = check(order); !s)
        return Util::Result<qint64>::failure(s.error());
    order.id = m_nextId++;
    order.placed = now;
    order.expires = order.timeInForce == TimeInForce::Day ? dayEnd : 0;
    order.status = OrderStatus::Working;
    m_orders.push_back(order);
    m_working[order.symbol].push_back(m_orders.size() - 1);
    return order.id;
}

bool PaperBroker::cancel(qint64 id, const QString &reason)
{
    Order *o = find(id);
    if (!o || o->status != OrderStatus::Working)
        return false;
    o->status = OrderStatus::Cancelled;
    o->reason = reason.isEmpty() ? u"cancelled"_s : reason;
    auto &list = m_working[o->symbol];
    const auto index = std::size_t(o - m_orders.data());
    list.erase(std::remove(list.begin(), list.end(), index), list.end());
    return true;
}

Util::Status PaperBroker::modify(qint64 id, double quantity, double limitPrice, double stopPrice)
{
    Order *o = find(id);
    if (!o || o->status != OrderStatus::Working)
        return Util::Status::failure(u"id: no working order %1"_s.arg(id));
    Order changed = *o;
    if (quantity > 0)
        changed.quantity = quantity;
    if (limitPrice > 0)
        changed.limitPrice = limitPrice;
    if (stopPrice > 0)
        changed.stopPrice = stopPrice;
    if (auto s = validate(changed); !s)
        return s;
    if (!changed.opens()) {
        const double held = m_account.quantity(o->symbol);
        const double open = changed.side == Side::Sell ? std::max(0.0, held) : std::max(0.0, -held);
        if (changed.quantity > open - workingToClose(o->symbol, o->side, id) + 1e-9)
            return Util::Status::failure(u"quantity: more than the position holds"_s);
    }
    *o = changed;
    return {};
}

std::optional<double> PaperBroker::fillPrice(const Order &o, const Model::Tick &r) const
{
    const bool buys = o.direction() > 0;
    const double slip = buys ? m_costs.slippage : -m_costs.slippage;
    switch (o.type) {
    case OrderType::Market:
        return r.open + slip;
    case OrderType::Limit:
        if (buys && r.low <= o.limitPrice)
            return std::min(o.limitPrice, r.open); // opened below the limit: the open is better
        if (!buys && r.high >= o.limitPrice)
            return std::max(o.limitPrice, r.open);
        return std::nullopt;
    case OrderType::Stop:
        if (buys && r.high >= o.stopPrice)
            return std::max(o.stopPrice, r.open) + slip; // gapped over the stop: the open is worse
        if (!buys && r.low <= o.stopPrice)
            return std::min(o.stopPrice, r.open) + slip;
        return std::nullopt;
    }
    return std::nullopt;
}

std::vector<Fill> PaperBroker::onRecord(const Model::Tick &record, const QString &symbol, std::vector<Order> *ended)
{
    std::vector<Fill> fills;
    const auto it = m_working.find(symbol);
    if (it != m_working.end() && !it->empty()) {
        std::vector<std::size_t> still;
        for (const std::size_t i : *it) {
            Order &o = m_orders[i];
            if (o.status != OrderStatus::Working)
                continue; // the other of a pair that filled on this record
            const auto price = fillPrice(o, record);
            if (!price || o.placed > record.timestamp) {
                still.push_back(i);
                continue;
            }
            double quantity = o.quantity;
            if (!o.opens()) { // never past flat: a hand-entered trade may have made the position smaller
                const double held = m_account.quantity(symbol);
                quantity = std::min(quantity, o.side == Side::Sell ? std::max(0.0, held) : std::max(0.0, -held));
                if (quantity <= 0) {
                    o.status = OrderStatus::Rejected;
                    o.reason = u"nothing left to close"_s;
                    if (ended)
                        ended->push_back(o);
                    continue;
                }
            }
            Fill fill{o.id, symbol, o.side, quantity, *price, m_costs.commission(quantity, *price), record.timestamp};
            m_account.apply(fill);
            o.status = OrderStatus::Filled;
            o.fillPrice = *price;
            fills.push_back(fill);
            if (ended)
                ended->push_back(o);
            // One cancels the other: its pair ends with it.
            for (const std::size_t j : *it) {
                Order &other = m_orders[j];
                if (other.status == OrderStatus::Working && other.id != o.id &&
                    (other.ocoWith == o.id || o.ocoWith == other.id)) {
                    other.status = OrderStatus::Cancelled;
                    other.reason = u"the other of its pair filled"_s;
                    if (ended)
                        ended->push_back(other);
                }
            }
        }
        std::erase_if(still, [this](std::size_t j) { return m_orders[j].status != OrderStatus::Working; });
        *it = std::move(still);
    }
    m_account.mark(symbol, record.close);
    return fills;
}

std::vector<qint64> PaperBroker::expire(Model::TimestampUs now)
{
    std::vector<qint64> expired;
    for (auto &list : m_working) {
        std::erase_if(list, [&](std::size_t i) {
            Order &o = m_orders[i];
            if (o.timeInForce != TimeInForce::Day || o.expires == 0 || now < o.expires)
                return false;
            o.status = OrderStatus::Expired;
            o.reason = u"its day ended"_s;
            expired.push_back(o.id);
            return true;
        });
    }
    std::sort(expired.begin(), expired.end());
    return expired;
}

void PaperBroker::book(Fill fill)
{
    m_account.apply(fill);
}

} // namespace Trading
