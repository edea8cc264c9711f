// SPDX-License-Identifier: MIT
#pragma once

#include "BarQueries.h"
#include "model/TradeSignal.h"
#include "util/Result.h"

#include <memory>
#include <optional>
#include <vector>

namespace Storage {

namespace History {
class Reader;
}

/// What the engine needs to carry a symbol on where it was: its latest bars and its last signal.
struct SymbolHistory
{
    std::vector<Model::Tick> bars; ///< the latest records, oldest first
    BarRange ruleBars;             ///< the latest bars of the rules' timeframe, if asked for
    std::optional<Model::TradeSignal> lastSignal;
    /// The session's daily bar (the day of the latest record), when `bars` holds only part of that day: its
    /// figures count every stored record of the day. Read from the kept bars; none where they do not cover
    /// the whole day.
    std::optional<Bars::Bar> session;
};

/// A symbol with stored bars, and the time of its newest record when asked for.
struct StoredSymbol
{
    Model::Symbol symbol;
    Model::TimestampUs latest = 0;
};

/// Reads a symbol's history for the engine with statements prepared once (one reader per thread).
///
/// A symbol's newest rows are read in C++ from its newest blocks and its bucket of each bar log, without
/// SQL's sorting. A log's bucket holds the rows of many symbols, one after another in deltas, so reading one
/// symbol decodes them all: inside a snapshot (a start reading every symbol, in symbols() order) a bucket is
/// decoded once and its rows kept by symbol until the next bucket.
class SymbolHistoryReader final
{
public:
    static Util::Result<std::unique_ptr<SymbolHistoryReader>> open(const QString &databasePath);
    ~SymbolHistoryReader();

    /// The latest `bars` bars of `symbol` and its last signal, with the session's daily bar in `session`'s time
    /// zone; empty when it has none.
    SymbolHistory read(const Model::Symbol &symbol, int bars, const Bars::Session &session);
    /// Bars built from the stored records (readBars); on a failure none, and a warning in the log.
    BarRange readBars(const BarQuery &query, const Bars::Session &session);
    /// Every symbol with stored bars, in the order that reads them fastest (by log bucket, then id);
    /// `withLatest`: with the time of each one's newest record (0 without).
    std::vector<StoredSymbol> symbols(bool withLatest = false);

    /// Holds one read snapshot until endSnapshot(): the database as it was then, and the log buckets
    /// decoded for read() kept from one symbol to the next.
    Util::Status beginSnapshot();
    void endSnapshot();

private:
    struct Impl;
    explicit SymbolHistoryReader(std::unique_ptr<Impl> impl);
    QString readRows(std::int64_t id, std::size_t count);
    QString readLogRows(std::int64_t id, std::int64_t from);
    /// The kept bars of `session`'s zone, prepared once; null when that zone has none.
    History::Reader *keptReader(const Bars::Session &session);
    std::optional<Bars::Bar> readSession(std::int64_t id, const Bars::Session &session);
    std::unique_ptr<Impl> d;
};

} // namespace Storage
