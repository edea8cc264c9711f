// SPDX-License-Identifier: MIT
// The window's paper trading: the order ticket, the positions, orders and trades docks, the account line in
// the status bar, the Trade menu, the P/L calendar, and the charts' Buy and Sell buttons and fill marks.
#include "MainWindow.h"

#include "DockParts.h"

#include "alerts/AlertManager.h"
#include "analytics/SymbolSummary.h"
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "models/WatchlistFilter.h"
#include "models/WatchlistModel.h"
#include "trading/AutoTradeDialog.h"
#include "trading/OrderModel.h"
#include "trading/OrderTicket.h"
#include "trading/PaperManager.h"
#include "trading/PnlCalendar.h"
#include "trading/PositionModel.h"
#include "trading/TradeModel.h"
#include "trading/TradingText.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace Gui {

namespace {

/// A dock's table, sorted by each cell's Qt::UserRole value, with a menu of its own.
QTableView *sortedTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    QTableView *view = tableView(proxy, name, parent);
    view->setSortingEnabled(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    return view;
}

/// The row of the source model under a proxy's index.
int sourceRow(const QTableView *view, const QModelIndex &index)
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(view->model());
    return index.isValid() ? proxy->mapToSource(index).row() : -1;
}

QDockWidget *dockOf(const QString &title, const QString &name, QWidget *content, QMainWindow *window)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}

QDateEdit *dayFilter(const QString &name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setSpecialValueText(MainWindow::tr("any day"));
    edit->setDate(edit->minimumDate());
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

} // namespace

