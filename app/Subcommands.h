// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTimeZone>

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
int runRefresh(const QStringList &arguments);

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

/// Epoch seconds, or an ISO-8601 date or date-time (UTC unless it says otherwise).
std::optional<Model::TimestampUs> parseTimeArgument(const QString &text);
/// --symbol (repeated or comma-separated) appended to `out`, upper-cased; false after printing the one that is
/// not a symbol.
bool readSymbols(const QCommandLineParser &parser, const QString &command, QStringList &out);
/// --from and --to into `from` and `to` (left as they are when not given); false after printing what is wrong.
bool readTimeRange(const QCommandLineParser &parser, const QString &command, Model::TimestampUs &from,
                   Model::TimestampUs &to);
/// --tz into `zone` (left as it is when not given); false after printing why the name is no time zone.
bool readTimeZone(const QCommandLineParser &parser, const QString &command, QTimeZone &zone);

} // namespace App
