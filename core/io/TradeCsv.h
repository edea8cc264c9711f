// SPDX-License-Identifier: MIT
#pragma once

#include "CsvFile.h"
#include "storage/TradeStore.h"

namespace Io {

/// The trades' CSV layout (RFC 4180): id, time in UTC and as epoch seconds, ticker, side, quantity, price,
/// fee, the P/L the trade realized, the paper order it filled and the note.
QByteArray tradeCsvHeader();
void appendTradeCsvRow(const Storage::StoredTrade &trade, QByteArray &out);

/// Writes `trades` (their fills' realized P/L as given) to `path`, all or nothing (see CsvFile).
Util::Result<qint64> exportTrades(const std::vector<Storage::StoredTrade> &trades, const QString &path,
                                  const std::atomic<bool> &cancel, const Progress &progress = {});

} // namespace Io
