// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "indicators/IndicatorSet.h"
#include "pipeline/CommitListener.h"

#include <QByteArray>

namespace Stream {

/// `{"type":"tick","symbol":...,"timestamp":...,"time":...,"open":...,...,"indicators":{...}}`
QByteArray tickMessage(const Pipeline::ProcessedTick &tick);
/// `{"type":"signal","id":...,"symbol":...,"side":...,"rule":...,"reason":...,"price":...,...}`
QByteArray signalMessage(const Model::TradeSignal &signal);
/// `{"type":"alert","id":...,"symbol":...,"timestamp":...,"time":...,"name":...,"timeframe":...,"reason":...,
/// "price":...,"alert_id":...,"value":...,"level":...}`: a fire of a trader's alert (a signal of side alert).
QByteArray alertMessage(const Model::TradeSignal &fire);
/// `{"type":"bar","symbol":...,"timeframe":"5m","state":"forming"|"closed"|"revised","timestamp":<open>,
/// "time":...,"open":...,"high":...,"low":...,"close":...,"volume":...,"records":...,"indicators":{...}}`
QByteArray barMessage(const Model::Symbol &symbol, const Bars::Timeframe &timeframe, const char *state,
                      const Bars::Bar &bar, const Indicators::IndicatorSnapshot &indicators);

} // namespace Stream
