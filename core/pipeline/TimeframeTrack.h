// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"
#include "indicators/IndicatorSet.h"

#include <vector>

namespace Pipeline {

/// One symbol's bars of one timeframe as they form and close, with the indicators over them: the
/// forming bar is the indicators' newest bar, replaced as records join it, so its values move with it;
/// a closed bar's values are final.
class TimeframeTrack final
{
public:
    enum class Change
    {
        Forming, ///< a record began or joined the forming bar
        Closed,  ///< a bar closed, by a later record or by its end passing (final values)
        Revised, ///< a delayed record joined the bar its end had closed
    };

    /// `withIndicators` false: bars only (an alert on prices needs no indicators); snapshots are then empty.
    TimeframeTrack(const Bars::Timeframe &timeframe, const Bars::Session &session,
                   const Indicators::IndicatorConfig &config, bool withIndicators = true)
        : m_builder(timeframe, session)
        , m_withIndicators(withIndicators)
        , m_indicators(config)
    {}

    /// false: the indicators take the forming bar only as it begins and as it closes, not with each record
    /// that joins it (for readers that look at closed bars only); a forming bar's snapshot is then stale.
    void setFormingIndicators(bool on) noexcept { m_formingIndicators = on; }
    /// true: a record that joins the forming bar only marks the indicators behind; snapshot() and rsi() bring
    /// them up to date when asked, to the very values they would have had. For a reader that looks at the
    /// forming bar's values less often than records come (once a batch, not once a record: nine indicators'
    /// state is a score of cache lines a symbol). A Forming change then hears the values before the record.
    void setLazyForming(bool on) noexcept { m_lazyForming = on; }

    /// Adds one record. `onChange(Change, const Bars::Bar &, const Indicators::IndicatorSnapshot &)` hears
    /// of each change: a close before the bar the record begins. False when the record was late (older
    /// than the forming bar): nothing changed.
    template<typename OnChange>
    bool add(const Model::Tick &tick, OnChange &&onChange)
    {
        if (m_builder.joinForming(tick)) {
            onChange(Change::Forming, *m_builder.forming(), replaced(*m_builder.forming()));
            return true;
        }
        const Bars::BarBuilder::Step step = m_builder.add(tick);
        if (step.outcome == Bars::BarBuilder::Outcome::Late)
            return false;
        if (step.closed)
            onChange(Change::Closed, *step.closed, enter(*step.closed));
        if (step.outcome == Bars::BarBuilder::Outcome::Revised)
            onChange(Change::Revised, *m_builder.revised(),
                     m_withIndicators ? m_indicators.replaceLast(asTick(*m_builder.revised()))
                                      : m_indicators.snapshot());
        else if (m_builder.forming())
            onChange(Change::Forming, *m_builder.forming(), enter(*m_builder.forming(), true));
        return true;
    }

    /// Closes the forming time bar when `now` is at or past its end.
    template<typename OnChange>
    void closeIfDue(Model::TimestampUs now, OnChange &&onChange)
    {
        if (auto closed = m_builder.closeIfDue(now)) {
            // Without forming updates the indicators still hold the bar as it began (or an earlier state of
            // it, when lazy): its final values now.
            const bool stale = m_withIndicators && (!m_formingIndicators || m_behind) && m_open;
            m_open = false;
            m_behind = false;
            onChange(Change::Closed, *closed,
                     stale ? m_indicators.replaceLast(asTick(*closed)) : m_indicators.snapshot());
        }
    }

    /// Carries on from stored bars (oldest first), the last one still forming when `lastForming`: the
    /// indicators take them, `onChange` hears of each (Closed, then Forming for the last if it forms), and
    /// the builder continues the forming one.
    template<typename OnChange>
    void warm(const std::vector<Bars::Bar> &bars, bool lastForming, OnChange &&onChange)
    {
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const bool forming = lastForming && i + 1 == bars.size();
            onChange(forming ? Change::Forming : Change::Closed, bars[i], enter(bars[i], forming));
        }
        if (!bars.empty())
            m_builder.resume(bars.back(), lastForming);
    }

    const Bars::Timeframe &timeframe() const noexcept { return m_builder.timeframe(); }
    const Bars::BarBuilder &builder() const noexcept { return m_builder; }
    /// The indicators' values after the newest bar (the forming one as it stands).
    const Indicators::IndicatorSnapshot &snapshot() noexcept
    {
        if (m_behind) {
            m_behind = false;
            m_indicators.replaceLast(asTick(*m_builder.forming()));
        }
        return m_indicators.snapshot();
    }
    /// snapshot().rsi, computing the RSI alone when the others are behind.
    std::optional<double> rsi() noexcept
    {
        return m_behind ? m_indicators.rsiOf(asTick(*m_builder.forming())) : m_indicators.snapshot().rsi;
    }
    void setSymbol(const Model::Symbol &symbol) noexcept { m_symbol = symbol; }
    /// Brings what a record reads towards the cache, ahead of add() and rsi(): the forming bar, then the flags
    /// and the RSI (two lines each, from a track that begins a line; a few lines of the track's score).
    void prefetch() const noexcept
    {
        m_builder.prefetch();
        Util::prefetchLines(&m_open, 2);
    }

    /// A bar as the record type indicators and rules take: its open time, prices and volume.
    Model::Tick asTick(const Bars::Bar &bar) const noexcept
    {
        return Model::Tick{m_symbol, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.openTime};
    }

private:
    /// The indicators' values with `bar` as their newest: replacing the forming bar they hold, if any.
    const Indicators::IndicatorSnapshot &enter(const Bars::Bar &bar, bool forming = false)
    {
        if (!m_withIndicators) {
            m_open = forming;
            return m_indicators.snapshot();
        }
        const Indicators::IndicatorSnapshot &s =
            m_open ? m_indicators.replaceLast(asTick(bar)) : m_indicators.update(asTick(bar));
        m_open = forming;
        m_behind = false;
        return s;
    }
    const Indicators::IndicatorSnapshot &replaced(const Bars::Bar &bar)
    {
        if (!m_withIndicators || !m_formingIndicators)
            return m_indicators.snapshot();
        if (m_lazyForming) {
            m_behind = true;
            return m_indicators.snapshot();
        }
        return m_indicators.replaceLast(asTick(bar));
    }

    // What a record joining the forming bar reads, first; the indicators' score of cache lines after.
    Bars::BarBuilder m_builder;
    bool m_open = false; ///< the indicators' newest bar is the forming one
    bool m_withIndicators = true;
    bool m_formingIndicators = true;
    bool m_lazyForming = false;
    bool m_behind = false; ///< lazy: records joined the forming bar since the indicators last took it
    Model::Symbol m_symbol;
    Indicators::IndicatorSet m_indicators;
};

} // namespace Pipeline