void MainWindow::buildTrading()
{
    Trading::PaperManager *paper = m_sources.paper;
    if (!paper)
        return;
    m_ticket = new OrderTicket(
        *paper,
        [this](const QString &symbol) {
            const auto *summary = m_watchlist->summaryOf(symbol);
            return summary ? summary->lastPrice : 0.0;
        },
        this);
    QDockWidget *ticketDock = dockOf(tr("Order ticket"), QStringLiteral("orderTicketDock"), m_ticket, this);
    addDockWidget(Qt::RightDockWidgetArea, ticketDock);

    // Positions: close one at the market, or open a ticket on it.
    m_positionModel = new PositionModel(this);
    QTableView *positions = m_positionView = sortedTable(m_positionModel, QStringLiteral("positionView"), this);
    connect(positions, &QTableView::doubleClicked, this, [this, positions](const QModelIndex &index) {
        if (const Trading::Position *p = m_positionModel->rowAt(sourceRow(positions, index)))
            openChart(p->symbol);
    });
    connect(positions, &QWidget::customContextMenuRequested, this, [this, positions](const QPoint &at) {
        const Trading::Position *p = m_positionModel->rowAt(sourceRow(positions, positions->indexAt(at)));
        if (!p)
            return;
        QMenu menu(this);
        const Trading::Position position = *p;
        menu.addAction(tr("Close %1 at the market").arg(position.symbol), this,
                       [this, position] { closePosition(position.symbol); })
            ->setObjectName(QStringLiteral("closePosition"));
        menu.addAction(tr("Buy %1…").arg(position.symbol), this,
                       [this, position] { prepareOrder(position.symbol, true); });
        menu.addAction(tr("Sell %1…").arg(position.symbol), this,
                       [this, position] { prepareOrder(position.symbol, false); });
        menu.addAction(tr("Open chart"), this, [this, position] { openChart(position.symbol); });
        menu.exec(positions->viewport()->mapToGlobal(at));
    });
    QDockWidget *positionDock = dockOf(tr("Positions"), QStringLiteral("positionDock"), positions, this);

    // Working orders: cancel or change; all orders on request.
    m_orderModel = new OrderModel(this);
    QTableView *orders = m_orderView = sortedTable(m_orderModel, QStringLiteral("orderView"), this);
    orders->sortByColumn(OrderModel::Id, Qt::DescendingOrder);
    orders->setColumnWidth(OrderModel::Placed, 170);
    orders->setColumnWidth(OrderModel::TimeInForce, 130);
    auto *showAll = new QCheckBox(tr("All orders"), this);
    showAll->setObjectName(QStringLiteral("showAllOrders"));
    connect(showAll, &QCheckBox::toggled, this, [this](bool all) {
        m_orderModel->setShowAll(all);
        showAccount();
    });
    auto *cancel = new QToolButton(this);
    cancel->setObjectName(QStringLiteral("cancelOrder"));
    cancel->setText(tr("Cancel order"));
    auto *change = new QToolButton(this);
    change->setObjectName(QStringLiteral("changeOrder"));
    change->setText(tr("Change…"));
    const auto selectedOrder = [this, orders]() -> std::optional<Trading::Order> {
        const Trading::Order *o = m_orderModel->rowAt(sourceRow(orders, orders->currentIndex()));
        if (!o || o->status != Trading::OrderStatus::Working)
            return std::nullopt;
        return *o;
    };
    connect(cancel, &QToolButton::clicked, this, [this, selectedOrder] {
        if (const auto o = selectedOrder())
            m_sources.paper->cancel(o->id);
    });
    connect(change, &QToolButton::clicked, this, [this, selectedOrder] {
        if (const auto o = selectedOrder())
            editOrder(*o);
    });
    connect(orders, &QTableView::doubleClicked, this, [this, orders](const QModelIndex &index) {
        const Trading::Order *o = m_orderModel->rowAt(sourceRow(orders, index));
        if (o && o->status == Trading::OrderStatus::Working)
            editOrder(*o);
    });
    connect(orders, &QWidget::customContextMenuRequested, this, [this, orders](const QPoint &at) {
        const Trading::Order *o = m_orderModel->rowAt(sourceRow(orders, orders->indexAt(at)));
        if (!o)
            return;
        const Trading::Order order = *o;
        QMenu menu(this);
        if (order.status == Trading::OrderStatus::Working) {
            menu.addAction(tr("Cancel order #%1").arg(order.id), this,
                           [this, order] { m_sources.paper->cancel(order.id); });
            menu.addAction(tr("Change order #%1…").arg(order.id), this, [this, order] { editOrder(order); });
        }
        menu.addAction(tr("Open chart"), this, [this, order] { openChart(order.symbol); });
        menu.exec(orders->viewport()->mapToGlobal(at));
    });
    auto *orderTools = new QHBoxLayout;
    orderTools->addWidget(showAll);
    orderTools->addStretch(1);
    orderTools->addWidget(change);
    orderTools->addWidget(cancel);
    QDockWidget *orderDock =
        dockOf(tr("Orders"), QStringLiteral("orderDock"), withToolbar(orders, orderTools, this), this);

    // The blotter: every trade, filtered by symbol and days, exported as it is filtered.
    m_tradeModel = new TradeModel(this);
    QTableView *trades = m_tradeView = sortedTable(m_tradeModel, QStringLiteral("tradeView"), this);
    trades->setColumnWidth(TradeModel::Time, 170);
    trades->sortByColumn(TradeModel::Time, Qt::DescendingOrder);
    m_tradeSymbol = new QLineEdit(this);
    m_tradeSymbol->setObjectName(QStringLiteral("tradeSymbolFilter"));
    m_tradeSymbol->setPlaceholderText(tr("Symbol"));
    m_tradeSymbol->setClearButtonEnabled(true);
    m_tradeFrom = dayFilter(QStringLiteral("tradeFrom"), this);
    m_tradeTo = dayFilter(QStringLiteral("tradeTo"), this);
    m_tradeCount = new QLabel(this);
    m_tradeCount->setObjectName(QStringLiteral("tradeCount"));
    auto *exportTrades = new QToolButton(this);
    exportTrades->setObjectName(QStringLiteral("exportTrades"));
    exportTrades->setText(tr("Export…"));
    connect(m_tradeSymbol, &QLineEdit::textChanged, this, &MainWindow::listTrades);
    connect(m_tradeFrom, &QDateEdit::dateChanged, this, &MainWindow::listTrades);
    connect(m_tradeTo, &QDateEdit::dateChanged, this, &MainWindow::listTrades);
    connect(exportTrades, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export trades"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/trades.csv"),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_sources.paper->exportTrades(tradeQuery(), path);
    });
    connect(trades, &QTableView::doubleClicked, this, [this, trades](const QModelIndex &index) {
        if (const Storage::StoredTrade *t = m_tradeModel->rowAt(sourceRow(trades, index)))
            if (SymbolChart *chart = openChart(t->fill.symbol))
                chart->focusTime(t->fill.time);
    });
    auto *tradeTools = new QHBoxLayout;
    tradeTools->addWidget(m_tradeSymbol);
    tradeTools->addWidget(new QLabel(tr("from"), this));
    tradeTools->addWidget(m_tradeFrom);
    tradeTools->addWidget(new QLabel(tr("to"), this));
    tradeTools->addWidget(m_tradeTo);
    tradeTools->addWidget(m_tradeCount, 1);
    tradeTools->addWidget(exportTrades);
    QDockWidget *tradeDock =
        dockOf(tr("Trades"), QStringLiteral("tradeDock"), withToolbar(trades, tradeTools, this), this);

    for (QDockWidget *dock : {positionDock, orderDock, tradeDock})
        addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *signalDock = findChild<QDockWidget *>(QStringLiteral("signalDock"))) {
        for (QDockWidget *dock : {positionDock, orderDock, tradeDock})
            tabifyDockWidget(signalDock, dock);
        signalDock->raise();
    }

    m_statusAccount = new QLabel(this);
    m_statusAccount->setObjectName(QStringLiteral("statusAccount"));
    m_statusAccount->setToolTip(tr("The paper account: cash, equity (cash and positions at their last prices) "
                                   "and today's P/L"));

    connect(paper, &Trading::PaperManager::changed, this, &MainWindow::showAccount);
    connect(paper, &Trading::PaperManager::tradesChanged, this, [this] {
        listTrades();
        m_fills.clear(); // read again as the charts come round
        if (m_calendar && m_calendar->isVisible())
            m_sources.paper->analyzeDays(m_history.sessionZone());
    });
    connect(paper, &Trading::PaperManager::tradesListed, this, [this](const Trading::TradeList &list) {
        m_tradeModel->setRows(list.trades);
        m_tradeCount->setText(qint64(list.trades.size()) < list.matching
                                  ? tr("newest %1 of %2 trades").arg(list.trades.size()).arg(list.matching)
                                  : tr("%n trades", nullptr, int(list.matching)));
    });
    connect(paper, &Trading::PaperManager::fillsLoaded, this,
            [this](const QString &symbol, const std::vector<Storage::StoredTrade> &stored) {
                std::vector<SymbolChart::FillMark> marks;
                marks.reserve(stored.size());
                for (const Storage::StoredTrade &t : stored)
                    marks.push_back({t.fill.time, t.fill.price, t.fill.signedQuantity() > 0});
                m_fillsAsked.remove(symbol);
                m_fills[symbol] = marks;
                for (SymbolChart *chart : allCharts())
                    if (chart->symbol() == symbol)
                        chart->setFills(marks);
            });
    connect(paper, &Trading::PaperManager::daysAnalyzed, this, [this](const std::vector<Trading::DayStats> &days) {
        if (m_calendar)
            m_calendar->setDays(days);
    });
    connect(paper, &Trading::PaperManager::exported, this, [this](qint64 rows, const QString &path) {
        statusBar()->showMessage(tr("%n trades written to %1", nullptr, int(rows)).arg(path), 10000);
    });
    connect(paper, &Trading::PaperManager::failed, this,
            [this](const QString &error) { statusBar()->showMessage(tr("Paper trading: %1").arg(error), 15000); });
    connect(paper, &Trading::PaperManager::autoTradesSaved, this,
            [this] { statusBar()->showMessage(tr("The signals that trade were saved"), 10000); });
    connect(paper, &Trading::PaperManager::resetDone, this,
            [this] { statusBar()->showMessage(tr("The paper account was reset"), 10000); });
    showAccount();
    listTrades();
}

