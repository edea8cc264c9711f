// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "ChartWindow.h"
#include "FileTransfers.h"
#include "Theme.h"
#include "Version.h"
#include "alerts/AlertManager.h"
#include "charts/ChartGrid.h"
#include "charts/ChartLoader.h"
#include "charts/SymbolChart.h"
#include "dialogs/SettingsDialog.h"
#include "ingest/IngestCounters.h"
#include "io/Import.h"
#include "models/AlertModel.h"
#include "models/EventModel.h"
#include "models/SignalModel.h"
#include "models/WatchlistFilter.h"
#include "models/WatchlistModel.h"
#include "nats/NatsIngest.h"
#include "nats/NatsPublisher.h"
#include "nats/NatsTerminal.h"
#include "notify/Notifier.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "sim/MarketSimulator.h"
#include "storage/StorageWriter.h"
#include "trading/OrderModel.h"
#include "trading/TradeModel.h"
#include "tray/TrayNotifier.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

/// A key of our own first (shown in the menu), then the platform's, which is empty on a plain X session.
QList<QKeySequence> keys(QKeyCombination own, QKeySequence::StandardKey standard)
{
    QList<QKeySequence> out{QKeySequence(own)};
    for (const QKeySequence &key : QKeySequence::keyBindings(standard))
        if (!out.contains(key))
            out.append(key);
    return out;
}

} // namespace

