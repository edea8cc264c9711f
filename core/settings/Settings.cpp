// SPDX-License-Identifier: MIT
#include "Settings.h"
#include "nats/NatsIngest.h"

#include "bars/Session.h"

#include <QHostAddress>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

Settings::Settings(const QString &iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{}

QString Settings::bindAddress() const
{
    return m_settings.value(u"server/bind"_s, u"127.0.0.1"_s).toString();
}

void Settings::setBindAddress(const QString &address)
{
    m_settings.setValue(u"server/bind"_s, address);
}

quint16 Settings::port() const
{
    return quint16(m_settings.value(u"server/port"_s, DefaultPort).toUInt());
}

void Settings::setPort(quint16 port)
{
    m_settings.setValue(u"server/port"_s, port);
}

quint16 Settings::webSocketPort() const
{
    return quint16(m_settings.value(u"server/wsPort"_s, DefaultWebSocketPort).toUInt());
}

void Settings::setWebSocketPort(quint16 port)
{
    m_settings.setValue(u"server/wsPort"_s, port);
}

QString Settings::databasePath() const
{
    return m_settings.value(u"storage/path"_s).toString();
}

void Settings::setDatabasePath(const QString &path)
{
    m_settings.setValue(u"storage/path"_s, path);
}

bool Settings::fullSync() const
{
    return m_settings.value(u"storage/fullSync"_s, false).toBool();
}

void Settings::setFullSync(bool on)
{
    m_settings.setValue(u"storage/fullSync"_s, on);
}

Indicators::IndicatorConfig Settings::indicators() const
{
    Indicators::IndicatorConfig c;
    const auto get = [this](const char *key, int fallback) {
        return m_settings.value(QStringLiteral("indicators/") + QLatin1StringView(key), fallback).toInt();
    };
    c.sma = get("sma", c.sma);
    c.ema = get("ema", c.ema);
    c.rsi = get("rsi", c.rsi);
    c.macdFast = get("macdFast", c.macdFast);
    c.macdSlow = get("macdSlow", c.macdSlow);
    c.macdSignal = get("macdSignal", c.macdSignal);
    c.bollinger = get("bollinger", c.bollinger);
    c.bollingerDeviations = m_settings.value(u"indicators/bollingerDeviations"_s, c.bollingerDeviations).toDouble();
    c.atr = get("atr", c.atr);
    c.vwap = get("vwap", c.vwap);
    c.crossFast = get("crossFast", c.crossFast);
    c.crossSlow = get("crossSlow", c.crossSlow);
    return c;
}

void Settings::setIndicators(const Indicators::IndicatorConfig &c)
{
    const std::pair<const char *, int> values[] = {
        {"sma", c.sma},
        {"ema", c.ema},
        {"rsi", c.rsi},
        {"macdFast", c.macdFast},
        {"macdSlow", c.macdSlow},
        {"macdSignal", c.macdSignal},
        {"bollinger", c.bollinger},
        {"atr", c.atr},
        {"vwap", c.vwap},
        {"crossFast", c.crossFast},
        {"crossSlow", c.crossSlow},
    };
    for (const auto &[key, value] : values)
        m_settings.setValue(QStringLiteral("indicators/") + QLatin1StringView(key), value);
    m_settings.setValue(u"indicators/bollingerDeviations"_s, c.bollingerDeviations);
}

Signals::RuleConfig Settings::rules() const
{
    Signals::RuleConfig c;
    const auto flag = [this](const char *key, bool fallback) {
        return m_settings.value(QStringLiteral("rules/") + QLatin1StringView(key), fallback).toBool();
    };
    const auto number = [this](const char *key, double fallback) {
        return m_settings.value(QStringLiteral("rules/") + QLatin1StringView(key), fallback).toDouble();
    };
    c.rsiTrend = flag("rsiTrend", c.rsiTrend);
    c.rsiBuyBelow = number("rsiBuyBelow", c.rsiBuyBelow);
    c.rsiSellAbove = number("rsiSellAbove", c.rsiSellAbove);
    c.rsiRearm = number("rsiRearm", c.rsiRearm);
    c.maCross = flag("maCross", c.maCross);
    c.crossSpreadPercent = number("crossSpreadPercent", c.crossSpreadPercent);
    c.priceMove = flag("priceMove", c.priceMove);
    c.priceMovePercent = number("priceMovePercent", c.priceMovePercent);
    c.priceMoveWindowSeconds = int(number("priceMoveWindowSeconds", c.priceMoveWindowSeconds));
    c.newsSentiment = flag("newsSentiment", c.newsSentiment);
    c.sentimentScore = number("sentimentScore", c.sentimentScore);
    c.sentimentMagnitude = number("sentimentMagnitude", c.sentimentMagnitude);
    c.cooldownSeconds = int(number("cooldownSeconds", c.cooldownSeconds));
    const QString timeframe = m_settings.value(u"rules/timeframe"_s, c.timeframe.name()).toString();
    if (const auto parsed = Bars::Timeframe::parse(timeframe))
        c.timeframe = *parsed;
    else
        qWarning("rules/timeframe ignored, %s used: %s", qPrintable(c.timeframe.name()), qPrintable(parsed.error()));
    return c;
}

void Settings::setRules(const Signals::RuleConfig &c)
{
    const std::pair<const char *, QVariant> values[] = {
        {"rsiTrend", c.rsiTrend},
        {"rsiBuyBelow", c.rsiBuyBelow},
        {"rsiSellAbove", c.rsiSellAbove},
        {"rsiRearm", c.rsiRearm},
        {"maCross", c.maCross},
        {"crossSpreadPercent", c.crossSpreadPercent},
        {"priceMove", c.priceMove},
        {"priceMovePercent", c.priceMovePercent},
        {"priceMoveWindowSeconds", c.priceMoveWindowSeconds},
        {"newsSentiment", c.newsSentiment},
        {"sentimentScore", c.sentimentScore},
        {"sentimentMagnitude", c.sentimentMagnitude},
        {"cooldownSeconds", c.cooldownSeconds},
    };
    for (const auto &[key, value] : values)
        m_settings.setValue(QStringLiteral("rules/") + QLatin1StringView(key), value);
    m_settings.setValue(u"rules/timeframe"_s, c.timeframe.name());
}

QString Settings::sessionTimeZone() const
{
    return m_settings.value(u"bars/sessionTimeZone"_s, u"UTC"_s).toString();
}

void Settings::setSessionTimeZone(const QString &ianaName)
{
    m_settings.setValue(u"bars/sessionTimeZone"_s, ianaName);
}

Util::Status Settings::validateSessionTimeZone(const QString &ianaName)
{
    if (const auto zone = Bars::timeZoneNamed(ianaName); !zone)
        return Util::Status::failure(tr("Session time zone: %1").arg(zone.error()));
    return {};
}

QStringList Settings::simulatorSymbols() const
{
    return m_settings.value(u"simulator/symbols"_s, QStringList{u"AAPL"_s, u"GOOGL"_s, u"AMZN"_s, u"MSFT"_s, u"TSLA"_s})
        .toStringList();
}

void Settings::setSimulatorSymbols(const QStringList &symbols)
{
    m_settings.setValue(u"simulator/symbols"_s, symbols);
}

double Settings::simulatorRate() const
{
    return m_settings.value(u"simulator/rate"_s, 25.0).toDouble();
}

void Settings::setSimulatorRate(double recordsPerSecond)
{
    m_settings.setValue(u"simulator/rate"_s, recordsPerSecond);
}

double Settings::simulatorVolatility() const
{
    return m_settings.value(u"simulator/volatility"_s, 0.25).toDouble();
}

void Settings::setSimulatorVolatility(double annual)
{
    m_settings.setValue(u"simulator/volatility"_s, annual);
}

bool Settings::simulatorAtStart() const
{
    return m_settings.value(u"simulator/atStart"_s, false).toBool();
}

void Settings::setSimulatorAtStart(bool on)
{
    m_settings.setValue(u"simulator/atStart"_s, on);
}

bool Settings::utcTimes() const
{
    return m_settings.value(u"display/utc"_s, false).toBool();
}

void Settings::setUtcTimes(bool on)
{
    m_settings.setValue(u"display/utc"_s, on);
}

bool Settings::darkTheme() const
{
    return m_settings.value(u"display/dark"_s, true).toBool();
}

void Settings::setDarkTheme(bool on)
{
    m_settings.setValue(u"display/dark"_s, on);
}

QString Settings::language() const
{
    return m_settings.value(u"display/language"_s).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_settings.setValue(u"display/language"_s, code);
}

bool Settings::closeToTray() const
{
    return m_settings.value(u"display/closeToTray"_s, false).toBool();
}

void Settings::setCloseToTray(bool on)
{
    m_settings.setValue(u"display/closeToTray"_s, on);
}

int Settings::chartBars() const
{
    return std::clamp(m_settings.value(u"display/chartBars"_s, 120).toInt(), 20, 2000);
}

void Settings::setChartBars(int bars)
{
    m_settings.setValue(u"display/chartBars"_s, bars);
}

PaperSettings Settings::paper() const
{
    PaperSettings p;
    p.startingCash = m_settings.value(u"paper/startingCash"_s, p.startingCash).toDouble();
    p.costs.perShare = m_settings.value(u"paper/commissionPerShare"_s, 0.0).toDouble();
    p.costs.perOrder = m_settings.value(u"paper/commissionPerOrder"_s, 0.0).toDouble();
    p.costs.percent = m_settings.value(u"paper/commissionPercent"_s, 0.0).toDouble();
    p.costs.slippage = m_settings.value(u"paper/slippage"_s, 0.0).toDouble();
    return p;
}

void Settings::setPaper(const PaperSettings &p)
{
    m_settings.setValue(u"paper/startingCash"_s, p.startingCash);
    m_settings.setValue(u"paper/commissionPerShare"_s, p.costs.perShare);
    m_settings.setValue(u"paper/commissionPerOrder"_s, p.costs.perOrder);
    m_settings.setValue(u"paper/commissionPercent"_s, p.costs.percent);
    m_settings.setValue(u"paper/slippage"_s, p.costs.slippage);
}

Util::Status Settings::validate(const PaperSettings &p)
{
    if (!(p.startingCash > 0 && p.startingCash < 1e15))
        return Util::Status::failure(tr("Paper trading: the starting cash must be above 0."));
    for (const auto &[value, name] : {std::pair{p.costs.perShare, "commissionPerShare"},
                                      {p.costs.perOrder, "commissionPerOrder"},
                                      {p.costs.percent, "commissionPercent"},
                                      {p.costs.slippage, "slippage"}})
        if (!(value >= 0 && value < 1e9))
            return Util::Status::failure(tr("Paper trading: %1 must be 0 or more.").arg(QLatin1StringView(name)));
    if (p.costs.percent >= 100)
        return Util::Status::failure(tr("Paper trading: commissionPercent must be under 100."));
    return {};
}

int Settings::retentionDays() const
{
    return m_settings.value(u"storage/retentionDays"_s, 0).toInt();
}

void Settings::setRetentionDays(int days)
{
    m_settings.setValue(u"storage/retentionDays"_s, days);
}

Util::Status Settings::validateServer(const QString &bindAddress, int port, const QString &token)
{
    QHostAddress address;
    if (!address.setAddress(bindAddress))
        return Util::Status::failure(tr("Bind address: \"%1\" is not an IP address.").arg(bindAddress));
    if (port < 0 || port > 65535)
        return Util::Status::failure(tr("Port: %1 is not between 0 and 65535.").arg(port));
    if (!address.isLoopback() && token.trimmed().isEmpty())
        return Util::Status::failure(
            tr("Access token: required when the server listens on %1, which is not a loopback address.")
                .arg(bindAddress));
    return {};
}

Util::Status Settings::validate(const Indicators::IndicatorConfig &c)
{
    const std::pair<const char *, int> periods[] = {
        {"SMA period", c.sma},
        {"EMA period", c.ema},
        {"RSI period", c.rsi},
        {"MACD fast period", c.macdFast},
        {"MACD slow period", c.macdSlow},
        {"MACD signal period", c.macdSignal},
        {"Bollinger period", c.bollinger},
        {"ATR period", c.atr},
        {"VWAP period", c.vwap},
        {"Crossover fast period", c.crossFast},
        {"Crossover slow period", c.crossSlow},
    };
    for (const auto &[name, value] : periods)
        if (value < 1 || value > 1000)
            return Util::Status::failure(
                tr("%1: %2 is not between 1 and 1000.").arg(QLatin1StringView(name)).arg(value));
    if (c.macdFast >= c.macdSlow)
        return Util::Status::failure(
            tr("MACD: the fast period (%1) must be shorter than the slow one (%2).").arg(c.macdFast).arg(c.macdSlow));
    if (c.crossFast >= c.crossSlow)
        return Util::Status::failure(tr("Crossover: the fast period (%1) must be shorter than the slow one (%2).")
                                         .arg(c.crossFast)
                                         .arg(c.crossSlow));
    if (!(c.bollingerDeviations > 0 && c.bollingerDeviations <= 10))
        return Util::Status::failure(
            tr("Bollinger width: %1 standard deviations is not between 0 and 10.").arg(c.bollingerDeviations));
    return {};
}

Util::Status Settings::validate(const Signals::RuleConfig &c)
{
    if (c.rsiBuyBelow < 0 || c.rsiSellAbove > 100 || c.rsiBuyBelow >= c.rsiSellAbove)
        return Util::Status::failure(
            tr("RSI thresholds: buy below %1 and sell above %2 must satisfy 0 <= buy < sell <= 100.")
                .arg(c.rsiBuyBelow)
                .arg(c.rsiSellAbove));
    if (!(c.rsiRearm >= 0 && c.rsiRearm <= 50))
        return Util::Status::failure(tr("RSI re-arm: %1 points is not between 0 and 50.").arg(c.rsiRearm));
    if (!(c.crossSpreadPercent >= 0 && c.crossSpreadPercent <= 10))
        return Util::Status::failure(tr("Crossover spread: %1 % is not between 0 and 10.").arg(c.crossSpreadPercent));
    if (!(c.priceMovePercent > 0 && c.priceMovePercent <= 100))
        return Util::Status::failure(tr("Price move: %1 % is not above 0 and at most 100.").arg(c.priceMovePercent));
    if (c.priceMoveWindowSeconds < 1 || c.priceMoveWindowSeconds > 86400)
        return Util::Status::failure(
            tr("Price move window: %1 s is not between 1 s and one day.").arg(c.priceMoveWindowSeconds));
    if (c.sentimentScore < 0 || c.sentimentScore > 1 || c.sentimentMagnitude < 0 || c.sentimentMagnitude > 1)
        return Util::Status::failure(tr("News sentiment: score and magnitude thresholds must be between 0 and 1."));
    if (c.cooldownSeconds < 0 || c.cooldownSeconds > 86400)
        return Util::Status::failure(tr("Cool-down: %1 s is not between 0 and one day.").arg(c.cooldownSeconds));
    return {};
}

Util::Status Settings::validateSimulator(const QStringList &symbols, double rate, double volatility)
{
    if (symbols.isEmpty())
        return Util::Status::failure(tr("Simulator symbols: name at least one."));
    for (const QString &s : symbols) {
        Model::Symbol parsed;
        if (!Model::Symbol::fromString(s, parsed))
            return Util::Status::failure(
                tr("Simulator symbols: \"%1\" is not a symbol (1 to 16 of A-Z 0-9 . - ^ =).").arg(s));
    }
    if (!(rate >= 1 && rate <= 100000))
        return Util::Status::failure(tr("Simulator rate: %1 records/s is not between 1 and 100,000.").arg(rate));
    if (!(volatility > 0 && volatility <= 5))
        return Util::Status::failure(
            tr("Simulator volatility: %1 is not above 0 and at most 5 (500 % a year).").arg(volatility));
    return {};
}

NatsSettings Settings::nats() const
{
    NatsSettings n;
    n.url = m_settings.value(u"nats/url"_s).toString();
    n.user = m_settings.value(u"nats/user"_s).toString();
    n.node = m_settings.value(u"nats/node"_s).toString();
    n.caFile = m_settings.value(u"nats/caFile"_s).toString();
    n.ingest = m_settings.value(u"nats/ingest"_s).toString();
    return n;
}

void Settings::setNats(const NatsSettings &n)
{
    m_settings.setValue(u"nats/url"_s, n.url);
    m_settings.setValue(u"nats/user"_s, n.user);
    m_settings.setValue(u"nats/node"_s, n.node);
    m_settings.setValue(u"nats/caFile"_s, n.caFile);
    m_settings.setValue(u"nats/ingest"_s, n.ingest);
}

Util::Status Settings::validate(const NatsSettings &n)
{
    if (!n.ingest.isEmpty()) {
        if (n.url.isEmpty())
            return Util::Status::failure(tr("NATS ingest: it needs the NATS URL of the server to consume from."));
        if (auto parts = Nats::IngestPartitions::parse(n.ingest); !parts)
            return Util::Status::failure(tr("NATS ingest: %1").arg(parts.error()));
    }
    if (n.url.isEmpty())
        return {};
    const QUrl url(n.url);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"nats"_s && url.scheme() != u"tls"_s))
        return Util::Status::failure(
            tr("NATS: \"%1\" is not a NATS address such as nats://127.0.0.1:4222 (tls:// for TLS).").arg(n.url));
    return {};
}

