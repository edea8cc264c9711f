// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "signals/RuleConfig.h"

#include <QString>

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
    /// Symbols whose indicator, rule and summary state is kept in memory (about 4 KB each); past this the
    /// least recently updated go, and come back from the database (warmed as at a start) when they return.
    std::size_t maxSymbols = 20'000;
    /// A symbol without a record for this long leaves memory the same way. 0: only the cap.
    int idleSymbolSeconds = 3600;
    /// Where evicted symbols are read back from; set by warmStart(). Empty: they come back cold.
    QString databasePath;
};

} // namespace Pipeline
