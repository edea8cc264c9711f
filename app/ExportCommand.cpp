// SPDX-License-Identifier: MIT
#include "Subcommands.h"
#include "io/SignalExport.h"
#include "model/Symbol.h"
#include "settings/Settings.h"
#include "signals/RuleEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

namespace {

struct CommonOptions
{
    QString command;
    QString databasePath;
    QString output;
    QStringList symbols;
    Model::TimestampUs fromUs = 0;
    Model::TimestampUs toUs = std::numeric_limits<Model::TimestampUs>::max();
    qint64 limit = 0;
};

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s},
        {{u"o"_s, u"output"_s}, QCoreApplication::translate("CommandLine", "CSV file to write."), u"FILE"_s},
        {u"symbol"_s,
         QCoreApplication::translate("CommandLine", "Only this symbol; repeat or comma-separate for more."), u"S"_s},
        {u"from"_s,
         QCoreApplication::translate("CommandLine", "From this time: epoch seconds or ISO-8601 (UTC by default)."),
         u"T"_s},
        {u"to"_s, QCoreApplication::translate("CommandLine", "Up to this time, inclusive."), u"T"_s},
        {u"limit"_s, QCoreApplication::translate("CommandLine", "At most this many rows."), u"N"_s},
    });
}

/// Parses what both exports share; false after printing the problem (or the help).
bool parseCommon(QCommandLineParser &parser, const QStringList &arguments, CommonOptions &o, int &exitCode)
{
    if (const auto code = parseCommand(parser, arguments, o.command, false)) {
        exitCode = *code;
        return false;
    }
    exitCode = 2;
    if (!parser.isSet(u"output"_s) || parser.value(u"output"_s).isEmpty()) {
        printCommandError(o.command, u"-o FILE is required"_s);
        return false;
    }
    o.output = parser.value(u"output"_s);
    o.databasePath = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Core::Settings().databasePath();
    if (!readSymbols(parser, o.command, o.symbols) || !readTimeRange(parser, o.command, o.fromUs, o.toUs))
        return false;
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        o.limit = parser.value(u"limit"_s).toLongLong(&ok);
        if (!ok || o.limit < 1) {
            printCommandError(o.command, u"--limit: \"%1\" is not a positive number"_s.arg(parser.value(u"limit"_s)));
            return false;
        }
    }
    if (!QFileInfo::exists(o.databasePath)) {
        printCommandError(o.command, u"no database at %1"_s.arg(o.databasePath));
        return false;
    }
    return true;
}

/// The common filters, oldest first, as an export reads best.
template<typename Filter>
Filter filterFrom(const CommonOptions &o)
{
    Filter f;
    f.symbols = o.symbols;
    f.fromUs = o.fromUs;
    f.toUs = o.toUs;
    f.limit = o.limit;
    f.newestFirst = false;
    return f;
}

/// Runs the export and says how it went: the count and the time, or why there is no file.
int runExport(const CommonOptions &o, const char *what,
              const std::function<Util::Result<qint64>(const std::atomic<bool> &)> &exportRows)
{
    QElapsedTimer clock;
    clock.start();
    const std::atomic<bool> cancel{false};
    const Util::Result<qint64> result = exportRows(cancel);
    if (!result) {
        std::fprintf(stderr, "tickdesk %s: %s\n", qPrintable(o.command), qPrintable(result.error()));
        return 1;
    }
    std::fprintf(stderr, "%lld %s written to %s in %.2f s\n", (long long)*result, what, qPrintable(o.output),
                 double(clock.nsecsElapsed()) / 1e9);
    return 0;
}

} // namespace

int runExportSignals(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Writes stored signals as CSV (RFC 4180), oldest first."));
    addCommonOptions(parser);
    parser.addOptions({
        {u"side"_s, QCoreApplication::translate("CommandLine", "Only buy, sell or alert signals."), u"SIDE"_s},
        {u"rule"_s,
         QCoreApplication::translate("CommandLine", "Only this rule: rsi_trend, ma_cross, price_move, news_sentiment."),
         u"RULE"_s},
    });
    CommonOptions common;
    common.command = u"export-signals"_s;
    int exitCode = 0;
    if (!parseCommon(parser, arguments, common, exitCode))
        return exitCode;
    auto filter = filterFrom<Storage::SignalFilter>(common);
    filter.side = parser.value(u"side"_s);
    if (!filter.side.isEmpty() && filter.side != u"buy"_s && filter.side != u"sell"_s && filter.side != u"alert"_s) {
        printCommandError(common.command, u"--side: \"%1\" is not buy, sell or alert"_s.arg(filter.side));
        return 2;
    }
    filter.rule = parser.value(u"rule"_s);
    if (!filter.rule.isEmpty() && Signals::RuleEngine::ruleIndex(filter.rule) < 0) {
        printCommandError(
            common.command,
            u"--rule: \"%1\" is not rsi_trend, ma_cross, price_move or news_sentiment"_s.arg(filter.rule));
        return 2;
    }
    return runExport(common, "signals", [&](const std::atomic<bool> &cancel) {
        return Io::exportSignals(common.databasePath, filter, common.output, cancel);
    });
}

int runExportTicks(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Writes stored bars (ticks) as CSV (RFC 4180), oldest first."));
    addCommonOptions(parser);
    CommonOptions common;
    common.command = u"export-ticks"_s;
    int exitCode = 0;
    if (!parseCommon(parser, arguments, common, exitCode))
        return exitCode;
    const auto filter = filterFrom<Storage::TickFilter>(common);
    return runExport(common, "ticks", [&](const std::atomic<bool> &cancel) {
        return Io::exportTicks(common.databasePath, filter, common.output, cancel);
    });
}

int runExportBars(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Writes a symbol's bars of a timeframe, built from the stored records, as CSV (RFC 4180), "
                       "oldest first."));
    addCommonOptions(parser);
    parser.addOptions({
        {u"timeframe"_s,
         QCoreApplication::translate("CommandLine", "Bar size: record, 1s to 1D and 1W, Nm, Nt (records), Nv (shares). "
                                                    "Default 1m."),
         u"TF"_s},
        {u"tz"_s,
         QCoreApplication::translate("CommandLine", "Time zone whose midnight begins days and weeks (default UTC)."),
         u"ZONE"_s},
        {u"fill"_s,
         QCoreApplication::translate("CommandLine", "A flat bar, marked filled, for each stretch without records.")},
    });
    CommonOptions common;
    common.command = u"export-bars"_s;
    int exitCode = 0;
    if (!parseCommon(parser, arguments, common, exitCode))
        return exitCode;
    if (common.symbols.size() != 1) {
        printCommandError(common.command, u"--symbol: give exactly one symbol"_s);
        return 2;
    }
    Storage::BarQuery query;
    Model::Symbol::fromString(common.symbols.front(), query.symbol);
    query.fromUs = common.fromUs;
    query.toUs = common.toUs;
    query.limit = common.limit;
    query.fillGaps = parser.isSet(u"fill"_s);
    if (parser.isSet(u"timeframe"_s)) {
        const auto timeframe = Bars::Timeframe::parse(parser.value(u"timeframe"_s));
        if (!timeframe) {
            printCommandError(common.command, u"--timeframe: "_s + timeframe.error());
            return 2;
        }
        query.timeframe = *timeframe;
    }
    QTimeZone zone = QTimeZone::utc();
    if (!readTimeZone(parser, common.command, zone))
        return 2;
    return runExport(common, "bars", [&](const std::atomic<bool> &cancel) {
        return Io::exportBars(common.databasePath, query, Bars::Session(zone), common.output, cancel);
    });
}

} // namespace App