MainWindow::MainWindow(Sources sources, QWidget *parent)
    : QMainWindow(parent)
    , m_sources(sources)
    , m_watchlist(new WatchlistModel(this))
    , m_watchlistFilter(new WatchlistFilter(this))
    , m_signals(new SignalModel(10000, this))
    , m_signalFilter(nullptr)
    , m_events(new EventModel(5000, this))
    , m_eventFilter(new QSortFilterProxyModel(this))
    , m_tabs(new QTabWidget(this))
    , m_grid(new ChartGrid(m_tabs))
    , m_loader(new ChartLoader(sources.writer.path(), sources.pipeline.options().indicators, this))
    , m_statusAddress(new QLabel(this))
    , m_statusRate(new QLabel(this))
    , m_statusRejected(new QLabel(this))
    , m_statusLatency(new QLabel(this))
    , m_statusDatabase(new QLabel(this))
    , m_statusSimulator(new QLabel(this))
    , m_transfers(new FileTransfers(sources.writer.path(), sources.pipeline, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_sources.terminal ? tr("TickDesk — %1").arg(m_sources.terminal->url()) : tr("TickDesk"));
    resize(1400, 900);
    // Charts build their bars as the engine does: its indicator periods, its session's days.
    m_history.setIndicators(sources.pipeline.options().indicators);
    m_history.setSessionTimeZone(sources.pipeline.options().sessionTimeZone);

    m_watchlistFilter->setSourceModel(m_watchlist);
    m_watchlistFilter->setSortRole(Qt::UserRole);
    m_watchlistFilter->setFilterKeyColumn(WatchlistModel::Symbol);
    m_watchlistFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_eventFilter->setSourceModel(m_events);
    m_eventFilter->setFilterKeyColumn(-1);
    m_eventFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    // The grid keeps the cells the trader chose (or the first symbols seen); it never follows a sort.
    m_tabs->addTab(m_grid, tr("Grid"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the grid stays
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (qobject_cast<SymbolChart *>(m_tabs->widget(index))) {
            delete m_tabs->widget(index);
            updateWatched();
            saveCharts();
        }
    });
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, [this] { saveCharts(); });
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        auto *chart = qobject_cast<SymbolChart *>(m_tabs->widget(m_tabs->tabBar()->tabAt(at)));
        if (!chart)
            return;
        QMenu menu(this);
        menu.addAction(tr("Detach into a window"), this, [this, chart] { detachChart(chart); });
        menu.exec(m_tabs->tabBar()->mapToGlobal(at));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refreshCharts(); });
    setCentralWidget(m_tabs);
    connect(m_grid, &ChartGrid::openRequested, this, [this](const QString &symbol) { openChart(symbol); });
    connect(m_grid, &ChartGrid::symbolsChanged, this, [this] {
        updateWatched();
        for (const SymbolChart *chart : m_grid->charts())
            ensureLoaded(chart->key());
        saveCharts();
    });
    for (SymbolChart *chart : m_grid->charts())
        connectChart(chart);
    connect(m_grid, &ChartGrid::chartAdded, this, [this](SymbolChart *chart) {
        connectChart(chart);
        chart->setUtc(m_utc);
        chart->setDarkTheme(!m_sources.settings || m_sources.settings->darkTheme());
    });
    connect(m_loader, &ChartLoader::olderLoaded, this, [this](const Pipeline::ChartHistory &older) {
        m_history.loadOlder(older);
        const ChartKey key{older.symbol, older.timeframe};
        for (SymbolChart *chart : findChildren<SymbolChart *>())
            if (chart->key() == key)
                chart->refresh(m_history);
    });
    connect(m_loader, &ChartLoader::loaded, this, [this](const Pipeline::ChartHistory &history) {
        m_history.load(history);
        const ChartKey key{history.symbol, history.timeframe};
        if (m_reloadWanted.remove(key.id()))
            ensureLoaded(key, true);
        for (const ChartKey &chart : m_history.takeOlderArrivals())
            reload(chart);
        refreshCharts();
        Q_EMIT historyLoaded(history.symbol);
    });
    connect(m_loader, &ChartLoader::failed, this,
            [this](const QString &symbol, const Bars::Timeframe &timeframe, const QString &error) {
                if (!symbol.isEmpty())
                    m_history.setLoading(ChartKey{symbol, timeframe}, false);
                statusBar()->showMessage(tr("Could not read the stored history: %1").arg(error), 10000);
            });
    connect(m_loader, &ChartLoader::signalsLoaded, this, [this](const Model::SignalList &newestFirst) {
        m_signals->addHistory(newestFirst);
        Q_EMIT signalHistoryLoaded();
    });

    buildDocks();
    buildAlertsDock();
    buildTrading();
    buildActions();
    updateSimulatorActions();
    if (m_statusAccount)
        statusBar()->addPermanentWidget(m_statusAccount);
    for (QLabel *label :
         {m_statusAddress, m_statusRate, m_statusRejected, m_statusLatency, m_statusDatabase, m_statusSimulator})
        statusBar()->addPermanentWidget(label);
    m_statusAddress->setObjectName(QStringLiteral("statusAddress"));
    // On the nodes' feed nothing is received, computed or simulated here: the NATS field tells instead.
    for (QLabel *label : {m_statusRejected, m_statusLatency, m_statusSimulator})
        label->setVisible(!m_sources.terminal);
    if (m_sources.nats || m_sources.natsIngest || m_sources.terminal) {
        m_statusNats = new QLabel(this);
        m_statusNats->setObjectName(QStringLiteral("statusNats"));
        statusBar()->addPermanentWidget(m_statusNats);
    }

    connect(&m_sources.pipeline, &Pipeline::Pipeline::signalsPublished, this, &MainWindow::onSignals);

    auto *feedTimer = new QTimer(this);
    feedTimer->setInterval(33); // ~30 snapshots a second at most
    connect(feedTimer, &QTimer::timeout, this, &MainWindow::pollFeed);
    feedTimer->start();
    // Charts redraw on their own, slower clock: a person cannot follow more, and
    // rebuilding nine charts is the heaviest thing the window does.
    auto *chartTimer = new QTimer(this);
    chartTimer->setInterval(67);
    connect(chartTimer, &QTimer::timeout, this, &MainWindow::refreshCharts);
    chartTimer->start();
    auto *watchTimer = new QTimer(this);
    watchTimer->setInterval(250);
    connect(watchTimer, &QTimer::timeout, this, &MainWindow::refreshWatchlist);
    watchTimer->start();
    auto *statusTimer = new QTimer(this);
    statusTimer->setInterval(1000);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start();
    updateStatus();
    restoreLayout();
    restoreCharts();
    m_loader->loadSignals(10000);
}

