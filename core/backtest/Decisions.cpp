// SPDX-License-Identifier: MIT
#include "Decisions.h"

#include "alerts/AlertEvaluator.h"
#include "util/HugePages.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

namespace Backtest {

namespace {

constexpr double Absent = std::numeric_limits<double>::quiet_NaN();

std::optional<double> present(double x)
{
    return std::isnan(x) ? std::nullopt : std::optional(x);
}

bool streamable(const Alerts::Operand &operand)
{
    return operand.kind == Alerts::Operand::Kind::Field || operand.kind == Alerts::Operand::Kind::Indicator;
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
    Column out(m_bars->size());
    OperandStream(operand, m_symbol).fill(*m_bars, 0, m_bars->size(), out.data());
    return out;
}

OperandStream::OperandStream(const Alerts::Operand &operand, const Model::Symbol &symbol)
    : m_operand(operand)
    , m_symbol(symbol)
{
    if (operand.kind == Alerts::Operand::Kind::Indicator && operand.indicator == Alerts::Indicator::Sma)
        m_sma.emplace(operand.config().sma); // the indicator set's own average, without the others beside it
    else
        m_set = std::make_unique<Indicators::IndicatorSet>(operand.config());
}

OperandStream::OperandStream(OperandStream &&) noexcept = default;
OperandStream::~OperandStream() = default;

void OperandStream::fill(const BarColumns &bars, std::size_t from, std::size_t to, double *out)
{
    if (m_sma) {
        for (std::size_t i = from; i < to; ++i) {
            const auto v = m_sma->append(bars.close[i]); // a series worked through: never a bar replaced
            out[i - from] = v ? *v : Absent;
        }
        return;
    }
    const bool indicator = m_operand.kind == Alerts::Operand::Kind::Indicator;
    for (std::size_t i = from; i < to; ++i) {
        const Model::Tick bar = bars.tick(i, m_symbol);
        const Indicators::IndicatorSnapshot &s = indicator ? m_set->update(bar) : m_set->snapshot();
        const auto v = m_operand.valueOf(bar, s, bar.close);
        out[i - from] = v ? *v : Absent;
    }
}

/// One condition decided a stretch at a time: a built-in rule's signal of its side, or an alert condition on
/// closed bars (the evaluator the alerts run, in its one-pass form where it has one).
class DecisionStream::ConditionStream
{
public:
    ConditionStream(const Condition &c, const BarColumns &bars, const Model::Symbol &symbol, SeriesCache *cache,
                    const std::function<Shared *(const Alerts::Operand &)> &shared)
        : m_condition(c)
        , m_bars(bars)
        , m_symbol(symbol)
        , m_evaluator(c.alert)
    {
        if (c.kind == Condition::Kind::Rule) {
            m_indicators = std::make_unique<Indicators::IndicatorSet>(c.indicators);
            m_rules = std::make_unique<Signals::RuleEngine>(c.rules);
            return;
        }
        const Alerts::Definition &a = c.alert;
        const std::array<const Alerts::Operand *, 3> operands{&a.left, a.channel ? &a.channel->first : &a.right,
                                                              a.channel ? &a.channel->second : nullptr};
        for (std::size_t k = 0; k < 3; ++k) {
            if (!operands[k] || !streamable(*operands[k]))
                continue;
            if (cache)
                m_cached[k] = &cache->valuesOf(*operands[k]);
            else
                m_streams[k] = shared(*operands[k]);
        }
    }

    /// Whether `other` is a crossing of the same two values with the same dead band (a strategy's entry and exit
    /// on one crossing), which markPair() decides in one pass.
    bool pairs(const ConditionStream &other) const
    {
        const Alerts::Definition &a = m_condition.alert;
        const Alerts::Definition &b = other.m_condition.alert;
        const auto crossing = [](Alerts::Operator op) {
            return op == Alerts::Operator::Crossing || op == Alerts::Operator::CrossingUp ||
                   op == Alerts::Operator::CrossingDown;
        };
        return !m_rules && !other.m_rules && !a.channel && !b.channel && crossing(a.op) && crossing(b.op) &&
               a.left == b.left && a.right == b.right && a.deadBand == b.deadBand;
    }

    /// Decides this condition and `other` (see pairs()) in one pass; false when the evaluators cannot.
    bool markPair(ConditionStream &other, std::size_t from, std::size_t to, std::uint8_t *fired, std::uint8_t bit,
                  std::uint8_t otherBit)
    {
        const std::array<const double *, 3> values = valuesFor(from);
        const Alerts::Definition &a = m_condition.alert;
        if (!values[0] || !(values[1] || a.right.kind == Alerts::Operand::Kind::Constant))
            return false;
        return Alerts::Evaluator::addClosedRunPair(
            m_evaluator, bit, other.m_evaluator, otherBit, values[0], values[1] ? values[1] : &a.right.value,
            values[1] ? 1 : 0, m_bars.time.data() + from, m_bars.end.data() + from, to - from, fired);
    }

