// SPDX-License-Identifier: MIT
#include "Csv.h"

#include <QDateTime>

namespace Io {

QByteArray csvField(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    QByteArray quoted = "\"";
    for (char c : utf8) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

QByteArray signalCsvHeader()
{
    return QByteArrayLiteral("id,time_utc,epoch_s,symbol,side,rule,price,reason,snapshot\r\n");
}

QByteArray signalCsvRow(const Model::TradeSignal &s)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(s.timestamp / 1000, Qt::UTC);
    QByteArray row = QByteArray::number(s.id);
    row += ',';
    row += time.toString(Qt::ISODateWithMs).toLatin1();
    row += ',';
    row += QByteArray::number(double(s.timestamp) / 1e6, 'f', 6);
    row += ',';
    row += s.symbol.toString().toLatin1();
    row += ',';
    row += Model::sideName(s.side);
    row += ',';
    row += csvField(s.rule);
    row += ',';
    row += QByteArray::number(s.price, 'g', 17);
    row += ',';
    row += csvField(s.reason);
    row += ',';
    row += csvField(QString::fromUtf8(s.snapshot));
    row += "\r\n";
    return row;
}

} // namespace Io