void MainWindow::buildTradeMenu()
{
    if (!m_sources.paper)
        return;
    QMenu *trade = menuBar()->addMenu(tr("&Trade"));
    trade->setObjectName(QStringLiteral("tradeMenu"));
    QAction *buy = trade->addAction(tr("&Buy…"));
    buy->setObjectName(QStringLiteral("buyAction"));
    buy->setShortcut(Qt::SHIFT | Qt::Key_B);
    connect(buy, &QAction::triggered, this, [this] { prepareOrder(symbolToTrade(), true); });
    QAction *sell = trade->addAction(tr("&Sell…"));
    sell->setObjectName(QStringLiteral("sellAction"));
    sell->setShortcut(Qt::SHIFT | Qt::Key_S);
    connect(sell, &QAction::triggered, this, [this] { prepareOrder(symbolToTrade(), false); });
    trade->addSeparator();
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("orderTicketDock")))
        trade->addAction(dock->toggleViewAction());
    for (const char *name : {"positionDock", "orderDock", "tradeDock"})
        if (auto *dock = findChild<QDockWidget *>(QString::fromLatin1(name)))
            trade->addAction(dock->toggleViewAction());
    trade->addSeparator();
    QAction *signalsTrade = trade->addAction(tr("Signals that &trade…"));
    signalsTrade->setObjectName(QStringLiteral("autoTradeAction"));
    connect(signalsTrade, &QAction::triggered, this, &MainWindow::editAutoTrades);
    if (m_sources.strategies) {
        QAction *live = trade->addAction(tr("Strategies trading &live…"));
        live->setObjectName(QStringLiteral("liveStrategiesAction"));
        connect(live, &QAction::triggered, this, &MainWindow::showLiveStrategies);
    }
    QAction *calendar = trade->addAction(tr("P/L &calendar…"));
    calendar->setObjectName(QStringLiteral("pnlCalendarAction"));
    connect(calendar, &QAction::triggered, this, &MainWindow::showPnlCalendar);
    QAction *reset = trade->addAction(tr("&Reset paper account…"));
    reset->setObjectName(QStringLiteral("resetAccountAction"));
    connect(reset, &QAction::triggered, this, [this] {
        bool ok = false;
        const double cash =
            QInputDialog::getDouble(this, tr("Reset paper account"),
                                    tr("Working orders are cancelled and positions start flat; earlier trades stay "
                                       "in the list and the calendar.\n\nStarting cash:"),
                                    m_sources.paper->account().startingCash(), 1, 1e12, 2, &ok);
        if (ok)
            m_sources.paper->reset(cash);
    });
}

