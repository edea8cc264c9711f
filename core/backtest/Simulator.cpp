// SPDX-License-Identifier: MIT
#include "Simulator.h"

#include "Decisions.h"
#include "util/HugePages.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace Backtest {

namespace {

/// The account while a test runs: cash, at most one position, and its trades.
class Book final
{
public:
    explicit Book(const SimulationInput &in)
        : m_bars(*in.bars)
        , m_strategy(*in.strategy)
        , m_costs(in.costs)
        , m_cash(in.startingCash)
    {
        // A long test: each trade begins with an entry decided at a close, so their count bounds the trades,
        // which then never move in memory as they come (a short one grows its list as usual).
        const std::size_t to = std::min(in.to, in.bars->size());
        const std::size_t from = std::min(in.from, to);
        if (to < from + 1'000'000)
            return;
        if (!in.decisions || in.decisions->size() < to) { // decided as it goes: a trade every 32 bars at first
            m_trades.reserve((to - from) / 32);
            Util::preferHugePages(m_trades.data(), m_trades.capacity() * sizeof(Trade));
            return;
        }
        const std::uint8_t *d = in.decisions->data();
        std::size_t entries = 1;
        for (std::size_t i = std::min(in.from, to); i < to; ++i)
            entries += (d[i] & (EnterLong | EnterShort)) != 0;
        m_trades.reserve(entries);
        Util::preferHugePages(m_trades.data(), entries * sizeof(Trade));
    }

    bool flat() const noexcept { return m_side == 0; }
    bool isLong() const noexcept { return m_side > 0; }
    double cash() const noexcept { return m_cash; }
    double equityAt(double price) const noexcept { return m_cash + m_quantity * price; }
    int barsHeld() const noexcept { return m_barsHeld; }
    std::vector<Trade> &trades() noexcept { return m_trades; }

    /// A market fill's price: slippage and half the spread against the trader.
    double marketPrice(double price, bool buying) const noexcept
    {
        const double cost = m_costs.broker.slippage + m_costs.spread / 2;
        return std::max(buying ? price + cost : price - cost, 1e-9);
    }

    void open(std::size_t i, bool isLong)
    {
        const double price = marketPrice(m_bars.open[i], isLong);
        const Trading::Costs &fees = m_costs.broker;
        double quantity = m_strategy.size.value;
        if (m_strategy.size.kind != Size::Kind::Shares) {
            const double value = m_strategy.size.kind == Size::Kind::Cash
                                     ? m_strategy.size.value
                                     : m_cash * m_strategy.size.value / 100; // flat: the cash is the equity
            quantity = (value - fees.perOrder) / (price * (1 + fees.percent / 100) + fees.perShare);
        }
        if (m_strategy.wholeShares)
            quantity = std::floor(quantity + 1e-9);
        if (!(quantity > 0))
            return;
        const double fee = fees.commission(quantity, price);
        m_cash += isLong ? -(quantity * price) - fee : quantity * price - fee;
        m_quantity = isLong ? quantity : -quantity;
        m_side = isLong ? 1 : -1;
        m_entryPrice = price;
        m_entryTime = m_bars.time[i];
        m_entryFee = fee;
        m_barsHeld = 0;
        m_worst = m_best = price;
        const double sl = m_strategy.stopLossPercent / 100;
        const double tp = m_strategy.takeProfitPercent / 100;
        m_stop = sl > 0 ? (isLong ? price * (1 - sl) : price * (1 + sl)) : 0;
        m_target = tp > 0 ? (isLong ? price * (1 + tp) : std::max(price * (1 - tp), 0.0)) : 0;
        m_enteredAt = i;
    }

