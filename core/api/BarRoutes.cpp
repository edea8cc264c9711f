// SPDX-License-Identifier: MIT
// GET /api/bars and /api/bars.csv: a symbol's bars of any timeframe, built from the stored records.
#include "RestApi.h"
#include "RestQuery.h"

#include "http/HttpRouter.h"
#include "io/Csv.h"
#include "storage/BarQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Api {

namespace {

struct BarRequest
{
    Storage::BarQuery query;
    QTimeZone zone = QTimeZone::utc();
};

Util::Result<BarRequest> parseBarRequest(const QByteArray &text)
{
    using R = Util::Result<BarRequest>;
    const QUrlQuery q(QString::fromUtf8(text));
    BarRequest r;
    r.query.limit = 1000;
    if (QString e = Rest::unknownParameter(
            q, {u"symbol"_s, u"timeframe"_s, u"from"_s, u"to"_s, u"limit"_s, u"tz"_s, u"fill"_s});
        !e.isEmpty())
        return R::failure(e);
    if (QString e = Rest::symbol(q, r.query.symbol); !e.isEmpty())
        return R::failure(e);
    if (q.hasQueryItem(u"timeframe"_s)) {
        const auto timeframe = Bars::Timeframe::parse(q.queryItemValue(u"timeframe"_s, QUrl::FullyDecoded));
        if (!timeframe)
            return R::failure(u"timeframe: "_s + timeframe.error());
        r.query.timeframe = *timeframe;
    }
    if (QString e = Rest::epochSeconds(q, u"from"_s, r.query.fromUs); !e.isEmpty())
        return R::failure(e);
    if (QString e = Rest::epochSeconds(q, u"to"_s, r.query.toUs); !e.isEmpty())
        return R::failure(e);
    if (r.query.fromUs > r.query.toUs)
        return R::failure(u"from must not be after to"_s);
    if (QString e = Rest::limit(q, r.query.limit); !e.isEmpty())
        return R::failure(e);
    if (q.hasQueryItem(u"fill"_s)) {
        const QString fill = q.queryItemValue(u"fill"_s);
        if (fill != u"true"_s && fill != u"false"_s)
            return R::failure(u"fill: must be true or false"_s);
        r.query.fillGaps = fill == u"true"_s;
    }
    if (const QString e = Rest::timeZone(q, r.zone); !e.isEmpty())
        return R::failure(e);
    return r;
}

QJsonObject barJson(const Bars::Bar &bar, bool forming)
{
    return QJsonObject{{u"time"_s, double(bar.openTime) / 1e6},
                       {u"end"_s, double(bar.endTime) / 1e6},
                       {u"open"_s, bar.open},
                       {u"high"_s, bar.high},
                       {u"low"_s, bar.low},
                       {u"close"_s, bar.close},
                       {u"volume"_s, qint64(bar.volume)},
                       {u"records"_s, qint64(bar.records)},
                       {u"forming"_s, forming},
                       {u"filled"_s, bar.filled}};
}

} // namespace

void RestApi::installBars(Http::HttpRouter &router)
{
    // Both build the bars on a reader thread; they differ in how they write them.
    const auto route = [this](bool csv) {
        return [this, csv](Http::HttpRequest &&request, Http::HttpResponder responder) {
            const auto parsed = parseBarRequest(request.query);
            if (!parsed) {
                responder.send(Rest::badRequest(parsed.error()));
                return;
            }
            Storage::BarRange range;
            const QString error = Rest::query(m_path, [&](Storage::SqliteDatabase &db) {
                auto bars = Storage::readBars(db, parsed->query, Bars::Session(parsed->zone));
                if (!bars)
                    return Util::Status::failure(bars.error());
                range = std::move(*bars);
                return Util::Status();
            });
            if (!error.isEmpty()) {
                responder.send(Http::HttpResponse::error(500, error));
                return;
            }
            QByteArray body;
            if (csv) {
                body = Io::barCsvHeader(parsed->query.fillGaps);
                for (const Bars::Bar &bar : range.bars)
                    Io::appendBarCsvRow(parsed->query.symbol, bar, body, parsed->query.fillGaps);
            } else {
                QJsonArray rows;
                for (std::size_t i = 0; i < range.bars.size(); ++i)
                    rows.append(barJson(range.bars[i], range.lastForming && i + 1 == range.bars.size()));
                body = QJsonDocument(rows).toJson(QJsonDocument::Compact);
            }
            Http::HttpResponse response = Http::HttpResponse::json(200, std::move(body));
            if (csv)
                response.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
            responder.send(std::move(response));
        };
    };
    addRead(router, "/api/bars", route(false));
    addRead(router, "/api/bars.csv", route(true));
}

} // namespace Api
