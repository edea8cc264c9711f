// SPDX-License-Identifier: MIT
#pragma once

#include "TimeframeTrack.h"
#include "alerts/AlertEvaluator.h"

#include <memory>
#include <vector>

namespace Pipeline {

/// One alert on one symbol in the engine: the bars of the alert's timeframe with the indicators its
/// operands ask for (with their own periods), sampled as each record forms or closes a bar, and the
/// alert's evaluator deciding on every sample. The same bar builder and indicators as the charts, so an
/// alert never disagrees with what a chart of that timeframe shows.
class AlertRun final
{
public:
    struct Fired
    {
        Alerts::Fire fire;
        QString message;
    };

    AlertRun(std::shared_ptr<const Alerts::Definition> alert, const Bars::Session &session, const Model::Symbol &symbol,
             const Alerts::State &stored);

    const Alerts::Definition &alert() const noexcept { return *m_alert; }
    const std::shared_ptr<const Alerts::Definition> &definition() const noexcept { return m_alert; }
    const Alerts::State &state() const noexcept { return m_evaluator.state(); }

    /// Carries on from stored bars of its timeframe (oldest first, the last one forming when `lastForming`):
    /// the indicators take them, the side of the level and the recent closes are set from them, and no
    /// alert fires.
    void warm(const std::vector<Bars::Bar> &bars, bool lastForming);
    /// A record of its symbol; a fire it caused is appended to `fired`. False when the record was late.
    bool add(const Model::Tick &tick, std::vector<Fired> &fired);
    /// Closes the forming bar when `now` is past its end (a quiet symbol), deciding on it.
    void closeIfDue(Model::TimestampUs now, std::vector<Fired> &fired);
    /// Expires the alert when `now` is past its expiry; true when that changed its state.
    bool expireIfDue(Model::TimestampUs now);

private:
    struct Event
    {
        TimeframeTrack::Change change;
        Bars::Bar bar;
        Indicators::IndicatorSnapshot snapshot;
    };
    /// The operands in order: left, then the right one or the channel's two edges.
    std::vector<const Alerts::Operand *> operands() const;
    Alerts::Sample sampleAt(std::size_t event, double price) const;
    /// Samples what the last record (or the clock) changed; `recordTime`: the record's time.
    void evaluate(std::optional<Model::TimestampUs> recordTime, std::vector<Fired> &fired);

    std::shared_ptr<const Alerts::Definition> m_alert;
    Model::Symbol m_symbol;
    std::vector<TimeframeTrack> m_tracks;     ///< the first gives the bars; one per set of indicator periods
    std::vector<int> m_trackOf;               ///< for each operand, its track
    std::vector<std::vector<Event>> m_events; ///< per track, what the last record changed
    Alerts::Evaluator m_evaluator;
};

} // namespace Pipeline
