// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/AlertManager.h"

#include <QAbstractTableModel>

namespace Gui {

/// The trader's alerts as the Alerts dock lists them: name (checked when enabled), symbols, the condition
/// in words, status, when it last fired and how often. Reads the manager's list whenever it changes;
/// checking or unchecking a name enables or disables the alert.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertModel)

public:
    enum Column
    {
        Name,
        Symbols,
        Condition,
        Status,
        LastFired,
        Fires,
        ColumnCount
    };

    explicit AlertModel(Alerts::AlertManager &manager, QObject *parent = nullptr);

    /// The alert shown in `row`, or 0.
    qint64 idAt(int row) const;
    int rowOf(qint64 id) const;
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void reload();

    Alerts::AlertManager &m_manager;
    std::vector<Alerts::AlertRow> m_rows;
    bool m_utc = false;
};

/// A status for a person ("active", "fired"…), in their language.
QString alertStatusText(Alerts::Status status);

} // namespace Gui
