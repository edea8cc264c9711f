// SPDX-License-Identifier: MIT
#include "WatchlistModel.h"

#include "NumberFormat.h"
#include "SignalModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Gui {

WatchlistModel::WatchlistModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void WatchlistModel::update(const Analytics::SummaryList &summaries)
{
    // Symbols that left the engine's memory (a flood, or idle for long) leave the list too: it stays as
    // bounded as the engine. Rare, so the list is simply rebuilt then.
    qsizetype known = 0;
    for (const auto &s : summaries)
        known += m_rowOf.contains(s.symbol.toString()) ? 1 : 0;
    if (known < m_rows.size()) {
        QSet<QString> present;
        for (const auto &s : summaries)
            present.insert(s.symbol.toString());
        beginResetModel();
        m_rows.removeIf([&present](const auto &row) { return !present.contains(row.symbol.toString()); });
        m_rowOf.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowOf.insert(m_rows[i].symbol.toString(), i);
        endResetModel();
    }
    QList<Analytics::SymbolSummary> added;
    for (const auto &s : summaries) {
        const QString symbol = s.symbol.toString();
        const auto it = m_rowOf.constFind(symbol);
        if (it == m_rowOf.cend())
            added.append(s);
        else
            m_rows[*it] = s;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    if (added.isEmpty())
        return;
    // Symbols new in one update come in name order: the grid fills from this order.
    std::sort(added.begin(), added.end(),
              [](const auto &a, const auto &b) { return a.symbol.toString() < b.symbol.toString(); });
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    for (const auto &s : std::as_const(added)) {
        m_rowOf.insert(s.symbol.toString(), int(m_rows.size()));
        m_rows.append(s);
    }
    endInsertRows();
}

int WatchlistModel::rowOf(const QString &symbol) const
{
    return m_rowOf.value(symbol, -1);
}

QStringList WatchlistModel::symbols() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const auto &s : m_rows)
        out.append(s.symbol.toString());
    return out;
}

const Analytics::SymbolSummary *WatchlistModel::summaryOf(const QString &symbol) const
{
    const int row = rowOf(symbol);
    return row < 0 ? nullptr : &m_rows[row];
}

QString WatchlistModel::symbolAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].symbol.toString() : QString();
}

int WatchlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WatchlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WatchlistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &s = m_rows[index.row()];
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Symbol:
            return s.symbol.toString();
        case Last:
            return locale.toString(s.lastPrice, 'f', 2);
        case Change:
            return signedPercent(s.changePercent());
        case Volume:
            return compactCount(s.sessionVolume);
        case Rsi:
            return s.rsi ? QVariant(locale.toString(*s.rsi, 'f', 1)) : QVariant(QStringLiteral("–"));
        case High:
            return locale.toString(s.sessionHigh, 'f', 2);
        case Low:
            return locale.toString(s.sessionLow, 'f', 2);
        case Ticks:
            return compactCount(s.sessionTicks);
        case Signals:
            return tr("%1 buy / %2 sell").arg(s.signalsBySide[0]).arg(s.signalsBySide[1]);
        case LastSignal:
            // "sell ma_cross": the side in the reader's language, the rule as it is named everywhere.
            return s.lastSignal.isEmpty()
                       ? QString()
                       : sideText(s.lastSignal.section(u' ', 0, 0)) + u' ' + ruleText(s.lastSignal.section(u' ', 1));
        }
    } else if (role == Qt::UserRole) {
        // Sort keys: numbers sort as numbers.
        switch (index.column()) {
        case Symbol:
            return s.symbol.toString();
        case Last:
            return s.lastPrice;
        case Change:
            return s.changePercent();
        case Volume:
            return qlonglong(s.sessionVolume);
        case Rsi:
            return s.rsi.value_or(-1);
        case High:
            return s.sessionHigh;
        case Low:
            return s.sessionLow;
        case Ticks:
            return qlonglong(s.sessionTicks);
        case Signals:
            return qlonglong(s.signalsBySide[0] + s.signalsBySide[1]);
        case LastSignal:
            return qlonglong(s.lastSignalTime);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Symbol) {
        const QString note = m_notes.value(s.symbol.toString());
        return note.isEmpty() ? QVariant() : QVariant(note);
    } else if (role == Qt::ToolTipRole && (index.column() == Volume || index.column() == Ticks)) {
        return locale.toString(qlonglong(index.column() == Volume ? s.sessionVolume : s.sessionTicks));
    } else if (role == Qt::ForegroundRole && index.column() == Change) {
        return QBrush(s.changePercent() >= 0 ? QColor(38, 166, 154) : QColor(239, 83, 80));
    } else if (role == Qt::TextAlignmentRole && index.column() != Symbol && index.column() != LastSignal) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Change)
        return tr("Change of the last price since the session's first open (the day of the latest bar in the "
                  "session time zone). Charts show the same figure as \"Day\".");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Last:
        return tr("Last");
    case Change:
        return tr("Day %");
    case Volume:
        return tr("Volume");
    case Rsi:
        return tr("RSI");
    case High:
        return tr("High");
    case Low:
        return tr("Low");
    case Ticks:
        return tr("Ticks");
    case Signals:
        return tr("Signals");
    case LastSignal:
        return tr("Last signal");
    }
    return {};
}

} // namespace Gui

namespace Gui {

void WatchlistModel::setNote(const QString &symbol, const QString &note)
{
    if (m_notes.value(symbol) == note)
        return;
    m_notes.insert(symbol, note);
    if (const int row = rowOf(symbol); row >= 0)
        Q_EMIT dataChanged(index(row, Symbol), index(row, Symbol), {Qt::ToolTipRole});
}

} // namespace Gui
