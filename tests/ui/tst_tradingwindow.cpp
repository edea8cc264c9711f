// SPDX-License-Identifier: MIT
// Paper trading in the window as a trader does it: the order ticket from the keyboard, a chart's buttons and
// menu, the docks that follow (positions, orders, trades), changing and cancelling an order, the blotter's
// filters and export, the P/L calendar, fills marked on the chart, and the account line.
#include "PipelineFeed.h"
#include "charts/SymbolChart.h"
#include "ingest/IngestCounters.h"
#include "mainwindow/MainWindow.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"
#include "trading/AutoTradeDialog.h"
#include "trading/OrderModel.h"
#include "trading/OrderTicket.h"
#include "trading/PaperManager.h"
#include "trading/PnlCalendar.h"
#include "trading/PositionModel.h"
#include "trading/TradeModel.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Minute = 60'000'000LL;

/// The time `m` minutes after the test began (the minute it began in).
Model::TimestampUs minuteAt(int m)
{
    static const Model::TimestampUs start = (QDateTime::currentSecsSinceEpoch() / 60) * Minute;
    return start + m * Minute;
}

/// One record a minute from minute `from`, at these prices (open, high, low and close alike).
Model::RecordBatch minutes(const char *symbol, int from, std::initializer_list<double> prices)
{
    Model::RecordBatch batch;
    int m = from;
    for (const double price : prices) {
        Model::Tick t;
        Model::Symbol::parse(symbol, t.symbol);
        t.open = t.high = t.low = t.close = price;
        t.volume = 100;
        t.timestamp = minuteAt(m++);
        batch.emplace_back(t);
    }
    return batch;
}

QAction *action(QMenu &menu, const QString &text)
{
    for (QAction *a : menu.actions())
        if (a->text().startsWith(text))
            return a;
    return nullptr;
}

} // namespace

class TestTradingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theTicketRefusesWithTheReason();
    void theKeyboardBuysAndTheDocksFollow();
    void aChartSellsAtAPriceAndTheOrderIsChangedThenCancelled();
    void theBlotterFiltersAndExports();
    void theCalendarShowsEachDaysPnl();
    void signalsThatTradeAreChosenInADialog();

private:
    void feed(const Model::RecordBatch &batch);
    /// A chart tab of AAPL with bars around 100.
    Gui::SymbolChart *aaplChart();
    template<typename T>
    T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }
    /// Trades entered by hand (the trades API's way), on days before today.
    void enterTrades();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Core::Settings> m_settings;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Trading::PaperDesk> m_desk;
    std::unique_ptr<Trading::PaperOrders> m_orders;
    std::unique_ptr<Trading::PaperManager> m_paper;
    Ingest::IngestCounters m_counters;
    std::unique_ptr<Gui::MainWindow> m_window;
    int m_minute = 0;
};

void TestTradingWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_tradingwindow"_s);
    qRegisterMetaType<Model::SignalList>();
}

void TestTradingWindow::init()
{
    QSettings().clear();
    static int run = 0;
    m_path = m_dir.filePath(u"trading%1.sqlite"_s.arg(++run));
    m_settings = std::make_unique<Core::Settings>(m_dir.filePath(u"settings%1.ini"_s.arg(run)));
    auto writer = Storage::StorageWriter::open({m_path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<Pipeline::LiveFeed>();
    m_pipeline = std::make_unique<Pipeline::Pipeline>(Pipeline::PipelineOptions{}, *m_writer, m_feed.get());
    QVERIFY(m_pipeline->warmStart(m_path));
    m_desk = std::make_unique<Trading::PaperDesk>(Trading::Costs{0, 1, 0, 0}, 100'000);
    QVERIFY(m_desk->load(m_path));
    m_pipeline->setPaperDesk(m_desk.get());
    m_orders = std::make_unique<Trading::PaperOrders>(*m_desk, *m_writer);
    m_paper = std::make_unique<Trading::PaperManager>(m_path, *m_orders);
    m_pipeline->start();
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr, m_settings.get()};
    sources.paper = m_paper.get();
    m_window = std::make_unique<Gui::MainWindow>(std::move(sources));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_minute = 0;
}

void TestTradingWindow::cleanup()
{
    m_window.reset();
    m_pipeline->stop();
    m_writer->stop();
    m_paper.reset();
    m_orders.reset();
    m_pipeline.reset();
    m_desk.reset();
    m_writer.reset();
}

void TestTradingWindow::feed(const Model::RecordBatch &batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, Model::RecordBatch(batch)));
    m_window->pollFeed();
    m_window->refreshWatchlist();
}

