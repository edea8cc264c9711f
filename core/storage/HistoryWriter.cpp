// SPDX-License-Identifier: MIT
#include "HistoryWriter.h"

#include "BarStore.h"
#include "util/Prefetch.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage {

using History::kept;
using History::KeptCount;

struct alignas(64) HistoryWriter::SymbolState
{
    /// Every longer forming bar holds the forming minute and none deviates: a record of the minute would join
    /// each builder the same way, so it is only added to `owed`, which all of them take (settle()) before
    /// anything else changes or reads them. At thousands of symbols the builders are out of the caches; such a
    /// record then reads the fields before `builders` (128 bytes, two lines from the line the state begins,
    /// fetched ahead by prefetch()), one allocation, and none of the eight builders.
    bool nested = false;
    /// The forming bar is not the sum of the shorter time frame's bars: a record too late for that one
    /// joined it. It is then stored as it is (history_forming).
    std::array<bool, KeptCount> deviating{};
    std::array<bool, KeptCount> formingStored{}; ///< a history_forming row is there
    Model::TimestampUs minuteOpen = 0;           ///< while nested: where the forming minute begins
    Model::TimestampUs minuteEnd = 0;            ///< and where it ends
    std::uint64_t stamp = 0;
    /// Where its kept bars begin: older records wait for the backfill.
    Model::TimestampUs since = std::numeric_limits<Model::TimestampUs>::max();
    Bars::Bar owed; ///< high, low, close, volume and records of what the forming bars still have to take
    std::vector<Bars::BarBuilder> builders; ///< kept() order
};

namespace {

void owe(Bars::Bar &owed, const Model::Tick &tick)
{
    if (owed.records == 0) {
        owed.high = tick.high;
        owed.low = tick.low;
    } else {
        owed.high = owed.high < tick.high ? tick.high : owed.high;
        owed.low = owed.low > tick.low ? tick.low : owed.low;
    }
    owed.close = tick.close;
    owed.volume += tick.volume;
    ++owed.records;
}

} // namespace

void HistoryWriter::settle(SymbolState &state)
{
    if (state.owed.records == 0)
        return;
    for (Bars::BarBuilder &builder : state.builders)
        builder.joinSummed(state.owed);
    state.owed = {};
}

bool HistoryWriter::nested(const SymbolState &state)
{
    const auto &minute = state.builders[0].forming();
    if (!minute)
        return false;
    for (std::size_t i = 1; i < KeptCount; ++i) {
        // Only time bars (all kept ones are) take records by their span alone.
        const auto &longer = state.builders[i].forming();
        if (state.deviating[i] || !state.builders[i].timeframe().isTime() || !longer ||
            longer->openTime > minute->openTime || longer->endTime < minute->endTime)
            return false;
    }
    return true;
}

HistoryWriter::HistoryWriter(SqliteDatabase &db, const QString &zone, const History::TimeframeIds &ids,
                             std::size_t maxSymbols)
    : m_db(db)
    , m_maxSymbols(std::max<std::size_t>(2, maxSymbols))
    , m_session(Bars::sessionZone(zone))
    , m_zone(History::zoneKey(m_session))
    , m_ids(ids)
{}

HistoryWriter::~HistoryWriter() = default;

Util::Result<std::unique_ptr<HistoryWriter>> HistoryWriter::open(SqliteDatabase &db, const QString &sessionTimeZone,
                                                                 std::size_t maxSymbols)
{
    using R = Util::Result<std::unique_ptr<HistoryWriter>>;
    const QString zone = sessionTimeZone.isEmpty() ? u"UTC"_s : sessionTimeZone;
    auto named = Bars::timeZoneNamed(zone);
    if (!named)
        return R::failure(named.error());
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s)
        return R::failure(s.error());
    auto ids = History::timeframeIds(db, History::zoneKey(Bars::Session(*named)), true);
    if (!ids || !*ids || !db.exec("COMMIT")) {
        db.exec("ROLLBACK");
        return R::failure(u"cannot set up kept bars: %1"_s.arg(ids ? db.lastError() : ids.error()));
    }
    std::unique_ptr<HistoryWriter> writer(new HistoryWriter(db, zone, **ids, maxSymbols));
    if (auto s = writer->prepare(); !s)
        return R::failure(u"cannot set up kept bars: %1"_s.arg(s.error()));
    return writer;
}

