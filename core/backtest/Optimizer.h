// SPDX-License-Identifier: MIT
#pragma once

#include "Backtest.h"

#include <QFuture>
#include <QJsonObject>

#include <atomic>
#include <functional>

namespace Backtest {

/// One parameter of a search: a path into the strategy's JSON (see withParameter) and its values, from
/// `from` to `to` in steps of `step`.
struct Axis
{
    QString path;
    double from = 0;
    double to = 0;
    double step = 1;
    std::vector<double> values() const;
    /// `fast=5:50:5`; the error names what is wrong.
    static Util::Result<Axis> parse(const QString &text);
};

/// What a search ranks by. Larger is better for all but the drawdown.
enum class Objective
{
    TotalReturn,
    Sharpe,
    Sortino,
    Calmar,
    ProfitFactor,
    WinRate,
    Expectancy,
    MaxDrawdown,
};
const char *objectiveName(Objective objective) noexcept;
std::optional<Objective> objectiveNamed(QStringView name);
/// The figure the objective reads, if the test has it.
std::optional<double> figure(const Metrics &metrics, Objective objective);
/// `a` ranks before `b` (absent figures last).
bool ranksBefore(const Metrics &a, const Metrics &b, Objective objective);

/// Every combination of up to three axes' values, the last axis changing fastest.
class Grid final
{
public:
    static constexpr std::size_t MaxAxes = 3;
    static constexpr std::size_t MaxSets = 1'000'000;
    /// The error names the axis that is wrong (none given, too many, no values, or too many sets).
    static Util::Result<Grid> of(std::vector<Axis> axes);
    Grid() = default;

    const std::vector<Axis> &axes() const noexcept { return m_axes; }
    std::size_t size() const noexcept { return m_size; }
    /// The values of set `index`, one per axis.
    std::vector<double> at(std::size_t index) const;
    /// The strategy JSON with set `index`'s values in it.
    Util::Result<QJsonObject> apply(const QJsonObject &strategy, std::size_t index) const;

private:
    std::vector<Axis> m_axes;
    std::vector<std::vector<double>> m_values;
    std::size_t m_size = 0;
};

/// One set's outcome: its values and figures, or why it could not run (fast not shorter than slow…).
struct SetResult
{
    std::size_t index = 0;
    std::vector<double> values;
    std::optional<Metrics> metrics;
    QString error;
};

/// A parameter search over bars already loaded.
struct Search
{
    QJsonObject strategy; ///< the strategy the grid's values are set in
    Grid grid;
    std::vector<std::shared_ptr<SeriesCache>> series; ///< shared by every set
    Settings settings;
    Span span;
};

/// Runs every set of the grid across the cores (QtConcurrent's global pool) and answers them in grid order;
/// `progress(done, total)` is called from the workers now and then. Setting `cancel` stops the workers
/// before their next set: the sets not run are left out.
std::vector<SetResult> runSearch(const Search &search, const std::atomic<bool> &cancel,
                                 const std::function<void(std::size_t, std::size_t)> &progress = {});
/// One set, on the calling thread.
SetResult runSet(const Search &search, std::size_t index);

/// Results that ran, best first.
std::vector<SetResult> ranked(std::vector<SetResult> results, Objective objective);

/// The figure over two axes (`x` columns, `y` rows) of the grid: with a third axis, its best value at each cell.
/// Cells without a figure are NaN.
struct Heatmap
{
    std::size_t xAxis = 0;
    std::size_t yAxis = 1;
    std::vector<double> xValues;
    std::vector<double> yValues;
    std::vector<std::vector<double>> cells; ///< [row y][column x]
};
Heatmap heatmap(const Grid &grid, const std::vector<SetResult> &results, Objective objective, std::size_t xAxis = 0,
                std::size_t yAxis = 1);

} // namespace Backtest
