// SPDX-License-Identifier: MIT
#include "SourceFormats.h"

#include "bars/Session.h"
#include "ingest/RecordDecoder.h"
#include "ingest/RecordEncoder.h"
#include "io/OhlcvCsv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace History {

namespace {

/// Hands bars built from a JSON layout to the ingest decoder, so that they meet exactly the rules of /ingest.
class BarSink
{
public:
    BarSink(Model::RecordBatch &out, Io::ImportReport &report)
        : m_out(out)
        , m_report(report)
    {}
    void add(qint64 line, const Model::Tick &tick)
    {
        ++m_report.read;
        m_json.resize(0);
        Ingest::appendJson(tick, m_json);
        if (const auto error =
                m_decoder.decode(std::string_view(m_json.constData(), std::size_t(m_json.size())), m_out))
            m_report.skip(line, error->message);
        else
            ++m_report.accepted;
    }
    void skip(qint64 line, const QString &why)
    {
        ++m_report.read;
        m_report.skip(line, why);
    }

private:
    Model::RecordBatch &m_out;
    Io::ImportReport &m_report;
    Ingest::RecordDecoder m_decoder;
    QByteArray m_json;
};

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

/// "2024-01-05" (a day, begun in `dayZone`) or "2024-01-05 19:55:00" (a wall time in `zone`).
std::optional<Model::TimestampUs> wallTime(const QString &text, const QTimeZone &zone, const QTimeZone &dayZone)
{
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(date, QTime(0, 0), dayZone).toMSecsSinceEpoch() * 1000;
    }
    QDateTime t = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    if (!t.isValid())
        t = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm"_s);
    if (!t.isValid())
        return std::nullopt;
    return QDateTime(t.date(), t.time(), zone).toMSecsSinceEpoch() * 1000;
}

Util::Status readAlphaVantage(const QJsonObject &root, const ReadOptions &options, BarSink &sink)
{
    using S = Util::Status;
    for (const char *key : {"Error Message", "Note", "Information"})
        if (root.contains(QLatin1String(key)))
            return S::failure(u"the source answered: %1"_s.arg(root.value(QLatin1String(key)).toString()));
    QJsonObject series;
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key().startsWith(u"Time Series"_s) && it->isObject())
            series = it->toObject();
    if (series.isEmpty())
        return S::failure(u"no \"Time Series\" in the answer"_s);
    const QJsonObject meta = root.value(u"Meta Data"_s).toObject();
    Model::Symbol symbol = options.symbol;
    QTimeZone zone = options.dayZone;
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        if (it.key().endsWith(u"Symbol"_s))
            Model::Symbol::fromString(it->toString().toUpper(), symbol);
        if (it.key().endsWith(u"Time Zone"_s))
            if (auto named = Bars::timeZoneNamed(it->toString()))
                zone = *named;
    }
    qint64 line = 0;
    for (auto it = series.begin(); it != series.end(); ++it) {
        ++line;
        const QJsonObject row = it->toObject();
        const auto time = wallTime(it.key(), zone, options.dayZone);
        if (!time) {
            sink.skip(line, u"\"%1\" is not a date or time"_s.arg(it.key().left(40)));
            continue;
        }
        Model::Tick tick;
        tick.symbol = symbol;
        tick.timestamp = *time;
        bool ok = true;
        for (auto [suffix, target] : {std::pair{"open", &tick.open}, std::pair{"high", &tick.high},
                                      std::pair{"low", &tick.low}, std::pair{"close", &tick.close}}) {
            std::optional<double> v;
            for (auto f = row.begin(); f != row.end() && !v; ++f)
                if (f.key().endsWith(u". "_s + QLatin1String(suffix)))
                    v = number(*f);
            if (!v) {
                sink.skip(line, u"%1: no %2 price"_s.arg(it.key(), QLatin1String(suffix)));
                ok = false;
                break;
            }
            *target = *v;
        }
        if (!ok)
            continue;
        for (auto f = row.begin(); f != row.end(); ++f)
            if (f.key().endsWith(u". volume"_s))
                if (auto v = number(*f); v && *v >= 0 && *v < 9e15)
                    tick.volume = std::int64_t(std::llround(*v));
        sink.add(line, tick);
    }
    return {};
}

