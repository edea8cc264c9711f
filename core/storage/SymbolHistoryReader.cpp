// SPDX-License-Identifier: MIT
#include "SymbolHistoryReader.h"

#include "BarRowCodec.h"
#include "BarStore.h"
#include "HistoryBars.h"
#include "SqliteDatabase.h"

#include <QLoggingCategory>

#include <algorithm>
#include <limits>
#include <unordered_map>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

struct SymbolHistoryReader::Impl
{
    std::unique_ptr<SqliteDatabase> db;
    Statement begin;
    Statement commit;
    Statement symbols;
    Statement symbolId;
    Statement blocks;
    std::array<Statement, 2> logBucket;
    Statement marks;
    Statement lastSignal;

    /// Each log's rows up to its mark are in blocks already.
    std::array<BarStore::Mark, 2> moved;
    bool inSnapshot = false;
    /// In a snapshot: the log rows of bucket cachedBucket not yet in blocks, by symbol id, in log order.
    std::int64_t cachedBucket = -1;
    std::unordered_map<std::int64_t, std::vector<BarRow>> bucketRows;
    std::vector<BarRow> rows; ///< the symbol being read, in time order

    /// The kept bars of the zone keptZone, for the session's daily bar; none when that zone has none.
    QString keptZone;
    bool keptLookedUp = false;
    std::unique_ptr<Bars::Session> keptSession;
    std::unique_ptr<History::Reader> kept;
    History::Tracks tracks;

    /// Calls `row` with each row of bucket `bucket` of both logs that is not in blocks yet.
    template<typename F>
    QString forEachLogRow(std::int64_t bucket, F &&row)
    {
        for (int log = 0; log < 2; ++log) {
            Statement &st = logBucket[std::size_t(log)];
            st.bind(1, bucket);
            Step rc{};
            while ((rc = st.step()) == Step::Row) {
                const QByteArrayView value = st.columnBlob(0);
                BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
                for (BarRow r; reader.next(r);)
                    if (moved[std::size_t(log)].before(r))
                        row(r);
                if (reader.failed()) {
                    st.reset();
                    return u"a value in bar log %1 is damaged"_s.arg(log);
                }
            }
            st.reset();
            if (rc != Step::Done)
                return db->lastError();
        }
        return {};
    }

    QString readMarks()
    {
        Step rc{};
        while ((rc = marks.step()) == Step::Row) {
            const std::int64_t log = marks.columnInt64(0);
            if (log == 0 || log == 1)
                moved[std::size_t(log)] = {marks.columnInt64(1), marks.columnInt64(2), marks.columnInt64(3),
                                           marks.columnInt64(4)};
        }
        marks.reset();
        return rc == Step::Done ? QString() : db->lastError();
    }

    bool run(Statement &st)
    {
        const bool ok = st.step() == Step::Done;
        st.reset();
        return ok;
    }
};

