// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "FileTransfers.h"
#include "Theme.h"
#include "Version.h"
#include "charts/SymbolChart.h"
#include "dialogs/SettingsDialog.h"
#include "ingest/IngestCounters.h"
#include "io/Import.h"
#include "models/EventModel.h"
#include "models/SignalModel.h"
#include "models/WatchlistModel.h"
#include "notify/Notifier.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "sim/MarketSimulator.h"
#include "storage/StorageWriter.h"
#include "tray/TrayNotifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
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

QTableView *tableView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

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
               (m_rule.isEmpty() || column(SignalModel::Rule) == m_rule);
    }

private:
    QString m_symbol;
    QString m_side;
    QString m_rule;
};

QWidget *withToolbar(QWidget *content, const QList<QWidget *> &tools, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto *row = new QHBoxLayout;
    for (QWidget *tool : tools)
        row->addWidget(tool);
    layout->addLayout(row);
    layout->addWidget(content);
    return box;
}

} // namespace

MainWindow::MainWindow(Sources sources, QWidget *parent)
    : QMainWindow(parent)
    , m_sources(sources)
    , m_watchlist(new WatchlistModel(this))
    , m_watchlistFilter(new QSortFilterProxyModel(this))
    , m_signals(new SignalModel(10000, this))
    , m_signalFilter(new SignalFilter(this))
    , m_events(new EventModel(5000, this))
    , m_eventFilter(new QSortFilterProxyModel(this))
    , m_tabs(new QTabWidget(this))
    , m_statusAddress(new QLabel(this))
    , m_statusRate(new QLabel(this))
    , m_statusRejected(new QLabel(this))
    , m_statusLatency(new QLabel(this))
    , m_statusDatabase(new QLabel(this))
    , m_statusSimulator(new QLabel(this))
    , m_transfers(new FileTransfers(sources.writer.path(), sources.pipeline, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("TickDesk"));
    resize(1400, 900);

    m_watchlistFilter->setSourceModel(m_watchlist);
    m_watchlistFilter->setSortRole(Qt::UserRole);
    m_watchlistFilter->setFilterKeyColumn(WatchlistModel::Symbol);
    m_watchlistFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_signalFilter->setSourceModel(m_signals);
    m_eventFilter->setSourceModel(m_events);
    m_eventFilter->setFilterKeyColumn(-1);
    m_eventFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    // The grid: nine charts, filled with the first nine symbols as they appear.
    auto *grid = new QWidget(m_tabs);
    grid->setObjectName(QStringLiteral("chartGrid"));
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(2);
    for (int i = 0; i < 9; ++i) {
        auto *chart = new SymbolChart(grid);
        chart->setCompact(true);
        chart->setSymbol(QString());
        chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        gridLayout->addWidget(chart, i / 3, i % 3);
        m_grid.append(chart);
    }
    for (int i = 0; i < 3; ++i) {
        gridLayout->setRowStretch(i, 1);
        gridLayout->setColumnStretch(i, 1);
    }
    m_tabs->addTab(grid, tr("Grid"));
    m_tabs->setTabsClosable(true);
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the grid stays
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            delete m_tabs->widget(index);
    });
    setCentralWidget(m_tabs);

    buildDocks();
    buildActions();
    for (QLabel *label :
         {m_statusAddress, m_statusRate, m_statusRejected, m_statusLatency, m_statusDatabase, m_statusSimulator})
        statusBar()->addPermanentWidget(label);
    m_statusAddress->setObjectName(QStringLiteral("statusAddress"));

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
}

MainWindow::~MainWindow() = default;

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
    connect(m_watchlistView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openChart(m_watchlist->symbolAt(m_watchlistFilter->mapToSource(index).row()));
    });
    auto *watchDock = new QDockWidget(tr("Watchlist"), this);
    watchDock->setObjectName(QStringLiteral("watchlistDock"));
    watchDock->setWidget(withToolbar(m_watchlistView, {m_symbolSearch}, watchDock));
    watchDock->setMinimumWidth(430);
    for (int c : {WatchlistModel::High, WatchlistModel::Low, WatchlistModel::Ticks, WatchlistModel::Signals})
        m_watchlistView->setColumnHidden(c, true);
    m_watchlistView->setColumnWidth(WatchlistModel::Symbol, 70);
    for (int c = WatchlistModel::Last; c <= WatchlistModel::Rsi; ++c)
        m_watchlistView->setColumnWidth(c, 72);
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
    m_signalView = tableView(m_signalFilter, QStringLiteral("signalView"), this);
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
        m_ruleFilter->addItem(QString::fromLatin1(rule), QString::fromLatin1(rule));
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
                SymbolChart *chart = openChart(signal.symbol.toString());
                if (chart && !chart->focusTime(signal.timestamp))
                    statusBar()->showMessage(tr("The bar of this signal is older than the %n bars the chart keeps.",
                                                nullptr, m_history.window()),
                                             6000);
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
    auto *eventView = tableView(m_eventFilter, QStringLiteral("eventView"), this);
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

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
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
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        QApplication::quit();
    });
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QAction *search = view->addAction(tr("Find &symbol"), this, [this] {
        m_symbolSearch->setFocus();
        m_symbolSearch->selectAll();
    });
    search->setShortcut(QKeySequence::Find);
    QAction *utc = view->addAction(tr("Times in &UTC"));
    utc->setCheckable(true);
    m_utcAction = utc;
    connect(utc, &QAction::toggled, this, &MainWindow::setUtc);
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu *simulator = menuBar()->addMenu(tr("&Simulator"));
    QAction *pause = m_pauseAction = simulator->addAction(tr("&Pause simulator"));
    pause->setObjectName(QStringLiteral("pauseSimulator"));
    pause->setCheckable(true);
    pause->setShortcut(Qt::Key_F5);
    pause->setEnabled(m_sources.simulator != nullptr);
    if (m_sources.simulator)
        connect(pause, &QAction::toggled, m_sources.simulator, &Sim::MarketSimulator::setPaused);

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
    toolbar->addAction(pause);
    toolbar->addAction(utc);

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show or hide"), this, [this] { setVisible(!isVisible()); });
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

