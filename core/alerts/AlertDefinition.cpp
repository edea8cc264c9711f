// SPDX-License-Identifier: MIT
#include "AlertDefinition.h"

#include "model/JsonTime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Alerts {

namespace {

template<typename E>
struct Named
{
    E value;
    const char *name;
};

constexpr std::array<Named<Field>, 6> FieldNames{{{Field::Price, "price"},
                                                  {Field::Open, "open"},
                                                  {Field::High, "high"},
                                                  {Field::Low, "low"},
                                                  {Field::Close, "close"},
                                                  {Field::Volume, "volume"}}};
constexpr std::array<Named<Indicator>, 11> IndicatorNames{{{Indicator::Sma, "sma"},
                                                           {Indicator::Ema, "ema"},
                                                           {Indicator::Rsi, "rsi"},
                                                           {Indicator::MacdLine, "macd"},
                                                           {Indicator::MacdSignal, "macd_signal"},
                                                           {Indicator::MacdHistogram, "macd_histogram"},
                                                           {Indicator::BollingerUpper, "bb_upper"},
                                                           {Indicator::BollingerMiddle, "bb_middle"},
                                                           {Indicator::BollingerLower, "bb_lower"},
                                                           {Indicator::Atr, "atr"},
                                                           {Indicator::Vwap, "vwap"}}};
constexpr std::array<Named<Operator>, 13> OperatorNames{{{Operator::Crossing, "crossing"},
                                                         {Operator::CrossingUp, "crossing_up"},
                                                         {Operator::CrossingDown, "crossing_down"},
                                                         {Operator::GreaterThan, "greater_than"},
                                                         {Operator::LessThan, "less_than"},
                                                         {Operator::EnteringChannel, "entering_channel"},
                                                         {Operator::ExitingChannel, "exiting_channel"},
                                                         {Operator::InsideChannel, "inside_channel"},
                                                         {Operator::OutsideChannel, "outside_channel"},
                                                         {Operator::MovingUp, "moving_up"},
                                                         {Operator::MovingDown, "moving_down"},
                                                         {Operator::MovingUpPercent, "moving_up_percent"},
                                                         {Operator::MovingDownPercent, "moving_down_percent"}}};
constexpr std::array<Named<Trigger>, 4> TriggerNames{{{Trigger::Once, "once"},
                                                      {Trigger::OncePerBar, "once_per_bar"},
                                                      {Trigger::OncePerBarClose, "once_per_bar_close"},
                                                      {Trigger::EveryTime, "every_time"}}};

template<typename E, std::size_t N>
std::optional<E> byName(const std::array<Named<E>, N> &names, const QString &text)
{
    for (const auto &n : names)
        if (text == QLatin1StringView(n.name))
            return n.value;
    return std::nullopt;
}

template<typename E, std::size_t N>
QString nameOf(const std::array<Named<E>, N> &names, E value)
{
    for (const auto &n : names)
        if (n.value == value)
            return QString::fromLatin1(n.name);
    return {};
}

template<typename E, std::size_t N>
QString choices(const std::array<Named<E>, N> &names)
{
    QStringList all;
    for (const auto &n : names)
        all.append(QString::fromLatin1(n.name));
    return all.join(u", "_s);
}

int defaultPeriod(Indicator indicator)
{
    return indicator == Indicator::Rsi || indicator == Indicator::Atr ? 14 : 20;
}

bool isMacd(Indicator i)
{
    return i == Indicator::MacdLine || i == Indicator::MacdSignal || i == Indicator::MacdHistogram;
}

bool isBollinger(Indicator i)
{
    return i == Indicator::BollingerUpper || i == Indicator::BollingerMiddle || i == Indicator::BollingerLower;
}

/// Reads a whole number field within [low, high] into `out`; the error names it.
Util::Status wholeNumber(const QJsonObject &json, const QString &field, const QString &where, int low, int high,
                         int &out)
{
    if (!json.contains(field))
        return {};
    const QJsonValue v = json.value(field);
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < low || d > high)
        return Util::Status::failure(
            u"%1%2: must be a whole number from %3 to %4"_s.arg(where, field).arg(low).arg(high));
    out = int(d);
    return {};
}

