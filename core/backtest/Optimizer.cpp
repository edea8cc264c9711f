// SPDX-License-Identifier: MIT
#include "Optimizer.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Backtest {

namespace {

constexpr std::array<std::pair<Objective, const char *>, 8> ObjectiveNames{{{Objective::TotalReturn, "total_return"},
                                                                            {Objective::Sharpe, "sharpe"},
                                                                            {Objective::Sortino, "sortino"},
                                                                            {Objective::Calmar, "calmar"},
                                                                            {Objective::ProfitFactor, "profit_factor"},
                                                                            {Objective::WinRate, "win_rate"},
                                                                            {Objective::Expectancy, "expectancy"},
                                                                            {Objective::MaxDrawdown, "max_drawdown"}}};

} // namespace

std::vector<double> Axis::values() const
{
    std::vector<double> out;
    if (!(step > 0) || !(to >= from))
        return out;
    const auto count = std::size_t(std::floor((to - from) / step + 1e-9)) + 1;
    for (std::size_t i = 0; i < count && i <= Grid::MaxSets; ++i)
        out.push_back(from + double(i) * step);
    return out;
}

Util::Result<Axis> Axis::parse(const QString &text)
{
    using R = Util::Result<Axis>;
    const qsizetype eq = text.indexOf(u'=');
    const QStringList range = text.mid(eq + 1).split(u':');
    const auto wrong = [&](const QString &why) {
        return R::failure(u"\"%1\": %2; write PATH=FROM:TO:STEP, e.g. fast=5:50:5"_s.arg(text.left(60), why));
    };
    if (eq <= 0)
        return wrong(u"no parameter name"_s);
    if (range.size() != 3 && range.size() != 1)
        return wrong(u"give three numbers, or one"_s);
    Axis axis;
    axis.path = text.left(eq).trimmed();
    bool ok[3] = {true, true, true};
    axis.from = range[0].toDouble(&ok[0]);
    axis.to = range.size() == 3 ? range[1].toDouble(&ok[1]) : axis.from;
    axis.step = range.size() == 3 ? range[2].toDouble(&ok[2]) : 1;
    if (!ok[0] || !ok[1] || !ok[2])
        return wrong(u"not a number"_s);
    if (!(axis.step > 0))
        return wrong(u"the step must be above 0"_s);
    if (axis.to < axis.from)
        return wrong(u"TO is below FROM"_s);
    return axis;
}

const char *objectiveName(Objective objective) noexcept
{
    for (const auto &[o, name] : ObjectiveNames)
        if (o == objective)
            return name;
    return "total_return";
}

std::optional<Objective> objectiveNamed(QStringView name)
{
    for (const auto &[o, n] : ObjectiveNames)
        if (name == QLatin1StringView(n))
            return o;
    return std::nullopt;
}

std::optional<double> figure(const Metrics &m, Objective objective)
{
    switch (objective) {
    case Objective::TotalReturn:
        return m.totalReturn;
    case Objective::Sharpe:
        return m.sharpe;
    case Objective::Sortino:
        return m.sortino;
    case Objective::Calmar:
        return m.calmar;
    case Objective::ProfitFactor:
        return m.profitFactor;
    case Objective::WinRate:
        return m.winRate;
    case Objective::Expectancy:
        return m.expectancy;
    case Objective::MaxDrawdown:
        return m.maxDrawdown;
    }
    return std::nullopt;
}

bool ranksBefore(const Metrics &a, const Metrics &b, Objective objective)
{
    const auto x = figure(a, objective);
    const auto y = figure(b, objective);
    if (!x || !y)
        return x.has_value() && !y.has_value();
    return objective == Objective::MaxDrawdown ? *x < *y : *x > *y;
}

Util::Result<Grid> Grid::of(std::vector<Axis> axes)
{
    using R = Util::Result<Grid>;
    if (axes.empty())
        return R::failure(u"parameters: give at least one, e.g. fast=5:50:5"_s);
    if (axes.size() > MaxAxes)
        return R::failure(u"parameters: at most %1 at once"_s.arg(MaxAxes));
    Grid grid;
    grid.m_size = 1;
    for (const Axis &axis : axes) {
        std::vector<double> values = axis.values();
        if (values.empty())
            return R::failure(
                u"%1: no values from %2 to %3 in steps of %4"_s.arg(axis.path).arg(axis.from).arg(axis.to).arg(
                    axis.step));
        if (grid.m_size * values.size() > MaxSets)
            return R::failure(u"%1: the search would run more than %2 sets"_s.arg(axis.path).arg(MaxSets));
        grid.m_size *= values.size();
        grid.m_values.push_back(std::move(values));
    }
    grid.m_axes = std::move(axes);
    return grid;
}