Util::Status HistoryWriter::prepare()
{
    auto logRows = LogRowCache::open(m_db);
    if (!logRows)
        return Util::Status::failure(logRows.error());
    m_logRows = std::move(*logRows);
    auto reader = History::Reader::open(m_db, m_ids, m_session);
    if (!reader)
        return Util::Status::failure(reader.error());
    m_reader = std::move(*reader);
    m_reader->setLogRowCache(m_logRows.get());
    const auto prepared = [this](const QByteArray &sql, Statement &out) {
        auto st = m_db.prepare(sql.constData());
        if (st)
            out = std::move(*st);
        return bool(st);
    };
    const QByteArray barColumns = "(symbol_id, timeframe_id, open_us, end_us, open, high, low, close, volume, records) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    // A new symbol's tracks in one statement: at tens of thousands of new symbols a statement a track was a
    // fifth of the writer's time.
    QByteArray startTracks = "INSERT OR REPLACE INTO history_tracks(symbol_id, timeframe_id, since_us) VALUES ";
    for (std::size_t i = 0; i < KeptCount; ++i)
        startTracks +=
            (i ? ", (?1, ?" : "(?1, ?") + QByteArray::number(2 + 2 * i) + ", ?" + QByteArray::number(3 + 2 * i) + ')';
    const bool ok =
        prepared("INSERT OR REPLACE INTO history_tracks(symbol_id, timeframe_id, since_us) VALUES (?1, ?2, ?3)",
                 m_addTrack) &&
        prepared(startTracks, m_startTracks) &&
        prepared("UPDATE history_tracks SET since_us = ?3 WHERE symbol_id = ?1 AND timeframe_id = ?2", m_setSince) &&
        prepared("INSERT OR REPLACE INTO history_bars" + barColumns, m_addBar) &&
        prepared("INSERT OR REPLACE INTO history_forming" + barColumns, m_setForming) &&
        prepared("DELETE FROM history_forming WHERE symbol_id = ?1 AND timeframe_id = ?2", m_clearForming) &&
        prepared("SELECT id FROM symbols WHERE id >= ?1 ORDER BY id LIMIT 1", m_nextSymbol) &&
        prepared("SELECT min(x) FROM (" + BarBlocks::timeSql("min", "ts_us < ?3", {0, 3}) + ')', m_oldest) &&
        prepared("SELECT max(x) FROM (" + BarBlocks::timeSql("max", "ts_us < ?3", {0, 3}) + ')', m_newest) &&
        prepared(BarStore::symbolRowsSql(BarStore::ArrivalColumns, "ts_us >= ?3 AND ts_us < ?4", 2, {3, 4}), m_day) &&
        prepared(
            "DELETE FROM history_bars WHERE symbol_id = ?1 AND timeframe_id = ?2 AND open_us >= ?3 AND open_us < ?4",
            m_dropBars);
    if (!ok)
        return Util::Status::failure(m_db.lastError());
    return {};
}

QString HistoryWriter::startTracks(std::int64_t symbolId, Model::TimestampUs firstTime, SymbolState &state)
{
    m_startTracks.bind(1, symbolId);
    for (std::size_t i = 0; i < KeptCount; ++i) {
        Bars::Bar edge;
        edge.openTime = edge.endTime = m_session.barOf(kept()[i], firstTime).start;
        m_startTracks.bind(int(2 + 2 * i), m_ids[i]);
        m_startTracks.bind(int(3 + 2 * i), std::int64_t(edge.openTime));
        state.builders[i].resume(edge, false);
        state.since = std::min(state.since, edge.openTime);
    }
    return m_db.run(m_startTracks);
}