History::Config Settings::history() const
{
    History::Config c;
    const int count = m_settings.value(u"history/sources/size"_s, 0).toInt();
    for (int i = 0; i < count; ++i) {
        const QString key = u"history/sources/%1/"_s.arg(i + 1);
        QVariantMap fields;
        for (const QString &field : History::toFields({}).keys())
            if (m_settings.contains(key + field))
                fields.insert(field, m_settings.value(key + field));
        // A source the settings cannot use (edited by hand, or of a newer version) is left out.
        if (auto source = History::sourceFromFields(fields))
            c.sources.push_back(*source);
    }
    History::Schedule &d = c.schedule;
    d.mode = History::modeNamed(m_settings.value(u"history/schedule/mode"_s).toString()).value_or(d.mode);
    d.at = QTime::fromString(m_settings.value(u"history/schedule/at"_s, u"22:00"_s).toString(), u"HH:mm"_s);
    d.zone = m_settings.value(u"history/schedule/zone"_s).toString();
    d.everyMinutes = m_settings.value(u"history/schedule/everyMinutes"_s, 60).toInt();
    d.symbols = m_settings.value(u"history/schedule/symbols"_s).toStringList();
    d.source = m_settings.value(u"history/schedule/source"_s).toString();
    d.fillGaps = m_settings.value(u"history/schedule/fillGaps"_s, true).toBool();
    History::MarketHours &h = c.hours;
    h.zone = m_settings.value(u"history/hours/zone"_s).toString();
    h.open = QTime::fromString(m_settings.value(u"history/hours/open"_s, u"00:00"_s).toString(), u"HH:mm"_s);
    h.close = QTime::fromString(m_settings.value(u"history/hours/close"_s, u"00:00"_s).toString(), u"HH:mm"_s);
    h.days = m_settings.value(u"history/hours/days"_s, 0x7f).toInt();
    if (!History::validate(c.schedule))
        c.schedule = {};
    if (!History::validate(c.hours))
        c.hours = {};
    return c;
}

