// SPDX-License-Identifier: MIT
#pragma once

namespace Util {

/// Whether the calling thread may do a worker's queued work itself while that worker is idle, instead of
/// waking it: set by the HTTP I/O threads, whose requests then cross one thread fewer on their way to the
/// commit. Never by a thread that must stay responsive (the window's).
inline bool &callerRuns() noexcept
{
    thread_local bool allowed = false;
    return allowed;
}

} // namespace Util
