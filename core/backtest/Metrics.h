// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QString>

#include <cstdint>

#include <optional>
#include <vector>

namespace Backtest {

/// Why a position was closed.
enum class ExitReason
{
    Signal,     ///< the exit condition, or the opposite entry (a reversal)
    StopLoss,   ///< the stop inside a bar (or at the open when a gap jumped it)
    TakeProfit, ///< the target inside a bar (or at the open when a gap passed it)
    MaxBars,    ///< held the most bars the strategy allows
    End,        ///< the test's last bar: closed at its close, so the figures count it
};
const char *exitReasonName(ExitReason reason) noexcept;

/// One round trip.
struct Trade
{
    QString symbol;
    bool isLong = true;
    double quantity = 0; ///< shares, above 0
    Model::TimestampUs entryTime = 0;
    double entryPrice = 0; ///< with slippage and half the spread
    Model::TimestampUs exitTime = 0;
    double exitPrice = 0;
    ExitReason reason = ExitReason::Signal;
    double fees = 0;          ///< commissions of both fills
    double pnl = 0;           ///< net of fees
    double returnPercent = 0; ///< pnl against the value bought or sold short
    double maePercent = 0;    ///< the worst price the trade saw, against the entry (0 or below)
    double mfePercent = 0;    ///< the best (0 or above)
    int bars = 0;             ///< bars held, the entry's included
};

/// The account's value at a bar's close.
struct EquityPoint
{
    Model::TimestampUs time = 0;
    double equity = 0;
    bool exposed = false; ///< a position was open at that close
};

/// What a test made. Ratios are per year: returns are taken from close to close, and a year holds as many
/// of them as the test's bars came per 365.25 days. Absent values could not be computed (no trades, a flat
/// series) or would mislead (CAGR and Calmar under a year).
struct Metrics
{
    double startEquity = 0;
    double endEquity = 0;
    double totalReturn = 0; ///< 0.25 for +25 %
    std::optional<double> cagr;
    double volatility = 0; ///< of the returns, per year
    std::optional<double> sharpe;
    std::optional<double> sortino;
    std::optional<double> calmar;
    double maxDrawdown = 0;               ///< the deepest fall from a peak, 0.1 for 10 %
    qint64 maxDrawdownBars = 0;           ///< the longest stretch under a peak, in bars
    Model::TimestampUs maxDrawdownUs = 0; ///< and in time
    int trades = 0;
    std::optional<double> winRate;      ///< winning trades / trades
    std::optional<double> profitFactor; ///< gross profit / gross loss; absent without a losing trade
    std::optional<double> expectancy;   ///< the average trade's net P/L
    double exposure = 0;                ///< closes with a position open / closes
    double fees = 0;
    qint64 bars = 0;
    Model::TimestampUs from = 0;
    Model::TimestampUs to = 0;
    double periodsPerYear = 0;
};

/// Figures of an equity series, added close by close (or many closes at once, in one tight pass).
class EquityStats final
{
public:
    explicit EquityStats(double startEquity = 0);

    /// `count` closes in a row: their times, the equity at each, and whether a position was open.
    void add(const Model::TimestampUs *time, const double *equity, const bool *exposed, std::size_t count) noexcept;
    void add(Model::TimestampUs time, double equity, bool exposed) noexcept { add(&time, &equity, &exposed, 1); }
    /// `count` closes from `first` to `last` at the equity of the close before them, without a position (a
    /// stretch where nothing is held): the same as adding each, in O(1).
    void addFlat(Model::TimestampUs first, Model::TimestampUs last, std::size_t count) noexcept;
    /// The figures, with the trade statistics of `trades`.
    Metrics metrics(const std::vector<Trade> &trades);

private:
    double m_start;
    double m_last;
    double m_peak;
    double m_trough; ///< the lowest equity since the peak
    Model::TimestampUs m_peakTime = 0;
    qint64 m_peakBar = 0;
    bool m_below = false; ///< under the peak since it was set
    double m_maxDrawdown = 0;
    qint64 m_maxUnderBars = 0;
    Model::TimestampUs m_maxUnderUs = 0;
    double m_sum = 0;
    double m_sumSquares = 0;
    double m_downSquares = 0;
    qint64 m_bars = 0;
    qint64 m_exposed = 0;
    Model::TimestampUs m_from = 0;
    Model::TimestampUs m_to = 0;
};

/// The figures of a whole series at once.
Metrics metricsOf(double startEquity, const std::vector<EquityPoint> &equity, const std::vector<Trade> &trades);

} // namespace Backtest
