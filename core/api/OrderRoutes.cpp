// SPDX-License-Identifier: MIT
// /api/orders and /api/orders/{id}: the paper broker's orders, placed, listed and cancelled.
#include "RestApi.h"
#include "RestQuery.h"

#include "http/HttpRouter.h"
#include "model/JsonTime.h"
#include "storage/TradeStore.h"
#include "trading/PaperOrders.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Api {

namespace {

QJsonObject orderJson(const Trading::Order &o)
{
    const auto time = [](Model::TimestampUs us) { return us > 0 ? QJsonValue(Model::isoTime(us)) : QJsonValue(); };
    return QJsonObject{
        {u"id"_s, o.id},
        {u"ticker"_s, o.symbol},
        {u"side"_s, Trading::sideName(o.side)},
        {u"type"_s, Trading::typeName(o.type)},
        {u"quantity"_s, o.quantity},
        {u"limit_price"_s, o.type == Trading::OrderType::Limit ? QJsonValue(o.limitPrice) : QJsonValue()},
        {u"stop_price"_s, o.type == Trading::OrderType::Stop ? QJsonValue(o.stopPrice) : QJsonValue()},
        {u"time_in_force"_s, Trading::timeInForceName(o.timeInForce)},
        {u"placed"_s, time(o.placed)},
        {u"expires"_s, time(o.expires)},
        {u"status"_s, Trading::statusName(o.status)},
        {u"reason"_s, o.reason},
        {u"note"_s, o.note},
        {u"oco_with"_s, o.ocoWith > 0 ? QJsonValue(o.ocoWith) : QJsonValue()},
        {u"fill_price"_s, o.status == Trading::OrderStatus::Filled ? QJsonValue(o.fillPrice) : QJsonValue()},
    };
}

/// An order from its JSON: ticker, side, quantity, and type (market unless said), limit_price or stop_price,
/// time_in_force (day unless said), note. The error names the field.
Util::Result<Trading::Order> orderFrom(const QJsonObject &json)
{
    using R = Util::Result<Trading::Order>;
    Trading::Order o;
    o.symbol = json.value(u"ticker"_s).toString(json.value(u"symbol"_s).toString()).trimmed().toUpper();
    const auto side = Trading::sideFromName(json.value(u"side"_s).toString());
    if (!side)
        return R::failure(u"side: must be buy, sell, sell_short or buy_to_cover"_s);
    o.side = *side;
    if (json.contains(u"type"_s)) {
        const auto type = Trading::typeFromName(json.value(u"type"_s).toString());
        if (!type)
            return R::failure(u"type: must be market, limit or stop"_s);
        o.type = *type;
    }
    if (json.contains(u"time_in_force"_s)) {
        const auto tif = Trading::timeInForceFromName(json.value(u"time_in_force"_s).toString());
        if (!tif)
            return R::failure(u"time_in_force: must be day or gtc"_s);
        o.timeInForce = *tif;
    }
    for (const auto &[field, target] :
         {std::pair{u"quantity"_s, &o.quantity}, {u"limit_price"_s, &o.limitPrice}, {u"stop_price"_s, &o.stopPrice}}) {
        if (!json.contains(field) || json.value(field).isNull())
            continue;
        if (!json.value(field).isDouble() || !std::isfinite(json.value(field).toDouble()))
            return R::failure(u"%1: must be a number"_s.arg(field));
        *target = json.value(field).toDouble();
    }
    o.note = json.value(u"note"_s).toString().left(2000);
    if (auto s = Trading::validate(o); !s)
        return R::failure(s.error());
    return o;
}

QJsonObject accountJson(const Trading::Account &a, qint64 id)
{
    double unrealized = 0;
    for (const auto &[symbol, p] : a.positions())
        unrealized += p.unrealized();
    return QJsonObject{
        {u"account"_s, id},
        {u"starting_cash"_s, a.startingCash()},
        {u"cash"_s, a.cash()},
        {u"equity"_s, a.equity()},
        {u"day_pnl"_s, a.dayPnl()},
        {u"realized"_s, a.realized()},
        {u"unrealized"_s, unrealized},
        {u"fees"_s, a.fees()},
    };
}

} // namespace

