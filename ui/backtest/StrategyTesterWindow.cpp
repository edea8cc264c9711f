// SPDX-License-Identifier: MIT
#include "StrategyTesterWindow.h"

#include "BacktestCharts.h"
#include "BacktestModels.h"
#include "HeatmapView.h"
#include "StrategyEditor.h"
#include "backtest/ReportExport.h"
#include "mainwindow/DockParts.h"
#include "mainwindow/InBackground.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StrategyStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

QDoubleSpinBox *moneyBox(QWidget *parent, double max, int decimals = 2)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(decimals);
    return box;
}

} // namespace

StrategyTesterWindow::StrategyTesterWindow(TesterSources sources, QWidget *parent)
    : QMainWindow(parent)
    , m_sources(std::move(sources))
    , m_editor(new StrategyEditor(this))
    , m_saved(new QComboBox(this))
    , m_symbols(new QLineEdit(this))
    , m_fromOn(new QCheckBox(tr("From"), this))
    , m_from(new QDateEdit(this))
    , m_toOn(new QCheckBox(tr("To"), this))
    , m_to(new QDateEdit(this))
    , m_cash(moneyBox(this, 1e12))
    , m_perShare(moneyBox(this, 1000, 4))
    , m_perOrder(moneyBox(this, 1e6))
    , m_percent(moneyBox(this, 100, 4))
    , m_slippage(moneyBox(this, 1000, 4))
    , m_spread(moneyBox(this, 1000, 4))
    , m_horizon(new QSpinBox(this))
    , m_run(new QPushButton(tr("&Run test"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_live(new QPushButton(tr("Trade live…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headline(new QLabel(this))
    , m_reliability(new ReliabilityModel(this))
    , m_equity(new EquityChart(this))
    , m_trades(new BacktestTradeModel(this))
    , m_tradeView(nullptr)
    , m_chart(new TradeChart(this))
    , m_objective(new QComboBox(this))
    , m_inSample(new QSpinBox(this))
    , m_outOfSample(new QSpinBox(this))
    , m_searchModel(new SearchResultModel(this))
    , m_heatmap(new HeatmapView(this))
    , m_searchStatus(new QLabel(this))
    , m_cancelFlag(std::make_shared<std::atomic<bool>>(false))
    , m_done(std::make_shared<std::atomic<std::size_t>>(0))
    , m_total(std::make_shared<std::atomic<std::size_t>>(0))
{
    setObjectName(u"strategyTester"_s);
    setWindowTitle(tr("Strategy Tester"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_trades->setTimeZone(m_sources.zone);

    auto *left = new QScrollArea(this);
    left->setWidgetResizable(true);
    left->setWidget(buildSettings());
    left->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left->setMinimumWidth(left->widget()->sizeHint().width() + 24);

    auto *tradeProxy = new QSortFilterProxyModel(this);
    tradeProxy->setSourceModel(m_trades);
    tradeProxy->setSortRole(Qt::UserRole);
    m_tradeView = tableView(tradeProxy, u"backtestTrades"_s, this);
    m_tradeView->setSortingEnabled(true);
    m_tradeView->sortByColumn(-1, Qt::AscendingOrder);
    connect(m_tradeView, &QTableView::doubleClicked, this, [this, tradeProxy](const QModelIndex &index) {
        if (const Backtest::Trade *t = m_trades->rowAt(tradeProxy->mapToSource(index).row())) {
            for (const auto &bars : m_bars)
                if (bars->symbol == t->symbol) {
                    std::vector<Backtest::Trade> own;
                    std::copy_if(m_report.trades.begin(), m_report.trades.end(), std::back_inserter(own),
                                 [&](const Backtest::Trade &x) { return x.symbol == t->symbol; });
                    m_chart->setData(bars, std::move(own));
                }
            m_chart->showTrade(*t);
            m_tabs->setCurrentWidget(m_chart);
        }
    });
    m_tabs->setObjectName(u"testerTabs"_s);
    m_tabs->addTab(buildSummary(), tr("Summary"));
    m_tabs->addTab(m_equity, tr("Equity"));
    m_tabs->addTab(m_tradeView, tr("Trades"));
    m_tabs->addTab(m_chart, tr("Chart"));
    m_tabs->addTab(buildSearch(), tr("Optimize"));

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    m_status->setObjectName(u"testerStatus"_s);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_progress->setObjectName(u"testerProgress"_s);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    buildActions();
    resize(1400, 860);

    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { present(m_watcher.result()); });
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        const std::size_t total = m_total->load();
        if (total == 0)
            return;
        m_progress->setRange(0, int(std::min<std::size_t>(total, INT_MAX)));
        m_progress->setValue(int(std::min(m_done->load(), total)));
    });
    reloadSaved();
}

StrategyTesterWindow::~StrategyTesterWindow()
{
    *m_cancelFlag = true; // a run still going stops at its next set; its result is dropped
    m_watcher.waitForFinished();
}

QWidget *StrategyTesterWindow::buildSettings()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    m_saved->setObjectName(u"savedStrategies"_s);
    auto *save = new QPushButton(tr("Save…"), box);
    save->setObjectName(u"saveStrategy"_s);
    auto *remove = new QPushButton(tr("Delete"), box);
    remove->setObjectName(u"deleteStrategy"_s);
    auto *savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Saved:"), box));
    savedRow->addWidget(m_saved, 1);
    savedRow->addWidget(save);
    savedRow->addWidget(remove);
    layout->addLayout(savedRow);
    connect(m_saved, &QComboBox::activated, this, [this] {
        const QJsonObject json = m_saved->currentData().toJsonObject();
        if (!json.isEmpty())
            m_editor->setStrategyJson(json);
    });
    connect(save, &QPushButton::clicked, this, &StrategyTesterWindow::saveStrategy);
    connect(remove, &QPushButton::clicked, this, &StrategyTesterWindow::deleteStrategy);

    auto *strategy = new QGroupBox(tr("Strategy"), box);
    auto *strategyLayout = new QVBoxLayout(strategy);
    strategyLayout->addWidget(m_editor);
    layout->addWidget(strategy);

    auto *test = new QGroupBox(tr("Test"), box);
    auto *form = new QFormLayout(test);
    m_symbols->setObjectName(u"testerSymbols"_s);
    m_symbols->setPlaceholderText(tr("AAPL, MSFT"));
    m_symbols->setCompleter(new QCompleter(m_sources.symbols, m_symbols));
    if (!m_sources.symbols.isEmpty())
        m_symbols->setText(m_sources.symbols.front());
    form->addRow(tr("Symbols:"), m_symbols);
    for (QDateEdit *date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(u"yyyy-MM-dd"_s);
        date->setEnabled(false);
    }
    m_from->setDate(QDate::currentDate().addYears(-5));
    m_to->setDate(QDate::currentDate());
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *range = new QHBoxLayout;
    range->addWidget(m_fromOn);
    range->addWidget(m_from);
    range->addWidget(m_toOn);
    range->addWidget(m_to);
    range->addStretch();
    form->addRow(tr("Range:"), range);
    m_cash->setObjectName(u"testerCash"_s);
    m_cash->setMinimum(1);
    m_cash->setValue(m_sources.startingCash);
    form->addRow(tr("Starting cash:"), m_cash);
    m_perShare->setValue(m_sources.costs.broker.perShare);
    m_perOrder->setValue(m_sources.costs.broker.perOrder);
    m_percent->setValue(m_sources.costs.broker.percent);
    m_percent->setSuffix(u" %"_s);
    m_slippage->setValue(m_sources.costs.broker.slippage);
    m_spread->setValue(m_sources.costs.spread);
    auto *commissions = new QHBoxLayout;
    commissions->addWidget(m_perShare);
    commissions->addWidget(new QLabel(tr("a share"), test));
    commissions->addWidget(m_perOrder);
    commissions->addWidget(new QLabel(tr("an order"), test));
    commissions->addWidget(m_percent);
    form->addRow(tr("Commission:"), commissions);
    auto *market = new QHBoxLayout;
    market->addWidget(m_slippage);
    market->addWidget(new QLabel(tr("spread"), test));
    market->addWidget(m_spread);
    market->addStretch();
    form->addRow(tr("Slippage:"), market);
    m_horizon->setRange(1, 10'000);
    m_horizon->setValue(10);
    m_horizon->setSuffix(tr(" bars after"));
    m_horizon->setToolTip(tr("Rule reliability: where the price was this many bars after each signal"));
    form->addRow(tr("Reliability:"), m_horizon);
    layout->addWidget(test);

    m_run->setObjectName(u"runTest"_s);
    m_run->setDefault(true);
    m_cancel->setObjectName(u"cancelTest"_s);
    m_cancel->setEnabled(false);
    m_live->setObjectName(u"tradeLive"_s);
    m_live->setToolTip(tr("Trade this strategy live on the paper account: it decides at each bar's close from the "
                          "next bar on, as the test does"));
    m_live->setVisible(m_sources.strategies != nullptr);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_live);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_run, &QPushButton::clicked, this, &StrategyTesterWindow::runTest);
    connect(m_cancel, &QPushButton::clicked, this, &StrategyTesterWindow::cancel);
    connect(m_live, &QPushButton::clicked, this, &StrategyTesterWindow::tradeLive);
    connect(m_editor, &StrategyEditor::changed, this,
            [this] { m_run->setEnabled(!m_watcher.isRunning() && m_editor->problem().isEmpty()); });
    return box;
}

QWidget *StrategyTesterWindow::buildSummary()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    m_headline->setObjectName(u"testerHeadline"_s);
    m_headline->setWordWrap(true);
    m_headline->setText(tr("Choose a strategy and symbols, then Run test."));
    layout->addWidget(m_headline);
    auto *grid = new QGridLayout;
    const std::pair<const char *, QString> figures[] = {
        {"total_return", tr("Total return")},
        {"cagr", tr("CAGR")},
        {"max_drawdown", tr("Max drawdown")},
        {"max_drawdown_days", tr("Longest drawdown")},
        {"sharpe", tr("Sharpe")},
        {"sortino", tr("Sortino")},
        {"calmar", tr("Calmar")},
        {"volatility", tr("Volatility")},
        {"trades", tr("Trades")},
        {"win_rate", tr("Win rate")},
        {"profit_factor", tr("Profit factor")},
        {"expectancy", tr("Expectancy")},
        {"exposure", tr("Exposure")},
        {"fees", tr("Fees")},
        {"end_equity", tr("Ending equity")},
        {"bars", tr("Bars")},
    };
    int i = 0;
    for (const auto &[key, title] : figures) {
        auto *name = new QLabel(title + u':', box);
        auto *value = new QLabel(u"—"_s, box);
        value->setObjectName(u"figure_"_s + QLatin1StringView(key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        grid->addWidget(name, i / 2, (i % 2) * 2);
        grid->addWidget(value, i / 2, (i % 2) * 2 + 1);
        m_figures.emplace_back(QLatin1StringView(key), value);
        ++i;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);
    auto *note = new QLabel(tr("Decisions at each bar's close, fills at the next bar's open; a stop and a target "
                               "reached in one bar count as the stop."),
                            box);
    note->setWordWrap(true);
    note->setEnabled(false);
    layout->addWidget(note);
    layout->addWidget(new QLabel(tr("Which signals to trust: each rule and alert over this history"), box));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_reliability);
    proxy->setSortRole(Qt::UserRole);
    auto *view = tableView(proxy, u"reliabilityTable"_s, box);
    view->setSortingEnabled(true);
    layout->addWidget(view, 1);
    auto *exports = new QHBoxLayout;
    for (const auto &[what, text] : {std::pair{u"trades"_s, tr("Export trades…")},
                                     {u"equity"_s, tr("Export equity…")},
                                     {u"json"_s, tr("Export JSON…")}}) {
        auto *button = new QPushButton(text, box);
        button->setObjectName(u"export_"_s + what);
        connect(button, &QPushButton::clicked, this, [this, what] { exportFile(what); });
        exports->addWidget(button);
    }
    exports->addStretch();
    layout->addLayout(exports);
    return box;
}

QWidget *StrategyTesterWindow::buildSearch()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    auto *form = new QGridLayout;
    form->addWidget(new QLabel(tr("Parameter"), box), 0, 0);
    form->addWidget(new QLabel(tr("From"), box), 0, 1);
    form->addWidget(new QLabel(tr("To"), box), 0, 2);
    form->addWidget(new QLabel(tr("Step"), box), 0, 3);
    const QStringList paths{u"fast"_s,
                            u"slow"_s,
                            u"stop_loss_percent"_s,
                            u"take_profit_percent"_s,
                            u"max_bars"_s,
                            u"rsi"_s,
                            u"buy_below"_s,
                            u"sell_above"_s,
                            u"enter_long.right.value"_s,
                            u"enter_long.right.period"_s,
                            u"enter_long.left.period"_s,
                            u"exit_long.right.value"_s,
                            u"exit_long.left.period"_s};
    const std::tuple<QString, double, double, double> defaults[] = {
        {u"fast"_s, 5, 30, 5}, {u"slow"_s, 20, 100, 10}, {QString(), 1, 5, 1}};
    for (int row = 0; row < 3; ++row) {
        auto *path = new QComboBox(box);
        path->setObjectName(u"axisPath%1"_s.arg(row));
        path->setEditable(true);
        path->addItem(QString());
        path->addItems(paths);
        path->setCurrentText(std::get<0>(defaults[row]));
        auto *from = new QDoubleSpinBox(box);
        auto *to = new QDoubleSpinBox(box);
        auto *step = new QDoubleSpinBox(box);
        for (QDoubleSpinBox *s : {from, to, step}) {
            s->setRange(0, 1e6);
            s->setDecimals(2);
        }
        step->setMinimum(0.01);
        from->setValue(std::get<1>(defaults[row]));
        to->setValue(std::get<2>(defaults[row]));
        step->setValue(std::get<3>(defaults[row]));
        form->addWidget(path, row + 1, 0);
        form->addWidget(from, row + 1, 1);
        form->addWidget(to, row + 1, 2);
        form->addWidget(step, row + 1, 3);
        m_axes.emplace_back(path, from, to, step);
    }
    form->setColumnStretch(0, 1);
    layout->addLayout(form);
    auto *controls = new QHBoxLayout;
    m_objective->setObjectName(u"objective"_s);
    const std::pair<Backtest::Objective, QString> objectives[] = {
        {Backtest::Objective::Sharpe, tr("Sharpe")},
        {Backtest::Objective::TotalReturn, tr("Total return")},
        {Backtest::Objective::Sortino, tr("Sortino")},
        {Backtest::Objective::Calmar, tr("Calmar")},
        {Backtest::Objective::ProfitFactor, tr("Profit factor")},
        {Backtest::Objective::WinRate, tr("Win rate")},
        {Backtest::Objective::Expectancy, tr("Expectancy")},
        {Backtest::Objective::MaxDrawdown, tr("Smallest drawdown")},
    };
    for (const auto &[objective, text] : objectives)
        m_objective->addItem(text, int(objective));
    auto *search = new QPushButton(tr("&Search"), box);
    search->setObjectName(u"runSearch"_s);
    connect(search, &QPushButton::clicked, this, &StrategyTesterWindow::runSearch);
    m_inSample->setRange(2, 10'000'000);
    m_inSample->setValue(500);
    m_inSample->setSuffix(tr(" bars in sample"));
    m_outOfSample->setRange(1, 10'000'000);
    m_outOfSample->setValue(100);
    m_outOfSample->setSuffix(tr(" bars out of sample"));
    auto *walk = new QPushButton(tr("&Walk forward"), box);
    walk->setObjectName(u"runWalkForward"_s);
    connect(walk, &QPushButton::clicked, this, &StrategyTesterWindow::runWalkForward);
    controls->addWidget(new QLabel(tr("Rank by:"), box));
    controls->addWidget(m_objective);
    controls->addWidget(search);
    controls->addSpacing(20);
    controls->addWidget(m_inSample);
    controls->addWidget(m_outOfSample);
    controls->addWidget(walk);
    controls->addStretch();
    layout->addLayout(controls);
    m_searchStatus->setObjectName(u"searchStatus"_s);
    m_searchStatus->setWordWrap(true);
    layout->addWidget(m_searchStatus);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_searchModel);
    proxy->setSortRole(Qt::UserRole);
    auto *results = tableView(proxy, u"searchResults"_s, box);
    results->setSortingEnabled(true);
    results->setToolTip(tr("Double-click a set to test it"));
    connect(results, &QTableView::doubleClicked, this, [this, proxy](const QModelIndex &index) {
        const Backtest::SetResult *set = m_searchModel->rowAt(proxy->mapToSource(index).row());
        if (!set)
            return;
        QJsonObject json = m_editor->strategyJson();
        for (std::size_t a = 0; a < set->values.size(); ++a)
            if (auto next = Backtest::withParameter(
                    json, m_searchModel->headerData(int(a), Qt::Horizontal, Qt::DisplayRole).toString(),
                    set->values[a]))
                json = *next;
        m_editor->setStrategyJson(json);
        runTest();
    });
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(results);
    split->addWidget(m_heatmap);
    layout->addWidget(split, 1);
    return box;
}

void StrategyTesterWindow::buildActions()
{
    auto *run = new QAction(tr("Run test"), this);
    run->setShortcut(Qt::Key_F5);
    connect(run, &QAction::triggered, this, &StrategyTesterWindow::runTest);
    addAction(run);
    auto *stop = new QAction(tr("Cancel"), this);
    stop->setShortcut(Qt::Key_Escape);
    connect(stop, &QAction::triggered, this, &StrategyTesterWindow::cancel);
    addAction(stop);
}

void StrategyTesterWindow::setSymbols(const QString &symbols)
{
    m_symbols->setText(symbols);
}

QString StrategyTesterWindow::figureText(const QString &name) const
{
    for (const auto &[key, label] : m_figures)
        if (key == name)
            return label->text();
    return {};
}

void StrategyTesterWindow::reloadSaved(const QString &select)
{
    inBackground<Util::Result<std::vector<Storage::StrategyStore::Saved>>>(
        this,
        [path = m_sources.databasePath]() -> Util::Result<std::vector<Storage::StrategyStore::Saved>> {
            auto db = Storage::SqliteDatabase::open(path);
            if (!db)
                return Util::Result<std::vector<Storage::StrategyStore::Saved>>::failure(db.error());
            if (auto s = Storage::Schema::migrate(**db); !s)
                return Util::Result<std::vector<Storage::StrategyStore::Saved>>::failure(s.error());
            return Storage::StrategyStore::all(**db);
        },
        [this, select](Util::Result<std::vector<Storage::StrategyStore::Saved>> saved) {
            m_saved->clear();
            m_saved->addItem(tr("Moving-average crossover (preset)"), Backtest::presetJson(u"ma_cross"_s));
            m_saved->addItem(tr("RSI with trend (preset)"), Backtest::presetJson(u"rsi_trend"_s));
            if (!saved) {
                m_status->setText(saved.error());
                return;
            }
            for (const auto &s : *saved)
                m_saved->addItem(s.name, s.definition);
            if (!select.isEmpty())
                m_saved->setCurrentIndex(std::max(0, m_saved->findText(select)));
        });
}

void StrategyTesterWindow::saveStrategy()
{
    if (const QString problem = m_editor->problem(); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Save strategy"), problem);
        return;
    }
    QJsonObject json = m_editor->strategyJson();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save strategy"), tr("Name:"), QLineEdit::Normal,
                                               json.value(u"name"_s).toString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    json.insert(u"name"_s, name);
    m_editor->setStrategyJson(json);
    inBackground<Util::Result<qint64>>(
        this,
        [path = m_sources.databasePath, name, json]() -> Util::Result<qint64> {
            auto db = Storage::SqliteDatabase::open(path);
            if (!db)
                return Util::Result<qint64>::failure(db.error());
            if (auto s = Storage::Schema::migrate(**db); !s)
                return Util::Result<qint64>::failure(s.error());
            return Storage::StrategyStore::save(**db, name, json, QDateTime::currentMSecsSinceEpoch() * 1000);
        },
        [this, name](Util::Result<qint64> id) {
            m_status->setText(id ? tr("Saved \"%1\".").arg(name) : id.error());
            reloadSaved(name);
        });
}

void StrategyTesterWindow::deleteStrategy()
{
    const QString name = m_saved->currentText();
    if (m_saved->currentIndex() < 2) // the presets
        return;
    if (QMessageBox::question(this, tr("Delete strategy"), tr("Delete the saved strategy \"%1\"?").arg(name)) !=
        QMessageBox::Yes)
        return;
    inBackground<Util::Result<bool>>(
        this,
        [path = m_sources.databasePath, name]() -> Util::Result<bool> {
            auto db = Storage::SqliteDatabase::open(path);
            return db ? Storage::StrategyStore::remove(**db, name) : Util::Result<bool>::failure(db.error());
        },
        [this, name](Util::Result<bool> removed) {
            m_status->setText(removed ? tr("Deleted \"%1\".").arg(name) : removed.error());
            reloadSaved();
        });
}

void StrategyTesterWindow::exportFile(const QString &what)
{
    if (m_report.metrics.bars == 0) {
        m_status->setText(tr("Run a test first."));
        return;
    }
    const QString filter = what == u"json"_s ? tr("JSON (*.json)") : tr("CSV (*.csv)");
    const QString suggested =
        u"%1-%2.%3"_s.arg(what == u"json"_s ? u"backtest"_s : what, m_symbols->text().section(u',', 0, 0).trimmed(),
                          what == u"json"_s ? u"json"_s : u"csv"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
    if (path.isEmpty())
        return;
    QByteArray content = what == u"trades"_s ? Backtest::tradesCsv(m_report.trades)
                         : what == u"equity"_s
                             ? Backtest::equityCsv(m_report.equity, m_report.metrics.startEquity)
                             : QJsonDocument(Backtest::reportJson(m_report, m_reportStrategy, true, true)).toJson();
    inBackground<QString>(
        this,
        [path, content = std::move(content)]() -> QString {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
                return file.errorString();
            return {};
        },
        [this, path](const QString &error) {
            m_status->setText(error.isEmpty() ? tr("Written to %1.").arg(path)
                                              : tr("Cannot write %1: %2").arg(path, error));
        });
}

} // namespace Gui
