// SPDX-License-Identifier: MIT
#include "HttpRequestParser.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
namespace http = boost::beast::http;

namespace Http {

namespace {

QByteArray toBytes(boost::beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

/// The method's name, shared for the usual ones (no copy made per request).
QByteArray methodName(http::verb method, boost::beast::string_view text)
{
    switch (method) {
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
        return toBytes(text);
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

/// Boost.Beast's parser, handing each part of a request straight to an HttpRequest: the fields the server reads
/// are kept as they come, the others passed over, with no table of all of them built and torn down per request.
class HttpRequestParser::Reader final : public http::basic_parser<true>
{
public:
    Reader(QByteArray &lastTarget, QByteArray &lastHost)
        : m_lastTarget(lastTarget)
        , m_lastHost(lastHost)
    {}

    HttpRequest request;
    int transferEncodings = 0;
    QByteArray transferEncoding; ///< the first given

private:
    using StringView = boost::beast::string_view;
    using ErrorCode = boost::beast::error_code;

    void on_request_impl(http::verb method, StringView methodText, StringView target, int, ErrorCode &) override
    {
        request.method = methodName(method, methodText);
        const QByteArray &whole = shared(m_lastTarget, target);
        const qsizetype q = whole.indexOf('?');
        request.path = q < 0 ? whole : whole.left(q);
        if (q >= 0)
            request.query = whole.mid(q + 1);
    }

    void on_response_impl(int, StringView, int, ErrorCode &) override {}

    void on_field_impl(http::field name, StringView nameText, StringView value, ErrorCode &) override
    {
        // The first of each name kept, as a lookup by name would find it.
        switch (name) {
        case http::field::content_type:
            if (first(ContentType))
                request.contentType = contentTypeOf(value);
            break;
        case http::field::authorization:
            if (first(Authorization))
                request.authorization = toBytes(value);
            break;
        case http::field::host:
            if (first(Host))
                request.host = shared(m_lastHost, value);
            break;
        case http::field::origin:
            if (first(Origin))
                request.origin = toBytes(value);
            break;
        case http::field::if_none_match:
            if (first(IfNoneMatch))
                request.ifNoneMatch = toBytes(value);
            break;
        case http::field::transfer_encoding:
            if (transferEncodings++ == 0)
                transferEncoding = toBytes(value);
            break;
        case http::field::unknown:
            if (boost::beast::iequals(nameText, "X-TickDesk-Token") && first(Token))
                request.token = toBytes(value);
            break;
        default:
            break;
        }
    }

    void on_header_impl(ErrorCode &) override {}

    void on_body_init_impl(const boost::optional<std::uint64_t> &length, ErrorCode &) override
    {
        if (length) // within the body limit: the parser refused a longer one before this
            request.body.reserve(std::size_t(*length) + HttpRequest::BodySlack);
    }

    std::size_t on_body_impl(StringView body, ErrorCode &) override
    {
        request.body.append(body.data(), body.size());
        return body.size();
    }

    void on_chunk_header_impl(std::uint64_t, StringView, ErrorCode &) override {}

    std::size_t on_chunk_body_impl(std::uint64_t, StringView body, ErrorCode &ec) override
    {
        return on_body_impl(body, ec);
    }

    void on_finish_impl(ErrorCode &) override
    {
        // The slack is zeroed within the capacity reserved above (a chunked body may grow once more here).
        if (std::string &body = request.body; !body.empty()) {
            const std::size_t size = body.size();
            body.append(HttpRequest::BodySlack, '\0');
            body.resize(size);
        }
    }

    enum Seen : unsigned
    {
        ContentType = 1,
        Authorization = 2,
        Token = 4,
        Host = 8,
        Origin = 16,
        IfNoneMatch = 32
    };

    bool first(Seen which) { return (std::exchange(m_seen, m_seen | which) & which) == 0; }

    QByteArray &m_lastTarget;
    QByteArray &m_lastHost;
    unsigned m_seen = 0;
};

struct HttpRequestParser::Impl
{
    std::optional<Reader> parser;
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
    d->parser.emplace(m_lastTarget, m_lastHost); // a fresh parser in the same place: no allocation for it
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
            QString::fromLatin1(d->parser->transferEncoding.left(100)));
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
    const Reader &reader = *d->parser;
    return reader.transferEncodings == 0 ||
           (reader.transferEncodings == 1 && reader.transferEncoding.trimmed().toLower() == "chunked");
}

HttpRequest HttpRequestParser::take()
{
    HttpRequest request = std::move(d->parser->request);
    request.keepAlive = d->parser->keep_alive();
    reset();
    return request;
}

} // namespace Http
