// SPDX-License-Identifier: MIT
#include "Decisions.h"

#include "alerts/AlertEvaluator.h"
#include "util/HugePages.h"

#include <cmath>
#include <limits>

namespace Backtest {

namespace {

constexpr double Absent = std::numeric_limits<double>::quiet_NaN();

std::optional<double> present(double x)
{
    return std::isnan(x) ? std::nullopt : std::optional(x);
}

/// An operand's value at bar `i`: from the cache, or worked out there for a constant or a line.
struct OperandReader
{
    const Alerts::Operand *operand = nullptr;
    const Column *values = nullptr;

    static OperandReader of(const Alerts::Operand &operand, SeriesCache &series)
    {
        const bool cached =
            operand.kind == Alerts::Operand::Kind::Field || operand.kind == Alerts::Operand::Kind::Indicator;
        return {&operand, cached ? &series.valuesOf(operand) : nullptr};
    }
    std::optional<double> at(std::size_t i, const BarColumns &bars) const
    {
        if (values)
            return present((*values)[i]);
        if (operand->kind == Alerts::Operand::Kind::Line)
            return operand->lineAt(bars.time[i]);
        return operand->value;
    }
};

void alertFires(const Alerts::Definition &alert, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit)
{
    const BarColumns &bars = series.bars();
    const std::size_t n = bars.size();
    Alerts::Evaluator evaluator(alert);
    const OperandReader left = OperandReader::of(alert.left, series);
    const OperandReader right = OperandReader::of(alert.channel ? alert.channel->first : alert.right, series);
    if (left.values && !alert.channel) {
        const bool constant = alert.right.kind == Alerts::Operand::Kind::Constant;
        if ((right.values || constant) &&
            evaluator.addClosedRun(left.values->data(), right.values ? right.values->data() : &alert.right.value,
                                   right.values ? 1 : 0, bars.time.data(), bars.end.data(), n, fired, bit))
            return;
    }
    const std::optional<OperandReader> right2 =
        alert.channel ? std::optional(OperandReader::of(alert.channel->second, series)) : std::nullopt;
    Alerts::Sample sample;
    sample.closed = true;
    for (std::size_t i = 0; i < n; ++i) {
        sample.barOpen = bars.time[i];
        sample.time = bars.end[i];
        sample.price = bars.close[i];
        sample.left = left.at(i, bars);
        sample.right = right.at(i, bars);
        if (right2)
            sample.right2 = right2->at(i, bars);
        if (evaluator.add(sample))
            fired[i] |= bit;
    }
}

void ruleFires(const Condition &c, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit)
{
    const BarColumns &bars = series.bars();
    Indicators::IndicatorSet indicators(c.indicators);
    Signals::RuleEngine rules(c.rules);
    std::vector<Model::TradeSignal> signals;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Model::Tick bar = bars.tick(i, series.symbol());
        rules.onTick(bar, indicators.update(bar), false, signals);
        for (const Model::TradeSignal &s : signals)
            if (s.side == c.side && s.rule == Model::SignalRule(c.rule))
                fired[i] |= bit;
        signals.clear();
    }
}

} // namespace

SeriesCache::SeriesCache(std::shared_ptr<const BarColumns> bars)
    : m_bars(std::move(bars))
{
    Model::Symbol::fromString(m_bars->symbol, m_symbol);
}

Column::Column(std::size_t n)
    : m_data(new double[n]) // default-initialised: written by the one who fills it
    , m_size(n)
{
    Util::preferHugePages(m_data.get(), n * sizeof(double));
}

const Column &SeriesCache::valuesOf(const Alerts::Operand &operand)
{
    std::shared_ptr<Entry> entry;
    {
        const std::lock_guard lock(m_mutex);
        std::shared_ptr<Entry> &slot = m_entries[Alerts::describe(operand)];
        if (!slot)
            slot = std::make_shared<Entry>();
        entry = slot;
    }
    std::call_once(entry->computed, [&] { entry->values = compute(operand); });
    return entry->values; // entries are never removed: the reference outlives the lock
}

Column SeriesCache::compute(const Alerts::Operand &operand) const
{
    const BarColumns &bars = *m_bars;
    const std::size_t n = bars.size();
    Column out(n);
    double *values = out.data();
    if (operand.kind == Alerts::Operand::Kind::Indicator && operand.indicator == Alerts::Indicator::Sma) {
        // The indicator set's own average, without the others it would compute beside it.
        Indicators::Sma sma(operand.config().sma);
        for (std::size_t i = 0; i < n; ++i) {
            const auto v = sma.update(bars.close[i]);
            values[i] = v ? *v : Absent;
        }
        return out;
    }
    Indicators::IndicatorSet indicators(operand.config());
    for (std::size_t i = 0; i < n; ++i) {
        const Model::Tick bar = bars.tick(i, m_symbol);
        const Indicators::IndicatorSnapshot &s =
            operand.kind == Alerts::Operand::Kind::Indicator ? indicators.update(bar) : indicators.snapshot();
        const auto v = operand.valueOf(bar, s, bar.close);
        values[i] = v ? *v : Absent;
    }
    return out;
}

void markFires(const Condition &condition, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit)
{
    if (condition.kind == Condition::Kind::Rule)
        ruleFires(condition, series, fired, bit);
    else
        alertFires(condition.alert, series, fired, bit);
}

std::vector<bool> firesOf(const Condition &condition, SeriesCache &series)
{
    std::vector<std::uint8_t> fired(series.bars().size(), 0);
    markFires(condition, series, fired.data(), 1);
    return std::vector<bool>(fired.begin(), fired.end());
}

std::vector<std::uint8_t> decide(const Strategy &strategy, SeriesCache &series)
{
    std::vector<std::uint8_t> decisions = Util::hugeVector<std::uint8_t>(series.bars().size(), 0);
    const auto mark = [&](const std::optional<Condition> &condition, std::uint8_t bit) {
        if (condition)
            markFires(*condition, series, decisions.data(), bit);
    };
    if (strategy.allowsLong()) {
        mark(strategy.enterLong, EnterLong);
        mark(strategy.exitLong, ExitLong);
    }
    if (strategy.allowsShort()) {
        mark(strategy.enterShort, EnterShort);
        mark(strategy.exitShort, ExitShort);
    }
    return decisions;
}

} // namespace Backtest
