// SPDX-License-Identifier: MIT
#pragma once

#include "Records.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Model {

enum class SignalSide : std::uint8_t
{
    Buy,
    Sell,
    Alert
};

const char *sideName(SignalSide side) noexcept;
/// The side named "buy" or "sell"; anything else is an alert.
SignalSide sideFromName(QStringView name) noexcept;

/// A buy, sell or alert signal raised by a rule, with what made it fire.
struct TradeSignal
{
    qint64 id = 0; ///< row id in the signals table, set when stored
    Symbol symbol;
    QString rule;                                 ///< rule id: rsi_trend, ma_cross, price_move, news_sentiment
    QString timeframe = QStringLiteral("record"); ///< of the bars the rule looked at
    SignalSide side = SignalSide::Alert;
    QString reason; ///< for a person, with the numbers that triggered it
    double price = 0;
    QByteArray snapshot;       ///< indicator values at the time, a JSON object
    TimestampUs timestamp = 0; ///< of the record that triggered it, or the open time of its bar
    qint64 receivedNs = 0;     ///< monotonic clock when that record arrived
    qint64 publishedNs = 0;    ///< monotonic clock when the signal was stored and published

    qint64 latencyNs() const noexcept { return receivedNs > 0 && publishedNs > 0 ? publishedNs - receivedNs : 0; }
    /// A fire of an alert the trader wrote (not one of the built-in rules): its snapshot names the alert.
    bool isTraderAlert() const noexcept { return side == SignalSide::Alert && snapshot.startsWith("{\"alert_id\":"); }
};

using SignalList = QList<TradeSignal>;

} // namespace Model

Q_DECLARE_METATYPE(Model::TradeSignal)
Q_DECLARE_METATYPE(Model::SignalList)
