// SPDX-License-Identifier: MIT
#include "SymbolSummary.h"

#include <algorithm>

namespace Analytics {

namespace {
constexpr Model::TimestampUs UsPerDay = 86'400'000'000LL;
}

void SymbolSummary::addTick(const Model::Tick &bar) noexcept
{
    if (totalTicks > 0 && bar.timestamp < lastTickTime) {
        addLateTick(bar);
        return;
    }
    const bool newSession = totalTicks == 0 || bar.timestamp / UsPerDay > lastTickTime / UsPerDay;
    if (newSession) {
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
    if (bar.timestamp / UsPerDay != lastTickTime / UsPerDay)
        return; // an earlier session's
    if (bar.timestamp < sessionOpenTime) {
        sessionOpen = bar.open;
        sessionOpenTime = bar.timestamp;
    }
    countInSession(bar);
}

void SymbolSummary::addSignal(const Model::TradeSignal &signal, int rule)
{
    ++signalsBySide[std::size_t(signal.side)];
    if (rule >= 0 && rule < int(signalsByRule.size()))
        ++signalsByRule[std::size_t(rule)];
    lastSignalTime = signal.timestamp;
    lastSignal = QString::fromLatin1(Model::sideName(signal.side)) + u' ' + signal.ruleName();
}

} // namespace Analytics
