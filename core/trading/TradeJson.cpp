// SPDX-License-Identifier: MIT
#include "TradeJson.h"

#include "model/JsonTime.h"
#include "trading/Order.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Trading {

QJsonObject tradeJson(const Storage::StoredTrade &t)
{
    return QJsonObject{
        {u"id"_s, t.id},
        {u"ticker"_s, t.fill.symbol},
        {u"side"_s, sideName(t.fill.side)},
        {u"quantity"_s, t.fill.quantity},
        {u"price"_s, t.fill.price},
        {u"fee"_s, t.fill.fee},
        {u"time"_s, Model::isoTime(t.fill.time)},
        {u"timestamp"_s, double(t.fill.time) / 1e6},
        {u"note"_s, t.note},
        {u"order_id"_s, t.fill.orderId > 0 ? QJsonValue(t.fill.orderId) : QJsonValue()},
        {u"created"_s, double(t.createdUs) / 1e6},
    };
}

Util::Result<Storage::StoredTrade> tradeFromJson(const QJsonObject &json, Model::TimestampUs now)
{
    using R = Util::Result<Storage::StoredTrade>;
    Storage::StoredTrade t;
    const QJsonValue ticker = json.contains(u"ticker"_s) ? json.value(u"ticker"_s) : json.value(u"symbol"_s);
    Model::Symbol symbol;
    if (!ticker.isString() || !Model::Symbol::fromString(ticker.toString().trimmed().toUpper(), symbol))
        return R::failure(u"ticker: must be a symbol such as \"AAPL\""_s);
    t.fill.symbol = symbol.toString();
    const auto side = Trading::sideFromName(json.value(u"side"_s).toString().toLower());
    if (!side)
        return R::failure(u"side: must be buy, sell, sell_short or buy_to_cover"_s);
    t.fill.side = *side;
    const auto positive = [&json](const QString &field, double &out) -> Util::Status {
        const QJsonValue v = json.value(field);
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() <= 0 || v.toDouble() > 1e12)
            return Util::Status::failure(u"%1: must be a number above 0"_s.arg(field));
        out = v.toDouble();
        return {};
    };
    if (auto s = positive(u"quantity"_s, t.fill.quantity); !s)
        return R::failure(s.error());
    if (auto s = positive(u"price"_s, t.fill.price); !s)
        return R::failure(s.error());
    if (json.contains(u"fee"_s)) {
        const QJsonValue fee = json.value(u"fee"_s);
        if (!fee.isDouble() || !(fee.toDouble() >= 0) || !std::isfinite(fee.toDouble()))
            return R::failure(u"fee: must be 0 or more"_s);
        t.fill.fee = fee.toDouble();
    }
    t.fill.time = now;
    if (json.contains(u"time"_s) && !json.value(u"time"_s).isNull()) {
        const auto time = Model::timeFromJson(json.value(u"time"_s));
        if (!time)
            return R::failure(u"time: must be a time, ISO-8601 (2026-11-27T14:30:00Z) or epoch seconds"_s);
        t.fill.time = *time;
    }
    if (json.contains(u"note"_s)) {
        if (!json.value(u"note"_s).isString() || json.value(u"note"_s).toString().size() > 2000)
            return R::failure(u"note: must be text, at most 2,000 characters"_s);
        t.note = json.value(u"note"_s).toString();
    }
    return t;
}

} // namespace Trading
