// SPDX-License-Identifier: MIT
#include "OrderModel.h"

#include "TradingText.h"
#include "models/SignalModel.h"

namespace Gui {

OrderModel::OrderModel(QObject *parent)
    : RowModel(
          ColumnCount, [](const Trading::Order &o) { return o.id; }, parent)
{}

void OrderModel::setOrders(const std::vector<Trading::Order> &orders)
{
    std::vector<Trading::Order> shown;
    for (auto it = orders.rbegin(); it != orders.rend(); ++it)
        if (m_showAll || it->status == Trading::OrderStatus::Working)
            shown.push_back(*it);
    setRows(std::move(shown));
}

void OrderModel::setShowAll(bool all)
{
    m_showAll = all;
}

void OrderModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!rows().empty())
        Q_EMIT dataChanged(index(0, Placed), index(int(rows().size()) - 1, Placed));
}

QVariant OrderModel::cell(const Trading::Order &o, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Id || column == Quantity || column == Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                     : QVariant();
    if (role == Qt::ToolTipRole)
        return o.reason.isEmpty() ? o.note : o.reason;
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    const double price = o.type == Trading::OrderType::Limit  ? o.limitPrice
                         : o.type == Trading::OrderType::Stop ? o.stopPrice
                                                              : 0;
    switch (column) {
    case Id:
        return o.id;
    case Symbol:
        return o.symbol;
    case Side:
        return TradingText::side(o.side);
    case Type:
        return TradingText::type(o.type);
    case Quantity:
        return sorting ? QVariant(o.quantity) : TradingText::quantity(o.quantity);
    case Price:
        return sorting ? QVariant(price) : price > 0 ? TradingText::price(price) : QString();
    case TimeInForce:
        return TradingText::timeInForce(o.timeInForce);
    case Placed:
        return sorting ? QVariant(qint64(o.placed)) : (o.placed > 0 ? formatTime(o.placed, m_utc) : QString());
    case Status:
        // The reason when it says more than the status: why it was rejected, expired or cancelled by the desk.
        return o.reason.isEmpty() || o.status == Trading::OrderStatus::Filled ||
                       o.reason.startsWith(QStringLiteral("cancelled"))
                   ? TradingText::status(o.status)
                   : tr("%1 (%2)").arg(TradingText::status(o.status), o.reason);
    }
    return {};
}

QVariant OrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("#");
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Type:
        return tr("Type");
    case Quantity:
        return tr("Quantity");
    case Price:
        return tr("Limit / stop");
    case TimeInForce:
        return tr("Time in force");
    case Placed:
        return tr("Placed");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace Gui
