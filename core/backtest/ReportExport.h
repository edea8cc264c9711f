// SPDX-License-Identifier: MIT
#pragma once

#include "Backtest.h"
#include "Optimizer.h"
#include "Reliability.h"
#include "WalkForward.h"

#include <QJsonArray>
#include <QJsonObject>

/// A test's results as JSON and CSV, for scripts and spreadsheets.
namespace Backtest {

/// The figures under their JSON names (total_return, max_drawdown, sharpe, win_rate, profit_factor, trades…);
/// a figure that could not be computed is null. Ratios are fractions (0.12 for 12 %).
QJsonObject metricsJson(const Metrics &metrics);
QJsonObject tradeJson(const Trade &trade);
/// The whole report: the figures at the top, the strategy, each symbol's figures, and on request the trade list
/// (`trade_list`) and the equity with its drawdown at each close (`equity`).
QJsonObject reportJson(const Report &report, const QJsonObject &strategy, bool withTrades, bool withEquity);
/// A search's sets, best first: their values by parameter and their figures.
QJsonArray searchJson(const Grid &grid, const std::vector<SetResult> &ranked);
QJsonObject walkForwardJson(const Grid &grid, const WalkForwardResult &result);
QJsonArray reliabilityJson(const std::vector<Reliability> &rows);

/// `symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,exit_reason,pnl,return_percent,
/// mae_percent,mfe_percent,bars,fees`, CRLF-terminated, one trade a row.
QByteArray tradesCsv(const std::vector<Trade> &trades);
/// `time_utc,epoch_s,equity,drawdown`: the equity at each close and its fall from the peak before it.
QByteArray equityCsv(const std::vector<EquityPoint> &equity, double startEquity);

/// The drawdown at each point: the fall below the highest equity before it (from `startEquity`), 0.1 for 10 %.
std::vector<double> drawdowns(const std::vector<EquityPoint> &equity, double startEquity);

} // namespace Backtest
