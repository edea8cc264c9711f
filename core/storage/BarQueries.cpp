// SPDX-License-Identifier: MIT
#include "BarQueries.h"

#include "BarStore.h"
#include "HistoryBars.h"
#include "SqliteDatabase.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage {

namespace {

using Arrived = ArrivedTick;

/// The symbol's records with times in [from, to], in the order they arrived.
Util::Status readArrivals(SqliteDatabase &db, std::int64_t symbolId, const Model::Symbol &symbol,
                          Model::TimestampUs from, Model::TimestampUs to, std::vector<Arrived> &out)
{
    const QByteArray sql = BarStore::symbolRowsSql(BarStore::ArrivalColumns, "ts_us >= ?2 AND ts_us <= ?3", 4, {2, 3});
    auto st = db.prepare(sql.constData());
    if (!st)
        return Util::Status::failure(st.error());
    st->bind(1, symbolId);
    st->bind(2, std::int64_t(from));
    st->bind(3, std::int64_t(to));
    st->bind(4, BarStore::bucketOf(symbolId));
    if (const QString error = BarStore::readArrivals(*st, db, symbol, out); !error.isEmpty())
        return Util::Status::failure(u"reading the database failed: %1"_s.arg(error));
    return {};
}

/// Builds the bars of [from, to] into `range`; bars opening after `to` (records of their bar before it) are
/// left out.
void build(const BarQuery &query, const Bars::Session &session, const std::vector<Arrived> &records,
           Model::TimestampUs from, BarRange &range)
{
    range = {};
    Bars::BarBuilder builder(query.timeframe, session);
    for (const Arrived &a : records)
        range.newestRecordUs = std::max(range.newestRecordUs, a.tick.timestamp);
    for (const Arrived &a : records)
        if (auto closed = builder.add(a.tick).closed; closed && closed->openTime >= from)
            range.bars.push_back(*closed);
    if (builder.forming() && builder.forming()->openTime >= from) {
        range.bars.push_back(*builder.forming());
        range.lastForming = true;
    }
}

/// The bars of `query` built from the stored records.
Util::Result<BarRange> readFromRecords(SqliteDatabase &db, std::int64_t id, const BarQuery &query,
                                       const Bars::Session &session)
{
    using R = Util::Result<BarRange>;
    const bool timed = query.timeframe.isTime();
    const Model::TimestampUs from =
        timed && query.fromUs > 0 ? session.barOf(query.timeframe, query.fromUs).start : query.fromUs;
    // Records of the bar that holds `to` belong to it, up to its end.
    const Model::TimestampUs to = timed && query.toUs < std::numeric_limits<Model::TimestampUs>::max()
                                      ? session.barOf(query.timeframe, query.toUs).end - 1
                                      : query.toUs;
    std::vector<Arrived> records;
    BarRange range;
    if (query.limit <= 0) {
        if (auto s = readArrivals(db, id, query.symbol, from, to, records); !s)
            return R::failure(s.error());
        build(query, session, records, from, range);
        return range;
    }

    // The newest `limit` bars: a window back from the newest record, doubled until it holds enough bars or
    // reaches `from` or the oldest record.
    Model::TimestampUs ends[2] = {};
    for (int i = 0; i < 2; ++i) {
        auto end = db.prepare(
            BarStore::symbolTimeSql(i == 0 ? "min" : "max", "ts_us >= ?2 AND ts_us <= ?3", 4, {2, 3}).constData());
        if (!end)
            return R::failure(end.error());
        end->bind(1, id);
        end->bind(2, std::int64_t(from));
        end->bind(3, std::int64_t(to));
        end->bind(4, BarStore::bucketOf(id));
        if (end->step() != Step::Row || end->columnIsNull(0))
            return BarRange{};
        ends[i] = end->columnInt64(0);
    }
    const Model::TimestampUs oldest = ends[0];
    const Model::TimestampUs newest = ends[1];
    const std::int64_t unit = query.timeframe.kind() == Bars::Timeframe::Kind::Seconds ? query.timeframe.size()
                              : query.timeframe.kind() == Bars::Timeframe::Kind::Day   ? 86'400
                              : query.timeframe.kind() == Bars::Timeframe::Kind::Week  ? 7 * 86'400
                                                                                       : 60;
    std::int64_t window = std::max<std::int64_t>(1, unit * 1'000'000 * std::min<qint64>(query.limit, 1'000'000));
    for (;;) {
        Model::TimestampUs start = std::max(from, newest > from + window ? newest - window : from);
        if (timed)
            start = std::max(from, session.barOf(query.timeframe, start).start);
        if (auto s = readArrivals(db, id, query.symbol, start, to, records); !s)
            return R::failure(s.error());
        build(query, session, records, start, range);
        if (qint64(range.bars.size()) >= query.limit || start <= oldest || start <= from)
            break;
        window *= 2;
    }
    if (qint64(range.bars.size()) > query.limit)
        range.bars.erase(range.bars.begin(), range.bars.end() - query.limit);
    return range;
}

/// The newest record's time at or before `to`; 0 when there is none.
Util::Result<Model::TimestampUs> newestRecord(SqliteDatabase &db, std::int64_t id, Model::TimestampUs to)
{
    using R = Util::Result<Model::TimestampUs>;
    static const QByteArray sql = BarStore::symbolTimeSql("max", "ts_us <= ?2", 3, {0, 2});
    Statement *st = db.cached(sql.constData());
    if (!st)
        return R::failure(db.lastError());
    st->bind(1, id);
    st->bind(2, std::int64_t(to));
    st->bind(3, BarStore::bucketOf(id));
    if (st->step() != Step::Row) {
        const QString error = db.lastError();
        st->reset();
        return R::failure(error);
    }
    const Model::TimestampUs newest = st->columnIsNull(0) ? 0 : st->columnInt64(0);
    st->reset();
    return newest;
}

/// The bars of `query` from the kept bars where they are kept, and from the records before that; nullopt
/// when the symbol's bars of this time frame are not kept.
Util::Result<std::optional<BarRange>> readKept(SqliteDatabase &db, std::int64_t id, std::size_t index,
                                               const BarQuery &query, const Bars::Session &session,
                                               History::Reader &reader)
{
    using R = Util::Result<std::optional<BarRange>>;
    History::Tracks tracks;
    if (auto s = reader.read(id, index, tracks); !s)
        return R::failure(s.error());
    const History::Track &track = tracks[index];
    if (!track.tracked)
        return std::optional<BarRange>();

    const Model::TimestampUs from =
        query.fromUs > 0 ? session.barOf(query.timeframe, query.fromUs).start : query.fromUs;
    BarRange range;
    if (query.toUs >= track.since) {
        if (auto s = reader.closed(id, index, std::max(from, track.since), query.toUs, query.limit, range.bars); !s)
            return R::failure(s.error());
        if (track.forming && track.forming->openTime >= from && track.forming->openTime <= query.toUs) {
            range.bars.push_back(*track.forming);
            range.lastForming = true;
        }
        if (query.limit > 0 && qint64(range.bars.size()) > query.limit)
            range.bars.erase(range.bars.begin(), range.bars.end() - query.limit);
    }
    if (from < track.since && (query.limit <= 0 || qint64(range.bars.size()) < query.limit)) {
        // Before the kept bars begin: the records are all there is.
        BarQuery older = query;
        older.toUs = std::min(query.toUs, track.since - 1);
        older.limit = query.limit > 0 ? query.limit - qint64(range.bars.size()) : 0;
        auto built = readFromRecords(db, id, older, session);
        if (!built)
            return R::failure(built.error());
        std::erase_if(built->bars, [&](const Bars::Bar &bar) { return bar.openTime >= track.since; });
        if (range.bars.empty())
            range.lastForming = built->lastForming;
        range.bars.insert(range.bars.begin(), built->bars.begin(), built->bars.end());
    }
    auto newest = newestRecord(db, id, query.toUs);
    if (!newest)
        return R::failure(newest.error());
    range.newestRecordUs = *newest;
    return std::optional<BarRange>(std::move(range));
}

} // namespace

