// SPDX-License-Identifier: MIT
#include "MetadataRateOptions.h"
#include "Subcommands.h"
#include "UnixSignals.h"
#include "nats/IngestPublisher.h"
#include "sim/HttpFeeder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace App {

namespace {

const QString Command = u"simulate"_s;

template<typename T>
bool parseNumber(const QCommandLineParser &parser, const QString &name, T lo, T hi, T &out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || v < double(lo) || v > double(hi)) {
        printCommandError(Command, u"--%1: \"%2\" is not a number from %3 to %4"_s.arg(name, parser.value(name))
                                       .arg(double(lo), 0, 'g', 12)
                                       .arg(double(hi), 0, 'g', 12));
        return false;
    }
    out = T(v);
    return true;
}

void printStats(const Sim::HttpFeeder &feeder, double seconds)
{
    const auto &s = feeder.stats();
    std::fprintf(stderr,
                 "generated %llu | delivered %llu (%.0f records/s) | rejected %llu | requests %llu | retries %llu | "
                 "request p50 %.2f ms p99 %.2f ms%s%s\n",
                 (unsigned long long)s.generated, (unsigned long long)s.delivered,
                 seconds > 0 ? double(s.delivered) / seconds : 0.0, (unsigned long long)s.rejected,
                 (unsigned long long)s.requests, (unsigned long long)s.retries,
                 feeder.latency().quantileSeconds(0.5) * 1e3, feeder.latency().quantileSeconds(0.99) * 1e3,
                 s.lastError.isEmpty() ? "" : " | last error: ", qPrintable(s.lastError));
}

} // namespace

int runSimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Posts simulated market data to an /ingest URL at a set rate: a load generator and a "
                       "stand-in for any data source. Prints progress every second and a summary at the end."));
    parser.addHelpOption();
    parser.addOptions({
        {u"to"_s,
         QCoreApplication::translate("CommandLine",
                                     "The /ingest URL to post to, or a NATS server (nats://HOST:4222) to publish "
                                     "to the JetStream ingest stream, each batch's records of a symbol in one message "
                                     "on tickdesk.ingest.<symbol> "
                                     "(token or password from TICKDESK_NATS_TOKEN, TICKDESK_NATS_PASSWORD)."),
         u"URL"_s},
        {u"rate"_s, QCoreApplication::translate("CommandLine", "Ticks per second, 1 to 100000 (default 25)."), u"N"_s},
        {u"symbols"_s,
         QCoreApplication::translate("CommandLine",
                                     "Comma-separated SYMBOL[=PRICE:DRIFT:VOLATILITY] items, or a count such as 50 "
                                     "(default: AAPL, GOOGL, AMZN, MSFT, TSLA)."),
         u"A,B,C"_s},
        {u"seed"_s, QCoreApplication::translate("CommandLine", "Random seed: the same seed gives the same prices."),
         u"S"_s},
        {u"count"_s, QCoreApplication::translate("CommandLine", "Stop after delivering this many records."), u"N"_s},
        {u"duration"_s, QCoreApplication::translate("CommandLine", "Stop generating after that many seconds."),
         u"SECONDS"_s},
        {u"batch"_s,
         QCoreApplication::translate("CommandLine", "Records per request (default: 20 ms of the rate; 1 posts "
                                                    "single objects as the reference generator did)."),
         u"N"_s},
        {u"connections"_s, QCoreApplication::translate("CommandLine", "Requests in flight at once (default 6)."),
         u"N"_s},
        {u"token"_s, QCoreApplication::translate("CommandLine", "Access token; also read from TICKDESK_TOKEN."),
         u"T"_s},
    });
    addMetadataRateOptions(parser);
    if (const auto exitCode = parseCommand(parser, arguments, Command, false))
        return *exitCode;

    Sim::FeederOptions o;
    o.url = QUrl(parser.value(u"to"_s), QUrl::StrictMode);
    const bool toNats = o.url.scheme() == u"nats"_s || o.url.scheme() == u"tls"_s;
    if (!parser.isSet(u"to"_s) || !o.url.isValid() ||
        (o.url.scheme() != u"http"_s && o.url.scheme() != u"https"_s && !toNats) || o.url.host().isEmpty()) {
        printCommandError(Command, u"--to: give the http:// URL of an /ingest endpoint, e.g. "
                                   u"http://127.0.0.1:5000/ingest, or a NATS server, e.g. nats://127.0.0.1:4222"_s);
        return 2;
    }
    o.accessToken = parser.isSet(u"token"_s) ? parser.value(u"token"_s).toUtf8() : qgetenv("TICKDESK_TOKEN");
    int duration = 0;
    double count = 0;
    if (!parseNumber(parser, u"rate"_s, 1.0, 100000.0, o.ticksPerSecond) ||
        !parseNumber(parser, u"seed"_s, quint64(0), quint64(1) << 53, o.seed) ||
        !parseNumber(parser, u"count"_s, 1.0, 1e12, count) ||
        !parseNumber(parser, u"duration"_s, 1, 1'000'000'000, duration) ||
        !parseNumber(parser, u"batch"_s, 1, 100'000, o.batch) ||
        !parseNumber(parser, u"connections"_s, 1, 64, o.inFlight))
        return 2;
    if (QString error; !parseMetadataRates(parser, o.metadata, error)) {
        printCommandError(Command, error);
        return 2;
    }
    o.count = std::uint64_t(count);
    const QStringList symbols = parser.isSet(u"symbols"_s)
                                    ? parser.value(u"symbols"_s).split(u',', Qt::SkipEmptyParts)
                                    : QStringList{u"AAPL"_s, u"GOOGL"_s, u"AMZN"_s, u"MSFT"_s, u"TSLA"_s};
    auto profiles = Sim::parseProfiles(symbols, {});
    if (!profiles) {
        printCommandError(Command, u"--symbols: %1"_s.arg(profiles.error()));
        return 2;
    }
    o.profiles = std::move(*profiles);

    std::unique_ptr<Nats::IngestPublisher> nats;
    if (toNats) {
        Nats::NatsOptions natsOptions;
        natsOptions.url = parser.value(u"to"_s);
        natsOptions.token = qgetenv("TICKDESK_NATS_TOKEN");
        natsOptions.password = qgetenv("TICKDESK_NATS_PASSWORD");
        natsOptions.node = u"simulate"_s;
        nats = std::make_unique<Nats::IngestPublisher>(natsOptions);
        if (auto status = nats->start(); !status) {
            printCommandError(Command, status.error());
            return 1;
        }
        o.send = [publisher = nats.get()](const Model::RecordBatch &records, auto done) {
            publisher->send(records, std::move(done));
        };
    }
    Sim::HttpFeeder feeder(o);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&feeder, &Sim::HttpFeeder::finished, QCoreApplication::instance(), &QCoreApplication::quit);
    UnixSignals unixSignals;
    int interrupts = 0;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &feeder, [&] {
        // The first asks for what is generated to go out; a second gives up on it.
        if (++interrupts == 1)
            feeder.finish();
        else
            QCoreApplication::quit();
    });
    if (duration > 0)
        QTimer::singleShot(duration * 1000, &feeder, &Sim::HttpFeeder::finish);
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &feeder,
                     [&] { printStats(feeder, double(clock.elapsed()) / 1000.0); });
    progress.start(1000);
    std::fprintf(stderr, "posting %zu symbols at %g ticks/s to %s\n", o.profiles.size(), o.ticksPerSecond,
                 qPrintable(o.url.toString()));
    feeder.start();
    QCoreApplication::exec();
    printStats(feeder, double(clock.elapsed()) / 1000.0);
    const auto &s = feeder.stats();
    return s.rejected == 0 && s.delivered == s.generated ? 0 : 1;
}

} // namespace App
