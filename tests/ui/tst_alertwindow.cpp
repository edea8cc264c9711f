// SPDX-License-Identifier: MIT
// Alerts in the window as a trader makes them: from a right-click on a chart, a line drawn and dragged, the
// dialog that refuses a wrong one, and the Alerts dock; what is made is stored, evaluated and kept.
#include "PipelineFeed.h"
#include "alerts/AlertBook.h"
#include "alerts/AlertManager.h"
#include "charts/SymbolChart.h"
#include "dialogs/AlertDialog.h"
#include "ingest/IngestCounters.h"
#include "mainwindow/MainWindow.h"
#include "models/AlertModel.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/AlertStore.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Start = 1'795'910'400'000'000LL + 14 * 3'600'000'000LL; // 14:00 UTC
constexpr Model::TimestampUs Minute = 60'000'000LL;

/// One record a minute from `from`, at these closes.
Model::RecordBatch minutes(const char *symbol, int from, std::initializer_list<double> closes)
{
    Model::RecordBatch batch;
    int m = from;
    for (const double close : closes) {
        Model::Tick t;
        Model::Symbol::parse(symbol, t.symbol);
        t.open = t.high = t.low = t.close = close;
        t.volume = 100;
        t.timestamp = Start + m++ * Minute;
        batch.emplace_back(t);
    }
    return batch;
}

/// The action of `menu` (or its submenus) whose text starts with `text`.
QAction *action(QMenu &menu, const QString &text)
{
    for (QAction *a : menu.actions()) {
        if (a->text().startsWith(text))
            return a;
        if (a->menu())
            if (QAction *inner = action(*a->menu(), text))
                return inner;
    }
    return nullptr;
}

} // namespace

class TestAlertWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aRightClickOnAChartAddsAnAlertThatFires();
    void aDrawnLineCarriesItsAlertWhereverItIsDragged();
    void trendLinesAndBoxesArePlacedWithTwoClicks();
    void anAlertDeletedElsewhereLeavesItsLine();
    void theDialogRefusesAWrongAlertWithTheReason();
    void theDockDisablesAndDeletes();

private:
    void startDesk();
    void stopDesk();
    void feed(const Model::RecordBatch &batch);
    /// A chart tab of AAPL with ten minutes of bars around 100.
    Gui::SymbolChart *aaplChart();
    /// What a right-click at a time and price of the chart's price pane offers.
    std::unique_ptr<QMenu> menuAt(Gui::SymbolChart *chart, Model::TimestampUs time, double price);
    /// Accepts the alert dialog that is open.
    void acceptDialog();
    const std::vector<Alerts::AlertRow> &alerts() const { return m_manager->rows(); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Core::Settings> m_settings;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Alerts::AlertBook> m_book;
    std::unique_ptr<Alerts::AlertManager> m_manager;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    Ingest::IngestCounters m_counters;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestAlertWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_alertwindow"_s);
    qRegisterMetaType<Model::SignalList>();
}

void TestAlertWindow::init()
{
    QSettings().clear();
    static int run = 0;
    m_path = m_dir.filePath(u"alerts%1.sqlite"_s.arg(++run));
    m_settings = std::make_unique<Core::Settings>(m_dir.filePath(u"settings%1.ini"_s.arg(run)));
    startDesk();
}

void TestAlertWindow::cleanup()
{
    stopDesk();
}

void TestAlertWindow::startDesk()
{
    auto writer = Storage::StorageWriter::open({m_path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<Pipeline::LiveFeed>();
    Pipeline::PipelineOptions options;
    options.shards = 2;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer, m_feed.get());
    QVERIFY(m_pipeline->warmStart(m_path));
    m_book = std::make_unique<Alerts::AlertBook>();
    QVERIFY(m_book->reload(m_path));
    m_pipeline->setAlertBook(m_book.get());
    m_manager = std::make_unique<Alerts::AlertManager>(m_path, m_book.get());
    m_pipeline->start();
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr, m_settings.get()};
    sources.alerts = m_manager.get();
    m_window = std::make_unique<Gui::MainWindow>(std::move(sources));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAlertWindow::stopDesk()
{
    m_window.reset();
    m_pipeline->stop();
    m_writer->stop();
    m_manager.reset();
    m_pipeline.reset();
    m_writer.reset();
}

void TestAlertWindow::feed(const Model::RecordBatch &batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, Model::RecordBatch(batch)));
    m_window->pollFeed();
    m_window->refreshWatchlist();
}