namespace {

/// The stretches without records filled, when asked for, keeping the newest `limit`.
BarRange filled(BarRange range, const BarQuery &query, const Bars::Session &session)
{
    if (!query.fillGaps || !query.timeframe.isTime())
        return range;
    range.bars = Bars::fillGaps(range.bars, query.timeframe, session);
    if (query.limit > 0 && qint64(range.bars.size()) > query.limit)
        range.bars.erase(range.bars.begin(), range.bars.end() - query.limit);
    return range;
}

} // namespace

Util::Result<BarRange> readBars(SqliteDatabase &db, const BarQuery &query, const Bars::Session &session)
{
    if (History::keptIndex(query.timeframe) < 0)
        return readBars(db, query, session, nullptr);
    auto ids = History::timeframeIds(db, History::zoneKey(session), false);
    if (!ids)
        return Util::Result<BarRange>::failure(ids.error());
    if (!*ids)
        return readBars(db, query, session, nullptr);
    auto reader = History::Reader::open(db, **ids, session);
    if (!reader)
        return Util::Result<BarRange>::failure(reader.error());
    return readBars(db, query, session, reader->get());
}

Util::Result<BarRange> readBars(SqliteDatabase &db, const BarQuery &query, const Bars::Session &session,
                                History::Reader *kept)
{
    using R = Util::Result<BarRange>;
    Statement *find = db.cached("SELECT id FROM symbols WHERE name = ?1");
    if (!find)
        return R::failure(db.lastError());
    find->bindText(1, query.symbol.view());
    const bool known = find->step() == Step::Row;
    const std::int64_t id = known ? find->columnInt64(0) : 0;
    find->reset();
    if (!known)
        return BarRange{};
    if (const int index = History::keptIndex(query.timeframe); index >= 0 && kept) {
        // One read transaction, so that the kept bars and the records after them agree.
        Statement *begin = db.cached("SAVEPOINT kept_bars");
        Statement *end = db.cached("RELEASE kept_bars");
        if (!begin || !end)
            return R::failure(db.lastError());
        if (QString error = db.run(*begin); !error.isEmpty())
            return R::failure(error);
        auto range = readKept(db, id, std::size_t(index), query, session, *kept);
        db.run(*end);
        if (!range)
            return R::failure(range.error());
        if (*range)
            return filled(std::move(**range), query, session);
    }
    auto built = readFromRecords(db, id, query, session);
    if (!built)
        return built;
    return filled(std::move(*built), query, session);
}

} // namespace Storage
