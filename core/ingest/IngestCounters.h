// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace Ingest {

/// Counters of the ingest endpoint, updated from the I/O threads.
struct IngestCounters
{
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> received{0};  ///< records decoded and handed on
    std::atomic<std::uint64_t> rejected{0};  ///< requests refused with a 4xx
    std::atomic<std::uint64_t> saturated{0}; ///< requests refused with 503
    std::array<std::atomic<std::uint64_t>, Model::RecordKindCount> byKind{};
};

} // namespace Ingest