Gui::SymbolChart *TestAlertWindow::aaplChart()
{
    feed(minutes("AAPL", 0, {100, 100.5, 99.5, 100.2, 101, 100.4, 99.8, 100.1, 100.6, 100.3}));
    Gui::SymbolChart *chart = m_window->openChart(u"AAPL"_s, Bars::Timeframe::minutes(1));
    if (!QTest::qWaitFor([chart] { return chart->candleCount() >= 9; }))
        qWarning("the chart did not draw its bars");
    m_window->refreshCharts();
    return chart;
}

std::unique_ptr<QMenu> TestAlertWindow::menuAt(Gui::SymbolChart *chart, Model::TimestampUs time, double price)
{
    auto menu = std::make_unique<QMenu>();
    const QPoint at = chart->pricePane()->viewport()->mapToGlobal(chart->pricePanePoint(time, price));
    chart->addChartActions(menu.get(), at);
    return menu;
}

void TestAlertWindow::acceptDialog()
{
    Gui::AlertDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<Gui::AlertDialog *>()) != nullptr);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    dialog->accept();
}

void TestAlertWindow::aRightClickOnAChartAddsAnAlertThatFires()
{
    Gui::SymbolChart *chart = aaplChart();
    auto menu = menuAt(chart, Start + 5 * Minute, 100.8);
    QAction *add = action(*menu, u"Add alert at 100.8"_s);
    QVERIFY2(add, "the menu offers an alert at the price under the mouse");
    add->trigger();
    Gui::AlertDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<Gui::AlertDialog *>()) != nullptr);
    const Alerts::Definition seed = dialog->alert();
    QCOMPARE(seed.symbols, QStringList{u"AAPL"_s});
    QCOMPARE(seed.timeframe, Bars::Timeframe::minutes(1));
    QCOMPARE(seed.left, Alerts::Operand::of(Alerts::Field::Price));
    QCOMPARE(seed.op, Alerts::Operator::Crossing);
    QCOMPARE(seed.right.value, 100.8);
    dialog->accept();
    QTRY_COMPARE(alerts().size(), std::size_t(1));
    auto *view = m_window->findChild<QTableView *>(u"alertView"_s);
    QVERIFY(view);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, Gui::AlertModel::Condition).data().toString(), u"price crossing 100.8 on 1m"_s);
    QCOMPARE(view->model()->index(0, Gui::AlertModel::Status).data().toString(), u"active"_s);

    // The engine has it: the price crosses 100.8, the alert fires once, and the dock says so.
    feed(minutes("AAPL", 10, {100.5, 101.2, 100.1, 101.5}));
    QTRY_COMPARE(view->model()->index(0, Gui::AlertModel::Status).data().toString(), u"fired"_s);
    QCOMPARE(view->model()->index(0, Gui::AlertModel::Fires).data().toString(), u"1"_s);
    QVERIFY(!view->model()->index(0, Gui::AlertModel::LastFired).data().toString().isEmpty());
}

