// SPDX-License-Identifier: MIT
#pragma once

#include "HttpMessage.h"

#include <QtGlobal>

namespace Http {

class IoWorker;

/// Sends the response to one request, now or later, from any thread. Responses
/// leave the connection in request order whatever order they are sent in.
/// A responder must be used once, before the server is stopped.
class HttpResponder final
{
public:
    HttpResponder() = default;
    HttpResponder(IoWorker *worker, quint64 connection, quint64 sequence)
        : m_worker(worker)
        , m_connection(connection)
        , m_sequence(sequence)
    {}

    void send(HttpResponse response) const;

private:
    IoWorker *m_worker = nullptr;
    quint64 m_connection = 0;
    quint64 m_sequence = 0;
};

/// Answers requests. Called on the I/O threads, possibly from several at once.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual void handle(HttpRequest &&request, HttpResponder responder) = 0;
    /// Whether `request` may be answered without the access token (pages that hold no data, which a browser
    /// must load before it can ask the trader for the token).
    virtual bool isPublic(const HttpRequest &) const { return false; }
};

} // namespace Http
