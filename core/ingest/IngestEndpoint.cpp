// SPDX-License-Identifier: MIT
#include "IngestEndpoint.h"

#include "RecordDecoder.h"
#include "http/HttpRouter.h"

#include <charconv>
#include <cstring>
#include <iterator>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Ingest {

namespace {

enum class BodyType
{
    Json,
    NdJson,
    Unsupported
};

BodyType bodyType(const QByteArray &contentType)
{
    if (contentType == "application/json") // as nearly every client sends it
        return BodyType::Json;
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray mime = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toLower();
    // No content type is refused too: a web page can send a body without one (or as text/plain) to any
    // address without the browser asking first, and so plant records.
    if (mime == "application/json" || mime == "text/json")
        return BodyType::Json;
    if (mime == "application/x-ndjson" || mime == "application/ndjson" || mime == "application/jsonl" ||
        mime == "application/x-jsonlines")
        return BodyType::NdJson;
    return BodyType::Unsupported;
}

/// `{"accepted":N}`: shared for a single record (no memory handed between threads), else made in one allocation.
QByteArray acceptedBody(std::size_t count)
{
    if (count == 1)
        return QByteArrayLiteral("{\"accepted\":1}");
    constexpr std::string_view Start = "{\"accepted\":";
    char text[Start.size() + 24];
    std::memcpy(text, Start.data(), Start.size());
    char *end = std::to_chars(text + Start.size(), std::end(text) - 1, count).ptr;
    *end++ = '}';
    return QByteArray(text, end - text);
}

RecordDecoder &threadDecoder()
{
    thread_local RecordDecoder decoder;
    return decoder;
}

} // namespace

IngestEndpoint::IngestEndpoint(RecordSink &sink)
    : m_sink(sink)
{}

void IngestEndpoint::reject(const Http::HttpResponder &responder, Http::HttpResponse response)
{
    m_counters.rejected.fetch_add(1, std::memory_order_relaxed);
    responder.send(std::move(response));
}

void IngestEndpoint::handle(Http::HttpRequest &&request, Http::HttpResponder responder)
{
    m_counters.requests.fetch_add(1, std::memory_order_relaxed);
    const BodyType type = bodyType(request.contentType);
    if (type == BodyType::Unsupported) {
        reject(responder,
               Http::HttpResponse::error(
                   415, request.contentType.isEmpty()
                            ? u"missing Content-Type: send application/json or application/x-ndjson"_s
                            : u"unsupported content type \"%1\": send application/json or "
                              u"application/x-ndjson"_s.arg(QString::fromLatin1(request.contentType.left(100)))));
        return;
    }

    static_assert(Http::HttpRequest::BodySlack >= RecordDecoder::Padding, "the body is read where it is");
    Model::RecordBatch records;
    const auto format = type == BodyType::NdJson ? RecordDecoder::Format::NdJson : RecordDecoder::Format::Auto;
    if (auto error = threadDecoder().decode(request.body, records, format)) {
        reject(responder, Http::HttpResponse::json(400, error->toJson()));
        return;
    }

    const auto count = records.size();
    std::array<std::uint64_t, Model::RecordKindCount> kinds{};
    for (const Model::Record &r : records)
        ++kinds[std::size_t(r.index())];

    const auto outcome =
        m_sink.submit(std::move(records), request.receivedNs, [responder, count](const QString &error) {
            if (!error.isEmpty()) {
                responder.send(Http::HttpResponse::error(500, u"records not stored: %1"_s.arg(error)));
                return;
            }
            responder.send(Http::HttpResponse::json(200, acceptedBody(count)));
        });

    if (outcome == RecordSink::Submit::Accepted) {
        m_counters.received.fetch_add(count, std::memory_order_relaxed);
        for (std::size_t k = 0; k < kinds.size(); ++k)
            m_counters.byKind[k].fetch_add(kinds[k], std::memory_order_relaxed);
        return;
    }
    m_counters.saturated.fetch_add(1, std::memory_order_relaxed);
    Http::HttpResponse busy = outcome == RecordSink::Submit::Saturated
                                  ? Http::HttpResponse::error(503, u"ingest queue is full; retry shortly"_s)
                                  : Http::HttpResponse::error(503, u"shutting down"_s);
    busy.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    responder.send(std::move(busy));
}

} // namespace Ingest
