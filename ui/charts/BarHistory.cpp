// SPDX-License-Identifier: MIT
#include "BarHistory.h"

#include "bars/Session.h"

#include <limits>
#include <utility>

namespace Gui {

namespace {

/// Records kept while a chart's history loads; a load takes milliseconds, so this is never reached
/// but by a stalled disk, and then the chart reloads.
constexpr std::size_t MaxEarlyRecords = 200'000;

} // namespace

void BarHistory::setWatched(const QList<ChartKey> &charts)
{
    QSet<QString> ids;
    for (const ChartKey &chart : charts) {
        if (chart.symbol.isEmpty())
            continue;
        const QString id = chart.id();
        ids.insert(id);
        if (!m_series.contains(id)) {
            Series series;
            series.key = chart;
            m_series.insert(id, std::move(series));
            m_seriesOfSymbol.insert(chart.symbol, id);
        }
    }
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (ids.contains(it.key())) {
            ++it;
            continue;
        }
        m_seriesOfSymbol.remove(it->key.symbol, it.key());
        it = m_series.erase(it);
    }
    m_olderArrivals.removeIf([&](const ChartKey &chart) { return !ids.contains(chart.id()); });
}

void BarHistory::setSessionTimeZone(const QString &ianaName)
{
    m_zone = Bars::sessionZone(ianaName);
}

BarHistory::Series *BarHistory::find(const ChartKey &chart)
{
    const auto it = m_series.find(chart.id());
    return it == m_series.end() ? nullptr : &*it;
}

const BarHistory::Series *BarHistory::find(const ChartKey &chart) const
{
    const auto it = m_series.constFind(chart.id());
    return it == m_series.cend() ? nullptr : &*it;
}

void BarHistory::add(const Pipeline::LiveBar &record)
{
    const QString symbol = record.bar.symbol.toString();
    for (auto it = m_seriesOfSymbol.constFind(symbol); it != m_seriesOfSymbol.cend() && it.key() == symbol; ++it) {
        Series &series = m_series[it.value()];
        if (series.track)
            take(series, record.bar);
        else if (series.early.size() < MaxEarlyRecords)
            series.early.push_back(record.bar); // its history is on the way: carried on from it
    }
}

void BarHistory::take(Series &series, const Model::Tick &record)
{
    auto &bars = series.bars;
    const bool changed =
        series.track->track.add(record, [&](Pipeline::TimeframeTrack::Change change, const Bars::Bar &bar,
                                            const Indicators::IndicatorSnapshot &s) {
            Pipeline::LiveBar drawn = Pipeline::LiveBar::of(series.track->track.asTick(bar), s);
            if (change == Pipeline::TimeframeTrack::Change::Revised) {
                // The bar its end closed, taking a delayed record: the newest shown, unless a later one began.
                for (auto b = bars.rbegin(); b != bars.rend(); ++b)
                    if (b->bar.timestamp == bar.openTime) {
                        *b = drawn;
                        break;
                    }
                return;
            }
            if (!bars.empty() && bars.back().bar.timestamp == bar.openTime)
                bars.back() = drawn; // the forming bar, grown or closed
            else
                bars.push_back(drawn);
        });
    if (!changed) {
        noteOlder(series, record); // late: no bar changed
        return;
    }
    trim(series);
    ++series.revision;
}

void BarHistory::noteOlder(Series &series, const Model::Tick &record)
{
    // Holding fewer bars than its window, and not scrolled back, the chart holds all its symbol has stored.
    // Record, tick and volume bars follow the order records arrived in, in the database too.
    const bool wholeHistory = series.depth == 0 && series.bars.size() < std::size_t(m_window);
    if (!series.key.timeframe.isTime() || !wholeHistory || series.bars.empty() ||
        record.timestamp >= series.bars.front().bar.timestamp)
        return;
    if (series.olderArrived == 0 || record.timestamp < series.olderArrived) {
        series.olderArrived = record.timestamp;
        series.olderReads = 0;
    }
    readAgain(series.key);
}

void BarHistory::readAgain(const ChartKey &chart)
{
    if (!m_olderArrivals.contains(chart))
        m_olderArrivals.append(chart);
}

QList<ChartKey> BarHistory::takeOlderArrivals()
{
    return std::exchange(m_olderArrivals, {});
}

void BarHistory::trim(Series &series)
{
    if (series.depth > 0) // scrolled back: what it loaded stays, and so does what comes meanwhile
        series.depth = std::min(MaxDepth, std::max(series.depth, series.bars.size()));
    while (series.bars.size() > std::max(std::size_t(m_window), series.depth)) {
        series.bars.pop_front();
        ++series.firstSlot;
    }
    if (series.bars.empty())
        return;
    const Model::TimestampUs oldest = series.bars.front().bar.timestamp;
    series.markers.removeIf([oldest](const Marker &m) { return m.time < oldest; });
}

void BarHistory::addMarker(const QString &symbol, const Marker &marker)
{
    for (auto it = m_seriesOfSymbol.constFind(symbol); it != m_seriesOfSymbol.cend() && it.key() == symbol; ++it) {
        Series &series = m_series[it.value()];
        series.markers.append(marker);
        ++series.revision;
    }
}

