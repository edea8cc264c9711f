// SPDX-License-Identifier: MIT
#include "SubscriptionMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stream {

Util::Result<Subscription> applySubscriptionMessage(const Subscription &current, QByteArrayView message)
{
    using R = Util::Result<Subscription>;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message.toByteArray(), &parseError);
    if (!document.isObject())
        return R::failure(
            u"a message must be a JSON object such as {\"action\":\"subscribe\",\"symbols\":[\"AAPL\"]}"_s);
    const QJsonObject o = document.object();
    const QString action = o.value(u"action"_s).toString();
    if (action != u"subscribe"_s && action != u"unsubscribe"_s)
        return R::failure(u"unknown action \"%1\": use subscribe or unsubscribe"_s.arg(action.left(40)));
    const bool add = action == u"subscribe"_s;
    Subscription s = current;
    bool bars = false;
    if (o.contains(u"types"_s)) {
        const QJsonArray types = o.value(u"types"_s).toArray();
        bool ticks = false, signals = false, alerts = false;
        for (const QJsonValue &t : types) {
            if (t.toString() == u"tick"_s)
                ticks = true;
            else if (t.toString() == u"signal"_s)
                signals = true;
            else if (t.toString() == u"alert"_s)
                alerts = true;
            else if (t.toString() == u"bar"_s)
                bars = true;
            else
                return R::failure(u"types must be a list of \"tick\", \"signal\", \"alert\" and \"bar\""_s);
        }
        if (types.isEmpty())
            return R::failure(u"types must be a list of \"tick\", \"signal\", \"alert\" and \"bar\""_s);
        if (add) {
            s.ticks = ticks;
            s.signals = signals;
            s.alerts = alerts;
            if (!bars)
                s.timeframes.clear();
        } else {
            s.ticks = s.ticks && !ticks;
            s.signals = s.signals && !signals;
            s.alerts = s.alerts && !alerts;
            if (bars)
                s.timeframes.clear();
        }
    }
    if (add && bars) {
        std::vector<Bars::Timeframe> timeframes;
        for (const QJsonValue &v : o.value(u"timeframes"_s).toArray()) {
            const auto timeframe = Bars::Timeframe::parse(v.toString());
            if (!timeframe)
                return R::failure(u"timeframes: %1"_s.arg(timeframe.error()));
            if (std::find(timeframes.begin(), timeframes.end(), *timeframe) == timeframes.end())
                timeframes.push_back(*timeframe);
        }
        if (timeframes.empty())
            return R::failure(u"bars: say which \"timeframes\", e.g. [\"1m\",\"5m\"]"_s);
        s.timeframes = std::move(timeframes);
    } else if (o.contains(u"timeframes"_s) && add) {
        return R::failure(u"timeframes come with the type \"bar\""_s);
    }
    if (o.contains(u"symbols"_s)) {
        const QJsonValue value = o.value(u"symbols"_s);
        if (value.toString() == u"*"_s) {
            s.allSymbols = add;
            s.symbols.clear();
        } else if (value.isArray() && !value.toArray().isEmpty()) {
            std::vector<Model::Symbol> listed;
            for (const QJsonValue &v : value.toArray()) {
                Model::Symbol symbol;
                if (!Model::Symbol::fromString(v.toString().toUpper(), symbol))
                    return R::failure(u"\"%1\" is not a symbol"_s.arg(v.toString().left(40)));
                listed.push_back(symbol);
            }
            if (add) {
                if (s.allSymbols)
                    s.symbols.clear();
                s.allSymbols = false;
                s.symbols.insert(listed.begin(), listed.end());
            } else if (s.allSymbols) {
                return R::failure(u"subscribed to all symbols: unsubscribe from \"*\" or subscribe to chosen ones"_s);
            } else {
                for (const Model::Symbol &symbol : listed)
                    s.symbols.erase(symbol);
            }
        } else {
            return R::failure(u"symbols must be \"*\" or a list of symbols"_s);
        }
    }
    if (!o.contains(u"types"_s) && !o.contains(u"symbols"_s))
        return R::failure(u"say which \"symbols\" or \"types\" to %1"_s.arg(action));
    if (!s.timeframes.empty()) {
        if (s.allSymbols)
            return R::failure(u"bars are built per symbol: name the \"symbols\" (not \"*\")"_s);
        if (s.symbols.size() * s.timeframes.size() > Subscription::MaxBarSeries)
            return R::failure(u"bars: at most %1 symbol and timeframe pairs"_s.arg(Subscription::MaxBarSeries));
    }
    return s;
}

} // namespace Stream
