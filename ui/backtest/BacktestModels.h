// SPDX-License-Identifier: MIT
#pragma once

#include "backtest/Optimizer.h"
#include "backtest/Reliability.h"
#include "trading/RowModel.h"

namespace Gui {

/// A test's trades, oldest exit first.
class BacktestTradeModel final : public RowModel<Backtest::Trade>
{
    Q_OBJECT

public:
    enum Column
    {
        Symbol,
        Side,
        Quantity,
        EntryTime,
        EntryPrice,
        ExitTime,
        ExitPrice,
        Reason,
        Pnl,
        ReturnPercent,
        Mae,
        Mfe,
        Bars,
        ColumnCount
    };
    explicit BacktestTradeModel(QObject *parent = nullptr);
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// How trade times are shown: in this zone.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    /// Days and weeks: the time of day says nothing.
    void setDatesOnly(bool on) { m_datesOnly = on; }

protected:
    QVariant cell(const Backtest::Trade &trade, int column, int role) const override;

private:
    QTimeZone m_zone = QTimeZone::utc();
    bool m_datesOnly = false;
};

/// A search's sets, best first: the parameters' values, then the figures.
class SearchResultModel final : public RowModel<Backtest::SetResult>
{
    Q_OBJECT

public:
    enum Figure
    {
        Return,
        Drawdown,
        Sharpe,
        Sortino,
        ProfitFactor,
        WinRate,
        Trades,
        FigureCount
    };
    explicit SearchResultModel(QObject *parent = nullptr);
    void setResults(const Backtest::Grid &grid, std::vector<Backtest::SetResult> ranked);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const Backtest::SetResult &set, int column, int role) const override;

private:
    QStringList m_parameters;
};

/// How each rule and alert fared after its signals.
class ReliabilityModel final : public RowModel<Backtest::Reliability>
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Side,
        Signals,
        HitRate,
        AverageMove,
        ColumnCount
    };
    explicit ReliabilityModel(QObject *parent = nullptr);
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void setHorizon(int bars) { m_horizon = bars; }

protected:
    QVariant cell(const Backtest::Reliability &row, int column, int role) const override;

private:
    int m_horizon = 10;
};

} // namespace Gui
