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

FileTransfers::~FileTransfers()
{
    if (m_cancel)
        m_cancel->store(true);
    m_running.waitForFinished();
}

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
    m_running = QtConcurrent::run([job = std::move(job), cancel = m_cancel](QPromise<void> &promise) {
        promise.setProgressRange(0, Scale);
        job(*cancel, [&promise](qint64 doneCount, qint64 total) {
            promise.setProgressValue(int(doneCount * Scale / std::max<qint64>(1, total)));
        });
    });
    watcher->setFuture(m_running);
}

template<typename T>
void FileTransfers::runFor(const QString &label,
                           std::function<Util::Result<T>(const std::atomic<bool> &, const Io::Progress &)> job,
                           std::function<void(const Util::Result<T> &)> done)
{
    auto result = std::make_shared<Util::Result<T>>(Util::Result<T>::failure({}));
    run(
        label,
        [job = std::move(job), result](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            *result = job(cancel, progress);
        },
        [done = std::move(done), result] { done(*result); });
}

void FileTransfers::exportSignals(Model::SignalList rows, const QString &path)
{
    if (isBusy())
        return;
    const int count = int(rows.size());
    runFor<qint64>(
        tr("Exporting %n signals…", nullptr, count),
        [rows = std::move(rows), path](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            return Io::exportSignals(rows, path, cancel, progress);
        },
        [this](const Util::Result<qint64> &r) { Q_EMIT exportFinished(r.error(), r ? *r : 0); });
}

void FileTransfers::exportTicks(const QString &symbol, const QString &path)
{
    if (isBusy())
        return;
    Storage::TickFilter filter;
    if (!symbol.isEmpty())
        filter.symbols = {symbol};
    filter.newestFirst = false;
    runFor<qint64>(
        symbol.isEmpty() ? tr("Exporting ticks…") : tr("Exporting the ticks of %1…").arg(symbol),
        [db = m_databasePath, filter, path](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            return Io::exportTicks(db, filter, path, cancel, progress);
        },
        [this](const Util::Result<qint64> &r) { Q_EMIT exportFinished(r.error(), r ? *r : 0); });
}

void FileTransfers::importFile(const QString &path, const QString &symbol)
{
    if (isBusy())
        return;
    runFor<Io::ImportReport>(
        tr("Importing %1…").arg(path),
        [this, path, symbol](const std::atomic<bool> &cancel, const Io::Progress &progress) {
            return Io::importFile(path, {symbol}, m_sink, cancel, progress);
        },
        [this](const Util::Result<Io::ImportReport> &r) {
            Q_EMIT importFinished(r.error(), r ? *r : Io::ImportReport{});
        });
}

} // namespace Gui
