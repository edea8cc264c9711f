// SPDX-License-Identifier: MIT
#include "SignalJson.h"

#include "JsonWriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Text {

QByteArray signalJson(const Model::TradeSignal &signal)
{
    QByteArray out;
    out.reserve(640);
    out += "{\"type\":\"signal\",\"id\":";
    Text::appendInteger(signal.id, out);
    appendSymbolAndTime(signal.symbol, signal.timestamp, out);
    out += ",\"side\":\"";
    out += Model::sideName(signal.side);
    out += "\",\"rule\":";
    Text::appendString(signal.ruleName(), out);
    out += ",\"timeframe\":";
    Text::appendString(signal.timeframe, out);
    out += ",\"reason\":";
    Text::appendString(signal.reason, out);
    appendNumberField("price", signal.price, out);
    out += ",\"indicators\":";
    out += signal.snapshot.isEmpty() ? QByteArray("{}") : signal.snapshot;
    out += '}';
    return out;
}

QByteArray alertJson(const Model::TradeSignal &fire)
{
    QByteArray out;
    out.reserve(400);
    out += "{\"type\":\"alert\",\"id\":";
    Text::appendInteger(fire.id, out);
    appendSymbolAndTime(fire.symbol, fire.timestamp, out);
    out += ",\"name\":";
    Text::appendString(fire.alertName, out);
    out += ",\"timeframe\":";
    Text::appendString(fire.timeframe, out);
    out += ",\"reason\":";
    Text::appendString(fire.reason, out);
    appendNumberField("price", fire.price, out);
    // The fire's own fields (alert_id, value, level) are its snapshot's, an object written by the engine.
    if (fire.snapshot.size() > 2 && fire.snapshot.startsWith('{') && fire.snapshot.endsWith('}')) {
        out += ',';
        out.append(fire.snapshot.constData() + 1, fire.snapshot.size() - 2);
    }
    out += '}';
    return out;
}

std::optional<Model::TradeSignal> signalFromJson(QByteArrayView json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<Model::TradeSignal> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parse);
    if (!document.isObject())
        return fail(parse.error != QJsonParseError::NoError ? parse.errorString() : u"not a JSON object"_s);
    const QJsonObject o = document.object();
    const QString type = o.value(u"type"_s).toString();
    if (type != u"signal"_s && type != u"alert"_s)
        return fail(u"type must be signal or alert"_s);
    const bool fire = type == u"alert"_s;
    Model::TradeSignal s;
    s.id = o.value(u"id"_s).toInteger();
    if (!Model::Symbol::fromString(o.value(u"symbol"_s).toString(), s.symbol))
        return fail(u"symbol is missing or not a symbol"_s);
    const double seconds = o.value(u"timestamp"_s).toDouble(-1);
    if (!(seconds >= 0 && seconds < 32503680000.0))
        return fail(u"timestamp must be epoch seconds"_s);
    s.timestamp = std::llround(seconds * 1e6);
    s.price = o.value(u"price"_s).toDouble();
    s.reason = o.value(u"reason"_s).toString();
    s.timeframe = o.value(u"timeframe"_s).toString(u"record"_s);
    if (fire) {
        s.side = Model::SignalSide::Alert;
        s.setRuleName(o.value(u"name"_s).toString(), true);
        // The fire's own fields make its snapshot again, the alert's id first (as the engine writes it).
        QByteArray snapshot = "{\"alert_id\":";
        appendInteger(o.value(u"alert_id"_s).toInteger(), snapshot);
        for (const char *field : {"value", "level"})
            if (const QJsonValue v = o.value(QLatin1String(field)); v.isDouble())
                appendNumberField(field, v.toDouble(), snapshot);
        s.snapshot = snapshot + '}';
    } else {
        const QString side = o.value(u"side"_s).toString();
        if (side != u"buy"_s && side != u"sell"_s && side != u"alert"_s)
            return fail(u"side must be buy, sell or alert"_s);
        s.side = Model::sideFromName(side);
        s.setRuleName(o.value(u"rule"_s).toString(), false);
        const QJsonObject indicators = o.value(u"indicators"_s).toObject();
        s.snapshot = indicators.isEmpty() ? QByteArray() : QJsonDocument(indicators).toJson(QJsonDocument::Compact);
    }
    return s;
}

} // namespace Text
