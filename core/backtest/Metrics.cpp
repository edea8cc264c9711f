// SPDX-License-Identifier: MIT
#include "Metrics.h"

#include <cmath>

namespace Backtest {

const char *exitReasonName(ExitReason reason) noexcept
{
    switch (reason) {
    case ExitReason::Signal:
        return "signal";
    case ExitReason::StopLoss:
        return "stop_loss";
    case ExitReason::TakeProfit:
        return "take_profit";
    case ExitReason::MaxBars:
        return "max_bars";
    case ExitReason::End:
        return "end";
    }
    return "signal";
}

EquityStats::EquityStats(double startEquity)
    : m_start(startEquity)
    , m_last(startEquity)
    , m_peak(startEquity)
    , m_trough(startEquity)
{}

void EquityStats::add(const Model::TimestampUs *time, const double *equity, const bool *exposed,
                      std::size_t count) noexcept
{
    if (count == 0)
        return;
    if (m_bars == 0)
        m_from = time[0];
    // The state in locals, so that the loop runs in registers. The deepest fall below a peak is worked out
    // when the peak is left behind (or at the end), from the lowest equity seen under it.
    double last = m_last;
    double peak = m_peak;
    double trough = m_trough;
    double sum = m_sum;
    double squares = m_sumSquares;
    double down = m_downSquares;
    qint64 peakBar = m_peakBar;
    Model::TimestampUs peakTime = m_peakTime;
    bool below = m_below;
    qint64 open = 0;
    const qint64 first = m_bars;
    for (std::size_t k = 0; k < count; ++k) {
        const double e = equity[k];
        if (e != last && (first > 0 || k > 0) && last != 0) { // returns run from close to close; flat is 0
            const double r = e / last - 1;
            sum += r;
            squares += r * r;
            down += r < 0 ? r * r : 0;
        }
        if (e >= peak) {
            if (below) { // back at the peak: a stretch under it ended
                const qint64 bar = first + qint64(k);
                if (bar - peakBar > m_maxUnderBars) {
                    m_maxUnderBars = bar - peakBar;
                    m_maxUnderUs = time[k] - peakTime;
                }
                m_maxDrawdown = std::max(m_maxDrawdown, (peak - trough) / peak);
                below = false;
            }
            peak = e;
            trough = e;
            peakTime = time[k];
            peakBar = first + qint64(k);
        } else {
            below = true;
            trough = std::min(trough, e);
        }
        last = e;
        open += exposed[k] ? 1 : 0;
    }
    m_last = last;
    m_peak = peak;
    m_sum = sum;
    m_sumSquares = squares;
    m_downSquares = down;
    m_trough = trough;
    m_peakBar = peakBar;
    m_peakTime = peakTime;
    m_below = below;
    m_exposed += open;
    m_bars += qint64(count);
    m_to = time[count - 1];
}

void EquityStats::addFlat(Model::TimestampUs first, Model::TimestampUs last, std::size_t count) noexcept
{
    if (count == 0)
        return;
    if (m_bars == 0)
        m_from = first;
    // Every return is 0; the equity stays where it was, at the peak or under it.
    const double e = m_last;
    if (e >= m_peak) {
        if (m_below) { // recovered at the stretch's first close
            if (m_bars - m_peakBar > m_maxUnderBars) {
                m_maxUnderBars = m_bars - m_peakBar;
                m_maxUnderUs = first - m_peakTime;
            }
            m_maxDrawdown = std::max(m_maxDrawdown, (m_peak - m_trough) / m_peak);
            m_below = false;
        }
        m_peak = e;
        m_trough = e;
        m_peakTime = last; // each close at the peak is the peak again: the last one counts
        m_peakBar = m_bars + qint64(count) - 1;
    } else {
        m_below = true;
        m_trough = std::min(m_trough, e);
    }
    m_bars += qint64(count);
    m_to = last;
}

Metrics EquityStats::metrics(const std::vector<Trade> &trades)
{
    constexpr double YearUs = 365.25 * 86'400e6;
    if (m_below) { // still under water at the end: that stretch counts
        if (m_bars - 1 - m_peakBar > m_maxUnderBars) {
            m_maxUnderBars = m_bars - 1 - m_peakBar;
            m_maxUnderUs = m_to - m_peakTime;
        }
        m_maxDrawdown = std::max(m_maxDrawdown, (m_peak - m_trough) / m_peak);
    }
    Metrics m;
    m.startEquity = m_start;
    m.endEquity = m_last;
    m.totalReturn = m_start != 0 ? m_last / m_start - 1 : 0;
    m.bars = m_bars;
    m.from = m_from;
    m.to = m_to;
    m.exposure = m_bars > 0 ? double(m_exposed) / double(m_bars) : 0;
    m.maxDrawdown = m_maxDrawdown;
    m.maxDrawdownBars = m_maxUnderBars;
    m.maxDrawdownUs = m_maxUnderUs;
    const double years = double(m_to - m_from) / YearUs;
    const qint64 returns = m_bars - 1;
    if (returns >= 1 && years > 0) {
        m.periodsPerYear = double(returns) / years;
        const double mean = m_sum / double(returns);
        const double variance = returns >= 2 ? std::max(0.0, (m_sumSquares - m_sum * mean) / double(returns - 1)) : 0.0;
        const double sd = std::sqrt(variance);
        const double annual = std::sqrt(m.periodsPerYear);
        m.volatility = sd * annual;
        if (sd > 1e-15)
            m.sharpe = mean / sd * annual;
        const double downside = std::sqrt(m_downSquares / double(returns));
        if (downside > 1e-15)
            m.sortino = mean / downside * annual;
    }
    if (years >= 1 && m_start > 0 && m_last > 0) {
        m.cagr = std::pow(m_last / m_start, 1 / years) - 1;
        if (m_maxDrawdown > 0)
            m.calmar = *m.cagr / m_maxDrawdown;
    }
    m.trades = int(trades.size());
    double won = 0;
    double lost = 0;
    int wins = 0;
    double net = 0;
    for (const Trade &t : trades) {
        m.fees += t.fees;
        net += t.pnl;
        if (t.pnl > 0) {
            won += t.pnl;
            ++wins;
        } else {
            lost -= t.pnl;
        }
    }
    if (!trades.empty()) {
        m.winRate = double(wins) / double(trades.size());
        m.expectancy = net / double(trades.size());
        if (lost > 0)
            m.profitFactor = won / lost;
    }
    return m;
}

Metrics metricsOf(double startEquity, const std::vector<EquityPoint> &equity, const std::vector<Trade> &trades)
{
    EquityStats stats(startEquity);
    for (const EquityPoint &p : equity)
        stats.add(p.time, p.equity, p.exposed);
    return stats.metrics(trades);
}

} // namespace Backtest
