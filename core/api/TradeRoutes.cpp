// SPDX-License-Identifier: MIT
// /api/trades, /api/trades/{id} and /api/positions: trades entered by hand or filled by the paper broker,
// listed by symbol and date, and the positions they add up to.
#include "RestApi.h"
#include "RestQuery.h"

#include "analytics/SymbolSummary.h"
#include "http/HttpRouter.h"
#include "model/JsonTime.h"
#include "pipeline/Pipeline.h"
#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"
#include "trading/DailyAnalysis.h"
#include "trading/PaperDesk.h"
#include "trading/TradeJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Api {

namespace {

constexpr double StartingCash = 100'000; ///< without a paper desk (the settings give the desk's)

using Trading::tradeJson;

/// `start_date` and `end_date` (YYYY-MM-DD, both days included) in `tz` (UTC unless given) as [from, to).
QString dateRange(const QUrlQuery &q, Storage::TradeFilter &filter)
{
    QTimeZone zone = QTimeZone::utc();
    if (const QString e = Rest::timeZone(q, zone); !e.isEmpty())
        return e;
    for (const auto &[name, days] : {std::pair{u"start_date"_s, 0}, std::pair{u"end_date"_s, 1}}) {
        if (!q.hasQueryItem(name))
            continue;
        const QDate date = QDate::fromString(q.queryItemValue(name), Qt::ISODate);
        if (!date.isValid())
            return u"%1: must be a date, YYYY-MM-DD"_s.arg(name);
        const Model::TimestampUs at = QDateTime(date.addDays(days), QTime(0, 0), zone).toMSecsSinceEpoch() * 1000;
        (days == 0 ? filter.from : filter.to) = at;
    }
    return {};
}

} // namespace