/// `{"line":[{"time":...,"price":...},{"time":...,"price":...}]}`
Util::Result<Operand> lineFrom(const QJsonValue &value, const QString &where)
{
    using R = Util::Result<Operand>;
    const QJsonArray points = value.toArray();
    if (points.size() != 2)
        return R::failure(
            u"%1.line: must be two points, e.g. [{\"time\":\"2026-11-02T14:30:00Z\",\"price\":180},{...}]"_s.arg(
                where));
    Model::TimestampUs times[2];
    double prices[2];
    for (int i = 0; i < 2; ++i) {
        const QJsonObject point = points[i].toObject();
        const QString at = u"%1.line[%2]."_s.arg(where).arg(i);
        const auto time = Model::timeFromJson(point.value(u"time"_s));
        if (!time)
            return R::failure(at + u"time: must be a time from 1900 to 9999, ISO-8601 or epoch seconds"_s);
        const QJsonValue price = point.value(u"price"_s);
        if (!price.isDouble() || !std::isfinite(price.toDouble()))
            return R::failure(at + u"price: must be a number"_s);
        times[i] = *time;
        prices[i] = price.toDouble();
    }
    if (times[0] == times[1])
        return R::failure(u"%1.line: its two points must be at different times"_s.arg(where));
    return Operand::line(times[0], prices[0], times[1], prices[1]);
}

Util::Result<Operand> operandFrom(const QJsonValue &value, const QString &where, bool constantAllowed,
                                  bool lineAllowed = false)
{
    using R = Util::Result<Operand>;
    if (!value.isObject())
        return R::failure(
            u"%1: must be an object such as {\"source\":\"close\"} or {\"indicator\":\"rsi\"}"_s.arg(where));
    const QJsonObject json = value.toObject();
    const QString prefix = where + u'.';
    Operand operand;
    const int kinds = int(json.contains(u"source"_s)) + int(json.contains(u"indicator"_s)) +
                      int(constantAllowed && json.contains(u"value"_s)) + int(lineAllowed && json.contains(u"line"_s));
    if (kinds != 1)
        return R::failure(lineAllowed       ? u"%1: give one of source, indicator, value or line"_s.arg(where)
                          : constantAllowed ? u"%1: give one of source, indicator or value"_s.arg(where)
                                            : u"%1: give one of source or indicator"_s.arg(where));
    if (json.contains(u"line"_s)) {
        return lineFrom(json.value(u"line"_s), where);
    } else if (json.contains(u"source"_s)) {
        const auto field = byName(FieldNames, json.value(u"source"_s).toString());
        if (!field)
            return R::failure(u"%1source: must be one of %2"_s.arg(prefix, choices(FieldNames)));
        operand = Operand::of(*field);
    } else if (json.contains(u"indicator"_s)) {
        const auto indicator = byName(IndicatorNames, json.value(u"indicator"_s).toString());
        if (!indicator)
            return R::failure(u"%1indicator: must be one of %2"_s.arg(prefix, choices(IndicatorNames)));
        operand = Operand::of(*indicator, defaultPeriod(*indicator));
        for (const auto &[field, target] : {std::pair{u"period"_s, &operand.period},
                                            {u"fast"_s, &operand.fast},
                                            {u"slow"_s, &operand.slow},
                                            {u"signal"_s, &operand.signal}})
            if (auto s = wholeNumber(json, field, prefix, 1, 1000, *target); !s)
                return R::failure(s.error());
        if (json.contains(u"deviations"_s)) {
            operand.deviations = json.value(u"deviations"_s).toDouble(-1);
            if (!(operand.deviations > 0 && operand.deviations <= 10))
                return R::failure(u"%1deviations: must be a number above 0 and at most 10"_s.arg(prefix));
        }
        // What the indicator does not use keeps its default, so that an alert reads back as it was stored.
        const Operand usual = Operand::of(operand.indicator, defaultPeriod(operand.indicator));
        if (isMacd(operand.indicator)) {
            operand.period = usual.period;
        } else {
            operand.fast = usual.fast;
            operand.slow = usual.slow;
            operand.signal = usual.signal;
        }
        if (!isBollinger(operand.indicator))
            operand.deviations = usual.deviations;
    } else {
        const QJsonValue v = json.value(u"value"_s);
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return R::failure(u"%1value: must be a number"_s.arg(prefix));
        operand = Operand::constant(v.toDouble());
    }
    return operand;
}

