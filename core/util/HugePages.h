// SPDX-License-Identifier: MIT
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Util {

/// Asks the kernel to back the 2 MiB-aligned part of a large, not yet touched buffer with huge pages: one page
/// fault (and one page cleared) for each 2 MiB instead of for each 4 KiB. A hint: nothing happens where the
/// kernel does not do it.
inline void preferHugePages(void *data, std::size_t bytes) noexcept
{
    constexpr std::uintptr_t Huge = 2u << 20;
    if (bytes < 2 * Huge)
        return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + Huge - 1) & ~(Huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(Huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

/// A vector of `n` copies of `value`, its memory on huge pages where it is large.
template<typename T>
std::vector<T> hugeVector(std::size_t n, const T &value)
{
    std::vector<T> out;
    out.reserve(n);
    preferHugePages(out.data(), n * sizeof(T));
    out.assign(n, value);
    return out;
}

} // namespace Util