void TestAlertWindow::aDrawnLineCarriesItsAlertWhereverItIsDragged()
{
    Gui::SymbolChart *chart = aaplChart();
    action(*menuAt(chart, Start + 4 * Minute, 100.9), u"Horizontal line at 100.9"_s)->trigger();
    QTRY_COMPARE(chart->drawings().size(), std::size_t(1));
    Alerts::Drawing line = chart->drawings().front();
    QCOMPARE(line.kind, Alerts::Drawing::Kind::Horizontal);
    QCOMPARE(line.price1, 100.9);
    QVERIFY(line.id > 0);

    // An alert on the line: the dialog keeps the line as its level.
    action(*menuAt(chart, Start + 6 * Minute, 100.9), u"Alert when the price crosses this line"_s)->trigger();
    acceptDialog();
    QTRY_VERIFY(chart->drawings().front().alertId > 0);
    QTRY_COMPARE(alerts().size(), std::size_t(1));
    QCOMPARE(alerts().front().stored.alert.right, Alerts::Operand::constant(100.9));

    // Dragged down with the mouse to about 99.9: the line and its alert move there together.
    QWidget *pane = chart->pricePane()->viewport();
    const QPoint from = chart->pricePanePoint(Start + 6 * Minute, 100.9);
    const QPoint to = chart->pricePanePoint(Start + 6 * Minute, 99.9);
    QTest::mousePress(pane, Qt::LeftButton, {}, from);
    QTest::mouseMove(pane, (from + to) / 2);
    QTest::mouseMove(pane, to);
    QTest::mouseRelease(pane, Qt::LeftButton, {}, to);
    QTRY_VERIFY(std::abs(chart->drawings().front().price1 - 99.9) < 0.06);
    const double moved = chart->drawings().front().price1;
    QTRY_COMPARE(alerts().front().stored.alert.right, Alerts::Operand::constant(moved));

    // The engine follows the line: the price crossing its new level fires it.
    feed(minutes("AAPL", 10, {moved + 0.5, moved - 0.5}));
    QTRY_COMPARE(alerts().front().count, 1);

    // After a restart the line is there with its alert.
    m_window->openChart(u"MSFT"_s); // the AAPL tab is kept with the others
    stopDesk();
    startDesk();
    Gui::SymbolChart *again = m_window->openChart(u"AAPL"_s, Bars::Timeframe::minutes(5));
    QTRY_COMPARE(again->drawings().size(), std::size_t(1));
    QCOMPARE(again->drawings().front().price1, moved);
    QVERIFY(again->drawings().front().alertId > 0);

    // Deleting the line deletes its alert.
    again->setFocus();
    action(*menuAt(again, Start + 6 * Minute, moved), u"Delete the drawing and its alert"_s)->trigger();
    QTRY_VERIFY(again->drawings().empty());
    QTRY_VERIFY(alerts().empty());
}

void TestAlertWindow::trendLinesAndBoxesArePlacedWithTwoClicks()
{
    Gui::SymbolChart *chart = aaplChart();
    QWidget *pane = chart->pricePane()->viewport();
    chart->startDrawing(Alerts::Drawing::Kind::Trend);
    QVERIFY(chart->isDrawing());
    QTest::mouseClick(pane, Qt::LeftButton, {}, chart->pricePanePoint(Start + 2 * Minute, 99.5));
    QTest::mouseMove(pane, chart->pricePanePoint(Start + 5 * Minute, 100.2));
    QTest::mouseClick(pane, Qt::LeftButton, {}, chart->pricePanePoint(Start + 8 * Minute, 100.6));
    QVERIFY(!chart->isDrawing());
    QTRY_COMPARE(chart->drawings().size(), std::size_t(1));
    const Alerts::Drawing trend = chart->drawings().front();
    QCOMPARE(trend.kind, Alerts::Drawing::Kind::Trend);
    // Its points stand at the bars clicked on.
    QCOMPARE(trend.time1, Start + 2 * Minute);
    QCOMPARE(trend.time2, Start + 8 * Minute);
    QVERIFY(std::abs(trend.price1 - 99.5) < 0.06);
    QVERIFY(std::abs(trend.price2 - 100.6) < 0.06);

    // Esc gives a box up half-way; a whole one is kept.
    chart->startDrawing(Alerts::Drawing::Kind::Rectangle);
    QTest::mouseClick(pane, Qt::LeftButton, {}, chart->pricePanePoint(Start + 1 * Minute, 100.5));
    QTest::keyClick(chart, Qt::Key_Escape);
    QVERIFY(!chart->isDrawing());
    chart->startDrawing(Alerts::Drawing::Kind::Rectangle);
    QTest::mouseClick(pane, Qt::LeftButton, {}, chart->pricePanePoint(Start + 1 * Minute, 100.5));
    QTest::mouseClick(pane, Qt::LeftButton, {}, chart->pricePanePoint(Start + 3 * Minute, 99.8));
    QTRY_COMPARE(chart->drawings().size(), std::size_t(2));
    QCOMPARE(chart->drawings().back().kind, Alerts::Drawing::Kind::Rectangle);

    // A selected drawing goes with Delete.
    QTest::mouseClick(pane, Qt::LeftButton, {},
                      chart->pricePanePoint(Start + 5 * Minute, trend.priceAt(Start + 5 * Minute)));
    QCOMPARE(chart->selectedDrawing(), std::optional(trend.id));
    QTest::keyClick(chart, Qt::Key_Delete);
    QTRY_COMPARE(chart->drawings().size(), std::size_t(1));

    // Drawings belong to their symbol: another symbol's chart has none; the same symbol's 5m chart has the box.
    feed(minutes("MSFT", 0, {50, 51}));
    Gui::SymbolChart *msft = m_window->openChart(u"MSFT"_s);
    m_window->refreshCharts();
    QVERIFY(msft->drawings().empty());
    chart->setTimeframe(Bars::Timeframe::minutes(5));
    QCOMPARE(chart->drawings().size(), std::size_t(1));
}

