// SPDX-License-Identifier: MIT
#pragma once

#include "HttpResponder.h"

#include <QByteArray>

#include <functional>
#include <vector>

namespace Http {

/// Dispatches by exact path and method, or by a path prefix followed by a numeric id ("/api/alerts/12");
/// answers 404 for an unknown path and 405 with `Allow` for a known path asked with another method.
/// Routes are added before the server starts and never change afterwards.
class HttpRouter final : public HttpHandler
{
public:
    using Route = std::function<void(HttpRequest &&, HttpResponder)>;

    void add(const QByteArray &method, const QByteArray &path, Route route);
    /// A route for `prefix` followed by a whole number ("/api/alerts/" and "12"); the route reads the id from
    /// the request's path (idOf).
    void addWithId(const QByteArray &method, const QByteArray &prefix, Route route);
    /// A route for every path under `prefix` ("/monitor/" and "AAPL") not matched otherwise.
    void addPrefix(const QByteArray &method, const QByteArray &prefix, Route route);
    /// Marks `path` (or, ending in '/', every path under it) as answered without the access token, for GET.
    void makePublic(const QByteArray &path);
    /// The number after the last '/' of a path; -1 when there is none.
    static qint64 idOf(const QByteArray &path);
    void handle(HttpRequest &&request, HttpResponder responder) override;
    bool isPublic(const HttpRequest &request) const override;

private:
    struct Entry
    {
        QByteArray method;
        Route route;
    };
    /// A few dozen paths: compared in turn (length first), which costs less than hashing the path.
    using Routes = std::vector<std::pair<QByteArray, std::vector<Entry>>>;
    static std::vector<Entry> &entriesFor(Routes &routes, const QByteArray &path);
    static const std::vector<Entry> *find(const Routes &routes, QByteArrayView path);
    void dispatch(const std::vector<Entry> &entries, HttpRequest &&request, HttpResponder responder);

    Routes m_routes;
    Routes m_idRoutes; ///< by prefix
    Routes m_prefixRoutes;
    std::vector<QByteArray> m_public;
};

} // namespace Http
