// SPDX-License-Identifier: MIT
#pragma once

#include "RowModel.h"
#include "storage/TradeStore.h"

namespace Gui {

/// The trade blotter: trades newest first, with time, symbol, side, quantity, price, fee, the P/L each
/// realized, the paper order it filled (none: entered by hand) and its note.
class TradeModel final : public RowModel<Storage::StoredTrade>
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Symbol,
        Side,
        Quantity,
        Price,
        Fee,
        Realized,
        Order,
        Note,
        ColumnCount
    };

    explicit TradeModel(QObject *parent = nullptr);
    void setUtc(bool utc);
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const Storage::StoredTrade &t, int column, int role) const override;

private:
    bool m_utc = false;
};

} // namespace Gui
