// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace Indicators {

/// One value per input bar; empty during warm-up. Each function runs the
/// streaming indicator over the series, so history and live values agree bit for bit.
using Series = std::vector<std::optional<double>>;

struct MacdSeries
{
    Series macd;
    Series signal;
    Series histogram;
};

struct BandSeries
{
    Series upper;
    Series middle;
    Series lower;
};

Series smaSeries(std::span<const double> close, int period);
Series emaSeries(std::span<const double> close, int period);
Series rsiSeries(std::span<const double> close, int period);
MacdSeries macdSeries(std::span<const double> close, int fast, int slow, int signal);
BandSeries bollingerSeries(std::span<const double> close, int period, double deviations);
Series atrSeries(std::span<const double> high, std::span<const double> low, std::span<const double> close, int period);
Series vwapSeries(std::span<const double> high, std::span<const double> low, std::span<const double> close,
                  std::span<const double> volume, int period);

} // namespace Indicators
