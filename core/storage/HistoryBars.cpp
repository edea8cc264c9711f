// SPDX-License-Identifier: MIT
#include "HistoryBars.h"

#include "BarStore.h"
#include "LogRowCache.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Storage::History {

namespace {

constexpr const char *BarColumns = "open_us, end_us, open, high, low, close, volume, records";

QByteArray select(const char *table, const char *where)
{
    return QByteArray("SELECT ") + BarColumns + " FROM " + table + " WHERE " + where;
}

} // namespace

const std::array<Bars::Timeframe, KeptCount> &kept()
{
    using Bars::Timeframe;
    static const std::array<Timeframe, KeptCount> all{
        Timeframe::minutes(1), Timeframe::minutes(5), Timeframe::minutes(15), Timeframe::minutes(30),
        Timeframe::hours(1),   Timeframe::hours(4),   Timeframe::day(),       Timeframe::week()};
    return all;
}

int keptIndex(const Bars::Timeframe &timeframe)
{
    const auto &all = kept();
    const auto it = std::find(all.begin(), all.end(), timeframe);
    return it == all.end() ? -1 : int(it - all.begin());
}

QString zoneKey(const Bars::Session &session)
{
    return QString::fromUtf8(session.zone().id());
}

Util::Result<std::optional<TimeframeIds>> timeframeIds(SqliteDatabase &db, const QString &zone, bool create)
{
    using R = Util::Result<std::optional<TimeframeIds>>;
    auto find = db.prepare("SELECT id FROM history_timeframes WHERE name = ?1 AND zone = ?2");
    auto add = db.prepare("INSERT INTO history_timeframes(name, zone) VALUES (?1, ?2)");
    if (!find)
        return R::failure(find.error());
    if (!add)
        return R::failure(add.error());
    const QByteArray zoneText = zone.toUtf8();
    TimeframeIds ids{};
    for (std::size_t i = 0; i < KeptCount; ++i) {
        const QByteArray name = kept()[i].name().toUtf8();
        find->bindText(1, std::string_view(name.constData(), std::size_t(name.size())));
        find->bindText(2, std::string_view(zoneText.constData(), std::size_t(zoneText.size())));
        const Step rc = find->step();
        if (rc == Step::Row)
            ids[i] = find->columnInt64(0);
        find->reset();
        if (rc == Step::Row)
            continue;
        if (rc != Step::Done)
            return R::failure(db.lastError());
        if (!create)
            return std::optional<TimeframeIds>();
        add->bindText(1, std::string_view(name.constData(), std::size_t(name.size())));
        add->bindText(2, std::string_view(zoneText.constData(), std::size_t(zoneText.size())));
        const Step added = add->step();
        add->reset();
        if (added != Step::Done)
            return R::failure(db.lastError());
        ids[i] = sqlite3_last_insert_rowid(db.handle());
    }
    return std::optional<TimeframeIds>(ids);
}

std::optional<Bars::Bar> sumOf(const Bars::Timeframe &timeframe, const Bars::Session &session,
                               const std::vector<Bars::Bar> &bars)
{
    if (bars.empty())
        return std::nullopt;
    const Bars::Bar &first = bars.front();
    const Bars::Span span = session.barOf(timeframe, first.openTime);
    Bars::Bar sum{span.start, span.end, first.open, first.high, first.low, first.close, 0, 0, false};
    for (const Bars::Bar &bar : bars) {
        if (bar.openTime >= span.end)
            break;
        sum.high = std::max(sum.high, bar.high);
        sum.low = std::min(sum.low, bar.low);
        sum.close = bar.close;
        sum.volume += bar.volume;
        sum.records += bar.records;
    }
    return sum;
}

Bars::Bar barAt(const Statement &st, int first)
{
    Bars::Bar bar;
    bar.openTime = st.columnInt64(first);
    bar.endTime = st.columnInt64(first + 1);
    bar.open = st.columnPrice(first + 2);
    bar.high = st.columnPrice(first + 3);
    bar.low = st.columnPrice(first + 4);
    bar.close = st.columnPrice(first + 5);
    bar.volume = st.columnInt64(first + 6);
    bar.records = st.columnInt64(first + 7);
    return bar;
}

