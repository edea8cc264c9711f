// SPDX-License-Identifier: MIT
#include "PipelineFeed.h"
#include "SmtpServer.h"
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "dialogs/NotificationsPage.h"
#include "dialogs/SettingsDialog.h"
#include "ingest/IngestCounters.h"
#include "io/Import.h"
#include "mainwindow/ChartWindow.h"
#include "mainwindow/MainWindow.h"
#include "models/SignalModel.h"
#include "nats/NatsPublisher.h"
#include "nats/NatsTerminal.h"

#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/StorageWriter.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// Ticks for `symbols`, flat for 30 bars then up 5 %: one price_move alert each; then a slide for rsi_trend buys.
Model::RecordBatch market(const QStringList &symbols)
{
    Model::RecordBatch batch;
    for (int i = 0; i < 80; ++i) {
        for (const QString &name : symbols) {
            Model::Tick t;
            Model::Symbol::fromString(name, t.symbol);
            const double price = i < 30 ? 100.0 : (i < 40 ? 105.0 : 105.0 * std::pow(0.99, i - 40));
            t.open = t.close = price;
            t.high = price * 1.001;
            t.low = price * 0.999;
            t.volume = 100 + i;
            t.timestamp = 1'700'000'000'000'000LL + i * 1'000'000LL;
            batch.emplace_back(t);
        }
    }
    return batch;
}

QString hookHash(const QString &url)
{
    return QString::fromLatin1(QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex().left(6));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensAndFillsWatchlist();
    void watchlistFilter();
    void signalAppearsWithMarkerAndFocusesChart();
    void signalFilters();
    void layoutIsRestored();
    void webMonitorOpensInTheBrowser();
    void natsStatusInTheStatusBar();
    void windowOnTheNodesFeed();
    void workspacesSaveAndBringBackCharts();
    void exportWhatTheFilterShows();
    void importFeedsChartsAndReportsBadRows();
    void exportTicksOfASymbol();
    void deliveryStateInTheSignalTable();
    void testEmailFromTheSettings();
    void storedPasswordFillsTheSettingsLater();
    void settingsRoundTrip();
    void invalidSettingsRefused_data();
    void invalidSettingsRefused();

private:
    void feed(const Model::RecordBatch &batch);

    QTemporaryDir m_dir;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    Ingest::IngestCounters m_counters;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    qRegisterMetaType<Model::SignalList>();
}

void TestMainWindow::init()
{
    QSettings().clear();
    static int run = 0;
    auto writer = Storage::StorageWriter::open({m_dir.filePath(u"ui%1.sqlite"_s.arg(++run))});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<Pipeline::LiveFeed>();
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 2;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer, m_feed.get());
    m_pipeline->start();
    m_window = std::make_unique<Gui::MainWindow>(
        Gui::Sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_pipeline->stop();
    m_writer->stop();
    m_pipeline.reset();
    m_writer.reset();
}

void TestMainWindow::feed(const Model::RecordBatch &batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, Model::RecordBatch(batch)));
}

void TestMainWindow::opensAndFillsWatchlist()
{
    QCOMPARE(m_window->windowTitle(), u"TickDesk"_s);
    auto *view = m_window->findChild<QTableView *>(u"watchlistView"_s);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 0);
    feed(market({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}));
    QTRY_COMPARE(view->model()->rowCount(), 3);
    QCOMPARE(view->model()->index(0, 0).data().toString(), u"AAPL"_s);
    // The grid draws candles for the first symbols.
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    QVERIFY(tabs);
    QTRY_VERIFY(!m_window->findChildren<Gui::SymbolChart *>().isEmpty());
    const auto charts = m_window->findChildren<Gui::SymbolChart *>();
    QTRY_VERIFY(std::any_of(charts.begin(), charts.end(), [](auto *c) { return c->candleCount() > 0; }));
    auto *status = m_window->findChild<QLabel *>(u"statusAddress"_s);
    QVERIFY(status && status->text().contains(u"127.0.0.1:5000"_s));
}

