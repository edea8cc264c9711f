// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QByteArray>
#include <QStringView>

namespace Io {

/// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled).
QByteArray csvField(QStringView text);

/// `id,time_utc,epoch_s,symbol,side,rule,price,reason,snapshot`, CRLF-terminated.
QByteArray signalCsvHeader();
/// One signal as a CSV record: time as UTC ISO-8601 and as epoch seconds; CRLF-terminated.
QByteArray signalCsvRow(const Model::TradeSignal &signal);

} // namespace Io
