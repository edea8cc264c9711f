// SPDX-License-Identifier: MIT
#pragma once

#include "BarColumns.h"
#include "Strategy.h"

#include <QHash>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Backtest {

/// What a strategy's conditions say at a bar's close, as bits.
enum Decision : std::uint8_t
{
    EnterLong = 1,
    ExitLong = 2,
    EnterShort = 4,
    ExitShort = 8,
};

/// A value at each bar, NaN where absent. Its memory is written once, by whoever fills it (never zeroed first), and
/// sits on huge pages when large: a test of ten million bars spends its time computing, not clearing memory.
class Column final
{
public:
    Column() = default;
    explicit Column(std::size_t n);
    double *data() noexcept { return m_data.get(); }
    const double *data() const noexcept { return m_data.get(); }
    std::size_t size() const noexcept { return m_size; }
    double operator[](std::size_t i) const noexcept { return m_data[i]; }

private:
    std::unique_ptr<double[]> m_data;
    std::size_t m_size = 0;
};

/// The values of alert operands (fields and indicators) at each bar's close, NaN where absent, computed by the
/// engine's own indicators once and shared by every run over the same bars: a parameter search asks for
/// SMA(20) a thousand times and computes it once. Safe to use from several threads.
class SeriesCache final
{
public:
    explicit SeriesCache(std::shared_ptr<const BarColumns> bars);

    const BarColumns &bars() const noexcept { return *m_bars; }
    const Model::Symbol &symbol() const noexcept { return m_symbol; }
    /// A field's or an indicator's values (not a constant's or a line's).
    const Column &valuesOf(const Alerts::Operand &operand);

private:
    struct Entry
    {
        std::once_flag computed;
        Column values;
    };
    Column compute(const Alerts::Operand &operand) const;

    std::shared_ptr<const BarColumns> m_bars;
    Model::Symbol m_symbol;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

/// An operand's values (a field or an indicator, not a constant or a line) computed bar by bar, a stretch at a
/// time, by the engine's own average or indicator set: the cache fills whole columns with it, a streamed test a
/// stretch at a time.
class OperandStream final
{
public:
    OperandStream(const Alerts::Operand &operand, const Model::Symbol &symbol);
    OperandStream(OperandStream &&) noexcept;
    ~OperandStream();
    /// The values of bars [from, to) into `out[0 .. to - from)`, NaN where absent; stretches one after another.
    void fill(const BarColumns &bars, std::size_t from, std::size_t to, double *out);

private:
    Alerts::Operand m_operand;
    Model::Symbol m_symbol;
    std::optional<Indicators::Sma> m_sma;
    std::unique_ptr<Indicators::IndicatorSet> m_set;
};

/// A strategy's decisions a stretch of bars at a time, each condition keeping its state (its evaluator, its
/// rule engine, its operands' indicators) from one stretch to the next: a test of millions of bars decides them
/// in a few kilobytes, as it trades them. With a cache, operands are read from its columns instead.
class DecisionStream final
{
public:
    DecisionStream(const Strategy &strategy, const BarColumns &bars, const Model::Symbol &symbol,
                   SeriesCache *cache = nullptr);
    DecisionStream(DecisionStream &&) noexcept;
    ~DecisionStream();
    /// The Decision bits of bars [from, to) into `out[0 .. to - from)`; stretches one after another from 0.
    void next(std::size_t from, std::size_t to, std::uint8_t *out);

    /// An operand streamed for the conditions that read it (SMA(10) for both the entry and the exit): computed
    /// once per stretch.
    struct Shared
    {
        QString key;
        OperandStream stream;
        std::vector<double> values; ///< the stretch's
    };

private:
    class ConditionStream;
    std::vector<std::unique_ptr<Shared>> m_operands;
    const BarColumns *m_bars = nullptr;
    std::vector<std::pair<std::unique_ptr<ConditionStream>, std::uint8_t>> m_conditions;
};

/// Which of `strategy`'s conditions fire at each bar's close (Decision bits). A bar's bits depend on that
/// bar and the ones before it only: each condition runs forward through the bars, as the live engine does.
std::vector<std::uint8_t> decide(const Strategy &strategy, SeriesCache &series);

/// Where one condition fires, bar by bar: a built-in rule's signal of its side, or an alert condition on a
/// closed bar (the evaluator the alerts run).
std::vector<bool> firesOf(const Condition &condition, SeriesCache &series);
/// The same as bits: `bit` is set in `fired[i]` where bar i fires.
void markFires(const Condition &condition, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit);

} // namespace Backtest
