// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpMessage.h"

#include <QByteArray>
#include <QHash>

namespace Web {

/// Files served as they are, each with its content type and a version (a hash of its bytes, also its ETag).
/// A request that names the current version (`?v=`) may be cached for good; any other is revalidated.
class StaticFiles final
{
public:
    struct File
    {
        QByteArray body;
        QByteArray contentType;
        QByteArray version;
    };

    /// Adds (or replaces) the file served at `path`.
    void add(const QByteArray &path, QByteArray body, const QByteArray &contentType);
    const File *find(const QByteArray &path) const;
    /// `path` with its version appended, for links that may be cached for good.
    QByteArray versioned(const QByteArray &path) const;
    /// The answer to a GET of `file`: 304 when the browser's copy is current, else the file.
    static Http::HttpResponse respond(const File &file, const Http::HttpRequest &request);

private:
    QHash<QByteArray, File> m_files;
};

/// Headers every page and file of the monitor carries: no sniffing, no framing, no referrer.
void addSafetyHeaders(Http::HttpResponse &response);

} // namespace Web
