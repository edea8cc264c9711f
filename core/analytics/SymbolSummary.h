// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Session.h"
#include "model/TradeSignal.h"

#include <QList>
#include <QMetaType>

#include <array>
#include <optional>
#include <type_traits>

namespace Bars {
struct Bar;
}

namespace Analytics {

/// The figures every record changes, first and together: two cache lines, which is all a record of a
/// summary touches at thousands of symbols.
struct PriceFigures
{
    Model::Symbol symbol;
    /// Counts the changes of the SignalFigures beside it (SymbolSummary's signal calls make them), so that a
    /// copy can leave those lines alone while they are the same.
    std::uint32_t signalChanges = 0;
    double lastPrice = 0;
    Model::TimestampUs lastTickTime = 0;
    std::int64_t totalTicks = 0;
    std::optional<double> rsi; ///< latest, for the watchlist
    Bars::Span sessionDay;     ///< the session: the day of the latest record
    double sessionOpen = 0;
    Model::TimestampUs sessionOpenTime = 0; ///< of the session's earliest record, whose open is sessionOpen
    double sessionHigh = 0;
    double sessionLow = 0;
    std::int64_t sessionVolume = 0;
    std::int64_t sessionTicks = 0;
};
static_assert(sizeof(PriceFigures) == 128);

/// The figures only a signal changes.
struct SignalFigures
{
    std::array<std::int64_t, 3> signalsBySide{}; ///< indexed by Model::SignalSide
    std::array<std::int64_t, 4> signalsByRule{}; ///< indexed by Signals::RuleEngine::Rule
    Model::TimestampUs lastSignalTime = 0;
};

/// The figures of a symbol's summary: plain values, copied as bytes.
struct SymbolFigures : PriceFigures, SignalFigures
{};
static_assert(std::is_trivially_copyable_v<SymbolFigures>);

/// The reference system's "aggregator": what a trader wants to know of one
/// symbol at a glance. The session is the day of the latest bar in the session's time zone (UTC unless the
/// trader picks one), the day a daily bar of the charts holds.
struct SymbolSummary : SymbolFigures
{
    QString lastSignal; ///< e.g. "buy rsi_trend"

    /// Change of the last price against the session's first open, in percent.
    double changePercent() const noexcept
    {
        return sessionOpen > 0 ? (lastPrice - sessionOpen) / sessionOpen * 100.0 : 0.0;
    }

    /// Counts a record. One older than the latest (a late record) counts in its session's figures when that
    /// is the current session, and never moves the last price: the same figures a start reading the stored
    /// records in time order arrives at. `session` tells where a day begins.
    void addTick(const Model::Tick &bar, const Bars::Session &session);
    /// Takes the session's open, high, low, volume and record count from its daily bar `day`, which counts
    /// stored records that were not added (a start reads only a symbol's latest records). Its open is the
    /// first record to arrive, so a late record from then on no longer takes the open.
    void takeSession(const Bars::Bar &day) noexcept;
    /// Counts a signal (by side, and by `rule` when it is a built-in rule's index) and makes it the last one.
    void addSignal(const Model::TradeSignal &signal, int rule);
    /// Makes a signal the last one without counting it: as read from the database at a start.
    void takeLastSignal(const Model::TradeSignal &signal);

    /// Becomes a copy of `other`. The engine publishes a symbol's summary after each batch that touched it;
    /// the signal figures and the last signal's text rarely change between two, so they are copied only when
    /// they did (or the copy was another symbol's): publishing then writes two cache lines, and leaves the
    /// text's shared count alone.
    void assign(const SymbolSummary &other)
    {
        const bool signalsChanged = signalChanges != other.signalChanges || !(symbol == other.symbol);
        static_cast<PriceFigures &>(*this) = other;
        if (!signalsChanged)
            return;
        static_cast<SignalFigures &>(*this) = other;
        if (!lastSignal.isSharedWith(other.lastSignal))
            lastSignal = other.lastSignal;
    }

private:
    void addLateTick(const Model::Tick &bar) noexcept;
    void countInSession(const Model::Tick &bar) noexcept;
};

using SummaryList = QList<SymbolSummary>;

} // namespace Analytics

Q_DECLARE_METATYPE(Analytics::SymbolSummary)