void Settings::setHistory(const History::Config &c)
{
    m_settings.remove(u"history/sources"_s);
    m_settings.setValue(u"history/sources/size"_s, int(c.sources.size()));
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
        const QString key = u"history/sources/%1/"_s.arg(i + 1);
        const QVariantMap fields = History::toFields(c.sources[i]);
        for (auto it = fields.begin(); it != fields.end(); ++it)
            m_settings.setValue(key + it.key(), it.value());
    }
    const History::Schedule &d = c.schedule;
    m_settings.setValue(u"history/schedule/mode"_s, History::modeName(d.mode));
    m_settings.setValue(u"history/schedule/at"_s, d.at.toString(u"HH:mm"_s));
    m_settings.setValue(u"history/schedule/zone"_s, d.zone);
    m_settings.setValue(u"history/schedule/everyMinutes"_s, d.everyMinutes);
    m_settings.setValue(u"history/schedule/symbols"_s, d.symbols);
    m_settings.setValue(u"history/schedule/source"_s, d.source);
    m_settings.setValue(u"history/schedule/fillGaps"_s, d.fillGaps);
    m_settings.setValue(u"history/hours/zone"_s, c.hours.zone);
    m_settings.setValue(u"history/hours/open"_s, c.hours.open.toString(u"HH:mm"_s));
    m_settings.setValue(u"history/hours/close"_s, c.hours.close.toString(u"HH:mm"_s));
    m_settings.setValue(u"history/hours/days"_s, c.hours.days);
}