Util::Status readYahooChart(const QJsonObject &root, const ReadOptions &options, BarSink &sink)
{
    using S = Util::Status;
    const QJsonObject chart = root.value(u"chart"_s).toObject();
    if (const QJsonObject error = chart.value(u"error"_s).toObject(); !error.isEmpty())
        return S::failure(u"the source answered: %1 %2"_s.arg(error.value(u"code"_s).toString(),
                                                              error.value(u"description"_s).toString()));
    const QJsonObject result = chart.value(u"result"_s).toArray().at(0).toObject();
    const QJsonArray times = result.value(u"timestamp"_s).toArray();
    const QJsonObject quote = result.value(u"indicators"_s).toObject().value(u"quote"_s).toArray().at(0).toObject();
    if (result.isEmpty() || quote.isEmpty())
        return S::failure(u"no chart.result[0] with indicators.quote in the answer"_s);
    Model::Symbol symbol = options.symbol;
    Model::Symbol::fromString(result.value(u"meta"_s).toObject().value(u"symbol"_s).toString().toUpper(), symbol);
    const QJsonArray columns[] = {quote.value(u"open"_s).toArray(), quote.value(u"high"_s).toArray(),
                                  quote.value(u"low"_s).toArray(), quote.value(u"close"_s).toArray(),
                                  quote.value(u"volume"_s).toArray()};
    for (qsizetype i = 0; i < times.size(); ++i) {
        const qint64 line = i + 1;
        Model::Tick tick;
        tick.symbol = symbol;
        tick.timestamp = Model::TimestampUs(times.at(i).toDouble() * 1e6);
        double values[5] = {};
        bool ok = times.at(i).isDouble();
        for (int c = 0; c < 5 && ok; ++c) {
            const QJsonValue v = columns[c].at(i);
            ok = c == 4 ? (v.isDouble() || v.isNull()) : v.isDouble();
            values[c] = v.toDouble();
        }
        if (!ok) {
            sink.skip(line, u"row %1 has no price (null or missing)"_s.arg(line));
            continue;
        }
        tick.open = values[0];
        tick.high = values[1];
        tick.low = values[2];
        tick.close = values[3];
        tick.volume = std::int64_t(std::llround(std::clamp(values[4], 0.0, 9e15)));
        sink.add(line, tick);
    }
    return {};
}

Util::Status readTickDeskBars(const QJsonArray &rows, const ReadOptions &options, BarSink &sink)
{
    qint64 line = 0;
    for (const QJsonValue &value : rows) {
        ++line;
        const QJsonObject row = value.toObject();
        if (row.value(u"forming"_s).toBool())
            continue; // still taking records at the source: a later fill brings it whole
        Model::Tick tick;
        tick.symbol = options.symbol;
        bool ok = row.value(u"time"_s).isDouble();
        tick.timestamp = Model::TimestampUs(std::llround(row.value(u"time"_s).toDouble() * 1e6));
        for (auto [name, target] : {std::pair{u"open"_s, &tick.open}, std::pair{u"high"_s, &tick.high},
                                    std::pair{u"low"_s, &tick.low}, std::pair{u"close"_s, &tick.close}}) {
            ok = ok && row.value(name).isDouble();
            *target = row.value(name).toDouble();
        }
        if (!ok) {
            sink.skip(line, u"bar %1 has no time or price"_s.arg(line));
            continue;
        }
        tick.volume = std::int64_t(std::llround(std::clamp(row.value(u"volume"_s).toDouble(), 0.0, 9e15)));
        sink.add(line, tick);
    }
    return {};
}

Util::Status readRecords(QByteArrayView body, Model::RecordBatch &out, Io::ImportReport &report)
{
    Ingest::RecordDecoder decoder;
    const auto error =
        decoder.decodeLenient(std::string_view(body.data(), std::size_t(body.size())), out,
                              [&report](const Ingest::DecodeError &e) { report.skip(e.index + 1, e.message); });
    if (error)
        return Util::Status::failure(error->message);
    report.accepted = qint64(out.size());
    report.read = report.accepted + report.skipped;
    return {};
}

} // namespace

