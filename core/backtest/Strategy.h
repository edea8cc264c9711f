// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/AlertDefinition.h"
#include "indicators/IndicatorSet.h"
#include "signals/RuleConfig.h"
#include "signals/RuleEngine.h"
#include "trading/Account.h"

#include <QJsonObject>

#include <optional>

/// Strategies a trader builds without scripting, and the engine that tests them over stored bars.
namespace Backtest {

/// What opens or closes a position at a bar's close: a built-in rule's signal of one side (the rule run
/// with its own settings), or a condition of the alert model (fired on closed bars only).
struct Condition
{
    enum class Kind
    {
        Rule,
        Alert,
    };
    Kind kind = Kind::Alert;
    Signals::RuleEngine::Rule rule = Signals::RuleEngine::MaCross;
    Model::SignalSide side = Model::SignalSide::Buy;
    Signals::RuleConfig rules;              ///< Rule: the rule's settings (the others switched off)
    Indicators::IndicatorConfig indicators; ///< Rule: the periods it reads
    Alerts::Definition alert;               ///< Alert: left, operator, right or channel, bars, dead band

    /// A rule's signal of one side, the rule run with `rules` and `indicators`, alone (the others switched off).
    static Condition ofRule(Signals::RuleEngine::Rule rule, Model::SignalSide side, Signals::RuleConfig rules,
                            Indicators::IndicatorConfig indicators);
    bool operator==(const Condition &) const = default;
};

enum class Direction
{
    Long,
    Short,
    Both,
};

/// How large a position is opened.
struct Size
{
    enum class Kind
    {
        Shares,
        Cash,
        PercentOfEquity,
    };
    Kind kind = Kind::PercentOfEquity;
    double value = 100;
    bool operator==(const Size &) const = default;
};

/// A strategy: when to enter and leave long and short positions, protective exits, and the size.
/// Its JSON form (README, "Strategy tester") is what is saved and what parameters are set in: a parameter
/// is a path into it, such as `fast`, `stop_loss_percent` or `enter_long.right.value`.
struct Strategy
{
    QString name;
    Bars::Timeframe timeframe = Bars::Timeframe::day();
    Direction direction = Direction::Long;
    std::optional<Condition> enterLong;
    std::optional<Condition> exitLong;
    std::optional<Condition> enterShort;
    std::optional<Condition> exitShort;
    double stopLossPercent = 0;   ///< 0: none; else the loss from the entry price that closes the position
    double takeProfitPercent = 0; ///< 0: none; else the gain that does
    int maxBars = 0;              ///< 0: none; else a position is closed after this many bars
    Size size;
    bool wholeShares = false; ///< false: fractional shares

    bool allowsLong() const noexcept { return direction != Direction::Short; }
    bool allowsShort() const noexcept { return direction != Direction::Long; }
    bool operator==(const Strategy &) const = default;
};

/// A strategy from its JSON form. `preset` fills in what a named strategy means (`ma_cross` with `fast` and
/// `slow`, `rsi_trend`); the error names the field that is wrong and why.
Util::Result<Strategy> strategyFromJson(const QJsonObject &json);
/// The presets' names: ma_cross, rsi_trend.
QStringList presetNames();
/// A preset's JSON with its default parameters (`{"preset":"ma_cross","fast":10,"slow":30}`).
QJsonObject presetJson(const QString &preset);

/// `json` with the number at `path` (dot-separated keys) set to `value`; the error says when the path
/// does not lead into the strategy (a key on the way is missing or not an object).
Util::Result<QJsonObject> withParameter(QJsonObject json, const QString &path, double value);
/// The number at `path`, if there is one.
std::optional<double> parameterOf(const QJsonObject &json, const QString &path);

/// The strategy in words: "enter long: SMA(10) crossing up SMA(30) on 1D; exit: …".
QString describe(const Strategy &strategy);

} // namespace Backtest
