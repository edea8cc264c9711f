// SPDX-License-Identifier: MIT
#include "BarColumns.h"

namespace Backtest {

void BarColumns::reserve(std::size_t n)
{
    time.reserve(n);
    end.reserve(n);
    open.reserve(n);
    high.reserve(n);
    low.reserve(n);
    close.reserve(n);
    volume.reserve(n);
}

void BarColumns::append(const Bars::Bar &bar)
{
    time.push_back(bar.openTime);
    end.push_back(bar.endTime);
    open.push_back(bar.open);
    high.push_back(bar.high);
    low.push_back(bar.low);
    close.push_back(bar.close);
    volume.push_back(bar.volume);
}

BarColumns BarColumns::slice(std::size_t from, std::size_t to) const
{
    BarColumns out;
    out.symbol = symbol;
    to = std::min(to, size());
    from = std::min(from, to);
    const auto cut = [&](const auto &column) {
        return std::decay_t<decltype(column)>(column.begin() + std::ptrdiff_t(from),
                                              column.begin() + std::ptrdiff_t(to));
    };
    out.time = cut(time);
    out.end = cut(end);
    out.open = cut(open);
    out.high = cut(high);
    out.low = cut(low);
    out.close = cut(close);
    out.volume = cut(volume);
    return out;
}

BarColumns BarColumns::of(const QString &name, const std::vector<Bars::Bar> &bars)
{
    BarColumns out;
    out.symbol = name;
    out.reserve(bars.size());
    for (const Bars::Bar &bar : bars)
        if (!bar.filled) // a bar made up for a gap was never traded
            out.append(bar);
    return out;
}

} // namespace Backtest
