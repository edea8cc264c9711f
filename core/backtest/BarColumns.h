// SPDX-License-Identifier: MIT
#pragma once

#include "bars/BarBuilder.h"

#include <QString>

#include <vector>

namespace Backtest {

/// One symbol's bars, oldest first, as columns: a test runs down them again and again.
struct BarColumns
{
    QString symbol;
    std::vector<Model::TimestampUs> time; ///< each bar's open time
    std::vector<Model::TimestampUs> end;  ///< and its end (the next bar's open for time bars)
    std::vector<double> open;
    std::vector<double> high;
    std::vector<double> low;
    std::vector<double> close;
    std::vector<std::int64_t> volume;

    std::size_t size() const noexcept { return close.size(); }
    bool empty() const noexcept { return close.empty(); }
    void reserve(std::size_t n);
    void append(const Bars::Bar &bar);
    /// Bar `i` as the record type indicators and rules take (its open time, prices and volume).
    Model::Tick tick(std::size_t i, const Model::Symbol &name) const noexcept
    {
        return Model::Tick{name, open[i], high[i], low[i], close[i], volume[i], time[i]};
    }
    /// The bars [from, to) as columns of their own.
    BarColumns slice(std::size_t from, std::size_t to) const;
    static BarColumns of(const QString &name, const std::vector<Bars::Bar> &bars);
};

} // namespace Backtest