void MainWindow::editAutoTrades()
{
    QList<std::pair<qint64, QString>> alerts;
    if (m_sources.alerts)
        for (const Alerts::AlertRow &row : m_sources.alerts->rows())
            if (row.stored.error.isEmpty())
                alerts.append({row.stored.alert.id, row.stored.alert.name});
    auto *dialog = new AutoTradeDialog(m_sources.paper->autoTrades(), alerts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto entries = dialog->entries())
            m_sources.paper->setAutoTrades(*entries);
    });
    dialog->open();
}

QString MainWindow::symbolToTrade() const
{
    if (const QString shown = currentChartSymbol(); !shown.isEmpty())
        return shown;
    if (m_watchlistView && m_watchlistView->currentIndex().isValid())
        return m_watchlist->symbolAt(m_watchlistFilter->mapToSource(m_watchlistView->currentIndex()).row());
    return {};
}

void MainWindow::prepareOrder(const QString &symbol, bool buy, std::optional<double> price)
{
    if (!m_ticket)
        return;
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("orderTicketDock"))) {
        dock->show();
        dock->raise();
    }
    m_ticket->prepare(symbol, buy, price);
}

void MainWindow::editOrder(const Trading::Order &order)
{
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("orderTicketDock"))) {
        dock->show();
        dock->raise();
    }
    m_ticket->editOrder(order);
}

void MainWindow::closePosition(const QString &symbol)
{
    const double held = m_sources.paper->held(symbol);
    if (held == 0)
        return;
    Trading::Order order;
    order.symbol = symbol;
    order.side = held > 0 ? Trading::Side::Sell : Trading::Side::BuyToCover;
    order.quantity = std::abs(held);
    order.note = tr("closed from the positions");
    m_sources.paper->place(order);
}

