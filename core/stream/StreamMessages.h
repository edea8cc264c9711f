// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "indicators/IndicatorSet.h"
#include "pipeline/CommitListener.h"

#include <QByteArray>

/// The stream's messages of records and bars (signals and alert fires: text/SignalJson.h).
namespace Stream {

/// `{"type":"tick","symbol":...,"timestamp":...,"time":...,"open":...,...,"indicators":{...}}`
QByteArray tickMessage(const Pipeline::ProcessedTick &tick);
/// `{"type":"bar","symbol":...,"timeframe":"5m","state":"forming"|"closed"|"revised","timestamp":<open>,
/// "time":...,"open":...,"high":...,"low":...,"close":...,"volume":...,"records":...,"indicators":{...}}`
QByteArray barMessage(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state,
                      const Bars::Bar &bar, const Indicators::IndicatorSnapshot &indicators);

} // namespace Stream
