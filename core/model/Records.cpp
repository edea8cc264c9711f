// SPDX-License-Identifier: MIT
#include "Records.h"
#include "TradeSignal.h"

namespace Model {

const char *kindName(RecordKind kind) noexcept
{
    switch (kind) {
    case RecordKind::Tick:
        return "tick";
    case RecordKind::OrderBook:
        return "order_book";
    case RecordKind::NewsSentiment:
        return "news_sentiment";
    case RecordKind::MarketData:
        return "market_data";
    case RecordKind::EconomicIndicator:
        return "economic_indicator";
    }
    return "unknown";
}

const char *sideName(SignalSide side) noexcept
{
    switch (side) {
    case SignalSide::Buy:
        return "buy";
    case SignalSide::Sell:
        return "sell";
    case SignalSide::Alert:
        return "alert";
    }
    return "alert";
}

SignalSide sideFromName(QStringView name) noexcept
{
    if (name == QLatin1StringView("buy"))
        return SignalSide::Buy;
    if (name == QLatin1StringView("sell"))
        return SignalSide::Sell;
    return SignalSide::Alert;
}

} // namespace Model
