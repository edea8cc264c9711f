// SPDX-License-Identifier: MIT
#pragma once

#include "HttpMessage.h"

#include <QString>

#include <cstddef>
#include <memory>

namespace Http {

/// Incremental HTTP/1.1 request parser (Boost.Beast underneath, kept out of
/// this header). Limits are enforced while reading: a body announced larger
/// than the limit fails as soon as the header is complete, before any of it
/// is buffered.
class HttpRequestParser final
{
public:
    enum class State
    {
        NeedMore,
        Complete,
        Error
    };

    HttpRequestParser(std::size_t headerLimit, std::size_t bodyLimit);
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    /// Feeds bytes; `consumed` tells how many were used. Bytes not consumed
    /// must be offered again, followed by more, on the next call.
    State feed(const char *data, std::size_t size, std::size_t &consumed);

    /// After Complete: the request. The parser is then ready for the next one.
    HttpRequest take();

    /// After Error: the status to answer with (400, 413, 431) and why.
    int errorStatus() const noexcept { return m_errorStatus; }
    const QString &errorMessage() const noexcept { return m_errorMessage; }

    /// True once any byte of the current request has been read.
    bool inProgress() const noexcept { return m_inProgress; }
    /// Whether the current request's headers are complete (its body may still be coming).
    bool headerDone() const;

private:
    void reset();
    bool transferEncodingSupported() const;

    class Reader;
    struct Impl;
    std::unique_ptr<Impl> d;
    std::size_t m_headerLimit;
    std::size_t m_bodyLimit;
    // The previous request's target and host: the next one repeating them (as a client's requests do) shares
    // them instead of copying its own.
    QByteArray m_lastTarget;
    QByteArray m_lastHost;
    int m_errorStatus = 0;
    QString m_errorMessage;
    bool m_inProgress = false;
};

} // namespace Http
