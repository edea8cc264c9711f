// SPDX-License-Identifier: MIT
// The window's docks: watchlist, summary, signals and events, and the watchlist's menu.
#include "MainWindow.h"

#include "DockParts.h"

#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "models/EventModel.h"
#include "models/SignalModel.h"
#include "models/WatchlistFilter.h"
#include "models/WatchlistModel.h"
#include "notify/Notifier.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace Gui {

namespace {

/// Filters signals by symbol text, side and rule, all at once.
class SignalFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void set(const QString &symbol, const QString &side, const QString &rule)
    {
        m_symbol = symbol.trimmed().toUpper();
        m_side = side;
        m_rule = rule;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto column = [&](int c, int role = Qt::DisplayRole) {
            return sourceModel()->index(row, c, parent).data(role).toString();
        };
        return (m_symbol.isEmpty() || column(SignalModel::Symbol).contains(m_symbol)) &&
               (m_side.isEmpty() || column(SignalModel::Side, Qt::UserRole) == m_side) &&
               (m_rule.isEmpty() || column(SignalModel::Rule, Qt::UserRole) == m_rule);
    }

private:
    QString m_symbol;
    QString m_side;
    QString m_rule;
};

} // namespace

void MainWindow::buildDocks()
{
    // Watchlist
    m_watchlistView = tableView(m_watchlistFilter, QStringLiteral("watchlistView"), this);
    m_watchlistView->setSortingEnabled(true);
    m_watchlistView->sortByColumn(WatchlistModel::Symbol, Qt::AscendingOrder);
    m_symbolSearch = new QLineEdit(this);
    m_symbolSearch->setObjectName(QStringLiteral("watchlistFilter"));
    m_symbolSearch->setPlaceholderText(tr("Filter symbols (Ctrl+F)"));
    m_symbolSearch->setClearButtonEnabled(true);
    connect(m_symbolSearch, &QLineEdit::textChanged, m_watchlistFilter, &QSortFilterProxyModel::setFilterFixedString);
    const auto openAt = [this](const QModelIndex &index) {
        if (index.isValid())
            openChart(m_watchlist->symbolAt(m_watchlistFilter->mapToSource(index).row()));
    };
    connect(m_watchlistView, &QTableView::doubleClicked, this, openAt);
    connect(m_watchlistView, &QTableView::activated, this, openAt); // Enter
    m_watchlistView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_watchlistView, &QWidget::customContextMenuRequested, this, &MainWindow::showWatchlistMenu);
    auto *watchDock = new QDockWidget(tr("Watchlist"), this);
    watchDock->setObjectName(QStringLiteral("watchlistDock"));
    watchDock->setWidget(withToolbar(m_watchlistView, {m_symbolSearch}, watchDock));
    watchDock->setMinimumWidth(430);
    for (int c : {WatchlistModel::High, WatchlistModel::Low, WatchlistModel::Ticks, WatchlistModel::Signals})
        m_watchlistView->setColumnHidden(c, true);
    m_watchlistView->setColumnWidth(WatchlistModel::Symbol, 70);
    for (int c = WatchlistModel::Last; c <= WatchlistModel::Rsi; ++c)
        m_watchlistView->setColumnWidth(c, 80);
    addDockWidget(Qt::LeftDockWidgetArea, watchDock);

    // Summary: the aggregator's view of every symbol.
    auto *summaryView = tableView(m_watchlistFilter, QStringLiteral("summaryView"), this);
    summaryView->setSortingEnabled(true); // shares the watchlist's proxy, so it keeps the same order
    summaryView->sortByColumn(WatchlistModel::Symbol, Qt::AscendingOrder);
    for (int c : {WatchlistModel::Rsi, WatchlistModel::LastSignal})
        summaryView->setColumnHidden(c, true);
    auto *summaryDock = new QDockWidget(tr("Summary"), this);
    summaryDock->setObjectName(QStringLiteral("summaryDock"));
    summaryDock->setWidget(summaryView);

    // Signals
    m_signalFilter = new SignalFilter(this);
    m_signalFilter->setSourceModel(m_signals);
    m_signalView = tableView(m_signalFilter, QStringLiteral("signalView"), this);
    // Newest by the time of the bar that raised it, so imported history sorts below live signals.
    m_signalFilter->setSortRole(Qt::UserRole);
    m_signalView->setSortingEnabled(true);
    m_signalView->sortByColumn(SignalModel::Time, Qt::DescendingOrder);
    m_signalView->setColumnWidth(SignalModel::Time, 170);
    m_signalView->setColumnHidden(SignalModel::Delivery, !m_sources.notifier || m_sources.notifier->isEmpty());
    m_signalSymbolFilter = new QLineEdit(this);
    m_signalSymbolFilter->setObjectName(QStringLiteral("signalSymbolFilter"));
    m_signalSymbolFilter->setPlaceholderText(tr("Symbol"));
    m_sideFilter = new QComboBox(this);
    m_sideFilter->setObjectName(QStringLiteral("signalSideFilter"));
    m_sideFilter->addItem(tr("All sides"), QString());
    for (const char *side : {"buy", "sell", "alert"})
        m_sideFilter->addItem(sideText(QString::fromLatin1(side)), QString::fromLatin1(side));
    m_ruleFilter = new QComboBox(this);
    m_ruleFilter->setObjectName(QStringLiteral("signalRuleFilter"));
    m_ruleFilter->addItem(tr("All rules"), QString());
    for (const char *rule : {"rsi_trend", "ma_cross", "price_move", "news_sentiment"})
        m_ruleFilter->addItem(ruleText(QString::fromLatin1(rule)), QString::fromLatin1(rule));
    const auto applySignalFilter = [this] {
        static_cast<SignalFilter *>(m_signalFilter)
            ->set(m_signalSymbolFilter->text(), m_sideFilter->currentData().toString(),
                  m_ruleFilter->currentData().toString());
    };
    connect(m_signalSymbolFilter, &QLineEdit::textChanged, this, applySignalFilter);
    connect(m_sideFilter, &QComboBox::currentIndexChanged, this, applySignalFilter);
    connect(m_ruleFilter, &QComboBox::currentIndexChanged, this, applySignalFilter);
    connect(m_signalView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const Model::TradeSignal &signal = m_signals->at(m_signalFilter->mapToSource(current).row());
                selectInWatchlist(signal.symbol.toString());
                // Its chart scrolls to the signal's bar, reading older bars in the background as needed.
                if (SymbolChart *chart = openChart(signal.symbol.toString()))
                    chart->focusTime(signal.timestamp);
            });
    auto *signalDock = new QDockWidget(tr("Signals"), this);
    signalDock->setObjectName(QStringLiteral("signalDock"));
    auto *exportShown = new QToolButton(this);
    exportShown->setObjectName(QStringLiteral("exportShownSignals"));
    exportShown->setText(tr("Export…"));
    exportShown->setToolTip(tr("Export the signals shown, as filtered, to a CSV file (Ctrl+E)"));
    connect(exportShown, &QToolButton::clicked, this, &MainWindow::chooseSignalExport);
    signalDock->setWidget(
        withToolbar(m_signalView, {m_signalSymbolFilter, m_sideFilter, m_ruleFilter, exportShown}, signalDock));
    addDockWidget(Qt::BottomDockWidgetArea, signalDock);

    // Events
    auto *eventView = m_eventView = tableView(m_eventFilter, QStringLiteral("eventView"), this);
    eventView->setColumnWidth(EventModel::Time, 170);
    auto *eventSearch = new QLineEdit(this);
    eventSearch->setObjectName(QStringLiteral("eventFilter"));
    eventSearch->setPlaceholderText(tr("Filter events"));
    connect(eventSearch, &QLineEdit::textChanged, m_eventFilter, &QSortFilterProxyModel::setFilterFixedString);
    auto *eventDock = new QDockWidget(tr("Events"), this);
    eventDock->setObjectName(QStringLiteral("eventDock"));
    eventDock->setWidget(withToolbar(eventView, {eventSearch}, eventDock));
    addDockWidget(Qt::BottomDockWidgetArea, eventDock);
    addDockWidget(Qt::BottomDockWidgetArea, summaryDock);
    tabifyDockWidget(signalDock, eventDock);
    tabifyDockWidget(eventDock, summaryDock);
    signalDock->raise();
}

