// SPDX-License-Identifier: MIT
#include "RestApi.h"
#include "RestQuery.h"

#include "http/HttpRouter.h"
#include "io/Csv.h"
#include "notify/ChannelName.h"
#include "pipeline/Pipeline.h"
#include "storage/Outbox.h"
#include "storage/Queries.h"
#include "storage/SqliteDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <memory>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Api {

using Rest::badRequest;
using Rest::query;

namespace {

constexpr qint64 MaxSymbolPage = 10'000;

/// A page of the per-symbol summaries, in symbol order: `limit` (1 to 10,000, default 1,000) from `offset`.
struct SummaryPage
{
    Analytics::SummaryList rows;
    qint64 total = 0;
};

Util::Result<SummaryPage> pageOf(const QByteArray &query, Analytics::SummaryList all)
{
    using R = Util::Result<SummaryPage>;
    const QUrlQuery q(QString::fromUtf8(query));
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded))
        if (key != u"limit"_s && key != u"offset"_s)
            return R::failure(u"unknown parameter \"%1\"; use limit or offset"_s.arg(key.left(40)));
    bool ok = true;
    const qint64 limit = q.hasQueryItem(u"limit"_s) ? q.queryItemValue(u"limit"_s).toLongLong(&ok) : 1000;
    if (!ok || limit < 1 || limit > MaxSymbolPage)
        return R::failure(u"limit must be a whole number from 1 to %1"_s.arg(MaxSymbolPage));
    const qint64 offset = q.hasQueryItem(u"offset"_s) ? q.queryItemValue(u"offset"_s).toLongLong(&ok) : 0;
    if (!ok || offset < 0)
        return R::failure(u"offset must be a whole number from 0"_s);
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.symbol.view() < b.symbol.view(); });
    SummaryPage page;
    page.total = all.size();
    if (offset < page.total)
        page.rows = all.mid(offset, limit);
    return page;
}

/// The number of rows in all pages, for a client that pages through them.
Http::HttpResponse withTotal(Http::HttpResponse response, qint64 total)
{
    response.headers.append({QByteArrayLiteral("X-Total-Count"), QByteArray::number(total)});
    return response;
}

/// Parses the query string; the error names the parameter and the problem.
Util::Result<Storage::SignalFilter> parseFilters(const QByteArray &query, bool symbolRequired)
{
    using R = Util::Result<Storage::SignalFilter>;
    const QUrlQuery q(QString::fromUtf8(query));
    Storage::SignalFilter f;
    f.limit = 1000;
    if (QString e = Rest::unknownParameter(q, {u"symbol"_s, u"side"_s, u"rule"_s, u"from"_s, u"to"_s, u"limit"_s});
        !e.isEmpty())
        return R::failure(e);
    if (!q.queryItemValue(u"symbol"_s).isEmpty() || symbolRequired) {
        Model::Symbol symbol;
        if (QString e = Rest::symbol(q, symbol); !e.isEmpty())
            return R::failure(e);
        f.symbols = QStringList{symbol.toString()};
    }
    f.side = q.queryItemValue(u"side"_s);
    if (!f.side.isEmpty() && f.side != u"buy"_s && f.side != u"sell"_s && f.side != u"alert"_s)
        return R::failure(u"side must be buy, sell or alert"_s);
    f.rule = q.queryItemValue(u"rule"_s);
    if (!f.rule.isEmpty() && Signals::RuleEngine::ruleIndex(f.rule) < 0)
        return R::failure(u"rule must be rsi_trend, ma_cross, price_move or news_sentiment"_s);
    if (QString e = Rest::epochSeconds(q, u"from"_s, f.fromUs); !e.isEmpty())
        return R::failure(e);
    if (QString e = Rest::epochSeconds(q, u"to"_s, f.toUs); !e.isEmpty())
        return R::failure(e);
    if (f.fromUs > f.toUs)
        return R::failure(u"from must not be after to"_s);
    if (QString e = Rest::limit(q, f.limit); !e.isEmpty())
        return R::failure(e);
    return f;
}

