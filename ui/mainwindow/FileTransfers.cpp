// SPDX-License-Identifier: MIT
#include "FileTransfers.h"

#include "io/SignalExport.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace Gui {

namespace {
constexpr int Scale = 1000;
} // namespace

FileTransfers::FileTransfers(QString databasePath, Ingest::RecordSink &sink, QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_sink(sink)
    , m_window(window)
{}

void FileTransfers::run(const QString &label, Job job, std::function<void()> done)
{
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, Scale, m_window);
    progress->setObjectName(QStringLiteral("transferProgress"));
    progress->setWindowTitle(tr("TickDesk"));
    progress->setMinimumDuration(500);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, this, [cancel = m_cancel] { cancel->store(true); });
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, progress, done = std::move(done)] {
        watcher->deleteLater();
        progress->close();
        m_cancel.reset();
        done();
    });
    watcher->setFuture(QtConcurrent::run([job = std::move(job), cancel = m_cancel](QPromise<void> &promise) {
        promise.setProgressRange(0, Scale);
        job(*cancel, [&promise](qint64 doneCount, qint64 total) {
            promise.setProgressValue(int(doneCount * Scale / std::max<qint64>(1, total)));
        });
    }));
}

void FileTransfers::exportSignals(Model::SignalList rows, const QString &path)
{
    if (isBusy())
        return;
    auto result = std::make_shared<Util::Result<qint64>>(Util::Result<qint64>::failure({}));
    const int count = int(rows.size());
    run(
        tr("Exporting %n signals…", nullptr, count),
        [rows = std::move(rows), path, result](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            *result = Io::exportSignals(rows, path, cancel, progress);
        },
        [this, result] { Q_EMIT exportFinished(result->error(), *result ? **result : 0); });
}

void FileTransfers::exportTicks(const QString &symbol, const QString &path)
{
    if (isBusy())
        return;
    auto result = std::make_shared<Util::Result<qint64>>(Util::Result<qint64>::failure({}));
    Storage::TickFilter filter;
    if (!symbol.isEmpty())
        filter.symbols = {symbol};
    filter.newestFirst = false;
    run(
        symbol.isEmpty() ? tr("Exporting ticks…") : tr("Exporting the ticks of %1…").arg(symbol),
        [db = m_databasePath, filter, path, result](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            *result = Io::exportTicks(db, filter, path, cancel, progress);
        },
        [this, result] { Q_EMIT exportFinished(result->error(), *result ? **result : 0); });
}

void FileTransfers::importFile(const QString &path, const QString &symbol)
{
    if (isBusy())
        return;
    auto result = std::make_shared<Util::Result<Io::ImportReport>>(Util::Result<Io::ImportReport>::failure({}));
    run(
        tr("Importing %1…").arg(path),
        [this, path, symbol, result](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            *result = Io::importFile(path, {symbol}, m_sink, cancel, progress);
        },
        [this, result] { Q_EMIT importFinished(result->error(), *result ? **result : Io::ImportReport{}); });
}

} // namespace Gui
