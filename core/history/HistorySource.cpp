// SPDX-License-Identifier: MIT
#include "HistorySource.h"

#include "bars/Session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace History {

namespace {

struct FormatName
{
    Format format;
    QString name;
};
const FormatName FormatNames[] = {
    {Format::Auto, u"auto"_s},
    {Format::Csv, u"csv"_s},
    {Format::Json, u"json"_s},
    {Format::AlphaVantage, u"alphavantage"_s},
    {Format::YahooChart, u"yahoo-chart"_s},
    {Format::TickDeskBars, u"tickdesk-bars"_s},
};

const QRegularExpression &placeholders()
{
    static const QRegularExpression re(u"\\{([a-z]+)(?::([^}]*))?\\}"_s);
    return re;
}

} // namespace

QString formatName(Format format)
{
    for (const auto &f : FormatNames)
        if (f.format == format)
            return f.name;
    return u"auto"_s;
}

std::optional<Format> formatNamed(const QString &name)
{
    const QString key = name.trimmed().toLower();
    for (const auto &f : FormatNames)
        if (f.name == key)
            return f.format;
    if (key == u"data.json"_s || key == u"ndjson"_s)
        return Format::Json;
    return std::nullopt;
}

Util::Status validate(const Source &source)
{
    using S = Util::Status;
    if (source.name.trimmed().isEmpty())
        return S::failure(QCoreApplication::translate("History", "History source: the name is empty."));
    if (source.name.contains(u'/') || source.name.contains(u'\\'))
        return S::failure(
            QCoreApplication::translate("History", "History source \"%1\": the name may not hold / or \\.")
                .arg(source.name));
    const QUrl url(QString(source.urlTemplate).replace(placeholders(), u"x"_s), QUrl::StrictMode);
    if (source.urlTemplate.trimmed().isEmpty() || !url.isValid() ||
        (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return S::failure(QCoreApplication::translate(
                              "History", "History source \"%1\": \"%2\" is not an http:// or https:// address.")
                              .arg(source.name, source.urlTemplate));
    for (auto it = placeholders().globalMatch(source.urlTemplate); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(1);
        const QString option = m.captured(2);
        const bool known = name == u"symbol"_s ? (option.isEmpty() || option == u"lower"_s)
                           : (name == u"from"_s || name == u"to"_s)
                               ? true
                               : option.isEmpty() && (name == u"interval"_s || name == u"apikey"_s);
        if (!known)
            return S::failure(QCoreApplication::translate(
                                  "History",
                                  "History source \"%1\": unknown placeholder %2 (known: {symbol}, {symbol:lower}, "
                                  "{from}, {to}, {from:yyyy-MM-dd}, {interval}, {apikey}).")
                                  .arg(source.name, m.captured(0)));
    }
    const auto kind = source.interval.kind();
    if (kind != Bars::Timeframe::Kind::Day && kind != Bars::Timeframe::Kind::Week &&
        !(kind == Bars::Timeframe::Kind::Seconds && source.interval.size() % 60 == 0))
        return S::failure(
            QCoreApplication::translate("History",
                                        "History source \"%1\": the interval must be minutes, hours, 1D or 1W, not %2.")
                .arg(source.name, source.interval.name()));
    if (source.requestsPerMinute < 0 || source.requestsPerMinute > 6000)
        return S::failure(QCoreApplication::translate(
                              "History", "History source \"%1\": requests a minute must be 0 (no limit) to 6000.")
                              .arg(source.name));
    if (source.timeoutSeconds < 1 || source.timeoutSeconds > 600)
        return S::failure(
            QCoreApplication::translate("History", "History source \"%1\": the time-out must be 1 to 600 seconds.")
                .arg(source.name));
    if (source.lookbackDays < 1 || source.lookbackDays > 36'500)
        return S::failure(QCoreApplication::translate("History", "History source \"%1\": look back 1 to 36,500 days.")
                              .arg(source.name));
    return {};
}

QVariantMap toFields(const Source &source)
{
    return {{u"name"_s, source.name},
            {u"url"_s, source.urlTemplate},
            {u"format"_s, formatName(source.format)},
            {u"interval"_s, source.interval.name()},
            {u"intervalText"_s, source.intervalText},
            {u"requestsPerMinute"_s, source.requestsPerMinute},
            {u"timeoutSeconds"_s, source.timeoutSeconds},
            {u"allowCorrections"_s, source.allowCorrections},
            {u"lookbackDays"_s, source.lookbackDays}};
}

Util::Result<Source> sourceFromFields(const QVariantMap &fields)
{
    using R = Util::Result<Source>;
    Source s;
    s.name = fields.value(u"name"_s).toString();
    s.urlTemplate = fields.value(u"url"_s).toString();
    if (fields.contains(u"format"_s)) {
        const auto format = formatNamed(fields.value(u"format"_s).toString());
        if (!format)
            return R::failure(QCoreApplication::translate("History", "History source \"%1\": unknown format \"%2\".")
                                  .arg(s.name, fields.value(u"format"_s).toString()));
        s.format = *format;
    }
    if (fields.contains(u"interval"_s)) {
        auto interval = Bars::Timeframe::parse(fields.value(u"interval"_s).toString());
        if (!interval)
            return R::failure(
                QCoreApplication::translate("History", "History source \"%1\": %2").arg(s.name, interval.error()));
        s.interval = *interval;
    }
    s.intervalText = fields.value(u"intervalText"_s).toString();
    s.requestsPerMinute = fields.value(u"requestsPerMinute"_s, s.requestsPerMinute).toInt();
    s.timeoutSeconds = fields.value(u"timeoutSeconds"_s, s.timeoutSeconds).toInt();
    s.allowCorrections = fields.value(u"allowCorrections"_s, s.allowCorrections).toBool();
    s.lookbackDays = fields.value(u"lookbackDays"_s, s.lookbackDays).toInt();
    if (auto valid = validate(s); !valid)
        return R::failure(valid.error());
    return s;
}

Util::Result<QUrl> requestUrl(const Source &source, const Model::Symbol &symbol, Model::TimestampUs from,
                              Model::TimestampUs to, const QString &apiKey)
{
    using R = Util::Result<QUrl>;
    QString text;
    qsizetype at = 0;
    for (auto it = placeholders().globalMatch(source.urlTemplate); it.hasNext();) {
        const auto m = it.next();
        text += source.urlTemplate.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString name = m.captured(1);
        const QString option = m.captured(2);
        QString value;
        if (name == u"symbol"_s)
            value = option == u"lower"_s ? symbol.toString().toLower() : symbol.toString();
        else if (name == u"from"_s || name == u"to"_s) {
            const qint64 seconds = Bars::floorDiv(name == u"from"_s ? from : to, 1'000'000);
            value = option.isEmpty() ? QString::number(seconds)
                                     : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(option);
        } else if (name == u"interval"_s)
            value = source.intervalParameter();
        else if (name == u"apikey"_s)
            value = apiKey;
        else
            return R::failure(QCoreApplication::translate("History", "unknown placeholder %1").arg(m.captured(0)));
        text += QString::fromLatin1(QUrl::toPercentEncoding(value, "-._~:"));
    }
    text += source.urlTemplate.mid(at);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return R::failure(
            QCoreApplication::translate("History", "the address \"%1\" is not valid: %2").arg(text, url.errorString()));
    return url;
}

Util::Status validate(const MarketHours &hours)
{
    if (!hours.zone.isEmpty())
        if (auto zone = Bars::timeZoneNamed(hours.zone); !zone)
            return Util::Status::failure(QCoreApplication::translate("History", "Market hours: %1").arg(zone.error()));
    if (!hours.open.isValid() || !hours.close.isValid())
        return Util::Status::failure(
            QCoreApplication::translate("History", "Market hours: the opening and closing times must be valid times."));
    if ((hours.days & 0x7f) == 0)
        return Util::Status::failure(
            QCoreApplication::translate("History", "Market hours: pick at least one trading day."));
    return {};
}

QString modeName(Schedule::Mode mode)
{
    switch (mode) {
    case Schedule::Mode::Daily:
        return u"daily"_s;
    case Schedule::Mode::Every:
        return u"every"_s;
    case Schedule::Mode::Off:
        break;
    }
    return u"off"_s;
}

std::optional<Schedule::Mode> modeNamed(const QString &name)
{
    for (auto mode : {Schedule::Mode::Off, Schedule::Mode::Daily, Schedule::Mode::Every})
        if (modeName(mode) == name)
            return mode;
    return std::nullopt;
}

Util::Status validate(const Schedule &schedule)
{
    if (!schedule.zone.isEmpty())
        if (auto zone = Bars::timeZoneNamed(schedule.zone); !zone)
            return Util::Status::failure(
                QCoreApplication::translate("History", "Refresh schedule: %1").arg(zone.error()));
    if (!schedule.at.isValid())
        return Util::Status::failure(
            QCoreApplication::translate("History", "Refresh schedule: the time of day is not valid."));
    if (schedule.everyMinutes < 1 || schedule.everyMinutes > 7 * 24 * 60)
        return Util::Status::failure(
            QCoreApplication::translate("History", "Refresh schedule: every 1 to 10,080 minutes."));
    for (const QString &symbol : schedule.symbols)
        if (Model::Symbol parsed; !Model::Symbol::fromString(symbol, parsed))
            return Util::Status::failure(
                QCoreApplication::translate("History", "Refresh schedule: \"%1\" is not a symbol.").arg(symbol));
    return {};
}

const Source *Config::source(const QString &name) const
{
    for (const Source &s : sources)
        if (name.isEmpty() || s.name == name)
            return &s;
    return nullptr;
}

Util::Status validate(const Config &config)
{
    for (std::size_t i = 0; i < config.sources.size(); ++i) {
        if (auto s = validate(config.sources[i]); !s)
            return s;
        for (std::size_t j = 0; j < i; ++j)
            if (config.sources[j].name == config.sources[i].name)
                return Util::Status::failure(
                    QCoreApplication::translate("History", "History source \"%1\": two sources have that name.")
                        .arg(config.sources[i].name));
    }
    if (auto s = validate(config.schedule); !s)
        return s;
    if (!config.schedule.source.isEmpty() && !config.source(config.schedule.source))
        return Util::Status::failure(
            QCoreApplication::translate("History", "Refresh schedule: there is no source named \"%1\".")
                .arg(config.schedule.source));
    return validate(config.hours);
}

QDateTime nextRun(const Schedule &schedule, const QDateTime &now, const QDateTime &lastRun)
{
    switch (schedule.mode) {
    case Schedule::Mode::Off:
        return {};
    case Schedule::Mode::Every: {
        const qint64 step = qint64(schedule.everyMinutes) * 60;
        if (!lastRun.isValid() || lastRun > now)
            return now.toUTC();
        const QDateTime due = lastRun.addSecs(step);
        return (due > now ? due : now).toUTC();
    }
    case Schedule::Mode::Daily: {
        QTimeZone zone = QTimeZone::systemTimeZone();
        if (!schedule.zone.isEmpty())
            if (auto named = Bars::timeZoneNamed(schedule.zone))
                zone = *named;
        const QDateTime local = now.toTimeZone(zone);
        if (lastRun.isValid()) {
            // The latest time it should have run at: missed since the last run, it is due now.
            for (int day = 0; day > -3; --day) {
                const QDateTime at(local.date().addDays(day), schedule.at, zone);
                if (at <= now) {
                    if (lastRun < at)
                        return now.toUTC();
                    break;
                }
            }
        }
        // Today's time if still ahead, else tomorrow's; a time a daylight-saving jump skips runs when the
        // clock has moved past it (Qt moves it forward by the gap).
        for (int day = 0; day < 3; ++day) {
            const QDateTime at(local.date().addDays(day), schedule.at, zone);
            if (at > now)
                return at.toUTC();
        }
        return {};
    }
    }
    return {};
}

} // namespace History
