// SPDX-License-Identifier: MIT
#pragma once

#include "backtest/Backtest.h"

#include <QCommandLineParser>

namespace App {

/// What `tickdesk backtest` and `tickdesk optimize` share: the bars, the strategy, the costs.
struct BacktestOptions
{
    QString command;
    QString databasePath;
    Backtest::BarRequest bars;
    QJsonObject strategy; ///< its JSON form, the command line's changes in it
    Backtest::Settings settings;
    bool json = false;
};

void addBacktestOptions(QCommandLineParser &parser);
/// Reads the shared options (after parseCommand); false after printing what is wrong.
bool readBacktestOptions(const QCommandLineParser &parser, BacktestOptions &o);
/// The bars the options ask for, each symbol's in a cache of its own; nothing after printing why not.
std::optional<std::vector<std::shared_ptr<Backtest::SeriesCache>>> loadSeries(const BacktestOptions &o);

} // namespace App