void bindBar(Statement &st, int first, const Bars::Bar &bar)
{
    st.bind(first, std::int64_t(bar.openTime));
    st.bind(first + 1, std::int64_t(bar.endTime));
    st.bindPrice(first + 2, bar.open);
    st.bindPrice(first + 3, bar.high);
    st.bindPrice(first + 4, bar.low);
    st.bindPrice(first + 5, bar.close);
    st.bind(first + 6, bar.volume);
    st.bind(first + 7, bar.records);
}

Reader::Reader(SqliteDatabase &db, const TimeframeIds &ids, const Bars::Session &session)
    : m_db(db)
    , m_ids(ids)
    , m_session(session)
{}

Util::Result<std::unique_ptr<Reader>> Reader::open(SqliteDatabase &db, const TimeframeIds &ids,
                                                   const Bars::Session &session)
{
    using R = Util::Result<std::unique_ptr<Reader>>;
    std::unique_ptr<Reader> reader(new Reader(db, ids, session));
    const auto prepared = [&db](const QByteArray &sql, Statement &out) {
        auto st = db.prepare(sql.constData());
        if (st)
            out = std::move(*st);
        return bool(st);
    };
    const bool ok =
        prepared("SELECT timeframe_id, since_us FROM history_tracks WHERE symbol_id = ?1", reader->m_tracks) &&
        prepared(select("history_bars", "symbol_id = ?1 AND timeframe_id = ?2 ORDER BY open_us DESC LIMIT 1"),
                 reader->m_last) &&
        prepared(select("history_forming", "symbol_id = ?1 AND timeframe_id = ?2"), reader->m_forming) &&
        prepared(select("history_bars", "symbol_id = ?1 AND timeframe_id = ?2 AND open_us >= ?3 ORDER BY open_us"),
                 reader->m_after) &&
        prepared(select("history_bars", "symbol_id = ?1 AND timeframe_id = ?2 AND open_us >= ?3 AND open_us <= ?4 "
                                        "ORDER BY open_us DESC LIMIT ?5"),
                 reader->m_range) &&
        prepared(BarStore::symbolRowsSql(BarStore::ArrivalColumns, "ts_us >= ?2 AND seq < ?4", 3, {2, 0}),
                 reader->m_records) &&
        prepared(BarBlocks::rowsSql(BarStore::ArrivalColumns, "ts_us >= ?2 AND seq < ?3", {2, 0}),
                 reader->m_blockRecords);
    if (!ok)
        return R::failure(u"cannot read kept bars: %1"_s.arg(db.lastError()));
    return reader;
}

Util::Status Reader::read(std::int64_t symbolId, std::size_t upTo, Tracks &out, std::span<const BarRow> newest)
{
    const auto failed = [this] { return Util::Status::failure(u"cannot read kept bars: %1"_s.arg(m_db.lastError())); };
    upTo = std::min(upTo, KeptCount - 1);
    for (std::size_t i = 0; i <= upTo; ++i)
        out[i] = Track{};
    m_tracks.bind(1, symbolId);
    Step rc{};
    while ((rc = m_tracks.step()) == Step::Row) {
        const auto it = std::find(m_ids.begin(), m_ids.end(), m_tracks.columnInt64(0));
        if (const auto i = std::size_t(it - m_ids.begin()); it != m_ids.end() && i <= upTo) {
            out[i].tracked = true;
            out[i].since = m_tracks.columnInt64(1);
        }
    }
    m_tracks.reset();
    if (rc != Step::Done)
        return failed();

    for (std::size_t i = 0; i <= upTo; ++i) {
        Track &track = out[i];
        if (!track.tracked)
            continue;
        m_last.bind(1, symbolId);
        m_last.bind(2, m_ids[i]);
        if ((rc = m_last.step()) == Step::Row)
            track.last = barAt(m_last, 0);
        m_last.reset();
        if (rc != Step::Row && rc != Step::Done)
            return failed();

        m_forming.bind(1, symbolId);
        m_forming.bind(2, m_ids[i]);
        if ((rc = m_forming.step()) == Step::Row) {
            const Bars::Bar bar = barAt(m_forming, 0);
            if (bar.openTime >= track.next()) {
                track.forming = bar;
                track.formingStored = true;
            }
        }
        m_forming.reset();
        if (rc != Step::Row && rc != Step::Done)
            return failed();
        if (track.formingStored)
            continue;

        if (i == 0) {
            if (auto s = formingOfRecords(symbolId, track, newest); !s)
                return s;
            continue;
        }
        // The sum of the shorter time frame's bars since this one's last closed bar.
        const Track &lower = out[i - 1];
        if (!lower.tracked)
            continue;
        m_lower.clear();
        m_after.bind(1, symbolId);
        m_after.bind(2, m_ids[i - 1]);
        m_after.bind(3, std::int64_t(track.next()));
        while ((rc = m_after.step()) == Step::Row)
            m_lower.push_back(barAt(m_after, 0));
        m_after.reset();
        if (rc != Step::Done)
            return failed();
        if (lower.forming && lower.forming->openTime >= track.next())
            m_lower.push_back(*lower.forming);
        track.forming = sumOf(kept()[i], m_session, m_lower);
    }
    return {};
}

