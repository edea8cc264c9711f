// SPDX-License-Identifier: MIT
#include "DatabaseLock.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Storage {

Util::Result<DatabaseLock> DatabaseLock::take(const QString &path)
{
    using R = Util::Result<DatabaseLock>;
    if (path.isEmpty() || path == u":memory:"_s)
        return DatabaseLock();
    // Opened (and made, empty, when new: SQLite takes an empty file as a new database) before SQLite opens it.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return R::failure(QCoreApplication::translate("Storage", "cannot open database %1: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return R::failure(QCoreApplication::translate("Storage",
                                                          "the database %1 is in use by another TickDesk (a window, "
                                                          "a headless node or an import); stop it or give another "
                                                          "database")
                                  .arg(path));
        return R::failure(QCoreApplication::translate("Storage", "cannot lock the database %1: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    return DatabaseLock(fd);
}

DatabaseLock::DatabaseLock(DatabaseLock &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{}

DatabaseLock &DatabaseLock::operator=(DatabaseLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

DatabaseLock::~DatabaseLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace Storage