QString HistoryWriter::stateOf(std::int64_t symbolId, bool newSymbol, Model::TimestampUs firstTime, SymbolState *&out)
{
    if (SymbolState *known = m_symbols.find(symbolId)) {
        out = known;
        return {};
    }
    auto state = std::make_unique<SymbolState>();
    state->builders.reserve(KeptCount);
    for (const Bars::Timeframe &timeframe : kept())
        state->builders.emplace_back(timeframe, m_session);
    if (newSymbol) {
        if (QString error = startTracks(symbolId, firstTime, *state); !error.isEmpty())
            return error;
    } else {
        if (auto s = m_reader->read(symbolId, KeptCount - 1, m_tracks); !s)
            return s.error();
        if (!std::all_of(m_tracks.begin(), m_tracks.end(), [](const History::Track &t) { return t.tracked; })) {
            // Stored before its bars were kept: they begin with its newest bar of each time frame, the
            // rest of that day is brought in now, older days by the backfill.
            bool done = false, changed = false;
            if (QString error = backfillSymbol(symbolId, done, changed); !error.isEmpty())
                return error;
            if (!done)
                m_backfillFrom = m_backfillFrom < 0 ? symbolId : std::min(m_backfillFrom, symbolId);
            if (auto s = m_reader->read(symbolId, KeptCount - 1, m_tracks); !s)
                return s.error();
        }
        for (std::size_t i = 0; i < KeptCount; ++i) {
            const History::Track &track = m_tracks[i];
            state->since = std::min(state->since, track.since);
            state->deviating[i] = state->formingStored[i] = track.formingStored;
            if (track.forming) {
                state->builders[i].resume(*track.forming, true);
            } else {
                Bars::Bar edge = track.last.value_or(Bars::Bar{});
                edge.endTime = track.next();
                state->builders[i].resume(edge, false);
            }
        }
    }
    out = &m_symbols.insert(symbolId, std::move(state));
    return {};
}

QString HistoryWriter::loadStates(const std::vector<SymbolRun> &runs, const Model::Tick *const *ticks)
{
    m_toLoad.clear();
    for (const SymbolRun &run : runs)
        if (!run.newSymbol && run.first != run.end && !m_symbols.find(run.symbolId))
            m_toLoad.emplace_back(run.symbolId, ticks[run.first]->timestamp);
    std::sort(m_toLoad.begin(), m_toLoad.end(), [](const auto &a, const auto &b) {
        return std::pair(BarStore::bucketOf(a.first), a.first) < std::pair(BarStore::bucketOf(b.first), b.first);
    });
    SymbolState *state = nullptr;
    for (const auto &[id, firstTime] : m_toLoad)
        if (QString error = stateOf(id, false, firstTime, state); !error.isEmpty())
            return error;
    return {};
}

void HistoryWriter::prefetch(std::int64_t symbolId) const noexcept
{
    if (const SymbolState *state = m_symbols.find(symbolId))
        Util::prefetchLines(state, 2); // the fields before `builders`, from the line the state begins
}

QString HistoryWriter::add(std::int64_t symbolId, bool newSymbol, const Model::Tick *const *first,
                           const Model::Tick *const *end)
{
    if (first == end)
        return {};
    SymbolState *state = nullptr;
    if (QString error = stateOf(symbolId, newSymbol, (*first)->timestamp, state); !error.isEmpty())
        return error;
    state->stamp = ++m_stamp;
    for (const Model::Tick *const *t = first; t != end; ++t) {
        const Model::Tick &tick = **t;
        if (tick.timestamp < state->since && m_backfillFrom != symbolId)
            m_backfillFrom = m_backfillFrom < 0 ? symbolId : std::min(m_backfillFrom, symbolId);
        if (state->nested && tick.timestamp >= state->minuteOpen && tick.timestamp < state->minuteEnd) {
            owe(state->owed, tick);
            continue;
        }
        settle(*state);
        bool lateBelow = false;
        for (std::size_t i = 0; i < KeptCount; ++i) {
            Bars::BarBuilder &builder = state->builders[i];
            if (builder.joinForming(tick)) {
                state->deviating[i] = state->deviating[i] || lateBelow;
                lateBelow = false;
                continue;
            }
            const Bars::BarBuilder::Step step = builder.add(tick);
            if (step.closed) {
                if (QString error = keepBar(symbolId, i, *step.closed); !error.isEmpty())
                    return error;
                state->deviating[i] = false;
            }
            if (step.outcome == Bars::BarBuilder::Outcome::Late) {
                lateBelow = true;
            } else {
                state->deviating[i] = state->deviating[i] || lateBelow;
                lateBelow = false;
            }
        }
        state->nested = nested(*state);
        if (state->nested) {
            state->minuteOpen = state->builders[0].forming()->openTime;
            state->minuteEnd = state->builders[0].forming()->endTime;
        }
    }
    return storeForming(symbolId, *state);
}

