// SPDX-License-Identifier: MIT
#include "AutoTrade.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Trading {

namespace {

/// The alert id of a trader's alert fire (its snapshot names it), or 0.
qint64 alertIdOf(const Model::TradeSignal &signal)
{
    if (!signal.isTraderAlert())
        return 0;
    return QJsonDocument::fromJson(signal.snapshot).object().value(u"alert_id"_s).toInteger();
}

bool matches(const AutoTrade &entry, const Model::TradeSignal &signal)
{
    if (!entry.enabled)
        return false;
    if (entry.source.startsWith(u"alert:"_s))
        return alertIdOf(signal) > 0 && entry.source.mid(6).toLongLong() == alertIdOf(signal);
    return !signal.isTraderAlert() && signal.ruleName() == entry.source;
}

} // namespace

Util::Result<AutoTrade> autoTradeFromJson(const QJsonObject &json)
{
    using R = Util::Result<AutoTrade>;
    AutoTrade e;
    e.source = json.value(u"source"_s).toString().trimmed();
    // The rules that say buy or sell (price_move only alerts: it says neither).
    const QStringList rules{u"rsi_trend"_s, u"ma_cross"_s, u"news_sentiment"_s};
    bool alertId = false;
    if (e.source.startsWith(u"alert:"_s))
        alertId = e.source.mid(6).toLongLong() > 0;
    if (!rules.contains(e.source) && !alertId)
        return R::failure(u"source: must be a rule that buys and sells (%1) or alert:ID"_s.arg(rules.join(u", "_s)));
    for (const auto &[field, target] :
         {std::pair{u"buy_shares"_s, &e.buyShares}, {u"buy_cash"_s, &e.buyCash}, {u"max_position"_s, &e.maxPosition}}) {
        if (!json.contains(field))
            continue;
        const QJsonValue v = json.value(field);
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0 || v.toDouble() > 1e12)
            return R::failure(u"%1: must be a number, 0 or more"_s.arg(field));
        *target = v.toDouble();
    }
    if ((e.buyShares > 0) == (e.buyCash > 0))
        return R::failure(u"buy_shares: give buy_shares or buy_cash, one of them"_s);
    if (json.contains(u"alert_side"_s)) {
        const QString side = json.value(u"alert_side"_s).toString();
        if (side != u"buy"_s && side != u"sell"_s)
            return R::failure(u"alert_side: must be buy or sell"_s);
        e.alertBuys = side == u"buy"_s;
    }
    if (json.contains(u"enabled"_s)) {
        if (!json.value(u"enabled"_s).isBool())
            return R::failure(u"enabled: must be true or false"_s);
        e.enabled = json.value(u"enabled"_s).toBool();
    }
    return e;
}

QJsonObject toJson(const AutoTrade &e)
{
    QJsonObject json{{u"source"_s, e.source}, {u"max_position"_s, e.maxPosition}, {u"enabled"_s, e.enabled}};
    if (e.buyShares > 0)
        json.insert(u"buy_shares"_s, e.buyShares);
    else
        json.insert(u"buy_cash"_s, e.buyCash);
    if (e.source.startsWith(u"alert:"_s))
        json.insert(u"alert_side"_s, e.alertBuys ? u"buy"_s : u"sell"_s);
    return json;
}

std::vector<Order> ordersFor(const Model::TradeSignal &signal, const std::vector<AutoTrade> &entries, double held)
{
    std::vector<Order> out;
    double position = held; // as the orders before this one would leave it
    for (const AutoTrade &entry : entries) {
        if (!matches(entry, signal) || position < 0)
            continue;
        const bool buys = signal.isTraderAlert() ? entry.alertBuys : signal.side == Model::SignalSide::Buy;
        if (!buys && signal.side != Model::SignalSide::Sell && !signal.isTraderAlert())
            continue; // a rule's alert (price move, news) is neither a buy nor a sell
        Order o;
        o.symbol = signal.symbol.toString();
        o.type = OrderType::Market;
        o.timeInForce = TimeInForce::Day;
        o.note = u"%1 signal #%2"_s.arg(entry.source).arg(signal.id);
        if (buys) {
            double shares = entry.buyShares > 0 ? entry.buyShares
                            : signal.price > 0  ? std::floor(entry.buyCash / signal.price)
                                                : 0;
            if (entry.maxPosition > 0)
                shares = std::min(shares, entry.maxPosition - position);
            if (shares <= 0)
                continue;
            o.side = Side::Buy;
            o.quantity = shares;
            position += shares;
        } else {
            if (position <= 0)
                continue;
            o.side = Side::Sell;
            o.quantity = position;
            position = 0;
        }
        out.push_back(o);
    }
    return out;
}

} // namespace Trading
