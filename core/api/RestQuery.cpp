// SPDX-License-Identifier: MIT
#include "RestQuery.h"

#include "bars/Session.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

#include <memory>

using namespace Qt::StringLiterals;

namespace Api::Rest {

namespace {

/// One read-only connection per reader thread, opened on first use.
Storage::SqliteDatabase *readerFor(const QString &path)
{
    thread_local std::unique_ptr<Storage::SqliteDatabase> db;
    thread_local QString openedPath;
    if (!db || openedPath != path) {
        auto opened = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
        if (!opened)
            return nullptr;
        db = std::move(*opened);
        openedPath = path;
    }
    return db.get();
}

} // namespace

QString query(const QString &databasePath, const std::function<Util::Status(Storage::SqliteDatabase &)> &run)
{
    Storage::SqliteDatabase *db = readerFor(databasePath);
    if (!db)
        return u"the database cannot be read"_s;
    const Util::Status status = run(*db);
    return status ? QString() : status.error();
}

QString timeZone(const QUrlQuery &q, QTimeZone &out)
{
    if (!q.hasQueryItem(u"tz"_s))
        return {};
    const auto zone = Bars::timeZoneNamed(q.queryItemValue(u"tz"_s, QUrl::FullyDecoded));
    if (!zone)
        return u"tz: "_s + zone.error();
    out = *zone;
    return {};
}

Http::HttpResponse badRequest(const QString &message)
{
    return Http::HttpResponse::error(400, message);
}

Http::HttpResponse jsonResponse(int status, const QJsonObject &json)
{
    return Http::HttpResponse::json(status, QJsonDocument(json).toJson(QJsonDocument::Compact));
}

std::optional<Http::HttpResponse> notJson(const Http::HttpRequest &request)
{
    if (request.contentType.split(';').constFirst().trimmed().toLower() == "application/json")
        return std::nullopt;
    return Http::HttpResponse::error(415, u"Content-Type: send application/json"_s);
}

Util::Result<QJsonObject> bodyObject(const std::string &body, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (error.error != QJsonParseError::NoError)
        return Util::Result<QJsonObject>::failure(
            u"body: not JSON (%1 at offset %2)"_s.arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Util::Result<QJsonObject>::failure(u"body: must be a JSON object, %1"_s.arg(what));
    return doc.object();
}

Model::TimestampUs nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QString unknownParameter(const QUrlQuery &q, const QStringList &known)
{
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded))
        if (!known.contains(key)) {
            QStringList names = known;
            const QString last = names.takeLast();
            return u"unknown parameter \"%1\"; use %2 or %3"_s.arg(key.left(40), names.join(u", "_s), last);
        }
    return {};
}

QString epochSeconds(const QUrlQuery &q, const QString &name, Model::TimestampUs &out)
{
    if (!q.hasQueryItem(name))
        return {};
    bool ok = false;
    const double value = q.queryItemValue(name).toDouble(&ok);
    if (!ok || !(value >= 0) || value >= 32503680000.0)
        return u"%1 must be epoch seconds between 0 and 32503680000"_s.arg(name);
    out = Model::TimestampUs(value * 1e6);
    return {};
}

QString limit(const QUrlQuery &q, qint64 &out)
{
    if (!q.hasQueryItem(u"limit"_s))
        return {};
    bool ok = false;
    const qint64 value = q.queryItemValue(u"limit"_s).toLongLong(&ok);
    if (!ok || value < 1 || value > MaxLimit)
        return u"limit must be a whole number from 1 to %1"_s.arg(MaxLimit);
    out = value;
    return {};
}

QString symbol(const QUrlQuery &q, Model::Symbol &out)
{
    const QString text = q.queryItemValue(u"symbol"_s, QUrl::FullyDecoded);
    if (text.isEmpty())
        return u"symbol is required"_s;
    if (!Model::Symbol::fromString(text, out))
        return u"symbol must be 1 to 16 characters of A-Z, 0-9, '.', '-', '^' or '='"_s;
    return {};
}

} // namespace Api::Rest
