// SPDX-License-Identifier: MIT
#pragma once

#include "LiveFeed.h"
#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace Pipeline {

/// What a chart needs of one symbol's stored past: its latest bars, oldest first, with the
/// indicator values the engine computes, and the signals within their time span.
struct ChartHistory
{
    QString symbol;
    std::vector<LiveBar> bars;
    std::vector<Model::TradeSignal> signals;
};

/// Reads the newest `count` bars of `symbol` from the database at `databasePath` (read-only, so
/// it can run on any thread beside the writer), computing indicators over `warmup` older bars
/// first so the first drawn values are already settled. No bars is not an error.
Util::Result<ChartHistory> loadChartHistory(const QString &databasePath, const QString &symbol, int count,
                                            const Indicators::IndicatorConfig &config, int warmup = 300);

/// The newest `limit` stored signals of every symbol, newest first, for the signal panel.
Util::Result<std::vector<Model::TradeSignal>> loadRecentSignals(const QString &databasePath, int limit);

} // namespace Pipeline
