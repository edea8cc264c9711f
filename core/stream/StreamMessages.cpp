// SPDX-License-Identifier: MIT
#include "StreamMessages.h"

#include "ingest/RecordEncoder.h"
#include "io/Csv.h"

namespace Stream {

namespace {

void appendCommon(const Model::Symbol &symbol, Model::TimestampUs timestamp, QByteArray &out)
{
    out += ",\"symbol\":\"";
    out.append(symbol.view().data(), qsizetype(symbol.size()));
    out += "\",\"timestamp\":";
    Ingest::appendEpochSeconds(timestamp, out);
    out += ",\"time\":\"";
    Io::appendIsoTime(timestamp, out);
    out += '"';
}

void appendNumberField(const char *name, double value, QByteArray &out)
{
    out += ",\"";
    out += name;
    out += "\":";
    Ingest::appendNumber(value, out);
}

} // namespace

QByteArray tickMessage(const Pipeline::ProcessedTick &tick)
{
    QByteArray out;
    out.reserve(512);
    out += "{\"type\":\"tick\"";
    appendCommon(tick.bar.symbol, tick.bar.timestamp, out);
    appendNumberField("open", tick.bar.open, out);
    appendNumberField("high", tick.bar.high, out);
    appendNumberField("low", tick.bar.low, out);
    appendNumberField("close", tick.bar.close, out);
    out += ",\"volume\":";
    Ingest::appendInteger(tick.bar.volume, out);
    out += ",\"indicators\":";
    out += tick.indicators.toJson();
    out += '}';
    return out;
}

QByteArray barMessage(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state,
                      const Bars::Bar &bar, const Indicators::IndicatorSnapshot &indicators)
{
    QByteArray out;
    out.reserve(560);
    out += "{\"type\":\"bar\"";
    appendCommon(symbol, bar.openTime, out);
    out += ",\"timeframe\":\"";
    out += timeframe.name().toLatin1();
    out += "\",\"state\":\"";
    out += state;
    out += '"';
    appendNumberField("open", bar.open, out);
    appendNumberField("high", bar.high, out);
    appendNumberField("low", bar.low, out);
    appendNumberField("close", bar.close, out);
    out += ",\"volume\":";
    Ingest::appendInteger(bar.volume, out);
    out += ",\"records\":";
    Ingest::appendInteger(bar.records, out);
    out += ",\"indicators\":";
    out += indicators.toJson();
    out += '}';
    return out;
}

QByteArray signalMessage(const Model::TradeSignal &signal)
{
    QByteArray out;
    out.reserve(640);
    out += "{\"type\":\"signal\",\"id\":";
    Ingest::appendInteger(signal.id, out);
    appendCommon(signal.symbol, signal.timestamp, out);
    out += ",\"side\":\"";
    out += Model::sideName(signal.side);
    out += "\",\"rule\":";
    Ingest::appendString(signal.rule, out);
    out += ",\"timeframe\":";
    Ingest::appendString(signal.timeframe, out);
    out += ",\"reason\":";
    Ingest::appendString(signal.reason, out);
    appendNumberField("price", signal.price, out);
    out += ",\"indicators\":";
    out += signal.snapshot.isEmpty() ? QByteArray("{}") : signal.snapshot;
    out += '}';
    return out;
}

QByteArray alertMessage(const Model::TradeSignal &fire)
{
    QByteArray out;
    out.reserve(400);
    out += "{\"type\":\"alert\",\"id\":";
    Ingest::appendInteger(fire.id, out);
    appendCommon(fire.symbol, fire.timestamp, out);
    out += ",\"name\":";
    Ingest::appendString(fire.rule, out);
    out += ",\"timeframe\":";
    Ingest::appendString(fire.timeframe, out);
    out += ",\"reason\":";
    Ingest::appendString(fire.reason, out);
    appendNumberField("price", fire.price, out);
    // The fire's own fields (alert_id, value, level) are its snapshot's, an object written by the engine.
    if (fire.snapshot.size() > 2 && fire.snapshot.startsWith('{') && fire.snapshot.endsWith('}')) {
        out += ',';
        out.append(fire.snapshot.constData() + 1, fire.snapshot.size() - 2);
    }
    out += '}';
    return out;
}

} // namespace Stream