void MainWindow::showWatchlistMenu(const QPoint &at)
{
    const QModelIndex index = m_watchlistView->indexAt(at);
    if (!index.isValid())
        return;
    const QString symbol = m_watchlist->symbolAt(m_watchlistFilter->mapToSource(index).row());
    QMenu menu(this);
    menu.addAction(tr("Open chart"), this, [this, symbol] { openChart(symbol); });
    QMenu *cells = menu.addMenu(tr("Show in grid"));
    cells->setObjectName(QStringLiteral("showInGrid"));
    const QStringList shown = m_grid->symbols();
    for (int cell = 0; cell < shown.size(); ++cell) {
        const QString label = shown[cell].isEmpty() ? tr("Cell %1 (empty)").arg(cell + 1)
                                                    : tr("Cell %1 (instead of %2)").arg(cell + 1).arg(shown[cell]);
        QAction *action = cells->addAction(label, this, [this, cell, symbol] { m_grid->pick(cell, symbol); });
        action->setEnabled(shown[cell] != symbol);
    }
    if (const int cell = m_grid->cellOf(symbol); cell >= 0)
        menu.addAction(tr("Remove from grid"), this, [this, cell] { m_grid->pick(cell, QString()); });
    menu.addAction(tr("Show its signals"), this, [this, symbol] { m_signalSymbolFilter->setText(symbol); });
    if (m_sources.alerts)
        menu.addAction(tr("Add alert…"), this, [this, symbol] { addAlertForSymbol(symbol); });
    menu.addSeparator();
    menu.addAction(tr("Remove from watchlist"), this, [this, symbol] { removeFromWatchlist(symbol); });
    menu.exec(m_watchlistView->viewport()->mapToGlobal(at));
}

void MainWindow::removeFromWatchlist(const QString &symbol)
{
    m_watchlistFilter->remove(symbol); // View → Show removed symbols again brings it back
    saveCharts();
}

void MainWindow::selectInWatchlist(const QString &symbol)
{
    const int row = m_watchlist->rowOf(symbol);
    if (row < 0)
        return;
    const QModelIndex index = m_watchlistFilter->mapFromSource(m_watchlist->index(row, WatchlistModel::Symbol));
    if (!index.isValid())
        return;
    const QSignalBlocker blocker(m_watchlistView->selectionModel());
    m_watchlistView->selectionModel()->setCurrentIndex(index,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_watchlistView->scrollTo(index);
}

} // namespace Gui