SymbolChart *MainWindow::openChart(const QString &symbol)
{
    if (symbol.isEmpty())
        return nullptr;
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (auto *chart = qobject_cast<SymbolChart *>(m_tabs->widget(i)); chart && chart->symbol() == symbol) {
            m_tabs->setCurrentIndex(i);
            return chart;
        }
    }
    auto *chart = new SymbolChart(m_tabs);
    chart->setSymbol(symbol);
    chart->setUtc(m_utc);
    m_tabs->setCurrentIndex(m_tabs->addTab(chart, symbol));
    chart->refresh(m_history);
    return chart;
}

void MainWindow::pollFeed()
{
    std::vector<Pipeline::LiveBar> bars;
    std::vector<Pipeline::LiveEvent> events;
    m_sources.feed.take(bars, events);
    for (const auto &bar : bars)
        m_history.add(bar);
    m_events->add(events);
    flushSignals();
}

void MainWindow::refreshCharts()
{
    // A third of the grid per tick: each chart still redraws five times a second,
    // but no single turn of the event loop pays for all nine.
    m_chartPhase = (m_chartPhase + 1) % 3;
    for (qsizetype i = m_chartPhase; i < m_grid.size(); i += 3)
        m_grid[i]->refresh(m_history);
    if (auto *current = qobject_cast<SymbolChart *>(m_tabs->currentWidget()))
        current->refresh(m_history);
}

void MainWindow::refreshWatchlist()
{
    const auto summaries = m_sources.pipeline.summaries();
    m_watchlist->update(summaries);
    // The grid shows the first nine symbols in watchlist order.
    for (int i = 0; i < m_grid.size(); ++i) {
        const QString symbol =
            m_watchlistFilter->rowCount() > i
                ? m_watchlist->symbolAt(m_watchlistFilter->mapToSource(m_watchlistFilter->index(i, 0)).row())
                : QString();
        if (m_grid[i]->symbol() != symbol) {
            m_grid[i]->setSymbol(symbol);
            m_grid[i]->refresh(m_history);
        }
    }
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
    for (const auto &s : std::as_const(m_pendingSignals))
        m_history.addMarker(s.symbol.toString(), Marker{s.timestamp, s.price, s.side});
    m_desktop->add(m_pendingSignals);
    m_pendingSignals.clear();
}

void MainWindow::exportSignals(const QString &path)
{
    Model::SignalList rows;
    rows.reserve(m_signalFilter->rowCount());
    for (int r = 0; r < m_signalFilter->rowCount(); ++r)
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
    if (!simulator || m_sources.simulator == simulator)
        return;
    m_sources.simulator = simulator;
    m_pauseAction->setEnabled(true);
    connect(m_pauseAction, &QAction::toggled, simulator, &Sim::MarketSimulator::setPaused);
    updateStatus();
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Export signals"), QStringLiteral("signals.csv"),
                                                      tr("CSV files (*.csv)"));
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
        this, tr("Export ticks"), (symbol.isEmpty() ? QStringLiteral("ticks") : symbol) + QStringLiteral(".csv"),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTicks(symbol, path);
}

void MainWindow::setUtc(bool utc)
{
    m_utc = utc;
    m_signals->setUtc(utc);
    for (SymbolChart *chart : findChildren<SymbolChart *>())
        chart->setUtc(utc);
    refreshCharts();
}

void MainWindow::updateStatus()
{
    const auto &stats = m_sources.writer.stats();
    const std::uint64_t stored = stats.stored.load();
    m_statusAddress->setText(tr("Ingest %1").arg(m_sources.address));
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
    if (!m_sources.simulator)
        m_statusSimulator->setText(tr("simulator off"));
    else
        m_statusSimulator->setText(m_sources.simulator->isPaused() ? tr("simulator paused") : tr("simulator running"));
}

void MainWindow::openSettings()
{
    if (!m_sources.settings)
        return;
    auto *dialog = new SettingsDialog(*m_sources.settings, this);
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
    if (m_sources.simulator)
        m_sources.simulator->setRate(settings.simulatorRate());
    m_history.setWindow(settings.chartBars());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        setWindowState(Qt::WindowMaximized);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (m_sources.settings) {
        m_history.setWindow(m_sources.settings->chartBars());
        m_utcAction->setChecked(m_sources.settings->utcTimes());
        m_closeToTray = m_sources.settings->closeToTray();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray && !m_quitting && m_tray->isAvailable()) {
        hide(); // keeps running in the tray; Quit from its menu ends it
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Gui
