// SPDX-License-Identifier: MIT
#include "StreamMessages.h"

#include "text/JsonWriter.h"

namespace Stream {

QByteArray tickMessage(const Pipeline::ProcessedTick &tick)
{
    QByteArray out;
    out.reserve(512);
    out += "{\"type\":\"tick\"";
    Text::appendSymbolAndTime(tick.bar.symbol, tick.bar.timestamp, out);
    Text::appendNumberField("open", tick.bar.open, out);
    Text::appendNumberField("high", tick.bar.high, out);
    Text::appendNumberField("low", tick.bar.low, out);
    Text::appendNumberField("close", tick.bar.close, out);
    out += ",\"volume\":";
    Text::appendInteger(tick.bar.volume, out);
    out += ",\"indicators\":";
    out += tick.indicators.toJson();
    if (tick.late)
        out += ",\"late\":true";
    out += '}';
    return out;
}

QByteArray barMessage(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state,
                      const Bars::Bar &bar, const Indicators::IndicatorSnapshot &indicators)
{
    QByteArray out;
    out.reserve(560);
    out += "{\"type\":\"bar\"";
    Text::appendSymbolAndTime(symbol, bar.openTime, out);
    out += ",\"timeframe\":\"";
    out += timeframe.name().toLatin1();
    out += "\",\"state\":\"";
    out += state;
    out += '"';
    Text::appendNumberField("open", bar.open, out);
    Text::appendNumberField("high", bar.high, out);
    Text::appendNumberField("low", bar.low, out);
    Text::appendNumberField("close", bar.close, out);
    out += ",\"volume\":";
    Text::appendInteger(bar.volume, out);
    out += ",\"records\":";
    Text::appendInteger(bar.records, out);
    out += ",\"indicators\":";
    out += indicators.toJson();
    out += '}';
    return out;
}

} // namespace Stream
