// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"
#include "model/TradeSignal.h"
#include "pipeline/ChartHistory.h"
#include "pipeline/LiveFeed.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <algorithm>
#include <deque>
#include <memory>

namespace Gui {

/// A signal marker on a chart.
struct Marker
{
    Model::TimestampUs time = 0;
    double price = 0;
    Model::SignalSide side = Model::SignalSide::Alert;
};

/// What a chart shows: a symbol in a timeframe. As text ("AAPL 5m") it keys settings and maps.
struct ChartKey
{
    QString symbol;
    Bars::Timeframe timeframe = Bars::Timeframe::minutes(1);

    QString id() const { return symbol + u' ' + timeframe.name(); }
    bool operator==(const ChartKey &) const = default;
};

/// The latest bars and signal markers of every symbol and timeframe on screen, for drawing: a rolling
/// window per chart, so memory stays bounded however long the app runs. Bars are built from the live
/// records by the builder and indicators the engine runs, carried on from the stored history the
/// chart loaded; the newest bar (forming, or just closed) is always last.
class BarHistory final
{
public:
    explicit BarHistory(int window = 120)
        : m_window(window)
    {}

    /// Only the charts on screen (grid cells, tabs) keep bars: memory stays bounded however many symbols
    /// come in; a chart put on screen reads its bars from the database. Forgets the others.
    void setWatched(const QList<ChartKey> &charts);
    bool isWatched(const ChartKey &chart) const { return m_series.contains(chart.id()); }
    /// Where days and weeks begin for the bars built from now on (an IANA name; empty or unknown: UTC).
    void setSessionTimeZone(const QString &ianaName);
    /// The indicators' periods for charts loaded from now on.
    void setIndicators(const Indicators::IndicatorConfig &config) { m_indicators = config; }
    const Indicators::IndicatorConfig &indicators() const noexcept { return m_indicators; }
    /// A live record of a watched symbol: every chart of the symbol takes it into its bars.
    void add(const Pipeline::LiveBar &record);
    /// Charts that were sent a record older than their first bar while they held all of their symbol's stored
    /// bars: history sent after live records, which the database places before them (it is not late there).
    /// Such a chart reads its bars again; until its read has the record, it is listed again after each read
    /// (a few times at most: the record is committed a moment after it is seen live).
    QList<ChartKey> takeOlderArrivals();
    void addMarker(const QString &symbol, const Marker &marker);
    /// Stored history read for a chart: becomes its bars, and the live records since carry on from it.
    void load(const Pipeline::ChartHistory &history);
    /// An older page for a chart scrolled back (ChartHistory::beforeUs): goes in front of its bars, which
    /// then stay in memory (up to MaxDepth bars) until the chart goes back to live.
    void loadOlder(const Pipeline::ChartHistory &older);
    /// Whether older bars may be asked for now: loaded, none on the way, and the database had more last time.
    bool canLoadOlder(const ChartKey &chart) const;
    void setLoadingOlder(const ChartKey &chart);
    /// Whether the database may hold bars older than the chart's (none came back when last asked: no).
    bool hasOlder(const ChartKey &chart) const;
    /// The chart follows the live end again: it keeps its window of bars only.
    void backToLive(const ChartKey &chart);
    static constexpr std::size_t MaxDepth = 100'000;

    /// Whether stored history was loaded for the chart (or is on its way: see setLoading).
    bool isLoaded(const ChartKey &chart) const;
    bool isLoading(const ChartKey &chart) const;
    void setLoading(const ChartKey &chart, bool loading);
    /// Forgets which charts were loaded, so the next look loads them again (after an import).
    void invalidateLoaded();
    void invalidateLoaded(const QString &symbol);

    const std::deque<Pipeline::LiveBar> &bars(const ChartKey &chart) const;
    /// The axis position of the chart's first bar: bars are spaced by index, and a bar keeps its position
    /// while newer ones come, older ones are read in front of it or the oldest leave.
    std::int64_t firstSlot(const ChartKey &chart) const;
    QList<Marker> markers(const ChartKey &chart) const;
    /// Bumped whenever a chart's bars change, so a chart can skip redrawing.
    quint64 revision(const ChartKey &chart) const;
    int window() const noexcept { return m_window; }
    /// Takes effect for each chart with its next bar.
    void setWindow(int bars) { m_window = std::max(1, bars); }
    const QTimeZone &sessionZone() const noexcept { return m_zone; }

private:
    struct Series
    {
        ChartKey key;
        std::deque<Pipeline::LiveBar> bars;
        QList<Marker> markers;
        quint64 revision = 0;
        bool loaded = false;
        bool loading = false;
        bool loadingOlder = false;
        bool exhausted = false; ///< the database had nothing older
        std::size_t depth = 0;  ///< bars kept beyond the window while scrolled back
        std::int64_t firstSlot = 0;
        std::shared_ptr<Pipeline::ChartTrack> track;
        std::vector<Model::Tick> early;      ///< records that came while the history was loading
        Model::TimestampUs olderArrived = 0; ///< the oldest record sent before the first bar; 0: none
        int olderReads = 0;                  ///< reads since, that did not have it yet
    };
    static constexpr int MaxOlderReads = 4;
    /// A record the series' track found late: history before its first bar, or late indeed.
    void noteOlder(Series &series, const Model::Tick &record);
    /// Lists the chart for takeOlderArrivals, once.
    void readAgain(const ChartKey &chart);

    /// Takes a record into a series' track and its bars.
    void take(Series &series, const Model::Tick &record);
    void trim(Series &series);
    Series *find(const ChartKey &chart);
    const Series *find(const ChartKey &chart) const;

    int m_window;
    QTimeZone m_zone = QTimeZone::utc();
    Indicators::IndicatorConfig m_indicators;
    QHash<QString, Series> m_series;               ///< by ChartKey::id()
    QMultiHash<QString, QString> m_seriesOfSymbol; ///< symbol → ids
    QList<ChartKey> m_olderArrivals;               ///< to read again (takeOlderArrivals)
};

} // namespace Gui
