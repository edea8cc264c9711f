// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "signals/RuleConfig.h"

#include <cstddef>

namespace Pipeline {

struct PipelineOptions
{
    int shards = 0; ///< 0: one per core
    /// Records queued per shard; past this, /ingest answers 503.
    std::size_t shardQueueCapacity = 64 * 1024;
    /// Bars per symbol read back from the database on start to warm the indicators.
    int warmBars = 300;
    Indicators::IndicatorConfig indicators;
    Signals::RuleConfig rules;
};

} // namespace Pipeline
