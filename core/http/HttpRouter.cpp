// SPDX-License-Identifier: MIT
#include "HttpRouter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Http {

std::vector<HttpRouter::Entry> &HttpRouter::entriesFor(Routes &routes, const QByteArray &path)
{
    for (auto &[known, entries] : routes)
        if (known == path)
            return entries;
    return routes.emplace_back(path, std::vector<Entry>()).second;
}

const std::vector<HttpRouter::Entry> *HttpRouter::find(const Routes &routes, QByteArrayView path)
{
    for (const auto &[known, entries] : routes)
        if (known == path)
            return &entries;
    return nullptr;
}

void HttpRouter::add(const QByteArray &method, const QByteArray &path, Route route)
{
    entriesFor(m_routes, path).push_back({method, std::move(route)});
}

void HttpRouter::addWithId(const QByteArray &method, const QByteArray &prefix, Route route)
{
    entriesFor(m_idRoutes, prefix).push_back({method, std::move(route)});
}

void HttpRouter::addPrefix(const QByteArray &method, const QByteArray &prefix, Route route)
{
    entriesFor(m_prefixRoutes, prefix).push_back({method, std::move(route)});
}

void HttpRouter::makePublic(const QByteArray &path)
{
    m_public.push_back(path);
}

bool HttpRouter::isPublic(const HttpRequest &request) const
{
    if (request.method != "GET")
        return false;
    return std::any_of(m_public.begin(), m_public.end(), [&](const QByteArray &path) {
        return path.endsWith('/') && path.size() > 1 ? request.path.startsWith(path) : request.path == path;
    });
}

qint64 HttpRouter::idOf(const QByteArray &path)
{
    const QByteArray last = path.mid(path.lastIndexOf('/') + 1);
    if (last.isEmpty() || last.size() > 18 ||
        !std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    return last.toLongLong();
}

void HttpRouter::handle(HttpRequest &&request, HttpResponder responder)
{
    if (const auto *entries = find(m_routes, request.path))
        return dispatch(*entries, std::move(request), responder);
    const auto *byId = find(m_idRoutes, QByteArrayView(request.path).first(request.path.lastIndexOf('/') + 1));
    if (byId && idOf(request.path) >= 0)
        return dispatch(*byId, std::move(request), responder);
    for (const auto &[prefix, entries] : m_prefixRoutes)
        if (request.path.startsWith(prefix) && request.path.size() > prefix.size())
            return dispatch(entries, std::move(request), responder);
    responder.send(HttpResponse::error(404, u"no such endpoint: %1"_s.arg(QString::fromUtf8(request.path.left(200)))));
}

void HttpRouter::dispatch(const std::vector<Entry> &entries, HttpRequest &&request, HttpResponder responder)
{
    QByteArray allow;
    for (const Entry &entry : entries) {
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