void TestMainWindow::watchlistFilter()
{
    feed(market({u"AAPL"_s, u"AMZN"_s, u"MSFT"_s}));
    auto *view = m_window->findChild<QTableView *>(u"watchlistView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 3);
    auto *filter = m_window->findChild<QLineEdit *>(u"watchlistFilter"_s);
    QVERIFY(filter);
    QTest::keyClicks(filter, u"am"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), u"AMZN"_s);
    filter->clear();
    QCOMPARE(view->model()->rowCount(), 3);
}

void TestMainWindow::signalAppearsWithMarkerAndFocusesChart()
{
    feed(market({u"NVDA"_s}));
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QVERIFY(signalView);
    QTRY_VERIFY(signalView->model()->rowCount() >= 2);
    // Selecting a signal opens its symbol's chart, which carries the markers.
    signalView->setCurrentIndex(signalView->model()->index(0, 1));
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), u"NVDA 1m"_s);
    auto *chart = qobject_cast<Gui::SymbolChart *>(tabs->currentWidget());
    QVERIFY(chart);
    QTRY_VERIFY(chart->candleCount() > 0);
    QTRY_VERIFY(chart->markerCount() > 0);
    // ... at that bar: the signal's time is marked on its chart.
    const auto signalTime = signalView->model()->index(0, 0).data().toString();
    QVERIFY(chart->focusedTime() > 0);
    QCOMPARE(Gui::formatTime(chart->focusedTime(), false), signalTime);
}

void TestMainWindow::signalFilters()
{
    feed(market({u"AAPL"_s, u"MSFT"_s}));
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QTRY_VERIFY(signalView->model()->rowCount() >= 4);
    // Every stored signal in the panel before counting: they arrive a frame at a time.
    QTRY_COMPARE(std::uint64_t(signalView->model()->rowCount()), m_writer->stats().storedSignals.load());
    const int all = signalView->model()->rowCount();
    auto *symbol = m_window->findChild<QLineEdit *>(u"signalSymbolFilter"_s);
    QTest::keyClicks(symbol, u"MSFT"_s);
    QVERIFY(signalView->model()->rowCount() > 0 && signalView->model()->rowCount() < all);
    for (int r = 0; r < signalView->model()->rowCount(); ++r)
        QCOMPARE(signalView->model()->index(r, 1).data().toString(), u"MSFT"_s);
    auto *side = m_window->findChild<QComboBox *>(u"signalSideFilter"_s);
    side->setCurrentIndex(side->findData(u"alert"_s));
    for (int r = 0; r < signalView->model()->rowCount(); ++r)
        QCOMPARE(signalView->model()->index(r, 2).data().toString(), u"alert"_s);
    auto *rule = m_window->findChild<QComboBox *>(u"signalRuleFilter"_s);
    rule->setCurrentIndex(rule->findData(u"ma_cross"_s));
    QCOMPARE(signalView->model()->rowCount(), 0);
}

void TestMainWindow::layoutIsRestored()
{
    auto *events = m_window->findChild<QDockWidget *>(u"eventDock"_s);
    auto *watch = m_window->findChild<QDockWidget *>(u"watchlistDock"_s);
    QVERIFY(events && watch);
    watch->hide();
    m_window->close(); // saves geometry and dock state
    m_window = std::make_unique<Gui::MainWindow>(
        Gui::Sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->findChild<QDockWidget *>(u"watchlistDock"_s)->isVisible());
    QVERIFY(m_window->findChild<QDockWidget *>(u"signalDock"_s)->isVisibleTo(m_window.get()));
}

/// Takes the URLs the window asks the desktop to open, instead of a browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

void TestMainWindow::webMonitorOpensInTheBrowser()
{
    // Not offered when there is none (the window of the tests above).
    QVERIFY(!m_window->findChild<QAction *>(u"webMonitorAction"_s));
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr};
    sources.webMonitor = QUrl(u"http://127.0.0.1:5000/"_s);
    m_window = std::make_unique<Gui::MainWindow>(sources);
    auto *action = m_window->findChild<QAction *>(u"webMonitorAction"_s);
    QVERIFY(action);
    QCOMPARE(action->toolTip(), u"http://127.0.0.1:5000/"_s);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"http"_s, &catcher, "open");
    action->trigger();
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl(u"http://127.0.0.1:5000/"_s)});
}

