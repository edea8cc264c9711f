// SPDX-License-Identifier: MIT
// The strategy tester's runs: what a run needs, taken from the form; the run on the thread pool; its results shown.
#include "BacktestCharts.h"
#include "BacktestModels.h"
#include "HeatmapView.h"
#include "StrategyEditor.h"
#include "StrategyTesterWindow.h"
#include "mainwindow/InBackground.h"
#include "trading/StrategyTrader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Gui {

struct StrategyTesterWindow::Request
{
    Outcome::Kind kind = Outcome::Kind::Test;
    QString databasePath;
    Backtest::BarRequest bars;
    QJsonObject strategy;
    Backtest::Settings settings;
    int horizon = 10;
    Signals::RuleConfig rules;
    Indicators::IndicatorConfig indicators;
    std::vector<Alerts::Definition> alerts;
    Backtest::Grid grid;
    Backtest::Objective objective = Backtest::Objective::Sharpe;
    Backtest::WalkForwardSpec walk;
};

namespace {

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 2) + u" %"_s;
}

QString orDash(const std::optional<double> &value, bool asPercent = false)
{
    if (!value)
        return u"—"_s;
    return asPercent ? percent(*value) : QString::number(*value, 'f', 2);
}

} // namespace

QString StrategyTesterWindow::title(const QJsonObject &json)
{
    const QString name = json.value(u"name"_s).toString();
    if (!name.isEmpty())
        return name;
    const QString preset = json.value(u"preset"_s).toString();
    if (preset == u"ma_cross"_s)
        return tr("Moving-average crossover %1/%2")
            .arg(json.value(u"fast"_s).toInt(10))
            .arg(json.value(u"slow"_s).toInt(30));
    if (preset == u"rsi_trend"_s)
        return tr("RSI with trend");
    return tr("Unnamed strategy");
}

std::optional<StrategyTesterWindow::Request> StrategyTesterWindow::request(Outcome::Kind kind)
{
    const auto refuse = [this](const QString &why) {
        m_status->setText(why);
        return std::nullopt;
    };
    Request r;
    r.kind = kind;
    r.databasePath = m_sources.databasePath;
    r.strategy = m_editor->strategyJson();
    const auto strategy = Backtest::strategyFromJson(r.strategy);
    if (!strategy)
        return refuse(tr("The strategy cannot run: %1").arg(strategy.error()));
    for (const QString &part : m_symbols->text().split(u',', Qt::SkipEmptyParts)) {
        Model::Symbol symbol;
        if (!Model::Symbol::fromString(part.trimmed().toUpper(), symbol))
            return refuse(tr("\"%1\" is not a symbol.").arg(part.trimmed()));
        if (!r.bars.symbols.contains(symbol.toString()))
            r.bars.symbols << symbol.toString();
    }
    if (r.bars.symbols.isEmpty())
        return refuse(tr("Give the symbols to test, e.g. AAPL."));
    r.bars.timeframe = strategy->timeframe;
    r.bars.zone = m_sources.zone;
    if (m_fromOn->isChecked())
        r.bars.fromUs = QDateTime(m_from->date(), QTime(0, 0), m_sources.zone).toMSecsSinceEpoch() * 1000;
    if (m_toOn->isChecked())
        r.bars.toUs = QDateTime(m_to->date().addDays(1), QTime(0, 0), m_sources.zone).toMSecsSinceEpoch() * 1000 - 1;
    if (r.bars.fromUs > r.bars.toUs)
        return refuse(tr("The range begins after it ends."));
    r.settings.startingCash = m_cash->value();
    r.settings.costs.broker.perShare = m_perShare->value();
    r.settings.costs.broker.perOrder = m_perOrder->value();
    r.settings.costs.broker.percent = m_percent->value();
    r.settings.costs.broker.slippage = m_slippage->value();
    r.settings.costs.spread = m_spread->value();
    r.horizon = m_horizon->value();
    r.rules = m_sources.rules;
    r.indicators = m_sources.indicators;
    if (m_sources.alerts)
        r.alerts = m_sources.alerts();
    if (kind != Outcome::Kind::Test) {
        std::vector<Backtest::Axis> axes;
        for (const auto &[path, from, to, step] : m_axes)
            if (!path->currentText().trimmed().isEmpty())
                axes.push_back({path->currentText().trimmed(), from->value(), to->value(), step->value()});
        auto grid = Backtest::Grid::of(axes);
        if (!grid)
            return refuse(grid.error());
        if (auto first = grid->apply(r.strategy, 0); !first)
            return refuse(first.error());
        r.grid = *grid;
        r.objective = Backtest::Objective(m_objective->currentData().toInt());
        r.walk = {std::size_t(m_inSample->value()), std::size_t(m_outOfSample->value()), r.objective};
    }
    return r;
}

