// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"
#include "util/WorkerThread.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Storage {

class SqliteDatabase;

/// Copies the write-ahead log back into the database on a thread and
/// connection of its own. SQLite would otherwise checkpoint inside the
/// writer's commit, fsync included, and every acknowledgement would wait for it.
class Checkpointer final
{
public:
    static Util::Result<std::unique_ptr<Checkpointer>> open(const QString &path);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    /// The log's length, in thresholds, at which the writer finishes a pass itself.
    static constexpr int WriterPassAt = 4;
    /// Past the threshold, the thread is asked for a pass once the log has grown by this share of the threshold
    /// since it was last asked, not after every commit.
    static constexpr int PassStepShare = 64;

    /// Installs itself as the WAL hook of `writer`: after a commit that leaves the log longer than
    /// `pages`, and `pages` / PassStepShare longer than when it last asked, a passive checkpoint runs here.
    /// At WriterPassAt times `pages` the writer's own commit finishes the copy, so that the log starts again.
    void attach(SqliteDatabase &writer, int pages);
    void stop();

    std::uint64_t checkpoints() const noexcept { return m_checkpoints.load(); }
    /// Of those, the passes the writer's commits ran (at WriterPassAt times the threshold).
    std::uint64_t writerPasses() const noexcept { return m_writerPasses.load(); }
    /// Times the writer's commits asked the thread for a pass.
    std::uint64_t requests() const noexcept { return m_requests.load(); }

private:
    explicit Checkpointer(std::unique_ptr<SqliteDatabase> db);
    static int walHook(void *self, sqlite3 *, const char *, int pages);
    void run();
    void syncDatabaseFile();

    std::unique_ptr<SqliteDatabase> m_db;
    int m_threshold = 4096;
    int m_passStep = 64;
    int m_requestedAt = 0;  ///< the log's length when the thread was last asked for a pass (the writer's thread only)
    int m_writerPassAt = 0; ///< the log's length at the writer's last pass that left some of it (its thread only)
    bool m_requested = false;
    std::atomic<std::uint64_t> m_checkpoints{0};
    std::atomic<std::uint64_t> m_requests{0};
    std::atomic<std::uint64_t> m_writerPasses{0};
    Util::WorkerThread m_worker;
};

} // namespace Storage
