// SPDX-License-Identifier: MIT
#pragma once

#include "Records.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

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

/// What raised a signal: one of the built-in rules (in this order, the first four), or an alert the trader wrote.
enum class SignalRule : std::uint8_t
{
    RsiTrend,
    MaCross,
    PriceMove,
    NewsSentiment,
    TraderAlert,
};
constexpr int BuiltInRuleCount = 4;
/// `rsi_trend`, `ma_cross`, `price_move`, `news_sentiment` (and `alert` for a trader's alert).
const char *ruleId(SignalRule rule) noexcept;
/// The built-in rule of an id; none for anything else.
std::optional<SignalRule> builtInRule(QStringView id) noexcept;

/// A buy, sell or alert signal raised by a rule, with what made it fire.
struct TradeSignal
{
    qint64 id = 0; ///< row id in the signals table, set when stored
    Symbol symbol;
    SignalRule rule = SignalRule::PriceMove;
    QString alertName;                            ///< SignalRule::TraderAlert: the alert's name
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
    bool isTraderAlert() const noexcept { return rule == SignalRule::TraderAlert; }
    /// The rule's id, or a trader's alert's name: as the signal is stored, sent and listed.
    QString ruleName() const { return isTraderAlert() ? alertName : QString::fromLatin1(ruleId(rule)); }
    /// As read back: a built-in rule's id, or (`alertFire`) a trader's alert's name. An unknown id without
    /// `alertFire` is taken as an alert's name too.
    void setRuleName(const QString &name, bool alertFire)
    {
        const auto builtIn = alertFire ? std::nullopt : builtInRule(name);
        rule = builtIn.value_or(SignalRule::TraderAlert);
        alertName = builtIn ? QString() : name;
    }
    /// Whether a stored signal is a trader's alert's fire: its snapshot names the alert.
    static bool namesAlert(SignalSide side, const QByteArray &snapshot) noexcept
    {
        return side == SignalSide::Alert && snapshot.startsWith("{\"alert_id\":");
    }
    /// The built-in rule's index (its place in SignalRule), or -1 for a trader's alert.
    int builtInIndex() const noexcept { return isTraderAlert() ? -1 : int(rule); }
};

using SignalList = QList<TradeSignal>;

} // namespace Model

Q_DECLARE_METATYPE(Model::TradeSignal)
Q_DECLARE_METATYPE(Model::SignalList)
