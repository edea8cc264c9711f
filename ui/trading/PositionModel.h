// SPDX-License-Identifier: MIT
#pragma once

#include "RowModel.h"
#include "trading/Account.h"

namespace Gui {

/// The paper account's open positions: symbol, quantity (negative: short), average price, last price,
/// unrealized P/L and percent, realized P/L.
class PositionModel final : public RowModel<Trading::Position>
{
    Q_OBJECT

public:
    enum Column
    {
        Symbol,
        Quantity,
        AveragePrice,
        Last,
        Unrealized,
        UnrealizedPercent,
        Realized,
        ColumnCount
    };

    explicit PositionModel(QObject *parent = nullptr);
    /// Shows the account's open positions.
    void setAccount(const Trading::Account &account);
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const Trading::Position &p, int column, int role) const override;
};

} // namespace Gui
