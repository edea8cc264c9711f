// SPDX-License-Identifier: MIT
#include "Checkpointer.h"

#include "SqliteDatabase.h"

#include <QLoggingCategory>

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

Util::Result<std::unique_ptr<Checkpointer>> Checkpointer::open(const QString &path)
{
    auto db = SqliteDatabase::open(path);
    if (!db)
        return Util::Result<std::unique_ptr<Checkpointer>>::failure(db.error());
    // A connection learns that the file is in WAL mode only when it first reads it; until
    // then a checkpoint through it does nothing at all (and says -1 frames).
    if (auto s = (*db)->exec("PRAGMA journal_mode=WAL"); !s)
        return Util::Result<std::unique_ptr<Checkpointer>>::failure(s.error());
    return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(*db)));
}

Checkpointer::Checkpointer(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db))
{
    m_worker.start([this] { run(); });
}

Checkpointer::~Checkpointer()
{
    stop();
}

void Checkpointer::attach(SqliteDatabase &writer, int pages)
{
    m_threshold = pages;
    sqlite3_wal_hook(writer.handle(), &Checkpointer::walHook, this);
}

int Checkpointer::walHook(void *self, sqlite3 *writer, const char *, int pages)
{
    auto *c = static_cast<Checkpointer *>(self);
    if (pages < c->m_requestedAt)
        c->m_requestedAt = 0; // the log started again from its beginning
    if (pages >= c->m_threshold * 4) {
        // A pass of the thread that starts during a commit never finds the log whole, and the log starts
        // again only after one did: under a steady stream of commits it would grow without end. Here,
        // between two transactions, a pass copies what the thread's passes left (little), and the next
        // transaction starts the log again. The thread is asked for nothing more meanwhile: while it
        // copies this pass is refused, and the next commit tries again.
        if (sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK)
            c->m_checkpoints.fetch_add(1, std::memory_order_relaxed);
    } else if (pages >= c->m_threshold && pages >= c->m_requestedAt + std::max(1, c->m_threshold / 8)) {
        // Not after every commit once the log is long: each pass syncs the log, and a pass per commit
        // of a few pages kept the thread and the disk busier than the writer.
        c->m_requestedAt = pages;
        c->m_requests.fetch_add(1, std::memory_order_relaxed);
        {
            std::lock_guard lock(c->m_worker.mutex());
            c->m_requested = true;
        }
        c->m_worker.wake().notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::stop()
{
    m_worker.stop();
}

void Checkpointer::run()
{
    pthread_setname_np(pthread_self(), "storage-ckpt");
    for (;;) {
        {
            std::unique_lock lock(m_worker.mutex());
            m_worker.wake().wait(lock, [this] { return m_worker.stopping() || m_requested; });
            if (m_worker.stopping())
                return;
            m_requested = false;
        }
        int logPages = 0;
        int copied = 0;
        const int rc =
            sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcStorage) << "checkpoint failed:" << m_db->lastError();
        else if (copied > 0)
            m_checkpoints.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace Storage
