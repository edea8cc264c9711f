// SPDX-License-Identifier: MIT
#pragma once

#include "Decisions.h"
#include "Simulator.h"

#include <QTimeZone>

#include <limits>
#include <memory>

namespace Backtest {

/// Which stored bars a test runs over.
struct BarRequest
{
    QStringList symbols;
    Bars::Timeframe timeframe = Bars::Timeframe::day();
    Model::TimestampUs fromUs = 0;
    Model::TimestampUs toUs = std::numeric_limits<Model::TimestampUs>::max();
    QTimeZone zone = QTimeZone::utc(); ///< whose midnight begins days and weeks
};

/// Each symbol's bars from the database at `databasePath` (read-only), as the engine built them: the kept
/// history of 1m to 1W, else bars built from the stored records. A symbol without bars is an error that
/// names it.
Util::Result<std::vector<std::shared_ptr<const BarColumns>>> loadBars(const QString &databasePath,
                                                                      const BarRequest &request);

/// A test's settings besides the strategy.
struct Settings
{
    Costs costs;
    double startingCash = 100'000;
    bool keepEquity = true; ///< the equity series (the figures need none)
    /// Decide as the test goes, a stretch of bars at a time (a single test); false: from the cache's columns,
    /// computed once and shared by every test over them (a search).
    bool streamed = true;
};

/// A whole test: the figures of the account, its trades (oldest exit first) and its equity at each close.
struct Report
{
    Metrics metrics;
    std::vector<Trade> trades;
    std::vector<EquityPoint> equity;
    struct PerSymbol
    {
        QString symbol;
        Metrics metrics;
    };
    std::vector<PerSymbol> symbols;
};

/// A stretch of the bars: those opening at or after `from` and before `to`.
struct Span
{
    Model::TimestampUs from = std::numeric_limits<Model::TimestampUs>::min();
    Model::TimestampUs to = std::numeric_limits<Model::TimestampUs>::max();
    /// Its bars among `bars`: [first, second).
    std::pair<std::size_t, std::size_t> of(const BarColumns &bars) const;
};

/// Runs `strategy` over each symbol's bars within `span` (the bars before it still warm the indicators and
/// conditions). With several symbols, the starting cash is shared out equally and each symbol trades its own
/// part; the account is their sum at each close. `decisions`, when given, are each symbol's decide() already.
Report run(const Strategy &strategy, const std::vector<SeriesCache *> &series, const Settings &settings,
           const Span &span = {}, const std::vector<std::vector<std::uint8_t>> *decisions = nullptr);

/// The account of several parts: the sum of their equities at each time any of them has a close (a part
/// counts its last close, or its starting cash before its first).
std::vector<EquityPoint> joinEquity(const std::vector<std::vector<EquityPoint>> &parts,
                                    const std::vector<double> &startingCash);

} // namespace Backtest