/// One symbol's summary as /api/summary lists it.
QJsonValue summaryJson(const Analytics::SymbolSummary &s)
{
    QJsonObject bySide;
    for (int side = 0; side < 3; ++side)
        bySide.insert(QString::fromLatin1(Model::sideName(Model::SignalSide(side))),
                      qint64(s.signalsBySide[std::size_t(side)]));
    QJsonObject byRule;
    for (int rule = 0; rule < Signals::RuleEngine::RuleCount; ++rule)
        byRule.insert(QString::fromLatin1(Signals::RuleEngine::ruleId(Signals::RuleEngine::Rule(rule))),
                      qint64(s.signalsByRule[std::size_t(rule)]));
    return QJsonObject{
        {u"symbol"_s, s.symbol.toString()},
        {u"last_price"_s, s.lastPrice},
        {u"change_percent"_s, s.changePercent()},
        {u"session_high"_s, s.sessionHigh},
        {u"session_low"_s, s.sessionLow},
        {u"session_volume"_s, qint64(s.sessionVolume)},
        {u"session_ticks"_s, qint64(s.sessionTicks)},
        {u"rsi"_s, s.rsi ? QJsonValue(*s.rsi) : QJsonValue()},
        {u"signals_by_side"_s, bySide},
        {u"signals_by_rule"_s, byRule},
        {u"last_signal"_s, s.lastSignal},
        {u"last_signal_time"_s, s.lastSignalTime ? QJsonValue(double(s.lastSignalTime) / 1e6) : QJsonValue()},
    };
}

} // namespace

RestApi::RestApi(QString databasePath, const Pipeline::Pipeline &pipeline)
    : m_path(std::move(databasePath))
    , m_pipeline(pipeline)
    , m_readers(std::make_unique<QThreadPool>())
{
    m_readers->setMaxThreadCount(2);
    m_readers->setObjectName(u"rest-readers"_s);
}

RestApi::~RestApi()
{
    stop();
}

void RestApi::stop()
{
    m_readers->waitForDone();
}

RestApi::Handler RestApi::offload(Handler handler)
{
    return [this, handler = std::move(handler)](Http::HttpRequest &&request, Http::HttpResponder responder) {
        if (m_waiting.fetch_add(1) >= 64) {
            m_waiting.fetch_sub(1);
            Http::HttpResponse busy = Http::HttpResponse::error(503, u"too many reads waiting; try again"_s);
            busy.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
            responder.send(std::move(busy));
            return;
        }
        m_readers->start([this, handler, request = std::move(request), responder]() mutable {
            handler(std::move(request), responder);
            m_waiting.fetch_sub(1);
        });
    };
}

RestApi::Handler RestApi::writable(Change use, std::function<void()> changed)
{
    return offload([this, use = std::move(use), changed = std::move(changed)](Http::HttpRequest &&request,
                                                                              Http::HttpResponder responder) {
        const bool withBody = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
        if (auto refused = withBody ? Rest::notJson(request) : std::nullopt) {
            responder.send(std::move(*refused));
            return;
        }
        auto db = Storage::SqliteDatabase::open(m_path);
        if (!db) {
            responder.send(Http::HttpResponse::error(500, db.error()));
            return;
        }
        Http::HttpResponse response = use(request, **db);
        const bool done =
            response.status == 201 || response.status == 204 || (response.status == 200 && request.method != "GET");
        responder.send(std::move(response));
        if (done && changed)
            changed();
    });
}

RestApi::Handler RestApi::readOnly(Change use)
{
    return offload([this, use = std::move(use)](Http::HttpRequest &&request, Http::HttpResponder responder) {
        Http::HttpResponse response;
        const QString error = query(m_path, [&](Storage::SqliteDatabase &db) {
            response = use(request, db);
            return Util::Status();
        });
        responder.send(error.isEmpty() ? std::move(response) : Http::HttpResponse::error(500, error));
    });
}

void RestApi::addRead(Http::HttpRouter &router, const QByteArray &path, Handler handler)
{
    router.add("GET", path, offload(std::move(handler)));
}

