// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QByteArray>

namespace Text {

/// `{"type":"signal","id":...,"symbol":...,"timestamp":...,"time":...,"side":...,"rule":...,"timeframe":...,
/// "reason":...,"price":...,"indicators":{...}}`: as the stream sends a signal and a webhook posts it.
QByteArray signalJson(const Model::TradeSignal &signal);
/// `{"type":"alert","id":...,"symbol":...,"timestamp":...,"time":...,"name":...,"timeframe":...,"reason":...,
/// "price":...,"alert_id":...,"value":...,"level":...}`: a fire of a trader's alert (a signal of side alert).
QByteArray alertJson(const Model::TradeSignal &fire);

} // namespace Text