void StrategyTesterWindow::runTest()
{
    if (auto r = request(Outcome::Kind::Test))
        start(std::move(*r));
}

void StrategyTesterWindow::runSearch()
{
    if (auto r = request(Outcome::Kind::Search))
        start(std::move(*r));
}

void StrategyTesterWindow::runWalkForward()
{
    if (auto r = request(Outcome::Kind::WalkForward))
        start(std::move(*r));
}

void StrategyTesterWindow::cancel()
{
    *m_cancelFlag = true;
    if (m_watcher.isRunning())
        m_status->setText(tr("Cancelling…"));
}

void StrategyTesterWindow::start(Request request)
{
    if (m_watcher.isRunning())
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    *m_done = 0;
    *m_total = 0;
    setBusy(true);
    m_status->setText(request.kind == Outcome::Kind::Test ? tr("Testing…") : tr("Searching…"));
    m_watcher.setFuture(
        QtConcurrent::run([request = std::move(request), cancel = m_cancelFlag, done = m_done, total = m_total]() {
            Outcome out;
            out.kind = request.kind;
            out.strategy = request.strategy;
            out.grid = request.grid;
            out.objective = request.objective;
            auto bars = Backtest::loadBars(request.databasePath, request.bars);
            if (!bars) {
                out.error = bars.error();
                return out;
            }
            out.bars.assign(bars->begin(), bars->end());
            std::vector<std::shared_ptr<Backtest::SeriesCache>> series;
            for (const auto &b : out.bars)
                series.push_back(std::make_shared<Backtest::SeriesCache>(b));
            const auto progress = [done, total](std::size_t d, std::size_t t) {
                *total = t;
                *done = d;
            };
            const Backtest::Strategy strategy = *Backtest::strategyFromJson(request.strategy);
            if (request.kind == Outcome::Kind::Test) {
                std::vector<Backtest::SeriesCache *> caches;
                for (const auto &s : series)
                    caches.push_back(s.get());
                out.report = Backtest::run(strategy, caches, request.settings);
                for (const auto &s : series) {
                    auto rows =
                        Backtest::reliability(*s, request.rules, request.indicators, request.alerts, request.horizon);
                    for (Backtest::Reliability &row : rows) {
                        if (series.size() > 1)
                            row.name = s->bars().symbol + u' ' + row.name;
                        out.reliability.push_back(std::move(row));
                    }
                }
                return out;
            }
            Backtest::Search search;
            search.strategy = request.strategy;
            search.grid = request.grid;
            search.series = series;
            search.settings = request.settings;
            if (request.kind == Outcome::Kind::Search) {
                out.results = Backtest::runSearch(search, *cancel, progress);
                return out;
            }
            auto walk = Backtest::walkForward(search, request.walk, *cancel, progress);
            if (!walk)
                out.error = walk.error();
            else
                out.walk = std::move(*walk);
            return out;
        }));
    m_progressTimer.start();
}

void StrategyTesterWindow::setBusy(bool busy)
{
    m_run->setEnabled(!busy && m_editor->problem().isEmpty());
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    for (auto *button : findChildren<QPushButton *>())
        if (button->objectName() == u"runSearch"_s || button->objectName() == u"runWalkForward"_s)
            button->setEnabled(!busy);
    if (!busy)
        m_progressTimer.stop();
}

void StrategyTesterWindow::present(Outcome outcome)
{
    setBusy(false);
    if (!outcome.error.isEmpty()) {
        m_status->setText(outcome.error);
        Q_EMIT finished();
        return;
    }
    if (outcome.kind == Outcome::Kind::Search) {
        showSearch(outcome);
    } else {
        showReport(outcome);
    }
    Q_EMIT finished();
}

