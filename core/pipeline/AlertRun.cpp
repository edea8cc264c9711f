// SPDX-License-Identifier: MIT
#include "AlertRun.h"

#include <algorithm>

namespace Pipeline {

AlertRun::AlertRun(std::shared_ptr<const Alerts::Definition> alert, const Bars::Session &session,
                   const Model::Symbol &symbol, const Alerts::State &stored)
    : m_alert(std::move(alert))
    , m_symbol(symbol)
    , m_evaluator(*m_alert, stored)
{
    // A track per distinct set of indicator periods; fields and constants read the first track's bars.
    std::vector<Indicators::IndicatorConfig> configs;
    for (const Alerts::Operand *operand : operands()) {
        const Indicators::IndicatorConfig config = operand->config();
        int track = 0;
        if (operand->kind == Alerts::Operand::Kind::Indicator) {
            const auto it = std::find(configs.begin(), configs.end(), config);
            track = int(it - configs.begin());
            if (it == configs.end())
                configs.push_back(config);
        }
        m_trackOf.push_back(track);
    }
    if (configs.empty())
        configs.emplace_back();
    for (const Indicators::IndicatorConfig &config : configs) {
        m_tracks.emplace_back(m_alert->timeframe, session, config);
        m_tracks.back().setSymbol(symbol);
    }
    m_events.resize(m_tracks.size());
}

std::vector<const Alerts::Operand *> AlertRun::operands() const
{
    if (m_alert->channel)
        return {&m_alert->left, &m_alert->channel->first, &m_alert->channel->second};
    return {&m_alert->left, &m_alert->right};
}

Alerts::Sample AlertRun::sampleAt(std::size_t event, double price) const
{
    const Event &bars = m_events[0][event];
    Alerts::Sample sample;
    sample.barOpen = bars.bar.openTime;
    sample.closed = bars.change == TimeframeTrack::Change::Closed;
    sample.time = bars.bar.endTime;
    sample.price = price;
    const auto ops = operands();
    std::optional<double> values[3];
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const Event &e = m_events[std::size_t(m_trackOf[i])][event];
        values[i] = ops[i]->valueOf(m_tracks[0].asTick(e.bar), e.snapshot, price);
    }
    sample.left = values[0];
    sample.right = values[1];
    sample.right2 = values[2];
    return sample;
}

void AlertRun::warm(const std::vector<Bars::Bar> &bars, bool lastForming)
{
    for (std::size_t t = 0; t < m_tracks.size(); ++t) {
        m_events[t].clear();
        m_tracks[t].warm(
            bars, lastForming,
            [&](TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                m_events[t].push_back({change, bar, s});
            });
    }
    // The stored state says whether it fired; where the value stands and its recent closes come from the bars.
    Alerts::State state = m_evaluator.state();
    state.side = 0;
    state.closes.clear();
    Alerts::Definition silent = *m_alert;
    silent.trigger = Alerts::Trigger::OncePerBarClose;
    silent.expires.reset();
    silent.enabled = true;
    Alerts::Evaluator replay(silent, Alerts::State{});
    for (std::size_t i = 0; i < m_events[0].size(); ++i)
        if (m_events[0][i].change == TimeframeTrack::Change::Closed)
            replay.add(sampleAt(i, m_events[0][i].bar.close));
    state.side = replay.state().side;
    state.closes = replay.state().closes;
    m_evaluator = Alerts::Evaluator(*m_alert, state);
}

bool AlertRun::add(const Model::Tick &tick, std::vector<Fired> &fired)
{
    bool inTime = true;
    for (std::size_t t = 0; t < m_tracks.size(); ++t) {
        m_events[t].clear();
        inTime = m_tracks[t].add(
            tick, [&](TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                m_events[t].push_back({change, bar, s});
            });
    }
    if (!inTime)
        return false;
    evaluate(tick.timestamp, fired);
    return true;
}

void AlertRun::closeIfDue(Model::TimestampUs now, std::vector<Fired> &fired)
{
    for (std::size_t t = 0; t < m_tracks.size(); ++t) {
        m_events[t].clear();
        m_tracks[t].closeIfDue(
            now, [&](TimeframeTrack::Change change, const Bars::Bar &bar, const Indicators::IndicatorSnapshot &s) {
                m_events[t].push_back({change, bar, s});
            });
    }
    evaluate(std::nullopt, fired);
}

void AlertRun::evaluate(std::optional<Model::TimestampUs> recordTime, std::vector<Fired> &fired)
{
    for (std::size_t i = 0; i < m_events[0].size(); ++i) {
        if (m_events[0][i].change == TimeframeTrack::Change::Revised)
            continue; // a delayed record joined a closed bar: that bar was decided on
        const double price = m_events[0][i].bar.close;
        Alerts::Sample sample = sampleAt(i, price);
        if (recordTime)
            sample.time = std::max(*recordTime, sample.barOpen);
        if (const auto fire = m_evaluator.add(sample)) {
            const Alerts::FireContext context{m_symbol.toString(), fire->price, fire->value, fire->level, fire->time};
            fired.push_back({*fire, Alerts::message(*m_alert, context)});
        }
    }
}

bool AlertRun::expireIfDue(Model::TimestampUs now)
{
    const Alerts::Status before = m_evaluator.state().status;
    m_evaluator.expireIfDue(now);
    return m_evaluator.state().status != before;
}

} // namespace Pipeline
