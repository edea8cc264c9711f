// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace Gui {

/// A table of rows of one kind, replaced whole: when the rows keep their keys in order only the cells
/// change (the selection and scroll stay), otherwise the model resets. Subclasses say what a cell shows.
template<typename Row>
class RowModel : public QAbstractTableModel
{
public:
    RowModel(int columns, std::function<qint64(const Row &)> key, QObject *parent)
        : QAbstractTableModel(parent)
        , m_columns(columns)
        , m_key(std::move(key))
    {}

    void setRows(std::vector<Row> rows)
    {
        const bool sameKeys = rows.size() == m_rows.size() &&
                              std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                         [this](const Row &a, const Row &b) { return m_key(a) == m_key(b); });
        if (sameKeys) {
            m_rows = std::move(rows);
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, m_columns - 1));
            return;
        }
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const std::vector<Row> &rows() const noexcept { return m_rows; }
    /// The row shown at `row`, or null.
    const Row *rowAt(int row) const
    {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const Row *row = rowAt(index.row());
        return row ? cell(*row, index.column(), role) : QVariant();
    }

protected:
    /// What a cell shows for `role` (Qt::UserRole: the value to sort by).
    virtual QVariant cell(const Row &row, int column, int role) const = 0;

private:
    int m_columns;
    std::function<qint64(const Row &)> m_key;
    std::vector<Row> m_rows;
};

} // namespace Gui
