// SPDX-License-Identifier: MIT
#include "RecordDecoder.h"

#include <QRegularExpression>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
namespace dom = simdjson::dom;

namespace Ingest {

namespace {

// Epoch seconds up to the year 3000: catches milliseconds sent as seconds.
constexpr double MaxTimestampSeconds = 32503680000.0;
constexpr std::size_t InitialCapacity = 64 * 1024;

/// The fields the data contract names, for any of its record types.
enum class Key : std::uint8_t
{
    StockSymbol,
    OpeningPrice,
    ClosingPrice,
    High,
    Low,
    Volume,
    Timestamp,
    DataType,
    OrderType,
    Price,
    Quantity,
    SentimentScore,
    SentimentMagnitude,
    MarketCap,
    PeRatio,
    IndicatorName,
    Value,
};
constexpr std::size_t KeyCount = std::size_t(Key::Value) + 1;

constexpr std::array<std::string_view, KeyCount> KeyNames = {
    "stock_symbol",        "opening_price", "closing_price", "high",           "low",      "volume",
    "timestamp",           "data_type",     "order_type",    "price",          "quantity", "sentiment_score",
    "sentiment_magnitude", "market_cap",    "pe_ratio",      "indicator_name", "value",
};

constexpr std::string_view nameOf(Key key)
{
    return KeyNames[std::size_t(key)];
}

QString fieldName(Key key)
{
    const std::string_view name = nameOf(key);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

/// The contract's key spelled `text`, if it is one: its length and first letter leave one candidate to compare.
constexpr std::optional<Key> keyOf(std::string_view text)
{
    const auto is = [text](Key key) { return text == nameOf(key) ? std::optional<Key>(key) : std::nullopt; };
    switch (text.size()) {
    case 3:
        return is(Key::Low);
    case 4:
        return is(Key::High);
    case 5:
        return is(text[0] == 'p' ? Key::Price : Key::Value);
    case 6:
        return is(Key::Volume);
    case 8:
        return is(text[0] == 'q' ? Key::Quantity : Key::PeRatio);
    case 9:
        return is(text[0] == 't' ? Key::Timestamp : Key::DataType);
    case 10:
        return is(text[0] == 'o' ? Key::OrderType : Key::MarketCap);
    case 12:
        return is(Key::StockSymbol);
    case 13:
        return is(text[0] == 'o' ? Key::OpeningPrice : Key::ClosingPrice);
    case 14:
        return is(Key::IndicatorName);
    case 15:
        return is(Key::SentimentScore);
    case 19:
        return is(Key::SentimentMagnitude);
    default:
        return std::nullopt;
    }
}

constexpr bool everyKeyFound()
{
    for (std::size_t k = 0; k < KeyCount; ++k)
        if (keyOf(KeyNames[k]) != Key(k))
            return false;
    return true;
}
static_assert(everyKeyFound(), "keyOf must find each of KeyNames as its own Key");

/// The fields of one object, read in one pass over it: each of the contract's keys in its own slot, the
/// others kept only to tell a repeated one.
struct Fields
{
    static constexpr std::size_t MostOthers = 32;
    std::array<dom::element, KeyCount> values;
    std::uint32_t present = 0; ///< a bit for each Key given
    std::array<std::string_view, MostOthers> others;
    std::size_t otherCount = 0;

    /// Empty again for the next record: what the bits do not mark is never read, so it is left as it is (a
    /// decoder's records share one Fields instead of clearing a kilobyte each).
    void clear() noexcept
    {
        present = 0;
        otherCount = 0;
    }

    /// False when the key was given before (the record is then refused).
    bool add(std::string_view key, dom::element value)
    {
        if (const std::optional<Key> known = keyOf(key)) {
            const std::uint32_t bit = 1u << unsigned(*known);
            if (present & bit)
                return false;
            present |= bit;
            values[std::size_t(*known)] = value;
            return true;
        }
        const auto end = others.begin() + std::ptrdiff_t(otherCount);
        if (std::find(others.begin(), end, key) != end)
            return false;
        if (otherCount < MostOthers) // past that many unknown keys, their repeats go unnoticed
            others[otherCount++] = key;
        return true;
    }

    bool find(Key key, dom::element &value) const
    {
        if (!(present & (1u << unsigned(key))))
            return false;
        value = values[std::size_t(key)];
        return true;
    }
};

/// Decodes the fields of one object; every failure becomes a DecodeError naming the field.
class ObjectReader
{
public:
    explicit ObjectReader(const Fields &fields)
        : m_fields(fields)
    {}

    std::optional<DecodeError> error;

    bool fail(Key field, const QString &message)
    {
        if (!error)
            error = DecodeError{message, fieldName(field)};
        return false;
    }

    bool lookup(Key field, dom::element &value)
    {
        if (!m_fields.find(field, value))
            return fail(field, fieldName(field) + u" is missing"_s);
        return true;
    }

    bool number(Key field, double &out)
    {
        dom::element value;
        if (!lookup(field, value))
            return false;
        if (!value.is_number())
            return fail(field, fieldName(field) + u" must be a finite number"_s);
        out = value.get_double().value_unsafe();
        if (!std::isfinite(out))
            return fail(field, fieldName(field) + u" must be a finite number"_s);
        return true;
    }

    bool positive(Key field, double &out)
    {
        if (!number(field, out))
            return false;
        if (!(out > 0))
            return fail(field, fieldName(field) + u" must be greater than 0"_s);
        return true;
    }

    bool inRange(Key field, double &out, double lo, double hi)
    {
        if (!number(field, out))
            return false;
        if (out < lo || out > hi)
            return fail(field, u"%1 must be between %2 and %3"_s.arg(fieldName(field)).arg(lo).arg(hi));
        return true;
    }

    bool count(Key field, std::int64_t &out)
    {
        dom::element value;
        if (!lookup(field, value))
            return false;
        const auto notCount = [&] { return fail(field, fieldName(field) + u" must be a non-negative integer"_s); };
        switch (value.type()) {
        case dom::element_type::INT64:
            out = value.get_int64().value_unsafe();
            break;
        case dom::element_type::UINT64:
            if (value.get_uint64().value_unsafe() > std::uint64_t(INT64_MAX))
                return fail(field, fieldName(field) + u" is too large"_s);
            out = std::int64_t(value.get_uint64().value_unsafe());
            break;
        case dom::element_type::DOUBLE: {
            // 1e6 or 1000000.0 are whole numbers written as doubles; accept them.
            const double d = value.get_double().value_unsafe();
            if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e18)
                return notCount();
            out = std::int64_t(d);
            break;
        }
        default:
            return notCount();
        }
        if (out < 0)
            return notCount();
        return true;
    }

    bool text(Key field, std::string_view &out)
    {
        dom::element value;
        if (!lookup(field, value))
            return false;
        if (value.get_string().get(out) != simdjson::SUCCESS)
            return fail(field, fieldName(field) + u" must be a string"_s);
        return true;
    }

    bool symbol(Model::Symbol &out)
    {
        static constexpr Key field = Key::StockSymbol;
        std::string_view value;
        if (!text(field, value))
            return false;
        if (!Model::Symbol::parse(value, out))
            return fail(field, u"stock_symbol must be 1 to 16 characters of A-Z, 0-9, '.', '-', '^' or '='"_s);
        return true;
    }

    bool timestamp(Model::TimestampUs &out)
    {
        static constexpr Key field = Key::Timestamp;
        double seconds = 0;
        if (!number(field, seconds))
            return false;
        if (seconds < 0 || seconds >= MaxTimestampSeconds)
            return fail(field, u"timestamp must be epoch seconds between 0 and 32503680000"_s);
        out = std::llround(seconds * 1e6);
        return true;
    }

private:
    const Fields &m_fields;
};

bool decodeTick(ObjectReader &r, Model::RecordBatch &out)
{
    Model::Tick t;
    if (!(r.symbol(t.symbol) && r.positive(Key::OpeningPrice, t.open) && r.positive(Key::ClosingPrice, t.close) &&
          r.positive(Key::High, t.high) && r.positive(Key::Low, t.low) && r.count(Key::Volume, t.volume) &&
          r.timestamp(t.timestamp)))
        return false;
    if (t.high < t.low)
        return r.fail(Key::High, u"high must not be below low"_s);
    if (t.open < t.low || t.open > t.high)
        return r.fail(Key::OpeningPrice, u"opening_price must lie between low and high"_s);
    if (t.close < t.low || t.close > t.high)
        return r.fail(Key::ClosingPrice, u"closing_price must lie between low and high"_s);
    out.emplace_back(t);
    return true;
}

bool decodeOrderBook(ObjectReader &r, Model::RecordBatch &out)
{
    Model::OrderBookEvent e;
    std::string_view side;
    if (!(r.symbol(e.symbol) && r.text(Key::OrderType, side)))
        return false;
    if (side == "buy")
        e.side = Model::OrderSide::Buy;
    else if (side == "sell")
        e.side = Model::OrderSide::Sell;
    else
        return r.fail(Key::OrderType, u"order_type must be \"buy\" or \"sell\""_s);
    if (!(r.positive(Key::Price, e.price) && r.positive(Key::Quantity, e.quantity) && r.timestamp(e.timestamp)))
        return false;
    out.emplace_back(e);
    return true;
}

bool decodeNewsSentiment(ObjectReader &r, Model::RecordBatch &out)
{
    Model::NewsSentimentEvent e;
    if (!(r.symbol(e.symbol) && r.inRange(Key::SentimentScore, e.score, -1, 1) &&
          r.inRange(Key::SentimentMagnitude, e.magnitude, 0, 1) && r.timestamp(e.timestamp)))
        return false;
    out.emplace_back(e);
    return true;
}

bool decodeMarketData(ObjectReader &r, Model::RecordBatch &out)
{
    Model::MarketDataEvent e;
    // A loss-making company has a negative P/E ratio, so only finiteness is required of it.
    if (!(r.symbol(e.symbol) && r.positive(Key::MarketCap, e.marketCap) && r.number(Key::PeRatio, e.peRatio) &&
          r.timestamp(e.timestamp)))
        return false;
    out.emplace_back(e);
    return true;
}

bool decodeEconomicIndicator(ObjectReader &r, Model::RecordBatch &out)
{
    Model::EconomicIndicatorEvent e;
    std::string_view name;
    if (!(r.text(Key::IndicatorName, name) && r.number(Key::Value, e.value) && r.timestamp(e.timestamp)))
        return false;
    e.name = QString::fromUtf8(name.data(), qsizetype(name.size())).trimmed();
    if (e.name.isEmpty() || e.name.size() > 128)
        return r.fail(Key::IndicatorName, u"indicator_name must be 1 to 128 characters"_s);
    out.emplace_back(std::move(e));
    return true;
}

std::optional<DecodeError> decodeRecord(dom::element element, Model::RecordBatch &out, Fields &fields)
{
    dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS)
        return DecodeError{u"a record must be a JSON object"_s, {}};
    // A field given twice is refused: which value counts differs between JSON parsers, so a record
    // could mean one thing to its sender and another here.
    fields.clear();
    for (const dom::key_value_pair field : object)
        if (!fields.add(field.key, field.value)) {
            const QString name = QString::fromUtf8(field.key.data(), qsizetype(field.key.size())).left(64);
            return DecodeError{u"%1 appears more than once in the record"_s.arg(name), name};
        }
    ObjectReader r(fields);

