// SPDX-License-Identifier: MIT
#pragma once

#include "backtest/Backtest.h"
#include "backtest/Optimizer.h"
#include "backtest/Reliability.h"
#include "backtest/WalkForward.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace Trading {
class StrategyTrader;
}

namespace Gui {

class BacktestTradeModel;
class EquityChart;
class HeatmapView;
class ReliabilityModel;
class SearchResultModel;
class StrategyEditor;
class TradeChart;

/// What the tester needs of the terminal.
struct TesterSources
{
    QString databasePath;
    QStringList symbols;   ///< offered first (the watchlist's)
    Backtest::Costs costs; ///< the paper broker's, the costs a test starts with
    double startingCash = 100'000;
    Signals::RuleConfig rules; ///< the built-in rules as the engine runs them (for reliability)
    Indicators::IndicatorConfig indicators;
    QTimeZone zone = QTimeZone::utc();                       ///< where days begin
    std::function<std::vector<Alerts::Definition>()> alerts; ///< the trader's alerts (for reliability)
    Trading::StrategyTrader *strategies = nullptr;           ///< null: no live trading offered
};

/// The strategy tester: a strategy (built in the editor, or saved), symbols, range and costs; a test's figures,
/// rule reliability, equity and drawdown, trades (also on a price chart); a parameter search with its ranked
/// sets and heatmap, and walk-forward; exports of the results. Tests run on the thread pool with progress and
/// cancel; the window never waits on them.
class StrategyTesterWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StrategyTesterWindow)

public:
    explicit StrategyTesterWindow(TesterSources sources, QWidget *parent = nullptr);
    ~StrategyTesterWindow() override;

    StrategyEditor *editor() const { return m_editor; }
    void setSymbols(const QString &symbols);
    /// Starts a test of the strategy shown (also the Run button); finished() when its results are shown.
    void runTest();
    void runSearch();
    void runWalkForward();
    void cancel();
    /// Trades the strategy shown live on the paper account, on the symbols given (after asking).
    void tradeLive();
    bool isRunning() const { return m_watcher.isRunning(); }
    /// The last test's results (for tests and exports).
    const Backtest::Report &report() const { return m_report; }
    /// A figure as the summary shows it ("sharpe", "total_return"…), or empty.
    QString figureText(const QString &name) const;

Q_SIGNALS:
    void finished();

private:
    /// What a run hands back to the window.
    struct Outcome
    {
        enum class Kind
        {
            Test,
            Search,
            WalkForward,
        };
        Kind kind = Kind::Test;
        QString error;
        QJsonObject strategy;
        std::vector<std::shared_ptr<const Backtest::BarColumns>> bars;
        Backtest::Report report;
        std::vector<Backtest::Reliability> reliability;
        Backtest::Grid grid;
        std::vector<Backtest::SetResult> results;
        Backtest::WalkForwardResult walk;
        Backtest::Objective objective = Backtest::Objective::Sharpe;
    };
    struct Request;

    /// A strategy's name, or what it is ("Moving-average crossover 10/30").
    static QString title(const QJsonObject &json);
    QWidget *buildSettings();
    QWidget *buildSummary();
    QWidget *buildSearch();
    void buildActions();
    /// The run's settings from the form; nothing after saying what is wrong.
    std::optional<Request> request(Outcome::Kind kind);
    void start(Request request);
    void present(Outcome outcome);
    void showReport(const Outcome &outcome);
    void showSearch(const Outcome &outcome);
    void setBusy(bool busy);
    void reloadSaved(const QString &select = {});
    void saveStrategy();
    void deleteStrategy();
    void exportFile(const QString &what);

    TesterSources m_sources;
    StrategyEditor *m_editor;
    QComboBox *m_saved;
    QLineEdit *m_symbols;
    QCheckBox *m_fromOn;
    QDateEdit *m_from;
    QCheckBox *m_toOn;
    QDateEdit *m_to;
    QDoubleSpinBox *m_cash;
    QDoubleSpinBox *m_perShare;
    QDoubleSpinBox *m_perOrder;
    QDoubleSpinBox *m_percent;
    QDoubleSpinBox *m_slippage;
    QDoubleSpinBox *m_spread;
    QSpinBox *m_horizon;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_live;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QLabel *m_headline;
    std::vector<std::pair<QString, QLabel *>> m_figures;
    ReliabilityModel *m_reliability;
    EquityChart *m_equity;
    BacktestTradeModel *m_trades;
    QTableView *m_tradeView;
    TradeChart *m_chart;
    std::vector<std::tuple<QComboBox *, QDoubleSpinBox *, QDoubleSpinBox *, QDoubleSpinBox *>> m_axes;
    QComboBox *m_objective;
    QSpinBox *m_inSample;
    QSpinBox *m_outOfSample;
    SearchResultModel *m_searchModel;
    HeatmapView *m_heatmap;
    QLabel *m_searchStatus;

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<std::atomic<std::size_t>> m_done;
    std::shared_ptr<std::atomic<std::size_t>> m_total;
    QTimer m_progressTimer;
    Backtest::Report m_report;
    QJsonObject m_reportStrategy;
    std::vector<std::shared_ptr<const Backtest::BarColumns>> m_bars;
};

} // namespace Gui
