// SPDX-License-Identifier: MIT
#pragma once

#include "Symbol.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <variant>
#include <vector>

namespace Model {

/// Microseconds since the Unix epoch, UTC.
using TimestampUs = std::int64_t;

/// The main record of the data contract: one OHLCV bar of a symbol.
struct Tick
{
    Symbol symbol;
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    std::int64_t volume = 0;
    TimestampUs timestamp = 0;
};

enum class OrderSide : std::uint8_t
{
    Buy,
    Sell
};

struct OrderBookEvent
{
    Symbol symbol;
    OrderSide side = OrderSide::Buy;
    double price = 0;
    double quantity = 0;
    TimestampUs timestamp = 0;
};

struct NewsSentimentEvent
{
    Symbol symbol;
    double score = 0;     ///< -1 (negative) .. 1 (positive)
    double magnitude = 0; ///< 0 .. 1
    TimestampUs timestamp = 0;
};

struct MarketDataEvent
{
    Symbol symbol;
    double marketCap = 0;
    double peRatio = 0;
    TimestampUs timestamp = 0;
};

/// Macro-economic figures carry no symbol.
struct EconomicIndicatorEvent
{
    QString name;
    double value = 0;
    TimestampUs timestamp = 0;
};

using Record = std::variant<Tick, OrderBookEvent, NewsSentimentEvent, MarketDataEvent, EconomicIndicatorEvent>;
using RecordBatch = std::vector<Record>;

enum class RecordKind : std::uint8_t
{
    Tick,
    OrderBook,
    NewsSentiment,
    MarketData,
    EconomicIndicator
};
inline constexpr int RecordKindCount = 5;

/// The record's symbol; null for a kind without one (economic indicators).
inline const Symbol *symbolOf(const Record &record) noexcept
{
    return std::visit(
        [](const auto &r) -> const Symbol * {
            if constexpr (requires { r.symbol; })
                return &r.symbol;
            else
                return nullptr;
        },
        record);
}

inline RecordKind kindOf(const Record &r) noexcept
{
    return static_cast<RecordKind>(r.index());
}

/// The contract's name of a kind: "tick" for the main record, else its `data_type`.
const char *kindName(RecordKind kind) noexcept;

} // namespace Model

Q_DECLARE_METATYPE(Model::RecordBatch)
