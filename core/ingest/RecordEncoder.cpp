// SPDX-License-Identifier: MIT
#include "RecordEncoder.h"

#include <charconv>
#include <cstdio>

namespace Ingest {

void appendNumber(double value, QByteArray &out)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendInteger(std::int64_t value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendEpochSeconds(Model::TimestampUs us, QByteArray &out)
{
    appendInteger(us / 1'000'000, out);
    char fraction[8];
    std::int64_t rest = us % 1'000'000;
    for (int i = 6; i >= 1; --i) {
        fraction[i] = char('0' + rest % 10);
        rest /= 10;
    }
    fraction[0] = '.';
    out.append(fraction, 7);
}

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

void appendString(const QString &text, QByteArray &out)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendJson(const Model::Record &record, QByteArray &out)
{
    std::visit(
        [&out](const auto &r) {
            using T = std::decay_t<decltype(r)>;
            out += '{';
            if constexpr (std::is_same_v<T, Model::Tick>) {
                symbolField(r.symbol, out);
                field("opening_price", out);
                appendNumber(r.open, out);
                field("closing_price", out);
                appendNumber(r.close, out);
                field("high", out);
                appendNumber(r.high, out);
                field("low", out);
                appendNumber(r.low, out);
                field("volume", out);
                appendInteger(r.volume, out);
            } else if constexpr (std::is_same_v<T, Model::OrderBookEvent>) {
                out += "\"data_type\":\"order_book\",";
                symbolField(r.symbol, out);
                out += r.side == Model::OrderSide::Buy ? ",\"order_type\":\"buy\"" : ",\"order_type\":\"sell\"";
                field("price", out);
                appendNumber(r.price, out);
                field("quantity", out);
                appendNumber(r.quantity, out);
            } else if constexpr (std::is_same_v<T, Model::NewsSentimentEvent>) {
                out += "\"data_type\":\"news_sentiment\",";
                symbolField(r.symbol, out);
                field("sentiment_score", out);
                appendNumber(r.score, out);
                field("sentiment_magnitude", out);
                appendNumber(r.magnitude, out);
            } else if constexpr (std::is_same_v<T, Model::MarketDataEvent>) {
                out += "\"data_type\":\"market_data\",";
                symbolField(r.symbol, out);
                field("market_cap", out);
                appendNumber(r.marketCap, out);
                field("pe_ratio", out);
                appendNumber(r.peRatio, out);
            } else if constexpr (std::is_same_v<T, Model::EconomicIndicatorEvent>) {
                out += "\"data_type\":\"economic_indicator\",\"indicator_name\":";
                appendString(r.name, out);
                field("value", out);
                appendNumber(r.value, out);
            }
            field("timestamp", out);
            appendEpochSeconds(r.timestamp, out);
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
