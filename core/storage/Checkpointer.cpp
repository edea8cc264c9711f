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
    m_passStep = std::max(1, pages / PassStepShare);
    sqlite3_wal_hook(writer.handle(), &Checkpointer::walHook, this);
}

int Checkpointer::walHook(void *self, sqlite3 *writer, const char *, int pages)
{
    auto *c = static_cast<Checkpointer *>(self);
    if (pages < c->m_writerPassAt)
        c->m_writerPassAt = 0; // the log started again
    if (pages >= c->m_threshold * WriterPassAt) {
        // A pass of the thread that starts during a commit never finds the log whole, and the log starts
        // again only after one did: under a steady stream of commits it would grow without end. Here,
        // between two transactions, a pass copies what the thread's passes left (little), and the next
        // transaction starts the log again. The thread is asked for nothing more meanwhile: while it
        // copies this pass is refused at once, and the next commit tries again. A reader of an older
        // snapshot (an export) keeps the pass from copying the whole log: then not again before the log
        // grew by a quarter of the threshold, or every commit would sync the files until the reader ends.
        if (pages >= c->m_writerPassAt + std::max(1, c->m_threshold / 4)) {
            int logPages = 0, copied = 0;
            if (sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied) ==
                SQLITE_OK) {
                c->m_checkpoints.fetch_add(1, std::memory_order_relaxed);
                c->m_writerPasses.fetch_add(1, std::memory_order_relaxed);
                if (copied < logPages)
                    c->m_writerPassAt = pages;
            }
        }
    } else if (pages >= c->m_threshold && (pages >= c->m_requestedAt + c->m_passStep || pages < c->m_requestedAt)) {
        // Asked after every commit, the thread ran passes back to back, each copying the few frames of the
        // commits during the last one: the same hot pages written again and again, and the log synced before
        // each pass (700 syncs a second at 50,000 records/s in requests of four). Asked once the log grew a
        // PassStepShare-th of the threshold (64 pages at the default), a fifth of that. A longer step (256 pages) left
        // more for the writer's own pass at WriterPassAt and doubled the p99 of 1000-record requests.
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
        if (rc == SQLITE_OK && copied > 0 && copied < logPages)
            syncDatabaseFile();
    }
}

void Checkpointer::syncDatabaseFile()
{
    // SQLite syncs the database file only after a pass that copied the whole log. Under a steady stream of
    // commits none does, and the pages copied by every pass stayed dirty until the pass that restarts the log,
    // in the writer's commit: 30 ms and more for that one sync. Synced here, after each pass, that sync
    // finds little left. (The log itself is synced before each pass copies from it.)
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(m_db->handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK && file &&
        file->pMethods)
        file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
}

} // namespace Storage