    /// Closes the position at `price` (costs already in it) at `time`.
    void close(double price, ExitReason reason, Model::TimestampUs time)
    {
        const double quantity = std::fabs(m_quantity);
        const bool wasLong = m_side > 0;
        const double fee = m_costs.broker.commission(quantity, price);
        m_cash += wasLong ? quantity * price - fee : -(quantity * price) - fee;
        see(price, price);
        Trade t;
        t.symbol = m_bars.symbol;
        t.isLong = wasLong;
        t.quantity = quantity;
        t.entryTime = m_entryTime;
        t.entryPrice = m_entryPrice;
        t.exitTime = time;
        t.exitPrice = price;
        t.reason = reason;
        t.fees = m_entryFee + fee;
        t.pnl = (wasLong ? price - m_entryPrice : m_entryPrice - price) * quantity - t.fees;
        t.returnPercent = t.pnl / (m_entryPrice * quantity) * 100;
        const double worst = wasLong ? m_worst : m_best;
        const double best = wasLong ? m_best : m_worst;
        t.maePercent = std::min(0.0, (wasLong ? worst - m_entryPrice : m_entryPrice - worst) / m_entryPrice * 100);
        t.mfePercent = std::max(0.0, (wasLong ? best - m_entryPrice : m_entryPrice - best) / m_entryPrice * 100);
        // Left inside a bar: that bar counts too (one left at an open or at the end was counted already).
        t.bars = m_barsHeld + (reason == ExitReason::StopLoss || reason == ExitReason::TakeProfit ? 1 : 0);
        m_trades.push_back(std::move(t));
        m_quantity = 0;
        m_side = 0;
    }

    /// The stop and the target inside bar `i`: true when one closed the position.
    bool watch(std::size_t i)
    {
        const double open = m_bars.open[i];
        const double high = m_bars.high[i];
        const double low = m_bars.low[i];
        const bool entryBar = m_enteredAt == i; // entered at this open: the gap rules do not apply
        const bool isLong = m_side > 0;
        if (m_stop > 0) {
            const bool gapped = !entryBar && (isLong ? open <= m_stop : open >= m_stop);
            const bool reached = isLong ? low <= m_stop : high >= m_stop;
            if (gapped || reached) {
                if (!entryBar)
                    see(open, open);
                const double level = gapped ? open : m_stop;
                close(marketPrice(level, !isLong), ExitReason::StopLoss, m_bars.time[i]);
                return true;
            }
        }
        if (m_target > 0) {
            const bool gapped = !entryBar && (isLong ? open >= m_target : open <= m_target);
            const bool reached = isLong ? high >= m_target : low <= m_target;
            if (gapped || reached) {
                // The bar's other side may have come first: it counts against the trade.
                see(isLong ? low : high, isLong ? low : high);
                close(gapped ? open : m_target, ExitReason::TakeProfit, m_bars.time[i]);
                return true;
            }
        }
        see(low, high);
        return false;
    }

    void countBar() noexcept { ++m_barsHeld; }

private:
    void see(double low, double high) noexcept
    {
        m_worst = std::min(m_worst, low);
        m_best = std::max(m_best, high);
    }

    const BarColumns &m_bars;
    const Strategy &m_strategy;
    const Costs &m_costs;
    double m_cash;
    double m_quantity = 0; ///< shares, below 0 when short
    int m_side = 0;        ///< 1 long, -1 short, 0 flat
    double m_entryPrice = 0;
    Model::TimestampUs m_entryTime = 0;
    double m_entryFee = 0;
    double m_stop = 0;
    double m_target = 0;
    double m_worst = 0; ///< the lowest price seen while open
    double m_best = 0;  ///< the highest
    int m_barsHeld = 0;
    std::size_t m_enteredAt = 0;
    std::vector<Trade> m_trades;
};

/// The fill model's loop over the bars, fed a stretch of decisions at a time.
class Runner final
{
public:
    explicit Runner(const SimulationInput &in)
        : m_in(in)
        , m_bars(*in.bars)
        , m_strategy(*in.strategy)
        , m_to(std::min(in.to, in.bars->size()))
        , m_next(std::min(in.from, m_to))
        , m_book(in)
        , m_stats(in.startingCash)
        , m_maxBars(m_strategy.maxBars > 0 ? m_strategy.maxBars : std::numeric_limits<int>::max())
    {
        if (in.keepEquity)
            m_out.equity.reserve(m_to - m_next);
    }

    std::size_t next() const noexcept { return m_next; }
    std::size_t end() const noexcept { return m_to; }

