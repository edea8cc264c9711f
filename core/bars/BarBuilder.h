// SPDX-License-Identifier: MIT
#pragma once

#include "Session.h"
#include "Timeframe.h"
#include "util/Prefetch.h"

#include <limits>
#include <optional>
#include <vector>

namespace Bars {

/// One bar of a timeframe.
struct Bar
{
    Model::TimestampUs openTime = 0; ///< time bars: where the bar begins; others: its first record's time
    Model::TimestampUs endTime = 0;  ///< time bars: where the next begins; others: its latest record's time
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    std::int64_t volume = 0;
    std::int64_t records = 0;
    bool filled = false; ///< made up for a stretch without records (fillGaps), not traded

    bool operator==(const Bar &) const = default;
};

/// Builds the bars of one timeframe from one symbol's records, in the order they arrive.
///
/// A time bar is forming until a record of a later bar arrives, or until its end passes (closeIfDue, on a
/// timer, so that a quiet symbol's bar closes too). A record of the bar the timer closed, arriving after
/// it (a delayed packet), still joins that bar as a revision; a record older than the newest bar is late
/// and changes no bar. Which records are late depends only on the records before them, never on the
/// timer, so bars rebuilt from the stored records in arrival order are the bars built live.
///
/// Tick bars close with their N-th record, volume bars with the record that brings them to N shares or
/// more; `record` makes each record a bar of its own, closed at once.
class BarBuilder final
{
public:
    BarBuilder(const Timeframe &timeframe, const Session &session);

    enum class Outcome
    {
        Added,   ///< the record joined the forming bar, or began one
        Revised, ///< it joined the bar the timer had closed (revised() has it)
        Late,    ///< it is older than the newest bar: no bar changed
    };
    struct Step
    {
        Outcome outcome = Outcome::Added;
        std::optional<Bar> closed; ///< a bar this record closed
    };

    Step add(const Model::Tick &tick);
    /// Brings the fields a record reads towards the cache, ahead of add() or joinForming(): those before
    /// m_timerClosed, 112 bytes, two lines from a builder that begins a line.
    void prefetch() const noexcept { Util::prefetchLines(this, 2); }
    /// The common case on its own, for speed: a record inside the forming time bar joins it (true); any
    /// other record is left for add().
    bool joinForming(const Model::Tick &tick)
    {
        if (!m_timeframe.isTime() || !m_forming || tick.timestamp < m_forming->openTime ||
            tick.timestamp >= m_forming->endTime)
            return false;
        join(*m_forming, tick);
        return true;
    }
    /// What several records add up to (their highest high, lowest low, last close, volume and count) joins
    /// the forming time bar as those records would one by one through joinForming(): the bar must hold them.
    void joinSummed(const Bar &records)
    {
        Bar &bar = *m_forming;
        bar.high = bar.high < records.high ? records.high : bar.high;
        bar.low = bar.low > records.low ? records.low : bar.low;
        bar.close = records.close;
        bar.volume += records.volume;
        bar.records += records.records;
    }
    /// Closes the forming time bar when `now` is at or past its end.
    std::optional<Bar> closeIfDue(Model::TimestampUs now);
    /// Carries on after `last`, the newest bar built before (read back from storage): still forming
    /// when `forming`, so records of its time join it; otherwise records older than it are late.
    void resume(const Bar &last, bool forming);

    const Timeframe &timeframe() const noexcept { return m_timeframe; }
    const std::optional<Bar> &forming() const noexcept { return m_forming; }
    /// The bar the timer closed last, while no later record has come: records of its time still join it.
    const std::optional<Bar> &revised() const noexcept { return m_timerClosed; }

private:
    static Bar begin(const Model::Tick &tick, Model::TimestampUs openTime, Model::TimestampUs endTime);
    static void join(Bar &bar, const Model::Tick &tick)
    {
        bar.high = bar.high < tick.high ? tick.high : bar.high;
        bar.low = bar.low > tick.low ? tick.low : bar.low;
        bar.close = tick.close;
        bar.volume += tick.volume;
        ++bar.records;
    }
    bool full(const Bar &bar) const;
    Step addTimed(const Model::Tick &tick);
    Step addCounted(const Model::Tick &tick);

    // What every record reads first and together (prefetch() asks for them); the bar the timer closed after.
    Timeframe m_timeframe;
    const Session *m_session;
    std::optional<Bar> m_forming;
    Model::TimestampUs m_frontier = std::numeric_limits<Model::TimestampUs>::min(); ///< older is late
    std::optional<Bar> m_timerClosed;
};

/// The bars of several timeframes of one symbol at once.
class BarSet final
{
public:
    /// Kept shortest first, whatever the order given.
    BarSet(std::vector<Timeframe> timeframes, const Session &session);

    struct Event
    {
        enum class Kind
        {
            Closed,
            Revised,
        };
        std::size_t timeframe = 0; ///< index into timeframes()
        Kind kind = Kind::Closed;
        Bar bar;
    };

    /// Adds a record to every timeframe; bars it closes or revises are appended to `events`, shortest
    /// timeframe first. Answers on how many timeframes the record was late.
    int add(const Model::Tick &tick, std::vector<Event> &events);
    /// Closes every forming time bar whose end has passed, shortest timeframe first.
    void closeDue(Model::TimestampUs now, std::vector<Event> &events);

    std::size_t size() const noexcept { return m_builders.size(); }
    const Timeframe &timeframe(std::size_t i) const { return m_builders[i].timeframe(); }
    const BarBuilder &builder(std::size_t i) const { return m_builders[i]; }

private:
    std::vector<BarBuilder> m_builders;
};

/// The bars a BarBuilder makes of `ticks` (in arrival order) without a timer: the closed ones, then the
/// forming one if any.
std::vector<Bar> buildBars(const Timeframe &timeframe, const Session &session, const std::vector<Model::Tick> &ticks);

/// `bars` (of a time frame, oldest first) with a flat bar at the last close, no volume and `filled` set,
/// in each stretch without records; at most `maxPerGap` in one stretch (the rest stays a gap).
std::vector<Bar> fillGaps(const std::vector<Bar> &bars, const Timeframe &timeframe, const Session &session,
                          std::size_t maxPerGap = 10'000);

} // namespace Bars