Gui::SymbolChart *TestTradingWindow::aaplChart()
{
    feed(minutes("AAPL", m_minute, {100, 100.5, 99.5, 100.2, 101, 100.4, 99.8, 100.1, 100.6, 100}));
    m_minute += 10;
    Gui::SymbolChart *chart = m_window->openChart(u"AAPL"_s, Bars::Timeframe::minutes(1));
    if (!QTest::qWaitFor([chart] { return chart->candleCount() >= 9; }))
        qWarning("the chart did not draw its bars");
    m_window->refreshCharts();
    return chart;
}

void TestTradingWindow::theTicketRefusesWithTheReason()
{
    Gui::OrderTicket *ticket = m_window->orderTicket();
    QVERIFY(ticket);
    QCOMPARE(ticket->problem(true), u"Type a symbol"_s);
    QVERIFY(!child<QPushButton>(u"ticketBuy"_s)->isEnabled());
    m_window->prepareOrder(u"AAPL"_s, true);
    QVERIFY(ticket->problem(true).isEmpty());
    QVERIFY(child<QPushButton>(u"ticketBuy"_s)->isEnabled());
    // Flat: the Sell button sells short, and says so.
    QCOMPARE(ticket->order(false).side, Trading::Side::SellShort);
    QVERIFY(child<QPushButton>(u"ticketSell"_s)->text().startsWith(u"Sell short"_s));
    // No quantity, or a limit without a price: refused with the field named, nothing sent.
    child<QDoubleSpinBox>(u"ticketQuantity"_s)->setValue(0);
    QVERIFY2(ticket->problem(true).startsWith(u"quantity:"_s), qPrintable(ticket->problem(true)));
    QVERIFY(!child<QPushButton>(u"ticketBuy"_s)->isEnabled());
    QVERIFY(child<QLabel>(u"ticketProblem"_s)->text().startsWith(u"quantity:"_s));
    ticket->submit();
    child<QDoubleSpinBox>(u"ticketQuantity"_s)->setValue(5);
    m_window->prepareOrder(u"AAPL"_s, true, 95); // under the last price (none yet): a limit
    child<QDoubleSpinBox>(u"ticketPrice"_s)->setValue(0);
    QVERIFY2(ticket->problem(true).startsWith(u"limit_price:"_s), qPrintable(ticket->problem(true)));
    ticket->submit();
    m_paper->waitForIdle();
    QVERIFY(m_paper->orders().empty());
}