    /// Bars from next() up to `to`, their decisions at `decisions[i - decisionsFrom]`.
    void feed(std::size_t to, const std::uint8_t *decisions, std::size_t decisionsFrom)
    {
        to = std::min(to, m_to);
        const BarColumns &bars = m_bars;
        Book &book = m_book;
        const auto decision = [decisions, decisionsFrom](std::size_t i) { return decisions[i - decisionsFrom]; };
        // The flags in locals while the loop runs (members would be stored and loaded on every bar).
        bool exitPending = m_exitPending;
        ExitReason exitReason = m_exitReason;
        int enterPending = m_enterPending;
        for (std::size_t i = m_next; i < to; ++i) {
            // Flat with nothing decided: the closes until the next decision (or the last bar) change nothing but
            // the count, and are added at once.
            if (!exitPending && enterPending == 0 && book.flat() && !m_in.keepEquity && decision(i) == 0 &&
                i + 1 < to) {
                std::size_t j = i + 1;
                while (j + 1 < to && decision(j) == 0)
                    ++j; // bar j is the first that decides something, or the stretch's last
                flush(i);
                m_stats.addFlat(bars.time[i], bars.time[j - 1], j - i);
                i = j;
            }
            // What was decided at the last close is carried out at this open.
            if (exitPending | (enterPending != 0)) {
                if (exitPending && !book.flat())
                    book.close(book.marketPrice(bars.open[i], !book.isLong()), exitReason, bars.time[i]);
                exitPending = false;
                if (enterPending != 0 && book.flat())
                    book.open(i, enterPending > 0);
                enterPending = 0;
            }
            if (!book.flat() && !book.watch(i))
                book.countBar();
            const bool last = i + 1 == m_to;
            if (last && !book.flat())
                book.close(book.marketPrice(bars.close[i], !book.isLong()), ExitReason::End, bars.time[i]);
            m_equity[m_filled] = book.equityAt(bars.close[i]);
            m_exposed[m_filled] = !book.flat();
            if (++m_filled == Block)
                flush(i + 1);
            // Decisions at this close.
            const std::uint8_t d = decision(i);
            if (last || (d == 0 && (book.flat() || book.barsHeld() < m_maxBars)))
                continue;
            const CloseDecision c = atClose(m_strategy, d, book.flat() ? 0 : book.isLong() ? 1 : -1, book.barsHeld());
            exitPending = c.exit;
            exitReason = c.reason;
            enterPending = c.enter;
        }
        m_exitPending = exitPending;
        m_exitReason = exitReason;
        m_enterPending = enterPending;
        m_next = std::max(m_next, to);
    }

    Simulation finish()
    {
        flush(m_next);
        m_out.trades = std::move(m_book.trades());
        m_out.metrics = m_stats.metrics(m_out.trades);
        return std::move(m_out);
    }

private:
    /// The closes' equity goes to the figures a block at a time, in one tight pass.
    static constexpr std::size_t Block = 512;

    void flush(std::size_t next)
    {
        if (m_filled == 0)
            return;
        m_stats.add(&m_bars.time[next - m_filled], m_equity.data(), m_exposed.data(), m_filled);
        if (m_in.keepEquity)
            for (std::size_t k = 0; k < m_filled; ++k)
                m_out.equity.push_back({m_bars.time[next - m_filled + k], m_equity[k], m_exposed[k]});
        m_filled = 0;
    }

    const SimulationInput &m_in;
    const BarColumns &m_bars;
    const Strategy &m_strategy;
    std::size_t m_to;
    std::size_t m_next;
    Book m_book;
    EquityStats m_stats;
    int m_maxBars;
    Simulation m_out;
    std::array<double, Block> m_equity{};
    std::array<bool, Block> m_exposed{}; // not bytes: a store to one would alias every pointer
    std::size_t m_filled = 0;
    bool m_exitPending = false;
    ExitReason m_exitReason = ExitReason::Signal;
    int m_enterPending = 0; ///< 1 long, -1 short
};

} // namespace

Simulation simulate(const SimulationInput &in)
{
    Runner runner(in);
    runner.feed(runner.end(), in.decisions->data(), 0);
    return runner.finish();
}

Simulation simulate(const SimulationInput &in, DecisionStream &decisions)
{
    // A stretch of decisions at a time, from the first bar (the bars before the test warm its conditions).
    constexpr std::size_t Stretch = 4096;
    Runner runner(in);
    std::vector<std::uint8_t> bits(Stretch);
    for (std::size_t from = 0; from < runner.end(); from += Stretch) {
        const std::size_t to = std::min(runner.end(), from + Stretch);
        decisions.next(from, to, bits.data());
        if (to > runner.next())
            runner.feed(to, bits.data(), from);
    }
    return runner.finish();
}

} // namespace Backtest
