// SPDX-License-Identifier: MIT
#pragma once

#include "backtest/BarColumns.h"
#include "backtest/Metrics.h"

#include <QTimeZone>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QScrollBar;

namespace Gui {

/// The account's equity at each close, and below it the drawdown from the peak before (in percent). Long
/// series are thinned to the lowest and highest value of each stretch, so that no dip disappears.
class EquityChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EquityChart)

public:
    explicit EquityChart(QWidget *parent = nullptr);
    /// `title` names what the equity is (the test, or the walk-forward's joined out-of-sample stretches).
    void setEquity(const std::vector<Backtest::EquityPoint> &equity, double startEquity, const QString &title);
    /// How many points the equity chart holds now (for tests).
    qsizetype pointCount() const;

private:
    QChartView *m_equity;
    QChartView *m_drawdown;
};

/// A symbol's bars as candles with the test's entries and exits on them, a stretch at a time (a scroll bar
/// moves through the history); showTrade() centres a trade and joins its entry to its exit.
class TradeChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradeChart)

public:
    explicit TradeChart(QWidget *parent = nullptr);
    void setData(std::shared_ptr<const Backtest::BarColumns> bars, std::vector<Backtest::Trade> trades);
    void showTrade(const Backtest::Trade &trade);
    /// The bars shown: [first, last) of the symbol's (for tests).
    std::pair<std::size_t, std::size_t> shownBars() const { return {m_first, m_first + m_count}; }
    /// Entries and exits drawn in the stretch shown (for tests).
    int markersShown() const { return m_markers; }

private:
    void draw();

    QChartView *m_view;
    QScrollBar *m_scroll;
    std::shared_ptr<const Backtest::BarColumns> m_bars;
    std::vector<Backtest::Trade> m_trades;
    std::optional<Backtest::Trade> m_selected;
    std::size_t m_first = 0;
    std::size_t m_count = 0;
    int m_markers = 0;
};

} // namespace Gui
