// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "nats/NatsIngest.h"
#include "nats/NatsPublisher.h"
#include "settings/Settings.h"
#include "signals/RuleConfig.h"
#include "sim/MarketGenerator.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {
class Settings;
}

namespace App {

/// What the command line asked for, with settings filled in where it was silent.
struct Options
{
    bool headless = false;
    QHostAddress bindAddress;
    quint16 port = 0;
    int streamPort = 5678; ///< -1: no WebSocket stream
    QByteArray accessToken;
    QList<QByteArray> allowedOrigins; ///< web pages besides TickDesk's own that may use the servers
    Nats::NatsOptions nats;           ///< url empty: no publishing to NATS
    /// Set (with --nats): records are also consumed from the JetStream work queue, these partitions of it.
    std::optional<Nats::IngestPartitions> natsIngest;
    /// Set (--source): a terminal on the nodes' feed at this NATS server, computing no signals of its own.
    QString sourceUrl;
    /// With sourceUrl: the nodes' REST APIs whose stored bars fill what the window missed.
    QStringList sourceApis;
    QString databasePath;
    bool fullSync = false;
    int commitWaitUs = 100;  ///< how long a commit waits for more small requests
    int durationSeconds = 0; ///< 0: until asked to stop
    int ioThreads = 2;
    int shards = 0;             ///< 0: one per core
    qint64 maxSymbols = 20'000; ///< symbols whose engine state stays in memory
    bool window = false;        ///< a display is there and --headless was not given
    bool simulate = false;
    double simulateRate = 25;
    QStringList simulateSymbols; ///< SYMBOL[=PRICE:DRIFT:VOLATILITY] items; empty: the reference system's five
    double simulateVolatility = 0.25;
    std::optional<quint64> simulateSeed; ///< unset: a fresh seed each start
    Sim::MetadataRates simulateMetadata;
    Indicators::IndicatorConfig indicators;
    Signals::RuleConfig rules;
    QString sessionTimeZone;                       ///< IANA name; empty: UTC
    std::optional<Bars::Timeframe> rulesTimeframe; ///< --rules-timeframe, over the settings' one
    int retentionDays = 0;
    Core::PaperSettings paper;
    Core::NotificationSettings notifications;
    QString smtpPassword;
    bool measureUi = false; ///< log the GUI thread's busy share and longest stall
    QString importPath;     ///< a file given on the command line, imported in the window
};

struct ParseOutcome
{
    std::optional<Options> options; ///< empty: exit with `exitCode`
    int exitCode = 0;
};

/// Parses the arguments; prints help, version or the error itself.
ParseOutcome parseCommandLine(const QStringList &arguments, const Core::Settings &settings);

} // namespace App
