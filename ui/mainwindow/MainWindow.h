// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/Drawing.h"
#include "charts/BarHistory.h"
#include "charts/SymbolChart.h"
#include "model/TradeSignal.h"
#include "trading/Order.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QComboBox;
class QDateEdit;

namespace History {
class RefreshService;
struct RefreshRequest;
} // namespace History
namespace Nats {
class IngestConsumer;
class NatsPublisher;
class TerminalFeed;
} // namespace Nats
namespace Alerts {
class AlertManager;
}
namespace Trading {
class PaperManager;
class StrategyTrader;
struct TradeQuery;
} // namespace Trading
namespace Core {
class Settings;
}
namespace Ingest {
struct IngestCounters;
}
namespace Pipeline {
class LiveFeed;
class Pipeline;
} // namespace Pipeline
namespace Sim {
class MarketSimulator;
}
namespace Notify {
class BurstCoalescer;
class Notifier;
} // namespace Notify
namespace Storage {
class StorageWriter;
}

namespace Gui {

class AlertModel;
class ChartGrid;
class ChartLoader;
class ChartWindow;
class EventModel;
class OrderModel;
class OrderTicket;
class PnlCalendar;
class PositionModel;
class RefreshDialog;
class StrategyTesterWindow;
class TradeModel;
class SignalModel;
class FileTransfers;
class SymbolChart;
class TrayNotifier;
class WatchlistFilter;
class WatchlistModel;

/// What the window shows; the window owns none of it.
struct Sources
{
    Pipeline::Pipeline &pipeline;
    Pipeline::LiveFeed &feed;
    const Storage::StorageWriter &writer;
    const Ingest::IngestCounters &ingest;
    QString address;
    Sim::MarketSimulator *simulator = nullptr;
    Core::Settings *settings = nullptr;   ///< null: no settings dialog (tests)
    Notify::Notifier *notifier = nullptr; ///< null: tray messages coalesced by the window alone (tests)
    /// Starts the built-in simulator when there is none yet (Simulator → Start); null: not offered.
    std::function<Sim::MarketSimulator *()> startSimulator = {};
    /// The trader's alerts and drawings; null: no Alerts dock, no drawings (tests).
    Alerts::AlertManager *alerts = nullptr;
    /// The paper account; null: no order ticket, no trading docks (tests).
    Trading::PaperManager *paper = nullptr;
    /// The strategies trading live; null: the tester offers no live trading (tests).
    Trading::StrategyTrader *strategies = nullptr;
    /// The web monitor's page; empty: not offered.
    QUrl webMonitor = {};
    /// Publishing to NATS; null: not configured (no NATS field in the status bar).
    const Nats::NatsPublisher *nats = nullptr;
    /// History refreshes and gap fills; null: not offered (tests).
    History::RefreshService *refreshes = nullptr;
    /// Records consumed from the NATS ingest work queue; null: not configured.
    const Nats::IngestConsumer *natsIngest = nullptr;
    /// The window shows the nodes' feed from NATS (--source); null: this TickDesk's own.
    Nats::TerminalFeed *terminal = nullptr;
};

/// The terminal: watchlist, charts (a 3×3 grid and a tab per opened symbol),
/// signal, events and summary panels in docks, status bar and tray. Data
/// arrives on timers from the live feed and summaries, never one event per tick;
/// charts and the signal panel read their past from the database in the
/// background. Open tabs, the grid, columns and the time zone survive a restart.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Sources sources, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens (or brings forward) the chart tab of a symbol; a new one in `timeframe`, or the one last
    /// picked on a tab.
    SymbolChart *openChart(const QString &symbol, std::optional<Bars::Timeframe> timeframe = std::nullopt);
    /// Moves a tab's chart into a window of its own (closing that window puts it back in a tab).
    ChartWindow *detachChart(SymbolChart *chart);
    /// Takes what the feed holds and redraws what changed; runs on a timer, public for tests.
    void pollFeed();
    void refreshWatchlist();
    /// Redraws the visible charts whose data changed; on a timer, public for tests.
    void refreshCharts();
    void onSignals(const Model::SignalList &signals);
    /// Exports the signals the panel shows (its filters applied) to a CSV file in the
    /// background, with progress and cancel; exportFinished tells the outcome.
    void exportSignals(const QString &path);
    /// Stored bars of a symbol (all when empty) to CSV, in the background.
    void exportTicks(const QString &symbol, const QString &path);
    /// A CSV or JSON file into the pipeline, in the background; the charts and indicators
    /// take the history as it goes in. `symbol` names a CSV's symbol when it has no column for it.
    void importFile(const QString &path, const QString &symbol = {});
    /// The same, asking for the symbol first when a CSV has no symbol column (File → Import, a second start).
    void importWithPrompt(const QString &path);
    /// A simulator started after the window (a second start with --simulate).
    void attachSimulator(Sim::MarketSimulator *simulator);
    /// Shows the window in front, also from the tray or minimised.
    void bringForward();
    ChartGrid *grid() const noexcept { return m_grid; }
    /// Lists the symbol no more (its data still comes in); View → Show removed symbols again undoes it.
    void removeFromWatchlist(const QString &symbol);
    /// Starts the simulator, or carries it on after a stop.
    void startSimulator();
    void stopSimulator();

