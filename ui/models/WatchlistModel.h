// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/SymbolSummary.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Gui {

/// Every symbol seen, one row each, from the pipeline's summaries. Rows are
/// appended as symbols appear and updated in place, so views keep their selection.
class WatchlistModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistModel)

public:
    enum Column
    {
        Symbol,
        Last,
        Change,
        Volume,
        Rsi,
        High,
        Low,
        Ticks,
        Signals,
        LastSignal,
        ColumnCount
    };

    explicit WatchlistModel(QObject *parent = nullptr);

    void update(const Analytics::SummaryList &summaries);
    QString symbolAt(int row) const;
    /// -1 when the symbol has no row.
    int rowOf(const QString &symbol) const;
    /// In the order they first appeared (row order): stable while prices move.
    QStringList symbols() const;
    /// Null when the symbol has no row.
    const Analytics::SymbolSummary *summaryOf(const QString &symbol) const;
    /// A line the symbol's tooltip adds (its last history refresh); empty: none.
    void setNote(const QString &symbol, const QString &note);
    QString noteOf(const QString &symbol) const { return m_notes.value(symbol); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Analytics::SummaryList m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, QString> m_notes;
};

} // namespace Gui
