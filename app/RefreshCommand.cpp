// SPDX-License-Identifier: MIT
// tickdesk refresh: fetches history from a source into the database, for cron or a systemd timer.

#include "SingleInstance.h"
#include "Subcommands.h"
#include "UnixSignals.h"
#include "history/RefreshService.h"
#include "settings/Secrets.h"
#include "settings/Settings.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

namespace {

QString text(const char *s)
{
    return QCoreApplication::translate("CommandLine", s);
}

/// The source the command line describes (--url and the rest), or the settings' of --source.
std::optional<History::Source> chosenSource(const QCommandLineParser &parser, const History::Config &config,
                                            const QString &command)
{
    if (parser.isSet(u"url"_s)) {
        History::Source s;
        s.name = parser.isSet(u"source"_s) ? parser.value(u"source"_s) : u"command-line"_s;
        s.urlTemplate = parser.value(u"url"_s);
        if (parser.isSet(u"format"_s)) {
            const auto format = History::formatNamed(parser.value(u"format"_s));
            if (!format) {
                printCommandError(
                    command,
                    u"--format: \"%1\" is none of auto, csv, json, alphavantage, yahoo-chart, tickdesk-bars"_s.arg(
                        parser.value(u"format"_s)));
                return std::nullopt;
            }
            s.format = *format;
        }
        if (parser.isSet(u"interval"_s)) {
            auto interval = Bars::Timeframe::parse(parser.value(u"interval"_s));
            if (!interval) {
                printCommandError(command, u"--interval: %1"_s.arg(interval.error()));
                return std::nullopt;
            }
            s.interval = *interval;
        }
        s.intervalText = parser.value(u"interval-text"_s);
        if (parser.isSet(u"requests-per-minute"_s))
            s.requestsPerMinute = parser.value(u"requests-per-minute"_s).toInt();
        s.allowCorrections = parser.isSet(u"allow-corrections"_s);
        if (parser.isSet(u"lookback-days"_s))
            s.lookbackDays = parser.value(u"lookback-days"_s).toInt();
        if (auto valid = History::validate(s); !valid) {
            printCommandError(command, valid.error());
            return std::nullopt;
        }
        return s;
    }
    const History::Source *s = config.source(parser.value(u"source"_s));
    if (!s) {
        printCommandError(
            command, parser.isSet(u"source"_s)
                         ? u"there is no history source named \"%1\" in the settings"_s.arg(parser.value(u"source"_s))
                         : u"no history source: set one up in the window (Settings → History) or "
                           "give --url"_s);
        return std::nullopt;
    }
    History::Source chosen = *s;
    chosen.allowCorrections = chosen.allowCorrections || parser.isSet(u"allow-corrections"_s);
    return chosen;
}

/// Every symbol the database holds.
QStringList storedSymbols(const QString &path)
{
    QStringList out;
    auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return out;
    auto st = (*db)->prepare("SELECT name FROM symbols ORDER BY name");
    while (st && st->step() == Storage::Step::Row)
        out << st->columnText(0);
    return out;
}

} // namespace

