// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace App {

/// `tickdesk simulate`, `export-signals`, `import`, `alerts`: tools that run without the
/// server. Each parses its own arguments (the first is the program, the second
/// the command) and returns the process exit code; errors go to stderr.
int runSimulate(const QStringList &arguments);
int runExportSignals(const QStringList &arguments);
int runExportTicks(const QStringList &arguments);
int runExportBars(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runAlerts(const QStringList &arguments);
int runExportTrades(const QStringList &arguments);
int runAnalyzeTrades(const QStringList &arguments);
int runBacktest(const QStringList &arguments);
int runOptimize(const QStringList &arguments);
int runStrategies(const QStringList &arguments);

/// The command's runner, or nullptr when `name` is not one.
using Subcommand = int (*)(const QStringList &);
Subcommand findSubcommand(const char *name);

/// For their parsers: prints "tickdesk COMMAND: message" and a hint.
void printCommandError(const QString &command, const QString &message);

/// Parses `arguments` (program, command, options) for `command`: prints the help or the
/// parse error and returns the exit code when the process should end there, else nothing.
/// With `positionalAllowed` false, any stray argument is an error too.
std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &command,
                                bool positionalAllowed);

} // namespace App
