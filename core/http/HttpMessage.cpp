// SPDX-License-Identifier: MIT
#include "HttpMessage.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cstring>
#include <iterator>
#include <string_view>

namespace Http {

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    return json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact));
}

void HttpResponse::appendTo(QByteArray &out, bool closeConnection) const
{
    // Measured and copied in once: appending piece by piece went through QByteArray's general insert for each
    // of a dozen pieces, a noticeable share of a single-record request's cost.
    char statusText[12];
    const auto statusEnd = std::to_chars(std::begin(statusText), std::end(statusText), status).ptr;
    char lengthText[24];
    const auto lengthEnd = std::to_chars(std::begin(lengthText), std::end(lengthText), body.size()).ptr;
    const std::string_view reason = reasonPhrase(status);
    constexpr std::string_view Start = "HTTP/1.1 ",
                               TypeName = "\r\nContent-Type: ", LengthName = "\r\nContent-Length: ", Separator = ": ",
                               LineEnd = "\r\n", Close = "\r\nConnection: close", End = "\r\n\r\n";
    qsizetype size = qsizetype(Start.size()) + (statusEnd - statusText) + 1 + qsizetype(reason.size()) +
                     qsizetype(TypeName.size()) + contentType.size() + qsizetype(LengthName.size()) +
                     (lengthEnd - lengthText) + (closeConnection ? qsizetype(Close.size()) : 0) +
                     qsizetype(End.size()) + body.size();
    for (const auto &[name, value] : headers)
        size += qsizetype(LineEnd.size() + Separator.size()) + name.size() + value.size();

    const qsizetype start = out.size();
    out.resize(start + size);
    char *at = out.data() + start;
    const auto put = [&at](const char *data, std::size_t length) {
        std::memcpy(at, data, length);
        at += length;
    };
    const auto putText = [&put](std::string_view text) { put(text.data(), text.size()); };
    const auto putBytes = [&put](const QByteArray &bytes) { put(bytes.constData(), std::size_t(bytes.size())); };
    putText(Start);
    put(statusText, std::size_t(statusEnd - statusText));
    put(" ", 1);
    putText(reason);
    putText(TypeName);
    putBytes(contentType);
    putText(LengthName);
    put(lengthText, std::size_t(lengthEnd - lengthText));
    for (const auto &[name, value] : headers) {
        putText(LineEnd);
        putBytes(name);
        putText(Separator);
        putBytes(value);
    }
    if (closeConnection)
        putText(Close);
    putText(End);
    putBytes(body);
    Q_ASSERT(at == out.constData() + out.size());
}

const char *reasonPhrase(int status) noexcept
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace Http
