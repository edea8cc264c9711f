// SPDX-License-Identifier: MIT
#include "ingest/RecordDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Ingest::RecordDecoder;

namespace {

QJsonObject tick()
{
    return QJsonObject{{u"stock_symbol"_s, u"AAPL"_s},
                       {u"opening_price"_s, 150.25},
                       {u"closing_price"_s, 155.20},
                       {u"high"_s, 157.50},
                       {u"low"_s, 149.80},
                       {u"volume"_s, 1000000},
                       {u"timestamp"_s, 1644016200.0}};
}

QJsonObject orderBook()
{
    return QJsonObject{
        {u"data_type"_s, u"order_book"_s}, {u"timestamp"_s, 1644016300.0}, {u"stock_symbol"_s, u"AAPL"_s},
        {u"order_type"_s, u"buy"_s},       {u"price"_s, 560.75},           {u"quantity"_s, 50}};
}

QJsonObject sentiment()
{
    return QJsonObject{{u"data_type"_s, u"news_sentiment"_s},
                       {u"timestamp"_s, 1644016300.0},
                       {u"stock_symbol"_s, u"MSFT"_s},
                       {u"sentiment_score"_s, -0.4},
                       {u"sentiment_magnitude"_s, 0.8}};
}

QJsonObject marketData()
{
    return QJsonObject{{u"data_type"_s, u"market_data"_s},
                       {u"timestamp"_s, 1644016300.0},
                       {u"stock_symbol"_s, u"GOOG"_s},
                       {u"market_cap"_s, 1.5e12},
                       {u"pe_ratio"_s, 25.5}};
}

QJsonObject economic()
{
    return QJsonObject{{u"data_type"_s, u"economic_indicator"_s},
                       {u"timestamp"_s, 1644016300.0},
                       {u"indicator_name"_s, u"GDP Growth Rate"_s},
                       {u"value"_s, -1.5}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

QByteArray withRaw(const QJsonObject &o, const QString &key, const QByteArray &raw)
{
    // QJsonDocument cannot write NaN or nested garbage; splice raw text in.
    QByteArray text = json(with(o, key, u"@@"_s));
    return text.replace("\"@@\"", raw);
}

} // namespace

class TestRecordDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validRecords_data();
    void validRecords();
    void tickValues();
    void fieldsPastManyOthers();
    void eachRecordHasItsOwnFields();
    void metadataValues();
    void invalidRecords_data();
    void invalidRecords();
    void arrayAndNdjson();
    void bodyReadInPlace();
    void batchWithOneBadRecordChangesNothing();
    void deeplyNested();
    void hugeInput();
    void symbols_data();
    void symbols();
};

void TestRecordDecoder::validRecords_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::newRow("tick") << json(tick()) << int(Model::RecordKind::Tick);
    QTest::newRow("order_book") << json(orderBook()) << int(Model::RecordKind::OrderBook);
    QTest::newRow("order_book sell") << json(with(orderBook(), u"order_type"_s, u"sell"_s))
                                     << int(Model::RecordKind::OrderBook);
    QTest::newRow("news_sentiment") << json(sentiment()) << int(Model::RecordKind::NewsSentiment);
    QTest::newRow("market_data") << json(marketData()) << int(Model::RecordKind::MarketData);
    QTest::newRow("market_data negative pe")
        << json(with(marketData(), u"pe_ratio"_s, -3.0)) << int(Model::RecordKind::MarketData);
    QTest::newRow("economic_indicator") << json(economic()) << int(Model::RecordKind::EconomicIndicator);
    QTest::newRow("volume as 1e6") << withRaw(tick(), u"volume"_s, "1e6") << int(Model::RecordKind::Tick);
    QTest::newRow("volume 0") << json(with(tick(), u"volume"_s, 0)) << int(Model::RecordKind::Tick);
    QTest::newRow("integer prices") << json(with(with(tick(), u"opening_price"_s, 150), u"low"_s, 149))
                                    << int(Model::RecordKind::Tick);
    QTest::newRow("extra fields ignored")
        << json(with(tick(), u"exchange"_s, u"NASDAQ"_s)) << int(Model::RecordKind::Tick);
    QTest::newRow("flat bar") << json(QJsonObject{{u"stock_symbol"_s, u"X"_s},
                                                  {u"opening_price"_s, 1},
                                                  {u"closing_price"_s, 1},
                                                  {u"high"_s, 1},
                                                  {u"low"_s, 1},
                                                  {u"volume"_s, 1},
                                                  {u"timestamp"_s, 0}})
                              << int(Model::RecordKind::Tick);
    QTest::newRow("whitespace around") << ("  \n" + json(tick()) + "\n\n") << int(Model::RecordKind::Tick);
}

