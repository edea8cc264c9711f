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
    /// Records per symbol read back from the database on start to warm the summary (and the indicators and
    /// rules when their timeframe is `record`).
    int warmBars = 300;
    /// Bars of the rules' timeframe rebuilt from the stored records on start to warm their indicators.
    int warmRuleBars = 120;
    /// The session time zone (an IANA name) where days and weeks begin; empty: UTC.
    QString sessionTimeZone;
    /// A forming bar of a symbol gone quiet closes this long after its end (the delay lets records sent
    /// just before the end arrive first).
    int barCloseDelayMs = 1000;
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
