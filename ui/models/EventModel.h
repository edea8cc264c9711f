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
    /// A line of TickDesk's own (a history refresh, a gap filled): its time, kind, symbol and what it says.
    void addNote(Model::TimestampUs time, const QString &type, const QString &symbol, const QString &details);
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
    /// A record of the stream, or a note (then `type` is set).
    struct Row
    {
        Pipeline::LiveEvent event;
        Model::TimestampUs time = 0;
        QString type, symbol, details;
    };
    void insert(QList<Row> rows);
    QList<Row> m_rows;
};

} // namespace Gui
