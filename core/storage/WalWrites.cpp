// SPDX-License-Identifier: MIT
#include "WalWrites.h"

#include <sqlite3.h>

#include <atomic>
#include <new>
#include <utility>
#include <vector>

namespace Storage::WalWrites {

namespace {

/// What is gathered before it is written out anyway: SQLite's Unix layer writes at most this in one call
/// (it masks a write's length to 17 bits), and a long transaction holds no more than this.
constexpr std::size_t MaxGathered = 0x1ffff;
/// A log frame's header; its second big-endian word, the database's size in pages, is set only in the frame
/// that commits a transaction.
constexpr int FrameHeaderSize = 24;
/// The log's own header, before the first frame.
constexpr sqlite3_int64 LogHeaderSize = 32;

sqlite3_vfs *g_system = nullptr;
sqlite3_vfs g_layer{};
std::atomic<bool> g_installed{false};
std::atomic<std::uint64_t> g_asked{0};
std::atomic<std::uint64_t> g_made{0};

/// A log opened through the layer: its own state, then the file as the system's layer opened it.
struct LogFile
{
    sqlite3_file base; ///< what SQLite sees; its methods are the layer's
    sqlite3_file *system = nullptr;
    std::vector<unsigned char> gathered;
    sqlite3_int64 start = 0;  ///< the file offset of gathered[0]
    bool commitFrame = false; ///< the last write was the header of a transaction's last frame
};

constexpr std::size_t StateSize = (sizeof(LogFile) + 15) & ~std::size_t(15);

LogFile *logOf(sqlite3_file *file)
{
    return reinterpret_cast<LogFile *>(file);
}

int writeOut(LogFile *log)
{
    if (log->gathered.empty())
        return SQLITE_OK;
    g_made.fetch_add(1, std::memory_order_relaxed);
    const int rc =
        log->system->pMethods->xWrite(log->system, log->gathered.data(), int(log->gathered.size()), log->start);
    // Written or not, it is out of the layer's hands: a failed write fails SQLite's transaction.
    log->gathered.clear();
    return rc;
}

bool endsTransaction(const void *data, int amount, sqlite3_int64 offset)
{
    if (amount != FrameHeaderSize || offset < LogHeaderSize)
        return false;
    const auto *header = static_cast<const unsigned char *>(data);
    return (header[4] | header[5] | header[6] | header[7]) != 0;
}

int logClose(sqlite3_file *file)
{
    LogFile *log = logOf(file);
    const int written = writeOut(log);
    const int rc = log->system->pMethods->xClose(log->system);
    log->~LogFile();
    return written != SQLITE_OK ? written : rc;
}

int logRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    LogFile *log = logOf(file);
    if (const int rc = writeOut(log); rc != SQLITE_OK)
        return rc;
    return log->system->pMethods->xRead(log->system, out, amount, offset);
}

int logWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    LogFile *log = logOf(file);
    g_asked.fetch_add(1, std::memory_order_relaxed);
    // The page after a transaction's last header completes it: out before SQLite lets readers see it.
    const bool completes = std::exchange(log->commitFrame, false);
    const bool appends = offset == log->start + sqlite3_int64(log->gathered.size());
    if (!log->gathered.empty() && (!appends || log->gathered.size() + std::size_t(amount) > MaxGathered)) {
        if (const int rc = writeOut(log); rc != SQLITE_OK)
            return rc;
    }
    if (std::size_t(amount) > MaxGathered) {
        g_made.fetch_add(1, std::memory_order_relaxed);
        return log->system->pMethods->xWrite(log->system, data, amount, offset);
    }
    if (log->gathered.empty())
        log->start = offset;
    const auto *bytes = static_cast<const unsigned char *>(data);
    log->gathered.insert(log->gathered.end(), bytes, bytes + amount);
    log->commitFrame = endsTransaction(data, amount, offset);
    return completes ? writeOut(log) : SQLITE_OK;
}

int logTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    LogFile *log = logOf(file);
    if (const int rc = writeOut(log); rc != SQLITE_OK)
        return rc;
    return log->system->pMethods->xTruncate(log->system, size);
}

int logSync(sqlite3_file *file, int flags)
{
    LogFile *log = logOf(file);
    if (const int rc = writeOut(log); rc != SQLITE_OK)
        return rc;
    return log->system->pMethods->xSync(log->system, flags);
}

int logFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    LogFile *log = logOf(file);
    if (const int rc = writeOut(log); rc != SQLITE_OK)
        return rc;
    return log->system->pMethods->xFileSize(log->system, size);
}

int logLock(sqlite3_file *file, int level)
{
    return logOf(file)->system->pMethods->xLock(logOf(file)->system, level);
}

int logUnlock(sqlite3_file *file, int level)
{
    return logOf(file)->system->pMethods->xUnlock(logOf(file)->system, level);
}

int logCheckReservedLock(sqlite3_file *file, int *out)
{
    return logOf(file)->system->pMethods->xCheckReservedLock(logOf(file)->system, out);
}

int logFileControl(sqlite3_file *file, int op, void *arg)
{
    LogFile *log = logOf(file);
    if (const int rc = writeOut(log); rc != SQLITE_OK)
        return rc;
    return log->system->pMethods->xFileControl(log->system, op, arg);
}

int logSectorSize(sqlite3_file *file)
{
    return logOf(file)->system->pMethods->xSectorSize(logOf(file)->system);
}

int logDeviceCharacteristics(sqlite3_file *file)
{
    return logOf(file)->system->pMethods->xDeviceCharacteristics(logOf(file)->system);
}

/// A log is never mapped nor shared memory: SQLite asks those of the database file only.
const sqlite3_io_methods LogMethods = {
    1,
    logClose,
    logRead,
    logWrite,
    logTruncate,
    logSync,
    logFileSize,
    logLock,
    logUnlock,
    logCheckReservedLock,
    logFileControl,
    logSectorSize,
    logDeviceCharacteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    if (!(flags & SQLITE_OPEN_WAL))
        return g_system->xOpen(g_system, name, file, flags, outFlags);
    auto *log = new (file) LogFile;
    log->base.pMethods = nullptr;
    log->system = reinterpret_cast<sqlite3_file *>(reinterpret_cast<unsigned char *>(file) + StateSize);
    if (const int rc = g_system->xOpen(g_system, name, log->system, flags, outFlags); rc != SQLITE_OK) {
        // SQLite closes no file whose methods are unset; the system's layer closed its own.
        log->~LogFile();
        file->pMethods = nullptr;
        return rc;
    }
    log->base.pMethods = &LogMethods;
    return SQLITE_OK;
}

} // namespace

bool install()
{
    if (g_installed.load())
        return true;
    g_system = sqlite3_vfs_find(nullptr);
    if (!g_system)
        return false;
    // Everything but opening files is the system's own, with its own data.
    g_layer = *g_system;
    g_layer.pNext = nullptr;
    g_layer.zName = "tickdesk-wal";
    g_layer.szOsFile = int(StateSize) + g_system->szOsFile;
    g_layer.xOpen = open;
    if (sqlite3_vfs_register(&g_layer, 1) != SQLITE_OK)
        return false;
    g_installed.store(true);
    return true;
}

bool installed()
{
    return g_installed.load();
}

std::uint64_t writesAsked()
{
    return g_asked.load(std::memory_order_relaxed);
}

std::uint64_t writesMade()
{
    return g_made.load(std::memory_order_relaxed);
}

} // namespace Storage::WalWrites
