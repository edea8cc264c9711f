// SPDX-License-Identifier: MIT
#include "OhlcvCsv.h"

#include "ingest/RecordDecoder.h"
#include "ingest/RecordEncoder.h"

#include <QDateTime>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Io {

QList<QByteArrayView> splitCsvLine(QByteArrayView line, char delimiter, std::vector<QByteArray> &unquoted)
{
    QList<QByteArrayView> fields;
    unquoted.clear();
    unquoted.reserve(std::size_t(line.size())); // views into it stay valid
    qsizetype i = 0;
    for (;;) {
        if (i < line.size() && line[i] == '"') {
            QByteArray field;
            ++i;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            while (i < line.size() && line[i] != delimiter) // text after the closing quote is kept as is
                field += line[i++];
            unquoted.push_back(std::move(field));
            fields.append(QByteArrayView(unquoted.back()));
        } else {
            const qsizetype start = i;
            while (i < line.size() && line[i] != delimiter)
                ++i;
            fields.append(line.sliced(start, i - start).trimmed());
        }
        if (i >= line.size())
            break;
        ++i; // the delimiter
    }
    return fields;
}

namespace {

std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
}

bool digits(QByteArrayView text, qsizetype at, int count, int &out)
{
    if (at + count > text.size())
        return false;
    out = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

/// HH:MM[:SS[.fff]] or HHMMSS from `at` to the end (a trailing Z allowed); microseconds of the day.
std::optional<std::int64_t> parseTimeOfDay(QByteArrayView text, qsizetype at)
{
    int h = 0, mi = 0, s = 0;
    qsizetype i = at;
    if (!digits(text, i, 2, h))
        return std::nullopt;
    i += 2;
    const bool colon = i < text.size() && text[i] == ':';
    if (colon)
        ++i;
    if (!digits(text, i, 2, mi))
        return std::nullopt;
    i += 2;
    if (i < text.size() && (text[i] == ':' || (!colon && text[i] >= '0' && text[i] <= '9'))) {
        if (text[i] == ':')
            ++i;
        if (!digits(text, i, 2, s))
            return std::nullopt;
        i += 2;
    }
    std::int64_t us = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::int64_t scale = 100000;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            us += (text[i++] - '0') * scale;
            scale /= 10;
        }
    }
    if (i < text.size() && text[i] == 'Z')
        ++i;
    if (i != text.size() || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    return ((h * 60 + mi) * 60 + s) * std::int64_t(1'000'000) + us;
}

} // namespace

/// Epoch seconds (or milliseconds when it is that large), YYYY-MM-DD with an
/// optional time after 'T' or a space, or YYYYMMDD. UTC.
std::optional<Model::TimestampUs> parseCsvTime(QByteArrayView text, QByteArrayView timeOfDay = {})
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    qsizetype rest = -1;
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && digits(text, 0, 4, y) && digits(text, 5, 2, m) &&
        digits(text, 8, 2, d))
        rest = 10;
    else if (text.size() == 8 && digits(text, 0, 4, y) && digits(text, 4, 2, m) && digits(text, 6, 2, d))
        rest = 8;
    if (rest < 0) {
        double seconds = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        if (seconds >= 1e11) // milliseconds
            seconds /= 1000;
        return Model::TimestampUs(std::llround(seconds * 1e6));
    }
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return std::nullopt;
    std::int64_t us = daysFromCivil(y, unsigned(m), unsigned(d)) * 86'400'000'000LL;
    if (rest < text.size()) {
        if (text[rest] != 'T' && text[rest] != ' ')
            return std::nullopt;
        const auto t = parseTimeOfDay(text, rest + 1);
        if (!t)
            return std::nullopt;
        us += *t;
    } else if (!timeOfDay.trimmed().isEmpty()) {
        const auto t = parseTimeOfDay(timeOfDay.trimmed(), 0);
        if (!t)
            return std::nullopt;
        us += *t;
    }
    return us;
}

