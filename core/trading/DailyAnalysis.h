// SPDX-License-Identifier: MIT
#pragma once

#include "Account.h"

#include <QDate>
#include <QJsonObject>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace Trading {

/// One day's trading: how many trades, what the closing ones realized (first in, first out), the fees, and
/// the running total since the first trade.
struct DayStats
{
    QDate day;
    int trades = 0;
    int wins = 0;   ///< trades that closed shares at a gain
    int losses = 0; ///< at a loss
    double realized = 0;
    double fees = 0;
    double grossWins = 0;
    double grossLosses = 0; ///< negative
    double largestWin = 0;
    double largestLoss = 0; ///< negative
    double cumulative = 0;  ///< net P/L from the first trade to the end of this day

    double net() const noexcept { return realized - fees; }
    /// Wins among the trades that closed shares, in percent; none when none did.
    std::optional<double> winRate() const;
    /// What the wins made per what the losses lost; none without a loss.
    std::optional<double> profitFactor() const;
    double averageWin() const noexcept { return wins > 0 ? grossWins / wins : 0; }
    double averageLoss() const noexcept { return losses > 0 ? grossLosses / losses : 0; }
    QJsonObject toJson() const;
};

/// A trade with what it realized, as replayed from the first trade on.
struct ReplayedTrade
{
    Fill fill;
    QDate day; ///< in the zone asked for
};

/// Replays `fills` (in the order they happened) through their accounts: each with what it realized and its day.
std::vector<ReplayedTrade> replay(std::vector<Fill> fills, const QTimeZone &zone);
/// Each day with trades, in order, in `zone`.
std::vector<DayStats> analyzeByDay(const std::vector<ReplayedTrade> &trades);

} // namespace Trading
