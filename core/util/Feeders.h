// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstdint>

namespace Util {

/// Whether the threads that feed another one work (are busy) or wait for input (are idle), and how often all
/// of them became idle: the storage writer, holding a small commit back for more requests, commits once the
/// HTTP I/O threads have none left to give, instead of leaving the cores idle until its wait runs out.
/// Each feeder keeps its own flag; a transition of the flag counts once, whichever thread makes it.
class Feeders final
{
public:
    using Listener = void (*)(void *target);

    /// Before any feeder runs: `listener(target)` is called on the feeder's thread each time all became idle.
    void setListener(Listener listener, void *target) noexcept
    {
        m_listener = listener;
        m_target = target;
    }

    /// The feeder whose flag this is has work now (its own thread, or a thread that just gave it some).
    void busy(std::atomic<bool> &flag) noexcept
    {
        if (!flag.exchange(true, std::memory_order_acq_rel))
            m_busy.fetch_add(1, std::memory_order_acq_rel);
    }
    /// The feeder is about to wait for input.
    void idle(std::atomic<bool> &flag) noexcept
    {
        if (!flag.exchange(false, std::memory_order_acq_rel))
            return;
        if (m_busy.fetch_sub(1, std::memory_order_acq_rel) != 1)
            return;
        m_idleRounds.fetch_add(1, std::memory_order_acq_rel);
        if (m_listener)
            m_listener(m_target);
    }

    /// How many times all feeders became idle: a reading to compare with a later one.
    std::uint64_t idleRounds() const noexcept { return m_idleRounds.load(std::memory_order_acquire); }
    /// All feeders became idle at least once after `idleRounds()` read `since`, and none works now.
    bool idleSince(std::uint64_t since) const noexcept
    {
        return m_busy.load(std::memory_order_acquire) == 0 && idleRounds() != since;
    }

private:
    std::atomic<int> m_busy{0};
    std::atomic<std::uint64_t> m_idleRounds{0};
    Listener m_listener = nullptr;
    void *m_target = nullptr;
};

} // namespace Util
