// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "model/TradeSignal.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace Io {

/// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled).
QByteArray csvField(QStringView text);
void appendCsvField(QByteArrayView utf8, QByteArray &out);

/// `id,time_utc,epoch_s,symbol,side,rule,price,reason,snapshot`, CRLF-terminated.
QByteArray signalCsvHeader();
/// One signal as a CSV record: time as UTC ISO-8601 and as epoch seconds; CRLF-terminated.
QByteArray signalCsvRow(const Model::TradeSignal &signal);
void appendSignalCsvRow(const Model::TradeSignal &signal, QByteArray &out);

/// `time_utc,epoch_s,symbol,open,high,low,close,volume`, CRLF-terminated.
QByteArray tickCsvHeader();
void appendTickCsvRow(const Model::Tick &tick, QByteArray &out);

/// Bars as the ticks, stamped with their opening time, and the number of records in each.
QByteArray barCsvHeader(bool withFilled = false);
void appendBarCsvRow(const Model::Symbol &symbol, const Bars::Bar &bar, QByteArray &out, bool withFilled = false);

} // namespace Io
