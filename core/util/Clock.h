// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>

namespace Util {

/// Nanoseconds of the monotonic clock: for latencies, never for wall time.
inline std::int64_t monotonicNs() noexcept
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Milliseconds of the monotonic clock: for time-outs and idle times.
inline std::int64_t monotonicMs() noexcept
{
    return monotonicNs() / 1'000'000;
}

/// Microseconds since the Unix epoch, UTC: wall time, as records and the outbox keep it.
inline std::int64_t wallClockUs() noexcept
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace Util
