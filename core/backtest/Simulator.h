// SPDX-License-Identifier: MIT
#pragma once

#include "BarColumns.h"
#include "Metrics.h"
#include "Strategy.h"

#include <cstdint>
#include <vector>

namespace Backtest {

/// What trading costs in a test: the paper broker's commissions and slippage (per share, against the trader
/// on fills at the market), and a bid/ask spread of which each market fill pays half.
struct Costs
{
    Trading::Costs broker;
    double spread = 0;
    bool operator==(const Costs &) const = default;
};

/// One symbol's test over bars [from, to).
struct SimulationInput
{
    const BarColumns *bars = nullptr;
    const std::vector<std::uint8_t> *decisions = nullptr; ///< per bar, Decision bits
    const Strategy *strategy = nullptr;
    Costs costs;
    double startingCash = 100'000;
    std::size_t from = 0;
    std::size_t to = SIZE_MAX;
    bool keepEquity = false; ///< the equity at every close, for charts and for joining symbols
};

struct Simulation
{
    std::vector<Trade> trades;
    std::vector<EquityPoint> equity; ///< when kept
    Metrics metrics;
};

/// Runs the fill model over the bars (README, "Strategy tester"): a decision taken at a bar's close is
/// carried out at the next bar's open, with slippage and half the spread against the trader; a stop and a
/// target are watched inside each bar from the entry's own bar on, a stop filling at its price (or the open
/// when a gap jumped it) and a target at its price (or the open when a gap passed it); when one bar reaches
/// both, the stop is taken, as nobody can tell which came first. A position still open after the last bar
/// is closed at its close.
Simulation simulate(const SimulationInput &input);

} // namespace Backtest
