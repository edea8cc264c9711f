// SPDX-License-Identifier: MIT
#include "HttpRequestParser.h"

#include "util/PooledAllocator.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
namespace http = boost::beast::http;

namespace Http {

namespace {

// A request's header fields (one allocation each, and the target's) are freed again once the request is taken:
// their memory is kept by the I/O thread for the next request's.
using Fields = http::basic_fields<Util::PooledAllocator<char>>;
using Message = http::request<http::string_body, Fields>;

QByteArray toBytes(boost::beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

/// The method's name, shared for the usual ones (no copy made per request).
QByteArray methodName(const Message &message)
{
    switch (message.method()) {
    case http::verb::get:
        return QByteArrayLiteral("GET");
    case http::verb::post:
        return QByteArrayLiteral("POST");
    case http::verb::put:
        return QByteArrayLiteral("PUT");
    case http::verb::delete_:
        return QByteArrayLiteral("DELETE");
    case http::verb::head:
        return QByteArrayLiteral("HEAD");
    case http::verb::options:
        return QByteArrayLiteral("OPTIONS");
    case http::verb::patch:
        return QByteArrayLiteral("PATCH");
    default:
        return toBytes(message.method_string());
    }
}

/// `value`, as `last` when it repeats it (a shared copy, no allocation); `last` then holds it.
const QByteArray &shared(QByteArray &last, boost::beast::string_view value)
{
    if (QByteArrayView(value.data(), qsizetype(value.size())) != last)
        last = toBytes(value);
    return last;
}

QByteArray contentTypeOf(boost::beast::string_view value)
{
    if (value == "application/json")
        return QByteArrayLiteral("application/json");
    return toBytes(value);
}

} // namespace

struct HttpRequestParser::Impl
{
    std::optional<http::request_parser<http::string_body, Util::PooledAllocator<char>>> parser;
};

HttpRequestParser::HttpRequestParser(std::size_t headerLimit, std::size_t bodyLimit)
    : m_headerLimit(headerLimit)
    , m_bodyLimit(bodyLimit)
{
    reset();
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::reset()
{
    if (!d)
        d = std::make_unique<Impl>();
    d->parser.emplace(); // a fresh parser in the same place: a request costs no allocation for it
    d->parser->header_limit(std::uint32_t(m_headerLimit));
    d->parser->body_limit(m_bodyLimit);
    d->parser->eager(true);
    m_inProgress = false;
}

HttpRequestParser::State HttpRequestParser::feed(const char *data, std::size_t size, std::size_t &consumed)
{
    consumed = 0;
    if (size == 0)
        return State::NeedMore;
    m_inProgress = true;
    boost::beast::error_code ec;
    consumed = d->parser->put(boost::asio::const_buffer(data, size), ec);
    if ((!ec || ec == http::error::need_more) && d->parser->is_header_done() && !transferEncodingSupported()) {
        // Only "chunked" (or nothing) tells where a body ends; with any other coding the next bytes could
        // be taken for a request of their own (request smuggling). Refused, and the connection closes.
        m_errorStatus = 400;
        m_errorMessage = u"unsupported Transfer-Encoding \"%1\": send a Content-Length or chunked"_s.arg(
            QString::fromLatin1(toBytes(d->parser->get()[http::field::transfer_encoding]).left(100)));
        return State::Error;
    }
    if (ec == http::error::need_more)
        return State::NeedMore;
    if (ec) {
        if (ec == http::error::body_limit) {
            m_errorStatus = 413;
            m_errorMessage = u"request body larger than the limit of %1 bytes"_s.arg(m_bodyLimit);
        } else if (ec == http::error::header_limit) {
            m_errorStatus = 431;
            m_errorMessage = u"request header larger than the limit of %1 bytes"_s.arg(m_headerLimit);
        } else {
            m_errorStatus = 400;
            m_errorMessage = u"malformed HTTP request: %1"_s.arg(QString::fromStdString(ec.message()));
        }
        return State::Error;
    }
    return d->parser->is_done() ? State::Complete : State::NeedMore;
}

bool HttpRequestParser::headerDone() const
{
    return d->parser->is_header_done();
}

bool HttpRequestParser::transferEncodingSupported() const
{
    const auto &header = d->parser->get();
    const auto count = header.count(http::field::transfer_encoding);
    if (count == 0)
        return true;
    return count == 1 && toBytes(header[http::field::transfer_encoding]).trimmed().toLower() == "chunked";
}

HttpRequest HttpRequestParser::take()
{
    auto message = d->parser->release();
    HttpRequest request;
    request.method = methodName(message);
    const QByteArray target = shared(m_lastTarget, message.target());
    const qsizetype q = target.indexOf('?');
    request.path = q < 0 ? target : target.left(q);
    if (q >= 0)
        request.query = target.mid(q + 1);
    // One walk over the fields, the first of each name kept (as a lookup by name would find it).
    enum Seen : unsigned
    {
        ContentType = 1,
        Authorization = 2,
        Token = 4,
        Host = 8,
        Origin = 16,
        IfNoneMatch = 32
    };
    unsigned seen = 0;
    const auto keep = [&seen](Seen which, QByteArray &into, QByteArray value) {
        if ((std::exchange(seen, seen | which) & which) == 0)
            into = std::move(value);
    };
    for (const auto &field : message) {
        switch (field.name()) {
        case http::field::content_type:
            keep(ContentType, request.contentType, contentTypeOf(field.value()));
            break;
        case http::field::authorization:
            keep(Authorization, request.authorization, toBytes(field.value()));
            break;
        case http::field::host:
            keep(Host, request.host, shared(m_lastHost, field.value()));
            break;
        case http::field::origin:
            keep(Origin, request.origin, toBytes(field.value()));
            break;
        case http::field::if_none_match:
            keep(IfNoneMatch, request.ifNoneMatch, toBytes(field.value()));
            break;
        case http::field::unknown:
            if (boost::beast::iequals(field.name_string(), "X-TickDesk-Token"))
                keep(Token, request.token, toBytes(field.value()));
            break;
        default:
            break;
        }
    }
    request.keepAlive = message.keep_alive();
    request.body = std::move(message.body());
    reset();
    return request;
}

} // namespace Http
