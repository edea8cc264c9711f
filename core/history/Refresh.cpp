// SPDX-License-Identifier: MIT
#include "Refresh.h"

#include "SourceFormats.h"
#include "storage/BarQueries.h"
#include "storage/HistoryBars.h"
#include "storage/SqliteDatabase.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

#include <cmath>
#include <deque>
#include <future>
#include <map>

using namespace Qt::StringLiterals;

namespace History {

namespace {

/// Prices are stored to four decimals: a source's bar equal to that is the same bar.
bool samePrice(double a, double b)
{
    return std::abs(a - b) <= 0.00005 + 1e-9 * std::abs(a);
}

bool sameBar(const Bars::Bar &bar, const Model::Tick &t)
{
    return samePrice(bar.open, t.open) && samePrice(bar.high, t.high) && samePrice(bar.low, t.low) &&
           samePrice(bar.close, t.close) && bar.volume == t.volume;
}

} // namespace

QString SymbolOutcome::summary() const
{
    if (!ok)
        return message;
    const QLocale locale;
    QString text = QCoreApplication::translate("History", "%1 new, %2 already stored")
                       .arg(locale.toString(stored), locale.toString(duplicates));
    if (corrected > 0)
        text += u", "_s + QCoreApplication::translate("History", "%1 corrected").arg(locale.toString(corrected));
    if (differing > 0)
        text += u", "_s + QCoreApplication::translate("History", "%1 differ from the stored bars (kept ours)")
                              .arg(locale.toString(differing));
    if (skipped == 1)
        text += u", "_s + QCoreApplication::translate("History", "1 bad row skipped");
    else if (skipped > 1)
        text += u", "_s + QCoreApplication::translate("History", "%1 bad rows skipped").arg(locale.toString(skipped));
    return text;
}

int RefreshReport::failed() const
{
    return int(std::count_if(symbols.begin(), symbols.end(), [](const SymbolOutcome &o) { return !o.ok; }));
}

qint64 RefreshReport::stored() const
{
    qint64 n = 0;
    for (const SymbolOutcome &o : symbols)
        n += o.stored;
    return n;
}

Sorted sortAgainstStored(const Model::RecordBatch &fetched, const std::vector<Bars::Bar> &stored, const Source &source,
                         const Bars::Session &session, Model::TimestampUs nowUs)
{
    Sorted out;
    std::map<Model::TimestampUs, const Bars::Bar *> byStart;
    for (const Bars::Bar &bar : stored)
        if (!bar.filled)
            byStart.emplace(bar.openTime, &bar);
    const int kept = Storage::History::keptIndex(source.interval);
    Model::TimestampUs lastTaken = std::numeric_limits<Model::TimestampUs>::min();
    for (const Model::Record &record : fetched) {
        const Model::Tick &tick = std::get<Model::Tick>(record);
        const Bars::Span span = session.barOf(source.interval, tick.timestamp);
        if (span.end > nowUs) {
            ++out.unfinished; // the source's bar may still change
            continue;
        }
        const auto it = byStart.find(span.start);
        if (it == byStart.end()) {
            if (span.start == lastTaken) {
                ++out.duplicates; // a second row of the same bar in the answer
                continue;
            }
            lastTaken = span.start;
            out.fresh.push_back(record);
        } else if (sameBar(*it->second, tick)) {
            ++out.duplicates;
        } else if (source.allowCorrections && kept >= 0) {
            Bars::Bar bar;
            bar.openTime = span.start;
            bar.endTime = span.end;
            bar.open = tick.open;
            bar.high = tick.high;
            bar.low = tick.low;
            bar.close = tick.close;
            bar.volume = tick.volume;
            bar.records = std::max<std::int64_t>(1, it->second->records);
            out.corrections.push_back({tick.symbol, std::size_t(kept), bar});
        } else {
            ++out.differing;
        }
    }
    return out;
}

Refresher::Refresher(Storage::StorageWriter &writer, Options options)
    : m_writer(writer)
    , m_options(std::move(options))
    , m_session(Bars::sessionZone(m_options.sessionTimeZone))
{}

Refresher::Pending Refresher::merge(const Source &source, const SymbolSpan &span, Model::RecordBatch &&bars,
                                    const Io::ImportReport &read, Storage::SqliteDatabase &db)
{
    Pending pending;
    SymbolOutcome &outcome = pending.outcome;
    outcome.symbol = span.symbol;
    outcome.fetched = qint64(bars.size());
    outcome.skipped = read.skipped;
    outcome.problems = read.problems;
    Sorted sorted;
    if (!bars.empty()) {
        Storage::BarQuery query;
        query.symbol = span.symbol;
        query.timeframe = source.interval;
        query.fromUs = std::get<Model::Tick>(bars.front()).timestamp;
        query.toUs = std::get<Model::Tick>(bars.back()).timestamp;
        auto stored = Storage::readBars(db, query, m_session);
        if (!stored) {
            outcome.message =
                QCoreApplication::translate("History", "reading the stored bars failed: %1").arg(stored.error());
            return pending;
        }
        sorted = sortAgainstStored(bars, stored->bars, source, m_session, m_options.now().toMSecsSinceEpoch() * 1000);
    }
    outcome.duplicates = sorted.duplicates;
    outcome.differing = sorted.differing;
    outcome.unfinished = sorted.unfinished;

    // A gap the source has nothing for (a holiday, a halt) is not asked for again.
    std::vector<Bars::Span> empty;
    for (const Bars::Span &gap : span.gaps)
        if (std::none_of(bars.begin(), bars.end(),
                         [&gap](const Model::Record &r) { return gap.contains(std::get<Model::Tick>(r).timestamp); }))
            empty.push_back(gap);

    Storage::WriteJob job;
    job.records = std::move(sorted.fresh);
    outcome.ok = true;
    outcome.stored = qint64(job.records.size());
    auto write = std::make_shared<Write>();
    write->fill = std::make_shared<Storage::HistoryFill>();
    write->fill->corrections = std::move(sorted.corrections);
    job.history = write->fill;
    if (!empty.empty()) {
        job.write = [symbol = span.symbol, empty, name = source.name](Storage::SqliteDatabase &d) -> Util::Status {
            Storage::Statement *st = d.cached("INSERT OR REPLACE INTO history_empty_spans(symbol, source, from_us, "
                                              "to_us) VALUES (?1, ?2, ?3, ?4)");
            if (!st)
                return Util::Status::failure(d.lastError());
            const std::string sourceName = name.toStdString();
            for (const Bars::Span &gap : empty) {
                st->bindText(1, symbol.view());
                st->bindText(2, sourceName);
                st->bind(3, std::int64_t(gap.start));
                st->bind(4, std::int64_t(gap.end));
                if (QString error = d.run(*st); !error.isEmpty())
                    return Util::Status::failure(error);
            }
            return {};
        };
    }
    pending.write = write;
    pending.committed = submit(std::move(job), write);
    return pending;
}

std::future<QString> Refresher::submit(Storage::WriteJob &&job, std::shared_ptr<Write> write)
{
    auto committed = std::make_shared<std::promise<QString>>();
    std::future<QString> result = committed->get_future();
    // Told on the writer thread, before it takes the next job: the outcome's row, written next, knows.
    job.done = [committed, write](const QString &e, std::vector<Model::TradeSignal> &) {
        if (write)
            write->error = e;
        committed->set_value(e);
    };
    if (m_writer.submitWaiting(std::move(job)) != Storage::StorageWriter::Submit::Accepted) {
        if (write)
            write->error = QCoreApplication::translate("History", "the database is shutting down");
        committed->set_value(QCoreApplication::translate("History", "the database is shutting down"));
    }
    return result;
}

static void settleCounts(SymbolOutcome &outcome, const Refresher::Write *write)
{
    if (!write)
        return;
    if (!write->error.isEmpty()) {
        outcome.ok = false;
        outcome.stored = 0;
        outcome.message = QCoreApplication::translate("History", "storing failed: %1").arg(write->error);
        return;
    }
    outcome.corrected = write->fill->corrected;
    outcome.differing += qint64(write->fill->corrections.size()) - write->fill->corrected;
}

RefreshReport Refresher::run(const Source &source, const QString &apiKey, const std::vector<SymbolSpan> &spans,
                             const std::atomic<bool> &cancel, const Progress &progress,
                             const std::function<void(const QString &)> &waiting)
{
    RefreshReport report;
    static std::once_flag proxies;
    std::call_once(proxies, [] { QNetworkProxyFactory::setUseSystemConfiguration(true); });
    QNetworkAccessManager network;
    auto db = Storage::SqliteDatabase::open(m_options.databasePath, Storage::SqliteDatabase::Mode::ReadOnly);

    ReadOptions read;
    read.format = source.format;
    read.dayZone = m_session.zone();
    // Up to this many symbols are being stored while the next ones are fetched.
    constexpr std::size_t InFlight = 4;
    struct Sent
    {
        Pending pending;
        std::future<QString> logged;
    };
    std::deque<Sent> sent;
    const auto settle = [&] {
        Sent &front = sent.front();
        SymbolOutcome outcome = std::move(front.pending.outcome);
        if (front.pending.committed.valid())
            front.pending.committed.wait();
        settleCounts(outcome, front.pending.write.get());
        if (outcome.ok)
            outcome.message = outcome.summary();
        front.logged.wait();
        sent.pop_front();
        report.symbols.push_back(std::move(outcome));
        if (progress)
            progress(report.symbols.back(), int(report.symbols.size()), int(spans.size()));
    };
    const auto finishPending = [&](Pending pending) {
        pending.outcome.at = m_options.now();
        // The outcome is kept for the watchlist's tooltip and the next start; written after the bars, it knows
        // how their transaction went.
        Storage::WriteJob log;
        log.write = [outcome = pending.outcome, write = pending.write,
                     name = source.name](Storage::SqliteDatabase &d) mutable -> Util::Status {
            settleCounts(outcome, write.get());
            if (outcome.ok)
                outcome.message = outcome.summary();
            Storage::Statement *st = d.cached(
                "INSERT OR REPLACE INTO history_refreshes(symbol, source, at_us, ok, stored, duplicates, corrected, "
                "differing, skipped, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
            if (!st)
                return Util::Status::failure(d.lastError());
            st->bindText(1, outcome.symbol.view());
            const std::string sourceName = name.toStdString();
            st->bindText(2, sourceName);
            st->bind(3, std::int64_t(outcome.at.toMSecsSinceEpoch() * 1000));
            st->bind(4, std::int64_t(outcome.ok));
            st->bind(5, std::int64_t(outcome.stored));
            st->bind(6, std::int64_t(outcome.duplicates));
            st->bind(7, std::int64_t(outcome.corrected));
            st->bind(8, std::int64_t(outcome.differing));
            st->bind(9, std::int64_t(outcome.skipped));
            const std::string message = outcome.message.toStdString();
            st->bindText(10, message);
            if (QString error = d.run(*st); !error.isEmpty())
                return Util::Status::failure(error);
            return {};
        };
        std::future<QString> logged = submit(std::move(log), nullptr);
        sent.push_back({std::move(pending), std::move(logged)});
        while (sent.size() > InFlight ||
               (!sent.empty() && sent.front().logged.wait_for(std::chrono::seconds(0)) == std::future_status::ready))
            settle();
    };
    const auto finishOne = [&](SymbolOutcome outcome) {
        Pending pending;
        pending.outcome = std::move(outcome);
        finishPending(std::move(pending));
    };
    const auto drained = [&](RefreshReport &r) -> RefreshReport & {
        while (!sent.empty())
            settle();
        return r;
    };
    const auto failAll = [&](const QString &message, std::size_t from) {
        for (std::size_t i = from; i < spans.size(); ++i) {
            SymbolOutcome o;
            o.symbol = spans[i].symbol;
            o.message = message;
            finishOne(std::move(o));
        }
    };
    if (!db) {
        failAll(QCoreApplication::translate("History", "cannot read the database: %1").arg(db.error()), 0);
        return drained(report);
    }

    if (!source.perSymbol() && !spans.empty()) {
        // One request answers for every symbol.
        Model::TimestampUs from = spans.front().from, to = spans.front().to;
        for (const SymbolSpan &s : spans) {
            from = std::min(from, s.from);
            to = std::max(to, s.to);
        }
        auto url = requestUrl(source, {}, from, to, apiKey);
        if (!url) {
            failAll(url.error(), 0);
            return drained(report);
        }
        const FetchResult got = fetch(network, *url, source, m_options.retry, cancel, waiting);
        if (!got.ok) {
            report.cancelled = cancel.load();
            failAll(got.error, 0);
            return drained(report);
        }
        Model::RecordBatch all;
        Io::ImportReport problems;
        read.onlyAsked = false;
        if (auto s = readAnswer(got.body, read, all, problems); !s) {
            failAll(s.error(), 0);
            return drained(report);
        }
        std::map<Model::Symbol, Model::RecordBatch> bySymbol;
        for (Model::Record &r : all)
            bySymbol[std::get<Model::Tick>(r).symbol].push_back(std::move(r));
        for (std::size_t i = 0; i < spans.size(); ++i) {
            if (cancel.load()) {
                report.cancelled = true;
                break;
            }
            Pending p = merge(source, spans[i], std::move(bySymbol[spans[i].symbol]),
                              i == 0 ? problems : Io::ImportReport{}, **db);
            p.outcome.attempts = got.attempts;
            finishPending(std::move(p));
        }
        return drained(report);
    }

    QString down; // the source failed for its own sake: the other symbols are not asked for in this run
    for (const SymbolSpan &span : spans) {
        if (cancel.load()) {
            report.cancelled = true;
            break;
        }
        SymbolOutcome outcome;
        outcome.symbol = span.symbol;
        if (!down.isEmpty()) {
            outcome.message = down;
            finishOne(std::move(outcome));
            continue;
        }
        auto url = requestUrl(source, span.symbol, span.from, span.to, apiKey);
        if (!url) {
            outcome.message = url.error();
            finishOne(std::move(outcome));
            continue;
        }
        // A source with a rate limit makes the next request wait: the results so far are shown first.
        if (source.requestsPerMinute > 0)
            while (!sent.empty())
                settle();
        const FetchResult got = fetch(network, *url, source, m_options.retry, cancel, waiting);
        if (!got.ok) {
            if (cancel.load()) {
                report.cancelled = true;
                break;
            }
            outcome.message = got.error;
            outcome.attempts = got.attempts;
            if (got.sourceDown)
                down = QCoreApplication::translate("History", "not asked: %1 failed for %2 (%3)")
                           .arg(source.name, span.symbol.toString(), got.error);
            finishOne(std::move(outcome));
            continue;
        }
        Model::RecordBatch bars;
        Io::ImportReport problems;
        read.symbol = span.symbol;
        read.onlyAsked = true;
        if (auto s = readAnswer(got.body, read, bars, problems); !s) {
            outcome.message = s.error();
            outcome.skipped = problems.skipped;
            outcome.problems = problems.problems;
            outcome.attempts = got.attempts;
            finishOne(std::move(outcome));
            continue;
        }
        Pending merged = merge(source, span, std::move(bars), problems, **db);
        merged.outcome.attempts = got.attempts;
        finishPending(std::move(merged));
    }
    return drained(report);
}

Util::Result<std::vector<std::pair<QString, LastRefresh>>> lastRefreshes(Storage::SqliteDatabase &db)
{
    using R = Util::Result<std::vector<std::pair<QString, LastRefresh>>>;
    auto st =
        db.prepare("SELECT symbol, source, at_us, ok, message FROM history_refreshes ORDER BY symbol, at_us DESC");
    if (!st)
        return R::failure(st.error());
    std::vector<std::pair<QString, LastRefresh>> out;
    Storage::Step rc{};
    while ((rc = st->step()) == Storage::Step::Row) {
        const QString symbol = st->columnText(0);
        if (!out.empty() && out.back().first == symbol)
            continue;
        LastRefresh r;
        r.source = st->columnText(1);
        r.at = QDateTime::fromMSecsSinceEpoch(st->columnInt64(2) / 1000, QTimeZone::utc());
        r.ok = st->columnInt64(3) != 0;
        r.message = st->columnText(4);
        out.emplace_back(symbol, std::move(r));
    }
    if (rc != Storage::Step::Done)
        return R::failure(db.lastError());
    return out;
}

Util::Result<std::vector<Bars::Span>> emptySpans(Storage::SqliteDatabase &db, const Model::Symbol &symbol,
                                                 const QString &source)
{
    using R = Util::Result<std::vector<Bars::Span>>;
    auto st = db.prepare("SELECT from_us, to_us FROM history_empty_spans WHERE symbol = ?1 AND source = ?2 "
                         "ORDER BY from_us");
    if (!st)
        return R::failure(st.error());
    st->bindText(1, symbol.view());
    const std::string sourceName = source.toStdString();
    st->bindText(2, sourceName);
    std::vector<Bars::Span> out;
    while (st->step() == Storage::Step::Row)
        out.push_back({st->columnInt64(0), st->columnInt64(1)});
    return out;
}

} // namespace History
