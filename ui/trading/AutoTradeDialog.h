// SPDX-License-Identifier: MIT
#pragma once

#include "trading/AutoTrade.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace Gui {

/// Trade → Signals that trade…: which rules and alerts place paper orders. Each row: on or off, the rule or
/// alert, how much a buy buys (shares, or cash's worth of whole shares at the signal's price), the most shares
/// to hold (0: no limit), and for an alert whether its fire buys or sells; a sell closes the position. OK stays
/// with the reason while a row is incomplete.
class AutoTradeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoTradeDialog)

public:
    /// `alerts`: the trader's alerts that can trade, by id with their names.
    AutoTradeDialog(const std::vector<Trading::AutoTrade> &entries, const QList<std::pair<qint64, QString>> &alerts,
                    QWidget *parent = nullptr);

    /// The rows as they are now, or why one cannot be kept (its row named).
    Util::Result<std::vector<Trading::AutoTrade>> entries() const;
    void addRow(const Trading::AutoTrade &entry);
    QTableWidget *table() const noexcept { return m_table; }
    void accept() override;

private:
    QList<std::pair<qint64, QString>> m_alerts;
    QTableWidget *m_table;
    QLabel *m_problem;
};

} // namespace Gui