    dom::element typeElement;
    if (!fields.find(Key::DataType, typeElement)) {
        decodeTick(r, out);
        return r.error;
    }
    std::string_view type;
    if (typeElement.get_string().get(type) != simdjson::SUCCESS)
        return DecodeError{u"data_type must be a string"_s, u"data_type"_s};
    if (type == "order_book")
        decodeOrderBook(r, out);
    else if (type == "news_sentiment")
        decodeNewsSentiment(r, out);
    else if (type == "market_data")
        decodeMarketData(r, out);
    else if (type == "economic_indicator")
        decodeEconomicIndicator(r, out);
    else
        return DecodeError{u"unknown data_type \"%1\": expected order_book, news_sentiment, market_data or "
                           u"economic_indicator"_s.arg(QString::fromUtf8(type.data(), qsizetype(type.size())).left(40)),
                           u"data_type"_s};
    return r.error;
}

/// NaN and Infinity are not JSON, so the parser only says "malformed". Python's json module writes
/// them all the same; name the field so the sender knows which value to fix.
DecodeError jsonError(simdjson::error_code code, std::string_view body)
{
    if (code == simdjson::DEPTH_ERROR)
        return DecodeError{u"JSON nested deeper than %1 levels"_s.arg(RecordDecoder::MaxDepth), {}};
    static const QRegularExpression nonFinite(uR"re("([A-Za-z_]{1,64})"\s*:\s*(-?Infinity|NaN))re"_s);
    const QString text = QString::fromUtf8(body.data(), qsizetype(std::min<std::size_t>(body.size(), 1 << 20)));
    const QRegularExpressionMatch m = nonFinite.match(text);
    if (m.hasMatch())
        return DecodeError{u"%1 must be a finite number (got %2)"_s.arg(m.captured(1), m.captured(2)), m.captured(1)};
    return DecodeError{u"malformed JSON: %1"_s.arg(QString::fromLatin1(simdjson::error_message(code))), {}};
}

std::optional<DecodeError> indexed(std::optional<DecodeError> error, qsizetype index)
{
    if (error)
        error->index = index;
    return error;
}

} // namespace

