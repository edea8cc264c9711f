// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QString>

namespace Storage {

/// Keeps a second process from writing a database this one writes (a second headless start, `tickdesk import`
/// beside a window): both would number records and keep bars of their own. An exclusive flock(2) on the
/// database file, held while the object lives and released by the kernel however the process ends.
class DatabaseLock
{
public:
    /// Fails, naming the file, when another process holds it.
    static Util::Result<DatabaseLock> take(const QString &path);

    DatabaseLock() = default;
    DatabaseLock(DatabaseLock &&other) noexcept;
    DatabaseLock &operator=(DatabaseLock &&other) noexcept;
    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;
    ~DatabaseLock();

private:
    explicit DatabaseLock(int fd)
        : m_fd(fd)
    {}

    int m_fd = -1;
};

} // namespace Storage