namespace {

/// YYYY-MM-DD or YYYYMMDD with no time of day.
bool isDateOnly(QByteArrayView text)
{
    text = text.trimmed();
    return (text.size() == 10 && text[4] == '-' && text[7] == '-') ||
           (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

} // namespace

Model::TimestampUs dayStartIn(Model::TimestampUs utcMidnight, const QTimeZone &zone)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(utcMidnight / 1000, QTimeZone::utc()).date();
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch() * 1000;
}

namespace {

struct Columns
{
    int time = -1;
    int timeOfDay = -1;
    int open = -1, high = -1, low = -1, close = -1, volume = -1, symbol = -1;
};

QByteArray normalised(QByteArrayView name)
{
    QByteArray n = name.trimmed().toByteArray().toLower();
    n.replace('<', "").replace('>', "").replace('"', "");
    return n.trimmed();
}

Util::Result<Columns> findColumns(const QList<QByteArrayView> &header)
{
    Columns c;
    for (int i = 0; i < int(header.size()); ++i) {
        const QByteArray n = normalised(header[i]);
        const auto is = [&n](std::initializer_list<const char *> names) {
            for (const char *name : names)
                if (n == name)
                    return true;
            return false;
        };
        if (is({"date", "datetime", "date/time", "timestamp", "time_utc", "epoch_s"}) && c.time < 0)
            c.time = i;
        else if (is({"time"}))
            c.timeOfDay = i;
        else if (is({"open", "opening_price", "open price"}))
            c.open = i;
        else if (is({"high", "high price"}))
            c.high = i;
        else if (is({"low", "low price"}))
            c.low = i;
        else if (is({"close", "closing_price", "close price", "last"}))
            c.close = i;
        else if (is({"volume", "vol", "vol."}))
            c.volume = i;
        else if (is({"symbol", "ticker", "stock_symbol"}))
            c.symbol = i;
    }
    if (c.time < 0 && c.timeOfDay >= 0)
        std::swap(c.time, c.timeOfDay); // a lone "time" column holds the whole time
    QStringList missing;
    if (c.time < 0)
        missing << u"date (or time, timestamp)"_s;
    for (const auto &[index, name] :
         {std::pair{c.open, "open"}, std::pair{c.high, "high"}, std::pair{c.low, "low"}, std::pair{c.close, "close"}})
        if (index < 0)
            missing << QString::fromLatin1(name);
    if (!missing.isEmpty())
        return Util::Result<Columns>::failure(u"the header has no %1 column"_s.arg(missing.join(u", "_s)));
    return c;
}

char detectDelimiter(QByteArrayView header)
{
    const qsizetype commas = header.count(','), semicolons = header.count(';'), tabs = header.count('\t');
    if (tabs > commas && tabs >= semicolons)
        return '\t';
    return semicolons > commas ? ';' : ',';
}

std::optional<double> parseNumber(QByteArrayView text)
{
    text = text.trimmed();
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.isEmpty() || r.ec != std::errc() || r.ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

} // namespace

bool headerHasSymbol(QByteArrayView headerLine)
{
    std::vector<QByteArray> unquoted;
    const auto columns = findColumns(splitCsvLine(headerLine, detectDelimiter(headerLine), unquoted));
    return !columns || columns->symbol >= 0; // a header that is no OHLCV header fails later with its reason
}

Util::Status readOhlcvCsv(QByteArrayView text, const ImportOptions &options, Model::RecordBatch &out,
                          ImportReport &report, const std::atomic<bool> &cancel, const Progress &progress)
{
    report.format = u"CSV"_s;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3); // a byte-order mark from a spreadsheet
    qsizetype pos = 0;
    qint64 lineNumber = 0;
    const auto nextLine = [&]() -> QByteArrayView {
        const qsizetype end = text.indexOf('\n', pos);
        const qsizetype stop = end < 0 ? text.size() : end;
        QByteArrayView line = text.sliced(pos, stop - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = stop + 1;
        ++lineNumber;
        return line;
    };
    QByteArrayView headerLine;
    while (pos < text.size() && headerLine.trimmed().isEmpty())
        headerLine = nextLine();
    if (headerLine.trimmed().isEmpty())
        return Util::Status::failure(u"the file is empty"_s);
    const char delimiter = detectDelimiter(headerLine);
    std::vector<QByteArray> unquoted;
    const auto columns = findColumns(splitCsvLine(headerLine, delimiter, unquoted));
    if (!columns)
        return Util::Status::failure(u"line %1: %2"_s.arg(lineNumber).arg(columns.error()));
    const Columns c = *columns;
    Model::Symbol fixedSymbol;
    if (c.symbol < 0) {
        if (options.symbol.isEmpty())
            return Util::Status::failure(u"the file has no symbol column: say which symbol it holds"_s);
        if (!Model::Symbol::fromString(options.symbol.trimmed().toUpper(), fixedSymbol))
            return Util::Status::failure(u"\"%1\" is not a symbol"_s.arg(options.symbol));
    }
    const int needed = std::max({c.time, c.timeOfDay, c.open, c.high, c.low, c.close, c.volume, c.symbol}) + 1;

    Ingest::RecordDecoder decoder;
    QByteArray json;
    while (pos < text.size()) {
        const QByteArrayView line = nextLine();
        if (line.trimmed().isEmpty())
            continue;
        ++report.read;
        if ((report.read & 0xFFFF) == 0) {
            if (cancel.load())
                return Util::Status::failure(u"import cancelled"_s);
            if (progress)
                progress(pos, text.size());
        }
        const QList<QByteArrayView> f = splitCsvLine(line, delimiter, unquoted);
        if (f.size() < needed) {
            report.skip(lineNumber, u"%1 fields, expected %2"_s.arg(f.size()).arg(needed));
            continue;
        }
        Model::Tick t;
        const auto time = parseCsvTime(f[c.time], c.timeOfDay >= 0 ? f[c.timeOfDay] : QByteArrayView());
        if (!time) {
            report.skip(lineNumber, u"\"%1\" is not a date or time"_s.arg(QString::fromUtf8(f[c.time]).left(40)));
            continue;
        }
        t.timestamp = *time;
        if (options.dayZone != QTimeZone::utc() && isDateOnly(f[c.time]) &&
            (c.timeOfDay < 0 || f[c.timeOfDay].trimmed().isEmpty()))
            t.timestamp = dayStartIn(t.timestamp, options.dayZone);
        bool ok = true;
        for (const auto &[index, target, name] :
             {std::tuple{c.open, &t.open, "open"}, std::tuple{c.high, &t.high, "high"},
              std::tuple{c.low, &t.low, "low"}, std::tuple{c.close, &t.close, "close"}}) {
            const auto v = parseNumber(f[index]);
            if (!v) {
                report.skip(lineNumber, u"%1 \"%2\" is not a number"_s.arg(QLatin1String(name),
                                                                           QString::fromUtf8(f[index]).left(40)));
                ok = false;
                break;
            }
            *target = *v;
        }
        if (!ok)
            continue;
        if (c.volume >= 0 && !f[c.volume].trimmed().isEmpty()) {
            const auto v = parseNumber(f[c.volume]);
            if (!v || *v < 0 || *v != std::floor(*v) || *v > 9e15) {
                report.skip(lineNumber, u"volume \"%1\" is not a whole number of shares"_s.arg(
                                            QString::fromUtf8(f[c.volume]).left(40)));
                continue;
            }
            t.volume = std::int64_t(*v);
        }
        if (c.symbol >= 0) {
            const QByteArray name = f[c.symbol].trimmed().toByteArray().toUpper();
            if (!Model::Symbol::parse(std::string_view(name.constData(), std::size_t(name.size())), t.symbol)) {
                report.skip(lineNumber, u"symbol \"%1\" is not 1 to 16 of A-Z 0-9 . - ^ ="_s.arg(
                                            QString::fromUtf8(f[c.symbol]).left(40)));
                continue;
            }
        } else {
            t.symbol = fixedSymbol;
        }
        // The ingest decoder has the last word, so a file is held to exactly the rules of /ingest.
        json.resize(0);
        Ingest::appendJson(t, json);
        if (const auto error = decoder.decode(std::string_view(json.constData(), std::size_t(json.size())), out)) {
            report.skip(lineNumber, error->message);
            continue;
        }
        ++report.accepted;
    }
    return {};
}

} // namespace Io
