// SPDX-License-Identifier: MIT
#include "CsvFile.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Io {

namespace {
constexpr qsizetype FlushBytes = 1 << 20;
} // namespace

CsvFile::CsvFile(const QString &path, qint64 total, const std::atomic<bool> &cancel, Progress progress)
    : m_path(path)
    , m_total(total)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{
    m_buffer.reserve(FlushBytes + 4096);
}

Util::Status CsvFile::open(const QByteArray &header)
{
    bool opened = false;
    if (m_path == u"-"_s) {
        auto out = std::make_unique<QFile>();
        opened = out->open(stdout, QIODevice::WriteOnly);
        m_file = std::move(out);
    } else {
        auto out = std::make_unique<QSaveFile>(m_path);
        opened = out->open(QIODevice::WriteOnly);
        m_file = std::move(out);
    }
    if (!opened)
        return Util::Status::failure(u"cannot write %1: %2"_s.arg(m_path, m_file->errorString()));
    m_buffer = header;
    return {};
}

bool CsvFile::flush()
{
    if (m_file->write(m_buffer) != m_buffer.size()) {
        m_error = u"cannot write %1: %2"_s.arg(m_path, m_file->errorString());
        return false;
    }
    m_buffer.resize(0);
    if (m_cancel.load()) {
        m_error = u"export cancelled"_s;
        return false;
    }
    if (m_progress)
        m_progress(m_rows, std::max(m_total, m_rows));
    return true;
}

bool CsvFile::rowDone()
{
    ++m_rows;
    return m_buffer.size() < FlushBytes || flush();
}

Util::Result<qint64> CsvFile::commit()
{
    if (!m_error.isEmpty() || !flush())
        return fail(m_error);
    if (auto *save = qobject_cast<QSaveFile *>(m_file.get()); save && !save->commit())
        return fail(u"cannot write %1: %2"_s.arg(m_path, save->errorString()));
    if (!qobject_cast<QSaveFile *>(m_file.get()))
        m_file->close();
    return m_rows;
}

Util::Result<qint64> CsvFile::fail(const QString &error)
{
    if (auto *save = qobject_cast<QSaveFile *>(m_file.get()))
        save->cancelWriting();
    return Util::Result<qint64>::failure(m_error.isEmpty() ? error : m_error);
}

} // namespace Io
