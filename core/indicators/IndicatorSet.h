// SPDX-License-Identifier: MIT
#pragma once

#include "Atr.h"
#include "Bollinger.h"
#include "Ema.h"
#include "Macd.h"
#include "Rsi.h"
#include "Sma.h"
#include "Vwap.h"
#include "model/Records.h"

#include <QByteArray>

#include <optional>

namespace Indicators {

/// Periods of every indicator; the defaults are the README's (Indicators and signals).
struct IndicatorConfig
{
    int sma = 20;
    int ema = 20;
    int rsi = 14;
    int macdFast = 12;
    int macdSlow = 26;
    int macdSignal = 9;
    int bollinger = 20;
    double bollingerDeviations = 2.0;
    int atr = 14;
    int vwap = 20;
    int crossFast = 10; ///< the moving-average crossover rule's fast SMA
    int crossSlow = 30; ///< and its slow one

    friend bool operator==(const IndicatorConfig &, const IndicatorConfig &) = default;
};

/// Every indicator value after one bar; absent values are empty, never 0.
struct IndicatorSnapshot
{
    std::optional<double> sma;
    std::optional<double> ema;
    std::optional<double> rsi;
    std::optional<double> macd;
    std::optional<double> macdSignal;
    std::optional<double> macdHistogram;
    std::optional<double> bollingerUpper;
    std::optional<double> bollingerMiddle;
    std::optional<double> bollingerLower;
    std::optional<double> atr;
    std::optional<double> vwap;
    std::optional<double> crossFast;
    std::optional<double> crossSlow;

    /// A compact JSON object; absent values are `null`.
    QByteArray toJson() const;
};

/// The indicators of one symbol, fed bar by bar. O(1) per bar, no allocation after construction.
class IndicatorSet final
{
public:
    explicit IndicatorSet(const IndicatorConfig &config = {});

    const IndicatorSnapshot &update(const Model::Tick &bar) noexcept;
    /// Replaces the newest bar (one still forming) and recomputes as if it had come that way.
    const IndicatorSnapshot &replaceLast(const Model::Tick &bar) noexcept;
    const IndicatorSnapshot &snapshot() const noexcept { return m_snapshot; }
    /// The RSI as replaceLast(bar) would give it, computing that one alone: the other indicators (and the
    /// snapshot) still hold the newest bar as it was until replaceLast() or update() is called.
    std::optional<double> rsiOf(const Model::Tick &bar) noexcept { return m_rsi.replaceLast(bar.close); }

private:
    template<bool Replace>
    const IndicatorSnapshot &apply(const Model::Tick &bar) noexcept;

    Rsi m_rsi; ///< first: rsiOf() reads it alone, once a record
    Sma m_sma;
    Ema m_ema;
    Macd m_macd;
    Bollinger m_bollinger;
    Atr m_atr;
    Vwap m_vwap;
    Sma m_crossFast;
    Sma m_crossSlow;
    IndicatorSnapshot m_snapshot;
    bool m_smaIsMiddle; ///< same period: the band's middle is the SMA, one window serves both
};

} // namespace Indicators
