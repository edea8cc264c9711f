// SPDX-License-Identifier: MIT
#include "StaticFiles.h"

#include <QCryptographicHash>
#include <QUrlQuery>

#include <algorithm>

namespace Web {

void StaticFiles::add(const QByteArray &path, QByteArray body, const QByteArray &contentType)
{
    File file;
    file.version = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(16);
    file.body = std::move(body);
    file.contentType = contentType;
    m_files.insert(path, std::move(file));
}

const StaticFiles::File *StaticFiles::find(const QByteArray &path) const
{
    const auto it = m_files.constFind(path);
    return it == m_files.cend() ? nullptr : &*it;
}

QByteArray StaticFiles::versioned(const QByteArray &path) const
{
    const File *file = find(path);
    return file ? path + "?v=" + file->version : path;
}

Http::HttpResponse StaticFiles::respond(const File &file, const Http::HttpRequest &request)
{
    Http::HttpResponse response;
    const QByteArray etag = '"' + file.version + '"';
    // A link with the current version never changes under that name: keep it a year. Anything else (the
    // page itself, an old version) is asked about again each time; the ETag makes that a 304.
    const bool current =
        QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("v")).toLatin1() == file.version;
    response.headers.append({QByteArrayLiteral("ETag"), etag});
    response.headers.append(
        {QByteArrayLiteral("Cache-Control"),
         current ? QByteArrayLiteral("public, max-age=31536000, immutable") : QByteArrayLiteral("no-cache")});
    addSafetyHeaders(response);
    const QList<QByteArray> cached = request.ifNoneMatch.split(',');
    if (std::any_of(cached.begin(), cached.end(), [&](const QByteArray &tag) { return tag.trimmed() == etag; })) {
        response.status = 304;
        response.contentType = file.contentType;
        return response;
    }
    response.contentType = file.contentType;
    response.body = file.body;
    return response;
}

void addSafetyHeaders(Http::HttpResponse &response)
{
    response.headers.append({QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
    response.headers.append({QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")});
    response.headers.append({QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
}

} // namespace Web
