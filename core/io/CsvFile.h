// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QFileDevice>

#include <atomic>
#include <functional>
#include <memory>

namespace Io {

/// Called now and then with (rows written, rows in all).
using Progress = std::function<void(qint64, qint64)>;

/// A CSV file written all or nothing: rows are buffered and written in large
/// pieces, and the file appears under its name only at commit(). A cancel or an
/// error leaves nothing there (QSaveFile). The path "-" writes to standard output.
class CsvFile final
{
public:
    CsvFile(const QString &path, qint64 total, const std::atomic<bool> &cancel, Progress progress);

    Util::Status open(const QByteArray &header);
    /// The buffer to append one row to; then call rowDone().
    QByteArray &buffer() noexcept { return m_buffer; }
    /// False when the export must stop: cancelled or a write failed (see status()).
    bool rowDone();
    /// Writes the rest and puts the file in place; returns the row count.
    Util::Result<qint64> commit();
    /// Why rowDone() said stop, or a failure from elsewhere to report.
    Util::Result<qint64> fail(const QString &error);

private:
    bool flush();

    std::unique_ptr<QFileDevice> m_file;
    QString m_path;
    qint64 m_total;
    const std::atomic<bool> &m_cancel;
    Progress m_progress;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    QString m_error;
};

} // namespace Io
