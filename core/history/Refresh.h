// SPDX-License-Identifier: MIT
#pragma once

#include "Fetch.h"
#include "bars/Session.h"
#include "io/Import.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <vector>

namespace Storage {
class SqliteDatabase;
}

namespace History {

/// What to fetch for one symbol: [from, to) of the source's bars.
struct SymbolSpan
{
    Model::Symbol symbol;
    Model::TimestampUs from = 0;
    Model::TimestampUs to = 0;
    /// The gaps a gap search found in [from, to): one the source has no bars for is remembered, and not asked
    /// for again.
    std::vector<Bars::Span> gaps;
};

/// What one symbol's refresh did.
struct SymbolOutcome
{
    Model::Symbol symbol;
    bool ok = false;
    qint64 fetched = 0;    ///< valid bars in the answer
    qint64 stored = 0;     ///< new ones, now stored
    qint64 duplicates = 0; ///< equal to a stored bar: nothing to do
    qint64 corrected = 0;  ///< differed from a stored bar and replaced it
    qint64 differing = 0;  ///< differed from a stored bar and were left out (corrections not allowed)
    qint64 unfinished = 0; ///< bars still forming at the source, left for a later refresh
    qint64 skipped = 0;    ///< bad rows, each reason in `problems`
    std::vector<Io::ImportProblem> problems;
    QString message; ///< the error when not ok, else a summary
    QDateTime at;
    int attempts = 0;

    /// "12 new, 240 already stored, 1 corrected" and the like.
    QString summary() const;
};

struct RefreshReport
{
    std::vector<SymbolOutcome> symbols;
    bool cancelled = false;
    int failed() const;
    qint64 stored() const;
};

/// A source's bars sorted against what is stored: new ones to store, equal ones to leave, different ones to
/// correct or report. `stored` are the stored bars of the source's interval over the fetched span.
struct Sorted
{
    Model::RecordBatch fresh;
    std::vector<Storage::KeptCorrection> corrections;
    qint64 duplicates = 0;
    qint64 differing = 0;
    qint64 unfinished = 0;
};
Sorted sortAgainstStored(const Model::RecordBatch &fetched, const std::vector<Bars::Bar> &stored, const Source &source,
                         const Bars::Session &session, Model::TimestampUs nowUs);

/// Fetches history from a source and merges it into the database through the storage writer, one symbol at
/// a time. Runs on a worker thread (it waits on the network and the writer), one refresh at a time.
class Refresher final
{
public:
    struct Options
    {
        QString databasePath;
        QString sessionTimeZone; ///< empty: UTC
        RetryPolicy retry;
        /// The time now (a seam for tests).
        std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    };
    using Progress = std::function<void(const SymbolOutcome &outcome, int done, int total)>;

    Refresher(Storage::StorageWriter &writer, Options options);

    /// Refreshes each span from `source` (each its own request, or one request for all when the source's
    /// address has no {symbol}). `waiting` hears of pauses (rate limit, retries).
    RefreshReport run(const Source &source, const QString &apiKey, const std::vector<SymbolSpan> &spans,
                      const std::atomic<bool> &cancel, const Progress &progress = {},
                      const std::function<void(const QString &)> &waiting = {});

    /// A write of fetched bars on its way: how it went is known once committed.
    struct Write
    {
        std::shared_ptr<Storage::HistoryFill> fill;
        QString error; ///< set on the writer thread before it takes the next job
    };

private:
    /// A symbol's outcome so far and its write, when there is one.
    struct Pending
    {
        SymbolOutcome outcome;
        std::shared_ptr<Write> write;
        std::future<QString> committed;
    };
    Pending merge(const Source &source, const SymbolSpan &span, Model::RecordBatch &&bars, const Io::ImportReport &read,
                  Storage::SqliteDatabase &db);
    /// Hands a job to the writer (waiting while its queue is full); the future says how its transaction went.
    std::future<QString> submit(Storage::WriteJob &&job, std::shared_ptr<Write> write);

    Storage::StorageWriter &m_writer;
    Options m_options;
    Bars::Session m_session;
};

/// The last refresh of each symbol from any source, newest first per symbol (history_refreshes).
struct LastRefresh
{
    QString source;
    QDateTime at;
    bool ok = false;
    QString message;
};
Util::Result<std::vector<std::pair<QString, LastRefresh>>> lastRefreshes(Storage::SqliteDatabase &db);

/// The spans a source had no bars for (history_empty_spans) of a symbol.
Util::Result<std::vector<Bars::Span>> emptySpans(Storage::SqliteDatabase &db, const Model::Symbol &symbol,
                                                 const QString &source);

} // namespace History

Q_DECLARE_METATYPE(History::SymbolOutcome)
Q_DECLARE_METATYPE(History::RefreshReport)
