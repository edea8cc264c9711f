// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "storage/Outbox.h"

#include <QAbstractTableModel>

#include <map>

namespace Gui {

/// Every signal of this run, newest first: the in-app log of alerts that the
/// desktop's notifications may hide. Keeps the latest `capacity`.
class SignalModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalModel)

public:
    enum Column
    {
        Time,
        Symbol,
        Side,
        Rule,
        Price,
        Delivery,
        Reason,
        ColumnCount
    };

    explicit SignalModel(int capacity = 10000, QObject *parent = nullptr);

    void add(const Model::SignalList &signals);
    /// Stored signals read at start, newest first: they go below what is already shown.
    void addHistory(const Model::SignalList &newestFirst);
    const Model::TradeSignal &at(int row) const { return m_rows.at(row); }
    void setUtc(bool utc);
    /// What became of signals on the notification channels (e-mail, webhooks); may come
    /// before the signal itself reaches the table.
    void setDelivery(const QList<Storage::DeliveryState> &states);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int m_capacity;
    bool m_utc = false;
    QList<Model::TradeSignal> m_rows;
    std::map<qint64, QList<Storage::DeliveryState>> m_delivery; ///< by signal id, bounded
};

/// "buy", "sell" or "alert" for a person, in their language.
QString sideText(const QString &sideName);
/// A rule's name for a person ("MA crossover" for ma_cross), in their language.
QString ruleText(const QString &ruleId);

/// A time for a table cell: local time, or UTC with a Z.
QString formatTime(Model::TimestampUs time, bool utc);

} // namespace Gui
