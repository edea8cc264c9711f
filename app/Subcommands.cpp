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
    if (std::strcmp(name, "import") == 0)
        return &runImport;
    return nullptr;
}

void printCommandError(const QString &command, const QString &message)
{
    std::fprintf(stderr, "tickdesk %s: %s\nTry 'tickdesk %s --help'.\n", qPrintable(command), qPrintable(message),
                 qPrintable(command));
}

} // namespace App
