// SPDX-License-Identifier: MIT
#pragma once

#include "Symbol.h"
#include "util/Prefetch.h"

#include <bit>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace Model {

/// A hash map from symbols to values kept in one array (open addressing, linear probing, at most half full),
/// for the engine's per-symbol lookups: a lookup reads one slot, where std::unordered_map reads its bucket
/// array and then a node of its own, two cache misses a record at tens of thousands of symbols. An empty
/// symbol marks a free slot, so it is never a key. Pointers to values stay valid until the next insert or
/// erase.
template<typename V>
class SymbolMap final
{
public:
    std::size_t size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }

    V *find(const Symbol &key) noexcept
    {
        if (m_size == 0)
            return nullptr;
        for (std::size_t i = home(key);; i = next(i)) {
            Slot &slot = m_slots[i];
            if (slot.key.isEmpty())
                return nullptr;
            if (slot.key == key)
                return &slot.value;
        }
    }
    const V *find(const Symbol &key) const noexcept { return const_cast<SymbolMap *>(this)->find(key); }

    /// Asks the processor to bring in the slot where a lookup of `key` starts, for a lookup soon after: at
    /// tens of thousands of symbols each lookup would otherwise wait for memory in turn. Both lines of a slot
    /// that spans two (its key in one, its value in the next).
    void prefetch(const Symbol &key) const noexcept
    {
        if (m_slots.empty())
            return;
        const char *slot = reinterpret_cast<const char *>(&m_slots[home(key)]);
        Util::prefetchLine(slot);
        Util::prefetchLine(slot + sizeof(Slot) - 1);
    }

    /// The value of `key`, default-made first when absent (then `added`).
    V &get(const Symbol &key, bool &added)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        for (std::size_t i = home(key);; i = next(i)) {
            Slot &slot = m_slots[i];
            if (slot.key.isEmpty()) {
                slot.key = key;
                ++m_size;
                added = true;
                return slot.value;
            }
            if (slot.key == key) {
                added = false;
                return slot.value;
            }
        }
    }
    V &operator[](const Symbol &key)
    {
        bool added = false;
        return get(key, added);
    }

    bool erase(const Symbol &key)
    {
        if (m_size == 0)
            return false;
        std::size_t i = home(key);
        for (; !(m_slots[i].key == key); i = next(i))
            if (m_slots[i].key.isEmpty())
                return false;
        // Shift later slots of the same probe run back into the gap, so no lookup ever stops short of its key.
        for (std::size_t j = next(i);; j = next(j)) {
            Slot &slot = m_slots[j];
            if (slot.key.isEmpty())
                break;
            const std::size_t h = home(slot.key);
            const bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!stays) {
                m_slots[i] = std::move(slot);
                i = j;
            }
        }
        m_slots[i] = Slot{};
        --m_size;
        return true;
    }

    void clear()
    {
        m_slots.clear();
        m_size = 0;
    }

    /// Calls f(key, value) for every entry, in no particular order.
    template<typename F>
    void forEach(F &&f) const
    {
        for (const Slot &slot : m_slots)
            if (!slot.key.isEmpty())
                f(slot.key, slot.value);
    }
    template<typename F>
    void forEach(F &&f)
    {
        for (Slot &slot : m_slots)
            if (!slot.key.isEmpty())
                f(slot.key, slot.value);
    }

private:
    struct Slot
    {
        Symbol key;
        V value{};
    };

    std::size_t home(const Symbol &key) const noexcept { return std::hash<Symbol>{}(key) & (m_slots.size() - 1); }
    std::size_t next(std::size_t i) const noexcept { return (i + 1) & (m_slots.size() - 1); }

    void grow()
    {
        std::vector<Slot> old =
            std::exchange(m_slots, std::vector<Slot>(std::max<std::size_t>(16, 2 * m_slots.size())));
        m_size = 0;
        for (Slot &slot : old) {
            if (slot.key.isEmpty())
                continue;
            bool added = false;
            get(slot.key, added) = std::move(slot.value);
        }
    }

    std::vector<Slot> m_slots; ///< a power of two in size
    std::size_t m_size = 0;
};

} // namespace Model
