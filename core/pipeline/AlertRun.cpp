// SPDX-License-Identifier: MIT
#include "AlertRun.h"

#include "storage/BarQueries.h"

#include <algorithm>
#include <limits>

namespace Pipeline {

namespace {

/// An alert's operands in order: left, then the right one or the channel's two edges; `count` of them.
std::array<const Alerts::Operand *, 3> operandsOf(const Alerts::Definition &alert, std::size_t &count)
{
    if (alert.channel) {
        count = 3;
        return {&alert.left, &alert.channel->first, &alert.channel->second};
    }
    count = 2;
    return {&alert.left, &alert.right, nullptr};
}

} // namespace

AlertSet::AlertSet() = default;
AlertSet::~AlertSet() = default;
AlertSet::AlertSet(AlertSet &&) noexcept = default;
AlertSet &AlertSet::operator=(AlertSet &&) noexcept = default;

AlertSet::SharedTrack AlertSet::warmTrack(const Bars::Timeframe &timeframe,
                                          const std::optional<Indicators::IndicatorConfig> &config,
                                          const Bars::Session &session, const Model::Symbol &symbol,
                                          const ReadBars &readBars)
{
    SharedTrack shared{
        timeframe,
        config,
        TimeframeTrack(timeframe, session, config.value_or(Indicators::IndicatorConfig{}), config.has_value()),
        {}};
    shared.track.setSymbol(symbol);
    if (readBars) {
        const Storage::BarRange bars = readBars(timeframe);
        shared.track.warm(
            bars.bars, bars.lastForming,
            [&](TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                shared.events.push_back({change, bar, s});
            });
    }
    return shared;
}

int AlertSet::trackFor(const Bars::Timeframe &timeframe, const std::optional<Indicators::IndicatorConfig> &config,
                       const Bars::Session &session, const Model::Symbol &symbol, const ReadBars &readBars)
{
    // Prices and constants need bars only: any track of the timeframe serves, one with indicators included.
    for (std::size_t i = 0; i < m_tracks.size(); ++i)
        if (m_tracks[i].timeframe == timeframe && (!config || m_tracks[i].config == config))
            return int(i);
    m_tracks.push_back(warmTrack(timeframe, config, session, symbol, readBars));
    return int(m_tracks.size() - 1);
}

void AlertSet::sync(const Alerts::AlertBook::Catalog &catalog, const Model::Symbol &symbol,
                    const Bars::Session &session, const ReadBars &readBars)
{
    m_symbol = symbol;
    const QString name = symbol.toString();
    // Tracks made before this sync carry on live: their warm-up events are gone.
    const auto carriedTracks = int(m_tracks.size());
    std::vector<AlertRun> runs;
    std::vector<std::size_t> fresh;
    const auto running = [this](const Alerts::Definition &alert) {
        // A run taken over already was moved from: it has no alert any more.
        return std::find_if(m_runs.begin(), m_runs.end(),
                            [&](const AlertRun &run) { return run.isValid() && run.alert() == alert; });
    };
    const std::vector<std::shared_ptr<const Alerts::Definition>> alerts = catalog.of(name);
    // The new alerts' indicator tracks first, so that their prices and constants ride on one of those instead
    // of on bars of their own: a record then costs one bar builder's step less.
    for (const auto &alert : alerts) {
        if (running(*alert) != m_runs.end())
            continue;
        std::size_t count = 0;
        const auto operands = operandsOf(*alert, count);
        for (std::size_t i = 0; i < count; ++i)
            if (operands[i]->kind == Alerts::Operand::Kind::Indicator)
                trackFor(alert->timeframe, operands[i]->config(), session, symbol, readBars);
    }
    for (const auto &alert : alerts) {
        const auto same = running(*alert);
        if (same != m_runs.end()) { // unchanged: it carries on where it was
            runs.push_back(std::move(*same));
            continue;
        }
        std::vector<int> trackOf;
        std::size_t count = 0;
        const auto operands = operandsOf(*alert, count);
        for (std::size_t i = 0; i < count; ++i) {
            const Alerts::Operand *operand = operands[i];
            const bool indicator = operand->kind == Alerts::Operand::Kind::Indicator;
            trackOf.push_back(trackFor(alert->timeframe, indicator ? std::optional(operand->config()) : std::nullopt,
                                       session, symbol, readBars));
        }
        const auto stored = catalog.states.find({alert->id, name});
        runs.emplace_back(alert, stored == catalog.states.end() ? Alerts::State{} : stored->second, std::move(trackOf));
        fresh.push_back(runs.size() - 1);
    }
    m_runs = std::move(runs);
    if (m_runs.empty())
        m_tracks.clear(); // no alert left on the symbol: nothing to keep bars for
    // A track whose indicators are read on closed bars only leaves them alone while a bar forms: most alerts
    // then cost a bar builder's step a record.
    std::vector<bool> intrabarTrack(m_tracks.size(), false);
    m_intrabar.clear();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!m_runs[i].intrabar())
            continue;
        m_intrabar.push_back(i);
        // Only an indicator read while a bar forms needs the track's indicators updated on every record.
        std::size_t count = 0;
        const auto operands = operandsOf(m_runs[i].alert(), count);
        for (std::size_t o = 0; o < count; ++o)
            if (operands[o]->kind == Alerts::Operand::Kind::Indicator)
                intrabarTrack[std::size_t(m_runs[i].tracks()[o])] = true;
    }
    for (std::size_t t = 0; t < m_tracks.size(); ++t)
        m_tracks[t].track.setFormingIndicators(intrabarTrack[t]);
    // The events of the warm-up settle the new alerts, then are cleared. A new alert that reads a track which
    // was already running settles on tracks of its own warmed from storage (the running one's warm-up is gone),
    // so that it knows its side of the level at once, as it would after a restart.
    for (const std::size_t i : fresh) {
        const std::vector<int> &trackOf = m_runs[i].tracks();
        if (std::all_of(trackOf.begin(), trackOf.end(), [&](int t) { return t >= carriedTracks; }) || !readBars) {
            m_runs[i].settle(m_tracks);
            continue;
        }
        std::vector<SharedTrack> own;
        std::vector<int> ownOf;
        for (const int t : trackOf) {
            own.push_back(warmTrack(m_tracks[std::size_t(t)].timeframe, m_tracks[std::size_t(t)].config, session,
                                    symbol, readBars));
            ownOf.push_back(int(own.size() - 1));
        }
        m_runs[i].settle(own, &ownOf);
    }
    for (SharedTrack &shared : m_tracks)
        shared.events.clear();
    updateQuiet();
    m_version = catalog.version;
}

