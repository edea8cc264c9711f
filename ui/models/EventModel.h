// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/LiveFeed.h"

#include <QAbstractTableModel>

namespace Gui {

/// The metadata stream (order book, news sentiment, market data, economic indicators), newest first.
class EventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventModel)

public:
    enum Column
    {
        Time,
        Type,
        Symbol,
        Details,
        ColumnCount
    };

    explicit EventModel(int capacity = 5000, QObject *parent = nullptr);

    void add(const std::deque<Pipeline::LiveEvent> &events);
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// A record's kind and what it says, in the reader's language and number format.
    static QString kindText(Model::RecordKind kind);
    static QString details(const Model::Record &record);

private:
    int m_capacity;
    bool m_utc = false;
    QList<Pipeline::LiveEvent> m_rows;
};

} // namespace Gui
