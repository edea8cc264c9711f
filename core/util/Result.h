// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Util {

/// A value, or a message for the user saying why there is none.
template<typename T>
class Result final
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    static Result failure(QString error) { return Result(std::move(error), 0); }

    bool ok() const noexcept { return m_value.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const noexcept { return m_error; }

private:
    Result(QString error, int)
        : m_error(std::move(error))
    {}
    std::optional<T> m_value;
    QString m_error;
};

/// Success or a message for the user.
class Status final
{
public:
    Status() = default;
    static Status failure(QString error)
    {
        Status s;
        s.m_error = std::move(error);
        s.m_failed = true;
        return s;
    }
    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const QString &error() const noexcept { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

} // namespace Util
