// SPDX-License-Identifier: MIT
#pragma once

#include "TimeframeTrack.h"
#include "alerts/AlertBook.h"

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace Storage {
struct BarRange;
}

namespace Pipeline {

class AlertRun;

/// One symbol's alerts in the engine. Bars of each alert's timeframe with the indicators its operands ask for
/// (with their own periods) are kept once per timeframe and set of periods, shared by every alert that needs
/// them, and sampled as each record forms or closes a bar; each alert's evaluator decides on every sample.
/// The same bar builder and indicators as the charts, so an alert never disagrees with what a chart shows.
class AlertSet final
{
public:
    struct Fired
    {
        const AlertRun *run = nullptr; ///< valid until the next sync()
        Alerts::Fire fire;
        QString message;
    };
    /// The stored bars of a timeframe to warm from (oldest first).
    using ReadBars = std::function<Storage::BarRange(const Bars::Timeframe &)>;

    AlertSet();
    ~AlertSet();
    AlertSet(AlertSet &&) noexcept;
    AlertSet &operator=(AlertSet &&) noexcept;

    /// The symbol's alerts as `catalog` has them: unchanged ones carry on where they were, new ones start from
    /// their stored state with bars read by `readBars` (null: none).
    void sync(const Alerts::AlertBook::Catalog &catalog, const Model::Symbol &symbol, const Bars::Session &session,
              const ReadBars &readBars);
    quint64 version() const noexcept { return m_version; }
    bool empty() const noexcept { return m_runs.empty(); }
    const std::vector<AlertRun> &runs() const noexcept { return m_runs; }

    /// A record of the symbol; fires are appended to `fired`.
    void add(const Model::Tick &tick, std::vector<Fired> &fired);
    /// Closes bars whose end passed (a quiet symbol), deciding on them.
    void closeIfDue(Model::TimestampUs now, std::vector<Fired> &fired);
    /// Expires alerts past their expiry; those whose state changed are appended to `changed`.
    void expireIfDue(Model::TimestampUs now, std::vector<const AlertRun *> &changed);

    struct Event
    {
        TimeframeTrack::Change change;
        Bars::Bar bar;
        Indicators::IndicatorSnapshot snapshot;
        /// A forming bar's values, the track's own until its next record: not copied on every record.
        const Indicators::IndicatorSnapshot *live = nullptr;

        const Indicators::IndicatorSnapshot &values() const noexcept { return live ? *live : snapshot; }
    };
    struct SharedTrack
    {
        Bars::Timeframe timeframe;
        std::optional<Indicators::IndicatorConfig> config; ///< none: bars only, for prices and constants
        TimeframeTrack track;
        std::vector<Event> events; ///< what the last record (or the clock) changed
    };

private:
    int trackFor(const Bars::Timeframe &timeframe, const std::optional<Indicators::IndicatorConfig> &config,
                 const Bars::Session &session, const Model::Symbol &symbol, const ReadBars &readBars);
    /// A track warmed from the stored bars, its events those of the warm-up.
    static SharedTrack warmTrack(const Bars::Timeframe &timeframe,
                                 const std::optional<Indicators::IndicatorConfig> &config, const Bars::Session &session,
                                 const Model::Symbol &symbol, const ReadBars &readBars);
    void evaluate(std::optional<Model::TimestampUs> recordTime, std::vector<Fired> &fired);
    /// The prices within which no run that decides on forming bars has anything to do (all of theirs met).
    void updateQuiet();

    std::vector<SharedTrack> m_tracks;
    std::vector<AlertRun> m_runs;
    std::vector<std::size_t> m_intrabar; ///< the runs that look at forming bars too (not once per bar close)
    /// A record that only forms a bar, at a price in here, changes nothing for any of those runs: they are not
    /// even looked at (the cost of most records on a symbol with many alerts).
    std::pair<double, double> m_quiet{1, 0};
    Model::Symbol m_symbol;
    quint64 m_version = 0;
};

/// One alert on one symbol: which shared tracks its operands read, and its evaluator.
class AlertRun final
{
public:
    AlertRun(std::shared_ptr<const Alerts::Definition> alert, const Alerts::State &stored, std::vector<int> trackOf);

    const Alerts::Definition &alert() const noexcept { return *m_alert; }
    /// False once moved from.
    bool isValid() const noexcept { return m_alert != nullptr; }
    const std::vector<int> &tracks() const noexcept { return m_trackOf; }
    /// Whether it decides on forming bars too, not only on closed ones.
    bool intrabar() const noexcept { return m_trigger != Alerts::Trigger::OncePerBarClose; }
    const Alerts::State &state() const noexcept { return m_evaluator.state(); }

    /// The side of the level and the recent closes from the closed bars the tracks were warmed with; `trackOf`
    /// says which of `tracks` each operand reads (by default its own tracks).
    void settle(const std::vector<AlertSet::SharedTrack> &tracks, const std::vector<int> *trackOf = nullptr);
    /// Decides on every bar the last record changed.
    void evaluate(const std::vector<AlertSet::SharedTrack> &tracks, std::optional<Model::TimestampUs> recordTime,
                  const Model::Symbol &symbol, std::vector<AlertSet::Fired> &fired);
    bool expireIfDue(Model::TimestampUs now);
    /// The last prices for which a forming bar cannot make it fire or change (see Evaluator::quietRange): for an
    /// alert on the price or close against a constant; an empty range for the others.
    std::pair<double, double> quietRange() const;

private:
    Alerts::Sample sampleAt(const std::vector<AlertSet::SharedTrack> &tracks, const std::vector<int> &trackOf,
                            std::size_t event, double price) const;

    std::shared_ptr<const Alerts::Definition> m_alert;
    std::vector<int> m_trackOf; ///< per operand; the first gives the bars
    Alerts::Trigger m_trigger;  ///< the alert's, at hand: most records end at this test for most runs
    Alerts::Evaluator m_evaluator;
};

} // namespace Pipeline