QDateTime Settings::lastScheduledRefresh() const
{
    return m_settings.value(u"history/lastScheduledRun"_s).toDateTime();
}

void Settings::setLastScheduledRefresh(const QDateTime &at)
{
    m_settings.setValue(u"history/lastScheduledRun"_s, at);
}

NotificationSettings Settings::notifications() const
{
    NotificationSettings n;
    n.emailEnabled = m_settings.value(u"notify/email/enabled"_s, false).toBool();
    n.smtpHost = m_settings.value(u"notify/email/host"_s).toString();
    n.smtpPort = m_settings.value(u"notify/email/port"_s, 587).toInt();
    n.smtpSecurity = m_settings.value(u"notify/email/security"_s, u"starttls"_s).toString();
    n.smtpUser = m_settings.value(u"notify/email/user"_s).toString();
    n.smtpFrom = m_settings.value(u"notify/email/from"_s).toString();
    for (const QString &r : m_settings.value(u"notify/email/recipients"_s).toStringList())
        if (!r.trimmed().isEmpty())
            n.smtpRecipients << r.trimmed();
    n.smtpCaFile = m_settings.value(u"notify/email/caFile"_s).toString();
    n.emailDigestSeconds = m_settings.value(u"notify/email/digestSeconds"_s, 0).toInt();
    n.emailAlerts = m_settings.value(u"notify/email/alerts"_s, false).toBool();
    for (const QString &u : m_settings.value(u"notify/webhook/urls"_s).toStringList())
        if (!u.trimmed().isEmpty())
            n.webhookUrls << u.trimmed();
    n.webhookDigestSeconds = m_settings.value(u"notify/webhook/digestSeconds"_s, 0).toInt();
    n.webhookAlerts = m_settings.value(u"notify/webhook/alerts"_s, false).toBool();
    return n;
}

