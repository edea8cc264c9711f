// SPDX-License-Identifier: MIT
#include "SignalExport.h"

#include "Csv.h"
#include "storage/SqliteDatabase.h"

namespace Io {

Util::Result<qint64> exportSignals(const Model::SignalList &signals, const QString &path,
                                   const std::atomic<bool> &cancel, const Progress &progress)
{
    CsvFile file(path, signals.size(), cancel, progress);
    if (auto status = file.open(signalCsvHeader()); !status)
        return Util::Result<qint64>::failure(status.error());
    for (const Model::TradeSignal &signal : signals) {
        appendSignalCsvRow(signal, file.buffer());
        if (!file.rowDone())
            return file.fail({});
    }
    return file.commit();
}

namespace {

/// Opens the database read-only, counts the rows for the progress, then streams them into the file.
template<typename Filter, typename Count, typename ForEach, typename Append>
Util::Result<qint64> exportRows(const QString &databasePath, const Filter &filter, const QString &path,
                                const std::atomic<bool> &cancel, const Progress &progress, const QByteArray &header,
                                Count count, ForEach forEach, Append append)
{
    using R = Util::Result<qint64>;
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    const auto total = count(**db, filter);
    if (!total)
        return R::failure(total.error());
    CsvFile file(path, *total, cancel, progress);
    if (auto status = file.open(header); !status)
        return R::failure(status.error());
    bool stopped = false;
    const Util::Status read = forEach(**db, filter, [&](const auto &row) {
        append(row, file.buffer());
        stopped = !file.rowDone();
        return !stopped;
    });
    if (stopped || !read)
        return file.fail(read.error());
    return file.commit();
}

} // namespace

Util::Result<qint64> exportSignals(const QString &databasePath, const Storage::SignalFilter &filter,
                                   const QString &path, const std::atomic<bool> &cancel, const Progress &progress)
{
    return exportRows(databasePath, filter, path, cancel, progress, signalCsvHeader(), &Storage::countSignals,
                      &Storage::forEachSignal, &appendSignalCsvRow);
}

Util::Result<qint64> exportTicks(const QString &databasePath, const Storage::TickFilter &filter, const QString &path,
                                 const std::atomic<bool> &cancel, const Progress &progress)
{
    return exportRows(databasePath, filter, path, cancel, progress, tickCsvHeader(), &Storage::countTicks,
                      &Storage::forEachTick, &appendTickCsvRow);
}

Util::Result<qint64> exportBars(const QString &databasePath, const Storage::BarQuery &query,
                                const Bars::Session &session, const QString &path, const std::atomic<bool> &cancel,
                                const Progress &progress)
{
    using R = Util::Result<qint64>;
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    const auto range = Storage::readBars(**db, query, session);
    if (!range)
        return R::failure(range.error());
    CsvFile file(path, qint64(range->bars.size()), cancel, progress);
    if (auto status = file.open(barCsvHeader(query.fillGaps)); !status)
        return R::failure(status.error());
    for (const Bars::Bar &bar : range->bars) {
        appendBarCsvRow(query.symbol, bar, file.buffer(), query.fillGaps);
        if (!file.rowDone())
            return file.fail({});
    }
    return file.commit();
}

} // namespace Io
