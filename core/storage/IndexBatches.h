// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace Storage {

/// What the storage writer holds in memory of an index it writes a batch at a time (SignalIndex.h, LogIndex.h):
/// the entries waiting to be written, and a frozen batch written in index order, whole keys at a time, over
/// several commits. Its marks say what is written: every entry whose id is at most through(), and of those up
/// to batchEnd() the ones whose key is at most cursor() (the empty key while no batch is frozen).
///
/// `Entry` has an `id` (the row the entry points to, rising as rows are added), `key()` (a batch is written whole
/// keys at a time) and `operator<` (the index's order).
template<typename Entry, typename Key>
class IndexBatches final
{
public:
    explicit IndexBatches(Key emptyKey)
        : m_emptyKey(emptyKey)
        , m_cursor(emptyKey)
    {}

    std::int64_t through() const noexcept { return m_through; }
    std::int64_t batchEnd() const noexcept { return m_batchEnd; }
    const Key &cursor() const noexcept { return m_cursor; }

    /// Forgets every entry and takes the stored marks; the entries past `through` come back through restore().
    void reset(std::int64_t through, std::int64_t batchEnd, Key cursor)
    {
        m_through = through;
        m_batchEnd = batchEnd;
        m_cursor = std::move(cursor);
        m_batch.clear();
        m_written = 0;
        m_waiting.clear();
        m_added.clear();
    }
    /// An entry past through() as the table holds it, in id order; restored() once all came.
    void restore(Entry e)
    {
        if (e.id > m_batchEnd)
            m_waiting.push_back(std::move(e));
        else if (e.key() > m_cursor)
            m_batch.push_back(std::move(e));
    }
    void restored() { std::sort(m_batch.begin(), m_batch.end()); }

    /// An entry of the open transaction.
    void add(Entry e) { m_added.push_back(std::move(e)); }

    /// The entries to write in the open transaction: freezes a batch once `batchSize` wait (any at all when 0),
    /// then at least `count` of it (one at the least), whole keys, or the rest of it. Empty while none is due.
    std::span<const Entry> next(std::size_t batchSize, std::size_t count)
    {
        if (m_written == m_batch.size()) {
            const std::size_t waiting = m_waiting.size() + m_added.size();
            if (waiting == 0 || waiting < batchSize)
                return {};
            freeze();
        }
        const std::size_t target = m_written + std::clamp<std::size_t>(count, 1, m_batch.size() - m_written);
        std::size_t k = m_written;
        while (k < m_batch.size() && (k < target || m_batch[k].key() == m_batch[k - 1].key()))
            ++k;
        return {m_batch.data() + m_written, k - m_written};
    }
    /// The entries next() gave are written: the marks move past them.
    void written(std::size_t count)
    {
        m_written += count;
        if (m_written == m_batch.size()) {
            m_through = m_batchEnd;
            m_cursor = m_emptyKey;
        } else {
            m_cursor = m_batch[m_written - 1].key();
        }
    }

    /// After the transaction committed.
    void committed()
    {
        if (m_written == m_batch.size()) {
            m_batch.clear();
            m_written = 0;
        }
        m_waiting.insert(m_waiting.end(), std::make_move_iterator(m_added.begin()),
                         std::make_move_iterator(m_added.end()));
        m_added.clear();
    }

private:
    void freeze()
    {
        m_batch = std::move(m_waiting);
        m_batch.insert(m_batch.end(), std::make_move_iterator(m_added.begin()), std::make_move_iterator(m_added.end()));
        m_waiting.clear();
        m_added.clear();
        m_written = 0;
        for (const Entry &e : m_batch)
            m_batchEnd = std::max(m_batchEnd, e.id);
        m_cursor = m_emptyKey;
        std::sort(m_batch.begin(), m_batch.end());
    }

    Key m_emptyKey;
    std::int64_t m_through = 0;
    std::int64_t m_batchEnd = 0;
    Key m_cursor;
    std::vector<Entry> m_batch;   ///< frozen, in index order
    std::size_t m_written = 0;    ///< of m_batch
    std::vector<Entry> m_waiting; ///< committed after the batch, in id order
    std::vector<Entry> m_added;   ///< in the open transaction
};

} // namespace Storage
