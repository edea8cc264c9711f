// SPDX-License-Identifier: MIT
#pragma once

#include "history/HistorySource.h"
#include "indicators/IndicatorSet.h"
#include "signals/RuleConfig.h"
#include "trading/Account.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace Core {

/// Where notifications go besides the tray. The SMTP password is not here: it is
/// kept by the desktop's keyring (Secrets) or taken from TICKDESK_SMTP_PASSWORD.
struct PaperSettings
{
    double startingCash = 100'000;
    Trading::Costs costs;
    bool operator==(const PaperSettings &) const = default;
};

struct NotificationSettings
{
    bool emailEnabled = false;
    QString smtpHost;
    int smtpPort = 587;
    QString smtpSecurity = QStringLiteral("starttls"); ///< none, starttls or tls
    QString smtpUser;
    QString smtpFrom;
    QStringList smtpRecipients;
    QString smtpCaFile; ///< a certificate to trust, e.g. a self-signed server's
    int emailDigestSeconds = 0;
    bool emailAlerts = false;
    QStringList webhookUrls;
    int webhookDigestSeconds = 0;
    bool webhookAlerts = false;

    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

/// Publishing to NATS JetStream (see --nats); the token or password is in the keyring (Secrets).
struct NatsSettings
{
    QString url; ///< empty: off
    QString user;
    QString node;
    QString caFile;
    QString ingest; ///< ingest work-queue partitions consumed: empty (none), "all", "P/N" or "P,Q/N"

    friend bool operator==(const NatsSettings &, const NatsSettings &) = default;
};

/// The typed face of QSettings: every key, its default and its type in one place.
/// Passed to whoever needs it; never reached as a global.
class Settings final
{
    Q_DECLARE_TR_FUNCTIONS(Core::Settings)

public:
    Settings() = default;
    /// For tests: a settings file of its own.
    explicit Settings(const QString &iniPath);

    QString bindAddress() const;
    void setBindAddress(const QString &address);
    quint16 port() const;
    void setPort(quint16 port);
    quint16 webSocketPort() const;
    void setWebSocketPort(quint16 port);
    QString databasePath() const; ///< empty: the default location
    void setDatabasePath(const QString &path);
    bool fullSync() const;
    void setFullSync(bool on);

    Indicators::IndicatorConfig indicators() const;
    void setIndicators(const Indicators::IndicatorConfig &config);
    Signals::RuleConfig rules() const;
    void setRules(const Signals::RuleConfig &config);
    /// Where days and weeks of bars begin: an IANA time zone name, UTC unless chosen.
    QString sessionTimeZone() const;
    void setSessionTimeZone(const QString &ianaName);

    QStringList simulatorSymbols() const;
    void setSimulatorSymbols(const QStringList &symbols);
    double simulatorRate() const;
    void setSimulatorRate(double recordsPerSecond);
    double simulatorVolatility() const;
    void setSimulatorVolatility(double annual);
    bool simulatorAtStart() const; ///< start the built-in simulator with the window
    void setSimulatorAtStart(bool on);

    bool utcTimes() const;
    void setUtcTimes(bool on);
    bool darkTheme() const;
    void setDarkTheme(bool on);
    /// "" follows the system; else a language code such as "de" or "fr".
    QString language() const;
    void setLanguage(const QString &code);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    int chartBars() const; ///< bars per chart, 20 to 2000
    void setChartBars(int bars);
    int retentionDays() const; ///< 0: keep everything
    void setRetentionDays(int days);

    NotificationSettings notifications() const;
    void setNotifications(const NotificationSettings &n);
    /// The paper account: its cash at the start and what trading costs.
    PaperSettings paper() const;
    void setPaper(const PaperSettings &paper);
    NatsSettings nats() const;
    void setNats(const NatsSettings &nats);
    /// History sources, the refresh schedule and the market's hours (API keys: Secrets).
    History::Config history() const;
    void setHistory(const History::Config &config);
    /// When the scheduled history refresh last ran (a daily one missed while closed runs at the next start).
    QDateTime lastScheduledRefresh() const;
    void setLastScheduledRefresh(const QDateTime &at);

    /// Checks values before they are saved; the message names the field and the problem.
    static Util::Status validateServer(const QString &bindAddress, int port, const QString &token);
    static Util::Status validate(const Indicators::IndicatorConfig &config);
    static Util::Status validate(const Signals::RuleConfig &config);
    static Util::Status validateSessionTimeZone(const QString &ianaName);
    static Util::Status validate(const NotificationSettings &n);
    static Util::Status validateSimulator(const QStringList &symbols, double rate, double volatility);
    static Util::Status validate(const PaperSettings &paper);
    static Util::Status validate(const NatsSettings &nats);

    static constexpr quint16 DefaultPort = 5000;
    static constexpr quint16 DefaultWebSocketPort = 5678;

private:
    QSettings m_settings;
};

} // namespace Core
