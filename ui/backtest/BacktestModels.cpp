// SPDX-License-Identifier: MIT
#include "BacktestModels.h"

#include "models/NumberFormat.h"
#include "models/SignalModel.h"
#include "trading/TradingText.h"

#include <QDateTime>

namespace Gui {

namespace {

QVariant percentCell(const std::optional<double> &fraction, bool sorting)
{
    if (!fraction)
        return sorting ? QVariant(-1e300) : QVariant(QStringLiteral("—"));
    return sorting ? QVariant(*fraction) : QVariant(QString::number(*fraction * 100, 'f', 2) + QStringLiteral(" %"));
}

QVariant ratioCell(const std::optional<double> &value, bool sorting)
{
    if (!value)
        return sorting ? QVariant(-1e300) : QVariant(QStringLiteral("—"));
    return sorting ? QVariant(*value) : QVariant(QString::number(*value, 'f', 2));
}

} // namespace

BacktestTradeModel::BacktestTradeModel(QObject *parent)
    : RowModel(
          ColumnCount, [](const Backtest::Trade &t) { return qint64(t.entryTime ^ (t.exitTime << 1)); }, parent)
{}

QVariant BacktestTradeModel::cell(const Backtest::Trade &t, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Symbol || column == Side || column == Reason || column == EntryTime || column == ExitTime
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole)
        return column == Pnl || column == ReturnPercent ? TradingText::pnlColor(t.pnl) : QVariant();
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    const auto time = [&](Model::TimestampUs us) -> QVariant {
        if (sorting)
            return qint64(us);
        return QDateTime::fromMSecsSinceEpoch(us / 1000, m_zone)
            .toString(m_datesOnly ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    switch (column) {
    case Symbol:
        return t.symbol;
    case Side:
        return t.isLong ? tr("Long") : tr("Short");
    case Quantity:
        return sorting ? QVariant(t.quantity) : TradingText::quantity(t.quantity);
    case EntryTime:
        return time(t.entryTime);
    case EntryPrice:
        return sorting ? QVariant(t.entryPrice) : TradingText::price(t.entryPrice);
    case ExitTime:
        return time(t.exitTime);
    case ExitPrice:
        return sorting ? QVariant(t.exitPrice) : TradingText::price(t.exitPrice);
    case Reason:
        switch (t.reason) {
        case Backtest::ExitReason::Signal:
            return tr("Signal");
        case Backtest::ExitReason::StopLoss:
            return tr("Stop loss");
        case Backtest::ExitReason::TakeProfit:
            return tr("Take profit");
        case Backtest::ExitReason::MaxBars:
            return tr("Bars held");
        case Backtest::ExitReason::End:
            return tr("End of test");
        }
        return {};
    case Pnl:
        return sorting ? QVariant(t.pnl) : TradingText::money(t.pnl, true);
    case ReturnPercent:
        return sorting ? QVariant(t.returnPercent) : signedPercent(t.returnPercent);
    case Mae:
        return sorting ? QVariant(t.maePercent) : signedPercent(t.maePercent);
    case Mfe:
        return sorting ? QVariant(t.mfePercent) : signedPercent(t.mfePercent);
    case Bars:
        return t.bars;
    }
    return {};
}

QVariant BacktestTradeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Quantity:
        return tr("Qty");
    case EntryTime:
        return tr("Entry");
    case EntryPrice:
        return tr("Entry price");
    case ExitTime:
        return tr("Exit");
    case ExitPrice:
        return tr("Exit price");
    case Reason:
        return tr("Exit reason");
    case Pnl:
        return tr("P/L");
    case ReturnPercent:
        return tr("Return");
    case Mae:
        return tr("MAE");
    case Mfe:
        return tr("MFE");
    case Bars:
        return tr("Bars");
    }
    return {};
}

SearchResultModel::SearchResultModel(QObject *parent)
    : RowModel(
          FigureCount, [](const Backtest::SetResult &r) { return qint64(r.index); }, parent)
{}

void SearchResultModel::setResults(const Backtest::Grid &grid, std::vector<Backtest::SetResult> ranked)
{
    beginResetModel();
    m_parameters.clear();
    for (const Backtest::Axis &axis : grid.axes())
        m_parameters << axis.path;
    endResetModel();
    setRows(std::move(ranked));
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_parameters.size()) + FigureCount;
}

QVariant SearchResultModel::cell(const Backtest::SetResult &set, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    if (column < int(m_parameters.size()))
        return std::size_t(column) < set.values.size() ? QVariant(set.values[std::size_t(column)]) : QVariant();
    if (!set.metrics)
        return {};
    const Backtest::Metrics &m = *set.metrics;
    switch (column - int(m_parameters.size())) {
    case Return:
        return percentCell(m.totalReturn, sorting);
    case Drawdown:
        return percentCell(m.maxDrawdown, sorting);
    case Sharpe:
        return ratioCell(m.sharpe, sorting);
    case Sortino:
        return ratioCell(m.sortino, sorting);
    case ProfitFactor:
        return ratioCell(m.profitFactor, sorting);
    case WinRate:
        return percentCell(m.winRate, sorting);
    case Trades:
        return m.trades;
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section < int(m_parameters.size()))
        return m_parameters[section];
    switch (section - int(m_parameters.size())) {
    case Return:
        return tr("Return");
    case Drawdown:
        return tr("Max drawdown");
    case Sharpe:
        return tr("Sharpe");
    case Sortino:
        return tr("Sortino");
    case ProfitFactor:
        return tr("Profit factor");
    case WinRate:
        return tr("Win rate");
    case Trades:
        return tr("Trades");
    }
    return {};
}

ReliabilityModel::ReliabilityModel(QObject *parent)
    : RowModel(
          ColumnCount, [](const Backtest::Reliability &r) { return qint64(qHash(r.name) ^ qint64(r.side)); }, parent)
{}

QVariant ReliabilityModel::cell(const Backtest::Reliability &r, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column <= Side ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return r.condition.isEmpty() ? QVariant() : QVariant(r.condition);
    if (role == Qt::ForegroundRole && column == AverageMove && r.averageMovePercent)
        return TradingText::pnlColor(*r.averageMovePercent);
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && !sorting)
        return {};
    switch (column) {
    case Name:
        // A rule by its name for a person; an alert by its own (several symbols: the symbol first).
        if (r.condition.isEmpty()) {
            const qsizetype space = r.name.lastIndexOf(u' ');
            return space < 0 ? ruleText(r.name) : r.name.left(space + 1) + ruleText(r.name.mid(space + 1));
        }
        return r.name;
    case Side:
        return r.side == Model::SignalSide::Buy    ? tr("Buy")
               : r.side == Model::SignalSide::Sell ? tr("Sell")
                                                   : tr("Alert");
    case Signals:
        return r.signals;
    case HitRate:
        return percentCell(r.hitRate, sorting);
    case AverageMove:
        if (!r.averageMovePercent)
            return sorting ? QVariant(-1e300) : QVariant(QStringLiteral("—"));
        return sorting ? QVariant(*r.averageMovePercent) : QVariant(signedPercent(*r.averageMovePercent));
    }
    return {};
}

QVariant ReliabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && (section == HitRate || section == AverageMove))
        return tr("Measured %n bars after each signal, in the signal's direction", nullptr, m_horizon);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Rule or alert");
    case Side:
        return tr("Side");
    case Signals:
        return tr("Signals");
    case HitRate:
        return tr("Hit rate");
    case AverageMove:
        return tr("Average move");
    }
    return {};
}

} // namespace Gui
