// SPDX-License-Identifier: MIT
#pragma once

#include "Order.h"
#include "model/TradeSignal.h"

#include <QJsonObject>

#include <vector>

namespace Trading {

/// Signals to paper orders, so that a trader sees live what a rule or an alert would have earned: on a buy,
/// buy so many shares (or so much cash's worth at the signal's price), up to a maximum position; on a sell,
/// close the position. An alert says which of the two its fires mean.
struct AutoTrade
{
    QString source;         ///< a rule's id (`rsi_trend`, `ma_cross`, `price_move`, `news_sentiment`) or `alert:ID`
    double buyShares = 0;   ///< shares to buy on a buy, or
    double buyCash = 0;     ///< cash to spend on one (whole shares at the signal's price)
    double maxPosition = 0; ///< shares held at most; 0: no limit
    bool alertBuys = true;  ///< an alert's fire: a buy (true) or a sell
    bool enabled = true;
    bool operator==(const AutoTrade &) const = default;
};

/// An entry from its JSON (`{"source":"rsi_trend","buy_shares":10,"max_position":50}`); the error names the field.
Util::Result<AutoTrade> autoTradeFromJson(const QJsonObject &json);
QJsonObject toJson(const AutoTrade &entry);

/// The market orders a stored signal asks for under `entries`, given the shares of its symbol held now
/// (negative: short, which these orders leave alone).
std::vector<Order> ordersFor(const Model::TradeSignal &signal, const std::vector<AutoTrade> &entries, double held);

} // namespace Trading