void BarHistory::load(const Pipeline::ChartHistory &history)
{
    Series *series = find(ChartKey{history.symbol, history.timeframe});
    if (!series)
        return; // off screen since it was asked for
    series->loading = false;
    series->loaded = true;
    series->loadingOlder = false;
    series->exhausted = false;
    series->depth = 0;
    series->firstSlot = 0;
    series->bars.assign(history.bars.begin(), history.bars.end());
    series->track =
        history.track ? history.track : std::make_shared<Pipeline::ChartTrack>(history.timeframe, m_zone, m_indicators);
    Model::Symbol symbol;
    if (Model::Symbol::fromString(history.symbol, symbol))
        series->track->track.setSymbol(symbol);
    QList<Marker> markers;
    for (const auto &s : history.signals)
        markers.append({s.timestamp, s.price, s.side});
    for (const Marker &m : std::as_const(series->markers))
        if (series->bars.empty() || m.time > history.newestRecordUs)
            markers.append(m);
    series->markers = markers;
    // What came while it loaded and is newer than anything stored carries the bars on.
    std::vector<Model::Tick> early;
    early.swap(series->early);
    for (const Model::Tick &record : early)
        if (record.timestamp > history.newestRecordUs || history.newestRecordUs == 0)
            take(*series, record);
    trim(*series);
    ++series->revision;
    if (series->olderArrived != 0) {
        // Read: it is among the bars, or the window is full and it lies before them, off to the left.
        const bool read = series->bars.size() >= std::size_t(m_window) ||
                          (!series->bars.empty() && series->bars.front().bar.timestamp <= series->olderArrived);
        if (read || ++series->olderReads >= MaxOlderReads)
            series->olderArrived = 0;
        else
            readAgain(series->key); // read before its commit
    }
}

void BarHistory::loadOlder(const Pipeline::ChartHistory &older)
{
    Series *series = find(ChartKey{older.symbol, older.timeframe});
    if (!series || !series->loaded)
        return;
    series->loadingOlder = false;
    const Model::TimestampUs front =
        series->bars.empty() ? std::numeric_limits<Model::TimestampUs>::max() : series->bars.front().bar.timestamp;
    if (older.beforeUs && *older.beforeUs != front) {
        // Asked for before the bars changed (back to live, a reload): it says nothing about what is older
        // now. The chart asks again at its next redraw.
        ++series->revision;
        return;
    }
    std::deque<Pipeline::LiveBar> merged;
    for (const auto &bar : older.bars)
        if (bar.bar.timestamp < front)
            merged.push_back(bar);
    if (merged.empty()) {
        series->exhausted = true;
        return;
    }
    series->firstSlot -= std::int64_t(merged.size());
    merged.insert(merged.end(), series->bars.begin(), series->bars.end());
    series->bars.swap(merged);
    for (const auto &s : older.signals)
        series->markers.append({s.timestamp, s.price, s.side});
    series->depth = std::min(MaxDepth, series->bars.size());
    trim(*series);
    ++series->revision;
}

bool BarHistory::canLoadOlder(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series && series->loaded && !series->loadingOlder && !series->exhausted && !series->bars.empty() &&
           series->bars.size() < MaxDepth;
}

bool BarHistory::hasOlder(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series && !series->exhausted && series->bars.size() < MaxDepth;
}

void BarHistory::setLoadingOlder(const ChartKey &chart)
{
    if (Series *series = find(chart))
        series->loadingOlder = true;
}

void BarHistory::backToLive(const ChartKey &chart)
{
    Series *series = find(chart);
    if (!series || series->depth == 0)
        return;
    series->depth = 0;
    series->exhausted = false;
    trim(*series);
    ++series->revision;
}

bool BarHistory::isLoaded(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series && series->loaded;
}

bool BarHistory::isLoading(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series && series->loading;
}

void BarHistory::setLoading(const ChartKey &chart, bool loading)
{
    if (Series *series = find(chart)) {
        series->loading = loading;
        ++series->revision;
    }
}

void BarHistory::invalidateLoaded()
{
    for (Series &series : m_series)
        series.loaded = false;
}

void BarHistory::invalidateLoaded(const QString &symbol)
{
    for (auto it = m_seriesOfSymbol.constFind(symbol); it != m_seriesOfSymbol.cend() && it.key() == symbol; ++it)
        m_series[it.value()].loaded = false;
}

const std::deque<Pipeline::LiveBar> &BarHistory::bars(const ChartKey &chart) const
{
    static const std::deque<Pipeline::LiveBar> none;
    const Series *series = find(chart);
    return series ? series->bars : none;
}

std::int64_t BarHistory::firstSlot(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series ? series->firstSlot : 0;
}

QList<Marker> BarHistory::markers(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series ? series->markers : QList<Marker>{};
}

quint64 BarHistory::revision(const ChartKey &chart) const
{
    const Series *series = find(chart);
    return series ? series->revision : 0;
}

} // namespace Gui