void TestAlertWindow::anAlertDeletedElsewhereLeavesItsLine()
{
    Gui::SymbolChart *chart = aaplChart();
    action(*menuAt(chart, Start + 4 * Minute, 100.9), u"Horizontal line at 100.9"_s)->trigger();
    QTRY_COMPARE(chart->drawings().size(), std::size_t(1));
    action(*menuAt(chart, Start + 6 * Minute, 100.9), u"Alert when the price crosses this line"_s)->trigger();
    acceptDialog();
    QTRY_VERIFY(chart->drawings().front().alertId > 0);
    // Deleted through the REST API (as it does: then it tells the manager): the line stays, without its alert.
    {
        auto db = Storage::SqliteDatabase::open(m_path);
        QVERIFY(db);
        QVERIFY(*Storage::AlertStore::remove(**db, chart->drawings().front().alertId));
    }
    m_manager->changedElsewhere();
    QTRY_VERIFY((m_window->refreshCharts(), !chart->drawings().empty() && chart->drawings().front().alertId == 0));
    QTRY_VERIFY(alerts().empty());
}

void TestAlertWindow::theDialogRefusesAWrongAlertWithTheReason()
{
    Alerts::Definition alert;
    alert.symbols = QStringList{u"AAPL"_s};
    alert.op = Alerts::Operator::MovingUpPercent;
    alert.right = Alerts::Operand::constant(0);
    Gui::AlertDialog dialog(alert);
    QVERIFY(dialog.problem().contains(u"how far it must move"_s));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open: nothing taken

    alert.op = Alerts::Operator::CrossingUp;
    alert.symbols = QStringList{u"NOT A SYMBOL"_s};
    Gui::AlertDialog badSymbol(alert);
    QVERIFY2(badSymbol.problem().startsWith(u"symbols:"_s), qPrintable(badSymbol.problem()));

    alert.symbols = QStringList{u"*"_s};
    alert.left = Alerts::Operand::of(Alerts::Indicator::Rsi, 14);
    alert.right = Alerts::Operand::constant(70);
    Gui::AlertDialog good(alert);
    QVERIFY(good.problem().isEmpty());
    QVERIFY(good.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(good.alert().left, alert.left);

    // Turned into a channel alert, it starts around the level it had, not at [0, 0].
    auto *op = good.findChild<QComboBox *>(u"alertOperator"_s);
    op->setCurrentIndex(op->findData(int(Alerts::Operator::ExitingChannel)));
    QVERIFY(good.alert().channel);
    QCOMPARE(good.alert().channel->first.value, 70 - 1.4);
    QCOMPARE(good.alert().channel->second.value, 70 + 1.4);
    QVERIFY(good.problem().isEmpty());
}

void TestAlertWindow::theDockDisablesAndDeletes()
{
    Alerts::Definition alert;
    alert.name = u"TSLA over 300"_s;
    alert.symbols = QStringList{u"TSLA"_s};
    alert.left = Alerts::Operand::of(Alerts::Field::Price);
    alert.op = Alerts::Operator::GreaterThan;
    alert.right = Alerts::Operand::constant(300);
    alert.trigger = Alerts::Trigger::EveryTime;
    m_window->editAlert(alert);
    acceptDialog();
    auto *view = m_window->findChild<QTableView *>(u"alertView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->index(0, Gui::AlertModel::Name).data().toString(), u"TSLA over 300"_s);

    // Unchecked: disabled, stored so, and the engine leaves it alone.
    QVERIFY(model->setData(model->index(0, Gui::AlertModel::Name), Qt::Unchecked, Qt::CheckStateRole));
    QTRY_COMPARE(model->index(0, Gui::AlertModel::Status).data().toString(), u"disabled"_s);
    feed(minutes("TSLA", 0, {301, 302}));
    QCOMPARE(alerts().front().count, 0);

    view->selectRow(0);
    m_window->findChild<QToolButton *>(u"deleteAlert"_s)->click();
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

QTEST_MAIN(TestAlertWindow)
#include "tst_alertwindow.moc"