void RestApi::installTrades(Http::HttpRouter &router)
{
    const auto answer = [](Storage::SqliteDatabase &db, qint64 id, int status) {
        auto stored = Storage::TradeStore::find(db, id);
        if (!stored)
            return Http::HttpResponse::error(500, stored.error());
        if (!*stored)
            return Http::HttpResponse::error(404, u"no trade %1"_s.arg(id));
        Http::HttpResponse response = Rest::jsonResponse(status, tradeJson(**stored));
        if (status == 201)
            response.headers.append({QByteArrayLiteral("Location"), "/api/trades/" + QByteArray::number(id)});
        return response;
    };

    // Pages in the order the trades happened: `limit` (default 100) from `offset`; a full page says where the next
    // begins in X-Next-Offset.
    router.add("GET", "/api/trades", readOnly([](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                   const QUrlQuery q(QString::fromUtf8(request.query));
                   if (const QString e = Rest::unknownParameter(
                           q, {u"ticker"_s, u"start_date"_s, u"end_date"_s, u"tz"_s, u"limit"_s, u"offset"_s});
                       !e.isEmpty())
                       return Rest::badRequest(e);
                   Storage::TradeFilter filter;
                   if (q.hasQueryItem(u"ticker"_s)) {
                       Model::Symbol symbol;
                       if (!Model::Symbol::fromString(q.queryItemValue(u"ticker"_s).toUpper(), symbol))
                           return Rest::badRequest(u"ticker: must be a symbol such as AAPL"_s);
                       filter.symbol = symbol.toString();
                   }
                   if (const QString e = dateRange(q, filter); !e.isEmpty())
                       return Rest::badRequest(e);
                   if (const QString e = Rest::limit(q, filter.limit); !e.isEmpty())
                       return Rest::badRequest(e);
                   if (q.hasQueryItem(u"offset"_s)) {
                       bool ok = false;
                       filter.offset = q.queryItemValue(u"offset"_s).toLongLong(&ok);
                       if (!ok || filter.offset < 0)
                           return Rest::badRequest(u"offset: must be a whole number, 0 or more"_s);
                   }
                   auto trades = Storage::TradeStore::list(db, filter);
                   if (!trades)
                       return Http::HttpResponse::error(500, trades.error());
                   QJsonArray rows;
                   for (const Storage::StoredTrade &t : *trades)
                       rows.append(tradeJson(t));
                   Http::HttpResponse response =
                       Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact));
                   if (qint64(trades->size()) == filter.limit)
                       response.headers.append(
                           {QByteArrayLiteral("X-Next-Offset"), QByteArray::number(filter.offset + filter.limit)});
                   return response;
               }));
    // The paper desk checks orders against the account: it hears of trades entered, changed and deleted by hand.
    const auto changed = [this] {
        if (m_desk)
            m_desk->reloadAccount(m_path);
    };
    router.add("POST", "/api/trades",
               writable(
                   [answer](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                       const auto body = Rest::bodyObject(request.body, u"one trade"_s);
                       if (!body)
                           return Rest::badRequest(body.error());
                       const auto trade = Trading::tradeFromJson(*body, Rest::nowUs());
                       if (!trade)
                           return Rest::badRequest(trade.error());
                       const auto id = Storage::TradeStore::add(db, trade->fill, trade->note, Rest::nowUs());
                       if (!id)
                           return Http::HttpResponse::error(500, id.error());
                       return answer(db, *id, 201);
                   },
                   changed));
    router.addWithId("GET", "/api/trades/", readOnly([answer](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                         return answer(db, Http::HttpRouter::idOf(request.path), 200);
                     }));
    // PUT replaces the whole trade (omitted optional fields take their defaults); PATCH changes the fields given.
    for (const char *method : {"PUT", "PATCH"}) {
        router.addWithId(
            method, "/api/trades/",
            writable(
                [answer, method](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                    const qint64 id = Http::HttpRouter::idOf(request.path);
                    const auto body = Rest::bodyObject(request.body, u"one trade"_s);
                    if (!body)
                        return Rest::badRequest(body.error());
                    auto stored = Storage::TradeStore::find(db, id);
                    if (!stored)
                        return Http::HttpResponse::error(500, stored.error());
                    if (!*stored)
                        return Http::HttpResponse::error(404, u"no trade %1"_s.arg(id));
                    QJsonObject merged = qstrcmp(method, "PATCH") == 0 ? tradeJson(**stored) : QJsonObject();
                    if (qstrcmp(method, "PATCH") == 0)
                        merged.insert(u"time"_s, double((*stored)->fill.time) / 1e6); // µs kept as they were
                    for (auto it = body->constBegin(); it != body->constEnd(); ++it)
                        merged.insert(it.key(), it.value());
                    auto trade = Trading::tradeFromJson(merged, Rest::nowUs());
                    if (!trade)
                        return Rest::badRequest(trade.error());
                    if (qstrcmp(method, "PATCH") == 0 && !body->contains(u"time"_s))
                        trade->fill.time = (*stored)->fill.time;
                    trade->id = id;
                    trade->fill.orderId = (*stored)->fill.orderId;
                    auto replaced = Storage::TradeStore::replace(db, *trade);
                    if (!replaced)
                        return Http::HttpResponse::error(500, replaced.error());
                    return answer(db, id, 200);
                },
                changed));
    }
    router.addWithId("DELETE", "/api/trades/",
                     writable(
                         [](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                             const qint64 id = Http::HttpRouter::idOf(request.path);
                             auto removed = Storage::TradeStore::remove(db, id);
                             if (!removed)
                                 return Http::HttpResponse::error(500, removed.error());
                             if (!*removed)
                                 return Http::HttpResponse::error(404, u"no trade %1"_s.arg(id));
                             Http::HttpResponse response;
                             response.status = 204;
                             return response;
                         },
                         changed));

    // Per day, in UTC or the zone given: trade count, realized and net P/L, fees, win rate, profit factor, average
    // and largest win and loss, and the running total, for the days from `from` to `to` (both included).
    addRead(router, "/api/trades/daily", [this](Http::HttpRequest &&request, Http::HttpResponder responder) {
        const QUrlQuery q(QString::fromUtf8(request.query));
        if (const QString e = Rest::unknownParameter(q, {u"from"_s, u"to"_s, u"tz"_s}); !e.isEmpty())
            return responder.send(Rest::badRequest(e));
        QTimeZone zone = QTimeZone::utc();
        if (const QString e = Rest::timeZone(q, zone); !e.isEmpty())
            return responder.send(Rest::badRequest(e));
        QDate bounds[2] = {QDate(1900, 1, 1), QDate(9999, 12, 31)};
        for (int i = 0; i < 2; ++i) {
            const QString name = i == 0 ? u"from"_s : u"to"_s;
            if (!q.hasQueryItem(name))
                continue;
            bounds[i] = QDate::fromString(q.queryItemValue(name), Qt::ISODate);
            if (!bounds[i].isValid())
                return responder.send(Rest::badRequest(u"%1: must be a date, YYYY-MM-DD"_s.arg(name)));
        }
        std::vector<Trading::Fill> fills;
        const QString error = Rest::query(m_path, [&](Storage::SqliteDatabase &db) {
            auto all = Storage::TradeStore::all(db);
            if (!all)
                return Util::Status::failure(all.error());
            fills = std::move(*all);
            return Util::Status();
        });
        if (!error.isEmpty())
            return responder.send(Http::HttpResponse::error(500, error));
        QJsonArray days;
        for (const Trading::DayStats &d : Trading::analyzeByDay(Trading::replay(std::move(fills), zone)))
            if (d.day >= bounds[0] && d.day <= bounds[1])
                days.append(d.toJson());
        responder.send(Http::HttpResponse::json(200, QJsonDocument(days).toJson(QJsonDocument::Compact)));
    });

    // The positions the current paper account's trades add up to, worked out afresh from them (so an edited or
    // deleted trade counts as it is now), valued at the newest prices the engine has.
    addRead(router, "/api/positions", [this](Http::HttpRequest &&, Http::HttpResponder responder) {
        std::vector<Trading::Fill> fills;
        Storage::PaperAccount current;
        const QString error = Rest::query(m_path, [&](Storage::SqliteDatabase &db) {
            auto account = Storage::TradeStore::currentAccount(db);
            if (!account)
                return Util::Status::failure(account.error());
            current = *account;
            auto all = Storage::TradeStore::all(db, current.id);
            if (!all)
                return Util::Status::failure(all.error());
            fills = std::move(*all);
            return Util::Status();
        });
        if (!error.isEmpty()) {
            responder.send(Http::HttpResponse::error(500, error));
            return;
        }
        Trading::Account account(
            current.startingCash.value_or(m_desk ? m_desk->account().startingCash() : StartingCash));
        for (Trading::Fill &fill : fills)
            account.apply(fill);
        for (const auto &summary : m_pipeline.summaries())
            account.mark(summary.symbol.toString(), summary.lastPrice);
        QJsonArray positions;
        for (const auto &[symbol, p] : account.positions()) {
            if (p.quantity == 0)
                continue;
            positions.append(QJsonObject{
                {u"ticker"_s, symbol},
                {u"quantity"_s, p.quantity},
                {u"average_price"_s, p.averagePrice()},
                {u"last"_s, p.last},
                {u"unrealized"_s, p.unrealized()},
                {u"unrealized_percent"_s, p.unrealizedPercent()},
                {u"realized"_s, p.realized},
            });
        }
        responder.send(Rest::jsonResponse(200, QJsonObject{
                                                   {u"cash"_s, account.cash()},
                                                   {u"equity"_s, account.equity()},
                                                   {u"realized"_s, account.realized()},
                                                   {u"fees"_s, account.fees()},
                                                   {u"trades"_s, qint64(fills.size())},
                                                   {u"positions"_s, positions},
                                               }));
    });
}

} // namespace Api