void AlertSet::add(const Model::Tick &tick, std::vector<Fired> &fired)
{
    if (m_runs.empty())
        return;
    bool inTime = true;
    for (SharedTrack &shared : m_tracks) {
        shared.events.clear();
        inTime = shared.track.add(tick, [&](TimeframeTrack::Change change, const Bars::Bar &bar,
                                            const Indicators::IndicatorSnapshot &s) {
            // The forming bar comes last and its values stay the track's until the next record; a closed bar's
            // are copied, the forming one that follows it changes them.
            if (change == TimeframeTrack::Change::Forming)
                shared.events.push_back({change, bar, {}, &s});
            else
                shared.events.push_back({change, bar, s});
        }) && inTime;
    }
    if (inTime)
        evaluate(tick.timestamp, fired);
}

void AlertSet::closeIfDue(Model::TimestampUs now, std::vector<Fired> &fired)
{
    if (m_runs.empty())
        return;
    for (SharedTrack &shared : m_tracks) {
        shared.events.clear();
        shared.track.closeIfDue(
            now, [&](TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                shared.events.push_back({change, bar, s});
            });
    }
    evaluate(std::nullopt, fired);
}

void AlertSet::evaluate(std::optional<Model::TimestampUs> recordTime, std::vector<Fired> &fired)
{
    const bool closed = std::any_of(m_tracks.begin(), m_tracks.end(), [](const SharedTrack &shared) {
        return std::any_of(shared.events.begin(), shared.events.end(),
                           [](const Event &e) { return e.change == TimeframeTrack::Change::Closed; });
    });
    if (closed) { // every alert decides
        for (AlertRun &run : m_runs)
            run.evaluate(m_tracks, recordTime, m_symbol, fired);
        updateQuiet();
        return;
    }
    // Only a bar formed: those on closed bars have nothing to do, and the others nothing while the price stays
    // where none of them can fire.
    if (!m_intrabar.empty() && !m_tracks.empty()) {
        const auto &events = m_tracks.front().events;
        const auto forming = std::find_if(events.begin(), events.end(),
                                          [](const Event &e) { return e.change == TimeframeTrack::Change::Forming; });
        if (forming == events.end())
            return; // a delayed record revised a closed bar: decided on already
        if (forming->bar.close >= m_quiet.first && forming->bar.close <= m_quiet.second)
            return;
    }
    for (const std::size_t i : m_intrabar)
        m_runs[i].evaluate(m_tracks, recordTime, m_symbol, fired);
    updateQuiet();
}

