// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

namespace Gui {

class SymbolChart;

/// Nine compact charts in a 3×3 grid. The cells keep their symbols until the trader
/// changes them: the grid never follows the watchlist's sort order or moving prices.
/// Until the trader has picked any, empty cells take new symbols as they first appear.
class ChartGrid final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartGrid)

public:
    static constexpr int Cells = 9;

    explicit ChartGrid(QWidget *parent = nullptr);

    /// One entry per cell, empty for an empty cell.
    QStringList symbols() const;
    /// Restores cells (e.g. from the last run); `picked`: the trader chose them, so no auto-filling.
    void setSymbols(const QStringList &symbols, bool picked);
    bool isPicked() const noexcept { return m_picked; }
    /// The trader puts `symbol` into `cell` (a symbol shown elsewhere in the grid leaves that cell).
    void pick(int cell, const QString &symbol);
    /// Fills empty cells with symbols not yet shown, in the order given, unless the trader has picked.
    void offer(const QStringList &symbols);
    /// Every symbol the trader may choose for a cell.
    void setAvailableSymbols(const QStringList &symbols) { m_available = symbols; }
    const QList<SymbolChart *> &charts() const noexcept { return m_charts; }
    int cellOf(const QString &symbol) const;

Q_SIGNALS:
    /// A cell changed its symbol: save the grid, load the new symbol's history.
    void symbolsChanged();
    void openRequested(const QString &symbol);

private:
    void showMenu(int cell, const QPoint &at);
    void assign(int cell, const QString &symbol);

    QList<SymbolChart *> m_charts;
    QStringList m_available;
    bool m_picked = false;
};

} // namespace Gui
