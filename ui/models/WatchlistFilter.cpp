// SPDX-License-Identifier: MIT
#include "WatchlistFilter.h"

#include "WatchlistModel.h"

namespace Gui {

void WatchlistFilter::setRemoved(const QSet<QString> &symbols)
{
    m_removed = symbols;
    invalidateFilter();
}

void WatchlistFilter::remove(const QString &symbol)
{
    m_removed.insert(symbol);
    invalidateFilter();
}

bool WatchlistFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QString symbol = sourceModel()->index(row, WatchlistModel::Symbol, parent).data().toString();
    return !m_removed.contains(symbol) && QSortFilterProxyModel::filterAcceptsRow(row, parent);
}

} // namespace Gui