void TestTradingWindow::theKeyboardBuysAndTheDocksFollow()
{
    Gui::SymbolChart *chart = aaplChart();
    // Shift+B on the chart's tab: a ticket to buy AAPL; typing a quantity and Enter sends it.
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ShiftModifier);
    Gui::OrderTicket *ticket = m_window->orderTicket();
    QCOMPARE(child<QLineEdit>(u"ticketSymbol"_s)->text(), u"AAPL"_s);
    auto *quantity = child<QDoubleSpinBox>(u"ticketQuantity"_s);
    QTRY_VERIFY(quantity->hasFocus());
    QTest::keyClicks(quantity, u"10"_s);
    QTest::keyClick(quantity, Qt::Key_Return);
    QTRY_COMPARE(m_paper->orders().size(), std::size_t(1));
    QCOMPARE(m_paper->orders()[0].side, Trading::Side::Buy);
    QCOMPARE(m_paper->orders()[0].quantity, 10.0);
    // The next record fills it at its open; the docks, the account line and the chart follow.
    feed(minutes("AAPL", m_minute++, {101}));
    QTRY_COMPARE(m_desk->account().quantity(u"AAPL"_s), 10.0);
    auto *positions = child<QTableView>(u"positionView"_s);
    QTRY_COMPARE(positions->model()->rowCount(), 1);
    QCOMPARE(positions->model()->index(0, Gui::PositionModel::Quantity).data().toString(), u"10"_s);
    QCOMPARE(positions->model()->index(0, Gui::PositionModel::AveragePrice).data().toString(), u"101.00"_s);
    auto *trades = child<QTableView>(u"tradeView"_s);
    QTRY_COMPARE(trades->model()->rowCount(), 1);
    QCOMPARE(trades->model()->index(0, Gui::TradeModel::Fee).data().toString(), u"1.00"_s);
    QTRY_VERIFY(child<QLabel>(u"statusAccount"_s)->text().contains(u"98,989.00"_s)); // 100,000 - 1,010 - 1
    QTRY_COMPARE(child<QLabel>(u"ticketOutcome"_s)->text().endsWith(u"filled"_s), true);
    m_window->refreshCharts();
    QTRY_VERIFY([&] {
        m_window->refreshCharts();
        return chart->fillMarkerCount() == 1;
    }());
    // Held now: the ticket's Sell sells (not short), and the position closes from its menu.
    QCOMPARE(ticket->order(false).side, Trading::Side::Sell);
    m_window->closePosition(u"AAPL"_s);
    QTRY_COMPARE(m_paper->orders().size(), std::size_t(2));
    feed(minutes("AAPL", m_minute++, {102}));
    QTRY_COMPARE(positions->model()->rowCount(), 0);
    QTRY_COMPARE(trades->model()->rowCount(), 2);
    QCOMPARE(trades->model()->index(0, Gui::TradeModel::Realized).data().toString(), u"+10.00"_s);
}

void TestTradingWindow::aChartSellsAtAPriceAndTheOrderIsChangedThenCancelled()
{
    Gui::SymbolChart *chart = aaplChart();
    QVERIFY(chart->findChild<QToolButton *>(u"chartBuy"_s)->isVisible());
    // "Sell at 100.9…" from a right-click above the last price (100): a sell there waits as a limit.
    QMenu menu;
    const QPoint at = chart->pricePane()->viewport()->mapToGlobal(chart->pricePanePoint(minuteAt(5), 100.9));
    chart->addChartActions(&menu, at);
    QAction *sellAt = action(menu, u"Sell at"_s);
    QVERIFY(sellAt);
    sellAt->trigger();
    Gui::OrderTicket *ticket = m_window->orderTicket();
    const Trading::Order seeded = ticket->order(false);
    QCOMPARE(seeded.type, Trading::OrderType::Limit);
    QVERIFY(std::abs(seeded.limitPrice - 100.9) < 0.06);
    ticket->submit();
    QTRY_COMPARE(m_paper->workingOrders().size(), std::size_t(1));
    const Trading::Order working = m_paper->workingOrders()[0];
    QCOMPARE(working.side, Trading::Side::SellShort);
    auto *orders = child<QTableView>(u"orderView"_s);
    QTRY_COMPARE(orders->model()->rowCount(), 1);
    // On the chart: a line at its price, whose menu changes or cancels it.
    QTRY_COMPARE(chart->orderLines().size(), std::size_t(1));
    QCOMPARE(chart->orderLines()[0].price, working.limitPrice);
    QCOMPARE(chart->orderLines()[0].buy, false);
    QMenu onLine;
    chart->addChartActions(
        &onLine, chart->pricePane()->viewport()->mapToGlobal(chart->pricePanePoint(minuteAt(5), working.limitPrice)));
    QVERIFY(action(onLine, u"Change order #%1"_s.arg(working.id)));
    QVERIFY(action(onLine, u"Cancel order #%1"_s.arg(working.id)));

    // Changed from the Orders dock (its tab clicked): double-click brings it into the ticket, Enter stores the change.
    child<QDockWidget>(u"orderDock"_s)->raise();
    QTRY_VERIFY(orders->isVisible());
    const QPoint row = orders->visualRect(orders->model()->index(0, Gui::OrderModel::Symbol)).center();
    QTest::mouseClick(orders->viewport(), Qt::LeftButton, {}, row);
    QTest::mouseDClick(orders->viewport(), Qt::LeftButton, {}, row);
    QCOMPARE(ticket->editedOrder(), working.id);
    auto *quantity = child<QDoubleSpinBox>(u"ticketQuantity"_s);
    quantity->setValue(7);
    child<QDoubleSpinBox>(u"ticketPrice"_s)->setValue(104);
    ticket->submit();
    QTRY_COMPARE(m_paper->order(working.id)->quantity, 7.0);
    QCOMPARE(m_paper->order(working.id)->limitPrice, 104.0);
    QTRY_COMPARE(orders->model()->index(0, Gui::OrderModel::Quantity).data().toString(), u"7"_s);

    // Cancelled with the dock's button: gone from the working list, kept under "All orders".
    orders->selectRow(0);
    QVERIFY(orders->currentIndex().isValid());
    child<QToolButton>(u"cancelOrder"_s)->click();
    QTRY_COMPARE(m_paper->order(working.id)->status, Trading::OrderStatus::Cancelled);
    QTRY_COMPARE(orders->model()->rowCount(), 0);
    QTRY_VERIFY(chart->orderLines().empty());
    child<QCheckBox>(u"showAllOrders"_s)->setChecked(true);
    QTRY_COMPARE(orders->model()->rowCount(), 1);
    QCOMPARE(orders->model()->index(0, Gui::OrderModel::Status).data().toString(), u"cancelled"_s);
}

