// SPDX-License-Identifier: MIT
// /api/alerts and /api/alerts/{id}: list, create, read, replace, change and delete the trader's alerts.
#include "RestApi.h"
#include "RestQuery.h"

#include "http/HttpRouter.h"
#include "storage/AlertStore.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Api {

namespace {

QJsonObject alertJson(const Storage::StoredAlert &stored, const std::vector<Storage::StoredAlertState> &states)
{
    QJsonObject json = Alerts::toJson(stored.alert);
    json.insert(u"id"_s, stored.alert.id);
    json.insert(u"description"_s, stored.error.isEmpty() ? Alerts::describe(stored.alert) : QString());
    json.insert(u"status"_s,
                Storage::AlertStore::statusName(Storage::AlertStore::overallStatus(stored, states, Rest::nowUs())));
    if (const QString error = Storage::AlertStore::overallError(stored, states); !error.isEmpty())
        json.insert(u"error"_s, error);
    json.insert(u"created"_s, double(stored.createdUs) / 1e6);
    json.insert(u"updated"_s, double(stored.updatedUs) / 1e6);
    QJsonArray rows;
    for (const Storage::StoredAlertState &s : states)
        rows.append(QJsonObject{
            {u"symbol"_s, s.symbol},
            {u"status"_s, Storage::AlertStore::statusName(s.state.status)},
            {u"count"_s, s.state.count},
            {u"last_fired"_s, s.state.lastFire ? QJsonValue(double(*s.state.lastFire) / 1e6) : QJsonValue()},
            {u"error"_s, s.error.isEmpty() ? QJsonValue() : QJsonValue(s.error)},
        });
    json.insert(u"states"_s, rows);
    return json;
}

} // namespace

void RestApi::installAlerts(Http::HttpRouter &router)
{
    const auto read = [](Storage::SqliteDatabase &db, qint64 id) -> Util::Result<std::optional<QJsonObject>> {
        auto stored = Storage::AlertStore::find(db, id);
        if (!stored)
            return Util::Result<std::optional<QJsonObject>>::failure(stored.error());
        if (!*stored)
            return std::optional<QJsonObject>();
        auto states = Storage::AlertStore::states(db, id);
        if (!states)
            return Util::Result<std::optional<QJsonObject>>::failure(states.error());
        return std::optional<QJsonObject>(alertJson(**stored, *states));
    };
    const auto answer = [read](Storage::SqliteDatabase &db, qint64 id, int status) {
        auto json = read(db, id);
        if (!json)
            return Http::HttpResponse::error(500, json.error());
        if (!*json)
            return Http::HttpResponse::error(404, u"no alert %1"_s.arg(id));
        Http::HttpResponse response = Rest::jsonResponse(status, **json);
        if (status == 201)
            response.headers.append({QByteArrayLiteral("Location"), "/api/alerts/" + QByteArray::number(id)});
        return response;
    };
    const auto route = [&](const QByteArray &method, const QByteArray &path, Change use, bool withId) {
        const auto changed = [this] {
            if (m_alertsChanged)
                m_alertsChanged();
        };
        Handler handler = method == "GET" ? readOnly(std::move(use)) : writable(std::move(use), changed);
        if (withId)
            router.addWithId(method, path, std::move(handler));
        else
            router.add(method, path, std::move(handler));
    };

    route(
        "GET", "/api/alerts",
        [](Http::HttpRequest &, Storage::SqliteDatabase &db) {
            auto all = Storage::AlertStore::all(db);
            if (!all)
                return Http::HttpResponse::error(500, all.error());
            QJsonArray rows;
            for (const Storage::StoredAlert &stored : *all) {
                auto states = Storage::AlertStore::states(db, stored.alert.id);
                if (!states)
                    return Http::HttpResponse::error(500, states.error());
                rows.append(alertJson(stored, *states));
            }
            return Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact));
        },
        false);
    route(
        "POST", "/api/alerts",
        [answer](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
            const auto body = Rest::bodyObject(request.body, u"one alert"_s);
            if (!body)
                return Rest::badRequest(body.error());
            const auto alert = Alerts::fromJson(*body);
            if (!alert)
                return Rest::badRequest(alert.error());
            const auto id = Storage::AlertStore::add(db, *alert, Rest::nowUs());
            if (!id)
                return Http::HttpResponse::error(500, id.error());
            return answer(db, *id, 201);
        },
        false);
    route(
        "GET", "/api/alerts/",
        [answer](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
            return answer(db, Http::HttpRouter::idOf(request.path), 200);
        },
        true);
    // PUT replaces the whole alert (omitted fields take their defaults); PATCH changes the fields given.
    for (const char *method : {"PUT", "PATCH"}) {
        route(
            method, "/api/alerts/",
            [answer, method](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                const qint64 id = Http::HttpRouter::idOf(request.path);
                auto body = Rest::bodyObject(request.body, u"one alert"_s);
                if (!body)
                    return Rest::badRequest(body.error());
                auto stored = Storage::AlertStore::find(db, id);
                if (!stored)
                    return Http::HttpResponse::error(500, stored.error());
                if (!*stored)
                    return Http::HttpResponse::error(404, u"no alert %1"_s.arg(id));
                if (!(*stored)->error.isEmpty() && qstrcmp(method, "PATCH") == 0)
                    return Http::HttpResponse::error(
                        409, u"alert %1 as stored cannot be read (%2): PUT a whole alert to replace it"_s.arg(id).arg(
                                 (*stored)->error));
                QJsonObject merged = qstrcmp(method, "PATCH") == 0 ? Alerts::toJson((*stored)->alert) : QJsonObject();
                for (auto it = body->constBegin(); it != body->constEnd(); ++it)
                    merged.insert(it.key(), it.value());
                merged.remove(u"id"_s);
                auto alert = Alerts::fromJson(merged);
                if (!alert)
                    return Rest::badRequest(alert.error());
                alert->id = id;
                auto replaced = Storage::AlertStore::replace(db, *alert, Rest::nowUs());
                if (!replaced)
                    return Http::HttpResponse::error(500, replaced.error());
                return answer(db, id, 200);
            },
            true);
    }
    route(
        "DELETE", "/api/alerts/",
        [](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
            const qint64 id = Http::HttpRouter::idOf(request.path);
            auto removed = Storage::AlertStore::remove(db, id);
            if (!removed)
                return Http::HttpResponse::error(500, removed.error());
            if (!*removed)
                return Http::HttpResponse::error(404, u"no alert %1"_s.arg(id));
            Http::HttpResponse response;
            response.status = 204;
            return response;
        },
        true);
}

} // namespace Api