Util::Status Reader::formingOfRecords(std::int64_t symbolId, Track &track, std::span<const BarRow> newest)
{
    const Model::TimestampUs from = track.next();
    std::vector<ArrivedTick> records;
    const auto take = [this, from, &records](const ArrivedTick &a) {
        if (a.tick.timestamp >= from && a.seq < m_seqLimit)
            records.push_back(a);
    };
    QString error;
    if (!newest.empty() && from > newest.front().timestamp) {
        // Every record from `from` on is among the newest rows.
        for (auto it = firstFrom(newest.begin(), newest.end(), from); it != newest.end(); ++it)
            take(ArrivedTick::of(*it));
        error = BarStore::putInArrivalOrder(m_db, records);
    } else if (m_logRows) {
        // The blocks' records from SQL, the logs' from the rows kept by bucket.
        m_blockRecords.bind(1, symbolId);
        m_blockRecords.bind(2, std::int64_t(from));
        m_blockRecords.bind(3, m_seqLimit);
        Step rc{};
        while ((rc = m_blockRecords.step()) == Step::Row)
            take(BarStore::arrivalAt(m_blockRecords));
        m_blockRecords.reset();
        std::span<const BarRow> logged;
        error = rc != Step::Done ? m_db.lastError() : m_logRows->rowsOf(symbolId, logged);
        if (error.isEmpty()) {
            for (auto it = firstFrom(logged.begin(), logged.end(), from); it != logged.end(); ++it)
                take(ArrivedTick::of(*it));
            error = BarStore::putInArrivalOrder(m_db, records);
        }
    } else {
        m_records.bind(1, symbolId);
        m_records.bind(2, std::int64_t(from));
        m_records.bind(3, BarStore::bucketOf(symbolId));
        m_records.bind(4, m_seqLimit);
        error = BarStore::readArrivals(m_records, m_db, {}, records);
    }
    if (!error.isEmpty())
        return Util::Status::failure(u"cannot read kept bars: %1"_s.arg(error));
    // The builder as the writer holds it after its last closed bar: records before next() are late.
    Bars::BarBuilder builder(kept()[0], m_session);
    Bars::Bar edge;
    edge.openTime = edge.endTime = from;
    builder.resume(edge, false);
    for (const ArrivedTick &a : records)
        builder.add(a.tick);
    track.forming = builder.forming();
    return {};
}

Util::Status Reader::closed(std::int64_t symbolId, std::size_t index, Model::TimestampUs from, Model::TimestampUs to,
                            qint64 limit, std::vector<Bars::Bar> &out)
{
    m_range.bind(1, symbolId);
    m_range.bind(2, m_ids[index]);
    m_range.bind(3, std::int64_t(from));
    m_range.bind(4, std::int64_t(to));
    m_range.bind(5, std::int64_t(limit > 0 ? limit : -1));
    const std::size_t first = out.size();
    Step rc{};
    while ((rc = m_range.step()) == Step::Row)
        out.push_back(barAt(m_range, 0));
    m_range.reset();
    if (rc != Step::Done)
        return Util::Status::failure(u"cannot read kept bars: %1"_s.arg(m_db.lastError()));
    std::reverse(out.begin() + std::ptrdiff_t(first), out.end());
    return {};
}

} // namespace Storage::History
