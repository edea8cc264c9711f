// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"
#include "indicators/IndicatorSet.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

/// Alerts the trader writes: a condition on a symbol's price, bars or indicators on a timeframe, and when
/// it fires. This header is the model (what an alert says, its JSON form, its text); AlertEvaluator.h
/// decides when one fires.
namespace Alerts {

/// A value of the bar: the last price (the newest record's close), or the bar's own.
enum class Field
{
    Price,
    Open,
    High,
    Low,
    Close,
    Volume,
};

enum class Indicator
{
    Sma,
    Ema,
    Rsi,
    MacdLine,
    MacdSignal,
    MacdHistogram,
    BollingerUpper,
    BollingerMiddle,
    BollingerLower,
    Atr,
    Vwap,
};

/// One side of a condition: a field of the bar, an indicator with its own periods, a constant, or a line
/// through two points of time and price (a trend line drawn on a chart), whose level at a bar is the
/// line's at the bar's open time.
struct Operand
{
    enum class Kind
    {
        Field,
        Indicator,
        Constant,
        Line,
    };
    Kind kind = Kind::Constant;
    Field field = Field::Close;
    Indicator indicator = Indicator::Sma;
    int period = 0;               ///< 0: the indicator's usual one (14 for RSI and ATR, 20 otherwise)
    int fast = 12;                ///< MACD
    int slow = 26;                ///< MACD
    int signal = 9;               ///< MACD
    double deviations = 2.0;      ///< Bollinger
    double value = 0;             ///< a constant; a line's price at time1
    Model::TimestampUs time1 = 0; ///< a line's two points
    Model::TimestampUs time2 = 0;
    double value2 = 0;

    static Operand constant(double v)
    {
        return Operand{Kind::Constant, Field::Close, Indicator::Sma, 0, 12, 26, 9, 2.0, v};
    }
    static Operand of(Field f) { return Operand{Kind::Field, f}; }
    static Operand of(Indicator i, int period = 0) { return Operand{Kind::Indicator, Field::Close, i, period}; }
    static Operand line(Model::TimestampUs t1, double price1, Model::TimestampUs t2, double price2)
    {
        Operand o = constant(price1);
        o.kind = Kind::Line;
        o.time1 = t1;
        o.time2 = t2;
        o.value2 = price2;
        return o;
    }
    /// A line's level at `time` (its two points' prices joined straight through time, and beyond them).
    double lineAt(Model::TimestampUs time) const
    {
        return time2 == time1 ? value : value + (value2 - value) * double(time - time1) / double(time2 - time1);
    }
    /// The periods an indicator set needs to compute this operand (the others left as they are).
    Indicators::IndicatorConfig config() const;
    /// Its value after a bar (its indicators computed with config()); `price` is the last price.
    std::optional<double> valueOf(const Model::Tick &bar, const Indicators::IndicatorSnapshot &indicators,
                                  double price) const;
    bool operator==(const Operand &) const = default;
};

enum class Operator
{
    Crossing,
    CrossingUp,
    CrossingDown,
    GreaterThan,
    LessThan,
    EnteringChannel,
    ExitingChannel,
    InsideChannel,
    OutsideChannel,
    MovingUp,
    MovingDown,
    MovingUpPercent,
    MovingDownPercent,
};

/// When a condition that holds (or a crossing that happens) fires.
enum class Trigger
{
    Once,            ///< the first time, then never again
    OncePerBar,      ///< at most once in each bar, as soon as it happens in the forming bar
    OncePerBarClose, ///< on closed bars only, so a fire never repaints (the default)
    EveryTime,       ///< every time, at least `cooldown` apart, at most `maxCount` times
};

struct Definition
{
    qint64 id = 0;
    QString name;
    QStringList symbols{QStringLiteral("*")}; ///< "*": every symbol
    Bars::Timeframe timeframe = Bars::Timeframe::minutes(1);
    Operand left = Operand::of(Field::Close);
    Operator op = Operator::CrossingUp;
    Operand right;                                      ///< for every operator but the channel ones
    std::optional<std::pair<Operand, Operand>> channel; ///< the channel's two edges, either order
    int bars = 1;                                       ///< moving operators: over this many closed bars
    Trigger trigger = Trigger::OncePerBarClose;
    qint64 cooldownSeconds = 0; ///< EveryTime
    int maxCount = 0;           ///< EveryTime: 0 for no limit
    std::optional<Model::TimestampUs> expires;
    bool enabled = true;
    /// Around a level or a channel's edges: the value must leave the band for the side to change, so a
    /// price hovering at the level does not fire a storm.
    double deadBand = 0;
    QString message; ///< with {symbol} {price} {value} {level} {timeframe} {time} {name}; empty: a default

    bool usesChannel() const;
    bool usesMoving() const;
    bool appliesTo(const QString &symbol) const
    {
        return symbols.contains(QStringLiteral("*")) || symbols.contains(symbol);
    }
    bool operator==(const Definition &) const = default;
};

/// An alert from its JSON form (see README); the error names the field that is wrong and why.
Util::Result<Definition> fromJson(const QJsonObject &json);
QJsonObject toJson(const Definition &alert);
/// Whether the alert can be evaluated; the error names the field.
Util::Status validate(const Definition &alert);

/// The condition in words: "close crossing up 182.5 on 1m", "RSI(14) greater than 70 on 5m".
QString describe(const Definition &alert);
QString describe(const Operand &operand);

/// What a fire says, from the alert's template (or the default one).
struct FireContext
{
    QString symbol;
    double price = 0;
    double value = 0; ///< the left operand's value
    double level = 0; ///< the right operand's, or the channel edge crossed
    Model::TimestampUs time = 0;
};
QString message(const Definition &alert, const FireContext &context);

} // namespace Alerts
