// SPDX-License-Identifier: MIT
#include "SignalJson.h"

#include "JsonWriter.h"

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

} // namespace Text