QString HistoryWriter::refill(std::int64_t symbolId, bool newSymbol, const Model::Tick *const *first,
                              const Model::Tick *const *end)
{
    if (first == end)
        return {};
    if (newSymbol)
        return add(symbolId, true, first, end); // nothing stored before them: they arrive in time
    Model::TimestampUs from = std::numeric_limits<Model::TimestampUs>::max();
    Model::TimestampUs to = std::numeric_limits<Model::TimestampUs>::min();
    for (const Model::Tick *const *t = first; t != end; ++t) {
        from = std::min(from, (*t)->timestamp);
        to = std::max(to, (*t)->timestamp);
    }
    m_symbols.erase(symbolId); // its builders are read again from what this leaves
    if (auto s = m_reader->read(symbolId, KeptCount - 1, m_tracks); !s)
        return s.error();
    const Model::TimestampUs newest = newestRecord(symbolId);
    bool older = false;
    for (std::size_t i = 0; i < KeptCount; ++i) {
        older = older || !m_tracks[i].tracked || from < m_tracks[i].since;
        if (m_tracks[i].tracked)
            if (QString error = rebuild(symbolId, i, from, to, newest); !error.isEmpty())
                return error;
    }
    if (older)
        m_backfillFrom = m_backfillFrom < 0 ? symbolId : std::min(m_backfillFrom, symbolId);
    return {};
}

QString HistoryWriter::recordSpan(std::int64_t symbolId, Model::TimestampUs before, Model::TimestampUs &oldest,
                                  Model::TimestampUs &newest)
{
    oldest = std::numeric_limits<Model::TimestampUs>::max();
    newest = std::numeric_limits<Model::TimestampUs>::min();
    for (Statement *st : {&m_oldest, &m_newest}) {
        st->bind(1, symbolId);
        st->bind(3, std::int64_t(before));
        const Step rc = st->step();
        if (rc == Step::Row && !st->columnIsNull(0))
            (st == &m_oldest ? oldest : newest) = st->columnInt64(0);
        st->reset();
        if (rc != Step::Row)
            return m_db.lastError();
    }
    std::span<const BarRow> logged;
    if (QString error = m_logRows->rowsOf(symbolId, logged); !error.isEmpty())
        return error;
    // In time order: the first, and the last before `before`.
    const auto end = firstFrom(logged.begin(), logged.end(), before);
    if (end != logged.begin()) {
        oldest = std::min(oldest, logged.front().timestamp);
        newest = std::max(newest, std::prev(end)->timestamp);
    }
    return {};
}

Model::TimestampUs HistoryWriter::newestRecord(std::int64_t symbolId)
{
    Model::TimestampUs oldest = 0, newest = 0;
    if (!recordSpan(symbolId, std::numeric_limits<Model::TimestampUs>::max(), oldest, newest).isEmpty() ||
        newest < oldest)
        return std::numeric_limits<Model::TimestampUs>::max();
    return newest;
}

Model::TimestampUs HistoryWriter::closedUntil(std::size_t index, Model::TimestampUs newest) const
{
    // The bar of the newest record may still take records, and so may the forming bar; the bars kept so far
    // are closed in any case.
    const History::Track &track = m_tracks[index];
    Model::TimestampUs edge = newest == std::numeric_limits<Model::TimestampUs>::max()
                                  ? newest
                                  : m_session.barOf(kept()[index], newest).start;
    if (track.forming)
        edge = std::min(edge, track.forming->openTime);
    return std::max(edge, track.next());
}

