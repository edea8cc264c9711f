// SPDX-License-Identifier: MIT
#include "SymbolHistoryReader.h"

#include "BarRowCodec.h"
#include "BarStore.h"
#include "HistoryBars.h"
#include "LogRowCache.h"
#include "SignalIndex.h"
#include "SqliteDatabase.h"

#include <QLoggingCategory>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

struct SymbolHistoryReader::Impl
{
    std::unique_ptr<SqliteDatabase> db;
    Statement begin;
    Statement commit;
    Statement symbols;
    Statement symbolsByTime;
    Statement symbolId;
    Statement blocks;
    Statement lastSignal;
    std::unique_ptr<LogRowCache> logRows; ///< kept until the transaction ends

    bool inSnapshot = false;
    std::vector<BarRow> rows; ///< the symbol being read, in time order

    /// The kept bars of the zone keptZone (looked up again while it has none).
    QString keptZone;
    std::unique_ptr<Bars::Session> keptSession;
    std::unique_ptr<History::Reader> kept;
    History::Tracks tracks;
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
    // A symbol's signals are its entries in signals_by_symbol and those not moved there yet (SignalIndex.h).
    const QByteArray lastSignal =
        "SELECT s.side AS side, s.rule AS rule, x.ts_us AS ts_us, x.id AS id FROM signals_by_symbol x JOIN signals s "
        "ON s.id = x.id WHERE x.symbol = ?1 UNION ALL SELECT s.side, s.rule, s.ts_us, s.id FROM signals s NOT INDEXED "
        "WHERE "
        "s.symbol = ?1 AND " +
        SignalIndex::unindexedSql("s") + " ORDER BY ts_us DESC, id DESC LIMIT 1";
    // Every symbol with bars: a probe of the blocks each, and the logs' symbols gathered once.
    const bool ok =
        prepared("BEGIN", impl->begin) && prepared("COMMIT", impl->commit) &&
        prepared("SELECT id, name, 0 FROM symbols s WHERE EXISTS (SELECT 1 FROM bar_blocks WHERE symbol_id = s.id) "
                 "OR s.id IN (SELECT symbol_id FROM bars_log0 j, bar_rows(j.data) "
                 "UNION SELECT symbol_id FROM bars_log1 j, bar_rows(j.data))",
                 impl->symbols) &&
        // With the time of each one's newest record, its newest block's or its newest in the logs (a second more
        // a million log rows: only asked for when it decides something).
        prepared("SELECT s.id, s.name, max(coalesce((SELECT max(last_ts) FROM bar_blocks WHERE symbol_id = s.id), "
                 "-9223372036854775807 - 1), coalesce(l.latest, -9223372036854775807 - 1)) FROM symbols s "
                 "LEFT JOIN (SELECT symbol_id, max(ts_us) AS latest FROM (SELECT symbol_id, ts_us FROM bars_log0 j, "
                 "bar_rows(j.data) UNION ALL SELECT symbol_id, ts_us FROM bars_log1 j, bar_rows(j.data)) "
                 "GROUP BY symbol_id) l ON l.symbol_id = s.id "
                 "WHERE l.symbol_id IS NOT NULL OR EXISTS (SELECT 1 FROM bar_blocks WHERE symbol_id = s.id)",
                 impl->symbolsByTime) &&
        prepared("SELECT id FROM symbols WHERE name = ?1", impl->symbolId) &&
        // Newest first: blocks never overlap in time.
        prepared("SELECT first_ts, data FROM bar_blocks WHERE symbol_id = ?1 ORDER BY last_ts DESC, last_seq DESC",
                 impl->blocks) &&
        prepared(lastSignal.constData(), impl->lastSignal);
    if (!ok)
        return R::failure(u"cannot read history from %1: %2"_s.arg(databasePath, (*db)->lastError()));
    auto logRows = LogRowCache::open(**db);
    if (!logRows)
        return R::failure(u"cannot read history from %1: %2"_s.arg(databasePath, logRows.error()));
    impl->logRows = std::move(*logRows);
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
    d->logRows.reset();
    d->begin = {};
    d->commit = {};
    d->symbols = {};
    d->symbolsByTime = {};
    d->symbolId = {};
    d->blocks = {};
    d->lastSignal = {};
}

Util::Status SymbolHistoryReader::beginSnapshot()
{
    if (d->inSnapshot)
        return {};
    if (QString error = d->db->run(d->begin); !error.isEmpty())
        return Util::Status::failure(error);
    d->inSnapshot = true;
    d->logRows->setWholeBuckets(true); // symbols() comes in bucket order, and each is read
    return {};
}

void SymbolHistoryReader::endSnapshot()
{
    if (!d->inSnapshot)
        return;
    d->db->run(d->commit);
    d->inSnapshot = false;
    d->logRows->forget();
    d->logRows->setWholeBuckets(false);
}

QString SymbolHistoryReader::readLogRows(std::int64_t id, std::int64_t from)
{
    std::span<const BarRow> logged;
    if (QString error = d->logRows->rowsOf(id, logged); !error.isEmpty())
        return error;
    // In time order: those from `from` on.
    d->rows.insert(d->rows.end(), firstFrom(logged.begin(), logged.end(), from), logged.end());
    return {};
}

