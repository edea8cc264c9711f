// SPDX-License-Identifier: MIT
// How often the machine itself stops a running thread: THREADS threads, one on each core in turn, do
// nothing but read the monotonic clock in a loop for SECONDS, and every gap between two readings is
// time the thread was not running although it never blocked (the host taking the virtual CPU away,
// interrupts, another thread of higher priority). No TickDesk code runs; the figures are the floor
// under any latency measured on the same machine with that many cores busy.
//   bench_stalls [SECONDS] [THREADS]
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Gaps
{
    static constexpr std::array<std::int64_t, 4> LimitsNs{100'000, 500'000, 1'000'000, 5'000'000};
    std::array<std::int64_t, LimitsNs.size()> count{};
    std::array<std::int64_t, LimitsNs.size()> lostNs{};
    std::int64_t longestNs = 0;
    std::int64_t readings = 0;
};

Gaps watch(int core, Clock::time_point stop)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    Gaps gaps;
    auto last = Clock::now();
    while (last < stop) {
        const auto now = Clock::now();
        const std::int64_t gap = std::chrono::duration_cast<std::chrono::nanoseconds>(now - last).count();
        last = now;
        ++gaps.readings;
        gaps.longestNs = std::max(gaps.longestNs, gap);
        for (std::size_t i = 0; i < Gaps::LimitsNs.size() && gap > Gaps::LimitsNs[i]; ++i) {
            ++gaps.count[i];
            gaps.lostNs[i] += gap;
        }
    }
    return gaps;
}

} // namespace

int main(int argc, char **argv)
{
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = std::max(1, argc > 2 ? std::atoi(argv[2]) : cores);
    const auto stop = Clock::now() + std::chrono::seconds(seconds);
    std::vector<Gaps> results(std::size_t(threads), Gaps{});
    std::vector<std::thread> watchers;
    for (int t = 0; t < threads; ++t)
        watchers.emplace_back([&, t] { results[std::size_t(t)] = watch(t % cores, stop); });
    for (auto &w : watchers)
        w.join();

    std::printf("gaps in reading the clock: %d thread(s) on %d core(s), %d s each\n", threads, cores, seconds);
    for (int t = 0; t < threads; ++t) {
        const Gaps &g = results[std::size_t(t)];
        std::printf("  core %d: %lld readings;", t % cores, static_cast<long long>(g.readings));
        for (std::size_t i = 0; i < Gaps::LimitsNs.size(); ++i)
            std::printf(" over %g ms %lld (%.1f ms)%s", double(Gaps::LimitsNs[i]) / 1e6,
                        static_cast<long long>(g.count[i]), double(g.lostNs[i]) / 1e6,
                        i + 1 < Gaps::LimitsNs.size() ? "," : ";");
        std::printf(" longest %.2f ms\n", double(g.longestNs) / 1e6);
    }
    return 0;
}
