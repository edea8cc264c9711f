// SPDX-License-Identifier: MIT
#pragma once

// Sees the machine stop while a benchmark runs: a thread of real-time priority (where the process may take
// it) asks to wake every millisecond. Nothing else in the process can keep it from running, so a wake-up
// more than PauseNs late means the process could not run at all then: the host took the virtual CPU away,
// or the kernel held it. A benchmark reports what it measured during such pauses apart from the rest.

#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <vector>

class PauseWatch final
{
public:
    struct Pause
    {
        std::int64_t fromNs; ///< when the thread was due (CLOCK_MONOTONIC, as steady_clock)
        std::int64_t toNs;   ///< when it ran
    };
    static constexpr std::int64_t PeriodNs = 1'000'000;
    static constexpr std::int64_t PauseNs = 1'000'000;

    PauseWatch()
        : m_thread([this] { watch(); })
    {
        while (!m_started.load())
            std::this_thread::yield();
    }
    ~PauseWatch() { stop(); }
    PauseWatch(const PauseWatch &) = delete;
    PauseWatch &operator=(const PauseWatch &) = delete;

    void stop()
    {
        m_stopping.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }

    /// Whether the thread ran at real-time priority; without it, a busy process delays it too.
    bool realTime() const noexcept { return m_realTime; }
    /// After stop(): the pauses, in time order.
    const std::vector<Pause> &pauses() const noexcept { return m_pauses; }
    /// After stop(): whether [fromNs, toNs] overlaps a pause.
    bool overlaps(std::int64_t fromNs, std::int64_t toNs) const
    {
        const auto after = std::upper_bound(m_pauses.begin(), m_pauses.end(), toNs,
                                            [](std::int64_t t, const Pause &p) { return t < p.fromNs; });
        return after != m_pauses.begin() && std::prev(after)->toNs >= fromNs;
    }
    std::int64_t totalNs() const
    {
        std::int64_t total = 0;
        for (const Pause &p : m_pauses)
            total += p.toNs - p.fromNs;
        return total;
    }
    std::int64_t longestNs() const
    {
        std::int64_t longest = 0;
        for (const Pause &p : m_pauses)
            longest = std::max(longest, p.toNs - p.fromNs);
        return longest;
    }

    struct Phase
    {
        std::int64_t atNs = 0; ///< the point of each period of the clock that most pauses end near
        std::size_t near = 0;  ///< pauses that end within 1 ms of it
        std::size_t count = 0;
    };
    /// After stop(): where in each `periodNs` of the monotonic clock the pauses end: of the points where one
    /// ends, the one with the most ends within 1 ms of it, the period taken as a circle.
    Phase endPhase(std::int64_t periodNs) const
    {
        std::vector<std::int64_t> ends;
        for (const Pause &p : m_pauses)
            ends.push_back(p.toNs % periodNs);
        Phase phase;
        phase.count = ends.size();
        for (const std::int64_t at : ends) {
            std::size_t near = 0;
            for (const std::int64_t end : ends) {
                const std::int64_t apart = std::abs(end - at);
                near += std::min(apart, periodNs - apart) <= 1'000'000;
            }
            if (near > phase.near)
                phase = {at, near, ends.size()};
        }
        return phase;
    }

private:
    static std::int64_t now()
    {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }

    void watch()
    {
        sched_param priority{};
        priority.sched_priority = 1;
        m_realTime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &priority) == 0;
        m_pauses.reserve(4096);
        m_started.store(true);
        std::int64_t due = now();
        while (!m_stopping.load(std::memory_order_relaxed)) {
            due += PeriodNs;
            const timespec at{time_t(due / 1'000'000'000), long(due % 1'000'000'000)};
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr);
            const std::int64_t ran = now();
            if (ran - due > PauseNs && m_pauses.size() < m_pauses.capacity())
                m_pauses.push_back({due, ran});
            due = std::max(due, ran - PeriodNs); // no burst of wake-ups to catch up after a pause
        }
    }

    std::atomic<bool> m_started{false};
    std::atomic<bool> m_stopping{false};
    bool m_realTime = false;
    std::vector<Pause> m_pauses;
    std::thread m_thread;
};
