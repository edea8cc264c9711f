// SPDX-License-Identifier: MIT
#include "EventModel.h"

#include "SignalModel.h"

#include <QLocale>

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
    QList<Row> rows;
    rows.reserve(qsizetype(count));
    for (auto it = events.end() - std::ptrdiff_t(count); it != events.end(); ++it)
        rows.append(Row{*it, {}, {}, {}, {}});
    insert(std::move(rows));
}

void EventModel::addNote(Model::TimestampUs time, const QString &type, const QString &symbol, const QString &details)
{
    insert({Row{{}, time, type, symbol, details}});
}

void EventModel::insert(QList<Row> rows)
{
    beginInsertRows({}, 0, int(rows.size()) - 1);
    for (Row &row : rows)
        m_rows.prepend(std::move(row));
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

QString EventModel::kindText(Model::RecordKind kind)
{
    switch (kind) {
    case Model::RecordKind::Tick:
        return tr("record");
    case Model::RecordKind::OrderBook:
        return tr("order book");
    case Model::RecordKind::NewsSentiment:
        return tr("news sentiment");
    case Model::RecordKind::MarketData:
        return tr("market data");
    case Model::RecordKind::EconomicIndicator:
        return tr("economic indicator");
    }
    return {};
}

QString EventModel::details(const Model::Record &record)
{
    const QLocale locale;
    return std::visit(
        [&locale](const auto &r) -> QString {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, Model::OrderBookEvent>)
                return (r.side == Model::OrderSide::Buy ? tr("buy %1 @ %2") : tr("sell %1 @ %2"))
                    .arg(locale.toString(r.quantity), locale.toString(r.price, 'f', 2));
            else if constexpr (std::is_same_v<T, Model::NewsSentimentEvent>)
                return tr("sentiment %1, magnitude %2")
                    .arg(locale.toString(r.score, 'f', 2), locale.toString(r.magnitude, 'f', 2));
            else if constexpr (std::is_same_v<T, Model::MarketDataEvent>)
                return tr("market cap %1, P/E %2")
                    .arg(locale.toString(r.marketCap, 'g', 4), locale.toString(r.peRatio, 'f', 1));
            else if constexpr (std::is_same_v<T, Model::EconomicIndicatorEvent>)
                return tr("%1: %2").arg(r.name, locale.toString(r.value, 'g', 6));
            else
                return QString();
        },
        record);
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || role != Qt::DisplayRole)
        return {};
    const Row &row = m_rows[index.row()];
    if (!row.type.isEmpty()) {
        switch (index.column()) {
        case Time:
            return formatTime(row.time, m_utc);
        case Type:
            return row.type;
        case Symbol:
            return row.symbol;
        case Details:
            return row.details;
        }
        return {};
    }
    const Model::Record &record = row.event.record;
    switch (index.column()) {
    case Time:
        return formatTime(std::visit([](const auto &r) { return r.timestamp; }, record), m_utc);
    case Type:
        return kindText(Model::kindOf(record));
    case Symbol:
        return std::visit(
            [](const auto &r) {
                if constexpr (requires { r.symbol; })
                    return r.symbol.toString();
                else
                    return QString(); // economic indicators have none
            },
            record);
    case Details:
        return details(record);
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