int runRefresh(const QStringList &arguments)
{
    const QString command = u"refresh"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(text(
        "Fetches bars from a history source into the database: new bars are stored, bars equal to stored "
        "ones are left, bars that differ are reported (or, with --allow-corrections, replace the kept bar). "
        "Running it twice stores nothing new. With TickDesk running on the same database (the window or headless), it "
        "runs the refresh. Exit status: 0 every symbol refreshed, 1 some failed (each named), 2 wrong "
        "arguments, 3 the database cannot be opened."));
    parser.addHelpOption();
    parser.addOptions({
        {{u"symbol"_s, u"symbols"_s},
         text("Symbols to refresh (repeat or separate by commas); default: the schedule's, else every "
              "stored symbol."),
         u"S"_s},
        {u"source"_s, text("The source's name in the settings (default: the first)."), u"NAME"_s},
        {u"db"_s, text("Database file (default: the app's)."), u"PATH"_s},
        {u"from"_s, text("Bars from this time (default: the source's look-back)."), u"TIME"_s},
        {u"to"_s, text("Bars up to this time (default: now)."), u"TIME"_s},
        {u"gaps"_s, text("Only fill the gaps found in the recent history (after an outage).")},
        {u"url"_s,
         text("A source given here instead: the URL template, with {symbol}, {from}, {to}, {interval}, "
              "{apikey} (TICKDESK_HISTORY_API_KEY)."),
         u"TEMPLATE"_s},
        {u"format"_s, text("With --url: auto, csv, json, alphavantage, yahoo-chart or tickdesk-bars."), u"FORMAT"_s},
        {u"interval"_s, text("With --url: what one row is (1m ... 1h, 1D, 1W; default 1D)."), u"INTERVAL"_s},
        {u"interval-text"_s, text("With --url: what {interval} becomes."), u"TEXT"_s},
        {u"requests-per-minute"_s, text("With --url: at most this many requests a minute (default 5, 0: no limit)."),
         u"N"_s},
        {u"lookback-days"_s, text("With --url: how far back to fetch (default 7)."), u"DAYS"_s},
        {u"allow-corrections"_s, text("A source's bar that differs from the stored one replaces it.")},
    });
    if (const auto exitCode = parseCommand(parser, arguments, command, false))
        return *exitCode;
    QStringList symbols;
    if (!readSymbols(parser, command, symbols))
        return 2;
    Model::TimestampUs from = 0, to = 0;
    if (!readTimeRange(parser, command, from, to))
        return 2;
    const Core::Settings settings;
    const History::Config config = settings.history();
    const auto source = chosenSource(parser, config, command);
    if (!source)
        return 2;
    const QString path = parser.isSet(u"db"_s)               ? parser.value(u"db"_s)
                         : settings.databasePath().isEmpty() ? Storage::defaultDatabasePath()
                                                             : settings.databasePath();

    const auto key = Core::Secrets::historyApiKey(source->name, 3000);
    const QString apiKey = key ? *key : QString();

    History::RefreshRequest refresh;
    refresh.symbols = symbols;
    refresh.source = *source;
    refresh.apiKey = apiKey;
    refresh.gaps = parser.isSet(u"gaps"_s);
    refresh.from = from;
    refresh.to = to;

    // A TickDesk running on this database (a window or headless) refreshes itself: it holds the database.
    {
        SingleInstance instance(path);
        InstanceRequest request;
        request.refresh = refresh;
        QString refusal;
        switch (instance.handOver(request, &refusal)) {
        case SingleInstance::Answer::Taken:
            std::fprintf(stderr,
                         "tickdesk refresh: handed to the TickDesk running on %s (its window or log shows the "
                         "result)\n",
                         qPrintable(path));
            return 0;
        case SingleInstance::Answer::Refused:
            std::fprintf(stderr, "tickdesk refresh: the TickDesk running on %s refused it: %s\n", qPrintable(path),
                         qPrintable(refusal));
            return 3;
        case SingleInstance::Answer::NobodyRunning:
            break;
        }
    }

    Storage::WriterOptions storage;
    storage.path = path;
    if (Core::Settings::validateSessionTimeZone(settings.sessionTimeZone()))
        storage.sessionTimeZone = settings.sessionTimeZone();
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer) {
        std::fprintf(stderr, "tickdesk refresh: %s\n", qPrintable(writer.error()));
        return 3;
    }
    if (refresh.symbols.isEmpty())
        refresh.symbols = config.schedule.symbols.isEmpty() ? storedSymbols(path) : config.schedule.symbols;
    if (refresh.symbols.isEmpty()) {
        (*writer)->stop();
        printCommandError(command, u"no symbols: give --symbol (the database holds none yet)"_s);
        return 2;
    }

    // The same service as in the window and headless, without its schedule: one refresh and done.
    History::Refresher::Options options;
    options.databasePath = path;
    options.sessionTimeZone = storage.sessionTimeZone;
    History::RefreshService service(**writer, options);
    History::Config once = config;
    once.schedule = {};
    service.setConfig(once);
    QObject::connect(&service, &History::RefreshService::gapsFound, &service,
                     [](const QString &symbol, int gaps, const QString &spans) {
                         std::fprintf(stderr, "%s: %d gaps: %s\n", qPrintable(symbol), gaps, qPrintable(spans));
                     });
    QObject::connect(&service, &History::RefreshService::progressed, &service,
                     [](const History::SymbolOutcome &o, int done, int total) {
                         std::fprintf(stderr, "[%d/%d] %s: %s%s\n", done, total, qPrintable(o.symbol.toString()),
                                      o.ok ? "" : "failed: ", qPrintable(o.ok ? o.summary() : o.message));
                         for (std::size_t i = 0; i < o.problems.size() && i < 5; ++i)
                             std::fprintf(stderr, "  row %lld: %s\n", (long long)o.problems[i].line,
                                          qPrintable(o.problems[i].message));
                     });
    QObject::connect(&service, &History::RefreshService::waiting, &service,
                     [](const QString &why) { std::fprintf(stderr, "  %s\n", qPrintable(why)); });
    History::RefreshReport report;
    QObject::connect(&service, &History::RefreshService::finished, &service,
                     [&report](const QString &, const History::RefreshReport &done) {
                         report = done;
                         QCoreApplication::quit();
                     });
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &service, &History::RefreshService::cancel);
    QElapsedTimer clock;
    clock.start();
    QString why;
    if (!service.run(refresh, &why)) {
        (*writer)->stop();
        printCommandError(command, why);
        return 2;
    }
    QCoreApplication::exec();
    service.stop();
    (*writer)->stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    qint64 fetched = 0;
    for (const auto &o : report.symbols)
        fetched += o.fetched;
    std::fprintf(stderr, "%zu symbols, %d failed, %lld bars stored, %.2f s, %.0f rows/s\n", report.symbols.size(),
                 report.failed(), (long long)report.stored(), seconds, double(fetched) / std::max(1e-9, seconds));
    if (report.cancelled) {
        std::fprintf(stderr, "tickdesk refresh: cancelled\n");
        return 1;
    }
    return report.failed() > 0 ? 1 : 0;
}

} // namespace App
