// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace Util {

/// Asks the processor to bring the first `lines` cache lines of an object towards the cache, for a read
/// soon after: at tens of thousands of symbols each symbol's state is otherwise a wait for memory.
inline void prefetchLines(const void *object, std::size_t lines) noexcept
{
    constexpr std::size_t Line = 64;
    const char *first = static_cast<const char *>(object);
    for (std::size_t line = 0; line < lines; ++line)
        __builtin_prefetch(first + line * Line);
}

} // namespace Util
