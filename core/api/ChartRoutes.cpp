// SPDX-License-Identifier: MIT
// GET /api/chart: what a chart of one symbol and timeframe needs at once — its newest bars with the engine's
// indicator values and the signals within their span.
#include "RestApi.h"
#include "RestQuery.h"

#include "http/HttpRouter.h"
#include "pipeline/ChartHistory.h"
#include "pipeline/Pipeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Api {

namespace {

constexpr qint64 MaxChartBars = 5000;

struct ChartRequest
{
    Model::Symbol symbol;
    Bars::Timeframe timeframe = Bars::Timeframe::seconds(60);
    qint64 limit = 300;
    std::optional<QTimeZone> zone;
};

Util::Result<ChartRequest> parseChartRequest(const QByteArray &text)
{
    using R = Util::Result<ChartRequest>;
    const QUrlQuery q(QString::fromUtf8(text));
    ChartRequest r;
    if (QString e = Rest::unknownParameter(q, {u"symbol"_s, u"timeframe"_s, u"limit"_s, u"tz"_s}); !e.isEmpty())
        return R::failure(e);
    if (QString e = Rest::symbol(q, r.symbol); !e.isEmpty())
        return R::failure(e);
    if (q.hasQueryItem(u"timeframe"_s)) {
        const auto timeframe = Bars::Timeframe::parse(q.queryItemValue(u"timeframe"_s, QUrl::FullyDecoded));
        if (!timeframe)
            return R::failure(u"timeframe: "_s + timeframe.error());
        r.timeframe = *timeframe;
    }
    if (QString e = Rest::limit(q, r.limit); !e.isEmpty())
        return R::failure(e);
    if (r.limit > MaxChartBars)
        return R::failure(u"limit must be a whole number from 1 to %1"_s.arg(MaxChartBars));
    if (q.hasQueryItem(u"tz"_s)) {
        QTimeZone zone = QTimeZone::utc();
        if (QString e = Rest::timeZone(q, zone); !e.isEmpty())
            return R::failure(e);
        r.zone = zone;
    }
    return r;
}

/// A value still warming up (NaN in a LiveBar) is null.
QJsonValue value(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

QJsonObject barJson(const Pipeline::LiveBar &b)
{
    return QJsonObject{{u"time"_s, double(b.bar.timestamp) / 1e6},
                       {u"open"_s, b.bar.open},
                       {u"high"_s, b.bar.high},
                       {u"low"_s, b.bar.low},
                       {u"close"_s, b.bar.close},
                       {u"volume"_s, qint64(b.bar.volume)},
                       {u"sma"_s, value(b.sma)},
                       {u"ema"_s, value(b.ema)},
                       {u"bb_upper"_s, value(b.bollingerUpper)},
                       {u"bb_middle"_s, value(b.bollingerMiddle)},
                       {u"bb_lower"_s, value(b.bollingerLower)},
                       {u"rsi"_s, value(b.rsi)}};
}

QJsonObject signalJson(const Model::TradeSignal &s)
{
    return QJsonObject{{u"id"_s, s.id},           {u"side"_s, QString::fromLatin1(Model::sideName(s.side))},
                       {u"rule"_s, s.ruleName()}, {u"price"_s, s.price},
                       {u"reason"_s, s.reason},   {u"timestamp"_s, double(s.timestamp) / 1e6}};
}

} // namespace

void RestApi::installChart(Http::HttpRouter &router)
{
    addRead(router, "/api/chart", [this](Http::HttpRequest &&request, Http::HttpResponder responder) {
        const auto parsed = parseChartRequest(request.query);
        if (!parsed) {
            responder.send(Rest::badRequest(parsed.error()));
            return;
        }
        const Pipeline::PipelineOptions &options = m_pipeline.options();
        // No session zone (or one this system does not know) is UTC: the chart's Session makes it so.
        const QTimeZone zone = parsed->zone.value_or(QTimeZone(options.sessionTimeZone.toUtf8()));
        const auto history = Pipeline::loadChartHistory(m_path, parsed->symbol.toString(), parsed->timeframe,
                                                        int(parsed->limit), options.indicators, zone);
        if (!history) {
            responder.send(Http::HttpResponse::error(500, history.error()));
            return;
        }
        QJsonArray bars;
        for (const Pipeline::LiveBar &bar : history->bars)
            bars.append(barJson(bar));
        QJsonArray signalRows;
        for (const Model::TradeSignal &s : history->signals)
            signalRows.append(signalJson(s));
        const QJsonObject body{{u"symbol"_s, parsed->symbol.toString()},
                               {u"timeframe"_s, parsed->timeframe.name()},
                               {u"bars"_s, bars},
                               {u"signals"_s, signalRows}};
        responder.send(Http::HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    });
}

} // namespace Api
