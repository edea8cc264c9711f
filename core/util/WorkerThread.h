// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Util {

/// A thread of its own that sleeps until woken or told to stop: the loop every worker here runs (the engine's
/// shards, the storage writer and its checkpointer, each notification channel). The owner guards the state
/// its loop waits on with mutex(), waits on wake() for it or for stopping(), and returns once stopping() is
/// true and nothing is left to do.
class WorkerThread final
{
public:
    WorkerThread() = default;
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;
    ~WorkerThread() { stop(); }

    void start(std::function<void()> loop)
    {
        m_stopping = false;
        m_thread = std::thread(std::move(loop));
    }
    /// Tells the loop to stop, wakes it (and whatever `alsoWake` wakes: others waiting on the mutex) and waits
    /// for it to return. Again, or before start(), it does nothing.
    void stop(const std::function<void()> &alsoWake = {})
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (alsoWake)
            alsoWake();
        if (m_thread.joinable())
            m_thread.join();
    }

    std::mutex &mutex() const noexcept { return m_mutex; }
    std::condition_variable &wake() noexcept { return m_wake; }
    /// Read with mutex() held.
    bool stopping() const noexcept { return m_stopping; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Util
