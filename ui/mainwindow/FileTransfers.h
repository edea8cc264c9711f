// SPDX-License-Identifier: MIT
#pragma once

#include "io/Import.h"
#include "model/TradeSignal.h"
#include "util/Result.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace Ingest {
class RecordSink;
}

namespace Gui {

/// The window's file work: exports and imports run on the QtConcurrent pool
/// with a progress dialog that can cancel them; one at a time. The outcome
/// comes back on the GUI thread as a signal.
class FileTransfers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTransfers)

public:
    FileTransfers(QString databasePath, Ingest::RecordSink &sink, QWidget *window);
    /// Cancels a running job and waits for it: nothing it uses may go first.
    ~FileTransfers() override;

    bool isBusy() const noexcept { return m_cancel != nullptr; }

    /// Signals already in memory (what the panel shows).
    void exportSignals(Model::SignalList rows, const QString &path);
    /// Every stored bar of `symbol` (all symbols when empty), oldest first.
    void exportTicks(const QString &symbol, const QString &path);
    /// A CSV or JSON file through the pipeline; `symbol` for a CSV without a symbol column.
    void importFile(const QString &path, const QString &symbol);

Q_SIGNALS:
    void exportFinished(const QString &error, qint64 count);
    void importFinished(const QString &error, const Io::ImportReport &report);

private:
    using Job = std::function<void(const std::atomic<bool> &cancel, const Io::Progress &progress)>;
    /// Runs `job` in the pool with a progress dialog (permille); `done` runs on the GUI thread.
    void run(const QString &label, Job job, std::function<void()> done);
    /// run() for a job with a result, handed to `done` on the GUI thread.
    template<typename T>
    void runFor(const QString &label,
                std::function<Util::Result<T>(const std::atomic<bool> &, const Io::Progress &)> job,
                std::function<void(const Util::Result<T> &)> done);

    QString m_databasePath;
    Ingest::RecordSink &m_sink;
    QPointer<QWidget> m_window;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_running;
};

} // namespace Gui