    void mark(std::size_t from, std::size_t to, std::uint8_t *fired, std::uint8_t bit)
    {
        if (m_rules)
            return markRule(from, to, fired, bit);
        const Alerts::Definition &a = m_condition.alert;
        const std::array<const Alerts::Operand *, 3> operands{&a.left, a.channel ? &a.channel->first : &a.right,
                                                              a.channel ? &a.channel->second : nullptr};
        const std::array<const double *, 3> values = valuesFor(from);
        const std::size_t n = to - from;
        if (values[0] && !a.channel && (values[1] || a.right.kind == Alerts::Operand::Kind::Constant) &&
            m_evaluator.addClosedRun(values[0], values[1] ? values[1] : &a.right.value, values[1] ? 1 : 0,
                                     m_bars.time.data() + from, m_bars.end.data() + from, n, fired, bit))
            return;
        const auto at = [&](std::size_t k, std::size_t i) -> std::optional<double> {
            if (values[k])
                return present(values[k][i - from]);
            if (operands[k]->kind == Alerts::Operand::Kind::Line)
                return operands[k]->lineAt(m_bars.time[i]);
            return operands[k]->value;
        };
        Alerts::Sample sample;
        sample.closed = true;
        for (std::size_t i = from; i < to; ++i) {
            sample.barOpen = m_bars.time[i];
            sample.time = m_bars.end[i];
            sample.price = m_bars.close[i];
            sample.left = at(0, i);
            sample.right = at(1, i);
            if (operands[2])
                sample.right2 = at(2, i);
            if (m_evaluator.add(sample))
                fired[i - from] |= bit;
        }
    }

private:
    /// Each operand's values for the stretch from `from`: cached ones read in place, streamed ones as the decision
    /// stream filled them; null for a constant or a line.
    std::array<const double *, 3> valuesFor(std::size_t from) const
    {
        std::array<const double *, 3> values{};
        for (std::size_t k = 0; k < 3; ++k) {
            if (m_cached[k])
                values[k] = m_cached[k]->data() + from;
            else if (m_streams[k])
                values[k] = m_streams[k]->values.data();
        }
        return values;
    }

    void markRule(std::size_t from, std::size_t to, std::uint8_t *fired, std::uint8_t bit)
    {
        for (std::size_t i = from; i < to; ++i) {
            const Model::Tick bar = m_bars.tick(i, m_symbol);
            m_rules->onTick(bar, m_indicators->update(bar), false, m_signals);
            for (const Model::TradeSignal &s : m_signals)
                if (s.side == m_condition.side && s.rule == Model::SignalRule(m_condition.rule))
                    fired[i - from] |= bit;
            m_signals.clear();
        }
    }

    Condition m_condition;
    const BarColumns &m_bars;
    Model::Symbol m_symbol;
    Alerts::Evaluator m_evaluator;
    std::array<const Column *, 3> m_cached{};
    std::array<Shared *, 3> m_streams{};
    std::unique_ptr<Indicators::IndicatorSet> m_indicators;
    std::unique_ptr<Signals::RuleEngine> m_rules;
    std::vector<Model::TradeSignal> m_signals;
};

DecisionStream::DecisionStream(const Strategy &strategy, const BarColumns &bars, const Model::Symbol &symbol,
                               SeriesCache *cache)
{
    const auto shared = [&](const Alerts::Operand &operand) {
        const QString key = Alerts::describe(operand);
        for (const auto &s : m_operands)
            if (s->key == key)
                return s.get();
        m_operands.push_back(std::make_unique<Shared>(Shared{key, OperandStream(operand, symbol), {}}));
        return m_operands.back().get();
    };
    const auto add = [&](const std::optional<Condition> &condition, std::uint8_t bit) {
        if (condition)
            m_conditions.emplace_back(std::make_unique<ConditionStream>(*condition, bars, symbol, cache, shared), bit);
    };
    m_bars = &bars;
    if (strategy.allowsLong()) {
        add(strategy.enterLong, EnterLong);
        add(strategy.exitLong, ExitLong);
    }
    if (strategy.allowsShort()) {
        add(strategy.enterShort, EnterShort);
        add(strategy.exitShort, ExitShort);
    }
}

DecisionStream::DecisionStream(DecisionStream &&) noexcept = default;
DecisionStream::~DecisionStream() = default;

void DecisionStream::next(std::size_t from, std::size_t to, std::uint8_t *out)
{
    for (const auto &s : m_operands) {
        s->values.resize(to - from);
        s->stream.fill(*m_bars, from, to, s->values.data());
    }
    std::fill(out, out + (to - from), std::uint8_t(0));
    std::array<bool, 4> done{};
    for (std::size_t i = 0; i < m_conditions.size(); ++i) {
        if (done[i])
            continue;
        auto &[condition, bit] = m_conditions[i];
        // The entry and exit of one crossing: decided in one pass.
        for (std::size_t j = i + 1; j < m_conditions.size() && !done[i]; ++j)
            if (!done[j] && condition->pairs(*m_conditions[j].first) &&
                condition->markPair(*m_conditions[j].first, from, to, out, bit, m_conditions[j].second))
                done[i] = done[j] = true;
        if (!done[i])
            condition->mark(from, to, out, bit);
    }
}

void markFires(const Condition &condition, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit)
{
    Strategy one;
    one.direction = Direction::Long;
    one.enterLong = condition;
    std::vector<std::uint8_t> bits(series.bars().size(), 0);
    DecisionStream(one, series.bars(), series.symbol(), &series).next(0, bits.size(), bits.data());
    for (std::size_t i = 0; i < bits.size(); ++i)
        if (bits[i] & EnterLong)
            fired[i] |= bit;
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
    DecisionStream(strategy, series.bars(), series.symbol(), &series).next(0, decisions.size(), decisions.data());
    return decisions;
}

} // namespace Backtest