void TestRecordDecoder::validRecords()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    RecordDecoder decoder;
    Model::RecordBatch out;
    const auto error = decoder.decode(body.toStdString(), out);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(int(Model::kindOf(out.front())), kind);
}

void TestRecordDecoder::tickValues()
{
    RecordDecoder decoder;
    Model::RecordBatch out;
    QVERIFY(!decoder.decode(json(with(tick(), u"timestamp"_s, 1644016200.25)).toStdString(), out));
    const auto &t = std::get<Model::Tick>(out.front());
    QCOMPARE(t.symbol.toString(), u"AAPL"_s);
    QCOMPARE(t.open, 150.25);
    QCOMPARE(t.close, 155.20);
    QCOMPARE(t.high, 157.50);
    QCOMPARE(t.low, 149.80);
    QCOMPARE(t.volume, 1000000);
    QCOMPARE(t.timestamp, Model::TimestampUs(1644016200250000));
}

void TestRecordDecoder::fieldsPastManyOthers()
{
    // Forty extra fields named to come first: the record's own fields lie past the first 32 keys, which the
    // decoder reads in one pass; the rest are still found, and read the same.
    QJsonObject record = with(tick(), u"timestamp"_s, 1644016200.25);
    QJsonObject sentimentRecord = sentiment();
    for (int i = 0; i < 40; ++i) {
        record.insert(u"a%1"_s.arg(i, 2, 10, QChar(u'0')), i);
        sentimentRecord.insert(u"a%1"_s.arg(i, 2, 10, QChar(u'0')), i);
    }
    QVERIFY(json(record).startsWith("{\"a00\""));
    RecordDecoder decoder;
    Model::RecordBatch out;
    const QByteArray body = json(record) + '\n' + json(sentimentRecord);
    const auto error = decoder.decode(body.toStdString(), out, RecordDecoder::Format::NdJson);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    QCOMPARE(out.size(), std::size_t(2));
    const auto &t = std::get<Model::Tick>(out.front());
    QCOMPARE(t.symbol.toString(), u"AAPL"_s);
    QCOMPARE(t.open, 150.25);
    QCOMPARE(t.close, 155.20);
    QCOMPARE(t.volume, 1000000);
    QCOMPARE(t.timestamp, Model::TimestampUs(1644016200250000));
    QCOMPARE(std::get<Model::NewsSentimentEvent>(out.back()).score, -0.4);
    record.remove(u"volume"_s);
    out.clear();
    const auto missing = decoder.decode(json(record).toStdString(), out);
    QVERIFY(missing);
    QCOMPARE(missing->field, u"volume"_s);
    QVERIFY(out.empty());
}

void TestRecordDecoder::eachRecordHasItsOwnFields()
{
    // The records of a body share the decoder's table of fields: nothing of one is seen in the next. The same
    // unknown field in every record is no repeat, a field of the first does not stand in for one the second
    // lacks, and a repeat within the third is still one.
    QJsonObject extra = tick();
    extra.insert(u"note"_s, 1);
    QJsonObject lacking = tick();
    lacking.remove(u"volume"_s);
    const QByteArray twice = json(extra).chopped(1) + ",\"note\":2}";
    RecordDecoder decoder;
    Model::RecordBatch out;
    QVERIFY(!decoder.decode(QByteArray("[" + json(extra) + "," + json(extra) + "," + json(extra) + "]").toStdString(),
                            out));
    QCOMPARE(out.size(), std::size_t(3));
    out.clear();
    auto error = decoder.decode(QByteArray("[" + json(extra) + "," + json(lacking) + "]").toStdString(), out);
    QVERIFY(error);
    QCOMPARE(error->index, qsizetype(1));
    QCOMPARE(error->field, u"volume"_s);
    error = decoder.decode(QByteArray("[" + json(extra) + "," + json(extra) + "," + twice + "]").toStdString(), out);
    QVERIFY(error);
    QCOMPARE(error->index, qsizetype(2));
    QCOMPARE(error->field, u"note"_s);
    QVERIFY(out.empty());
}

