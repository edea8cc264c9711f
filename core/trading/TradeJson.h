// SPDX-License-Identifier: MIT
#pragma once

#include "storage/TradeStore.h"
#include "util/Result.h"

#include <QJsonObject>

namespace Trading {

/// A stored trade as the REST API and NATS give it: `id`, `ticker`, `side`, `quantity`, `price`, `fee`, `time`
/// (UTC ISO-8601) and `timestamp`, `note`, `order_id` (the paper order it filled, or null), `created`.
QJsonObject tradeJson(const Storage::StoredTrade &trade);
/// A trade from its JSON: ticker (or symbol), side, quantity, price, and optionally time (ISO-8601 or epoch
/// seconds; `now` when absent), fee and note. The error names the field.
Util::Result<Storage::StoredTrade> tradeFromJson(const QJsonObject &json, Model::TimestampUs now);

} // namespace Trading
