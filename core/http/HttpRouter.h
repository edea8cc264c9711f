// SPDX-License-Identifier: MIT
#pragma once

#include "HttpResponder.h"

#include <QByteArray>
#include <QHash>

#include <functional>
#include <vector>

namespace Http {

/// Dispatches by exact path and method; answers 404 for an unknown path and
/// 405 with `Allow` for a known path asked with another method.
/// Routes are added before the server starts and never change afterwards.
class HttpRouter final : public HttpHandler
{
public:
    using Route = std::function<void(HttpRequest &&, HttpResponder)>;

    void add(const QByteArray &method, const QByteArray &path, Route route);
    void handle(HttpRequest &&request, HttpResponder responder) override;

private:
    struct Entry
    {
        QByteArray method;
        Route route;
    };
    QHash<QByteArray, std::vector<Entry>> m_routes;
};

} // namespace Http