void TestRecordDecoder::metadataValues()
{
    RecordDecoder decoder;
    Model::RecordBatch out;
    const QByteArray body =
        json(orderBook()) + '\n' + json(sentiment()) + '\n' + json(marketData()) + '\n' + json(economic());
    QVERIFY(!decoder.decode(body.toStdString(), out, RecordDecoder::Format::NdJson));
    QCOMPARE(out.size(), std::size_t(4));
    const auto &o = std::get<Model::OrderBookEvent>(out[0]);
    QCOMPARE(o.side, Model::OrderSide::Buy);
    QCOMPARE(o.price, 560.75);
    QCOMPARE(o.quantity, 50.0);
    const auto &s = std::get<Model::NewsSentimentEvent>(out[1]);
    QCOMPARE(s.symbol.toString(), u"MSFT"_s);
    QCOMPARE(s.score, -0.4);
    QCOMPARE(s.magnitude, 0.8);
    const auto &m = std::get<Model::MarketDataEvent>(out[2]);
    QCOMPARE(m.marketCap, 1.5e12);
    QCOMPARE(m.peRatio, 25.5);
    const auto &e = std::get<Model::EconomicIndicatorEvent>(out[3]);
    QCOMPARE(e.name, u"GDP Growth Rate"_s);
    QCOMPARE(e.value, -1.5);
    QCOMPARE(e.timestamp, Model::TimestampUs(1644016300000000));
}

