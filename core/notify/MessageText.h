// SPDX-License-Identifier: MIT
#pragma once

#include "storage/Outbox.h"

#include <QByteArray>

namespace Notify {

/// "TickDesk: BUY AAPL at 101.50 (rsi_trend)", or "TickDesk: 5 signals (AAPL buy, MSFT sell, …)" for a digest.
QString subjectOf(const std::vector<Storage::OutboxEntry> &entries);
/// Plain text, one paragraph per signal: side, symbol, rule, price, time (UTC), reason.
QString bodyOf(const std::vector<Storage::OutboxEntry> &entries);
/// `{"message_id":...,"signals":[{"id":...,"symbol":...,"side":...,"rule":...,"reason":...,"price":...,
/// "timestamp":...,"time":...,"indicators":{...}}]}` for webhooks.
QByteArray jsonOf(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId);

} // namespace Notify