struct RecordDecoder::Impl
{
    dom::parser parser;
    std::vector<char> padded;
    Fields fields; ///< every record's in turn

    std::string_view pad(std::string_view body) { return padInto(padded, body); }

    /// `text` copied into `buffer` with the parser's zeroed padding after it; the copy, without the padding.
    static std::string_view padInto(std::vector<char> &buffer, std::string_view text)
    {
        buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(buffer.data(), text.data(), text.size());
        std::memset(buffer.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
        return {buffer.data(), text.size()};
    }

    std::vector<char> linePadded;

    std::optional<DecodeError> decodeLine(std::string_view line, Model::RecordBatch &out)
    {
        const std::string_view text = padInto(linePadded, line);
        dom::element element;
        if (auto code = parser.parse(text.data(), text.size(), false).get(element))
            return jsonError(code, line);
        if (!element.is_object())
            return DecodeError{u"a record must be a JSON object"_s, {}};
        return decodeRecord(element, out, fields);
    }

    std::optional<DecodeError> decodeArray(dom::array array, Model::RecordBatch &out)
    {
        if (array.size() == 0)
            return DecodeError{u"the array holds no records"_s, {}};
        out.reserve(out.size() + array.size()); // a thousand records would otherwise move ten times as it grows
        qsizetype index = 0;
        for (dom::element element : array) {
            if (auto error = decodeRecord(element, out, fields))
                return indexed(error, index);
            ++index;
        }
        return std::nullopt;
    }

    std::optional<DecodeError> decodeLines(std::string_view body, Model::RecordBatch &out)
    {
        dom::document_stream stream;
        const std::size_t batchSize = std::max<std::size_t>(body.size(), dom::MINIMAL_BATCH_SIZE);
        if (auto code = parser.parse_many(body.data(), body.size(), batchSize).get(stream))
            return jsonError(code, body);
        qsizetype index = 0;
        for (auto result : stream) {
            dom::element element;
            if (auto code = result.get(element))
                return indexed(jsonError(code, body), index);
            if (auto error = decodeRecord(element, out, fields))
                return indexed(error, index);
            ++index;
        }
        if (stream.truncated_bytes() > 0)
            return DecodeError{u"malformed JSON: the last record is incomplete"_s, {}, index};
        if (index == 0)
            return DecodeError{u"the body holds no records"_s, {}};
        return std::nullopt;
    }
};

RecordDecoder::RecordDecoder()
    : d(std::make_unique<Impl>())
{
    if (d->parser.allocate(InitialCapacity, MaxDepth) != simdjson::SUCCESS)
        qFatal("out of memory for the JSON parser");
}

RecordDecoder::~RecordDecoder() = default;

std::optional<DecodeError> RecordDecoder::decodeLenient(std::string_view text, Model::RecordBatch &out,
                                                        const std::function<void(const DecodeError &)> &skipped)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return DecodeError{u"the file is empty"_s, {}};
    if (text[first] == '[') {
        const std::string_view padded = d->pad(text);
        dom::element root;
        dom::array array;
        if (auto code = d->parser.parse(padded.data(), padded.size(), false).get(root))
            return jsonError(code, text);
        if (root.get_array().get(array) != simdjson::SUCCESS)
            return DecodeError{u"the file must hold a JSON array of records, one record, or NDJSON"_s, {}};
        qsizetype index = 0;
        for (dom::element element : array) {
            if (auto error = decodeRecord(element, out, d->fields))
                skipped(*indexed(error, index));
            ++index;
        }
        return std::nullopt;
    }
    {
        // One object, perhaps over several lines.
        const std::string_view padded = d->pad(text);
        dom::element root;
        if (d->parser.parse(padded.data(), padded.size(), false).get(root) == simdjson::SUCCESS && root.is_object()) {
            if (auto error = decodeRecord(root, out, d->fields))
                skipped(*indexed(error, 0));
            return std::nullopt;
        }
    }
    // NDJSON: a line at a time, so that one bad line costs only itself.
    qsizetype index = 0;
    std::size_t start = first;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        if (auto error = d->decodeLine(line, out))
            skipped(*indexed(error, index));
        ++index;
    }
    return std::nullopt;
}