void RestApi::setPaperOrders(Trading::PaperOrders *orders)
{
    m_orders = orders;
    m_desk = orders ? &orders->desk() : nullptr;
}

void RestApi::installOrders(Http::HttpRouter &router)
{
    // Answers (from the storage writer's thread) once the change is committed, or at once with why not.
    const auto answerWith = [](int status, Http::HttpResponder responder) {
        return [status, responder](const Util::Result<Trading::Order> &order) {
            if (!order)
                return responder.send(order.error().startsWith(u"id:"_s) ? Http::HttpResponse::error(404, order.error())
                                      : order.error().startsWith(Trading::PaperOrders::NotStored)
                                          ? Http::HttpResponse::error(500, order.error())
                                          : Rest::badRequest(order.error()));
            Http::HttpResponse response = Rest::jsonResponse(status, orderJson(*order));
            if (status == 201)
                response.headers.append(
                    {QByteArrayLiteral("Location"), "/api/orders/" + QByteArray::number(order->id)});
            responder.send(std::move(response));
        };
    };
    const auto unavailable = [] { return Http::HttpResponse::error(404, u"paper trading is not running"_s); };

    router.add("POST", "/api/orders",
               offload([this, answerWith, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
                   if (!m_orders)
                       return responder.send(unavailable());
                   if (auto refused = Rest::notJson(request))
                       return responder.send(std::move(*refused));
                   const auto body = Rest::bodyObject(request.body, u"one order"_s);
                   if (!body)
                       return responder.send(Rest::badRequest(body.error()));
                   const auto order = orderFrom(*body);
                   if (!order)
                       return responder.send(Rest::badRequest(order.error()));
                   m_orders->place(*order, answerWith(201, responder));
               }));
    addRead(router, "/api/orders", [this, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
        if (!m_desk)
            return responder.send(unavailable());
        const QUrlQuery q(QString::fromUtf8(request.query));
        const QString status = q.queryItemValue(u"status"_s);
        if (!status.isEmpty() && !Trading::statusFromName(status))
            return responder.send(
                Rest::badRequest(u"status: must be working, filled, cancelled, expired or rejected"_s));
        QJsonArray rows;
        for (const Trading::Order &o : m_desk->orders())
            if (status.isEmpty() || Trading::statusName(o.status) == status)
                rows.append(orderJson(o));
        responder.send(Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    });
    router.addWithId("GET", "/api/orders/",
                     offload([this, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
                         if (!m_desk)
                             return responder.send(unavailable());
                         const qint64 id = Http::HttpRouter::idOf(request.path);
                         for (const Trading::Order &o : m_desk->orders())
                             if (o.id == id)
                                 return responder.send(Rest::jsonResponse(200, orderJson(o)));
                         responder.send(Http::HttpResponse::error(404, u"no order %1"_s.arg(id)));
                     }));
    // Which signals the paper broker trades on: `{"entries":[{"source":"rsi_trend","buy_shares":10,
    // "max_position":50}, ...]}`, replaced whole by PUT (every entry checked first, the wrong one named).
    const auto entriesJson = [this] {
        QJsonArray entries;
        for (const Trading::AutoTrade &e : m_desk->autoTrades())
            entries.append(Trading::toJson(e));
        return QJsonObject{{u"entries"_s, entries}};
    };
    addRead(router, "/api/paper/autotrade",
            [this, unavailable, entriesJson](Http::HttpRequest &&, Http::HttpResponder responder) {
                if (!m_desk)
                    return responder.send(unavailable());
                responder.send(Rest::jsonResponse(200, entriesJson()));
            });
    router.add("PUT", "/api/paper/autotrade",
               writable([this, unavailable, entriesJson](Http::HttpRequest &request, Storage::SqliteDatabase &db) {
                   if (!m_desk)
                       return unavailable();
                   const auto body = Rest::bodyObject(request.body, u"{\"entries\":[...]}"_s);
                   if (!body)
                       return Rest::badRequest(body.error());
                   if (!body->value(u"entries"_s).isArray())
                       return Rest::badRequest(u"entries: must be a list, [] for none"_s);
                   std::vector<Trading::AutoTrade> entries;
                   const QJsonArray list = body->value(u"entries"_s).toArray();
                   for (qsizetype i = 0; i < list.size(); ++i) {
                       const auto entry = Trading::autoTradeFromJson(list[i].toObject());
                       if (!entry)
                           return Rest::badRequest(u"entries[%1].%2"_s.arg(i).arg(entry.error()));
                       entries.push_back(*entry);
                   }
                   if (auto s = Storage::TradeStore::setAutoTrades(db, entries); !s)
                       return Http::HttpResponse::error(500, s.error());
                   m_desk->setAutoTrades(std::move(entries));
                   return Rest::jsonResponse(200, entriesJson());
               }));

    // Cancels a working order: 200 with it, now cancelled; 404 when no working order has that id.
    router.addWithId(
        "DELETE", "/api/orders/",
        offload([this, answerWith, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
            if (!m_orders)
                return responder.send(unavailable());
            m_orders->cancel(Http::HttpRouter::idOf(request.path), answerWith(200, responder));
        }));
    // Changes a working order: `quantity`, `limit_price`, `stop_price` (those given); 200 with it as it is now.
    router.addWithId(
        "PATCH", "/api/orders/",
        offload([this, answerWith, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
            if (!m_orders)
                return responder.send(unavailable());
            if (auto refused = Rest::notJson(request))
                return responder.send(std::move(*refused));
            const auto body = Rest::bodyObject(request.body, u"the fields to change"_s);
            if (!body)
                return responder.send(Rest::badRequest(body.error()));
            double values[3] = {0, 0, 0};
            const QString fields[3] = {u"quantity"_s, u"limit_price"_s, u"stop_price"_s};
            for (int i = 0; i < 3; ++i) {
                if (!body->contains(fields[i]))
                    continue;
                const QJsonValue v = body->value(fields[i]);
                if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() <= 0)
                    return responder.send(Rest::badRequest(u"%1: must be a number above 0"_s.arg(fields[i])));
                values[i] = v.toDouble();
            }
            for (auto it = body->constBegin(); it != body->constEnd(); ++it)
                if (!std::count(std::begin(fields), std::end(fields), it.key()))
                    return responder.send(Rest::badRequest(
                        u"%1: cannot be changed (quantity, limit_price and stop_price can)"_s.arg(it.key())));
            m_orders->modify(Http::HttpRouter::idOf(request.path), values[0], values[1], values[2],
                             answerWith(200, responder));
        }));
    // Begins a new paper account: `{"starting_cash": 100000}` (the current account's when omitted); working
    // orders are cancelled, positions start flat, earlier trades stay listed.
    router.add("POST", "/api/paper/reset",
               offload([this, unavailable](Http::HttpRequest &&request, Http::HttpResponder responder) {
                   if (!m_orders)
                       return responder.send(unavailable());
                   double cash = m_desk->account().startingCash();
                   if (!QByteArray::fromStdString(request.body).trimmed().isEmpty()) {
                       if (auto refused = Rest::notJson(request))
                           return responder.send(std::move(*refused));
                       const auto body = Rest::bodyObject(request.body, u"{\"starting_cash\": 100000}"_s);
                       if (!body)
                           return responder.send(Rest::badRequest(body.error()));
                       if (body->contains(u"starting_cash"_s)) {
                           const QJsonValue v = body->value(u"starting_cash"_s);
                           if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() <= 0 ||
                               v.toDouble() > 1e12)
                               return responder.send(Rest::badRequest(u"starting_cash: must be a number above 0"_s));
                           cash = v.toDouble();
                       }
                   }
                   m_orders->reset(cash, [this, responder](const QString &error) {
                       if (!error.isEmpty())
                           return responder.send(Http::HttpResponse::error(500, error));
                       responder.send(Rest::jsonResponse(200, accountJson(m_desk->account(), m_desk->accountId())));
                   });
               }));
    // The paper account: cash, equity, day P/L, realized P/L and fees, the cash it started with.
    addRead(router, "/api/paper/account", [this, unavailable](Http::HttpRequest &&, Http::HttpResponder responder) {
        if (!m_desk)
            return responder.send(unavailable());
        responder.send(Rest::jsonResponse(200, accountJson(m_desk->account(), m_desk->accountId())));
    });
}

} // namespace Api