std::vector<double> Grid::at(std::size_t index) const
{
    std::vector<double> out(m_axes.size());
    for (std::size_t a = m_axes.size(); a-- > 0;) {
        const std::vector<double> &values = m_values[a];
        out[a] = values[index % values.size()];
        index /= values.size();
    }
    return out;
}

Util::Result<QJsonObject> Grid::apply(const QJsonObject &strategy, std::size_t index) const
{
    QJsonObject json = strategy;
    const std::vector<double> values = at(index);
    for (std::size_t a = 0; a < m_axes.size(); ++a) {
        auto next = withParameter(json, m_axes[a].path, values[a]);
        if (!next)
            return next;
        json = *next;
    }
    return json;
}

SetResult runSet(const Search &search, std::size_t index)
{
    SetResult result;
    result.index = index;
    result.values = search.grid.at(index);
    const auto json = search.grid.apply(search.strategy, index);
    if (!json) {
        result.error = json.error();
        return result;
    }
    const auto strategy = strategyFromJson(*json);
    if (!strategy) {
        result.error = strategy.error();
        return result;
    }
    std::vector<SeriesCache *> series;
    for (const auto &s : search.series)
        series.push_back(s.get());
    Settings settings = search.settings;
    settings.keepEquity = false;
    settings.streamed = false; // the sets share the columns of their operands
    result.metrics = run(*strategy, series, settings, search.span).metrics;
    return result;
}

std::vector<SetResult> runSearch(const Search &search, const std::atomic<bool> &cancel,
                                 const std::function<void(std::size_t, std::size_t)> &progress)
{
    std::vector<std::size_t> indices(search.grid.size());
    std::iota(indices.begin(), indices.end(), std::size_t(0));
    std::atomic<std::size_t> done{0};
    const std::size_t total = indices.size();
    const std::size_t every = std::max<std::size_t>(1, total / 200);
    auto results = QtConcurrent::blockingMapped<std::vector<SetResult>>(indices, [&](std::size_t index) {
        if (cancel.load(std::memory_order_relaxed))
            return SetResult{index, {}, std::nullopt, u"cancelled"_s};
        SetResult r = runSet(search, index);
        const std::size_t now = done.fetch_add(1, std::memory_order_relaxed) + 1;
        if (progress && (now % every == 0 || now == total))
            progress(now, total);
        return r;
    });
    if (cancel.load())
        std::erase_if(results, [](const SetResult &r) { return r.values.empty(); });
    return results;
}

std::vector<SetResult> ranked(std::vector<SetResult> results, Objective objective)
{
    std::erase_if(results, [](const SetResult &r) { return !r.metrics; });
    std::stable_sort(results.begin(), results.end(), [&](const SetResult &a, const SetResult &b) {
        return ranksBefore(*a.metrics, *b.metrics, objective);
    });
    return results;
}

Heatmap heatmap(const Grid &grid, const std::vector<SetResult> &results, Objective objective, std::size_t xAxis,
                std::size_t yAxis)
{
    Heatmap map;
    map.xAxis = xAxis;
    map.yAxis = yAxis;
    if (xAxis >= grid.axes().size())
        return map;
    map.xValues = grid.axes()[xAxis].values();
    map.yValues = yAxis < grid.axes().size() && yAxis != xAxis ? grid.axes()[yAxis].values() : std::vector<double>{0};
    map.cells.assign(map.yValues.size(), std::vector<double>(map.xValues.size(), std::nan("")));
    const auto position = [](const std::vector<double> &values, double v) {
        return std::size_t(std::lower_bound(values.begin(), values.end(), v - 1e-9) - values.begin());
    };
    const bool lowerIsBetter = objective == Objective::MaxDrawdown;
    for (const SetResult &r : results) {
        if (!r.metrics || r.values.size() != grid.axes().size())
            continue;
        const auto f = figure(*r.metrics, objective);
        if (!f)
            continue;
        const std::size_t x = position(map.xValues, r.values[xAxis]);
        const std::size_t y = map.yValues.size() == 1 ? 0 : position(map.yValues, r.values[yAxis]);
        double &cell = map.cells[y][x];
        if (std::isnan(cell) || (lowerIsBetter ? *f < cell : *f > cell))
            cell = *f;
    }
    return map;
}

} // namespace Backtest
