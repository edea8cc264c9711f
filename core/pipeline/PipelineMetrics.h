// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "signals/RuleEngine.h"
#include "util/LatencyHistogram.h"

#include <array>
#include <atomic>

namespace Pipeline {

struct PipelineMetrics
{
    std::atomic<std::uint64_t> processed{0}; ///< records through the shards
    /// Bars older than their symbol's latest: stored, but kept out of indicators, rules and live charts.
    std::atomic<std::uint64_t> late{0};
    /// Published signals by rule and side.
    std::array<std::array<std::atomic<std::uint64_t>, 3>, Signals::RuleEngine::RuleCount> signals{};
    Util::LatencyHistogram receiveToSignal; ///< from the request's arrival to the signal's publication
};

} // namespace Pipeline