void TestRecordDecoder::invalidRecords_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    // Every required field of every record type, missing.
    const QList<QPair<QString, QJsonObject>> kinds{{u"tick"_s, tick()},
                                                   {u"order_book"_s, orderBook()},
                                                   {u"news_sentiment"_s, sentiment()},
                                                   {u"market_data"_s, marketData()},
                                                   {u"economic_indicator"_s, economic()}};
    for (const auto &[name, record] : kinds) {
        for (const QString &key : record.keys()) {
            if (key == u"data_type"_s)
                continue;
            QTest::addRow("%s without %s", qPrintable(name), qPrintable(key))
                << json(without(record, key)) << key << key + u" is missing"_s;
        }
    }

    // Wrong JSON types.
    QTest::newRow("price as string") << json(with(tick(), u"closing_price"_s, u"155.2"_s)) << u"closing_price"_s
                                     << u"closing_price must be a finite number"_s;
    QTest::newRow("price as null") << json(with(tick(), u"high"_s, QJsonValue::Null)) << u"high"_s
                                   << u"high must be a finite number"_s;
    QTest::newRow("price as bool") << json(with(tick(), u"low"_s, true)) << u"low"_s
                                   << u"low must be a finite number"_s;
    QTest::newRow("price as array") << withRaw(tick(), u"opening_price"_s, "[1]") << u"opening_price"_s
                                    << u"opening_price must be a finite number"_s;
    QTest::newRow("symbol as number") << json(with(tick(), u"stock_symbol"_s, 5)) << u"stock_symbol"_s
                                      << u"stock_symbol must be a string"_s;
    QTest::newRow("volume fractional") << json(with(tick(), u"volume"_s, 1.5)) << u"volume"_s
                                       << u"volume must be a non-negative integer"_s;
    QTest::newRow("volume as string") << json(with(tick(), u"volume"_s, u"100"_s)) << u"volume"_s
                                      << u"volume must be a non-negative integer"_s;
    QTest::newRow("timestamp as string") << json(with(tick(), u"timestamp"_s, u"2022-02-04"_s)) << u"timestamp"_s
                                         << u"timestamp must be a finite number"_s;
    QTest::newRow("data_type as number") << json(with(tick(), u"data_type"_s, 3)) << u"data_type"_s
                                         << u"data_type must be a string"_s;
    QTest::newRow("order_type wrong") << json(with(orderBook(), u"order_type"_s, u"hold"_s)) << u"order_type"_s
                                      << u"order_type must be \"buy\" or \"sell\""_s;

    // Not finite.
    QTest::newRow("NaN") << withRaw(tick(), u"closing_price"_s, "NaN") << u"closing_price"_s
                         << u"closing_price must be a finite number (got NaN)"_s;
    QTest::newRow("Infinity") << withRaw(tick(), u"high"_s, "Infinity") << u"high"_s
                              << u"high must be a finite number (got Infinity)"_s;
    QTest::newRow("-Infinity") << withRaw(sentiment(), u"sentiment_score"_s, "-Infinity") << u"sentiment_score"_s
                               << u"sentiment_score must be a finite number (got -Infinity)"_s;

    // Out of range.
    QTest::newRow("negative price") << json(with(tick(), u"low"_s, -1.0)) << u"low"_s
                                    << u"low must be greater than 0"_s;
    QTest::newRow("zero price") << json(with(orderBook(), u"price"_s, 0)) << u"price"_s
                                << u"price must be greater than 0"_s;
    QTest::newRow("negative volume") << json(with(tick(), u"volume"_s, -5)) << u"volume"_s
                                     << u"volume must be a non-negative integer"_s;
    QTest::newRow("negative quantity") << json(with(orderBook(), u"quantity"_s, -5)) << u"quantity"_s
                                       << u"quantity must be greater than 0"_s;
    QTest::newRow("high below low") << json(with(with(tick(), u"high"_s, 140.0), u"low"_s, 149.8)) << u"high"_s
                                    << u"high must not be below low"_s;
    QTest::newRow("open above high") << json(with(tick(), u"opening_price"_s, 160.0)) << u"opening_price"_s
                                     << u"opening_price must lie between low and high"_s;
    QTest::newRow("close below low") << json(with(tick(), u"closing_price"_s, 100.0)) << u"closing_price"_s
                                     << u"closing_price must lie between low and high"_s;
    QTest::newRow("sentiment above 1") << json(with(sentiment(), u"sentiment_score"_s, 1.5)) << u"sentiment_score"_s
                                       << u"sentiment_score must be between -1 and 1"_s;
    QTest::newRow("magnitude negative") << json(with(sentiment(), u"sentiment_magnitude"_s, -0.1))
                                        << u"sentiment_magnitude"_s << u"sentiment_magnitude must be between 0 and 1"_s;
    QTest::newRow("negative timestamp") << json(with(tick(), u"timestamp"_s, -1)) << u"timestamp"_s
                                        << u"timestamp must be epoch seconds between 0 and 32503680000"_s;
    QTest::newRow("timestamp in ms") << json(with(tick(), u"timestamp"_s, 1644016200000.0)) << u"timestamp"_s
                                     << u"timestamp must be epoch seconds between 0 and 32503680000"_s;
    QTest::newRow("empty indicator name") << json(with(economic(), u"indicator_name"_s, u"  "_s)) << u"indicator_name"_s
                                          << u"indicator_name must be 1 to 128 characters"_s;

    // Unknown type, symbols.
    QTest::newRow("unknown data_type") << json(with(tick(), u"data_type"_s, u"trade"_s)) << u"data_type"_s
                                       << u"unknown data_type \"trade\": expected order_book, news_sentiment, "
                                          u"market_data or economic_indicator"_s;
    const QString symbolMessage = u"stock_symbol must be 1 to 16 characters of A-Z, 0-9, '.', '-', '^' or '='"_s;
    QTest::newRow("empty symbol") << json(with(tick(), u"stock_symbol"_s, u""_s)) << u"stock_symbol"_s << symbolMessage;
    QTest::newRow("oversized symbol") << json(with(tick(), u"stock_symbol"_s, u"ABCDEFGHIJKLMNOPQ"_s))
                                      << u"stock_symbol"_s << symbolMessage;
    QTest::newRow("lower-case symbol") << json(with(tick(), u"stock_symbol"_s, u"aapl"_s)) << u"stock_symbol"_s
                                       << symbolMessage;
    QTest::newRow("symbol with space") << json(with(tick(), u"stock_symbol"_s, u"BRK B"_s)) << u"stock_symbol"_s
                                       << symbolMessage;

    // Not records at all.
    QTest::newRow("empty body") << QByteArray() << QString() << u"the request body is empty"_s;
    QTest::newRow("blank body") << QByteArray(" \r\n ") << QString() << u"the request body is empty"_s;
    QTest::newRow("empty array") << QByteArray("[]") << QString() << u"the array holds no records"_s;
    QTest::newRow("number") << QByteArray("42") << QString()
                            << u"the body must be a JSON object, an array of objects or NDJSON"_s;
    QTest::newRow("array of numbers") << QByteArray("[1,2]") << QString() << u"a record must be a JSON object"_s;
    QTest::newRow("truncated") << json(tick()).chopped(3) << QString() << QString();
    QTest::newRow("trailing comma") << QByteArray("{\"stock_symbol\":\"A\",}") << QString() << QString();

    // A field twice: refused rather than resolved silently (parsers disagree on which value wins).
    QByteArray twice = json(tick());
    twice.insert(1, "\"closing_price\":1e9,");
    QTest::newRow("duplicate key") << twice << u"closing_price"_s
                                   << u"closing_price appears more than once in the record"_s;
    QByteArray twiceInArray = "[" + json(tick()) + "," + twice + "]";
    QTest::newRow("duplicate key in an array")
        << twiceInArray << u"closing_price"_s << u"closing_price appears more than once in the record"_s;
    QByteArray otherTwice = json(tick());
    otherTwice.insert(1, "\"note\":\"a\",\"note\":\"b\",");
    QTest::newRow("a key outside the contract twice")
        << otherTwice << u"note"_s << u"note appears more than once in the record"_s;
    // A field of the contract repeated behind many others is still seen.
    QByteArray manyThenTwice = json(tick());
    for (int i = 0; i < 40; ++i)
        manyThenTwice.insert(1, "\"extra" + QByteArray::number(i) + "\":0,");
    manyThenTwice.insert(1, "\"volume\":5,");
    QTest::newRow("duplicate key after 40 others")
        << manyThenTwice << u"volume"_s << u"volume appears more than once in the record"_s;
}

