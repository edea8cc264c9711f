// SPDX-License-Identifier: MIT
#include "Csv.h"

#include "text/JsonWriter.h"

#include <cstdio>

namespace Io {

void appendCsvField(QByteArrayView utf8, QByteArray &out)
{
    bool plain = true;
    for (const char c : utf8)
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            plain = false;
            break;
        }
    if (plain) {
        out.append(utf8);
        return;
    }
    // Quoted, with each quote doubled: copied a run at a time, up to and including each quote.
    out += '"';
    qsizetype from = 0;
    for (qsizetype quote = utf8.indexOf('"'); quote >= 0; quote = utf8.indexOf('"', from)) {
        out.append(utf8.sliced(from, quote + 1 - from));
        out += '"';
        from = quote + 1;
    }
    out.append(utf8.sliced(from));
    out += '"';
}

QByteArray csvField(QStringView text)
{
    QByteArray out;
    appendCsvField(text.toUtf8(), out);
    return out;
}

QByteArray signalCsvHeader()
{
    return QByteArrayLiteral("id,time_utc,epoch_s,symbol,side,rule,timeframe,price,reason,snapshot\r\n");
}

void appendSignalCsvRow(const Model::TradeSignal &s, QByteArray &out)
{
    Text::appendInteger(s.id, out);
    out += ',';
    Text::appendIsoTime(s.timestamp, out);
    out += ',';
    Text::appendEpochSeconds(s.timestamp, out);
    out += ',';
    out.append(s.symbol.view().data(), qsizetype(s.symbol.size()));
    out += ',';
    out += Model::sideName(s.side);
    out += ',';
    appendCsvField(s.ruleName().toUtf8(), out);
    out += ',';
    appendCsvField(s.timeframe.toUtf8(), out);
    out += ',';
    Text::appendNumber(s.price, out);
    out += ',';
    appendCsvField(s.reason.toUtf8(), out);
    out += ',';
    appendCsvField(s.snapshot, out);
    out += "\r\n";
}

QByteArray signalCsvRow(const Model::TradeSignal &s)
{
    QByteArray row;
    appendSignalCsvRow(s, row);
    return row;
}

QByteArray tickCsvHeader()
{
    return QByteArrayLiteral("time_utc,epoch_s,symbol,open,high,low,close,volume\r\n");
}

namespace {

void appendTickFields(const Model::Tick &t, QByteArray &out)
{
    Text::appendIsoTime(t.timestamp, out);
    out += ',';
    Text::appendEpochSeconds(t.timestamp, out);
    out += ',';
    out.append(t.symbol.view().data(), qsizetype(t.symbol.size()));
    for (const double v : {t.open, t.high, t.low, t.close}) {
        out += ',';
        Text::appendNumber(v, out);
    }
    out += ',';
    Text::appendInteger(t.volume, out);
}

} // namespace

void appendTickCsvRow(const Model::Tick &t, QByteArray &out)
{
    appendTickFields(t, out);
    out += "\r\n";
}

QByteArray barCsvHeader(bool withFilled)
{
    return withFilled ? QByteArrayLiteral("time_utc,epoch_s,symbol,open,high,low,close,volume,records,filled\r\n")
                      : QByteArrayLiteral("time_utc,epoch_s,symbol,open,high,low,close,volume,records\r\n");
}

void appendBarCsvRow(const Model::Symbol &symbol, const Bars::Bar &bar, QByteArray &out, bool withFilled)
{
    appendTickFields(Model::Tick{symbol, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.openTime}, out);
    out += ',';
    Text::appendInteger(bar.records, out);
    if (withFilled)
        out += bar.filled ? ",1" : ",0";
    out += "\r\n";
}

} // namespace Io
