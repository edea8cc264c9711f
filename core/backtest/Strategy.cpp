// SPDX-License-Identifier: MIT
#include "Strategy.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Backtest {

namespace {

using Status = Util::Status;

/// A number field of `json` within [low, high] into `out`, left alone when absent.
Status numberField(const QJsonObject &json, const QString &field, const QString &where, double low, double high,
                   double &out, bool whole = false)
{
    if (!json.contains(field))
        return {};
    const QJsonValue v = json.value(field);
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !(d >= low && d <= high) || (whole && d != std::floor(d)))
        return Status::failure(u"%1%2: must be %3 from %4 to %5"_s.arg(
            where, field, whole ? u"a whole number"_s : u"a number"_s, QString::number(low), QString::number(high)));
    out = d;
    return {};
}

Status wholeField(const QJsonObject &json, const QString &field, const QString &where, int low, int high, int &out)
{
    double d = out;
    if (auto s = numberField(json, field, where, low, high, d, true); !s)
        return s;
    out = int(d);
    return {};
}

QJsonObject sma(int period)
{
    return QJsonObject{{u"indicator"_s, u"sma"_s}, {u"period"_s, period}};
}

QJsonObject crossing(const QString &op)
{
    return QJsonObject{{u"left"_s, QJsonObject{{u"indicator"_s, u"sma"_s}}},
                       {u"operator"_s, op},
                       {u"right"_s, QJsonObject{{u"indicator"_s, u"sma"_s}}}};
}