QString HistoryWriter::rebuild(std::int64_t symbolId, std::size_t index, Model::TimestampUs from, Model::TimestampUs to,
                               Model::TimestampUs newest)
{
    const Bars::Timeframe &timeframe = kept()[index];
    History::Track &track = m_tracks[index];
    // Closed bars only: those of the track from its start up to its forming bar, which readers work out
    // from the shorter time frame (a stored forming bar is dropped for that).
    const Model::TimestampUs start = std::max(track.since, m_session.barOf(timeframe, from).start);
    const Model::TimestampUs stop = std::min(closedUntil(index, newest), m_session.barOf(timeframe, to).end);
    if (track.formingStored && track.forming && track.forming->endTime > from && track.forming->openTime <= to) {
        m_clearForming.bind(1, symbolId);
        m_clearForming.bind(2, m_ids[index]);
        if (QString error = m_db.run(m_clearForming); !error.isEmpty())
            return error;
        track.formingStored = false;
    }
    if (start >= stop)
        return {};
    std::vector<Bars::Bar> bars;
    if (index == 0) {
        std::vector<ArrivedTick> records;
        m_day.bind(1, symbolId);
        m_day.bind(2, BarStore::bucketOf(symbolId));
        m_day.bind(3, std::int64_t(start));
        m_day.bind(4, std::int64_t(stop));
        if (QString error = BarStore::readArrivals(m_day, m_db, {}, records); !error.isEmpty())
            return error;
        Bars::BarBuilder builder(timeframe, m_session);
        for (const ArrivedTick &a : records)
            if (auto closed = builder.add(a.tick).closed)
                bars.push_back(*closed);
        if (builder.forming())
            bars.push_back(*builder.forming());
    } else {
        // Whole bars of the shorter time frame, from where they are all kept.
        const History::Track &lower = m_tracks[index - 1];
        const Model::TimestampUs lowerClosed = closedUntil(index - 1, newest);
        std::vector<Bars::Bar> shorter;
        if (auto s = m_reader->closed(symbolId, index - 1, start, stop - 1, 0, shorter); !s)
            return s.error();
        std::vector<Bars::Bar> group;
        const auto flush = [&] {
            if (!group.empty() && group.front().openTime >= lower.since)
                if (const Bars::Span span = m_session.barOf(timeframe, group.front().openTime);
                    span.start >= lower.since && span.end <= lowerClosed)
                    if (auto sum = History::sumOf(timeframe, m_session, group))
                        bars.push_back(*sum);
            group.clear();
        };
        for (const Bars::Bar &bar : shorter) {
            if (!group.empty() && m_session.barOf(timeframe, bar.openTime).start !=
                                      m_session.barOf(timeframe, group.front().openTime).start)
                flush();
            group.push_back(bar);
        }
        flush();
    }
    std::erase_if(bars, [&](const Bars::Bar &bar) { return bar.openTime < start || bar.endTime > stop; });
    if (bars.empty())
        return {};
    // Only the bars built again go: a bar of the span the records no longer make (none do) stays.
    m_dropBars.bind(1, symbolId);
    m_dropBars.bind(2, m_ids[index]);
    m_dropBars.bind(3, std::int64_t(bars.front().openTime));
    m_dropBars.bind(4, std::int64_t(bars.back().openTime + 1));
    if (QString error = m_db.run(m_dropBars); !error.isEmpty())
        return error;
    for (const Bars::Bar &bar : bars)
        if (QString error = keepBar(symbolId, index, bar); !error.isEmpty())
            return error;
    return {};
}

Util::Result<bool> HistoryWriter::correct(std::int64_t symbolId, std::size_t index, const Bars::Bar &bar)
{
    using R = Util::Result<bool>;
    if (auto s = m_reader->read(symbolId, KeptCount - 1, m_tracks); !s)
        return R::failure(s.error());
    const History::Track &track = m_tracks[index];
    std::vector<Bars::Bar> existing;
    if (track.tracked && bar.openTime >= track.since)
        if (auto s = m_reader->closed(symbolId, index, bar.openTime, bar.openTime, 0, existing); !s)
            return R::failure(s.error());
    if (existing.empty())
        return false;
    Bars::Bar replaced = bar;
    replaced.endTime = existing.front().endTime;
    if (QString error = keepBar(symbolId, index, replaced); !error.isEmpty())
        return R::failure(error);
    m_symbols.erase(symbolId);
    const Model::TimestampUs newest = newestRecord(symbolId);
    for (std::size_t i = index + 1; i < KeptCount; ++i)
        if (m_tracks[i].tracked)
            if (QString error = rebuild(symbolId, i, bar.openTime, bar.openTime, newest); !error.isEmpty())
                return R::failure(error);
    return true;
}

