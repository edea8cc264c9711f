// SPDX-License-Identifier: MIT
#include "Reliability.h"

namespace Backtest {

namespace {

/// Counts the signals at `fired` bars, `way` being +1 for up, -1 for down.
void measure(Reliability &r, const std::vector<bool> &fired, const BarColumns &bars, int horizon, int way)
{
    double sum = 0;
    for (std::size_t i = 0; i + std::size_t(horizon) < bars.size(); ++i) {
        if (!fired[i] || bars.close[i] <= 0)
            continue;
        const double move = (bars.close[i + std::size_t(horizon)] / bars.close[i] - 1) * 100 * way;
        ++r.signals;
        r.hits += move > 0 ? 1 : 0;
        sum += move;
    }
    if (r.signals > 0) {
        r.hitRate = double(r.hits) / r.signals;
        r.averageMovePercent = sum / r.signals;
    }
}

int wayOf(Alerts::Operator op)
{
    switch (op) {
    case Alerts::Operator::CrossingUp:
    case Alerts::Operator::GreaterThan:
    case Alerts::Operator::MovingUp:
    case Alerts::Operator::MovingUpPercent:
        return 1;
    case Alerts::Operator::CrossingDown:
    case Alerts::Operator::LessThan:
    case Alerts::Operator::MovingDown:
    case Alerts::Operator::MovingDownPercent:
        return -1;
    default:
        return 0;
    }
}

} // namespace

std::vector<Reliability> reliability(SeriesCache &series, const Signals::RuleConfig &rules,
                                     const Indicators::IndicatorConfig &indicators,
                                     const std::vector<Alerts::Definition> &alerts, int horizon)
{
    std::vector<Reliability> out;
    horizon = std::max(1, horizon);
    const BarColumns &bars = series.bars();
    for (const auto rule :
         {Signals::RuleEngine::RsiTrend, Signals::RuleEngine::MaCross, Signals::RuleEngine::PriceMove}) {
        const bool on = rule == Signals::RuleEngine::RsiTrend  ? rules.rsiTrend
                        : rule == Signals::RuleEngine::MaCross ? rules.maCross
                                                               : rules.priceMove;
        if (!on)
            continue;
        for (const auto side : {Model::SignalSide::Buy, Model::SignalSide::Sell}) {
            // The rule as the engine runs it, with its cool-down.
            const Condition c = Condition::ofRule(rule, side, rules, indicators);
            Reliability r;
            r.name = QString::fromLatin1(Signals::RuleEngine::ruleId(rule));
            r.side = side;
            measure(r, firesOf(c, series), bars, horizon, side == Model::SignalSide::Buy ? 1 : -1);
            out.push_back(std::move(r));
        }
    }
    for (const Alerts::Definition &alert : alerts) {
        Condition c;
        c.kind = Condition::Kind::Alert;
        c.alert = alert;
        c.alert.trigger = Alerts::Trigger::OncePerBarClose;
        c.alert.expires.reset();
        c.alert.enabled = true;
        const int way = wayOf(alert.op);
        Reliability r;
        r.name = alert.name;
        r.condition = Alerts::describe(alert);
        r.side = way < 0 ? Model::SignalSide::Sell : way > 0 ? Model::SignalSide::Buy : Model::SignalSide::Alert;
        measure(r, firesOf(c, series), bars, horizon, way < 0 ? -1 : 1);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace Backtest
