// SPDX-License-Identifier: MIT
#pragma once

#include "http/HttpMessage.h"
#include "model/Records.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Storage {
class SqliteDatabase;
}

/// What the REST routes share: their reader connections and the checking of query parameters. Every
/// error names the parameter and what is wrong with it.
namespace Api::Rest {

constexpr qint64 MaxLimit = 100'000;

/// Runs `run` on this thread's read-only connection (opened on first use); the error says why it could not.
QString query(const QString &databasePath, const std::function<Util::Status(Storage::SqliteDatabase &)> &run);

Http::HttpResponse badRequest(const QString &message);
Http::HttpResponse jsonResponse(int status, const QJsonObject &json);
/// A request body that must be one JSON object; the error says what it is instead.
Util::Result<QJsonObject> bodyObject(const std::string &body, const QString &what);
/// 415 for a request whose body is not said to be JSON (a web page cannot send that without asking first, and
/// TickDesk says no); none when it is.
std::optional<Http::HttpResponse> notJson(const Http::HttpRequest &request);
Model::TimestampUs nowUs();

/// An error for the first parameter not in `known`, or empty.
QString unknownParameter(const QUrlQuery &q, const QStringList &known);
/// Epoch seconds from parameter `name` into `out`, left as it is when absent.
QString epochSeconds(const QUrlQuery &q, const QString &name, Model::TimestampUs &out);
/// A whole number from 1 to MaxLimit from `limit`, left as it is when absent.
QString limit(const QUrlQuery &q, qint64 &out);
/// The time zone named by `tz` into `out`, left as it is when absent.
QString timeZone(const QUrlQuery &q, QTimeZone &out);
/// A valid symbol from `symbol`; an error when it is missing or malformed.
QString symbol(const QUrlQuery &q, Model::Symbol &out);

} // namespace Api::Rest
