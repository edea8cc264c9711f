// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Storage {

/// Values owned by small integer ids (the symbols table's, which SQLite hands out one above the largest), in an
/// array indexed by id: a lookup reads one slot, where a hash map read its bucket array and then a node. Ids
/// past Dense (a database whose ids were set by hand) go to a hash map instead, so one large id never makes
/// the array large.
template<typename T>
class IdTable final
{
public:
    static constexpr std::int64_t Dense = std::int64_t(1) << 22;

    std::size_t size() const noexcept { return m_size; }

    T *find(std::int64_t id) const noexcept
    {
        if (isDense(id))
            return std::size_t(id) < m_dense.size() ? m_dense[std::size_t(id)].get() : nullptr;
        const auto it = m_sparse.find(id);
        return it == m_sparse.end() ? nullptr : it->second.get();
    }

    /// Puts `value` at `id`, which holds none.
    T &insert(std::int64_t id, std::unique_ptr<T> value)
    {
        T &placed = *value;
        if (isDense(id)) {
            if (std::size_t(id) >= m_dense.size())
                m_dense.resize(std::max(std::size_t(id) + 1, 2 * m_dense.size()));
            m_dense[std::size_t(id)] = std::move(value);
        } else {
            m_sparse[id] = std::move(value);
        }
        ++m_size;
        return placed;
    }

    void erase(std::int64_t id)
    {
        if (isDense(id)) {
            if (std::size_t(id) < m_dense.size() && m_dense[std::size_t(id)]) {
                m_dense[std::size_t(id)].reset();
                --m_size;
            }
        } else {
            m_size -= m_sparse.erase(id);
        }
    }

    /// Drops every value for which `drop(const T &)` is true.
    template<typename Drop>
    void eraseIf(Drop &&drop)
    {
        for (std::unique_ptr<T> &slot : m_dense)
            if (slot && drop(*slot)) {
                slot.reset();
                --m_size;
            }
        m_size -= std::erase_if(m_sparse, [&drop](const auto &entry) { return drop(*entry.second); });
    }

    /// Calls f(const T &) for every value, in no particular order.
    template<typename F>
    void forEach(F &&f) const
    {
        for (const std::unique_ptr<T> &slot : m_dense)
            if (slot)
                f(*slot);
        for (const auto &entry : m_sparse)
            f(*entry.second);
    }

    void clear()
    {
        m_dense.clear();
        m_sparse.clear();
        m_size = 0;
    }

private:
    static bool isDense(std::int64_t id) noexcept { return id >= 0 && id < Dense; }

    std::vector<std::unique_ptr<T>> m_dense;
    std::unordered_map<std::int64_t, std::unique_ptr<T>> m_sparse;
    std::size_t m_size = 0;
};

} // namespace Storage
