// SPDX-License-Identifier: MIT
#include "SymbolSummary.h"

#include "bars/BarBuilder.h"

#include <algorithm>

namespace Analytics {

void SymbolSummary::addTick(const Model::Tick &bar, const Bars::Session &session)
{
    if (totalTicks > 0 && bar.timestamp < lastTickTime) {
        addLateTick(bar);
        return;
    }
    if (totalTicks == 0 || bar.timestamp >= sessionDay.end) {
        sessionDay = session.dayOf(bar.timestamp);
        sessionOpen = bar.open;
        sessionOpenTime = bar.timestamp;
        sessionHigh = bar.high;
        sessionLow = bar.low;
        sessionVolume = 0;
        sessionTicks = 0;
    }
    symbol = bar.symbol;
    lastPrice = bar.close;
    countInSession(bar);
    ++totalTicks;
    lastTickTime = std::max(lastTickTime, bar.timestamp);
}

void SymbolSummary::countInSession(const Model::Tick &bar) noexcept
{
    sessionHigh = std::max(sessionHigh, bar.high);
    sessionLow = std::min(sessionLow, bar.low);
    sessionVolume += bar.volume;
    ++sessionTicks;
}

void SymbolSummary::addLateTick(const Model::Tick &bar) noexcept
{
    ++totalTicks;
    if (!sessionDay.contains(bar.timestamp))
        return; // an earlier session's
    if (bar.timestamp < sessionOpenTime) {
        sessionOpen = bar.open;
        sessionOpenTime = bar.timestamp;
    }
    countInSession(bar);
}

void SymbolSummary::takeSession(const Bars::Bar &day) noexcept
{
    sessionOpen = day.open;
    sessionOpenTime = day.openTime;
    sessionHigh = day.high;
    sessionLow = day.low;
    sessionVolume = day.volume;
    sessionTicks = day.records;
}

void SymbolSummary::addSignal(const Model::TradeSignal &signal, int rule)
{
    ++signalsBySide[std::size_t(signal.side)];
    if (rule >= 0 && rule < int(signalsByRule.size()))
        ++signalsByRule[std::size_t(rule)];
    takeLastSignal(signal);
}

void SymbolSummary::takeLastSignal(const Model::TradeSignal &signal)
{
    lastSignalTime = signal.timestamp;
    lastSignal = QString::fromLatin1(Model::sideName(signal.side)) + u' ' + signal.ruleName();
    ++signalChanges;
}

} // namespace Analytics