void TestRecordDecoder::invalidRecords()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, message);
    RecordDecoder decoder;
    Model::RecordBatch out;
    const auto error = decoder.decode(body.toStdString(), out);
    QVERIFY(error.has_value());
    QVERIFY(out.empty());
    QCOMPARE(error->field, field);
    if (message.isEmpty())
        QVERIFY2(error->message.startsWith(u"malformed JSON: "_s), qPrintable(error->message));
    else
        QCOMPARE(error->message, message);
    // The error body is JSON naming the problem.
    const QJsonObject reply = QJsonDocument::fromJson(error->toJson()).object();
    QCOMPARE(reply.value(u"error"_s).toString(), error->message);
    if (!field.isEmpty())
        QCOMPARE(reply.value(u"field"_s).toString(), field);
}

void TestRecordDecoder::arrayAndNdjson()
{
    RecordDecoder decoder;
    const QByteArray array = json(tick()) + ',' + json(orderBook()) + ',' + json(economic());
    Model::RecordBatch out;
    QVERIFY(!decoder.decode(QByteArray("[" + array + "]").toStdString(), out));
    QCOMPARE(out.size(), std::size_t(3));

    // NDJSON with and without its content type, with blank lines and CRLF.
    const QByteArray lines = json(tick()) + "\r\n" + json(orderBook()) + "\n\n" + json(economic()) + "\n";
    out.clear();
    QVERIFY(!decoder.decode(lines.toStdString(), out, RecordDecoder::Format::NdJson));
    QCOMPARE(out.size(), std::size_t(3));
    out.clear();
    QVERIFY(!decoder.decode(lines.toStdString(), out, RecordDecoder::Format::Auto));
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(Model::kindOf(out[2]), Model::RecordKind::EconomicIndicator);

    // A bad second line is reported with its index.
    out.clear();
    const QByteArray bad = json(tick()) + "\n{\"stock_symbol\": \n";
    const auto error = decoder.decode(bad.toStdString(), out);
    QVERIFY(error);
    QVERIFY(out.empty());
    QCOMPARE(error->index, qsizetype(1));

    // The decoder is reusable after an error.
    QVERIFY(!decoder.decode(json(tick()).toStdString(), out));
    QCOMPARE(out.size(), std::size_t(1));
}

/// A body with room for the parser's padding is read where it is: what lies past its end never counts, even
/// bytes that would complete it.
void TestRecordDecoder::bodyReadInPlace()
{
    const QByteArray one = json(tick());
    const QList<QByteArray> bodies = {"[" + one + ',' + json(orderBook()) + "]",
                                      one,
                                      one + '\n' + json(economic()),
                                      "[" + one,
                                      "[" + one + ",",
                                      one.left(one.size() - 1)};
    for (const QByteArray &text : bodies) {
        // What follows the body within its memory: the rest of a valid array, as a reused buffer might hold.
        std::string body = QByteArray(text + "]}]}\n" + QByteArray(2 * RecordDecoder::Padding, ']')).toStdString();
        body.resize(std::size_t(text.size()));
        QVERIFY(body.capacity() >= body.size() + RecordDecoder::Padding);

        RecordDecoder decoder;
        Model::RecordBatch inPlace, copied;
        const auto inPlaceError = decoder.decode(body, inPlace);
        const auto copiedError = decoder.decode(std::string_view(text.constData(), std::size_t(text.size())), copied);
        QCOMPARE(bool(inPlaceError), bool(copiedError));
        if (copiedError)
            QCOMPARE(inPlaceError->message, copiedError->message);
        QCOMPARE(inPlace.size(), copied.size());
        QCOMPARE(inPlace.size(), text.startsWith('[') && text.endsWith(']') ? std::size_t(2)
                                 : text == one                              ? std::size_t(1)
                                 : text.contains('\n')                      ? std::size_t(2)
                                                                            : std::size_t(0));
    }
}

