// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "MetadataRateOptions.h"
#include "settings/Settings.h"
#include "sim/SymbolProfile.h"
#include "storage/StorageWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "tickdesk: %s\nTry 'tickdesk --help'.\n", qPrintable(message));
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return std::nullopt;
    return quint16(value);
}

} // namespace

/// Why --source cannot go with the options set among `conflicting`, or empty.
static QString sourceProblem(const QCommandLineParser &parser, std::initializer_list<QCommandLineOption> conflicting)
{
    for (const QCommandLineOption &option : conflicting)
        if (parser.isSet(option.names().constFirst()))
            return u"--source cannot go with --%1: a window on the nodes' feed receives, computes and publishes "
                   "nothing itself"_s.arg(option.names().constFirst());
    return {};
}

ParseOutcome parseCommandLine(const QStringList &arguments, const Core::Settings &settings)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "TickDesk: a desktop trading terminal. Receives market ticks over HTTP, stores them in SQLite "
                       "and computes indicators and signals.\n\n"
                       "Commands (each with its own --help):\n"
                       "  simulate        post simulated market data to an /ingest URL\n"
                       "  export-signals  write stored signals as CSV\n"
                       "  export-ticks    write stored bars as CSV\n"
                       "  export-bars     write a symbol's bars of a timeframe as CSV\n"
                       "  import          load a CSV (OHLCV) or JSON file of records into the database\n"
                       "  alerts          export the alerts to a JSON file, or import them from one\n"
                       "  export-trades   write each day's trades to DIR/YYYY/MM/DD/trades.csv\n"
                       "  analyze-trades  a day's trade analysis: P/L, fees, win rate, profit factor (stored)\n"
                       "  backtest        test a strategy over stored bars and print its figures\n"
                       "  optimize        search a strategy's parameters over stored bars; walk-forward\n"
                       "  strategies      list, show, save or remove saved strategies"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"FILE"_s, QCoreApplication::translate("CommandLine", "A CSV or JSON file to import in the window."),
        u"[FILE]"_s);
    const QCommandLineOption headless(
        u"headless"_s, QCoreApplication::translate("CommandLine", "Run without a window; log to stderr."));
    const QCommandLineOption bind(u"bind"_s, QCoreApplication::translate("CommandLine", "HTTP server address."),
                                  u"ADDR"_s, settings.bindAddress());
    const QCommandLineOption port(u"port"_s, QCoreApplication::translate("CommandLine", "HTTP server port."), u"N"_s,
                                  QString::number(settings.port()));
    const QCommandLineOption wsPort(
        u"ws-port"_s,
        QCoreApplication::translate("CommandLine", "WebSocket stream port (0: any free port, -1: no stream)."), u"N"_s,
        QString::number(settings.webSocketPort()));
    const QCommandLineOption db(u"db"_s, QCoreApplication::translate("CommandLine", "Database file."), u"PATH"_s);
    const QCommandLineOption token(
        u"token"_s,
        QCoreApplication::translate("CommandLine",
                                    "Access token clients must send (required when --bind is not loopback). "
                                    "Also read from TICKDESK_TOKEN."),
        u"T"_s);
    const QCommandLineOption duration(
        u"duration"_s, QCoreApplication::translate("CommandLine", "Stop by itself after that many seconds."),
        u"SECONDS"_s);
    const QCommandLineOption fullSync(
        u"sync-full"_s, QCoreApplication::translate(
                            "CommandLine", "fsync every commit, so acknowledged data also survives a power cut."));
    const QCommandLineOption commitWait(
        u"commit-wait"_s,
        QCoreApplication::translate("CommandLine",
                                    "Under a stream of small requests, how long at most a commit waits for more "
                                    "before it is written; the wait ends sooner once the HTTP threads have no more "
                                    "(default 100; 0: never wait, for the lowest latency under moderate load)."),
        u"MICROSECONDS"_s, u"100"_s);
    const QCommandLineOption ioThreads(
        u"io-threads"_s, QCoreApplication::translate("CommandLine", "HTTP I/O threads (default 2)."), u"N"_s, u"2"_s);
    const QCommandLineOption shards(
        u"shards"_s,
        QCoreApplication::translate("CommandLine", "Indicator and signal worker threads (default: one per core)."),
        u"N"_s, u"0"_s);
    const QCommandLineOption simulate(
        u"simulate"_s,
        QCoreApplication::translate("CommandLine", "Feed the pipeline from the built-in market simulator."));
    const QCommandLineOption rate(
        u"rate"_s, QCoreApplication::translate("CommandLine", "Simulator records per second (default 25)."), u"N"_s,
        u"25"_s);
    const QCommandLineOption symbols(
        u"symbols"_s,
        QCoreApplication::translate("CommandLine",
                                    "Simulator symbols, comma-separated, each optionally SYMBOL=PRICE:DRIFT:VOLATILITY "
                                    "(e.g. AAPL=180:0.08:0.3), or a count such as 50."),
        u"A,B,C"_s);
    const QCommandLineOption seed(
        u"seed"_s, QCoreApplication::translate("CommandLine", "Simulator random seed (same seed, same prices)."),
        u"S"_s);
    const QCommandLineOption measureUi(
        u"measure-ui"_s,
        QCoreApplication::translate("CommandLine", "Log the window thread's busy share and longest stall every 5 s."));
    const QCommandLineOption maxSymbols(
        u"max-symbols"_s,
        QCoreApplication::translate("CommandLine",
                                    "Symbols kept live in memory (default 20000, about 6 KB each); the least "
                                    "recently updated beyond that are read back from the database when they trade."),
        u"N"_s, u"20000"_s);
    const QCommandLineOption allowOrigin(
        u"allow-origin"_s,
        QCoreApplication::translate("CommandLine",
                                    "A web page origin that may use the HTTP API and the stream, e.g. "
                                    "http://127.0.0.1:8080 (repeat for more). Other web pages are refused."),
        u"URL"_s);
    const QCommandLineOption rulesTimeframe(
        u"rules-timeframe"_s,
        QCoreApplication::translate("CommandLine",
                                    "Bars the RSI, crossover and price-move rules look at, evaluated as each closes: "
                                    "1s to 1W, Nm, Nt (N records), Nv (N shares) or record (default: Settings, 1m)."),
        u"TF"_s);
    const QCommandLineOption nats(
        u"nats"_s,
        QCoreApplication::translate("CommandLine",
                                    "Publish records, signals, alert fires and paper fills to NATS JetStream at URL "
                                    "(nats://HOST:4222, or tls://HOST:4222 for TLS)."),
        u"URL"_s);
    const QCommandLineOption natsToken(
        u"nats-token"_s,
        QCoreApplication::translate("CommandLine", "Token for the NATS server. Also read from TICKDESK_NATS_TOKEN."),
        u"T"_s);
    const QCommandLineOption natsUser(
        u"nats-user"_s,
        QCoreApplication::translate("CommandLine",
                                    "User for the NATS server; the password is read from TICKDESK_NATS_PASSWORD."),
        u"USER"_s);
    const QCommandLineOption natsCa(
        u"nats-ca"_s,
        QCoreApplication::translate("CommandLine", "TLS: the CA certificate (PEM) that signed the NATS server's."),
        u"FILE"_s);
    const QCommandLineOption natsNode(
        u"nats-node"_s,
        QCoreApplication::translate("CommandLine",
                                    "This node's name in NATS message ids (default: the host name); give each node "
                                    "publishing into one stream its own."),
        u"NAME"_s);
    const QCommandLineOption natsIngest(
        u"nats-ingest"_s,
        QCoreApplication::translate("CommandLine",
                                    "With --nats: also store the records published to tickdesk.ingest.<symbol>, "
                                    "from the JetStream work queue TICKDESK_INGEST: \"all\", or this node's "
                                    "partitions of the symbols, \"P/N\" or \"P,Q/N\"."),
        u"PARTS"_s);
    const QCommandLineOption source(
        u"source"_s,
        QCoreApplication::translate("CommandLine",
                                    "Open the window on the nodes' feed at this NATS server (nats://HOST:4222): "
                                    "records, signals, alert fires and fills come from the nodes publishing there "
                                    "(their --nats); nothing is computed or received here. Credentials as for --nats."),
        u"URL"_s);
    const QCommandLineOption sourceApi(
        u"source-api"_s,
        QCoreApplication::translate(
            "CommandLine", "With --source: a node's REST API whose stored bars fill what the window missed, once for "
                           "each node (besides those the nodes announce themselves)."),
        u"URL"_s);
    parser.addOptions({headless,    bind,       port,           wsPort,   db,        token,    duration, fullSync,
                       commitWait,  ioThreads,  shards,         simulate, rate,      symbols,  seed,     measureUi,
                       allowOrigin, maxSymbols, rulesTimeframe, nats,     natsToken, natsUser, natsCa,   natsNode,
                       natsIngest,  source,     sourceApi});

    addMetadataRateOptions(parser);
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return {std::nullopt, 2};
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return {std::nullopt, 0};
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return {std::nullopt, 0};
    }
    Options o;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 1 && QFileInfo(positional.front()).isFile()) {
        o.importPath = QFileInfo(positional.front()).absoluteFilePath(); // opened in the window
    } else if (!positional.isEmpty()) {
        printError(u"unknown command or argument: %1"_s.arg(positional.constFirst()));
        return {std::nullopt, 2};
    }
    o.headless = parser.isSet(headless);
    if (!o.bindAddress.setAddress(parser.value(bind))) {
        printError(u"--bind: \"%1\" is not an IP address"_s.arg(parser.value(bind)));
        return {std::nullopt, 2};
    }
    const auto p = parsePort(parser.value(port));
    if (!p) {
        printError(u"--port: \"%1\" is not a port number (0-65535)"_s.arg(parser.value(port)));
        return {std::nullopt, 2};
    }
    o.port = *p;
    if (parser.value(wsPort) == u"-1"_s) {
        o.streamPort = -1;
    } else if (const auto ws = parsePort(parser.value(wsPort))) {
        o.streamPort = *ws;
    } else {
        printError(u"--ws-port: \"%1\" is not a port number (0-65535, or -1 for none)"_s.arg(parser.value(wsPort)));
        return {std::nullopt, 2};
    }
    o.accessToken = parser.isSet(token) ? parser.value(token).toUtf8() : qgetenv("TICKDESK_TOKEN");
    for (const QString &origin : parser.values(allowOrigin)) {
        const QUrl url(origin.trimmed());
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty() ||
            (!url.path().isEmpty() && url.path() != u"/"_s)) {
            printError(u"--allow-origin: \"%1\" is not an origin such as http://127.0.0.1:8080"_s.arg(origin));
            return {std::nullopt, 2};
        }
        o.allowedOrigins.append(origin.trimmed().toUtf8());
    }
    o.databasePath = parser.isSet(db) ? parser.value(db) : settings.databasePath();
    if (parser.isSet(source)) {
        if (QString error = sourceProblem(parser, {headless, simulate, nats, natsIngest}); !error.isEmpty()) {
            printError(error);
            return {std::nullopt, 2};
        }
        const QUrl url(parser.value(source).trimmed());
        o.sourceUrl = url.toString();
        o.sourceApis = parser.values(sourceApi); // besides those the nodes announce
        for (QString &address : o.sourceApis) {
            address = address.trimmed();
            while (address.endsWith(u'/'))
                address.chop(1);
            if (const QUrl api(address);
                !api.isValid() || api.host().isEmpty() || (api.scheme() != u"http"_s && api.scheme() != u"https"_s)) {
                printError(u"--source-api: \"%1\" is not an address such as http://127.0.0.1:5000"_s.arg(address));
                return {std::nullopt, 2};
            }
        }
        // The window's own database is a copy of what it was shown: one per NATS server, apart from a node's.
        if (!parser.isSet(db))
            o.databasePath = QFileInfo(Storage::defaultDatabasePath()).absolutePath() +
                             u"/terminal-%1-%2.sqlite"_s.arg(url.host()).arg(url.port(4222));
        // Nothing is received here: no ports taken unless asked for.
        if (!parser.isSet(port))
            o.port = 0;
        if (!parser.isSet(wsPort))
            o.streamPort = -1;
    } else if (parser.isSet(sourceApi)) {
        printError(u"--source-api needs --source URL: the NATS server of the nodes' feed"_s);
        return {std::nullopt, 2};
    }
    if (parser.isSet(nats) || parser.isSet(source)) {
        o.nats.url = parser.value(parser.isSet(source) ? source : nats).trimmed();
        const QUrl url(o.nats.url);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"nats"_s && url.scheme() != u"tls"_s)) {
            printError(u"--%1: \"%2\" is not a NATS address such as nats://127.0.0.1:4222"_s.arg(
                parser.isSet(source) ? u"source"_s : u"nats"_s, o.nats.url));
            return {std::nullopt, 2};
        }
        o.nats.token = parser.isSet(natsToken) ? parser.value(natsToken).toUtf8() : qgetenv("TICKDESK_NATS_TOKEN");
        o.nats.user = parser.value(natsUser);
        o.nats.password = qgetenv("TICKDESK_NATS_PASSWORD");
        o.nats.caFile = parser.value(natsCa);
        o.nats.node = parser.value(natsNode);
    }
    if (parser.isSet(natsIngest)) {
        if (!parser.isSet(nats)) {
            printError(u"--nats-ingest needs --nats URL: the NATS server whose stream to consume"_s);
            return {std::nullopt, 2};
        }
        auto partitions = Nats::IngestPartitions::parse(parser.value(natsIngest));
        if (!partitions) {
            printError(partitions.error());
            return {std::nullopt, 2};
        }
        o.natsIngest = *partitions;
    }
    o.fullSync = parser.isSet(fullSync) || settings.fullSync();
    if (parser.isSet(duration)) {
        bool ok = false;
        o.durationSeconds = parser.value(duration).toInt(&ok);
        if (!ok || o.durationSeconds <= 0) {
            printError(u"--duration: \"%1\" is not a positive number of seconds"_s.arg(parser.value(duration)));
            return {std::nullopt, 2};
        }
    }
    bool ok = false;
    o.commitWaitUs = parser.value(commitWait).toInt(&ok);
    if (!ok || o.commitWaitUs < 0 || o.commitWaitUs > 10'000) {
        printError(
            u"--commit-wait: \"%1\" is not a number of microseconds from 0 to 10000"_s.arg(parser.value(commitWait)));
        return {std::nullopt, 2};
    }
    o.ioThreads = parser.value(ioThreads).toInt(&ok);
    if (!ok || o.ioThreads < 1 || o.ioThreads > 64) {
        printError(u"--io-threads: \"%1\" is not a number from 1 to 64"_s.arg(parser.value(ioThreads)));
        return {std::nullopt, 2};
    }
    o.maxSymbols = parser.value(maxSymbols).toLongLong(&ok);
    if (!ok || o.maxSymbols < 10 || o.maxSymbols > 10'000'000) {
        printError(u"--max-symbols: \"%1\" is not a number from 10 to 10000000"_s.arg(parser.value(maxSymbols)));
        return {std::nullopt, 2};
    }
    o.shards = parser.value(shards).toInt(&ok);
    if (!ok || o.shards < 0 || o.shards > 64) {
        printError(u"--shards: \"%1\" is not a number from 1 to 64"_s.arg(parser.value(shards)));
        return {std::nullopt, 2};
    }
    if (parser.isSet(rulesTimeframe)) {
        const auto timeframe = Bars::Timeframe::parse(parser.value(rulesTimeframe));
        if (!timeframe) {
            printError(u"--rules-timeframe: %1"_s.arg(timeframe.error()));
            return {std::nullopt, 2};
        }
        o.rulesTimeframe = *timeframe;
    }
    o.simulate = parser.isSet(simulate);
    o.measureUi = parser.isSet(measureUi);
    o.simulateRate = parser.value(rate).toDouble(&ok);
    if (!ok || o.simulateRate <= 0 || o.simulateRate > 100000) {
        printError(u"--rate: \"%1\" is not a number of records per second from 1 to 100000"_s.arg(parser.value(rate)));
        return {std::nullopt, 2};
    }
    if (parser.isSet(symbols)) {
        o.simulateSymbols = parser.value(symbols).split(u',', Qt::SkipEmptyParts);
        if (auto profiles = Sim::parseProfiles(o.simulateSymbols, {}); !profiles) {
            printError(u"--symbols: %1"_s.arg(profiles.error()));
            return {std::nullopt, 2};
        }
    }
    if (QString error; !parseMetadataRates(parser, o.simulateMetadata, error)) {
        printError(error);
        return {std::nullopt, 2};
    }
    if (parser.isSet(seed)) {
        o.simulateSeed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            printError(u"--seed: \"%1\" is not a non-negative integer"_s.arg(parser.value(seed)));
            return {std::nullopt, 2};
        }
    }
    return {o, 0};
}

} // namespace App
