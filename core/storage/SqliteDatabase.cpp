// SPDX-License-Identifier: MIT
#include "SqliteDatabase.h"

#include "BarRowsTable.h"
#include "PageCache.h"
#include "WalWrites.h"

#include "PriceCodec.h"

#include <sqlite3.h>

#include <mutex>
#include <utility>

using namespace Qt::StringLiterals;

namespace Storage {

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bindText(int index, std::string_view value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_STATIC);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::bindBlob(int index, const void *data, std::size_t size)
{
    sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(size), SQLITE_STATIC);
}

void Statement::bindPrice(int index, double price)
{
    if (const auto units = PriceCodec::toUnits(price))
        sqlite3_bind_int64(m_stmt, index, *units);
    else
        sqlite3_bind_double(m_stmt, index, price);
}

Step Statement::step()
{
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArray(text, sqlite3_column_bytes(m_stmt, column));
}

double Statement::columnPrice(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER)
        return PriceCodec::fromUnits(sqlite3_column_int64(m_stmt, column));
    return sqlite3_column_double(m_stmt, column);
}

QByteArrayView Statement::columnBlob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return {static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column)};
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

SqliteDatabase::SqliteDatabase(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

SqliteDatabase::~SqliteDatabase()
{
    m_cached.clear();
    sqlite3_close_v2(m_db);
}

Util::Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path, Mode mode)
{
    // SQLite counts its memory under a process-wide mutex on every allocation unless told not to; nothing
    // here reads the count. Its page cache gets a layer (PageCache.h). Only possible before the library's
    // first use, so once, first. Its writes to a write-ahead log are gathered into one a transaction
    // (WalWrites.h).
    static std::once_flag configured;
    std::call_once(configured, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        PageCache::install();
        WalWrites::install();
    });
    sqlite3 *db = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            u"cannot open database %1: %2"_s.arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close_v2(db);
        return Util::Result<std::unique_ptr<SqliteDatabase>>::failure(message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    if (registerBarRows(db) != SQLITE_OK) {
        const QString message = u"cannot open database %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close_v2(db);
        return Util::Result<std::unique_ptr<SqliteDatabase>>::failure(message);
    }
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, path));
}

Util::Status SqliteDatabase::exec(const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(m_db));
        sqlite3_free(error);
        return Util::Status::failure(message);
    }
    return {};
}

QString SqliteDatabase::run(Statement &st)
{
    const Step rc = st.step();
    st.reset();
    return rc == Step::Done ? QString() : lastError();
}

Util::Result<Statement> SqliteDatabase::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return Util::Result<Statement>::failure(lastError());
    return Statement(stmt);
}

Statement *SqliteDatabase::cached(const char *sql)
{
    auto &slot = m_cached[sql];
    if (!slot) {
        auto st = prepare(sql);
        if (!st) {
            m_cached.erase(sql);
            return nullptr;
        }
        slot = std::make_unique<Statement>(std::move(*st));
    }
    return slot.get();
}

std::int64_t SqliteDatabase::scalar(const char *sql, std::int64_t fallback)
{
    auto statement = prepare(sql);
    if (!statement || statement->step() != Step::Row)
        return fallback;
    return statement->columnInt64(0);
}

QString SqliteDatabase::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace Storage