void TestRecordDecoder::batchWithOneBadRecordChangesNothing()
{
    // The whole body is refused: the sender fixes one record and sends again,
    // instead of guessing which of its records were kept.
    RecordDecoder decoder;
    QJsonArray batch;
    for (int i = 0; i < 10; ++i)
        batch.append(i == 7 ? with(tick(), u"volume"_s, -1) : tick());
    Model::RecordBatch out;
    out.emplace_back(Model::Tick{}); // earlier content stays as it was
    const auto error = decoder.decode(QJsonDocument(batch).toJson().toStdString(), out);
    QVERIFY(error);
    QCOMPARE(error->index, qsizetype(7));
    QCOMPARE(error->field, u"volume"_s);
    QCOMPARE(out.size(), std::size_t(1));
    const QJsonObject reply = QJsonDocument::fromJson(error->toJson()).object();
    QCOMPARE(reply.value(u"index"_s).toInt(), 7);

    out.clear();
    const QByteArray lines = json(tick()) + '\n' + json(with(orderBook(), u"price"_s, u"x"_s)) + '\n';
    const auto lineError = decoder.decode(lines.toStdString(), out, RecordDecoder::Format::NdJson);
    QVERIFY(lineError);
    QCOMPARE(lineError->index, qsizetype(1));
    QVERIFY(out.empty());
}

void TestRecordDecoder::deeplyNested()
{
    RecordDecoder decoder;
    Model::RecordBatch out;
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    auto error = decoder.decode(deep.toStdString(), out);
    QVERIFY(error);
    QCOMPARE(error->message, u"JSON nested deeper than 64 levels"_s);

    // Nesting inside an ignored field is bounded the same way.
    const QByteArray nested = withRaw(tick(), u"extra"_s, QByteArray(200, '[') + QByteArray(200, ']'));
    error = decoder.decode(nested.toStdString(), out);
    QVERIFY(error);
    QVERIFY(out.empty());
}

void TestRecordDecoder::hugeInput()
{
    RecordDecoder decoder;
    // 100,000 records in one array.
    QByteArray body = "[";
    const QByteArray one = json(tick());
    for (int i = 0; i < 100000; ++i) {
        if (i)
            body += ',';
        body += one;
    }
    body += ']';
    Model::RecordBatch out;
    QVERIFY(!decoder.decode(body.toStdString(), out));
    QCOMPARE(out.size(), std::size_t(100000));

    // A 4 MB string value is decoded as a bad field, not a crash.
    out.clear();
    const auto error = decoder.decode(json(with(tick(), u"stock_symbol"_s, QString(4 << 20, u'A'))).toStdString(), out);
    QVERIFY(error);
    QCOMPARE(error->field, u"stock_symbol"_s);
}

void TestRecordDecoder::symbols_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<bool>("valid");
    QTest::newRow("AAPL") << u"AAPL"_s << true;
    QTest::newRow("BRK.B") << u"BRK.B"_s << true;
    QTest::newRow("^GSPC") << u"^GSPC"_s << true;
    QTest::newRow("EURUSD=X") << u"EURUSD=X"_s << true;
    QTest::newRow("BTC-USD") << u"BTC-USD"_s << true;
    QTest::newRow("16 chars") << u"ABCDEFGHIJKLMNOP"_s << true;
    QTest::newRow("one char") << u"F"_s << true;
    QTest::newRow("unicode") << u"ÄPPL"_s << false;
    QTest::newRow("slash") << u"A/B"_s << false;
}

void TestRecordDecoder::symbols()
{
    QFETCH(QString, symbol);
    QFETCH(bool, valid);
    RecordDecoder decoder;
    Model::RecordBatch out;
    const auto error = decoder.decode(json(with(tick(), u"stock_symbol"_s, symbol)).toStdString(), out);
    QCOMPARE(!error, valid);
    if (valid)
        QCOMPARE(std::get<Model::Tick>(out.front()).symbol.toString(), symbol);
}

QTEST_GUILESS_MAIN(TestRecordDecoder)
#include "tst_recorddecoder.moc"