    /// Named workspaces (View → Workspaces): the chart tabs and detached windows, the grid's size and
    /// cells, every chart's timeframe, type and indicators, and the docks' layout, saved under a name and
    /// brought back at once. Saving under a name that exists replaces it.
    void saveWorkspace(const QString &name);
    /// False when there is no workspace of that name (nothing changes).
    bool loadWorkspace(const QString &name);
    void deleteWorkspace(const QString &name);
    QStringList workspaces() const;
    /// Why a name cannot name a workspace, or empty when it can.
    static QString workspaceNameProblem(const QString &name);

    /// Opens the alert dialog on `alert` (a new one when its id is 0); accepted, it is stored. With `carrier`,
    /// the alert is the drawn line's and keeps the line as its level (`onLine`: its level is a line anyway).
    void editAlert(Alerts::Definition alert, std::optional<Alerts::Drawing> carrier = std::nullopt,
                   bool onLine = false);
    /// The alert dialog for a new alert on the symbol at its last price (the watchlist's "Add alert…").
    void addAlertForSymbol(const QString &symbol);

    /// The order ticket, shown, for a new order on `symbol` (Enter sends a buy, or a sell), at `price` when given
    /// (MainWindowTrading.cpp).
    void prepareOrder(const QString &symbol, bool buy, std::optional<double> price = std::nullopt);
    /// The order ticket, shown, changing a working order.
    void editOrder(const Trading::Order &order);
    /// A market order closing the paper position in `symbol`.
    void closePosition(const QString &symbol);
    /// Trade → P/L calendar.
    void showPnlCalendar();
    /// Opens (or brings forward) the strategy tester.
    StrategyTesterWindow *openStrategyTester();
    /// The strategies trading live, to pause or end.
    void showLiveStrategies();
    /// Trade → Signals that trade: the dialog, whose OK stores them.
    void editAutoTrades();
    /// File → Refresh history: `symbols` (empty: the watchlist) from `source` (empty: the schedule's), or
    /// only their gaps; the progress dialog shows it (MainWindowHistory.cpp).
    bool refreshHistory(const QStringList &symbols = {}, const QString &source = {}, bool gapsOnly = false);
    /// A refresh as asked for (handed over by `tickdesk refresh`); empty symbols: the watchlist.
    bool refreshHistory(History::RefreshRequest request);
    RefreshDialog *refreshDialog() const noexcept { return m_refreshDialog; }
    OrderTicket *orderTicket() const noexcept { return m_ticket; }
    PnlCalendar *pnlCalendar() const noexcept { return m_calendar; }

Q_SIGNALS:
    void exportFinished(const QString &error, qint64 count);
    void importFinished(const QString &error, qint64 stored, qint64 skipped);
    /// A chart's stored history arrived and is drawn from now on.
    void historyLoaded(const QString &symbol);
    /// The signal panel has the stored signals.
    void signalHistoryLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    void showWatchlistMenu(const QPoint &at);
    void selectInWatchlist(const QString &symbol);
    /// Reads a chart's stored history unless done or under way (`again`: in any case).
    void ensureLoaded(const ChartKey &chart, bool again = false);
    /// Tells the bar history which charts are on screen; only those keep bars in memory.
    void updateWatched();
    /// Reads a chart's stored history again (after its read, if one is under way).
    void reload(const ChartKey &chart);
    /// A chart's timeframe was changed by the trader: its bars are read, the layout saved.
    void onTimeframeChanged(SymbolChart *chart);
    /// Connects what every chart (grid cell or tab) asks of the window.
    void connectChart(SymbolChart *chart);
    void reloadShown();
    void saveCharts() const;
    void restoreCharts();
    void updateSimulatorActions();
    /// The charts of the tabs, then those detached into windows of their own.
    QList<SymbolChart *> tabCharts() const;
    void reattach(ChartWindow *window);
    /// The charts of the grid's cells and the tabs.
    QList<ChartKey> shownCharts() const;
    void updateStatus();
    void flushSignals();
    void restoreLayout();
    void setUtc(bool utc);
    void openSettings();
    void chooseImport();
    void showImportOutcome(int icon, const QString &text, const QString &details);
    void chooseTickExport();
    void chooseSignalExport();
    void applySettings();
    /// View → Workspaces, filled as it opens.
    void fillWorkspaceMenu(QMenu *menu);
    void chooseWorkspaceName();
    /// Closes every chart tab and detached window (the grid stays).
    void closeChartTabs();
    void buildAlertsDock();
    qint64 selectedAlert() const;
    void editAlertById(qint64 id);
    /// Gives a chart its symbol's drawings, reading them first if they are not known yet.
    void showDrawings(SymbolChart *chart);
    void connectChartAlerts(SymbolChart *chart);
    /// The symbol of the chart tab in front, or empty (the grid).
    QString currentChartSymbol() const;
    /// The grid's charts, the tabs' and the detached ones.
    QList<SymbolChart *> allCharts() const;
    void buildTrading();
    /// File → Refresh history, the status field, the events and the watchlist's notes of refreshes.
    void buildHistory(QMenu *file);
    void applyHistorySettings();
    /// The last refresh of each symbol, read in the background into the watchlist's tooltips.
    void loadRefreshNotes();
    void buildTradeMenu();
    /// The account line, the positions and the orders, as the paper desk has them now.
    void showAccount();
    /// Reads the trades the blotter's filters ask for.
    void listTrades();
    Trading::TradeQuery tradeQuery() const;
    /// The symbol Trade → Buy… and Sell… act on: the chart tab's in front, or the watchlist's selected one.
    QString symbolToTrade() const;
    /// Gives a chart its symbol's paper fills (reading them first if they are not known yet) and working orders.
    void showFills(SymbolChart *chart);
    void connectChartTrading(SymbolChart *chart);
    /// A symbol's working limit and stop orders, as its charts draw them.
    std::vector<OrderLine> orderLinesOf(const QString &symbol) const;