void TestMainWindow::natsStatusInTheStatusBar()
{
    QVERIFY(!m_window->findChild<QLabel *>(u"statusNats"_s)); // not publishing: no field
    // Nothing listens on port 1: the publisher keeps trying, and the window says NATS is away.
    Nats::NatsOptions options;
    options.url = u"nats://127.0.0.1:1"_s;
    options.databasePath = m_writer->path();
    Nats::NatsPublisher nats(options);
    QVERIFY(nats.start());
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr};
    sources.nats = &nats;
    m_window = std::make_unique<Gui::MainWindow>(sources);
    auto *label = m_window->findChild<QLabel *>(u"statusNats"_s);
    QVERIFY(label);
    QTRY_COMPARE(label->text(), u"NATS: away, 0 waiting"_s);
    QTRY_VERIFY(label->toolTip().contains(u"nats://127.0.0.1:1"_s));
    m_window.reset();
    nats.stop();
}

void TestMainWindow::windowOnTheNodesFeed()
{
    // A window on the nodes' feed (--source): no simulator to start, no ingest figures, the source and its state.
    Nats::TerminalOptions options;
    options.nats.url = u"nats://127.0.0.1:1"_s;
    options.nats.databasePath = m_writer->path();
    Nats::TerminalFeed::Sinks sinks;
    sinks.ticks = [](Model::RecordBatch &&) { return Ingest::RecordSink::Submit::Accepted; };
    sinks.store = [](std::vector<Model::TradeSignal> &&, std::vector<Trading::Fill> &&, Storage::WriteJob::Write,
                     Ingest::RecordSink::Done done) {
        done({});
        return Ingest::RecordSink::Submit::Accepted;
    };
    Nats::TerminalFeed terminal(options, sinks);
    QVERIFY(terminal.start());
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr};
    sources.terminal = &terminal;
    m_window = std::make_unique<Gui::MainWindow>(sources);
    m_window->show();
    QVERIFY(m_window->windowTitle().contains(u"nats://127.0.0.1:1"_s));
    auto *label = m_window->findChild<QLabel *>(u"statusNats"_s);
    QVERIFY(label);
    QTRY_COMPARE(label->text(), u"NATS: away"_s);
    QCOMPARE(m_window->findChild<QLabel *>(u"statusAddress"_s)->text(), u"Source nats://127.0.0.1:1"_s);
    QVERIFY(!m_window->findChild<QAction *>(u"runSimulator"_s)->isVisible());
    QVERIFY(!m_window->findChild<QAction *>(u"pauseSimulator"_s)->isVisible());
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        QVERIFY2(!menu->menuAction()->isVisible() || !menu->title().contains(u"Simulator"_s),
                 qPrintable(menu->title()));
    m_window.reset();
    terminal.stop();
}

void TestMainWindow::workspacesSaveAndBringBackCharts()
{
    feed(market({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}));
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    // "Morning": a 5-minute AAPL tab in candles, a detached daily MSFT window where it was put, a 2×2 grid.
    m_window->openChart(u"AAPL"_s, Bars::Timeframe::minutes(5));
    Gui::ChartWindow *window = m_window->detachChart(m_window->openChart(u"MSFT"_s, Bars::Timeframe::day()));
    QVERIFY(window);
    window->setGeometry(120, 140, 700, 420);
    m_window->grid()->setGridSize(2, 2);
    m_window->saveWorkspace(u"Morning"_s);
    QCOMPARE(m_window->workspaces(), QStringList{u"Morning"_s});

    // Other work: the windows closed, another tab, a 4×4 grid.
    window->close();
    QTRY_COMPARE(tabs->count(), 3);
    m_window->openChart(u"TSLA"_s, Bars::Timeframe::hours(1));
    m_window->grid()->setGridSize(4, 4);
    m_window->saveWorkspace(u"  Afternoon / late  "_s); // any name: kept trimmed
    QCOMPARE(m_window->workspaces(), (QStringList{u"Afternoon / late"_s, u"Morning"_s}));

    QVERIFY(m_window->loadWorkspace(u"Morning"_s));
    QCOMPARE(tabs->count(), 2); // the grid and AAPL 5m
    auto *aapl = qobject_cast<Gui::SymbolChart *>(tabs->widget(1));
    QVERIFY(aapl);
    QCOMPARE(aapl->key().id(), u"AAPL 5m"_s);
    QCOMPARE(m_window->grid()->rows(), 2);
    QCOMPARE(m_window->grid()->columns(), 2);
    auto windows = m_window->findChildren<Gui::ChartWindow *>();
    windows.removeIf([](const Gui::ChartWindow *w) { return !w->chart(); }); // the one closed, to be deleted
    QCOMPARE(windows.size(), 1);
    QCOMPARE(windows.front()->chart()->key().id(), u"MSFT 1D"_s);
    QCOMPARE(windows.front()->geometry().size(), QSize(700, 420));
    QTRY_VERIFY(aapl->candleCount() > 0 || !aapl->placeholder().isEmpty());

    // A name that is not there changes nothing; a blank name is refused; deleting forgets it.
    QVERIFY(!m_window->loadWorkspace(u"Evening"_s));
    QCOMPARE(tabs->count(), 2);
    QVERIFY(!Gui::MainWindow::workspaceNameProblem(u"   "_s).isEmpty());
    m_window->deleteWorkspace(u"Morning"_s);
    QCOMPARE(m_window->workspaces(), QStringList{u"Afternoon / late"_s});
    QVERIFY(m_window->loadWorkspace(u"Afternoon / late"_s));
    QCOMPARE(m_window->grid()->rows(), 4);
    QCOMPARE(tabs->count(), 4); // AAPL 5m, MSFT 1D (back in a tab when its window closed) and TSLA 1h
}

