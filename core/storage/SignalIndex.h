// SPDX-License-Identifier: MIT
#pragma once

#include "IndexBatches.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>

namespace Storage {

class SqliteDatabase;

/// Each symbol's signals in time order, for the storage writer: `signals_by_symbol`, written a batch at a time.
///
/// An index of `signals` on (symbol, time) puts each new signal beside its symbol's earlier ones, a page of
/// the index per symbol: a commit whose signals are of many symbols wrote that many pages for a few rows each,
/// and at 10,000 signals/s over 50 symbols that was half of all the pages the log took. Here a signal goes into
/// `signals` alone; when BatchSize have come, they are frozen as a batch and moved into `signals_by_symbol` in
/// symbol order, whole symbols at a time, a few per commit, so a symbol's page takes all of the batch's
/// signals of that symbol at once.
///
/// `signals_indexed` says which signals are there: all up to through_id, and of those after it up to batch_end
/// the ones whose symbol sorts at or before `cursor` (batch_end is through_id and `cursor` empty while no batch
/// is frozen). A reader of a symbol's signals reads its entries there and, in `signals`, the rows past the
/// marks (unindexedSql()): at most two batches.
class SignalIndex final
{
public:
    /// Signals frozen as one batch.
    static constexpr std::size_t BatchSize = 2048;
    /// The fewest of a frozen batch's signals a commit moves (whole symbols: it may move more).
    static constexpr std::size_t MinMove = 64;

    /// Reads the marks and the signals not moved yet, in the writer's connection.
    static Util::Result<std::unique_ptr<SignalIndex>> open(SqliteDatabase &db);
    ~SignalIndex();
    SignalIndex(const SignalIndex &) = delete;
    SignalIndex &operator=(const SignalIndex &) = delete;

    /// A signal stored in the open transaction.
    void add(std::string_view symbol, std::int64_t timestamp, std::int64_t id);
    /// In the open transaction, before its commit: freezes a batch once enough signals came, then moves at
    /// least `count` (MinMove at the least) of the frozen batch's signals, whole symbols, or the rest of it.
    /// Empty, or the error.
    QString move(std::size_t count);
    /// After the transaction committed.
    void committed();
    /// After it rolled back: reads the state again. Empty, or the error.
    QString rolledBack();

    /// A condition true for the rows of `signals` (as `alias`) that are not in `signals_by_symbol`.
    static QByteArray unindexedSql(const char *alias);

private:
    struct Entry
    {
        std::string symbol;
        std::int64_t timestamp = 0;
        std::int64_t id = 0;

        const std::string &key() const noexcept { return symbol; }
        bool operator<(const Entry &o) const noexcept
        {
            return std::tie(symbol, timestamp, id) < std::tie(o.symbol, o.timestamp, o.id);
        }
    };

    explicit SignalIndex(SqliteDatabase &db);
    QString load();
    QString writeMarks();

    SqliteDatabase &m_db;
    IndexBatches<Entry, std::string> m_batches{std::string()};
};

} // namespace Storage
