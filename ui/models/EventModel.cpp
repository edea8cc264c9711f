// SPDX-License-Identifier: MIT
#include "EventModel.h"

#include "SignalModel.h"

namespace Gui {

EventModel::EventModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{}

void EventModel::add(const std::deque<Pipeline::LiveEvent> &events)
{
    if (events.empty())
        return;
    const auto count = std::min<std::size_t>(events.size(), std::size_t(m_capacity));
    beginInsertRows({}, 0, int(count) - 1);
    for (auto it = events.end() - std::ptrdiff_t(count); it != events.end(); ++it)
        m_rows.prepend(*it);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void EventModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || role != Qt::DisplayRole)
        return {};
    const auto &e = m_rows[index.row()];
    switch (index.column()) {
    case Time:
        return formatTime(e.timestamp, m_utc);
    case Type:
        return QString::fromLatin1(Model::kindName(e.kind));
    case Symbol:
        return e.symbol;
    case Details:
        return e.text;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Symbol:
        return tr("Symbol");
    case Details:
        return tr("Details");
    }
    return {};
}

} // namespace Gui
