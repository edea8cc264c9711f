// SPDX-License-Identifier: MIT
#pragma once

#include "BarColumns.h"
#include "Strategy.h"

#include <QHash>

#include <cstdint>
#include <memory>
#include <mutex>
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

/// Which of `strategy`'s conditions fire at each bar's close (Decision bits). A bar's bits depend on that
/// bar and the ones before it only: each condition runs forward through the bars, as the live engine does.
std::vector<std::uint8_t> decide(const Strategy &strategy, SeriesCache &series);

/// Where one condition fires, bar by bar: a built-in rule's signal of its side, or an alert condition on a
/// closed bar (the evaluator the alerts run).
std::vector<bool> firesOf(const Condition &condition, SeriesCache &series);
/// The same as bits: `bit` is set in `fired[i]` where bar i fires.
void markFires(const Condition &condition, SeriesCache &series, std::uint8_t *fired, std::uint8_t bit);

} // namespace Backtest
