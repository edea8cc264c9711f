// SPDX-License-Identifier: MIT
// The strategy tester window, offscreen, on daily history stored through the engine: a test shows the engine's
// figures, trades and rule reliability, and its trades on the chart; a search ranks and maps its sets; a walk-
// forward joins its out-of-sample stretches; a cancelled search stops; a saved strategy comes back by name; the
// editor's presets become conditions one can change.
#include "PipelineFeed.h"
#include "backtest/BacktestCharts.h"
#include "backtest/BacktestModels.h"
#include "backtest/ConditionRow.h"
#include "backtest/HeatmapView.h"
#include "backtest/StrategyEditor.h"
#include "backtest/StrategyTesterWindow.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "trading/LiveStrategiesDialog.h"
#include "trading/PaperOrders.h"
#include "trading/StrategyTrader.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStrategyTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"tester.sqlite"_s);
        auto writer = Storage::StorageWriter::open({m_db});
        QVERIFY(writer);
        Pipeline::PipelineOptions options;
        options.shards = 1;
        Pipeline::Pipeline pipeline(options, **writer);
        QVERIFY(pipeline.warmStart(m_db).ok());
        pipeline.start();
        // Four years of daily bars, one record each, from 2020-01-01.
        QRandomGenerator random(21);
        Model::RecordBatch batch;
        double close = 80;
        for (int day = 0; day < 4 * 365; ++day) {
            Model::Tick t;
            Model::Symbol::parse("DAILY", t.symbol);
            t.timestamp = (1'577'836'800LL + day * 86'400LL) * 1'000'000LL;
            t.open = close * (1 + (random.generateDouble() - 0.5) * 0.01);
            close = t.open * (1 + (random.generateDouble() - 0.49) * 0.04);
            t.high = std::max(t.open, close) * 1.01;
            t.low = std::min(t.open, close) * 0.99;
            t.close = close;
            t.volume = 1000;
            batch.push_back(t);
        }
        QVERIFY(TestFeed::committed(pipeline, std::move(batch)));
        pipeline.stop();
        (*writer)->stop();
    }

    void init()
    {
        Gui::TesterSources sources;
        sources.databasePath = m_db;
        sources.symbols = {u"DAILY"_s};
        sources.costs.broker.perOrder = 1;
        m_window = std::make_unique<Gui::StrategyTesterWindow>(std::move(sources));
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void aTestShowsTheEnginesFigures()
    {
        QSignalSpy finished(m_window.get(), &Gui::StrategyTesterWindow::finished);
        QTest::mouseClick(m_window->findChild<QPushButton *>(u"runTest"_s), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        // The same test by the engine: the preset (10/30, long only), $1 an order from the paper broker's costs.
        Backtest::BarRequest request;
        request.symbols = {u"DAILY"_s};
        auto bars = Backtest::loadBars(m_db, request);
        QVERIFY(bars);
        Backtest::SeriesCache cache(bars->front());
        Backtest::Settings settings;
        settings.costs.broker.perOrder = 1;
        const auto report =
            Backtest::run(*Backtest::strategyFromJson(Backtest::presetJson(u"ma_cross"_s)), {&cache}, settings);
        QVERIFY(report.metrics.trades > 5);
        QCOMPARE(m_window->report().metrics.totalReturn, report.metrics.totalReturn);
        QCOMPARE(m_window->figureText(u"trades"_s), QString::number(report.metrics.trades));
        QCOMPARE(m_window->figureText(u"fees"_s), QString::number(2.0 * report.metrics.trades, 'f', 2));
        QCOMPARE(m_window->figureText(u"sharpe"_s), QString::number(*report.metrics.sharpe, 'f', 2));
        QVERIFY(
            m_window->findChild<QLabel *>(u"testerHeadline"_s)->text().contains(u"Moving-average crossover 10/30"_s));
        auto *trades = m_window->findChild<QTableView *>(u"backtestTrades"_s);
        QCOMPARE(trades->model()->rowCount(), report.metrics.trades);
        auto *reliability = m_window->findChild<QTableView *>(u"reliabilityTable"_s);
        QCOMPARE(reliability->model()->rowCount(), 6); // three rules, buys and sells
        QCOMPARE(reliability->model()->index(0, 0).data().toString(), u"RSI with trend"_s);
        auto *equity = m_window->findChild<Gui::EquityChart *>();
        QCOMPARE(equity->pointCount(), qsizetype(report.equity.size()));

        // A trade double-clicked: the chart centres it, entry and exit drawn.
        auto *chart = m_window->findChild<Gui::TradeChart *>();
        m_window->findChild<QTabWidget *>(u"testerTabs"_s)->setCurrentWidget(trades);
        const QModelIndex third = trades->model()->index(2, 0);
        trades->scrollTo(third);
        const QPoint at = trades->visualRect(third).center();
        QTest::mouseClick(trades->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(trades->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_window->findChild<QTabWidget *>(u"testerTabs"_s)->currentWidget(), chart);
        const auto [first, last] = chart->shownBars();
        const Backtest::Trade &t = report.trades[2];
        QVERIFY(bars->front()->time[first] <= t.entryTime && t.exitTime < bars->front()->time[last - 1]);
        QVERIFY(chart->markersShown() >= 2);
    }

    void badInputIsNamed()
    {
        m_window->setSymbols(u"NOPE"_s);
        QSignalSpy finished(m_window.get(), &Gui::StrategyTesterWindow::finished);
        m_window->runTest();
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_window->findChild<QLabel *>(u"testerStatus"_s)->text(), u"NOPE: no 1D bars stored in that range"_s);
        m_window->setSymbols(u"BAD SYMBOL!"_s);
        m_window->runTest();
        QVERIFY(!m_window->isRunning());
        QVERIFY(m_window->findChild<QLabel *>(u"testerStatus"_s)->text().contains(u"is not a symbol"_s));
        // A strategy that cannot run: Run is off and the editor says why.
        m_window->findChild<QSpinBox *>(u"strategyFast"_s)->setValue(40);
        QVERIFY(!m_window->findChild<QPushButton *>(u"runTest"_s)->isEnabled());
        QVERIFY(m_window->findChild<QLabel *>(u"strategyProblem"_s)->text().startsWith(u"fast:"_s));
    }

    void aSearchRanksAndMapsItsSets()
    {
        QSignalSpy finished(m_window.get(), &Gui::StrategyTesterWindow::finished);
        QTest::mouseClick(m_window->findChild<QPushButton *>(u"runSearch"_s), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        auto *results = m_window->findChild<QTableView *>(u"searchResults"_s);
        QCOMPARE(results->model()->rowCount(), 6 * 9 - 4); // fast 20-30 against slow 20 and fast 30 against 30
        // Best first by Sharpe: column 2 + 2 (after fast and slow, return and drawdown).
        double previous = 1e300;
        for (int row = 0; row < results->model()->rowCount(); ++row) {
            const double sharpe = results->model()->index(row, 4).data(Qt::UserRole).toDouble();
            QVERIFY(sharpe <= previous);
            previous = sharpe;
        }
        auto *heatmap = m_window->findChild<Gui::HeatmapView *>();
        QCOMPARE(heatmap->columnCount(), 6);
        QCOMPARE(heatmap->rowCount(), 9);
        QVERIFY(heatmap->item(0, 5)->text().isEmpty()); // fast 30, slow 20: could not run
        QVERIFY(!heatmap->item(8, 0)->text().isEmpty());
        // A set double-clicked is tested on its own.
        const QModelIndex best = results->model()->index(0, 0);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(best).center());
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(best).center());
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_window->editor()->strategyJson().value(u"fast"_s).toInt(),
                 results->model()->index(0, 0).data().toInt());
        QCOMPARE(m_window->figureText(u"sharpe"_s), results->model()->index(0, 4).data().toString());
    }

    void walkForwardAndCancel()
    {
        QSignalSpy finished(m_window.get(), &Gui::StrategyTesterWindow::finished);
        for (QSpinBox *box : m_window->findChildren<QSpinBox *>())
            if (box->suffix().contains(u"in sample"_s))
                box->setValue(400);
        m_window->runWalkForward();
        QVERIFY(finished.wait(60000));
        QVERIFY2(m_window->findChild<QLabel *>(u"testerHeadline"_s)->text().contains(u"Walk-forward"_s),
                 qPrintable(m_window->findChild<QLabel *>(u"testerHeadline"_s)->text()));
        QCOMPARE(m_window->report().equity.front().time, m_window->report().metrics.from);
        // A large search, cancelled at once: it stops and says how far it came.
        auto *path = m_window->findChild<QComboBox *>(u"axisPath2"_s);
        path->setCurrentText(u"stop_loss_percent"_s);
        for (QDoubleSpinBox *box : m_window->findChildren<QDoubleSpinBox *>())
            if (box->minimum() == 0.01) // the steps: every value
                box->setValue(0.5);
        m_window->runSearch();
        QVERIFY(m_window->isRunning());
        m_window->cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(m_window->findChild<QLabel *>(u"searchStatus"_s)->text().startsWith(u"Cancelled after"_s));
    }

    void aSavedStrategyComesBackByName()
    {
        auto *editor = m_window->editor();
        QJsonObject json = Backtest::presetJson(u"ma_cross"_s);
        json.insert(u"stop_loss_percent"_s, 3);
        json.insert(u"name"_s, u"Cross with a stop"_s);
        editor->setStrategyJson(json);
        QCOMPARE(editor->strategyJson().value(u"stop_loss_percent"_s).toDouble(), 3.0);
        // Saved through the store the window reads (the dialog asks for the name).
        QTimer::singleShot(0, this, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *input = w->findChild<QLineEdit *>(); input && w->inherits("QInputDialog")) {
                    input->setText(u"Cross with a stop"_s);
                    QMetaObject::invokeMethod(w, "accept");
                }
        });
        QTest::mouseClick(m_window->findChild<QPushButton *>(u"saveStrategy"_s), Qt::LeftButton);
        auto *saved = m_window->findChild<QComboBox *>(u"savedStrategies"_s);
        QTRY_VERIFY(saved->findText(u"Cross with a stop"_s) >= 0);
        editor->setStrategyJson(Backtest::presetJson(u"rsi_trend"_s));
        saved->setCurrentIndex(saved->findText(u"Cross with a stop"_s));
        Q_EMIT saved->activated(saved->currentIndex());
        QCOMPARE(editor->strategyJson().value(u"stop_loss_percent"_s).toDouble(), 3.0);
        QCOMPARE(editor->strategyJson().value(u"preset"_s).toString(), u"ma_cross"_s);
    }

    void presetsBecomeConditions()
    {
        auto *editor = m_window->editor();
        editor->setStrategyJson(Backtest::presetJson(u"ma_cross"_s));
        m_window->findChild<QSpinBox *>(u"strategyFast"_s)->setValue(7);
        auto *kind = m_window->findChild<QComboBox *>(u"strategyKind"_s);
        kind->setCurrentIndex(kind->findData(u"custom"_s));
        const QJsonObject json = editor->strategyJson();
        QVERIFY(!json.contains(u"preset"_s));
        QCOMPARE(json.value(u"enter_long"_s).toObject().value(u"left"_s).toObject().value(u"period"_s).toInt(), 7);
        QCOMPARE(json.value(u"enter_long"_s).toObject().value(u"operator"_s).toString(), u"crossing_up"_s);
        QVERIFY(Backtest::strategyFromJson(json));
        auto *enter = m_window->findChild<Gui::ConditionRow *>(u"enter_long"_s);
        QVERIFY(enter->findChild<QLabel *>(u"conditionText"_s)->text().startsWith(u"SMA(7) crossing up SMA(30)"_s));
        // Entries and exits of one's own: a rule's signal as the entry, no exit but a stop.
        enter->setJson(QJsonObject{{u"rule"_s, u"rsi_trend"_s}, {u"side"_s, u"buy"_s}});
        m_window->findChild<Gui::ConditionRow *>(u"exit_long"_s)->setJson({});
        m_window->findChild<QDoubleSpinBox *>(u"strategyStopLoss"_s)->setValue(4);
        const auto strategy = Backtest::strategyFromJson(editor->strategyJson());
        QVERIFY2(strategy, qPrintable(strategy.error()));
        QCOMPARE(strategy->enterLong->kind, Backtest::Condition::Kind::Rule);
        QVERIFY(!strategy->exitLong);
        QCOMPARE(strategy->stopLossPercent, 4.0);
    }

    void aStrategyTradesLiveAndIsPausedAndEnded()
    {
        auto writer = Storage::StorageWriter::open({m_db});
        QVERIFY(writer);
        Trading::PaperDesk desk;
        Trading::PaperOrders orders(desk, **writer);
        Trading::StrategyTrader trader(m_db, orders);
        QVERIFY(trader.load());
        Gui::TesterSources sources;
        sources.databasePath = m_db;
        sources.symbols = {u"DAILY"_s};
        sources.strategies = &trader;
        m_window = std::make_unique<Gui::StrategyTesterWindow>(std::move(sources));
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *live = m_window->findChild<QPushButton *>(u"tradeLive"_s);
        QVERIFY(live->isVisible());
        // Asked first: the strategy and the symbols in words.
        QString asked;
        QTimer::singleShot(0, this, [&asked] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    asked = box->text();
                    box->button(QMessageBox::Yes)->click();
                }
        });
        QTest::mouseClick(live, Qt::LeftButton);
        QVERIFY2(asked.contains(u"Trade \"Moving-average crossover 10/30\" live on the paper account, on DAILY?"_s),
                 qPrintable(asked));
        QTRY_COMPARE(trader.runs().size(), std::size_t(1));
        QTRY_COMPARE(m_window->findChild<QLabel *>(u"testerStatus"_s)->text(),
                     u"\"Moving-average crossover 10/30\" trades live (run 1)."_s);
        QCOMPARE(trader.runs().front().run.symbols, QStringList{u"DAILY"_s});
        // The runs dialog: a row per run and symbol; pause, then end.
        Gui::LiveStrategiesDialog dialog(trader);
        dialog.show();
        auto *table = dialog.findChild<QTableWidget *>(u"liveStrategies"_s);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), u"#1 Moving-average crossover 10/30"_s);
        QCOMPARE(table->item(0, 2)->text(), u"yes"_s);
        table->selectRow(0);
        auto *pause = dialog.findChild<QPushButton *>(u"pauseRun"_s);
        QVERIFY(pause->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_VERIFY(!trader.runs().front().run.enabled);
        QTRY_COMPARE(table->item(0, 2)->text(), u"paused"_s);
        QCOMPARE(pause->text(), u"Resume"_s);
        QTimer::singleShot(0, this, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                    box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"endRun"_s), Qt::LeftButton);
        QTRY_VERIFY(trader.runs().empty());
        QTRY_COMPARE(table->rowCount(), 0);
        m_window.reset();
        (*writer)->stop();
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<Gui::StrategyTesterWindow> m_window;
};

QTEST_MAIN(TestStrategyTester)
#include "tst_strategytester.moc"
