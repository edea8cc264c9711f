// SPDX-License-Identifier: MIT
#include "SignalModel.h"

#include "notify/ChannelName.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace Gui {

QString formatTime(Model::TimestampUs time, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(time / 1000, utc ? Qt::UTC : Qt::LocalTime);
    return utc ? t.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz'Z'"))
               : t.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

QString sideText(const QString &sideName)
{
    if (sideName == QStringLiteral("buy"))
        return SignalModel::tr("buy");
    if (sideName == QStringLiteral("sell"))
        return SignalModel::tr("sell");
    if (sideName == QStringLiteral("alert"))
        return SignalModel::tr("alert");
    return sideName;
}

QString ruleText(const QString &ruleId)
{
    if (ruleId == QStringLiteral("rsi_trend"))
        return SignalModel::tr("RSI with trend");
    if (ruleId == QStringLiteral("ma_cross"))
        return SignalModel::tr("MA crossover");
    if (ruleId == QStringLiteral("price_move"))
        return SignalModel::tr("Price move");
    if (ruleId == QStringLiteral("news_sentiment"))
        return SignalModel::tr("News sentiment");
    return ruleId;
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

void SignalModel::addHistory(const Model::SignalList &newestFirst)
{
    // Live signals may have come in meanwhile: only older ones are added, below them.
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const auto &s : std::as_const(m_rows))
        oldest = std::min(oldest, s.id);
    Model::SignalList older;
    for (const auto &s : newestFirst)
        if (s.id < oldest && m_rows.size() + older.size() < m_capacity)
            older.append(s);
    if (older.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
}

void SignalModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
}

void SignalModel::setDelivery(const QList<Storage::DeliveryState> &states)
{
    QSet<qint64> changed;
    for (const Storage::DeliveryState &state : states) {
        auto &list = m_delivery[state.signalId];
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const Storage::DeliveryState &d) { return d.channel == state.channel; });
        if (it == list.end())
            list.append(state);
        else
            *it = state;
        changed.insert(state.signalId);
    }
    while (m_delivery.size() > std::size_t(2 * m_capacity))
        m_delivery.erase(m_delivery.begin()); // the oldest ids: long gone from the table
    for (int row = 0; row < m_rows.size(); ++row)
        if (changed.contains(m_rows[row].id))
            Q_EMIT dataChanged(index(row, Delivery), index(row, Delivery));
}

namespace {

/// "email", or the webhook's host without the secrets its path may carry (a short hash keeps
/// two webhooks on one host apart): short enough for a cell.
QString shortChannel(const QString &channel)
{
    QString shown = Notify::displayChannel(channel);
    if (shown.startsWith(QStringLiteral("webhook:")))
        shown = shown.mid(8).section(QStringLiteral("://"), 1); // the scheme says nothing in a cell
    return shown;
}

} // namespace

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
            return sideText(QString::fromLatin1(Model::sideName(s.side)));
        case Rule: // with the bars it looked at, unless it looked at records (news, or the rules set so)
            return s.timeframe.isEmpty() || s.timeframe == u"record"
                       ? ruleText(s.ruleName())
                       : ruleText(s.ruleName()) + QStringLiteral(" · ") + s.timeframe;
        case Price:
            return QLocale().toString(s.price, 'f', 2);
        case Reason:
            return s.reason;
        case Delivery: {
            const auto it = m_delivery.find(s.id);
            if (it == m_delivery.end())
                return {};
            QStringList parts;
            for (const Storage::DeliveryState &d : it->second) {
                QString part = shortChannel(d.channel) + QStringLiteral(": ") +
                               (d.status == Storage::Delivery::Delivered ? tr("delivered")
                                : d.status == Storage::Delivery::Failed  ? tr("failed")
                                                                         : tr("pending"));
                if (!d.error.isEmpty() && role == Qt::ToolTipRole)
                    part += QStringLiteral(" (") + d.error + u')';
                parts << part;
            }
            return parts.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
        }
        }
    } else if (role == Qt::UserRole && index.column() == Time) {
        return qlonglong(s.timestamp); // sort keys: time and price as numbers
    } else if (role == Qt::UserRole && index.column() == Price) {
        return s.price;
    } else if (role == Qt::UserRole && (index.column() == Symbol || index.column() == Reason)) {
        return data(index, Qt::DisplayRole);
    } else if (role == Qt::UserRole && index.column() == Side) {
        return QString::fromLatin1(Model::sideName(s.side)); // for filters, whatever the language
    } else if (role == Qt::UserRole && index.column() == Rule) {
        return s.ruleName();
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
    case Delivery:
        return tr("Delivery");
    }
    return {};
}

} // namespace Gui