Format detectFormat(QByteArrayView body)
{
    const QByteArrayView text = body.trimmed();
    if (text.isEmpty() || (text.front() != '{' && text.front() != '['))
        return Format::Csv;
    const QByteArrayView head = text.first(std::min<qsizetype>(text.size(), 4096));
    if (text.front() == '{') {
        if (head.contains("\"Meta Data\"") || head.contains("\"Error Message\"") || head.contains("\"Time Series") ||
            (head.contains("\"Note\"") && !head.contains("stock_symbol")) ||
            (head.contains("\"Information\"") && !head.contains("stock_symbol")))
            return Format::AlphaVantage;
        if (head.contains("\"chart\""))
            return Format::YahooChart;
    } else if (head.contains("\"forming\"") && head.contains("\"records\"") && !head.contains("stock_symbol")) {
        return Format::TickDeskBars;
    }
    return Format::Json;
}

Util::Status readAnswer(QByteArrayView body, const ReadOptions &options, Model::RecordBatch &out,
                        Io::ImportReport &report)
{
    using S = Util::Status;
    if (body.trimmed().isEmpty())
        return S::failure(u"the answer is empty"_s);
    const Format format = options.format == Format::Auto ? detectFormat(body) : options.format;
    report = {};
    Model::RecordBatch records;
    S status;
    if (format == Format::Csv) {
        report.format = u"CSV"_s;
        Io::ImportOptions csv;
        csv.symbol = options.symbol.toString();
        csv.dayZone = options.dayZone;
        const std::atomic<bool> cancel{false};
        status = Io::readOhlcvCsv(body, csv, records, report, cancel, {});
        // A request for one symbol answers for it, whatever the file calls it (Stooq's AAPL.US).
        if (options.onlyAsked && !options.symbol.view().empty())
            for (Model::Record &r : records)
                if (auto *tick = std::get_if<Model::Tick>(&r))
                    tick->symbol = options.symbol;
    } else if (format == Format::Json) {
        report.format = u"JSON"_s;
        status = readRecords(body, records, report);
    } else {
        // Another TickDesk's bars come as an array, the market-data APIs' answers as an object.
        report.format = u"JSON"_s;
        const bool array = format == Format::TickDeskBars;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
        if (array ? !doc.isArray() : !doc.isObject())
            return S::failure(error.error != QJsonParseError::NoError
                                  ? u"not JSON: %1 at byte %2"_s.arg(error.errorString()).arg(error.offset)
                              : array ? u"not a JSON array of bars"_s
                                      : u"not a JSON object"_s);
        BarSink sink(records, report);
        status = array                            ? readTickDeskBars(doc.array(), options, sink)
                 : format == Format::AlphaVantage ? readAlphaVantage(doc.object(), options, sink)
                                                  : readYahooChart(doc.object(), options, sink);
    }
    if (!status)
        return status;

    // Only price bars, of the symbol asked for when the request named one.
    const std::size_t before = out.size();
    qint64 position = 0;
    for (Model::Record &record : records) {
        ++position;
        auto *tick = std::get_if<Model::Tick>(&record);
        if (!tick) {
            --report.accepted;
            report.skip(position, u"not a price bar (only bars are taken from a history source)"_s);
        } else if (options.onlyAsked && !options.symbol.view().empty() && tick->symbol != options.symbol) {
            --report.accepted;
            report.skip(position,
                        u"a bar of %1, but %2 was asked for"_s.arg(tick->symbol.toString(), options.symbol.toString()));
        } else {
            out.push_back(std::move(record));
        }
    }
    // Another TickDesk answers [] for a span it holds nothing of (a symbol of another node): no bars, no error.
    if (out.size() == before && format == Format::TickDeskBars && report.skipped == 0)
        return {};
    if (out.size() == before)
        return S::failure(report.skipped > 0 ? u"no valid bar in the answer (%1)"_s.arg(report.problems.front().message)
                                             : u"no bar in the answer"_s);
    const auto older = [](const Model::Record &a, const Model::Record &b) {
        return std::get<Model::Tick>(a).timestamp < std::get<Model::Tick>(b).timestamp;
    };
    std::stable_sort(out.begin() + std::ptrdiff_t(before), out.end(), older);
    return {};
}

} // namespace History
