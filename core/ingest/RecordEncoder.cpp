// SPDX-License-Identifier: MIT
#include "RecordEncoder.h"

#include "text/JsonWriter.h"

namespace Ingest {

namespace {

void field(const char *name, QByteArray &out)
{
    out += ",\"";
    out += name;
    out += "\":";
}

void symbolField(const Model::Symbol &symbol, QByteArray &out)
{
    out += "\"stock_symbol\":\"";
    out.append(symbol.view().data(), qsizetype(symbol.size()));
    out += '"';
}

} // namespace

void appendJson(const Model::Record &record, QByteArray &out)
{
    std::visit(
        [&out](const auto &r) {
            using T = std::decay_t<decltype(r)>;
            out += '{';
            if constexpr (std::is_same_v<T, Model::Tick>) {
                symbolField(r.symbol, out);
                field("opening_price", out);
                Text::appendNumber(r.open, out);
                field("closing_price", out);
                Text::appendNumber(r.close, out);
                field("high", out);
                Text::appendNumber(r.high, out);
                field("low", out);
                Text::appendNumber(r.low, out);
                field("volume", out);
                Text::appendInteger(r.volume, out);
            } else if constexpr (std::is_same_v<T, Model::OrderBookEvent>) {
                out += "\"data_type\":\"order_book\",";
                symbolField(r.symbol, out);
                out += r.side == Model::OrderSide::Buy ? ",\"order_type\":\"buy\"" : ",\"order_type\":\"sell\"";
                field("price", out);
                Text::appendNumber(r.price, out);
                field("quantity", out);
                Text::appendNumber(r.quantity, out);
            } else if constexpr (std::is_same_v<T, Model::NewsSentimentEvent>) {
                out += "\"data_type\":\"news_sentiment\",";
                symbolField(r.symbol, out);
                field("sentiment_score", out);
                Text::appendNumber(r.score, out);
                field("sentiment_magnitude", out);
                Text::appendNumber(r.magnitude, out);
            } else if constexpr (std::is_same_v<T, Model::MarketDataEvent>) {
                out += "\"data_type\":\"market_data\",";
                symbolField(r.symbol, out);
                field("market_cap", out);
                Text::appendNumber(r.marketCap, out);
                field("pe_ratio", out);
                Text::appendNumber(r.peRatio, out);
            } else if constexpr (std::is_same_v<T, Model::EconomicIndicatorEvent>) {
                out += "\"data_type\":\"economic_indicator\",\"indicator_name\":";
                Text::appendString(r.name, out);
                field("value", out);
                Text::appendNumber(r.value, out);
            }
            field("timestamp", out);
            Text::appendEpochSeconds(r.timestamp, out);
            out += '}';
        },
        record);
}

QByteArray encodeArray(const Model::RecordBatch &records)
{
    QByteArray out;
    out.reserve(qsizetype(records.size()) * 200 + 2);
    out += '[';
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJson(records[i], out);
    }
    out += ']';
    return out;
}

} // namespace Ingest
