// SPDX-License-Identifier: MIT
#include "TradeJson.h"

#include "model/JsonTime.h"
#include "trading/Order.h"

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

} // namespace Trading
