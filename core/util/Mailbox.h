// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <mutex>

namespace Util {

/// Items handed from the threads that post them to the one that takes them all at once: an HTTP I/O
/// thread's finished responses, the stream's committed records, the window's live bars and events.
/// The poster decides under the lock what goes in (and what goes out to keep a bound); the taker swaps the
/// whole box out, so neither holds the lock for more than a few moves.
template<typename T>
class Mailbox final
{
public:
    /// Runs `put(box)` under the lock; true when the box was empty before (whoever takes is to be woken).
    template<typename Put>
    bool post(Put &&put)
    {
        std::lock_guard lock(m_mutex);
        const bool wasEmpty = m_box.empty();
        put(m_box);
        return wasEmpty;
    }
    /// Everything posted since the last take, oldest first (what `out` held is dropped); `also` runs under
    /// the lock, for state kept with the box.
    template<typename Also>
    void take(std::deque<T> &out, Also &&also)
    {
        out.clear();
        std::lock_guard lock(m_mutex);
        out.swap(m_box);
        also();
    }
    void take(std::deque<T> &out)
    {
        take(out, [] {});
    }

private:
    std::mutex m_mutex;
    std::deque<T> m_box;
};

} // namespace Util
