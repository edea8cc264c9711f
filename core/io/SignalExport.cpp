// SPDX-License-Identifier: MIT
#include "SignalExport.h"

#include "Csv.h"

#include <QSaveFile>

namespace Io {

Util::Result<qint64> exportSignals(const Model::SignalList &signals, const QString &path,
                                   const std::atomic<bool> &cancel, const std::function<void(qint64, qint64)> &progress)
{
    using R = Util::Result<qint64>;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QByteArray buffer = signalCsvHeader();
    const qint64 total = signals.size();
    for (qint64 i = 0; i < total; ++i) {
        buffer += signalCsvRow(signals[i]);
        if (buffer.size() > (1 << 20) || i + 1 == total) {
            if (file.write(buffer) != buffer.size())
                return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            buffer.clear();
            if (cancel.load()) {
                file.cancelWriting();
                return R::failure(QStringLiteral("export cancelled"));
            }
            if (progress)
                progress(i + 1, total);
        }
    }
    if (total == 0 && file.write(buffer) != buffer.size())
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (!file.commit())
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return total;
}

} // namespace Io