void TestTradingWindow::enterTrades()
{
    auto db = Storage::SqliteDatabase::open(m_path);
    QVERIFY(db);
    const QDate today = QDate::currentDate();
    const auto at = [&](int daysAgo) {
        return QDateTime(today.addDays(-daysAgo), QTime(15, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
    };
    const struct
    {
        const char *symbol;
        Trading::Side side;
        double quantity, price;
        int daysAgo;
    } trades[] = {{"MSFT", Trading::Side::Buy, 10, 240, 5},
                  {"MSFT", Trading::Side::Sell, 10, 246, 4},
                  {"GOOGL", Trading::Side::Buy, 20, 150, 3},
                  {"GOOGL", Trading::Side::Sell, 20, 148, 2},
                  {"GOOG", Trading::Side::Buy, 1, 100, 2}};
    for (const auto &t : trades) {
        Trading::Fill f;
        f.symbol = QString::fromLatin1(t.symbol);
        f.side = t.side;
        f.quantity = t.quantity;
        f.price = t.price;
        f.time = at(t.daysAgo);
        QVERIFY(Storage::TradeStore::add(**db, f, u"by hand"_s, at(0)));
    }
    QVERIFY(m_desk->reloadAccount(m_path));
}

void TestTradingWindow::theBlotterFiltersAndExports()
{
    enterTrades();
    auto *trades = child<QTableView>(u"tradeView"_s);
    QTRY_COMPARE(trades->model()->rowCount(), 5);
    // A symbol's beginning filters: GOOG matches GOOG and GOOGL.
    child<QLineEdit>(u"tradeSymbolFilter"_s)->setText(u"goog"_s);
    QTRY_COMPARE(trades->model()->rowCount(), 3);
    QTRY_COMPARE(child<QLabel>(u"tradeCount"_s)->text(), u"3 trades"_s);
    // Days from and to, both included.
    child<QDateEdit>(u"tradeFrom"_s)->setDate(QDate::currentDate().addDays(-2));
    QTRY_COMPARE(trades->model()->rowCount(), 2);
    child<QLineEdit>(u"tradeSymbolFilter"_s)->clear();
    child<QDateEdit>(u"tradeTo"_s)->setDate(QDate::currentDate().addDays(-2));
    QTRY_COMPARE(trades->model()->rowCount(), 2); // GOOGL's sell and GOOG's buy, two days ago
    const QStringList realized{trades->model()->index(0, Gui::TradeModel::Realized).data().toString(),
                               trades->model()->index(1, Gui::TradeModel::Realized).data().toString()};
    QVERIFY2(realized.contains(u"-40.00"_s), qPrintable(realized.join(u'|')));

    // Exported as filtered, oldest first, with what each realized.
    const QString path = m_dir.filePath(u"blotter.csv"_s);
    QSignalSpy exported(m_paper.get(), &Trading::PaperManager::exported);
    m_paper->exportTrades(
        Trading::TradeQuery{QString(), QDate::currentDate().addDays(-2), QDate::currentDate().addDays(-2)}, path);
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported[0][0].toLongLong(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, the empty piece after the last line break
    QVERIFY(lines[0].startsWith("id,time_utc"));
    QVERIFY2(lines[1].contains(",GOOGL,sell,20,148,0,-40,"), lines[1].constData());
}

void TestTradingWindow::theCalendarShowsEachDaysPnl()
{
    enterTrades();
    m_window->showPnlCalendar();
    Gui::PnlCalendar *calendar = m_window->pnlCalendar();
    QVERIFY(calendar);
    const QDate win = QDate::currentDate().addDays(-4), loss = QDate::currentDate().addDays(-2);
    QTRY_VERIFY(calendar->month()->day(win) != nullptr);
    QCOMPARE(calendar->month()->day(win)->net(), 60.0);
    QCOMPARE(calendar->month()->day(loss)->net(), -40.0);
    QCOMPARE(calendar->month()->day(loss)->trades, 2);
    QCOMPARE(calendar->month()->day(QDate::currentDate().addDays(-1)), nullptr);
    calendar->month()->setSelectedDate(loss);
    QVERIFY2(calendar->summary().contains(u"net -40.00"_s), qPrintable(calendar->summary()));
    QVERIFY2(calendar->summary().contains(u"cumulative +20.00"_s), qPrintable(calendar->summary()));
    // A new trade shows at once while the calendar is open.
    Trading::Order buy;
    buy.symbol = u"MSFT"_s;
    buy.quantity = 1;
    m_paper->place(buy);
    QTRY_COMPARE(m_paper->workingOrders().size(), std::size_t(1));
    Model::RecordBatch now = minutes("MSFT", 0, {251});
    std::get<Model::Tick>(now[0]).timestamp = (QDateTime::currentMSecsSinceEpoch() + 1000) * 1000;
    feed(now);
    // Today in the session's zone: UTC's date, or the day before it west of Greenwich.
    QTRY_VERIFY(calendar->month()->day(QDate::currentDate()) != nullptr ||
                calendar->month()->day(QDate::currentDate().addDays(-1)) != nullptr);
}

void TestTradingWindow::signalsThatTradeAreChosenInADialog()
{
    m_window->editAutoTrades();
    Gui::AutoTradeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<Gui::AutoTradeDialog *>()) != nullptr);
    dialog->findChild<QPushButton *>(u"addAutoTrade"_s)->click();
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), 1);
    // No amount: refused with the row named, the dialog stays.
    qobject_cast<QDoubleSpinBox *>(table->cellWidget(0, 3))->setValue(0);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"autoTradeProblem"_s)->text().startsWith(u"Row 1:"_s));
    // Cash's worth of MA crosses, at most 30 shares.
    auto *source = qobject_cast<QComboBox *>(table->cellWidget(0, 1));
    source->setCurrentIndex(source->findData(u"ma_cross"_s));
    auto *buyBy = qobject_cast<QComboBox *>(table->cellWidget(0, 2));
    buyBy->setCurrentIndex(1);
    qobject_cast<QDoubleSpinBox *>(table->cellWidget(0, 3))->setValue(2500);
    qobject_cast<QDoubleSpinBox *>(table->cellWidget(0, 4))->setValue(30);
    QSignalSpy saved(m_paper.get(), &Trading::PaperManager::autoTradesSaved);
    dialog->accept();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(m_desk->autoTrades().size(), std::size_t(1));
    const Trading::AutoTrade entry = m_desk->autoTrades()[0];
    QCOMPARE(entry.source, u"ma_cross"_s);
    QCOMPARE(entry.buyCash, 2500.0);
    QCOMPARE(entry.buyShares, 0.0);
    QCOMPARE(entry.maxPosition, 30.0);
    // Stored: a desk started again trades on it, and the dialog opens with it.
    Trading::PaperDesk again;
    QVERIFY(again.load(m_path));
    QCOMPARE(again.autoTrades(), m_desk->autoTrades());
    m_window->editAutoTrades();
    QTRY_COMPARE(m_window->findChildren<Gui::AutoTradeDialog *>().size(), 1);
    QCOMPARE(m_window->findChild<Gui::AutoTradeDialog *>()->table()->rowCount(), 1);
}

QTEST_MAIN(TestTradingWindow)
#include "tst_tradingwindow.moc"
