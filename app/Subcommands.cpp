// SPDX-License-Identifier: MIT
#include "Subcommands.h"

#include "bars/Session.h"
#include "model/Symbol.h"

#include <QDateTime>

#include <cstdio>
#include <cstring>

namespace App {

Subcommand findSubcommand(const char *name)
{
    if (std::strcmp(name, "simulate") == 0)
        return &runSimulate;
    if (std::strcmp(name, "export-signals") == 0)
        return &runExportSignals;
    if (std::strcmp(name, "export-ticks") == 0)
        return &runExportTicks;
    if (std::strcmp(name, "export-bars") == 0)
        return &runExportBars;
    if (std::strcmp(name, "import") == 0)
        return &runImport;
    if (std::strcmp(name, "alerts") == 0)
        return &runAlerts;
    if (std::strcmp(name, "export-trades") == 0)
        return &runExportTrades;
    if (std::strcmp(name, "analyze-trades") == 0)
        return &runAnalyzeTrades;
    if (std::strcmp(name, "backtest") == 0)
        return &runBacktest;
    if (std::strcmp(name, "optimize") == 0)
        return &runOptimize;
    if (std::strcmp(name, "strategies") == 0)
        return &runStrategies;
    if (std::strcmp(name, "refresh") == 0)
        return &runRefresh;
    return nullptr;
}

void printCommandError(const QString &command, const QString &message)
{
    std::fprintf(stderr, "tickdesk %s: %s\nTry 'tickdesk %s --help'.\n", qPrintable(command), qPrintable(message),
                 qPrintable(command));
}

std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &command,
                                bool positionalAllowed)
{
    QStringList args = arguments;
    args.removeAt(1); // the command word
    if (!parser.parse(args)) {
        printCommandError(command, parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QString usage = QStringLiteral("Usage: ") + args.constFirst();
        std::fputs(qPrintable(parser.helpText().replace(usage, usage + u' ' + command)), stdout);
        return 0;
    }
    if (!positionalAllowed && !parser.positionalArguments().isEmpty()) {
        printCommandError(command,
                          QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    return std::nullopt;
}

std::optional<Model::TimestampUs> parseTimeArgument(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds >= 0 && seconds < 32503680000.0 ? std::optional(Model::TimestampUs(seconds * 1e6))
                                                       : std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch() * 1000;
}

bool readSymbols(const QCommandLineParser &parser, const QString &command, QStringList &out)
{
    for (const QString &value : parser.values(QStringLiteral("symbol")))
        for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
            Model::Symbol symbol;
            if (!Model::Symbol::fromString(item.trimmed().toUpper(), symbol)) {
                printCommandError(command, QStringLiteral("--symbol: \"%1\" is not a symbol").arg(item));
                return false;
            }
            out.append(symbol.toString());
        }
    return true;
}

bool readTimeRange(const QCommandLineParser &parser, const QString &command, Model::TimestampUs &from,
                   Model::TimestampUs &to)
{
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (!parser.isSet(name))
            continue;
        const auto time = parseTimeArgument(parser.value(name));
        if (!time) {
            printCommandError(command, QStringLiteral("--%1: \"%2\" is neither epoch seconds nor an ISO-8601 time")
                                           .arg(name, parser.value(name)));
            return false;
        }
        *target = *time;
    }
    if (from > to) {
        printCommandError(command, QStringLiteral("--from is after --to"));
        return false;
    }
    return true;
}

bool readTimeZone(const QCommandLineParser &parser, const QString &command, QTimeZone &zone)
{
    if (!parser.isSet(QStringLiteral("tz")))
        return true;
    const auto named = Bars::timeZoneNamed(parser.value(QStringLiteral("tz")));
    if (!named) {
        printCommandError(command, QStringLiteral("--tz: ") + named.error());
        return false;
    }
    zone = *named;
    return true;
}

} // namespace App