QString HistoryWriter::storeForming(std::int64_t symbolId, SymbolState &state)
{
    if (state.deviating[0]) // a minute stored as it is holds what it owes (a longer one deviating owes nothing)
        settle(state);
    for (std::size_t i = 0; i < KeptCount; ++i) {
        // The builder is read only when its bar deviates: at thousands of symbols it is out of the caches.
        if (const auto *forming = state.deviating[i] ? &state.builders[i].forming() : nullptr; forming && *forming) {
            m_setForming.bind(1, symbolId);
            m_setForming.bind(2, m_ids[i]);
            History::bindBar(m_setForming, 3, **forming);
            if (QString error = m_db.run(m_setForming); !error.isEmpty())
                return error;
            state.formingStored[i] = true;
        } else if (state.formingStored[i]) {
            m_clearForming.bind(1, symbolId);
            m_clearForming.bind(2, m_ids[i]);
            if (QString error = m_db.run(m_clearForming); !error.isEmpty())
                return error;
            state.formingStored[i] = false;
        }
    }
    return {};
}

void HistoryWriter::committed()
{
    m_logRows->forget();
    m_backfillCommitted = m_backfillFrom;
    m_barsCommitted = m_barsWritten;
    if (m_symbols.size() <= m_maxSymbols)
        return;
    // Set the older half aside; they come back from the database when stored again.
    std::vector<std::uint64_t> stamps;
    stamps.reserve(m_symbols.size());
    m_symbols.forEach([&stamps](const SymbolState &state) { stamps.push_back(state.stamp); });
    const auto middle = stamps.begin() + std::ptrdiff_t(stamps.size() / 2);
    std::nth_element(stamps.begin(), middle, stamps.end());
    const std::uint64_t cut = *middle;
    m_symbols.eraseIf([cut](const SymbolState &state) { return state.stamp < cut; });
}

void HistoryWriter::rolledBack()
{
    m_logRows->forget();
    m_symbols.clear();
    m_backfillFrom = m_backfillCommitted;
    m_barsWritten = m_barsCommitted;
}

QString HistoryWriter::backfill()
{
    // A step goes on through the symbols that need nothing, up to a log bucket's worth (consecutive ids share
    // one, so their records' times are read from one decoded bucket), and ends with the first that needed work.
    for (int checked = 0; checked < BarStore::IdsPerBucket && m_backfillFrom >= 0; ++checked) {
        m_nextSymbol.bind(1, m_backfillFrom);
        const Step rc = m_nextSymbol.step();
        const std::int64_t symbolId = rc == Step::Row ? m_nextSymbol.columnInt64(0) : -1;
        m_nextSymbol.reset();
        if (rc == Step::Done) {
            m_backfillFrom = -1;
            return {};
        }
        if (rc != Step::Row)
            return m_db.lastError();
        bool done = false, changed = false;
        if (QString error = backfillSymbol(symbolId, done, changed); !error.isEmpty())
            return error;
        if (!done)
            return {};
        m_backfillFrom = symbolId + 1;
        if (changed)
            return {};
    }
    return {};
}

QString HistoryWriter::keepBar(std::int64_t symbolId, std::size_t index, const Bars::Bar &bar)
{
    m_addBar.bind(1, symbolId);
    m_addBar.bind(2, m_ids[index]);
    History::bindBar(m_addBar, 3, bar);
    ++m_barsWritten;
    return m_db.run(m_addBar);
}

QString HistoryWriter::setSince(std::int64_t symbolId, std::size_t index, Model::TimestampUs since)
{
    m_tracks[index].since = since;
    m_setSince.bind(1, symbolId);
    m_setSince.bind(2, m_ids[index]);
    m_setSince.bind(3, std::int64_t(since));
    return m_db.run(m_setSince);
}

