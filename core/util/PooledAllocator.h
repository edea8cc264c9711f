// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <new>
#include <type_traits>

namespace Util {

/// Small blocks kept by the thread that freed them, for the next allocation of the same size class on it.
/// Meant for memory a thread allocates and frees again soon, many times a second (an HTTP request's header
/// fields): the general allocator's bookkeeping is then most of the cost. At most `Kept` blocks of each class
/// stay with a thread; the rest go back to the general allocator, so the pool stays small whatever the load.
class SmallBlockPool final
{
public:
    static constexpr std::size_t Smallest = 32;
    static constexpr std::size_t Largest = 512;
    static constexpr std::size_t Kept = 64;

    static SmallBlockPool &forThisThread()
    {
        thread_local SmallBlockPool pool;
        return pool;
    }

    void *take(std::size_t bytes)
    {
        if (bytes > Largest)
            return ::operator new(bytes);
        const std::size_t c = classOf(bytes);
        if (Block *block = m_free[c]) {
            m_free[c] = block->next;
            --m_count[c];
            return block;
        }
        return ::operator new(Smallest << c);
    }

    void give(void *memory, std::size_t bytes) noexcept
    {
        if (bytes > Largest) {
            ::operator delete(memory);
            return;
        }
        const std::size_t c = classOf(bytes);
        if (m_count[c] == Kept) {
            ::operator delete(memory);
            return;
        }
        m_free[c] = new (memory) Block{m_free[c]};
        ++m_count[c];
    }

    SmallBlockPool() = default;
    SmallBlockPool(const SmallBlockPool &) = delete;
    SmallBlockPool &operator=(const SmallBlockPool &) = delete;

    ~SmallBlockPool()
    {
        for (Block *block : m_free)
            while (block) {
                Block *next = block->next;
                ::operator delete(block);
                block = next;
            }
    }

private:
    struct Block
    {
        Block *next;
    };
    static constexpr std::size_t Classes = std::countr_zero(Largest / Smallest) + 1;

    static std::size_t classOf(std::size_t bytes) noexcept
    {
        return bytes <= Smallest ? 0 : std::size_t(std::bit_width((bytes - 1) / Smallest));
    }

    std::array<Block *, Classes> m_free{};
    std::array<std::size_t, Classes> m_count{};
};

/// A standard allocator over SmallBlockPool. Any thread may free what another allocated (the block then joins
/// the freeing thread's pool), so copies of it are all equal.
template<class T>
struct PooledAllocator
{
    using value_type = T;
    using is_always_equal = std::true_type;

    PooledAllocator() noexcept = default;
    template<class U>
    PooledAllocator(const PooledAllocator<U> &) noexcept
    {}

    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "blocks have the default alignment only");

    T *allocate(std::size_t n) { return static_cast<T *>(SmallBlockPool::forThisThread().take(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) noexcept { SmallBlockPool::forThisThread().give(p, n * sizeof(T)); }

    template<class U>
    bool operator==(const PooledAllocator<U> &) const noexcept
    {
        return true;
    }
};

} // namespace Util