void TestMainWindow::exportWhatTheFilterShows()
{
    feed(market({u"AAPL"_s, u"MSFT"_s}));
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QTRY_VERIFY(signalView->model()->rowCount() >= 4);
    QTest::keyClicks(m_window->findChild<QLineEdit *>(u"signalSymbolFilter"_s), u"MSFT"_s);
    const int shown = signalView->model()->rowCount();
    QVERIFY(shown > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"panel.csv"_s);
    QSignalSpy finished(m_window.get(), &Gui::MainWindow::exportFinished);
    m_window->exportSignals(path);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(shown));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size() - 2, shown); // header, rows, and the empty piece after the last CRLF
    for (int i = 1; i <= shown; ++i)
        QVERIFY(lines[i].contains(",MSFT,"));
    // Oldest first, as the command line writes them (the panel shows newest first).
    QVERIFY(shown < 2 || lines[1].split(',').first().toLongLong() < lines[shown].split(',').first().toLongLong());
}

void TestMainWindow::importFeedsChartsAndReportsBadRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nvda.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Date,Open,High,Low,Close,Volume\n");
    for (int day = 1; day <= 28; ++day)
        file.write(QByteArray("2024-02-") + (day < 10 ? "0" : "") + QByteArray::number(day) + ",100,101,99," +
                   QByteArray::number(100 + day * 0.03) + ",1000\n");
    file.write("2024-03-01,100,99,101,100,1000\n"); // high below low: reported, left out
    file.close();
    QVERIFY(Io::importNeedsSymbol(path));
    QSignalSpy finished(m_window.get(), &Gui::MainWindow::importFinished);
    m_window->importFile(path, u"NVDA"_s);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QCOMPARE(finished.at(0).at(1).toLongLong(), 28);
    QCOMPARE(finished.at(0).at(2).toLongLong(), 1);
    m_window->pollFeed();
    m_window->refreshWatchlist();
    auto *view = m_window->findChild<QTableView *>(u"watchlistView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), u"NVDA"_s);
    QVERIFY(m_window->openChart(u"NVDA"_s)); // the history is on its chart

    // A file that cannot be imported says why and changes nothing.
    m_window->importFile(dir.filePath(u"missing.csv"_s), u"X"_s);
    QTRY_COMPARE(finished.count(), 2);
    QVERIFY(finished.at(1).at(0).toString().startsWith(u"cannot read"_s));
}

void TestMainWindow::exportTicksOfASymbol()
{
    feed(market({u"AAPL"_s, u"MSFT"_s}));
    QTemporaryDir dir;
    QSignalSpy finished(m_window.get(), &Gui::MainWindow::exportFinished);
    m_window->exportTicks(u"MSFT"_s, dir.filePath(u"msft.csv"_s));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QCOMPARE(finished.at(0).at(1).toLongLong(), 80);
}