    Sources m_sources;
    BarHistory m_history;
    WatchlistModel *m_watchlist;
    WatchlistFilter *m_watchlistFilter;
    SignalModel *m_signals;
    QSortFilterProxyModel *m_signalFilter;
    EventModel *m_events;
    QSortFilterProxyModel *m_eventFilter;
    QTabWidget *m_tabs;
    ChartGrid *m_grid;
    ChartLoader *m_loader;
    QTableView *m_watchlistView = nullptr;
    QTableView *m_signalView = nullptr;
    QTableView *m_eventView = nullptr;
    QLineEdit *m_symbolSearch = nullptr;
    QComboBox *m_sideFilter = nullptr;
    QComboBox *m_ruleFilter = nullptr;
    QLineEdit *m_signalSymbolFilter = nullptr;
    TrayNotifier *m_tray = nullptr;
    Notify::BurstCoalescer *m_desktop = nullptr;
    QLabel *m_statusAddress;
    QLabel *m_statusRate;
    QLabel *m_statusRejected;
    QLabel *m_statusLatency;
    QLabel *m_statusDatabase;
    QLabel *m_statusSimulator;
    QLabel *m_statusNats = nullptr;    ///< when publishing to NATS
    QLabel *m_statusHistory = nullptr; ///< while a history refresh runs
    RefreshDialog *m_refreshDialog = nullptr;
    std::uint64_t m_lastStored = 0;
    Model::SignalList m_pendingSignals;
    int m_chartPhase = 0;
    FileTransfers *m_transfers;
    bool m_utc = false;
    bool m_closeToTray = false;
    bool m_quitting = false;
    QAction *m_utcAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_runAction = nullptr;
    bool m_restoring = false;
    QSet<QString> m_reloadWanted;        ///< charts (ChartKey::id) to read again once their current read is in
    QList<ChartWindow *> m_chartWindows; ///< detached charts, in the order they left the tabs
    Bars::Timeframe m_tabTimeframe = Bars::Timeframe::minutes(1); ///< of a new tab: the last picked on one
    AlertModel *m_alertModel = nullptr;
    QSortFilterProxyModel *m_alertFilter = nullptr;
    QTableView *m_alertView = nullptr;
    QHash<QString, std::vector<Alerts::Drawing>> m_drawings; ///< by symbol, as stored
    QSet<QString> m_drawingsAsked;                           ///< symbols whose drawings are being read
    OrderTicket *m_ticket = nullptr;
    PositionModel *m_positionModel = nullptr;
    OrderModel *m_orderModel = nullptr;
    TradeModel *m_tradeModel = nullptr;
    QTableView *m_positionView = nullptr;
    QTableView *m_orderView = nullptr;
    QTableView *m_tradeView = nullptr;
    QLineEdit *m_tradeSymbol = nullptr;
    QDateEdit *m_tradeFrom = nullptr;
    QDateEdit *m_tradeTo = nullptr;
    QLabel *m_tradeCount = nullptr;
    QLabel *m_statusAccount = nullptr;
    PnlCalendar *m_calendar = nullptr;
    QPointer<StrategyTesterWindow> m_tester;                    ///< closed: deleted
    QHash<QString, std::vector<SymbolChart::FillMark>> m_fills; ///< paper fills by symbol, as stored
    QSet<QString> m_fillsAsked;                                 ///< symbols whose fills are being read
    quint64 m_fillsRead = 0;
    std::vector<Trading::Order> m_working; ///< the paper desk's working orders, as last shown
};

} // namespace Gui
