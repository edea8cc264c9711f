// SPDX-License-Identifier: MIT
#include "CrashHandler.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <csignal>
#include <cstring>
#include <execinfo.h>
#include <fcntl.h>
#include <unistd.h>

namespace App {

namespace {

constexpr std::array FatalSignals{SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
std::array<struct sigaction, FatalSignals.size()> previous{};
int logFd = -1;
QByteArray banner; // written once, before any crash: nothing is allocated in the handler

void writeAll(int fd, const char *text, std::size_t length)
{
    while (fd >= 0 && length > 0) {
        const ssize_t n = ::write(fd, text, length);
        if (n <= 0)
            return;
        text += n;
        length -= std::size_t(n);
    }
}

void writeBoth(const char *text)
{
    writeAll(STDERR_FILENO, text, std::strlen(text));
    writeAll(logFd, text, std::strlen(text));
}

void onFatal(int signal, siginfo_t *info, void *context)
{
    // Only async-signal-safe calls from here on (backtrace was warmed up at install).
    writeBoth("\ntickdesk: fatal signal ");
    writeBoth(sigabbrev_np(signal) ? sigabbrev_np(signal) : "?");
    writeBoth(banner.constData());
    writeBoth("; backtrace:\n");
    void *frames[64];
    const int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    if (logFd >= 0) {
        backtrace_symbols_fd(frames, count, logFd);
        ::fsync(logFd);
    }
    for (std::size_t i = 0; i < FatalSignals.size(); ++i) {
        if (FatalSignals[i] != signal)
            continue;
        const struct sigaction &before = previous[i];
        if ((before.sa_flags & SA_SIGINFO) && before.sa_sigaction) {
            before.sa_sigaction(signal, info, context);
            break;
        }
        if (before.sa_handler != SIG_DFL && before.sa_handler != SIG_IGN && before.sa_handler) {
            before.sa_handler(signal);
            break;
        }
    }
    // Die of the same signal, so the exit status and any core dump tell the truth.
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

} // namespace

void installCrashHandler(const QString &logPath)
{
    if (!logPath.isEmpty()) {
        QDir().mkpath(QFileInfo(logPath).absolutePath());
        logFd = ::open(QFile::encodeName(logPath).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    }
    banner = " in TickDesk (pid " + QByteArray::number(qint64(::getpid())) + ", started " +
             QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() + ")";
    void *warm[1];
    backtrace(warm, 1); // loads libgcc now, not inside the handler
    for (std::size_t i = 0; i < FatalSignals.size(); ++i) {
        struct sigaction action
        {};
        action.sa_sigaction = &onFatal;
        action.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(FatalSignals[i], &action, &previous[i]);
    }
}

} // namespace App
