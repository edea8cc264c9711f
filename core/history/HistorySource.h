// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"
#include "model/Records.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>
#include <QTime>
#include <QUrl>
#include <QVariantMap>

#include <vector>

/// History sources: market-data web APIs TickDesk fetches bars from, on a schedule, on demand and to fill
/// gaps in what it stored.
namespace History {

/// How a source's answers are laid out.
enum class Format
{
    Auto,         ///< told apart by the body: CSV, JSON records, Alpha Vantage or Yahoo chart JSON
    Csv,          ///< OHLCV CSV as the importer reads it (Yahoo, Stooq and the usual variants)
    Json,         ///< records in the ingest contract: an array (data.json), one object or NDJSON
    AlphaVantage, ///< Alpha Vantage's TIME_SERIES_* JSON
    YahooChart,   ///< Yahoo Finance's chart JSON (chart.result[0].timestamp and indicators.quote)
    TickDeskBars, ///< another TickDesk's /api/bars: an array of {time, open, high, low, close, volume, forming}
};
QString formatName(Format format);
/// The format of a name formatName() gives (or "csv", "json", ...); nullopt when unknown.
std::optional<Format> formatNamed(const QString &name);

/// One source: where to fetch a symbol's bars from and how to read them.
struct Source
{
    QString name;
    /// The request's URL with placeholders: {symbol} (percent-encoded; {symbol:lower} in lower case), {from} and
    /// {to} (Unix seconds; {from:yyyy-MM-dd} and the like format the UTC time), {interval}, {apikey}. Without
    /// {symbol}, one request answers for every symbol it holds.
    QString urlTemplate;
    Format format = Format::Auto;
    /// What one row of the source is: 1m, 5m, 15m, 30m, 1h, 4h, 1D or 1W.
    Bars::Timeframe interval = Bars::Timeframe::day();
    QString intervalText;      ///< what {interval} becomes; empty: the interval's name (1D, 5m, ...)
    int requestsPerMinute = 5; ///< at most this many requests started a minute; 0: no limit
    int timeoutSeconds = 30;   ///< a request with no data for this long fails (and is tried again)
    /// A source's bar that differs from the stored one replaces it (else it is reported and left).
    bool allowCorrections = false;
    /// How far back a refresh or a gap search reaches, in days.
    int lookbackDays = 7;

    bool operator==(const Source &) const = default;
    /// The text {interval} becomes.
    QString intervalParameter() const { return intervalText.isEmpty() ? interval.name() : intervalText; }
    bool perSymbol() const { return urlTemplate.contains(QLatin1String("{symbol")); }
};

/// Checks a source before it is saved or used; the message names the field and the problem.
Util::Status validate(const Source &source);

/// A source as named fields (name, url, format, interval, intervalText, requestsPerMinute, timeoutSeconds,
/// allowCorrections, lookbackDays): how the settings keep it and how `tickdesk refresh` hands it over.
QVariantMap toFields(const Source &source);
/// A source read back from toFields(); a field left out keeps its default. Checked with validate(); an unknown
/// format or interval is refused by name.
Util::Result<Source> sourceFromFields(const QVariantMap &fields);

/// The request for `symbol` over [from, to): the template's placeholders filled in.
Util::Result<QUrl> requestUrl(const Source &source, const Model::Symbol &symbol, Model::TimestampUs from,
                              Model::TimestampUs to, const QString &apiKey);

/// When a market trades: records are expected only then, so a stretch outside it is no gap. Days and hours
/// in `zone` (an IANA name; empty: UTC).
struct MarketHours
{
    QString zone;
    QTime open{0, 0};
    QTime close{0, 0}; ///< equal to `open`: all day
    /// Trading days, bit 0 Monday to bit 6 Sunday.
    int days = 0x7f;

    bool operator==(const MarketHours &) const = default;
    bool allDay() const { return open == close; }
};
Util::Status validate(const MarketHours &hours);

/// When a refresh runs by itself.
struct Schedule
{
    enum class Mode
    {
        Off,
        Daily, ///< every day at `at` in `zone`
        Every, ///< every `everyMinutes`
    };
    Mode mode = Mode::Off;
    QTime at{22, 0};
    QString zone; ///< IANA name; empty: the system's
    int everyMinutes = 60;
    QStringList symbols;  ///< empty: the watchlist
    QString source;       ///< empty: the first source
    bool fillGaps = true; ///< look for gaps at start and when the feed resumes after a pause

    bool operator==(const Schedule &) const = default;
};
Util::Status validate(const Schedule &schedule);
QString modeName(Schedule::Mode mode);
std::optional<Schedule::Mode> modeNamed(const QString &name);

/// Everything the trader sets about history: the sources, in the order they are tried, the schedule and the
/// market's hours.
struct Config
{
    std::vector<Source> sources;
    Schedule schedule;
    MarketHours hours;

    bool operator==(const Config &) const = default;
    /// The source of that name; the first one when `name` is empty; null when there is none.
    const Source *source(const QString &name) const;
};
Util::Status validate(const Config &config);

/// The first time after `now` a schedule runs, in UTC; invalid when it is off. A daily run missed since
/// `lastRun` (TickDesk was closed then) is due at once.
QDateTime nextRun(const Schedule &schedule, const QDateTime &now, const QDateTime &lastRun = {});

} // namespace History
