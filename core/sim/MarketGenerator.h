// SPDX-License-Identifier: MIT
#pragma once

#include "SymbolProfile.h"
#include "model/Records.h"

#include <random>
#include <vector>

namespace Sim {

/// Metadata records per second, on top of the ticks.
struct MetadataRates
{
    double orderBook = 2;
    double news = 0.2;
    double marketData = 0.2;
    double economic = 0.05;
};

/// Deterministic market data: each symbol's price follows geometric Brownian
/// motion from where its last bar closed (a bar stands for one trading minute
/// unless setYearsPerBar says otherwise), and the metadata streams arrive at
/// their rates. The same seed and calls give the same series; only timestamps
/// come from the caller.
class MarketGenerator final
{
public:
    /// A bar stands for one minute of a 252-day year of 6.5-hour sessions.
    static constexpr double YearsPerBar = 1.0 / (252.0 * 390.0);
    static constexpr double TradingSecondsPerYear = 252.0 * 390.0 * 60.0;

    MarketGenerator(std::vector<SymbolProfile> profiles, MetadataRates rates, quint64 seed);

    /// Appends `ticks` bars, taking the symbols in turn, with the metadata that
    /// falls due at `ticksPerSecond`. Bars are timestamped `now`, `now + 1 us`, ...
    void generate(int ticks, double ticksPerSecond, Model::TimestampUs now, Model::RecordBatch &out);

    const std::vector<SymbolProfile> &profiles() const noexcept { return m_profiles; }
    /// How much trading time one bar of a symbol stands for; drift and volatility per bar follow.
    void setYearsPerBar(double years);

private:
    Model::Tick nextTick(std::size_t s, Model::TimestampUs timestamp);
    void metadata(std::size_t s, double ticksPerSecond, Model::TimestampUs timestamp, Model::RecordBatch &out);

    std::vector<SymbolProfile> m_profiles;
    std::vector<double> m_prices;
    std::vector<double> m_mu;    ///< drift per bar of the log-price
    std::vector<double> m_sigma; ///< volatility per bar of the log-price
    MetadataRates m_rates;
    std::mt19937_64 m_priceRng; ///< prices alone, so the metadata rates do not change the price path
    std::mt19937_64 m_eventRng;
    std::normal_distribution<double> m_normal{0.0, 1.0};
    std::uniform_real_distribution<double> m_unit{0.0, 1.0};
    std::size_t m_next = 0;
};

} // namespace Sim
