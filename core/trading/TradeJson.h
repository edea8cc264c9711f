// SPDX-License-Identifier: MIT
#pragma once

#include "storage/TradeStore.h"

#include <QJsonObject>

namespace Trading {

/// A stored trade as the REST API and NATS give it: `id`, `ticker`, `side`, `quantity`, `price`, `fee`, `time`
/// (UTC ISO-8601) and `timestamp`, `note`, `order_id` (the paper order it filled, or null), `created`.
QJsonObject tradeJson(const Storage::StoredTrade &trade);

} // namespace Trading
