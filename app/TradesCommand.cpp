// SPDX-License-Identifier: MIT
// `tickdesk export-trades --by-day DIR` and `tickdesk analyze-trades --date D`: the trades of each day to a CSV
// file of its own, and a day's analysis (printed and stored).
#include "Subcommands.h"
#include "bars/Session.h"
#include "io/TradeCsv.h"
#include "settings/Settings.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/TradeStore.h"
#include "trading/DailyAnalysis.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <map>

using namespace Qt::StringLiterals;

namespace App {

namespace {

struct TradeOptions
{
    QString command;
    std::unique_ptr<Storage::SqliteDatabase> db;
    QTimeZone zone = QTimeZone::utc();
    QString zoneName = u"UTC"_s;
};

/// The database (it must exist) and the time zone (`--tz`, UTC by default) of a trades command.
std::optional<int> openFor(const QCommandLineParser &parser, TradeOptions &options)
{
    if (!readTimeZone(parser, options.command, options.zone))
        return 2;
    if (parser.isSet(u"tz"_s))
        options.zoneName = parser.value(u"tz"_s);
    const QString path = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Core::Settings().databasePath();
    if (!QFileInfo::exists(path)) {
        printCommandError(options.command, u"no database at %1"_s.arg(path));
        return 2;
    }
    auto db = Storage::SqliteDatabase::open(path);
    if (!db) {
        printCommandError(options.command, db.error());
        return 1;
    }
    if (auto s = Storage::Schema::migrate(**db); !s) {
        printCommandError(options.command, s.error());
        return 1;
    }
    options.db = std::move(*db);
    return std::nullopt;
}

void addTradeOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s},
        {u"tz"_s,
         QCoreApplication::translate("CommandLine", "The time zone whose midnight begins a day (default: UTC)."),
         u"ZONE"_s},
    });
}

} // namespace

int runExportTrades(const QStringList &arguments)
{
    TradeOptions options;
    options.command = u"export-trades"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Writes the trades of each day to DIR/YYYY/MM/DD/trades.csv, in the order they happened."));
    addTradeOptions(parser);
    parser.addOption({u"by-day"_s, QCoreApplication::translate("CommandLine", "The folder to write into."), u"DIR"_s});
    if (const auto exitCode = parseCommand(parser, arguments, options.command, false))
        return *exitCode;
    if (!parser.isSet(u"by-day"_s)) {
        printCommandError(options.command, u"--by-day DIR: say where the files go"_s);
        return 2;
    }
    if (const auto exitCode = openFor(parser, options))
        return *exitCode;
    auto stored = Storage::TradeStore::allStored(*options.db);
    if (!stored) {
        printCommandError(options.command, stored.error());
        return 1;
    }
    std::vector<Trading::Fill> fills;
    for (const Storage::StoredTrade &t : *stored)
        fills.push_back(t.fill);
    const std::vector<Trading::ReplayedTrade> replayed = Trading::replay(std::move(fills), options.zone);
    std::map<QDate, QByteArray> files;
    for (std::size_t i = 0; i < stored->size(); ++i) {
        QByteArray &file = files[replayed[i].day];
        if (file.isEmpty())
            file = Io::tradeCsvHeader();
        (*stored)[i].fill.realized = replayed[i].fill.realized;
        Io::appendTradeCsvRow((*stored)[i], file);
    }
    const QDir root(parser.value(u"by-day"_s));
    for (const auto &[day, bytes] : files) {
        const QString folder = root.filePath(day.toString(u"yyyy/MM/dd"_s));
        QSaveFile file(QDir(folder).filePath(u"trades.csv"_s));
        if (!QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
            !file.commit()) {
            printCommandError(options.command, u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
            return 1;
        }
    }
    std::printf("%zu trades on %zu days written to %s (days in %s)\n", stored->size(), files.size(),
                qPrintable(QDir::toNativeSeparators(root.absolutePath())), qPrintable(options.zoneName));
    return 0;
}

int runAnalyzeTrades(const QStringList &arguments)
{
    TradeOptions options;
    options.command = u"analyze-trades"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Analyzes a day's trades (P/L, fees, win rate, profit factor, wins and losses, the running "
                       "total), prints the analysis and stores it; with --stored, prints the one stored."));
    addTradeOptions(parser);
    parser.addOptions({
        {u"date"_s, QCoreApplication::translate("CommandLine", "The day, YYYY-MM-DD."), u"DATE"_s},
        {u"stored"_s, QCoreApplication::translate("CommandLine", "Print the stored analysis of that day.")},
        {u"json"_s, QCoreApplication::translate("CommandLine", "Print it as JSON.")},
    });
    if (const auto exitCode = parseCommand(parser, arguments, options.command, false))
        return *exitCode;
    const QDate date = QDate::fromString(parser.value(u"date"_s), Qt::ISODate);
    if (!date.isValid()) {
        printCommandError(options.command, u"--date: give the day as YYYY-MM-DD"_s);
        return 2;
    }
    if (const auto exitCode = openFor(parser, options))
        return *exitCode;
    const QString day = date.toString(Qt::ISODate);
    QByteArray analysis;
    if (parser.isSet(u"stored"_s)) {
        auto stored = Storage::TradeStore::storedDay(*options.db, day, options.zoneName);
        if (!stored || !*stored) {
            printCommandError(
                options.command,
                stored ? u"no analysis of %1 (%2) is stored: run without --stored first"_s.arg(day, options.zoneName)
                       : stored.error());
            return 1;
        }
        analysis = **stored;
    } else {
        auto fills = Storage::TradeStore::all(*options.db);
        if (!fills) {
            printCommandError(options.command, fills.error());
            return 1;
        }
        Trading::DayStats stats;
        stats.day = date;
        for (const Trading::DayStats &d : Trading::analyzeByDay(Trading::replay(std::move(*fills), options.zone))) {
            if (d.day <= date)
                stats.cumulative = d.cumulative; // a day without trades carries the total so far
            if (d.day == date)
                stats = d;
        }
        analysis = QJsonDocument(stats.toJson()).toJson(QJsonDocument::Compact);
        if (auto s = Storage::TradeStore::saveDay(*options.db, day, options.zoneName, analysis,
                                                  QDateTime::currentMSecsSinceEpoch() * 1000);
            !s) {
            printCommandError(options.command, s.error());
            return 1;
        }
    }
    if (parser.isSet(u"json"_s)) {
        std::printf("%s\n", analysis.constData());
        return 0;
    }
    const QJsonObject o = QJsonDocument::fromJson(analysis).object();
    const auto number = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        return v.isNull() ? u"–"_s : QString::number(v.toDouble(), 'f', 2);
    };
    std::printf("%s (%s): %d trades, %d won, %d lost\n"
                "  realized %s, fees %s, net %s, running total %s\n"
                "  win rate %s %%, profit factor %s\n"
                "  average win %s, average loss %s, largest win %s, largest loss %s\n",
                qPrintable(day), qPrintable(options.zoneName), o.value(u"trades"_s).toInt(), o.value(u"wins"_s).toInt(),
                o.value(u"losses"_s).toInt(), qPrintable(number("realized")), qPrintable(number("fees")),
                qPrintable(number("net")), qPrintable(number("cumulative")), qPrintable(number("win_rate")),
                qPrintable(number("profit_factor")), qPrintable(number("average_win")),
                qPrintable(number("average_loss")), qPrintable(number("largest_win")),
                qPrintable(number("largest_loss")));
    return 0;
}

} // namespace App
