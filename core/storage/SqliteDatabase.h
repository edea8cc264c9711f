// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace Storage {

/// What a statement's step came to: a row to read, the end, or an error (SqliteDatabase::lastError says which).
enum class Step
{
    Row,
    Done,
    Error,
};

/// A prepared statement, finalized when it goes out of scope.
class Statement final
{
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();

    bool isValid() const noexcept { return m_stmt != nullptr; }

    // Binding indices start at 1, as in SQLite. Text is not copied: it must
    // outlive the next step().
    void bind(int index, double value);
    void bind(int index, std::int64_t value);
    void bindText(int index, std::string_view value);
    void bindNull(int index);
    /// Binds bytes without copying them: they must stay alive until the statement is reset.
    void bindBlob(int index, const void *data, std::size_t size);
    /// A price in the bar tables' compact form (see PriceCodec.h).
    void bindPrice(int index, double price);

    Step step();
    void reset();

    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    /// The text as stored, UTF-8, without decoding it.
    QByteArray columnUtf8(int column) const;
    /// The bytes of a column, valid until the next step or reset.
    QByteArrayView columnBlob(int column) const;
    bool columnIsNull(int column) const;
    /// A price stored by bindPrice(), exactly as it was bound.
    double columnPrice(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

/// One SQLite connection. Not shared between threads at the same time.
class SqliteDatabase final
{
public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    static Util::Result<std::unique_ptr<SqliteDatabase>> open(const QString &path, Mode mode = Mode::ReadWrite);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Util::Status exec(const char *sql);
    /// Steps a statement that returns no rows to its end and resets it: empty, or the error.
    QString run(Statement &st);
    Util::Result<Statement> prepare(const char *sql);
    /// A statement of a string literal prepared at its first use and kept by the connection; the caller
    /// resets it after use. Null, with lastError(), when it does not prepare.
    Statement *cached(const char *sql);
    /// First column of the first row, or `fallback` when there is none.
    std::int64_t scalar(const char *sql, std::int64_t fallback = 0);

    QString lastError() const;
    const QString &path() const noexcept { return m_path; }
    sqlite3 *handle() const noexcept { return m_db; }

private:
    SqliteDatabase(sqlite3 *db, QString path);
    sqlite3 *m_db;
    QString m_path;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_cached;
};

} // namespace Storage
