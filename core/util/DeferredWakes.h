// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace Util {

/// Wake-ups of other threads held back until the end of a scope on the calling thread, each sent once:
/// the storage writer answers every request of a group commit within one, so an HTTP I/O thread is woken
/// once for all its responses, not once for each (an eventfd write and a return from epoll_wait apiece);
/// an I/O thread submits a busy round's requests within one, so the writer is woken once for them all.
/// A thread must not wait for a target inside a scope that holds that target's wake-up back.
class DeferredWakes final
{
public:
    using Wake = void (*)(void *target);

    DeferredWakes()
        : m_outer(std::exchange(current(), this))
    {}
    ~DeferredWakes()
    {
        current() = m_outer;
        for (const auto &[wake, target] : m_wakes)
            wake(target);
    }
    DeferredWakes(const DeferredWakes &) = delete;
    DeferredWakes &operator=(const DeferredWakes &) = delete;

    /// Runs `wake(target)` when the innermost open scope of this thread closes, or now when none is open.
    static void wake(Wake wake, void *target)
    {
        DeferredWakes *scope = current();
        if (!scope) {
            wake(target);
            return;
        }
        const std::pair<Wake, void *> entry{wake, target};
        if (std::find(scope->m_wakes.begin(), scope->m_wakes.end(), entry) == scope->m_wakes.end())
            scope->m_wakes.push_back(entry);
    }

private:
    static DeferredWakes *&current() noexcept
    {
        thread_local DeferredWakes *open = nullptr;
        return open;
    }

    DeferredWakes *m_outer;
    std::vector<std::pair<Wake, void *>> m_wakes;
};

} // namespace Util