MainWindow::~MainWindow()
{
    saveCharts(); // also when the window goes without a close event (Quit, a signal)
    // The tabs are deleted after this object's members: nothing of theirs may call back in.
    disconnect(m_tabs, nullptr, this, nullptr);
    disconnect(m_tabs->tabBar(), nullptr, this, nullptr);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    // Explicit keys: the platform's standard ones are empty on a plain X session.
    settings->setObjectName(QStringLiteral("openSettings"));
    settings->setShortcuts(keys(Qt::CTRL | Qt::Key_Comma, QKeySequence::Preferences));
    settings->setShortcutVisibleInContextMenu(true);
    settings->setEnabled(m_sources.settings != nullptr);
    QAction *exportAction = file->addAction(tr("&Export signals…"), this, &MainWindow::chooseSignalExport);
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    exportAction->setObjectName(QStringLiteral("exportSignals"));
    file->addAction(tr("Export &ticks…"), this, &MainWindow::chooseTickExport)->setObjectName(u"exportTicks"_s);
    QAction *importAction = file->addAction(tr("&Import market data…"), this, &MainWindow::chooseImport);
    importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    importAction->setObjectName(QStringLiteral("importFile"));
    connect(m_transfers, &FileTransfers::exportFinished, this, [this](const QString &error, qint64 count) {
        if (error.isEmpty())
            statusBar()->showMessage(tr("%n rows exported", nullptr, int(count)), 8000);
        else
            statusBar()->showMessage(tr("Export failed: %1").arg(error), 8000);
        Q_EMIT exportFinished(error, count);
    });
    connect(m_transfers, &FileTransfers::importFinished, this, [this](const QString &error, const Io::ImportReport &r) {
        reloadShown(); // imported history may lie before what the charts hold
        Q_EMIT importFinished(error, r.stored, r.skipped);
        if (!error.isEmpty()) {
            statusBar()->showMessage(tr("Import failed: %1").arg(error), 8000);
            showImportOutcome(QMessageBox::Warning, tr("Nothing was imported: %1").arg(error), {});
            return;
        }
        statusBar()->showMessage(r.summary(0), 8000);
        if (r.skipped > 0)
            showImportOutcome(QMessageBox::Information, r.summary(0), r.summary(int(Io::ImportReport::MaxProblems)));
    });
    buildHistory(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        QApplication::quit();
    });
    quit->setObjectName(QStringLiteral("quit"));
    quit->setShortcuts(keys(Qt::CTRL | Qt::Key_Q, QKeySequence::Quit));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QAction *showRemoved = view->addAction(tr("Show removed symbols again"), this, [this] {
        m_watchlistFilter->setRemoved({});
        saveCharts();
    });
    showRemoved->setObjectName(QStringLiteral("showRemovedSymbols"));
    QAction *search = view->addAction(tr("Find &symbol"), this, [this] {
        m_symbolSearch->setFocus();
        m_symbolSearch->selectAll();
    });
    search->setShortcuts(keys(Qt::CTRL | Qt::Key_F, QKeySequence::Find));
    QAction *utc = view->addAction(tr("Times in &UTC"));
    utc->setCheckable(true);
    utc->setObjectName(QStringLiteral("utcTimes"));
    m_utcAction = utc;
    connect(utc, &QAction::toggled, this, &MainWindow::setUtc);
    QMenu *gridSize = view->addMenu(tr("&Grid size"));
    gridSize->setObjectName(QStringLiteral("gridSizeMenu"));
    auto *sizes = new QActionGroup(gridSize);
    for (const auto &[rows, columns] : {std::pair{1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 4}}) {
        QAction *size = gridSize->addAction(QStringLiteral("%1 × %2").arg(rows).arg(columns));
        size->setObjectName(QStringLiteral("gridSize%1x%2").arg(rows).arg(columns));
        size->setCheckable(true);
        size->setChecked(rows == 3 && columns == 3);
        sizes->addAction(size);
        connect(size, &QAction::triggered, this, [this, rows, columns] {
            m_grid->setGridSize(rows, columns);
            saveCharts();
        });
    }
    QMenu *workspaces = view->addMenu(tr("&Workspaces"));
    workspaces->setObjectName(QStringLiteral("workspacesMenu"));
    fillWorkspaceMenu(workspaces);
    connect(workspaces, &QMenu::aboutToShow, this, [this, workspaces] { fillWorkspaceMenu(workspaces); });
    if (!m_sources.webMonitor.isEmpty()) {
        // The same desk in a browser, for a second screen, another machine or a phone (see the README).
        QAction *web = view->addAction(tr("Open the &web monitor in a browser"), this,
                                       [this] { QDesktopServices::openUrl(m_sources.webMonitor); });
        web->setObjectName(u"webMonitorAction"_s);
        web->setToolTip(m_sources.webMonitor.toString());
    }
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setShortcuts(keys(Qt::Key_F11, QKeySequence::FullScreen));
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu *simulator = menuBar()->addMenu(tr("&Simulator"));
    simulator->menuAction()->setVisible(!m_sources.terminal); // a window on the nodes' feed has no market of its own
    QAction *run = m_runAction = simulator->addAction(tr("&Start simulator"));
    run->setObjectName(QStringLiteral("runSimulator"));
    run->setVisible(!m_sources.terminal);
    run->setShortcut(Qt::SHIFT | Qt::Key_F5);
    connect(run, &QAction::triggered, this, [this] {
        if (m_sources.simulator && m_sources.simulator->isRunning())
            stopSimulator();
        else
            startSimulator();
    });
    QAction *pause = m_pauseAction = simulator->addAction(tr("&Pause simulator"));
    pause->setObjectName(QStringLiteral("pauseSimulator"));
    pause->setVisible(!m_sources.terminal);
    pause->setCheckable(true);
    pause->setShortcut(Qt::Key_F5);
    connect(pause, &QAction::toggled, this, [this](bool paused) {
        if (m_sources.simulator)
            m_sources.simulator->setPaused(paused);
        updateSimulatorActions();
    });

    buildTradeMenu();
    QMenu *tools = menuBar()->addMenu(tr("T&ools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *tester = tools->addAction(tr("Strategy &tester…"), this, [this] { openStrategyTester(); });
    tester->setObjectName(QStringLiteral("strategyTesterAction"));
    tester->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TickDesk"), this, [this] {
        QMessageBox::about(this, tr("About TickDesk"),
                           tr("<h3>TickDesk %1</h3><p>A desktop trading terminal: live ticks, indicators, signals "
                              "and charts in one program.</p><p>Released under the MIT licence. "
                              "<a href=\"https://github.com/tickdesk/tickdesk\">github.com/tickdesk/tickdesk</a></p>"
                              "<p>Database: %2<br>Built with Qt %3, running on Qt %4.</p>")
                               .arg(QStringLiteral(TICKDESK_VERSION), m_sources.writer.path().toHtmlEscaped(),
                                    QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(run);
    toolbar->addAction(pause);
    toolbar->addAction(utc);

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show or hide"), this, [this] { setVisible(!isVisible()); });
    trayMenu->addAction(run);
    trayMenu->addAction(pause);
    trayMenu->addAction(quit);
    m_tray = new TrayNotifier(trayMenu, this);
    m_desktop = m_sources.notifier ? &m_sources.notifier->desktop() : new Notify::BurstCoalescer(1500, 5000, this);
    connect(m_desktop, &Notify::BurstCoalescer::message, m_tray, &TrayNotifier::show);
    if (m_sources.notifier)
        connect(m_sources.notifier, &Notify::Notifier::deliveryChanged, m_signals, &SignalModel::setDelivery);
    connect(m_tray, &TrayNotifier::activated, this, [this](const QString &symbol) {
        show();
        raise();
        activateWindow();
        if (!symbol.isEmpty())
            openChart(symbol);
    });
}

SymbolChart *MainWindow::openChart(const QString &symbol, std::optional<Bars::Timeframe> timeframe)
{
    if (symbol.isEmpty())
        return nullptr;
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (auto *chart = qobject_cast<SymbolChart *>(m_tabs->widget(i)); chart && chart->symbol() == symbol) {
            m_tabs->setCurrentIndex(i);
            return chart;
        }
    }
    for (ChartWindow *window : std::as_const(m_chartWindows))
        if (window->chart()->symbol() == symbol) {
            window->raise();
            window->activateWindow();
            return window->chart();
        }
    auto *chart = new SymbolChart(m_tabs);
    chart->setSymbol(symbol);
    chart->setTimeframe(timeframe.value_or(m_tabTimeframe));
    connectChart(chart);
    chart->setUtc(m_utc);
    chart->setDarkTheme(!m_sources.settings || m_sources.settings->darkTheme());
    if (const auto *summary = m_watchlist->summaryOf(symbol))
        chart->setSessionChange(summary->changePercent());
    m_tabs->setCurrentIndex(m_tabs->addTab(chart, chart->key().id()));
    updateWatched();
    // A tab opened (again) reads the stored bars afresh: what the database holds is what it shows.
    reload(chart->key());
    chart->refresh(m_history);
    saveCharts();
    return chart;
}

void MainWindow::pollFeed()
{
    std::deque<Pipeline::LiveBar> bars;
    std::deque<Pipeline::LiveEvent> events;
    m_sources.feed.take(bars, events);
    for (const auto &bar : bars)
        m_history.add(bar);
    for (const ChartKey &chart : m_history.takeOlderArrivals())
        reload(chart); // history placed before the chart's bars: read them again
    m_events->add(events);
    if (m_sources.terminal)
        for (const Nats::TerminalFeed::Fill &fill : m_sources.terminal->takeFills())
            m_events->addNote(fill.timeUs, tr("Fill"), fill.symbol, tr("on the node: %1").arg(fill.text));
    flushSignals();
}

void MainWindow::refreshCharts()
{
    // A third of the grid per tick: each chart still redraws five times a second,
    // but no single turn of the event loop pays for all nine.
    m_chartPhase = (m_chartPhase + 1) % 3;
    const auto &cells = m_grid->charts();
    for (qsizetype i = m_chartPhase; i < cells.size(); i += 3) {
        cells[i]->refresh(m_history);
        showDrawings(cells[i]);
        showFills(cells[i]);
    }
    if (auto *current = qobject_cast<SymbolChart *>(m_tabs->currentWidget())) {
        current->refresh(m_history);
        showDrawings(current);
        showFills(current);
    }
    for (ChartWindow *window : std::as_const(m_chartWindows)) {
        window->chart()->refresh(m_history);
        showDrawings(window->chart());
        showFills(window->chart());
    }
}

void MainWindow::refreshWatchlist()
{
    const auto summaries = m_sources.pipeline.summaries();
    const int before = m_watchlist->rowCount();
    m_watchlist->update(summaries);
    if (m_watchlist->rowCount() != before) {
        const QStringList symbols = m_watchlist->symbols();
        m_grid->setAvailableSymbols(symbols);
        m_grid->offer(symbols); // in the order symbols first appeared, not the view's sort
    }
    // One "Day %" everywhere: the charts' titles show the watchlist's figure.
    QList<SymbolChart *> charts = m_grid->charts();
    charts += tabCharts();
    for (SymbolChart *chart : std::as_const(charts)) {
        const auto *summary = m_watchlist->summaryOf(chart->symbol());
        chart->setSessionChange(summary ? std::optional(summary->changePercent()) : std::nullopt);
    }
}

QList<SymbolChart *> MainWindow::tabCharts() const
{
    QList<SymbolChart *> charts;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *chart = qobject_cast<SymbolChart *>(m_tabs->widget(i)))
            charts.append(chart);
    for (const ChartWindow *window : m_chartWindows)
        charts.append(window->chart());
    return charts;
}

ChartWindow *MainWindow::detachChart(SymbolChart *chart)
{
    const int index = m_tabs->indexOf(chart);
    if (index <= 0)
        return nullptr; // the grid stays, and only a tab's chart leaves
    m_tabs->removeTab(index);
    auto *window = new ChartWindow(chart, this);
    connect(window, &ChartWindow::returned, this, &MainWindow::reattach);
    m_chartWindows.append(window);
    window->show();
    chart->refresh(m_history);
    saveCharts();
    return window;
}

void MainWindow::reattach(ChartWindow *window)
{
    m_chartWindows.removeAll(window);
    if (SymbolChart *chart = window->release()) {
        m_tabs->setCurrentIndex(m_tabs->addTab(chart, chart->key().id()));
        chart->refresh(m_history);
    }
    saveCharts();
}

QList<ChartKey> MainWindow::shownCharts() const
{
    QList<ChartKey> shown;
    for (const SymbolChart *chart : m_grid->charts())
        if (!chart->symbol().isEmpty())
            shown.append(chart->key());
    for (const SymbolChart *chart : tabCharts())
        shown.append(chart->key());
    return shown;
}

void MainWindow::updateWatched()
{
    m_history.setWatched(shownCharts());
}

void MainWindow::ensureLoaded(const ChartKey &chart, bool again)
{
    if (chart.symbol.isEmpty() || (!again && (m_history.isLoaded(chart) || m_history.isLoading(chart))))
        return;
    m_history.setLoading(chart, true);
    m_loader->load(chart.symbol, chart.timeframe, m_history.window(), m_history.sessionZone());
}

void MainWindow::reload(const ChartKey &chart)
{
    m_history.invalidateLoaded(chart.symbol);
    if (m_history.isLoading(chart))
        m_reloadWanted.insert(chart.id()); // a read begun earlier may miss what came since
    else
        ensureLoaded(chart);
}

void MainWindow::reloadShown()
{
    m_history.invalidateLoaded();
    for (const ChartKey &chart : shownCharts())
        reload(chart);
}

void MainWindow::connectChart(SymbolChart *chart)
{
    connect(chart, &SymbolChart::timeframeChanged, this, [this, chart] { onTimeframeChanged(chart); });
    connect(chart, &SymbolChart::chartTypeChanged, this, [this] { saveCharts(); });
    connect(chart, &SymbolChart::indicatorsChanged, this, [this] { saveCharts(); });
    connect(chart, &SymbolChart::indicatorSettingsChanged, this, [this] { saveCharts(); });
    connect(chart, &SymbolChart::olderWanted, this, [this](const ChartKey &key) {
        const auto &bars = m_history.bars(key);
        if (bars.empty() || !m_history.canLoadOlder(key))
            return;
        m_history.setLoadingOlder(key);
        m_loader->loadOlder(key.symbol, key.timeframe, bars.front().bar.timestamp, 1000, m_history.sessionZone());
    });
    connect(chart, &SymbolChart::backToLive, this, [this](const ChartKey &key) { m_history.backToLive(key); });
    connectChartAlerts(chart);
    connectChartTrading(chart);
}

void MainWindow::onTimeframeChanged(SymbolChart *chart)
{
    if (const int tab = m_tabs->indexOf(chart); tab > 0) {
        m_tabs->setTabText(tab, chart->key().id());
        m_tabTimeframe = chart->timeframe();
    }
    for (ChartWindow *window : std::as_const(m_chartWindows))
        if (window->chart() == chart)
            window->updateTitle();
    updateWatched();
    ensureLoaded(chart->key());
    chart->refresh(m_history);
    saveCharts();
}

void MainWindow::onSignals(const Model::SignalList &signals)
{
    // Gathered here and shown with the next snapshot: one model insert per frame, not one per commit.
    m_pendingSignals += signals;
}

void MainWindow::flushSignals()
{
    if (m_pendingSignals.isEmpty())
        return;
    m_signals->add(m_pendingSignals);
    bool alertFired = false;
    for (const auto &s : std::as_const(m_pendingSignals)) {
        m_history.addMarker(s.symbol.toString(), Marker{s.timestamp, s.price, s.side});
        alertFired = alertFired || s.isTraderAlert();
    }
    if (alertFired && m_sources.alerts)
        m_sources.alerts->refresh(); // their status, last fire and count
    m_desktop->add(m_pendingSignals);
    m_pendingSignals.clear();
}

void MainWindow::exportSignals(const QString &path)
{
    // Oldest first, as `tickdesk export-signals` writes them.
    Model::SignalList rows;
    rows.reserve(m_signalFilter->rowCount());
    for (int r = m_signalFilter->rowCount() - 1; r >= 0; --r)
        rows.append(m_signals->at(m_signalFilter->mapToSource(m_signalFilter->index(r, 0)).row()));
    m_transfers->exportSignals(std::move(rows), path);
}

void MainWindow::exportTicks(const QString &symbol, const QString &path)
{
    m_transfers->exportTicks(symbol, path);
}

void MainWindow::importFile(const QString &path, const QString &symbol)
{
    m_transfers->importFile(path, symbol);
}

void MainWindow::showImportOutcome(int icon, const QString &text, const QString &details)
{
    if (!isVisible())
        return;
    // Not modal on the event loop: the window keeps drawing while the message is up.
    auto *box = new QMessageBox(QMessageBox::Icon(icon), tr("Import market data"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importOutcome"));
    if (!details.isEmpty()) {
        box->setInformativeText(tr("Some rows were left out; the details say which and why."));
        box->setDetailedText(details);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::attachSimulator(Sim::MarketSimulator *simulator)
{
    if (simulator)
        m_sources.simulator = simulator;
    updateSimulatorActions();
    updateStatus();
}

void MainWindow::startSimulator()
{
    if (m_sources.simulator) {
        m_sources.simulator->start();
    } else if (m_sources.startSimulator) {
        m_sources.simulator = m_sources.startSimulator();
        if (!m_sources.simulator)
            statusBar()->showMessage(tr("The simulator could not start; the log says why."), 8000);
    }
    if (m_sources.simulator)
        m_sources.simulator->setPaused(false);
    m_pauseAction->setChecked(false);
    updateSimulatorActions();
    updateStatus();
}

void MainWindow::stopSimulator()
{
    if (m_sources.simulator)
        m_sources.simulator->stop();
    m_pauseAction->setChecked(false);
    updateSimulatorActions();
    updateStatus();
}

void MainWindow::updateSimulatorActions()
{
    const bool running = m_sources.simulator && m_sources.simulator->isRunning();
    m_runAction->setText(running ? tr("&Stop simulator") : tr("&Start simulator"));
    m_runAction->setEnabled(running || m_sources.simulator || m_sources.startSimulator);
    m_pauseAction->setEnabled(running);
    m_pauseAction->setText(m_pauseAction->isChecked() ? tr("&Resume simulator") : tr("&Pause simulator"));
}

void MainWindow::bringForward()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::chooseImport()
{
    if (m_transfers->isBusy())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import market data"), QString(),
                                                      tr("Market data (*.csv *.json *.ndjson *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        importWithPrompt(path);
}

void MainWindow::importWithPrompt(const QString &path)
{
    if (m_transfers->isBusy()) {
        statusBar()->showMessage(tr("Another import or export is running; try %1 again when it is done").arg(path),
                                 8000);
        return;
    }
    QString symbol;
    if (Io::importNeedsSymbol(path)) {
        bool ok = false;
        symbol = QInputDialog::getText(
                     this, tr("Import market data"),
                     tr("%1 has no symbol column. Which symbol are these bars of?").arg(QFileInfo(path).fileName()),
                     QLineEdit::Normal, QFileInfo(path).baseName().toUpper(), &ok)
                     .trimmed()
                     .toUpper();
        if (!ok || symbol.isEmpty())
            return;
    }
    importFile(path, symbol);
}

void MainWindow::chooseSignalExport()
{
    if (m_transfers->isBusy())
        return;
    const QString symbol = m_signalSymbolFilter->text().trimmed().toUpper();
    const QString name =
        QStringLiteral("signals-%1%2.csv")
            .arg(symbol.isEmpty() ? QString() : symbol + u'-', QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export signals"), name, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportSignals(path);
}

void MainWindow::chooseTickExport()
{
    if (m_transfers->isBusy())
        return;
    QStringList symbols;
    for (int r = 0; r < m_watchlist->rowCount(); ++r)
        symbols << m_watchlist->symbolAt(r);
    symbols.sort();
    const QString all = tr("All symbols");
    symbols.prepend(all);
    const auto *chart = qobject_cast<SymbolChart *>(m_tabs->currentWidget());
    const int current = chart ? std::max(0, int(symbols.indexOf(chart->symbol()))) : 0;
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Export ticks"), tr("Export the stored ticks of:"), symbols,
                                                 current, false, &ok);
    if (!ok)
        return;
    const QString symbol = choice == all ? QString() : choice;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export ticks"),
        QStringLiteral("ticks-%1%2.csv")
            .arg(symbol.isEmpty() ? QString() : symbol + u'-', QDate::currentDate().toString(Qt::ISODate)),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTicks(symbol, path);
}

void MainWindow::setUtc(bool utc)
{
    m_utc = utc;
    m_signals->setUtc(utc);
    if (m_alertModel)
        m_alertModel->setUtc(utc);
    if (m_orderModel) {
        m_orderModel->setUtc(utc);
        m_tradeModel->setUtc(utc);
    }
    m_events->setUtc(utc);
    // The toolbar's toggle and Settings → Display are one setting.
    if (m_sources.settings && m_sources.settings->utcTimes() != utc)
        m_sources.settings->setUtcTimes(utc);
    for (SymbolChart *chart : findChildren<SymbolChart *>())
        chart->setUtc(utc);
    refreshCharts();
}

void MainWindow::updateStatus()
{
    const auto &stats = m_sources.writer.stats();
    const std::uint64_t stored = stats.storedFromFeed(); // a history refresh is no feed
    m_statusAddress->setText(m_sources.terminal ? tr("Source %1").arg(m_sources.terminal->url())
                                                : tr("Ingest %1").arg(m_sources.address));
    m_statusRate->setText(tr("%1 records/s").arg(stored - m_lastStored));
    m_lastStored = stored;
    m_statusRejected->setText(
        tr("rejected %1").arg(m_sources.ingest.rejected.load() + m_sources.ingest.saturated.load()));
    const auto &latency = m_sources.pipeline.metrics().receiveToSignal;
    m_statusLatency->setText(latency.count()
                                 ? tr("signal p99 %1 ms").arg(latency.quantileSeconds(0.99) * 1e3, 0, 'f', 2)
                                 : tr("signal p99 –"));
    const qint64 bytes =
        QFileInfo(m_sources.writer.path()).size() + QFileInfo(m_sources.writer.path() + QStringLiteral("-wal")).size();
    m_statusDatabase->setText(tr("database %1 MB").arg(double(bytes) / 1048576.0, 0, 'f', 1));
    if (m_statusNats && m_sources.nats) {
        // Away, what waits is in the database: it goes out when NATS is back.
        const Nats::NatsPublisher::Status nats = m_sources.nats->status();
        m_statusNats->setText(
            nats.connected ? (nats.behind > 0 ? tr("NATS: sending, %1 behind").arg(nats.behind) : tr("NATS: connected"))
                           : tr("NATS: away, %1 waiting").arg(nats.behind));
        m_statusNats->setToolTip(nats.error);
    }
    if (m_statusNats && m_sources.natsIngest) {
        const Nats::IngestConsumer::Summary s = m_sources.natsIngest->summary();
        // The partitions' states (standby, waiting for NATS, what went wrong) in the tooltip.
        const QString parts = m_sources.natsIngest->partitions();
        const QString ingest = s.consuming == s.filters ? tr("ingest %1: %2 pending").arg(parts).arg(s.pending)
                               : s.standby > 0          ? tr("ingest %1: standby").arg(parts)
                                                        : tr("ingest %1: waiting").arg(parts);
        const QString published = m_sources.nats ? m_statusNats->text() + QStringLiteral(" · ") : QString();
        const QString error = m_sources.nats ? m_statusNats->toolTip() : QString();
        m_statusNats->setText(published + ingest);
        m_statusNats->setToolTip((error.isEmpty() ? QString() : error + QLatin1Char('\n')) +
                                 s.states.join(QLatin1Char('\n')));
    }
    if (m_statusNats && m_sources.terminal) {
        const Nats::TerminalFeed::Status s = m_sources.terminal->status();
        m_statusNats->setText(!s.connected                            ? tr("NATS: away")
                              : s.state != QLatin1String("following") ? tr("NATS: waiting")
                              : s.pending > 0                         ? tr("NATS: catching up, %1 to go").arg(s.pending)
                                                                      : tr("NATS: following"));
        m_statusNats->setToolTip(tr("%1\nSignals, alert fires and fills stored through message %2 of the stream")
                                     .arg(s.state)
                                     .arg(s.appliedThrough));
    }
    if (!m_sources.simulator || !m_sources.simulator->isRunning())
        m_statusSimulator->setText(tr("simulator off"));
    else
        m_statusSimulator->setText(m_sources.simulator->isPaused() ? tr("simulator paused") : tr("simulator running"));
}

void MainWindow::openSettings()
{
    if (!m_sources.settings)
        return;
    auto *dialog = new SettingsDialog(*m_sources.settings, m_sources.address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::applySettings()
{
    const Core::Settings &settings = *m_sources.settings;
    m_utcAction->setChecked(settings.utcTimes());
    m_closeToTray = settings.closeToTray();
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyTheme(*app, settings.darkTheme() ? Theme::Dark : Theme::Light);
    for (SymbolChart *chart : findChildren<SymbolChart *>())
        chart->setDarkTheme(settings.darkTheme());
    if (m_sources.simulator)
        m_sources.simulator->setRate(settings.simulatorRate());
    if (m_history.window() != settings.chartBars()) {
        m_history.setWindow(settings.chartBars());
        reloadShown();
    }
    applyHistorySettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray && !m_quitting && m_tray->isAvailable()) {
        hide(); // keeps running in the tray; Quit from its menu ends it
        event->ignore();
        return;
    }
    saveCharts();
    // Detached charts go with the window (saved as detached, to come back so): none keeps TickDesk running.
    for (ChartWindow *window : std::as_const(m_chartWindows))
        window->hide();
    QMainWindow::closeEvent(event);
}

} // namespace Gui
