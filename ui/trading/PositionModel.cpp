// SPDX-License-Identifier: MIT
#include "PositionModel.h"

#include "TradingText.h"
#include "models/NumberFormat.h"

namespace Gui {

PositionModel::PositionModel(QObject *parent)
    : RowModel(
          ColumnCount, [](const Trading::Position &p) { return qint64(qHash(p.symbol)); }, parent)
{}

void PositionModel::setAccount(const Trading::Account &account)
{
    std::vector<Trading::Position> open;
    for (const auto &[symbol, position] : account.positions())
        if (position.quantity != 0)
            open.push_back(position);
    setRows(std::move(open));
}

QVariant PositionModel::cell(const Trading::Position &p, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Symbol ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if (column == Unrealized)
            return TradingText::pnlColor(p.unrealized());
        if (column == UnrealizedPercent)
            return TradingText::pnlColor(p.unrealizedPercent());
        if (column == Realized)
            return TradingText::pnlColor(p.realized);
        return {};
    }
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    switch (column) {
    case Symbol:
        return p.symbol;
    case Quantity:
        return sorting ? QVariant(p.quantity) : TradingText::quantity(p.quantity);
    case AveragePrice:
        return sorting ? QVariant(p.averagePrice()) : TradingText::price(p.averagePrice());
    case Last:
        return sorting ? QVariant(p.last) : TradingText::price(p.last);
    case Unrealized:
        return sorting ? QVariant(p.unrealized()) : TradingText::money(p.unrealized(), true);
    case UnrealizedPercent:
        return sorting ? QVariant(p.unrealizedPercent()) : signedPercent(p.unrealizedPercent());
    case Realized:
        return sorting ? QVariant(p.realized) : TradingText::money(p.realized, true);
    }
    return {};
}

QVariant PositionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Quantity:
        return tr("Quantity");
    case AveragePrice:
        return tr("Avg price");
    case Last:
        return tr("Last");
    case Unrealized:
        return tr("Unrealized");
    case UnrealizedPercent:
        return tr("Unrealized %");
    case Realized:
        return tr("Realized");
    }
    return {};
}

} // namespace Gui