Util::Result<std::unique_ptr<SymbolHistoryReader>> SymbolHistoryReader::open(const QString &databasePath)
{
    using R = Util::Result<std::unique_ptr<SymbolHistoryReader>>;
    auto db = SqliteDatabase::open(databasePath, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    auto impl = std::make_unique<Impl>();
    const auto prepared = [&db](const char *sql, Statement &out) {
        auto st = (*db)->prepare(sql);
        if (st)
            out = std::move(*st);
        return bool(st);
    };
    // Every symbol with bars: a probe of the blocks each, and the logs' symbols gathered once.
    const bool ok =
        prepared("BEGIN", impl->begin) && prepared("COMMIT", impl->commit) &&
        prepared("SELECT id, name FROM symbols s WHERE EXISTS (SELECT 1 FROM bar_blocks WHERE symbol_id = s.id) "
                 "OR s.id IN (SELECT symbol_id FROM bars_log0 j, bar_rows(j.data) "
                 "UNION SELECT symbol_id FROM bars_log1 j, bar_rows(j.data))",
                 impl->symbols) &&
        prepared("SELECT id FROM symbols WHERE name = ?1", impl->symbolId) &&
        // Newest first: blocks never overlap in time.
        prepared("SELECT first_ts, data FROM bar_blocks WHERE symbol_id = ?1 ORDER BY last_ts DESC, last_seq DESC",
                 impl->blocks) &&
        prepared("SELECT data FROM bars_log0 WHERE bucket = ?1", impl->logBucket[0]) &&
        prepared("SELECT data FROM bars_log1 WHERE bucket = ?1", impl->logBucket[1]) &&
        prepared("SELECT log, merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs", impl->marks) &&
        prepared("SELECT side, rule, ts_us FROM signals WHERE symbol = ?1 ORDER BY ts_us DESC, id DESC LIMIT 1",
                 impl->lastSignal);
    if (!ok)
        return R::failure(u"cannot read history from %1: %2"_s.arg(databasePath, (*db)->lastError()));
    impl->db = std::move(*db);
    return std::unique_ptr<SymbolHistoryReader>(new SymbolHistoryReader(std::move(impl)));
}

SymbolHistoryReader::SymbolHistoryReader(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

SymbolHistoryReader::~SymbolHistoryReader()
{
    if (!d)
        return;
    if (d->inSnapshot)
        endSnapshot();
    // Statements before their connection.
    d->kept.reset();
    d->begin = {};
    d->commit = {};
    d->symbols = {};
    d->symbolId = {};
    d->blocks = {};
    d->logBucket = {};
    d->marks = {};
    d->lastSignal = {};
}

Util::Status SymbolHistoryReader::beginSnapshot()
{
    if (d->inSnapshot)
        return {};
    if (!d->run(d->begin))
        return Util::Status::failure(d->db->lastError());
    if (const QString error = d->readMarks(); !error.isEmpty()) {
        d->run(d->commit);
        return Util::Status::failure(error);
    }
    d->inSnapshot = true;
    d->cachedBucket = -1;
    return {};
}

void SymbolHistoryReader::endSnapshot()
{
    if (!d->inSnapshot)
        return;
    d->run(d->commit);
    d->inSnapshot = false;
    d->cachedBucket = -1;
    d->bucketRows.clear();
}

QString SymbolHistoryReader::readLogRows(std::int64_t id, std::int64_t from)
{
    const std::int64_t bucket = BarStore::bucketOf(id);
    if (!d->inSnapshot) {
        return d->forEachLogRow(bucket, [this, id, from](const BarRow &r) {
            if (r.symbolId == id && r.timestamp >= from)
                d->rows.push_back(r);
        });
    }
    if (d->cachedBucket != bucket) {
        d->bucketRows.clear();
        d->cachedBucket = -1;
        if (QString error =
                d->forEachLogRow(bucket, [this](const BarRow &r) { d->bucketRows[r.symbolId].push_back(r); });
            !error.isEmpty())
            return error;
        d->cachedBucket = bucket;
    }
    if (const auto it = d->bucketRows.find(id); it != d->bucketRows.end())
        std::copy_if(it->second.begin(), it->second.end(), std::back_inserter(d->rows),
                     [from](const BarRow &r) { return r.timestamp >= from; });
    return {};
}

QString SymbolHistoryReader::readRows(std::int64_t id, std::size_t count)
{
    d->rows.clear();
    // The newest blocks that hold `count` rows between them, then the log rows from the oldest one's start.
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    Step rc = Step::Done;
    d->blocks.bind(1, id);
    while (d->rows.size() < count && (rc = d->blocks.step()) == Step::Row) {
        from = d->blocks.columnInt64(0);
        const QByteArrayView value = d->blocks.columnBlob(1);
        BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
        for (BarRow r; reader.next(r);)
            d->rows.push_back(r);
        if (reader.failed()) {
            d->blocks.reset();
            return u"a bar block of symbol id %1 is damaged"_s.arg(id);
        }
    }
    d->blocks.reset();
    if (rc != Step::Row && rc != Step::Done)
        return d->db->lastError();
    if (d->rows.size() < count)
        from = std::numeric_limits<std::int64_t>::min();
    if (QString error = readLogRows(id, from); !error.isEmpty())
        return error;
    std::sort(d->rows.begin(), d->rows.end(), inTimeOrder);
    if (d->rows.size() > count)
        d->rows.erase(d->rows.begin(), d->rows.end() - std::ptrdiff_t(count));
    return {};
}

std::optional<Bars::Bar> SymbolHistoryReader::readSession(std::int64_t id, const Bars::Session &session)
{
    static const int DayIndex = History::keptIndex(Bars::Timeframe::day());
    const QString zone = History::zoneKey(session);
    if (!d->keptLookedUp || zone != d->keptZone) {
        d->kept.reset();
        d->keptZone = zone;
        d->keptLookedUp = true;
        d->keptSession = std::make_unique<Bars::Session>(session.zone());
        auto ids = History::timeframeIds(*d->db, zone, false);
        if (!ids || !*ids)
            return std::nullopt; // no kept bars in this zone: the records are all there is
        auto reader = History::Reader::open(*d->db, **ids, *d->keptSession);
        if (!reader) {
            qCWarning(lcStorage) << "cannot read kept bars:" << reader.error();
            return std::nullopt;
        }
        d->kept = std::move(*reader);
    }
    if (!d->kept)
        return std::nullopt;
    if (auto s = d->kept->read(id, std::size_t(DayIndex), d->tracks, d->rows); !s) {
        qCWarning(lcStorage) << "cannot read the session of symbol id" << id << ":" << s.error();
        return std::nullopt;
    }
    const History::Track &day = d->tracks[std::size_t(DayIndex)];
    const Bars::Span span = session.dayOf(d->rows.back().timestamp);
    if (!day.tracked || day.since > span.start || !day.forming || day.forming->openTime != span.start)
        return std::nullopt; // the kept bars begin during the day
    return day.forming;
}

SymbolHistory SymbolHistoryReader::read(const Model::Symbol &symbol, int bars, const Bars::Session &session)
{
    SymbolHistory history;
    d->symbolId.bindText(1, symbol.view());
    const bool known = d->symbolId.step() == Step::Row;
    const std::int64_t id = known ? d->symbolId.columnInt64(0) : 0;
    d->symbolId.reset();
    if (known && bars > 0) {
        // One read transaction, so that the blocks, the logs and their marks, and the kept bars agree.
        const bool own = !d->inSnapshot;
        QString error;
        if (own && !d->run(d->begin))
            error = d->db->lastError();
        if (error.isEmpty() && own)
            error = d->readMarks();
        if (error.isEmpty())
            error = readRows(id, std::size_t(bars));
        if (error.isEmpty() && d->rows.size() == std::size_t(bars) &&
            session.dayOf(d->rows.back().timestamp).contains(d->rows.front().timestamp))
            history.session = readSession(id, session); // the day may hold more than was read
        if (own)
            d->run(d->commit);
        if (!error.isEmpty()) {
            qCWarning(lcStorage) << "cannot read the history of" << symbol.toString() << ":" << error;
            d->rows.clear();
            history.session.reset();
        }
        Model::Tick bar;
        bar.symbol = symbol;
        history.bars.reserve(d->rows.size());
        for (const BarRow &r : d->rows) {
            bar.timestamp = r.timestamp;
            bar.open = r.open;
            bar.high = r.high;
            bar.low = r.low;
            bar.close = r.close;
            bar.volume = r.volume;
            history.bars.push_back(bar);
        }
    }
    d->lastSignal.bindText(1, symbol.view());
    if (d->lastSignal.step() == Step::Row) {
        Model::TradeSignal signal;
        signal.symbol = symbol;
        signal.side = Model::sideFromName(d->lastSignal.columnText(0));
        signal.setRuleName(d->lastSignal.columnText(1), false);
        signal.timestamp = d->lastSignal.columnInt64(2);
        history.lastSignal = std::move(signal);
    }
    d->lastSignal.reset();
    return history;
}

BarRange SymbolHistoryReader::readBars(const BarQuery &query, const Bars::Session &session)
{
    auto range = Storage::readBars(*d->db, query, session);
    if (range)
        return std::move(*range);
    qCWarning(lcStorage) << "cannot read the bars of" << query.symbol.toString() << ":" << range.error();
    return {};
}

std::vector<Model::Symbol> SymbolHistoryReader::symbols()
{
    std::vector<std::pair<std::int64_t, Model::Symbol>> found;
    Model::Symbol symbol;
    while (d->symbols.step() == Step::Row)
        if (Model::Symbol::fromString(d->symbols.columnText(1), symbol))
            found.emplace_back(d->symbols.columnInt64(0), symbol);
    d->symbols.reset();
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return std::pair(BarStore::bucketOf(a.first), a.first) < std::pair(BarStore::bucketOf(b.first), b.first);
    });
    std::vector<Model::Symbol> out;
    out.reserve(found.size());
    for (auto &[id, name] : found)
        out.push_back(name);
    return out;
}

} // namespace Storage