QJsonObject operandJson(const Operand &operand)
{
    QJsonObject json;
    switch (operand.kind) {
    case Operand::Kind::Constant:
        json.insert(u"value"_s, operand.value);
        break;
    case Operand::Kind::Line:
        json.insert(u"line"_s,
                    QJsonArray{QJsonObject{{u"time"_s, Model::isoTime(operand.time1)}, {u"price"_s, operand.value}},
                               QJsonObject{{u"time"_s, Model::isoTime(operand.time2)}, {u"price"_s, operand.value2}}});
        break;
    case Operand::Kind::Field:
        json.insert(u"source"_s, nameOf(FieldNames, operand.field));
        break;
    case Operand::Kind::Indicator:
        json.insert(u"indicator"_s, nameOf(IndicatorNames, operand.indicator));
        if (isMacd(operand.indicator)) {
            json.insert(u"fast"_s, operand.fast);
            json.insert(u"slow"_s, operand.slow);
            json.insert(u"signal"_s, operand.signal);
        } else {
            json.insert(u"period"_s, operand.period > 0 ? operand.period : defaultPeriod(operand.indicator));
        }
        if (isBollinger(operand.indicator))
            json.insert(u"deviations"_s, operand.deviations);
        break;
    }
    return json;
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

/// A value for a person: prices and indicator values to the cent, small ones to four significant digits.
QString readable(double v)
{
    if (std::abs(v) < 1)
        return QString::number(v, 'g', 4);
    QString text = QString::number(v, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace

Indicators::IndicatorConfig Operand::config() const
{
    Indicators::IndicatorConfig c;
    if (kind != Kind::Indicator)
        return c;
    const int p = period > 0 ? period : defaultPeriod(indicator);
    switch (indicator) {
    case Indicator::Sma:
        c.sma = p;
        break;
    case Indicator::Ema:
        c.ema = p;
        break;
    case Indicator::Rsi:
        c.rsi = p;
        break;
    case Indicator::MacdLine:
    case Indicator::MacdSignal:
    case Indicator::MacdHistogram:
        c.macdFast = fast;
        c.macdSlow = slow;
        c.macdSignal = signal;
        break;
    case Indicator::BollingerUpper:
    case Indicator::BollingerMiddle:
    case Indicator::BollingerLower:
        c.bollinger = p;
        c.bollingerDeviations = deviations;
        break;
    case Indicator::Atr:
        c.atr = p;
        break;
    case Indicator::Vwap:
        c.vwap = p;
        break;
    }
    return c;
}

std::optional<double> Operand::valueOf(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s,
                                       double price) const
{
    switch (kind) {
    case Kind::Constant:
        return value;
    case Kind::Line:
        return lineAt(bar.timestamp);
    case Kind::Field:
        switch (field) {
        case Field::Price:
            return price;
        case Field::Open:
            return bar.open;
        case Field::High:
            return bar.high;
        case Field::Low:
            return bar.low;
        case Field::Close:
            return bar.close;
        case Field::Volume:
            return double(bar.volume);
        }
        break;
    case Kind::Indicator:
        switch (indicator) {
        case Indicator::Sma:
            return s.sma;
        case Indicator::Ema:
            return s.ema;
        case Indicator::Rsi:
            return s.rsi;
        case Indicator::MacdLine:
            return s.macd;
        case Indicator::MacdSignal:
            return s.macdSignal;
        case Indicator::MacdHistogram:
            return s.macdHistogram;
        case Indicator::BollingerUpper:
            return s.bollingerUpper;
        case Indicator::BollingerMiddle:
            return s.bollingerMiddle;
        case Indicator::BollingerLower:
            return s.bollingerLower;
        case Indicator::Atr:
            return s.atr;
        case Indicator::Vwap:
            return s.vwap;
        }
        break;
    }
    return std::nullopt;
}

bool Definition::usesChannel() const
{
    return op == Operator::EnteringChannel || op == Operator::ExitingChannel || op == Operator::InsideChannel ||
           op == Operator::OutsideChannel;
}

bool Definition::usesMoving() const
{
    return op == Operator::MovingUp || op == Operator::MovingDown || op == Operator::MovingUpPercent ||
           op == Operator::MovingDownPercent;
}

Util::Status validate(const Definition &a)
{
    using S = Util::Status;
    if (a.symbols.isEmpty())
        return S::failure(u"symbols: give at least one symbol, or \"*\" for every symbol"_s);
    for (const QString &s : a.symbols) {
        Model::Symbol symbol;
        if (s != u"*"_s && !Model::Symbol::fromString(s, symbol))
            return S::failure(u"symbols: \"%1\" is not a symbol"_s.arg(s.left(40)));
    }
    if (!a.timeframe.isTime() && a.timeframe.kind() != Bars::Timeframe::Kind::Record)
        return S::failure(u"timeframe: alerts look at time bars (1s to 1W) or record"_s);
    if (a.left.kind == Operand::Kind::Constant)
        return S::failure(u"left: must be a source or an indicator, not a constant"_s);
    for (const Operand *o : {&a.left, &a.right})
        if (o->kind == Operand::Kind::Indicator && isMacd(o->indicator) && o->fast >= o->slow)
            return S::failure(u"%1.fast: the MACD's fast period must be shorter than its slow one"_s.arg(
                o == &a.left ? u"left"_s : u"right"_s));
    if (a.right.kind == Operand::Kind::Line && a.op != Operator::Crossing && a.op != Operator::CrossingUp &&
        a.op != Operator::CrossingDown && a.op != Operator::GreaterThan && a.op != Operator::LessThan)
        return S::failure(u"right.line: a line goes with crossing, crossing_up, crossing_down, greater_than or "
                          "less_than"_s);
    if (a.usesChannel() && !a.channel)
        return S::failure(u"right.channel: the channel operators need two edges, [low, high]"_s);
    if (a.usesMoving()) {
        if (a.right.kind != Operand::Kind::Constant || !(a.right.value > 0))
            return S::failure(u"right.value: how far it must move, a number above 0"_s);
        if (a.bars < 1 || a.bars > 1000)
            return S::failure(u"right.bars: must be a whole number from 1 to 1000"_s);
    }
    if (!(a.deadBand >= 0) || !std::isfinite(a.deadBand))
        return S::failure(u"dead_band: must be 0 or more"_s);
    if (a.cooldownSeconds < 0)
        return S::failure(u"cooldown_s: must be 0 or more"_s);
    if (a.maxCount < 0)
        return S::failure(u"max_count: must be 0 (no limit) or more"_s);
    if (a.name.size() > 200)
        return S::failure(u"name: at most 200 characters"_s);
    return {};
}

Util::Result<Definition> fromJson(const QJsonObject &json)
{
    using R = Util::Result<Definition>;
    Definition a;
    if (json.contains(u"name"_s)) {
        if (!json.value(u"name"_s).isString())
            return R::failure(u"name: must be text"_s);
        a.name = json.value(u"name"_s).toString().trimmed();
    }
    if (json.contains(u"symbols"_s)) {
        const QJsonValue symbols = json.value(u"symbols"_s);
        if (!symbols.isArray())
            return R::failure(u"symbols: must be a list such as [\"AAPL\"] or [\"*\"]"_s);
        a.symbols.clear();
        for (const QJsonValue &s : symbols.toArray()) {
            if (!s.isString())
                return R::failure(u"symbols: every entry must be text"_s);
            a.symbols.append(s.toString().trimmed().toUpper());
        }
    }
    if (json.contains(u"timeframe"_s)) {
        const auto timeframe = Bars::Timeframe::parse(json.value(u"timeframe"_s).toString());
        if (!timeframe)
            return R::failure(u"timeframe: "_s + timeframe.error());
        a.timeframe = *timeframe;
    }
    if (!json.contains(u"left"_s))
        return R::failure(u"left: missing; e.g. {\"source\":\"close\"}"_s);
    auto left = operandFrom(json.value(u"left"_s), u"left"_s, false);
    if (!left)
        return R::failure(left.error());
    a.left = *left;
    if (json.contains(u"operator"_s)) {
        const auto op = byName(OperatorNames, json.value(u"operator"_s).toString());
        if (!op)
            return R::failure(u"operator: must be one of %1"_s.arg(choices(OperatorNames)));
        a.op = *op;
    }
    if (!json.contains(u"right"_s) || !json.value(u"right"_s).isObject())
        return R::failure(u"right: missing; e.g. {\"value\":182.5}"_s);
    const QJsonObject right = json.value(u"right"_s).toObject();
    if (a.usesChannel()) {
        const QJsonArray edges = right.value(u"channel"_s).toArray();
        if (edges.size() != 2)
            return R::failure(u"right.channel: must be a list of two edges, e.g. [{\"value\":10},{\"value\":20}]"_s);
        auto low = operandFrom(edges[0], u"right.channel[0]"_s, true);
        if (!low)
            return R::failure(low.error());
        auto high = operandFrom(edges[1], u"right.channel[1]"_s, true);
        if (!high)
            return R::failure(high.error());
        a.channel = std::pair{*low, *high};
    } else {
        QJsonObject single = right;
        single.remove(u"bars"_s);
        auto operand = operandFrom(single, u"right"_s, true, true);
        if (!operand)
            return R::failure(operand.error());
        a.right = *operand;
    }
    if (auto s = wholeNumber(right, u"bars"_s, u"right."_s, 1, 1000, a.bars); !s)
        return R::failure(s.error());
    if (!a.usesMoving())
        a.bars = 1; // only the moving operators look back: the alert reads back as stored
    if (json.contains(u"trigger"_s)) {
        const auto trigger = byName(TriggerNames, json.value(u"trigger"_s).toString());
        if (!trigger)
            return R::failure(u"trigger: must be one of %1"_s.arg(choices(TriggerNames)));
        a.trigger = *trigger;
    }
    if (json.contains(u"cooldown_s"_s)) {
        const double c = json.value(u"cooldown_s"_s).toDouble(-1);
        if (!(c >= 0 && c <= 366 * 86'400.0))
            return R::failure(u"cooldown_s: must be a number of seconds from 0 to a year"_s);
        a.cooldownSeconds = qint64(c);
    }
    if (auto s = wholeNumber(json, u"max_count"_s, QString(), 0, 1'000'000, a.maxCount); !s)
        return R::failure(s.error());
    if (json.contains(u"expires"_s) && !json.value(u"expires"_s).isNull()) {
        a.expires = Model::timeFromJson(json.value(u"expires"_s));
        if (!a.expires)
            return R::failure(
                u"expires: must be a time from 1900 to 9999, ISO-8601 (2026-12-31T16:00:00Z) or epoch seconds"_s);
    }
    if (json.contains(u"enabled"_s)) {
        if (!json.value(u"enabled"_s).isBool())
            return R::failure(u"enabled: must be true or false"_s);
        a.enabled = json.value(u"enabled"_s).toBool();
    }
    if (json.contains(u"dead_band"_s))
        a.deadBand = json.value(u"dead_band"_s).toDouble(-1);
    if (json.contains(u"message"_s)) {
        if (!json.value(u"message"_s).isString())
            return R::failure(u"message: must be text"_s);
        a.message = json.value(u"message"_s).toString();
    }
    if (auto s = validate(a); !s)
        return R::failure(s.error());
    if (a.name.isEmpty())
        a.name = describe(a).left(200);
    return a;
}

QJsonObject toJson(const Definition &a)
{
    QJsonObject json;
    if (a.id > 0)
        json.insert(u"id"_s, a.id);
    json.insert(u"name"_s, a.name);
    json.insert(u"symbols"_s, QJsonArray::fromStringList(a.symbols));
    json.insert(u"timeframe"_s, a.timeframe.name());
    json.insert(u"left"_s, operandJson(a.left));
    json.insert(u"operator"_s, nameOf(OperatorNames, a.op));
    QJsonObject right;
    if (a.channel)
        right.insert(u"channel"_s, QJsonArray{operandJson(a.channel->first), operandJson(a.channel->second)});
    else
        right = operandJson(a.right);
    if (a.usesMoving())
        right.insert(u"bars"_s, a.bars);
    json.insert(u"right"_s, right);
    json.insert(u"trigger"_s, nameOf(TriggerNames, a.trigger));
    json.insert(u"cooldown_s"_s, double(a.cooldownSeconds));
    json.insert(u"max_count"_s, a.maxCount);
    json.insert(u"expires"_s, a.expires ? QJsonValue(Model::isoTime(*a.expires)) : QJsonValue());
    json.insert(u"enabled"_s, a.enabled);
    json.insert(u"dead_band"_s, a.deadBand);
    json.insert(u"message"_s, a.message);
    return json;
}

QString describe(const Operand &o)
{
    switch (o.kind) {
    case Operand::Kind::Constant:
        return number(o.value);
    case Operand::Kind::Line:
        return u"the line %1 → %2"_s.arg(readable(o.value), readable(o.value2));
    case Operand::Kind::Field:
        return nameOf(FieldNames, o.field);
    case Operand::Kind::Indicator:
        break;
    }
    const QString name = nameOf(IndicatorNames, o.indicator).toUpper().replace(u'_', u' ');
    if (isMacd(o.indicator))
        return u"%1(%2,%3,%4)"_s.arg(name).arg(o.fast).arg(o.slow).arg(o.signal);
    const int p = o.period > 0 ? o.period : defaultPeriod(o.indicator);
    if (isBollinger(o.indicator))
        return u"%1(%2,%3)"_s.arg(name).arg(p).arg(number(o.deviations));
    return u"%1(%2)"_s.arg(name).arg(p);
}

QString describe(const Definition &a)
{
    QString text = describe(a.left) + u' ' + nameOf(OperatorNames, a.op).replace(u'_', u' ') + u' ';
    if (a.channel)
        text += u"[%1, %2]"_s.arg(describe(a.channel->first), describe(a.channel->second));
    else if (a.usesMoving())
        text += u"%1%2 within %3 bar%4"_s
                    .arg(number(a.right.value),
                         a.op == Operator::MovingUpPercent || a.op == Operator::MovingDownPercent ? u" %"_s : QString())
                    .arg(a.bars)
                    .arg(a.bars == 1 ? QString() : u"s"_s);
    else
        text += describe(a.right);
    return text + u" on "_s + a.timeframe.name();
}

QString message(const Definition &a, const FireContext &c)
{
    QString text = a.message.isEmpty() ? u"{symbol} {name}: {value} at {time}"_s : a.message;
    const QString time =
        QDateTime::fromMSecsSinceEpoch(c.time / 1000, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    const std::pair<QString, QString> fields[] = {
        {u"{symbol}"_s, c.symbol},
        {u"{price}"_s, readable(c.price)},
        {u"{value}"_s, readable(c.value)},
        {u"{level}"_s, readable(c.level)},
        {u"{timeframe}"_s, a.timeframe.name()},
        {u"{time}"_s, time},
        {u"{name}"_s, a.name},
    };
    for (const auto &[key, value] : fields)
        text.replace(key, value);
    return text;
}

} // namespace Alerts
