// SPDX-License-Identifier: MIT
#include "Records.h"

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

} // namespace Model
