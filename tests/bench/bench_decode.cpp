// SPDX-License-Identifier: MIT
// Decode-only throughput of the data contract: TickDesk's decoder (simdjson)
// against the same work done with QJsonDocument, on one core.
#include "BenchData.h"
#include "ingest/RecordDecoder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

/// The same validation work on QJsonDocument, so the comparison is fair.
std::size_t decodeWithQJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const auto one = [](const QJsonObject &o) {
        const QString symbol = o.value(u"stock_symbol"_s).toString();
        const double open = o.value(u"opening_price"_s).toDouble();
        const double close = o.value(u"closing_price"_s).toDouble();
        const double high = o.value(u"high"_s).toDouble();
        const double low = o.value(u"low"_s).toDouble();
        const qint64 volume = o.value(u"volume"_s).toInteger();
        const double ts = o.value(u"timestamp"_s).toDouble();
        return !symbol.isEmpty() && open > 0 && close > 0 && high >= low && volume >= 0 && ts > 0;
    };
    if (doc.isObject())
        return one(doc.object()) ? 1 : 0;
    std::size_t n = 0;
    for (const QJsonValue &v : doc.array())
        n += one(v.toObject()) ? 1 : 0;
    return n;
}

template<typename F>
double recordsPerSecond(const std::vector<std::string> &bodies, std::size_t recordsPerBody, F &&decode)
{
    // Warm up, then run for about a second.
    for (std::size_t i = 0; i < std::min<std::size_t>(bodies.size(), 100); ++i)
        decode(bodies[i]);
    QElapsedTimer timer;
    timer.start();
    std::size_t records = 0;
    std::size_t i = 0;
    while (timer.nsecsElapsed() < 1'000'000'000LL) {
        const std::size_t n = decode(bodies[i++ % bodies.size()]);
        if (n != recordsPerBody) {
            std::fprintf(stderr, "decode failed\n");
            std::exit(1);
        }
        records += n;
    }
    return double(records) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main()
{
    std::mt19937_64 rng(42);
    std::vector<std::string> singles;
    for (int i = 0; i < 10000; ++i)
        singles.push_back(Bench::tickJson(rng).toStdString());
    std::vector<std::string> arrays;
    std::vector<std::string> lines;
    for (int b = 0; b < 20; ++b) {
        QByteArray array = "[";
        QByteArray ndjson;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray t = Bench::tickJson(rng);
            array += (i ? "," : "") + t;
            ndjson += t + '\n';
        }
        arrays.push_back(QByteArray(array + "]").toStdString());
        lines.push_back(ndjson.toStdString());
    }

    Ingest::RecordDecoder decoder;
    Model::RecordBatch out;
    out.reserve(1000);
    const auto tickdesk = [&](const std::string &body) {
        out.clear();
        return decoder.decode(body, out) ? 0 : out.size();
    };
    const auto tickdeskLines = [&](const std::string &body) {
        out.clear();
        return decoder.decode(body, out, Ingest::RecordDecoder::Format::NdJson) ? 0 : out.size();
    };
    const auto qjson = [](const std::string &body) { return decodeWithQJson(QByteArray::fromStdString(body)); };

    std::printf("decode (one core, records/s; body size %zu bytes per record)\n", singles.front().size());
    std::printf("  %-34s %12.0f\n", "TickDesk decoder, one object/body", recordsPerSecond(singles, 1, tickdesk));
    std::printf("  %-34s %12.0f\n", "QJsonDocument, one object/body", recordsPerSecond(singles, 1, qjson));
    std::printf("  %-34s %12.0f\n", "TickDesk decoder, array of 1000", recordsPerSecond(arrays, 1000, tickdesk));
    std::printf("  %-34s %12.0f\n", "QJsonDocument, array of 1000", recordsPerSecond(arrays, 1000, qjson));
    std::printf("  %-34s %12.0f\n", "TickDesk decoder, NDJSON of 1000", recordsPerSecond(lines, 1000, tickdeskLines));
    return 0;
}