/// The settings a rule condition may carry, and where each goes.
Status ruleSettings(const QJsonObject &json, const QString &where, Condition &c)
{
    Signals::RuleConfig &r = c.rules;
    Indicators::IndicatorConfig &i = c.indicators;
    for (const auto &[field, target] : {std::pair{u"rsi"_s, &i.rsi},
                                        {u"sma"_s, &i.sma},
                                        {u"ema"_s, &i.ema},
                                        {u"fast"_s, &i.crossFast},
                                        {u"slow"_s, &i.crossSlow}})
        if (auto s = wholeField(json, field, where, 1, 1000, *target); !s)
            return s;
    for (const auto &[field, target, low, high] : {std::tuple{u"buy_below"_s, &r.rsiBuyBelow, 0.0, 100.0},
                                                   {u"sell_above"_s, &r.rsiSellAbove, 0.0, 100.0},
                                                   {u"rearm"_s, &r.rsiRearm, 0.0, 100.0},
                                                   {u"spread_percent"_s, &r.crossSpreadPercent, 0.0, 100.0},
                                                   {u"move_percent"_s, &r.priceMovePercent, 0.001, 1000.0}})
        if (auto s = numberField(json, field, where, low, high, *target); !s)
            return s;
    if (auto s = wholeField(json, u"window_s"_s, where, 1, 86'400, r.priceMoveWindowSeconds); !s)
        return s;
    if (auto s = wholeField(json, u"cooldown_s"_s, where, 0, 366 * 86'400, r.cooldownSeconds); !s)
        return s;
    if (i.crossFast >= i.crossSlow)
        return Status::failure(u"%1fast: the fast average must be shorter than the slow one"_s.arg(where));
    return {};
}

Util::Result<Condition> conditionFrom(const QJsonValue &value, const QString &field, const Bars::Timeframe &timeframe)
{
    using R = Util::Result<Condition>;
    const QString where = field + u'.';
    if (!value.isObject())
        return R::failure(u"%1: must be an object, a rule such as {\"rule\":\"rsi_trend\",\"side\":\"buy\"} or a "
                          "condition such as {\"left\":{\"source\":\"close\"},\"operator\":\"crossing_up\","
                          "\"right\":{\"indicator\":\"sma\",\"period\":50}}"_s.arg(field));
    const QJsonObject json = value.toObject();
    Condition c;
    if (json.contains(u"rule"_s)) {
        const int rule = Signals::RuleEngine::ruleIndex(json.value(u"rule"_s).toString());
        if (rule < 0 || rule == Signals::RuleEngine::NewsSentiment)
            return R::failure(u"%1rule: must be one of rsi_trend, ma_cross, price_move (news sentiment is not in "
                              "bars)"_s.arg(where));
        const QString side = json.value(u"side"_s).toString();
        if (side != u"buy"_s && side != u"sell"_s)
            return R::failure(u"%1side: must be buy or sell"_s.arg(where));
        Signals::RuleConfig rules;
        rules.timeframe = timeframe;
        c = Condition::ofRule(Signals::RuleEngine::Rule(rule),
                              side == u"buy"_s ? Model::SignalSide::Buy : Model::SignalSide::Sell, rules, {});
        if (auto s = ruleSettings(json, where, c); !s)
            return R::failure(s.error());
        return c;
    }
    auto alert = Alerts::fromJson(json);
    if (!alert)
        return R::failure(where + alert.error());
    alert->timeframe = timeframe.isTime() || timeframe.kind() == Bars::Timeframe::Kind::Record
                           ? timeframe
                           : Bars::Timeframe::record(); // tick and volume bars: each bar as it is
    alert->symbols = QStringList{u"*"_s};
    alert->trigger = Alerts::Trigger::OncePerBarClose; // decisions are taken on closed bars only
    alert->expires.reset();
    alert->enabled = true;
    if (auto s = Alerts::validate(*alert); !s)
        return R::failure(where + s.error());
    alert->timeframe = timeframe;
    c.alert = *alert;
    return c;
}

/// The conditions a preset means, where the strategy does not give its own.
Status expandPreset(QJsonObject &json)
{
    const QString preset = json.value(u"preset"_s).toString();
    if (preset == u"ma_cross"_s) {
        int fast = 10;
        int slow = 30;
        if (auto s = wholeField(json, u"fast"_s, QString(), 1, 1000, fast); !s)
            return s;
        if (auto s = wholeField(json, u"slow"_s, QString(), 1, 1000, slow); !s)
            return s;
        if (fast >= slow)
            return Status::failure(
                u"fast: the fast average (%1) must be shorter than the slow one (%2)"_s.arg(fast).arg(slow));
        const auto set = [&](const QString &key, const QString &op) {
            if (json.contains(key))
                return;
            QJsonObject c = crossing(op);
            c.insert(u"left"_s, sma(fast));
            c.insert(u"right"_s, sma(slow));
            json.insert(key, c);
        };
        set(u"enter_long"_s, u"crossing_up"_s);
        set(u"exit_long"_s, u"crossing_down"_s);
        set(u"enter_short"_s, u"crossing_down"_s);
        set(u"exit_short"_s, u"crossing_up"_s);
        return {};
    }
    if (preset == u"rsi_trend"_s) {
        QJsonObject rule{{u"rule"_s, u"rsi_trend"_s}};
        for (const QString &key : {u"rsi"_s, u"sma"_s, u"ema"_s, u"buy_below"_s, u"sell_above"_s, u"rearm"_s})
            if (json.contains(key))
                rule.insert(key, json.value(key));
        rule.insert(u"cooldown_s"_s, json.value(u"cooldown_s"_s).toDouble(0));
        const auto set = [&](const QString &key, const QString &side) {
            if (json.contains(key))
                return;
            QJsonObject c = rule;
            c.insert(u"side"_s, side);
            json.insert(key, c);
        };
        set(u"enter_long"_s, u"buy"_s);
        set(u"exit_long"_s, u"sell"_s);
        set(u"enter_short"_s, u"sell"_s);
        set(u"exit_short"_s, u"buy"_s);
        return {};
    }
    return Status::failure(u"preset: must be one of %1"_s.arg(presetNames().join(u", "_s)));
}

const QStringList &knownFields()
{
    static const QStringList fields{
        u"name"_s,
        u"timeframe"_s,
        u"direction"_s,
        u"preset"_s,
        u"enter_long"_s,
        u"exit_long"_s,
        u"enter_short"_s,
        u"exit_short"_s,
        u"max_bars"_s,
        u"size"_s,
        u"whole_shares"_s,
        u"stop_loss_percent"_s,
        u"take_profit_percent"_s,
        u"fast"_s,
        u"slow"_s,
        u"rsi"_s,
        u"sma"_s,
        u"ema"_s,
        u"buy_below"_s,
        u"sell_above"_s,
        u"rearm"_s,
        u"cooldown_s"_s,
        u"id"_s,
    };
    return fields;
}

Status sizeFrom(const QJsonValue &value, Size &size)
{
    const QJsonObject json = value.toObject();
    static const std::array<std::pair<QString, Size::Kind>, 3> kinds{{{u"shares"_s, Size::Kind::Shares},
                                                                      {u"cash"_s, Size::Kind::Cash},
                                                                      {u"percent"_s, Size::Kind::PercentOfEquity}}};
    int given = 0;
    for (const auto &[key, kind] : kinds) {
        if (!json.contains(key))
            continue;
        ++given;
        size.kind = kind;
        size.value = -1;
        if (auto s =
                numberField(json, key, u"size."_s, 1e-9, kind == Size::Kind::PercentOfEquity ? 1000 : 1e12, size.value);
            !s)
            return s;
    }
    if (!value.isObject() || given != 1)
        return Status::failure(u"size: give one of {\"percent\":100} (of equity), {\"cash\":10000} or "
                               "{\"shares\":10}"_s);
    return {};
}

} // namespace

Condition Condition::ofRule(Signals::RuleEngine::Rule rule, Model::SignalSide side, Signals::RuleConfig rules,
                            Indicators::IndicatorConfig indicators)
{
    Condition c;
    c.kind = Kind::Rule;
    c.rule = rule;
    c.side = side;
    c.rules = rules;
    c.rules.rsiTrend = rule == Signals::RuleEngine::RsiTrend;
    c.rules.maCross = rule == Signals::RuleEngine::MaCross;
    c.rules.priceMove = rule == Signals::RuleEngine::PriceMove;
    c.rules.newsSentiment = false;
    c.indicators = indicators;
    return c;
}

QStringList presetNames()
{
    return {u"ma_cross"_s, u"rsi_trend"_s};
}

QJsonObject presetJson(const QString &preset)
{
    if (preset == u"ma_cross"_s)
        return QJsonObject{{u"preset"_s, preset}, {u"fast"_s, 10}, {u"slow"_s, 30}};
    if (preset == u"rsi_trend"_s)
        return QJsonObject{{u"preset"_s, preset}, {u"rsi"_s, 14}, {u"buy_below"_s, 30}, {u"sell_above"_s, 70}};
    return {};
}

Util::Result<Strategy> strategyFromJson(const QJsonObject &input)
{
    using R = Util::Result<Strategy>;
    QJsonObject json = input;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        if (!knownFields().contains(it.key()))
            return R::failure(
                u"%1: not a strategy field (known: %2)"_s.arg(it.key().left(40), knownFields().join(u", "_s)));
    if (json.contains(u"preset"_s))
        if (auto s = expandPreset(json); !s)
            return R::failure(s.error());
    Strategy st;
    if (json.contains(u"name"_s)) {
        if (!json.value(u"name"_s).isString())
            return R::failure(u"name: must be text"_s);
        st.name = json.value(u"name"_s).toString().trimmed().left(200);
    }
    if (json.contains(u"timeframe"_s)) {
        const auto timeframe = Bars::Timeframe::parse(json.value(u"timeframe"_s).toString());
        if (!timeframe)
            return R::failure(u"timeframe: "_s + timeframe.error());
        st.timeframe = *timeframe;
    }
    if (json.contains(u"direction"_s)) {
        const QString d = json.value(u"direction"_s).toString();
        if (d == u"long"_s)
            st.direction = Direction::Long;
        else if (d == u"short"_s)
            st.direction = Direction::Short;
        else if (d == u"both"_s)
            st.direction = Direction::Both;
        else
            return R::failure(u"direction: must be long, short or both"_s);
    }
    const std::array<std::pair<QString, std::optional<Condition> *>, 4> conditions{{{u"enter_long"_s, &st.enterLong},
                                                                                    {u"exit_long"_s, &st.exitLong},
                                                                                    {u"enter_short"_s, &st.enterShort},
                                                                                    {u"exit_short"_s, &st.exitShort}}};
    for (const auto &[key, target] : conditions) {
        if (!json.contains(key) || json.value(key).isNull())
            continue;
        auto c = conditionFrom(json.value(key), key, st.timeframe);
        if (!c)
            return R::failure(c.error());
        *target = *c;
    }
    if (auto s = numberField(json, u"stop_loss_percent"_s, QString(), 0, 99.99, st.stopLossPercent); !s)
        return R::failure(s.error());
    if (auto s = numberField(json, u"take_profit_percent"_s, QString(), 0, 100'000, st.takeProfitPercent); !s)
        return R::failure(s.error());
    if (auto s = wholeField(json, u"max_bars"_s, QString(), 0, 100'000'000, st.maxBars); !s)
        return R::failure(s.error());
    if (json.contains(u"size"_s))
        if (auto s = sizeFrom(json.value(u"size"_s), st.size); !s)
            return R::failure(s.error());
    if (json.contains(u"whole_shares"_s)) {
        if (!json.value(u"whole_shares"_s).isBool())
            return R::failure(u"whole_shares: must be true or false"_s);
        st.wholeShares = json.value(u"whole_shares"_s).toBool();
    }
    if (st.allowsLong() && !st.enterLong)
        return R::failure(u"enter_long: missing; a strategy that goes long needs an entry, e.g. "
                          "{\"preset\":\"ma_cross\"} or {\"enter_long\":{\"rule\":\"rsi_trend\",\"side\":\"buy\"}}"_s);
    if (st.allowsShort() && !st.enterShort)
        return R::failure(u"enter_short: missing; a strategy that goes short needs an entry"_s);
    return st;
}

Util::Result<QJsonObject> withParameter(QJsonObject json, const QString &path, double value)
{
    using R = Util::Result<QJsonObject>;
    const QStringList keys = path.split(u'.');
    if (path.isEmpty() || keys.contains(QString()))
        return R::failure(u"parameter: \"%1\" is not a path such as fast or enter_long.right.value"_s.arg(path));
    // Down the path, then back up, writing each changed object into its parent.
    std::vector<QJsonObject> objects{json};
    for (qsizetype i = 0; i + 1 < keys.size(); ++i) {
        const QJsonValue next = objects.back().value(keys[i]);
        if (!next.isObject())
            return R::failure(u"parameter %1: the strategy has no %2"_s.arg(path, keys.mid(0, i + 1).join(u'.')));
        objects.push_back(next.toObject());
    }
    objects.back().insert(keys.back(), value);
    for (qsizetype i = keys.size() - 2; i >= 0; --i)
        objects[std::size_t(i)].insert(keys[i], objects[std::size_t(i) + 1]);
    return objects.front();
}

std::optional<double> parameterOf(const QJsonObject &json, const QString &path)
{
    QJsonValue v = json;
    for (const QString &key : path.split(u'.'))
        v = v.toObject().value(key);
    return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt;
}

namespace {

QString describe(const Condition &c)
{
    if (c.kind == Condition::Kind::Alert)
        return Alerts::describe(c.alert);
    return u"%1 %2 signal"_s.arg(QLatin1StringView(Signals::RuleEngine::ruleId(c.rule)),
                                 QLatin1StringView(Model::sideName(c.side)));
}

} // namespace

QString describe(const Strategy &s)
{
    QStringList parts;
    const auto add = [&](const QString &what, const std::optional<Condition> &c) {
        if (c)
            parts << u"%1 when %2"_s.arg(what, describe(*c));
    };
    if (s.allowsLong()) {
        add(u"buy"_s, s.enterLong);
        add(u"sell"_s, s.exitLong);
    }
    if (s.allowsShort()) {
        add(u"sell short"_s, s.enterShort);
        add(u"cover"_s, s.exitShort);
    }
    if (s.stopLossPercent > 0)
        parts << u"stop loss %1 %"_s.arg(s.stopLossPercent);
    if (s.takeProfitPercent > 0)
        parts << u"take profit %1 %"_s.arg(s.takeProfitPercent);
    if (s.maxBars > 0)
        parts << u"out after %1 bars"_s.arg(s.maxBars);
    return parts.join(u"; "_s);
}

} // namespace Backtest