QString SymbolHistoryReader::readRows(std::int64_t id, std::size_t count)
{
    std::vector<BarRow> &rows = d->rows;
    rows.clear();
    // The newest blocks that hold `count` rows between them, then the log rows from the oldest one's start.
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    Step rc = Step::Done;
    d->blocks.bind(1, id);
    while (rows.size() < count && (rc = d->blocks.step()) == Step::Row) {
        from = d->blocks.columnInt64(0);
        const QByteArrayView value = d->blocks.columnBlob(1);
        BarRowCodec::Reader reader(value.data(), std::size_t(value.size()));
        const std::size_t first = rows.size();
        for (BarRow r; reader.next(r);)
            rows.push_back(r);
        if (reader.failed()) {
            d->blocks.reset();
            return u"a bar block of symbol id %1 is damaged"_s.arg(id);
        }
        // Newest block first, each in time order: reversed here, and the whole turned round below.
        std::reverse(rows.begin() + std::ptrdiff_t(first), rows.end());
    }
    d->blocks.reset();
    if (rc != Step::Row && rc != Step::Done)
        return d->db->lastError();
    std::reverse(rows.begin(), rows.end());
    if (rows.size() < count)
        from = std::numeric_limits<std::int64_t>::min();
    const std::size_t inBlocks = rows.size();
    if (QString error = readLogRows(id, from); !error.isEmpty())
        return error;
    if (rows.size() > inBlocks) // both parts in time order
        std::inplace_merge(rows.begin(), rows.begin() + std::ptrdiff_t(inBlocks), rows.end(), inTimeOrder);
    if (rows.size() > count)
        rows.erase(rows.begin(), rows.end() - std::ptrdiff_t(count));
    return {};
}

History::Reader *SymbolHistoryReader::keptReader(const Bars::Session &session)
{
    const QString zone = History::zoneKey(session);
    if (d->kept && zone == d->keptZone)
        return d->kept.get();
    d->kept.reset();
    d->keptZone = zone;
    d->keptSession = std::make_unique<Bars::Session>(session.zone());
    auto ids = History::timeframeIds(*d->db, zone, false);
    if (!ids || !*ids)
        return nullptr; // no kept bars in this zone: the records are all there is
    auto reader = History::Reader::open(*d->db, **ids, *d->keptSession);
    if (!reader) {
        qCWarning(lcStorage) << "cannot read kept bars:" << reader.error();
        return nullptr;
    }
    d->kept = std::move(*reader);
    d->kept->setLogRowCache(d->logRows.get());
    return d->kept.get();
}

std::optional<Bars::Bar> SymbolHistoryReader::readSession(std::int64_t id, const Bars::Session &session)
{
    static const int DayIndex = History::keptIndex(Bars::Timeframe::day());
    History::Reader *kept = keptReader(session);
    if (!kept)
        return std::nullopt;
    if (auto s = kept->read(id, std::size_t(DayIndex), d->tracks, d->rows); !s) {
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
        QString error = own ? d->db->run(d->begin) : QString();
        if (error.isEmpty())
            error = readRows(id, std::size_t(bars));
        if (error.isEmpty() && d->rows.size() == std::size_t(bars) &&
            session.dayOf(d->rows.back().timestamp).contains(d->rows.front().timestamp))
            history.session = readSession(id, session); // the day may hold more than was read
        if (own) {
            d->db->run(d->commit);
            d->logRows->forget();
        }
        if (!error.isEmpty()) {
            qCWarning(lcStorage) << "cannot read the history of" << symbol.toString() << ":" << error;
            d->rows.clear();
            history.session.reset();
        }
        history.bars.reserve(d->rows.size());
        for (const BarRow &r : d->rows) {
            history.bars.push_back(ArrivedTick::of(r).tick);
            history.bars.back().symbol = symbol;
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
    auto range = Storage::readBars(*d->db, query, session, keptReader(session));
    if (!d->inSnapshot)
        d->logRows->forget();
    if (range)
        return std::move(*range);
    qCWarning(lcStorage) << "cannot read the bars of" << query.symbol.toString() << ":" << range.error();
    return {};
}

std::vector<StoredSymbol> SymbolHistoryReader::symbols(bool withLatest)
{
    Statement &query = withLatest ? d->symbolsByTime : d->symbols;
    std::vector<std::pair<std::int64_t, StoredSymbol>> found;
    StoredSymbol stored;
    while (query.step() == Step::Row)
        if (Model::Symbol::fromString(query.columnText(1), stored.symbol)) {
            stored.latest = query.columnInt64(2);
            found.emplace_back(query.columnInt64(0), stored);
        }
    query.reset();
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return std::pair(BarStore::bucketOf(a.first), a.first) < std::pair(BarStore::bucketOf(b.first), b.first);
    });
    std::vector<StoredSymbol> out;
    out.reserve(found.size());
    for (auto &[id, symbol] : found)
        out.push_back(symbol);
    return out;
}

} // namespace Storage
