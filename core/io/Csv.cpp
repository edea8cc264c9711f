// SPDX-License-Identifier: MIT
#include "Csv.h"

#include "ingest/RecordEncoder.h"

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

namespace {

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
void civilFromDays(std::int64_t z, int &year, unsigned &month, unsigned &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = int(std::int64_t(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

} // namespace

void appendIsoTime(Model::TimestampUs us, QByteArray &out)
{
    const std::int64_t ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const std::int64_t seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const auto secondOfDay = unsigned(seconds - days * 86400);
    int year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    char buffer[40];
    const int n =
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", year, month, day,
                      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, unsigned(ms - seconds * 1000));
    out.append(buffer, n);
}

QByteArray signalCsvHeader()
{
    return QByteArrayLiteral("id,time_utc,epoch_s,symbol,side,rule,timeframe,price,reason,snapshot\r\n");
}

void appendSignalCsvRow(const Model::TradeSignal &s, QByteArray &out)
{
    Ingest::appendInteger(s.id, out);
    out += ',';
    appendIsoTime(s.timestamp, out);
    out += ',';
    Ingest::appendEpochSeconds(s.timestamp, out);
    out += ',';
    out.append(s.symbol.view().data(), qsizetype(s.symbol.size()));
    out += ',';
    out += Model::sideName(s.side);
    out += ',';
    appendCsvField(s.rule.toUtf8(), out);
    out += ',';
    appendCsvField(s.timeframe.toUtf8(), out);
    out += ',';
    Ingest::appendNumber(s.price, out);
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
    appendIsoTime(t.timestamp, out);
    out += ',';
    Ingest::appendEpochSeconds(t.timestamp, out);
    out += ',';
    out.append(t.symbol.view().data(), qsizetype(t.symbol.size()));
    for (const double v : {t.open, t.high, t.low, t.close}) {
        out += ',';
        Ingest::appendNumber(v, out);
    }
    out += ',';
    Ingest::appendInteger(t.volume, out);
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
    Ingest::appendInteger(bar.records, out);
    if (withFilled)
        out += bar.filled ? ",1" : ",0";
    out += "\r\n";
}

} // namespace Io
