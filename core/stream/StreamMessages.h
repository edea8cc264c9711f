// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/CommitListener.h"

#include <QByteArray>

namespace Stream {

/// `{"type":"tick","symbol":...,"timestamp":...,"time":...,"open":...,...,"indicators":{...}}`
QByteArray tickMessage(const Pipeline::ProcessedTick &tick);
/// `{"type":"signal","id":...,"symbol":...,"side":...,"rule":...,"reason":...,"price":...,...}`
QByteArray signalMessage(const Model::TradeSignal &signal);

} // namespace Stream
