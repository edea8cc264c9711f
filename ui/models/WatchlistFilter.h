// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace Gui {

/// The watchlist as the trader wants it: filtered by the search text, without the symbols they
/// removed (which still come in, are stored and computed; they are only not listed).
class WatchlistFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistFilter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    const QSet<QString> &removed() const noexcept { return m_removed; }
    void setRemoved(const QSet<QString> &symbols);
    void remove(const QString &symbol);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QSet<QString> m_removed;
};

} // namespace Gui