QString HistoryWriter::backfillSymbol(std::int64_t symbolId, bool &done, bool &changed)
{
    done = true;
    changed = false;
    Model::TimestampUs oldest = 0, newest = 0;
    if (QString error = recordSpan(symbolId, std::numeric_limits<Model::TimestampUs>::max(), oldest, newest);
        !error.isEmpty())
        return error;
    if (newest < oldest)
        return {};
    if (auto s = m_reader->read(symbolId, KeptCount - 1, m_tracks); !s)
        return s.error();
    for (std::size_t i = 0; i < KeptCount; ++i) {
        if (m_tracks[i].tracked)
            continue;
        // Kept bars of a symbol not stored since they were begin with its newest bar of each time frame.
        m_tracks[i].since = m_session.barOf(kept()[i], newest).start;
        m_tracks[i].tracked = true;
        m_addTrack.bind(1, symbolId);
        m_addTrack.bind(2, m_ids[i]);
        m_addTrack.bind(3, std::int64_t(m_tracks[i].since));
        if (QString error = m_db.run(m_addTrack); !error.isEmpty())
            return error;
        m_symbols.erase(symbolId);
        changed = true;
    }
    if (std::all_of(m_tracks.begin(), m_tracks.end(), [&](const History::Track &t) { return oldest >= t.since; }))
        return {};
    m_symbols.erase(symbolId); // its builders are read again from what this step leaves
    changed = true;
    constexpr std::size_t Week = KeptCount - 1;
    constexpr std::size_t Day = Week - 1;
    Model::TimestampUs latest = std::numeric_limits<Model::TimestampUs>::min();
    for (std::size_t i = 0; i < Week; ++i)
        latest = std::max(latest, m_tracks[i].since);

    // The day of the newest record before the latest start: each time frame up to a day takes the bars of
    // its part of that day, so days bound the records read at once.
    Model::TimestampUs from = 0, last = 0;
    if (QString error = recordSpan(symbolId, latest, from, last); !error.isEmpty())
        return error;
    if (last >= from) {
        const Bars::Span day = m_session.dayOf(last);
        std::vector<ArrivedTick> records;
        m_day.bind(1, symbolId);
        m_day.bind(2, BarStore::bucketOf(symbolId));
        m_day.bind(3, std::int64_t(day.start));
        m_day.bind(4, std::int64_t(latest));
        if (QString error = BarStore::readArrivals(m_day, m_db, {}, records); !error.isEmpty())
            return error;
        for (std::size_t i = 0; i < Week; ++i) {
            if (m_tracks[i].since <= day.start)
                continue;
            Bars::BarBuilder builder(kept()[i], m_session);
            for (const auto &[seq, tick] : records)
                if (tick.timestamp < m_tracks[i].since)
                    if (auto closed = builder.add(tick).closed)
                        if (QString error = keepBar(symbolId, i, *closed); !error.isEmpty())
                            return error;
            if (builder.forming())
                if (QString error = keepBar(symbolId, i, *builder.forming()); !error.isEmpty())
                    return error;
            if (QString error = setSince(symbolId, i, day.start); !error.isEmpty())
                return error;
        }
    }

    // A week once all its days are kept (or no older records are left): the sum of its days.
    const Bars::Span week = m_session.weekOf(m_tracks[Week].since - 1);
    if (oldest < m_tracks[Week].since && (m_tracks[Day].since <= week.start || oldest >= m_tracks[Day].since)) {
        std::vector<Bars::Bar> days;
        if (auto s = m_reader->closed(symbolId, Day, week.start, m_tracks[Week].since - 1, 0, days); !s)
            return s.error();
        if (auto sum = History::sumOf(kept()[Week], m_session, days))
            if (QString error = keepBar(symbolId, Week, *sum); !error.isEmpty())
                return error;
        if (QString error = setSince(symbolId, Week, week.start); !error.isEmpty())
            return error;
    }
    done = std::all_of(m_tracks.begin(), m_tracks.end(), [&](const History::Track &t) { return oldest >= t.since; });
    return {};
}

} // namespace Storage