std::optional<DecodeError> RecordDecoder::decode(std::string_view body, Model::RecordBatch &out, Format format)
{
    return decode(body, false, out, format);
}

std::optional<DecodeError> RecordDecoder::decode(const std::string &body, Model::RecordBatch &out, Format format)
{
    static_assert(Padding >= simdjson::SIMDJSON_PADDING);
    return decode(body, body.capacity() >= body.size() + Padding, out, format);
}

std::optional<DecodeError> RecordDecoder::decode(std::string_view body, bool padded, Model::RecordBatch &out,
                                                 Format format)
{
    const std::size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return DecodeError{u"the request body is empty"_s, {}};

    const std::size_t before = out.size();
    const std::string_view text = padded ? body : d->pad(body);
    std::optional<DecodeError> error;
    if (format == Format::NdJson) {
        error = d->decodeLines(text, out);
    } else {
        dom::element root;
        const auto code = d->parser.parse(text.data(), text.size(), false).get(root);
        if (code == simdjson::SUCCESS) {
            dom::array array;
            if (root.get_array().get(array) == simdjson::SUCCESS)
                error = d->decodeArray(array, out);
            else if (root.is_object())
                error = decodeRecord(root, out, d->fields);
            else
                error = DecodeError{u"the body must be a JSON object, an array of objects or NDJSON"_s, {}};
        } else if (body[first] == '{' && code != simdjson::DEPTH_ERROR) {
            // Several objects one after another: NDJSON sent as application/json.
            error = d->decodeLines(text, out);
            if (error && error->index <= 0)
                error = jsonError(code, body);
        } else {
            error = jsonError(code, body);
        }
    }
    if (error)
        out.erase(out.begin() + std::ptrdiff_t(before), out.end());
    return error;
}

} // namespace Ingest