void TestMainWindow::deliveryStateInTheSignalTable()
{
    Gui::SignalModel model;
    // A delivery may be reported before its signal reaches the table.
    model.setDelivery({{5, u"email"_s, Storage::Delivery::Pending, u"connection refused"_s},
                       {5, u"webhook:http://hooks.example.org/x"_s, Storage::Delivery::Delivered, {}}});
    Model::TradeSignal s;
    s.id = 5;
    Model::Symbol::parse("AAPL", s.symbol);
    s.rule = Model::SignalRule::RsiTrend;
    s.timeframe = u"5m"_s;
    model.add({s});
    // The rule with the bars it looked at.
    QCOMPARE(model.index(0, Gui::SignalModel::Rule).data().toString(), u"RSI with trend · 5m"_s);
    const QModelIndex cell = model.index(0, Gui::SignalModel::Delivery);
    // A webhook is named by its host; its path (often the hook's secret) is left out, a short hash tells hooks apart.
    const QString x = u"hooks.example.org/…"_s + hookHash(u"http://hooks.example.org/x"_s);
    const QString y = u"hooks.example.org:8080/…"_s + hookHash(u"http://hooks.example.org:8080/y"_s);
    QCOMPARE(cell.data().toString(), u"email: pending, "_s + x + u": delivered"_s);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"(connection refused)"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDelivery({{5, u"email"_s, Storage::Delivery::Delivered, {}}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell.data().toString(), u"email: delivered, "_s + x + u": delivered"_s);
    // Two webhooks on one host stay apart: one down is not hidden by the other.
    model.setDelivery({{5, u"webhook:http://hooks.example.org:8080/y"_s, Storage::Delivery::Pending, u"HTTP 503"_s}});
    QCOMPARE(cell.data().toString(), u"email: delivered, "_s + x + u": delivered, "_s + y + u": pending"_s);
}

void TestMainWindow::testEmailFromTheSettings()
{
    QTemporaryDir dir;
    const quint16 port = TestSmtp::freePort();
    Core::Settings settings(dir.filePath(u"mail.ini"_s));
    Gui::SettingsDialog dialog(settings);
    auto *page = dialog.notificationsPage();
    page->findChild<QLineEdit *>(u"smtpHost"_s)->setText(u"127.0.0.1"_s);
    page->findChild<QSpinBox *>(u"smtpPort"_s)->setValue(port);
    auto *security = page->findChild<QComboBox *>(u"smtpSecurity"_s);
    security->setCurrentIndex(security->findData(u"none"_s));
    page->findChild<QLineEdit *>(u"smtpFrom"_s)->setText(u"tickdesk@example.org"_s);
    page->findChild<QLineEdit *>(u"smtpRecipients"_s)->setText(u"trader@example.org"_s);
    QSignalSpy finished(page, &Gui::NotificationsPage::testFinished);

    // Nobody listening: the reason is shown, the window never waited.
    page->findChild<QPushButton *>(u"sendTestEmail"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QVERIFY(!finished.at(0).at(0).toString().isEmpty());
    QVERIFY(page->findChild<QLabel *>(u"testResult"_s)->text().startsWith(u"Not sent: "_s));

    TestSmtp::Server server(dir.path(), port);
    QVERIFY(server.waitReady());
    page->findChild<QPushButton *>(u"sendTestEmail"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30'000);
    QCOMPARE(finished.at(1).at(0).toString(), QString());
    QCOMPARE(page->findChild<QLabel *>(u"testResult"_s)->text(), u"Sent: the server accepted the test e-mail."_s);
    QTRY_COMPARE(server.messages().size(), 1);
    QVERIFY(server.messages().first().contains(u"TickDesk: BUY TEST"_s));
}

void TestMainWindow::storedPasswordFillsTheSettingsLater()
{
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"secret.ini"_s));
    Core::NotificationSettings n;
    n.emailEnabled = true;
    n.smtpHost = u"mail.example.org"_s;
    n.smtpUser = u"trader"_s;
    settings.setNotifications(n);
    qputenv("TICKDESK_SMTP_PASSWORD", "from-the-environment");
    Gui::SettingsDialog dialog(settings);
    auto *password = dialog.findChild<QLineEdit *>(u"smtpPassword"_s);
    QCOMPARE(password->text(), QString()); // the dialog did not wait for it
    QTRY_COMPARE(password->text(), u"from-the-environment"_s);
    qunsetenv("TICKDESK_SMTP_PASSWORD");
}

void TestMainWindow::settingsRoundTrip()
{
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"round.ini"_s));
    {
        Gui::SettingsDialog dialog(settings);
        dialog.findChild<QSpinBox *>(u"rsiPeriod"_s)->setValue(21);
        dialog.findChild<QSpinBox *>(u"macdFast"_s)->setValue(8);
        dialog.findChild<QDoubleSpinBox *>(u"movePercent"_s)->setValue(3.5);
        dialog.findChild<QCheckBox *>(u"maCross"_s)->setChecked(false);
        dialog.findChild<QLineEdit *>(u"simulatorSymbols"_s)->setText(u"ibm, brk.b"_s);
        dialog.findChild<QCheckBox *>(u"utcTimes"_s)->setChecked(true);
        dialog.findChild<QSpinBox *>(u"chartBars"_s)->setValue(300);
        dialog.findChild<QComboBox *>(u"ruleTimeframe"_s)->setCurrentText(u"5m"_s);
        dialog.findChild<QLineEdit *>(u"sessionTimeZone"_s)->setText(u"America/New_York"_s);
        auto *language = dialog.findChild<QComboBox *>(u"language"_s);
        language->setCurrentIndex(language->findData(u"de"_s));
        dialog.findChild<QPlainTextEdit *>(u"webhookUrls"_s)->setPlainText(u"https://hooks.example.org/a\n\n"_s);
        dialog.findChild<QDoubleSpinBox *>(u"startingCash"_s)->setValue(25'000);
        dialog.findChild<QDoubleSpinBox *>(u"commissionPerOrder"_s)->setValue(1.5);
        dialog.findChild<QDoubleSpinBox *>(u"slippage"_s)->setValue(0.01);
        dialog.findChild<QLineEdit *>(u"natsUrl"_s)->setText(u" nats://10.0.0.5:4222 "_s);
        dialog.findChild<QLineEdit *>(u"natsUser"_s)->setText(u"desk"_s);
        dialog.findChild<QLineEdit *>(u"natsNode"_s)->setText(u"desk1"_s);
        dialog.findChild<QLineEdit *>(u"natsIngest"_s)->setText(u" 1/2 "_s);
        QSignalSpy applied(&dialog, &Gui::SettingsDialog::applied);
        dialog.accept();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    Core::Settings reread(dir.filePath(u"round.ini"_s));
    QCOMPARE(reread.indicators().rsi, 21);
    QCOMPARE(reread.indicators().macdFast, 8);
    QCOMPARE(reread.indicators().macdSlow, 26);
    QCOMPARE(reread.rules().priceMovePercent, 3.5);
    QCOMPARE(reread.rules().maCross, false);
    QCOMPARE(reread.simulatorSymbols(), (QStringList{u"IBM"_s, u"BRK.B"_s}));
    QCOMPARE(reread.utcTimes(), true);
    QCOMPARE(reread.chartBars(), 300);
    QCOMPARE(reread.rules().timeframe, Bars::Timeframe::minutes(5));
    QCOMPARE(reread.sessionTimeZone(), u"America/New_York"_s);
    QCOMPARE(reread.language(), u"de"_s);
    QCOMPARE(reread.notifications().webhookUrls, QStringList{u"https://hooks.example.org/a"_s});
    QCOMPARE(reread.paper().startingCash, 25'000.0);
    QCOMPARE(reread.paper().costs.perOrder, 1.5);
    QCOMPARE(reread.nats(),
             (Core::NatsSettings{u"nats://10.0.0.5:4222"_s, u"desk"_s, u"desk1"_s, QString(), u"1/2"_s}));
    QCOMPARE(reread.paper().costs.slippage, 0.01);
    QCOMPARE(reread.paper().costs.perShare, 0.0);
    // And the dialog shows what is stored.
    Gui::SettingsDialog again(reread);
    QCOMPARE(again.findChild<QSpinBox *>(u"rsiPeriod"_s)->value(), 21);
    QCOMPARE(again.findChild<QComboBox *>(u"ruleTimeframe"_s)->currentText(), u"5m"_s);
}

void TestMainWindow::invalidSettingsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("macd fast >= slow") << u"macdFast"_s << QVariant(30) << u"MACD: the fast period (30)"_s;
    QTest::newRow("zero period") << u"smaPeriod"_s << QVariant(0) << u"SMA period: 0 is not between 1 and 1000"_s;
    QTest::newRow("rsi thresholds") << u"rsiBuy"_s << QVariant(80.0) << u"RSI thresholds"_s;
    QTest::newRow("negative move") << u"movePercent"_s << QVariant(-1.0) << u"Price move"_s;
    QTest::newRow("public bind") << u"bindAddress"_s << QVariant(u"0.0.0.0"_s) << u"Access token: required"_s;
    QTest::newRow("bad address") << u"bindAddress"_s << QVariant(u"localhost:80"_s) << u"is not an IP address"_s;
    QTest::newRow("bad symbol") << u"simulatorSymbols"_s << QVariant(u"AAPL, WAY TOO LONG SYMBOL"_s)
                                << u"Simulator symbols"_s;
    QTest::newRow("zero rate") << u"simulatorRate"_s << QVariant(0.0) << u"Simulator rate"_s;
    QTest::newRow("chart bars") << u"chartBars"_s << QVariant(5) << u"Bars per chart: 5"_s;
    QTest::newRow("rules' timeframe") << u"ruleTimeframe"_s << QVariant(u"7x"_s) << u"Rules' timeframe: "_s;
    QTest::newRow("session zone") << u"sessionTimeZone"_s << QVariant(u"Mars/Olympus"_s)
                                  << u"Session time zone: \"Mars/Olympus\" is not a time zone"_s;
    QTest::newRow("e-mail without a server") << u"emailEnabled"_s << QVariant(true) << u"SMTP server: give the host"_s;
    QTest::newRow("bad sender") << u"smtpFrom"_s << QVariant(u"nobody"_s) << u"From: \"nobody\" is not an e-mail"_s;
    QTest::newRow("bad webhook") << u"webhookUrls"_s << QVariant(u"ftp://x"_s) << u"Webhook \"ftp://x\""_s;
    QTest::newRow("nats address") << u"natsUrl"_s << QVariant(u"http://10.0.0.5:4222"_s)
                                  << u"NATS: \"http://10.0.0.5:4222\" is not a NATS address"_s;
    QTest::newRow("nats ingest") << u"natsIngest"_s << QVariant(u"3/2"_s) << u"NATS ingest: "_s;
    QTest::newRow("no starting cash") << u"startingCash"_s << QVariant(0.0)
                                      << u"Paper trading: the starting cash must be above 0."_s;
}

void TestMainWindow::invalidSettingsRefused()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"bad.ini"_s));
    Gui::SettingsDialog dialog(settings);
    dialog.show();
    if (field == u"smtpFrom"_s) { // only checked when e-mail is on
        dialog.findChild<QCheckBox *>(u"emailEnabled"_s)->setChecked(true);
        dialog.findChild<QLineEdit *>(u"smtpHost"_s)->setText(u"mail.example.org"_s);
    }
    if (auto *box = dialog.findChild<QCheckBox *>(field))
        box->setChecked(value.toBool());
    else if (auto *text = dialog.findChild<QPlainTextEdit *>(field))
        text->setPlainText(value.toString());
    else if (auto *spin = dialog.findChild<QSpinBox *>(field))
        spin->setValue(value.toInt());
    else if (auto *number = dialog.findChild<QDoubleSpinBox *>(field))
        number->setValue(value.toDouble());
    else if (auto *combo = dialog.findChild<QComboBox *>(field))
        combo->setCurrentText(value.toString());
    else
        dialog.findChild<QLineEdit *>(field)->setText(value.toString());
    QSignalSpy applied(&dialog, &Gui::SettingsDialog::applied);
    dialog.accept();
    QCOMPARE(applied.count(), 0);
    QVERIFY(dialog.isVisible()); // refused: still open
    QVERIFY2(dialog.error().contains(reason), qPrintable(dialog.error()));
    QVERIFY(!QFile::exists(dir.filePath(u"bad.ini"_s)) ||
            Core::Settings(dir.filePath(u"bad.ini"_s)).indicators() == Indicators::IndicatorConfig{});
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