void StrategyTesterWindow::showReport(const Outcome &outcome)
{
    const bool walk = outcome.kind == Outcome::Kind::WalkForward;
    if (walk && *m_cancelFlag) {
        m_status->setText(tr("Walk-forward cancelled."));
        return;
    }
    Backtest::Report report;
    if (walk) {
        report.metrics = outcome.walk.metrics;
        report.trades = outcome.walk.trades;
        report.equity = outcome.walk.equity;
    } else {
        report = outcome.report;
    }
    m_report = report;
    m_reportStrategy = outcome.strategy;
    m_bars = outcome.bars;
    const Backtest::Strategy strategy = *Backtest::strategyFromJson(outcome.strategy);
    const Backtest::Metrics &m = report.metrics;
    QStringList symbols;
    for (const auto &b : outcome.bars)
        symbols << b->symbol;
    const auto day = [this](Model::TimestampUs t) {
        return QDateTime::fromMSecsSinceEpoch(t / 1000, m_sources.zone).toString(u"yyyy-MM-dd"_s);
    };
    const QString name = title(outcome.strategy);
    QString headline =
        tr("<b>%1</b> on %2, %3 bars, %4 to %5")
            .arg(name.toHtmlEscaped(), symbols.join(u", "_s), strategy.timeframe.name(), day(m.from), day(m.to));
    if (walk) {
        QStringList folds;
        for (const Backtest::Fold &f : outcome.walk.folds) {
            QStringList values;
            for (std::size_t a = 0; a < f.best.size(); ++a)
                values << u"%1=%2"_s.arg(outcome.grid.axes()[a].path).arg(f.best[a]);
            folds << u"%1: %2 → %3"_s.arg(day(f.outOfSample.from), values.join(u' '),
                                          percent(f.outOfSampleMetrics.totalReturn));
        }
        headline +=
            u"<br>"_s +
            tr("Walk-forward, out-of-sample stretches joined (%n folds):", nullptr, int(outcome.walk.folds.size())) +
            u"<br>"_s + folds.join(u"<br>"_s);
    } else {
        headline += u"<br>"_s + Backtest::describe(strategy).toHtmlEscaped();
    }
    m_headline->setText(headline);
    const std::pair<QString, QString> values[] = {
        {u"total_return"_s, percent(m.totalReturn)},
        {u"cagr"_s, m.cagr ? percent(*m.cagr) : tr("— (under a year)")},
        {u"max_drawdown"_s, percent(m.maxDrawdown)},
        {u"max_drawdown_days"_s, tr("%1 days (%n bars)", nullptr, int(m.maxDrawdownBars))
                                     .arg(QString::number(double(m.maxDrawdownUs) / 86'400e6, 'f', 1))},
        {u"sharpe"_s, orDash(m.sharpe)},
        {u"sortino"_s, orDash(m.sortino)},
        {u"calmar"_s, orDash(m.calmar)},
        {u"volatility"_s, percent(m.volatility)},
        {u"trades"_s, QString::number(m.trades)},
        {u"win_rate"_s, orDash(m.winRate, true)},
        {u"profit_factor"_s, m.profitFactor ? orDash(m.profitFactor) : (m.trades > 0 ? tr("— (no loss)") : u"—"_s)},
        {u"expectancy"_s, orDash(m.expectancy)},
        {u"exposure"_s, percent(m.exposure)},
        {u"fees"_s, QString::number(m.fees, 'f', 2)},
        {u"end_equity"_s, QString::number(m.endEquity, 'f', 2)},
        {u"bars"_s, QString::number(m.bars)},
    };
    for (const auto &[key, text] : values)
        for (auto &[figure, label] : m_figures)
            if (figure == key) {
                label->setText(text);
                label->setStyleSheet(key == u"total_return"_s
                                         ? (m.totalReturn >= 0 ? u"color: #26a69a;"_s : u"color: #ef5350;"_s)
                                         : QString());
            }
    if (!walk) {
        m_reliability->setHorizon(m_horizon->value());
        m_reliability->setRows(outcome.reliability);
    }
    m_equity->setEquity(report.equity, m.startEquity, walk ? tr("Equity, out of sample") : tr("Equity"));
    m_trades->setDatesOnly(strategy.timeframe.kind() == Bars::Timeframe::Kind::Day ||
                           strategy.timeframe.kind() == Bars::Timeframe::Kind::Week);
    m_trades->setRows(report.trades);
    m_tradeView->resizeColumnsToContents();
    if (!outcome.bars.empty()) {
        std::vector<Backtest::Trade> own;
        std::copy_if(report.trades.begin(), report.trades.end(), std::back_inserter(own),
                     [&](const Backtest::Trade &t) { return t.symbol == outcome.bars.front()->symbol; });
        m_chart->setData(outcome.bars.front(), std::move(own));
    }
    m_status->setText(tr("%1: %n trades, return %2.", nullptr, m.trades)
                          .arg(walk ? tr("Walk-forward done") : tr("Test done"), percent(m.totalReturn)));
    if (walk || m_tabs->currentIndex() == m_tabs->count() - 1)
        m_tabs->setCurrentIndex(walk ? 1 : 0);
}

void StrategyTesterWindow::showSearch(const Outcome &outcome)
{
    const auto ran = std::count_if(outcome.results.begin(), outcome.results.end(),
                                   [](const Backtest::SetResult &r) { return r.metrics.has_value(); });
    std::vector<Backtest::SetResult> best = Backtest::ranked(outcome.results, outcome.objective);
    QString refused;
    for (const Backtest::SetResult &r : outcome.results)
        if (!r.metrics) {
            refused = r.error;
            break;
        }
    const bool cancelled = outcome.results.size() < outcome.grid.size();
    m_searchStatus->setText(
        (cancelled ? tr("Cancelled after %1 of %2 sets.").arg(outcome.results.size()).arg(outcome.grid.size())
                   : tr("%1 sets run.").arg(outcome.grid.size())) +
        (std::size_t(ran) < outcome.results.size()
             ? u' ' + tr("%1 could not run, e.g.: %2").arg(outcome.results.size() - std::size_t(ran)).arg(refused)
             : QString()));
    if (best.size() > 500)
        best.resize(500);
    m_searchModel->setResults(outcome.grid, std::move(best));
    if (auto *view = findChild<QTableView *>(u"searchResults"_s)) // best first, whatever column was sorted before
        view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    const auto &axes = outcome.grid.axes();
    const Backtest::Heatmap map = Backtest::heatmap(outcome.grid, outcome.results, outcome.objective, 0, 1);
    m_heatmap->setHeatmap(map, axes.empty() ? QString() : axes[0].path, axes.size() > 1 ? axes[1].path : QString(),
                          outcome.objective);
    m_status->setText(m_searchStatus->text());
    m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void StrategyTesterWindow::tradeLive()
{
    const auto r = request(Outcome::Kind::Test);
    if (!m_sources.strategies || !r)
        return;
    const Backtest::Strategy strategy = *Backtest::strategyFromJson(r->strategy);
    const QString name = title(r->strategy);
    if (QMessageBox::question(this, tr("Trade live"),
                              tr("Trade \"%1\" live on the paper account, on %2?\n\n%3\n\nIt decides at the close of "
                                 "each %4 bar from the next one on and trades at the next record; a position's stop "
                                 "and target wait at the broker. Trade → Strategies trading live… pauses or ends it.")
                                  .arg(name, r->bars.symbols.join(u", "_s), Backtest::describe(strategy),
                                       strategy.timeframe.name())) != QMessageBox::Yes)
        return;
    Trading::StrategyRun run;
    run.name = name;
    run.definition = r->strategy;
    run.symbols = r->bars.symbols;
    // Off the window's thread: adding waits for a pass of the trader under way.
    inBackground<Util::Result<qint64>>(
        this, [trader = m_sources.strategies, run] { return trader->add(run); },
        [this, name](Util::Result<qint64> id) {
            m_status->setText(id ? tr("\"%1\" trades live (run %2).").arg(name).arg(*id)
                                 : tr("Cannot trade live: %1").arg(id.error()));
        });
}

} // namespace Gui
