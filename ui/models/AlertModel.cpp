// SPDX-License-Identifier: MIT
#include "AlertModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace Gui {

QString alertStatusText(Alerts::Status status)
{
    switch (status) {
    case Alerts::Status::Active:
        return AlertModel::tr("active");
    case Alerts::Status::Fired:
        return AlertModel::tr("fired");
    case Alerts::Status::Expired:
        return AlertModel::tr("expired");
    case Alerts::Status::Disabled:
        return AlertModel::tr("disabled");
    case Alerts::Status::Error:
        return AlertModel::tr("error");
    }
    return {};
}

AlertModel::AlertModel(Alerts::AlertManager &manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    connect(&manager, &Alerts::AlertManager::listed, this, &AlertModel::reload);
    reload();
}

void AlertModel::reload()
{
    // Same alerts in the same order (fires, a status): the cells change, selection and scroll stay.
    const std::vector<Alerts::AlertRow> &rows = m_manager.rows();
    const bool sameIds = rows.size() == m_rows.size() &&
                         std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const auto &a, const auto &b) {
                             return a.stored.alert.id == b.stored.alert.id;
                         });
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

qint64 AlertModel::idAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].stored.alert.id : 0;
}

int AlertModel::rowOf(qint64 id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].stored.alert.id == id)
            return int(i);
    return -1;
}

void AlertModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, LastFired), index(int(m_rows.size()) - 1, LastFired));
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Alerts::AlertRow &r = m_rows[std::size_t(index.row())];
    const Alerts::Definition &a = r.stored.alert;
    if (role == Qt::CheckStateRole && index.column() == Name)
        return a.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole)
        return r.error.isEmpty() ? Alerts::describe(a) : r.error;
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (r.status) {
        case Alerts::Status::Fired:
            return QBrush(QColor(255, 152, 0));
        case Alerts::Status::Error:
            return QBrush(QColor(229, 57, 53));
        case Alerts::Status::Active:
            return QBrush(QColor(38, 166, 154));
        default:
            return {};
        }
    }
    const bool sortKey = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sortKey)
        return {};
    switch (index.column()) {
    case Name:
        return a.name;
    case Symbols:
        return a.symbols.join(QStringLiteral(", "));
    case Condition:
        return r.stored.error.isEmpty() ? Alerts::describe(a) : tr("cannot be read: %1").arg(r.stored.error);
    case Status:
        return sortKey ? QVariant(int(r.status)) : QVariant(alertStatusText(r.status));
    case LastFired: {
        if (!r.lastFired)
            return sortKey ? QVariant(qint64(0)) : QVariant(QString());
        if (sortKey)
            return qint64(*r.lastFired);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(*r.lastFired / 1000, m_utc ? Qt::UTC : Qt::LocalTime);
        return t.toString(m_utc ? QStringLiteral("yyyy-MM-dd hh:mm:ss'Z'") : QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    }
    case Fires:
        return sortKey ? QVariant(r.count) : QVariant(QLocale().toString(r.count));
    }
    return {};
}

bool AlertModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Name || role != Qt::CheckStateRole)
        return false;
    Alerts::AlertRow &r = m_rows[std::size_t(index.row())];
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled == r.stored.alert.enabled || !r.stored.error.isEmpty())
        return false;
    r.stored.alert.enabled = enabled; // shown at once; the stored list confirms it
    m_manager.setEnabled(r.stored.alert.id, enabled);
    Q_EMIT dataChanged(index, index.siblingAtColumn(ColumnCount - 1));
    return true;
}

Qt::ItemFlags AlertModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Alert");
    case Symbols:
        return tr("Symbols");
    case Condition:
        return tr("Condition");
    case Status:
        return tr("Status");
    case LastFired:
        return tr("Last fired");
    case Fires:
        return tr("Fires");
    }
    return {};
}

} // namespace Gui
