// SPDX-License-Identifier: MIT
#include "Subcommands.h"

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

} // namespace App