void MainWindow::showAccount()
{
    if (!m_sources.paper)
        return;
    const Trading::Account account = m_sources.paper->account();
    m_positionModel->setAccount(account);
    m_working = m_sources.paper->workingOrders();
    m_orderModel->setOrders(m_orderModel->showsAll() ? m_sources.paper->orders() : m_working);
    const double day = account.dayPnl();
    const QString color = std::round(day * 100) == 0 ? QString()
                          : day > 0                  ? QStringLiteral("#26a69a")
                                                     : QStringLiteral("#ef5350");
    for (SymbolChart *chart : allCharts())
        chart->setOrderLines(orderLinesOf(chart->symbol()));
    m_statusAccount->setText(tr("Paper: cash %1 · equity %2 · day <span style=\"color:%4\">%3</span>")
                                 .arg(TradingText::money(account.cash()), TradingText::money(account.equity()),
                                      TradingText::money(day, true), color));
    m_ticket->recheck();
}

std::vector<OrderLine> MainWindow::orderLinesOf(const QString &symbol) const
{
    std::vector<OrderLine> lines;
    for (const Trading::Order &o : m_working) {
        if (o.symbol != symbol || o.type == Trading::OrderType::Market)
            continue;
        lines.push_back(
            {o.id, o.type == Trading::OrderType::Limit ? o.limitPrice : o.stopPrice, o.direction() > 0,
             tr("%1 %2 %3 · #%4")
                 .arg(TradingText::side(o.side), TradingText::type(o.type).toLower(), TradingText::quantity(o.quantity))
                 .arg(o.id)});
    }
    return lines;
}

Trading::TradeQuery MainWindow::tradeQuery() const
{
    Trading::TradeQuery query;
    query.symbol = m_tradeSymbol->text().trimmed().toUpper();
    query.zone = m_history.sessionZone();
    if (m_tradeFrom->date() != m_tradeFrom->minimumDate())
        query.from = m_tradeFrom->date();
    if (m_tradeTo->date() != m_tradeTo->minimumDate())
        query.to = m_tradeTo->date();
    return query;
}

void MainWindow::listTrades()
{
    if (m_sources.paper && m_tradeModel)
        m_sources.paper->listTrades(tradeQuery());
}

void MainWindow::showPnlCalendar()
{
    if (!m_sources.paper)
        return;
    if (!m_calendar) {
        m_calendar = new PnlCalendar(this);
        m_calendar->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_sources.paper->analyzeDays(m_history.sessionZone());
    m_calendar->show();
    m_calendar->raise();
}

void MainWindow::showFills(SymbolChart *chart)
{
    if (!m_sources.paper || chart->symbol().isEmpty())
        return;
    const QString symbol = chart->symbol();
    if (chart->orderLines().empty()) // a chart just shown, or given another symbol
        chart->setOrderLines(orderLinesOf(symbol));
    if (const auto it = m_fills.constFind(symbol); it != m_fills.cend()) {
        // Given once per reading: a chart shown later gets them too.
        const QString given = symbol + QLatin1Char('#') + QString::number(m_fillsRead);
        if (chart->property("fillsGiven").toString() != given) {
            chart->setProperty("fillsGiven", given);
            chart->setFills(*it);
        }
    } else if (!m_fillsAsked.contains(symbol)) {
        m_fillsAsked.insert(symbol);
        ++m_fillsRead;
        m_sources.paper->loadFills(symbol);
    }
}

void MainWindow::connectChartTrading(SymbolChart *chart)
{
    if (!m_sources.paper)
        return;
    chart->setTradingEnabled(true);
    chart->setOrderLines(orderLinesOf(chart->symbol()));
    connect(chart, &SymbolChart::orderWanted, this,
            [this](const QString &symbol, bool buy, std::optional<double> price) { prepareOrder(symbol, buy, price); });
    connect(chart, &SymbolChart::orderCancelWanted, this, [this](qint64 id) { m_sources.paper->cancel(id); });
    connect(chart, &SymbolChart::orderChangeWanted, this, [this](qint64 id) {
        if (const auto order = m_sources.paper->order(id); order && order->status == Trading::OrderStatus::Working)
            editOrder(*order);
    });
}

} // namespace Gui
