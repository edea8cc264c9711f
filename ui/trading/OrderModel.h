// SPDX-License-Identifier: MIT
#pragma once

#include "RowModel.h"
#include "trading/Order.h"

namespace Gui {

/// Paper orders, newest first: the working ones, or all of them. Id, symbol, side, type, quantity, the
/// limit or stop price, time in force, when placed and when it expires, status and why.
class OrderModel final : public RowModel<Trading::Order>
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Symbol,
        Side,
        Type,
        Quantity,
        Price,
        TimeInForce,
        Placed,
        Status,
        ColumnCount
    };

    explicit OrderModel(QObject *parent = nullptr);
    /// Shows `orders` (oldest first, as the desk keeps them): the working ones unless all are wanted (then
    /// give it all).
    void setOrders(const std::vector<Trading::Order> &orders);
    void setShowAll(bool all);
    bool showsAll() const noexcept { return m_showAll; }
    void setUtc(bool utc);
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const Trading::Order &o, int column, int role) const override;

private:
    bool m_showAll = false;
    bool m_utc = false;
};

} // namespace Gui