void RestApi::install(Http::HttpRouter &router)
{
    // Both lists are pages of the summaries, in symbol order, with the count of all in X-Total-Count.
    const auto paged = [this](QJsonValue (*row)(const Analytics::SymbolSummary &)) {
        return [this, row](Http::HttpRequest &&request, Http::HttpResponder responder) {
            const auto page = pageOf(request.query, m_pipeline.summaries());
            if (!page) {
                responder.send(badRequest(page.error()));
                return;
            }
            QJsonArray rows;
            for (const auto &s : page->rows)
                rows.append(row(s));
            responder.send(withTotal(Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact)),
                                     page->total));
        };
    };
    addRead(router, "/api/symbols",
            paged([](const Analytics::SymbolSummary &s) { return QJsonValue(s.symbol.toString()); }));
    addRead(router, "/api/summary", paged(&summaryJson));

    addRead(router, "/api/signals", ([this](Http::HttpRequest &&request, Http::HttpResponder responder) {
                const auto filters = parseFilters(request.query, false);
                if (!filters) {
                    responder.send(badRequest(filters.error()));
                    return;
                }
                QJsonArray rows;
                std::vector<qint64> ids;
                const QString error = query(m_path, [&](Storage::SqliteDatabase &db) {
                    const Util::Status status = Storage::forEachSignal(db, *filters, [&](const Model::TradeSignal &s) {
                        ids.push_back(s.id);
                        rows.append(QJsonObject{
                            {u"id"_s, s.id},
                            {u"symbol"_s, s.symbol.toString()},
                            {u"side"_s, QString::fromLatin1(Model::sideName(s.side))},
                            {u"rule"_s, s.ruleName()},
                            {u"timeframe"_s, s.timeframe},
                            {u"price"_s, s.price},
                            {u"reason"_s, s.reason},
                            {u"timestamp"_s, double(s.timestamp) / 1e6},
                            {u"indicators"_s, QJsonDocument::fromJson(s.snapshot).object()},
                            {u"delivery"_s, QJsonObject{}},
                        });
                        return true;
                    });
                    // Per channel: {"email": {"status": "pending", "error": "..."}}; empty when nothing was configured.
                    std::unordered_map<qint64, QJsonObject> delivery;
                    for (const Storage::DeliveryState &d : Storage::deliveryStates(db, ids)) {
                        QJsonObject state{{u"status"_s, QString::fromLatin1(Storage::deliveryName(d.status))}};
                        if (!d.error.isEmpty())
                            state.insert(u"error"_s, d.error);
                        delivery[d.signalId].insert(Notify::displayChannel(d.channel), state);
                    }
                    for (qsizetype i = 0; i < rows.size(); ++i) {
                        const auto it = delivery.find(ids[std::size_t(i)]);
                        if (it != delivery.end()) {
                            QJsonObject row = rows[i].toObject();
                            row.insert(u"delivery"_s, it->second);
                            rows[i] = row;
                        }
                    }
                    return status;
                });
                if (!error.isEmpty()) {
                    responder.send(Http::HttpResponse::error(500, error));
                    return;
                }
                responder.send(Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact)));
            }));

    addRead(router, "/api/signals.csv", ([this](Http::HttpRequest &&request, Http::HttpResponder responder) {
                const auto filters = parseFilters(request.query, false);
                if (!filters) {
                    responder.send(badRequest(filters.error()));
                    return;
                }
                QByteArray csv = Io::signalCsvHeader();
                const QString error = query(m_path, [&](Storage::SqliteDatabase &db) {
                    return Storage::forEachSignal(db, *filters, [&csv](const Model::TradeSignal &s) {
                        csv += Io::signalCsvRow(s);
                        return true;
                    });
                });
                if (!error.isEmpty()) {
                    responder.send(Http::HttpResponse::error(500, error));
                    return;
                }
                Http::HttpResponse response = Http::HttpResponse::json(200, std::move(csv));
                response.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
                responder.send(std::move(response));
            }));

    installBars(router);
    installChart(router);
    installAlerts(router);
    installTrades(router);
    installOrders(router);
    addRead(router, "/api/ticks", ([this](Http::HttpRequest &&request, Http::HttpResponder responder) {
                const auto filters = parseFilters(request.query, true);
                if (!filters) {
                    responder.send(badRequest(filters.error()));
                    return;
                }
                Storage::TickFilter ticks;
                ticks.symbols = filters->symbols;
                ticks.fromUs = filters->fromUs;
                ticks.toUs = filters->toUs;
                ticks.limit = filters->limit;
                QJsonArray rows;
                const QString error = query(m_path, [&](Storage::SqliteDatabase &db) {
                    return Storage::forEachTick(db, ticks, [&rows](const Model::Tick &t) {
                        rows.prepend(QJsonObject{{u"timestamp"_s, double(t.timestamp) / 1e6},
                                                 {u"open"_s, t.open},
                                                 {u"high"_s, t.high},
                                                 {u"low"_s, t.low},
                                                 {u"close"_s, t.close},
                                                 {u"volume"_s, qint64(t.volume)}});
                        return true;
                    });
                });
                if (!error.isEmpty()) {
                    responder.send(Http::HttpResponse::error(500, error));
                    return;
                }
                responder.send(Http::HttpResponse::json(200, QJsonDocument(rows).toJson(QJsonDocument::Compact)));
            }));
}

} // namespace Api
