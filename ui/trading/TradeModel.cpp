// SPDX-License-Identifier: MIT
#include "TradeModel.h"

#include "TradingText.h"
#include "models/SignalModel.h"

namespace Gui {

TradeModel::TradeModel(QObject *parent)
    : RowModel(
          ColumnCount, [](const Storage::StoredTrade &t) { return t.id; }, parent)
{}

void TradeModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!rows().empty())
        Q_EMIT dataChanged(index(0, Time), index(int(rows().size()) - 1, Time));
}

QVariant TradeModel::cell(const Storage::StoredTrade &t, int column, int role) const
{
    const Trading::Fill &f = t.fill;
    if (role == Qt::TextAlignmentRole)
        return column == Time || column == Symbol || column == Side || column == Note
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole)
        return column == Realized ? TradingText::pnlColor(f.realized) : QVariant();
    if (role == Qt::ToolTipRole && column == Order)
        return f.orderId > 0 ? tr("Filled paper order #%1").arg(f.orderId) : tr("Entered by hand");
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    switch (column) {
    case Time:
        return sorting ? QVariant(qint64(f.time)) : formatTime(f.time, m_utc);
    case Symbol:
        return f.symbol;
    case Side:
        return TradingText::side(f.side);
    case Quantity:
        return sorting ? QVariant(f.quantity) : TradingText::quantity(f.quantity);
    case Price:
        return sorting ? QVariant(f.price) : TradingText::price(f.price);
    case Fee:
        return sorting ? QVariant(f.fee) : TradingText::money(f.fee);
    case Realized:
        return sorting ? QVariant(f.realized) : f.realized == 0 ? QString() : TradingText::money(f.realized, true);
    case Order:
        return sorting ? QVariant(f.orderId) : f.orderId > 0 ? QString::number(f.orderId) : tr("hand");
    case Note:
        return t.note;
    }
    return {};
}

QVariant TradeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Quantity:
        return tr("Quantity");
    case Price:
        return tr("Price");
    case Fee:
        return tr("Fee");
    case Realized:
        return tr("Realized");
    case Order:
        return tr("Order");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace Gui
