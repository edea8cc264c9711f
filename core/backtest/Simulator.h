// SPDX-License-Identifier: MIT
#pragma once

#include "BarColumns.h"
#include "Decisions.h"
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

/// What a strategy does at a bar's close, given where its conditions fire there (Decision bits) and its position
/// (`side` 1 long, -1 short, 0 flat, held `barsHeld` bars): nothing, close it (and why), open one, or both (a
/// reversal: the opposite entry closes the position and opens the other way). The test and the strategies
/// trading live decide by this one function.
struct CloseDecision
{
    bool exit = false;
    ExitReason reason = ExitReason::Signal;
    int enter = 0; ///< 1 long, -1 short
};
inline CloseDecision atClose(const Strategy &strategy, std::uint8_t d, int side, int barsHeld) noexcept
{
    CloseDecision out;
    const bool longs = strategy.allowsLong();
    const bool shorts = strategy.allowsShort();
    const bool up = longs && (d & EnterLong) && !(d & ExitLong);
    const bool down = shorts && (d & EnterShort) && !(d & ExitShort);
    if (side == 0) {
        if (up != down) // both at once: no entry
            out.enter = up ? 1 : -1;
        return out;
    }
    const bool exit = (d & (side > 0 ? ExitLong : ExitShort)) != 0;
    const bool reverse = side > 0 ? down : up;
    if (exit || reverse) {
        out.exit = true;
        out.enter = reverse ? -side : 0;
    } else if (strategy.maxBars > 0 && barsHeld >= strategy.maxBars) {
        out.exit = true;
        out.reason = ExitReason::MaxBars;
    }
    return out;
}

/// Runs the fill model over the bars (README, "Strategy tester"): a decision taken at a bar's close is
/// carried out at the next bar's open, with slippage and half the spread against the trader; a stop and a
/// target are watched inside each bar from the entry's own bar on, a stop filling at its price (or the open
/// when a gap jumped it) and a target at its price (or the open when a gap passed it); when one bar reaches
/// both, the stop is taken, as nobody can tell which came first. A position still open after the last bar
/// is closed at its close.
Simulation simulate(const SimulationInput &input);
/// The same test with its decisions made as it goes, a stretch of bars at a time (`input.decisions` unused): a
/// long test needs no column of values or decisions, only its bars.
Simulation simulate(const SimulationInput &input, DecisionStream &decisions);

} // namespace Backtest
