// SPDX-License-Identifier: MIT
#include "SignalModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace Gui {

QString formatTime(Model::TimestampUs time, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(time / 1000, utc ? Qt::UTC : Qt::LocalTime);
    return utc ? t.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz'Z'"))
               : t.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

SignalModel::SignalModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{}

void SignalModel::add(const Model::SignalList &signals)
{
    if (signals.isEmpty())
        return;
    beginInsertRows({}, 0, int(signals.size()) - 1);
    for (const auto &s : signals)
        m_rows.prepend(s);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void SignalModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
}

int SignalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SignalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &s = m_rows[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return formatTime(s.timestamp, m_utc);
        case Symbol:
            return s.symbol.toString();
        case Side:
            return QString::fromLatin1(Model::sideName(s.side));
        case Rule:
            return s.rule;
        case Price:
            return QString::number(s.price, 'f', 2);
        case Reason:
            return s.reason;
        }
    } else if (role == Qt::ForegroundRole) {
        switch (s.side) {
        case Model::SignalSide::Buy:
            return QBrush(QColor(38, 166, 154));
        case Model::SignalSide::Sell:
            return QBrush(QColor(239, 83, 80));
        case Model::SignalSide::Alert:
            return QBrush(QColor(255, 193, 7));
        }
    }
    return {};
}

QVariant SignalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Rule:
        return tr("Rule");
    case Price:
        return tr("Price");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace Gui