void AlertSet::updateQuiet()
{
    m_quiet = {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    for (const std::size_t i : m_intrabar) {
        const auto [low, high] = m_runs[i].quietRange();
        m_quiet = {std::max(m_quiet.first, low), std::min(m_quiet.second, high)};
    }
}

void AlertSet::expireIfDue(Model::TimestampUs now, std::vector<const AlertRun *> &changed)
{
    const std::size_t before = changed.size();
    for (AlertRun &run : m_runs)
        if (run.expireIfDue(now))
            changed.push_back(&run);
    if (changed.size() != before)
        updateQuiet();
}

AlertRun::AlertRun(std::shared_ptr<const Alerts::Definition> alert, const Alerts::State &stored,
                   std::vector<int> trackOf)
    : m_alert(std::move(alert))
    , m_trackOf(std::move(trackOf))
    , m_trigger(m_alert->trigger)
    , m_evaluator(*m_alert, stored)
{}

Alerts::Sample AlertRun::sampleAt(const std::vector<AlertSet::SharedTrack> &tracks, const std::vector<int> &trackOf,
                                  std::size_t event, double price) const
{
    const AlertSet::Event &bars = tracks[std::size_t(trackOf[0])].events[event];
    Alerts::Sample sample;
    sample.barOpen = bars.bar.openTime;
    sample.closed = bars.change == TimeframeTrack::Change::Closed;
    sample.time = bars.bar.endTime;
    sample.price = price;
    std::size_t count = 0;
    const auto ops = operandsOf(*m_alert, count);
    std::optional<double> values[3];
    for (std::size_t i = 0; i < count; ++i) {
        const AlertSet::SharedTrack &shared = tracks[std::size_t(trackOf[i])];
        if (event >= shared.events.size())
            continue; // a track that joined later and has not seen the same bars: no value yet
        const AlertSet::Event &e = shared.events[event];
        values[i] = ops[i]->valueOf(shared.track.asTick(e.bar), e.values(), price);
    }
    sample.left = values[0];
    sample.right = values[1];
    sample.right2 = values[2];
    return sample;
}

void AlertRun::settle(const std::vector<AlertSet::SharedTrack> &tracks, const std::vector<int> *trackOf)
{
    const std::vector<int> &of = trackOf ? *trackOf : m_trackOf;
    // The stored state says whether it fired; where the value stands and its recent closes come from the bars.
    Alerts::Definition silent = *m_alert;
    silent.trigger = Alerts::Trigger::OncePerBarClose;
    silent.expires.reset();
    silent.enabled = true;
    Alerts::Evaluator replay(silent, Alerts::State{});
    const auto &events = tracks[std::size_t(of[0])].events;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].change == TimeframeTrack::Change::Closed)
            replay.add(sampleAt(tracks, of, i, events[i].bar.close));
    Alerts::State state = m_evaluator.state();
    state.side = replay.state().side;
    state.closes = replay.state().closes;
    m_evaluator = Alerts::Evaluator(*m_alert, state);
}

void AlertRun::evaluate(const std::vector<AlertSet::SharedTrack> &tracks, std::optional<Model::TimestampUs> recordTime,
                        const Model::Symbol &symbol, std::vector<AlertSet::Fired> &fired)
{
    const auto &events = tracks[std::size_t(m_trackOf[0])].events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].change == TimeframeTrack::Change::Revised)
            continue; // a delayed record joined a closed bar: that bar was decided on
        if (m_trigger == Alerts::Trigger::OncePerBarClose && events[i].change != TimeframeTrack::Change::Closed)
            continue; // the forming bar changes nothing for it: skip building the sample
        Alerts::Sample sample = sampleAt(tracks, m_trackOf, i, events[i].bar.close);
        if (recordTime)
            sample.time = std::max(*recordTime, sample.barOpen);
        if (const auto fire = m_evaluator.add(sample)) {
            const Alerts::FireContext context{symbol.toString(), fire->price, fire->value, fire->level, fire->time};
            fired.push_back({this, *fire, Alerts::message(*m_alert, context)});
        }
    }
}

std::pair<double, double> AlertRun::quietRange() const
{
    const Alerts::Operand &left = m_alert->left;
    const bool price = left.kind == Alerts::Operand::Kind::Field &&
                       (left.field == Alerts::Field::Price || left.field == Alerts::Field::Close);
    if (!price || m_alert->channel || m_alert->right.kind != Alerts::Operand::Kind::Constant)
        return {1, 0};
    return m_evaluator.quietRange(m_alert->right.value);
}

bool AlertRun::expireIfDue(Model::TimestampUs now)
{
    const Alerts::Status before = m_evaluator.state().status;
    m_evaluator.expireIfDue(now);
    return m_evaluator.state().status != before;
}

} // namespace Pipeline
