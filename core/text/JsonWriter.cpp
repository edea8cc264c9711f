// SPDX-License-Identifier: MIT
#include "JsonWriter.h"

#include <charconv>
#include <cstdio>

namespace Text {

void appendNumber(double value, QByteArray &out)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendInteger(std::int64_t value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendEpochSeconds(Model::TimestampUs us, QByteArray &out)
{
    appendInteger(us / 1'000'000, out);
    char fraction[8];
    std::int64_t rest = us % 1'000'000;
    for (int i = 6; i >= 1; --i) {
        fraction[i] = char('0' + rest % 10);
        rest /= 10;
    }
    fraction[0] = '.';
    out.append(fraction, 7);
}

void appendString(const QString &text, QByteArray &out)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
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

void appendSymbolAndTime(const Model::Symbol &symbol, Model::TimestampUs timestamp, QByteArray &out)
{
    out += ",\"symbol\":\"";
    out.append(symbol.view().data(), qsizetype(symbol.size()));
    out += "\",\"timestamp\":";
    appendEpochSeconds(timestamp, out);
    out += ",\"time\":\"";
    appendIsoTime(timestamp, out);
    out += '"';
}

void appendNumberField(const char *name, double value, QByteArray &out)
{
    out += ",\"";
    out += name;
    out += "\":";
    appendNumber(value, out);
}

} // namespace Text
