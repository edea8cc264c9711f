// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

namespace Gui {

class SymbolChart;

/// Compact charts in a grid of 1×1 to 4×4 (3×3 unless chosen). The cells keep their symbols
/// until the trader changes them: the grid never follows the watchlist's sort order or moving
/// prices. Until the trader has picked any, empty cells take new symbols as they first appear.
class ChartGrid final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartGrid)

public:
    static constexpr int MaxSide = 4;

    explicit ChartGrid(QWidget *parent = nullptr);

    /// Rows and columns, each 1 to 4: the first cells keep their charts, cells past the new count go,
    /// new ones come empty (chartAdded tells of each).
    void setGridSize(int rows, int columns);
    int rows() const noexcept { return m_rows; }
    int columns() const noexcept { return m_columns; }

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
    /// A cell came with a larger grid: its chart wants what the others have (theme, connections).
    void chartAdded(SymbolChart *chart);
    void openRequested(const QString &symbol);

private:
    void showMenu(int cell, const QPoint &at);
    void assign(int cell, const QString &symbol);
    SymbolChart *makeChart(int cell);

    QList<SymbolChart *> m_charts;
    QStringList m_available;
    bool m_picked = false;
    int m_rows = 0;
    int m_columns = 0;
};

} // namespace Gui
