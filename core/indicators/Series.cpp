// SPDX-License-Identifier: MIT
#include "Series.h"

#include "Atr.h"
#include "Bollinger.h"
#include "Ema.h"
#include "Macd.h"
#include "Rsi.h"
#include "Sma.h"
#include "Vwap.h"

namespace Indicators {

namespace {

template<typename Indicator>
Series closeSeries(std::span<const double> close, Indicator indicator)
{
    Series out;
    out.reserve(close.size());
    for (double x : close)
        out.push_back(indicator.update(x));
    return out;
}

} // namespace

Series smaSeries(std::span<const double> close, int period)
{
    return closeSeries(close, Sma(period));
}

Series emaSeries(std::span<const double> close, int period)
{
    return closeSeries(close, Ema(period));
}

Series rsiSeries(std::span<const double> close, int period)
{
    return closeSeries(close, Rsi(period));
}

MacdSeries macdSeries(std::span<const double> close, int fast, int slow, int signal)
{
    Macd macd(fast, slow, signal);
    MacdSeries out;
    for (double x : close) {
        const auto v = macd.update(x);
        out.macd.push_back(v ? std::optional<double>(v->macd) : std::nullopt);
        out.signal.push_back(v ? std::optional<double>(v->signal) : std::nullopt);
        out.histogram.push_back(v ? std::optional<double>(v->histogram) : std::nullopt);
    }
    return out;
}

BandSeries bollingerSeries(std::span<const double> close, int period, double deviations)
{
    Bollinger bands(period, deviations);
    BandSeries out;
    for (double x : close) {
        const auto v = bands.update(x);
        out.upper.push_back(v ? std::optional<double>(v->upper) : std::nullopt);
        out.middle.push_back(v ? std::optional<double>(v->middle) : std::nullopt);
        out.lower.push_back(v ? std::optional<double>(v->lower) : std::nullopt);
    }
    return out;
}

Series atrSeries(std::span<const double> high, std::span<const double> low, std::span<const double> close, int period)
{
    Atr atr(period);
    Series out;
    for (std::size_t i = 0; i < close.size(); ++i)
        out.push_back(atr.update(high[i], low[i], close[i]));
    return out;
}

Series vwapSeries(std::span<const double> high, std::span<const double> low, std::span<const double> close,
                  std::span<const double> volume, int period)
{
    Vwap vwap(period);
    Series out;
    for (std::size_t i = 0; i < close.size(); ++i)
        out.push_back(vwap.update(high[i], low[i], close[i], volume[i]));
    return out;
}

} // namespace Indicators
