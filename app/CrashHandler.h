// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace App {

/// On a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT), writes the signal and a
/// backtrace to stderr and appends them to `logPath`, then lets the signal take its course
/// (a handler that was there before, such as a sanitizer's, still runs). A window that
/// vanishes leaves a trace behind.
void installCrashHandler(const QString &logPath);

} // namespace App
