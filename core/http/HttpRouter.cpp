// SPDX-License-Identifier: MIT
#include "HttpRouter.h"

using namespace Qt::StringLiterals;

namespace Http {

void HttpRouter::add(const QByteArray &method, const QByteArray &path, Route route)
{
    m_routes[path].push_back({method, std::move(route)});
}

void HttpRouter::handle(HttpRequest &&request, HttpResponder responder)
{
    const auto it = m_routes.constFind(request.path);
    if (it == m_routes.cend()) {
        responder.send(
            HttpResponse::error(404, u"no such endpoint: %1"_s.arg(QString::fromUtf8(request.path.left(200)))));
        return;
    }
    QByteArray allow;
    for (const Entry &entry : *it) {
        if (entry.method == request.method) {
            entry.route(std::move(request), responder);
            return;
        }
        if (!allow.isEmpty())
            allow += ", ";
        allow += entry.method;
    }
    HttpResponse response =
        HttpResponse::error(405, u"%1 does not accept %2; use %3"_s.arg(QString::fromUtf8(request.path),
                                                                        QString::fromUtf8(request.method.left(20)),
                                                                        QString::fromLatin1(allow)));
    response.headers.append({QByteArrayLiteral("Allow"), allow});
    responder.send(std::move(response));
}

} // namespace Http
