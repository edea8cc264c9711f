// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace App {

/// `tickdesk simulate`, `export-signals`, `import`: tools that run without the
/// server. Each parses its own arguments (the first is the program, the second
/// the command) and returns the process exit code; errors go to stderr.
int runSimulate(const QStringList &arguments);
int runExportSignals(const QStringList &arguments);
int runExportTicks(const QStringList &arguments);
int runImport(const QStringList &arguments);

/// The command's runner, or nullptr when `name` is not one.
using Subcommand = int (*)(const QStringList &);
Subcommand findSubcommand(const char *name);

/// For their parsers: prints "tickdesk COMMAND: message" and a hint.
void printCommandError(const QString &command, const QString &message);

} // namespace App
