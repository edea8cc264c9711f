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

const char *ruleId(SignalRule rule) noexcept
{
    switch (rule) {
    case SignalRule::RsiTrend:
        return "rsi_trend";
    case SignalRule::MaCross:
        return "ma_cross";
    case SignalRule::PriceMove:
        return "price_move";
    case SignalRule::NewsSentiment:
        return "news_sentiment";
    case SignalRule::TraderAlert:
        return "alert";
    }
    return "alert";
}

std::optional<SignalRule> builtInRule(QStringView id) noexcept
{
    for (int r = 0; r < BuiltInRuleCount; ++r)
        if (id == QLatin1StringView(ruleId(SignalRule(r))))
            return SignalRule(r);
    return std::nullopt;
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
