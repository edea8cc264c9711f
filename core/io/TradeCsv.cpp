// SPDX-License-Identifier: MIT
#include "TradeCsv.h"

#include "Csv.h"
#include "text/JsonWriter.h"

namespace Io {

QByteArray tradeCsvHeader()
{
    return "id,time_utc,epoch_s,ticker,side,quantity,price,fee,realized,order_id,note\r\n";
}

void appendTradeCsvRow(const Storage::StoredTrade &t, QByteArray &out)
{
    out += QByteArray::number(t.id) + ',';
    Text::appendIsoTime(t.fill.time, out);
    out += ',' + QByteArray::number(double(t.fill.time) / 1e6, 'f', 6) + ',';
    appendCsvField(t.fill.symbol.toUtf8(), out);
    out += ',' + Trading::sideName(t.fill.side).toLatin1() + ',';
    out += QByteArray::number(t.fill.quantity, 'g', 15) + ',' + QByteArray::number(t.fill.price, 'g', 15) + ',' +
           QByteArray::number(t.fill.fee, 'g', 15) + ',' + QByteArray::number(t.fill.realized, 'g', 15) + ',';
    if (t.fill.orderId > 0)
        out += QByteArray::number(t.fill.orderId);
    out += ',';
    appendCsvField(t.note.toUtf8(), out);
    out += "\r\n";
}

Util::Result<qint64> exportTrades(const std::vector<Storage::StoredTrade> &trades, const QString &path,
                                  const std::atomic<bool> &cancel, const Progress &progress)
{
    CsvFile file(path, qint64(trades.size()), cancel, progress);
    if (auto s = file.open(tradeCsvHeader()); !s)
        return Util::Result<qint64>::failure(s.error());
    for (const Storage::StoredTrade &t : trades) {
        appendTradeCsvRow(t, file.buffer());
        if (!file.rowDone())
            return file.fail({});
    }
    return file.commit();
}

} // namespace Io
