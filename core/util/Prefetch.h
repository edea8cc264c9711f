// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace Util {

/// Asks the processor to bring the cache line holding `address` towards the cache, for a read soon after.
///
/// For GCC a prefetch has no effect at all: a function that only prefetches counts as one without side
/// effects, and from -O2 on a call to it that is not inlined is removed, as is a loop of prefetches whose
/// turns it cannot count. On x86 the instruction is therefore written out, where nothing removes it.
inline void prefetchLine(const void *address) noexcept
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char *>(address)));
#else
    __builtin_prefetch(address);
#endif
}

/// The first `lines` cache lines of an object, from wherever it begins: at tens of thousands of symbols each
/// symbol's state is otherwise a wait for memory.
inline void prefetchLines(const void *object, std::size_t lines) noexcept
{
    constexpr std::size_t Line = 64;
    const char *first = static_cast<const char *>(object);
    for (std::size_t line = 0; line < lines; ++line)
        prefetchLine(first + line * Line);
}

} // namespace Util