void Settings::setNotifications(const NotificationSettings &n)
{
    m_settings.setValue(u"notify/email/enabled"_s, n.emailEnabled);
    m_settings.setValue(u"notify/email/host"_s, n.smtpHost);
    m_settings.setValue(u"notify/email/port"_s, n.smtpPort);
    m_settings.setValue(u"notify/email/security"_s, n.smtpSecurity);
    m_settings.setValue(u"notify/email/user"_s, n.smtpUser);
    m_settings.setValue(u"notify/email/from"_s, n.smtpFrom);
    m_settings.setValue(u"notify/email/recipients"_s, n.smtpRecipients);
    m_settings.setValue(u"notify/email/caFile"_s, n.smtpCaFile);
    m_settings.setValue(u"notify/email/digestSeconds"_s, n.emailDigestSeconds);
    m_settings.setValue(u"notify/email/alerts"_s, n.emailAlerts);
    m_settings.setValue(u"notify/webhook/urls"_s, n.webhookUrls);
    m_settings.setValue(u"notify/webhook/digestSeconds"_s, n.webhookDigestSeconds);
    m_settings.setValue(u"notify/webhook/alerts"_s, n.webhookAlerts);
}

Util::Status Settings::validate(const NotificationSettings &n)
{
    using S = Util::Status;
    if (n.emailDigestSeconds < 0 || n.emailDigestSeconds > 86400 || n.webhookDigestSeconds < 0 ||
        n.webhookDigestSeconds > 86400)
        return S::failure(tr("Digest period: from 0 (one message per signal) to 86400 seconds"));
    for (const QString &url : n.webhookUrls) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s) || u.host().isEmpty())
            return S::failure(tr("Webhook \"%1\" is not an http:// or https:// URL").arg(url));
    }
    if (!n.emailEnabled)
        return {};
    if (n.smtpHost.trimmed().isEmpty())
        return S::failure(tr("SMTP server: give the host name of the mail server"));
    if (n.smtpPort < 1 || n.smtpPort > 65535)
        return S::failure(tr("SMTP port: from 1 to 65535"));
    if (n.smtpSecurity != u"none"_s && n.smtpSecurity != u"starttls"_s && n.smtpSecurity != u"tls"_s)
        return S::failure(tr("SMTP security: none, starttls or tls"));
    const auto isAddress = [](const QString &a) {
        const qsizetype at = a.indexOf(u'@');
        return at > 0 && at < a.size() - 1 && !a.contains(u' ') && !a.contains(u'<') && !a.contains(u'>');
    };
    if (!isAddress(n.smtpFrom.trimmed()))
        return S::failure(tr("From: \"%1\" is not an e-mail address").arg(n.smtpFrom));
    if (n.smtpRecipients.isEmpty())
        return S::failure(tr("Recipients: give at least one e-mail address"));
    for (const QString &r : n.smtpRecipients)
        if (!isAddress(r.trimmed()))
            return S::failure(tr("Recipients: \"%1\" is not an e-mail address").arg(r));
    return {};
}

} // namespace Core
