// SPDX-License-Identifier: MIT
// A scripted soak of the window while the market runs: hundreds of random things a trader does
// (tabs, docks, sorting, settings, the grid, imports, late and odd records), run under the
// sanitizers in CI. After each step every chart must still draw only its own symbol.
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "dialogs/SettingsDialog.h"
#include "ingest/IngestCounters.h"
#include "mainwindow/MainWindow.h"
#include "models/WatchlistModel.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "sim/MarketSimulator.h"
#include "storage/StorageWriter.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

class TestWindowSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomTradersDay();
};

void TestWindowSoak::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_windowsoak"_s);
    qRegisterMetaType<Model::SignalList>();
    QSettings().clear();
}

void TestWindowSoak::randomTradersDay()
{
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"soak.ini"_s));
    settings.setCloseToTray(true);
    auto opened = Storage::StorageWriter::open({dir.filePath(u"soak.sqlite"_s)});
    QVERIFY(opened);
    auto writer = std::move(*opened);
    Pipeline::LiveFeed feed;
    Pipeline::Pipeline pipeline({}, *writer, &feed);
    pipeline.start();
    Sim::SimulatorOptions simulated;
    simulated.recordsPerSecond = 400;
    Sim::MarketSimulator simulator(simulated, pipeline);
    Ingest::IngestCounters counters;
    auto window = std::make_unique<Gui::MainWindow>(
        Gui::Sources{pipeline, feed, *writer, counters, u"127.0.0.1:5000"_s, &simulator, &settings});
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    simulator.start();

    QFile csv(dir.filePath(u"acme.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Date,Open,High,Low,Close,Volume\n");
    for (int day = 1; day <= 28; ++day)
        csv.write(QByteArray("2024-02-") + (day < 10 ? "0" : "") + QByteArray::number(day) + ",51,52,50,51.5,1000\n");
    csv.close();

    std::mt19937 rng(20261129);
    const auto pick = [&rng](int n) { return int(rng() % unsigned(std::max(1, n))); };
    auto *tabs = window->findChild<QTabWidget *>(u"chartTabs"_s);
    auto *watchlist = window->findChild<QTableView *>(u"watchlistView"_s);
    auto *signalView = window->findChild<QTableView *>(u"signalView"_s);
    const auto docks = window->findChildren<QDockWidget *>();
    QSignalSpy imported(window.get(), &Gui::MainWindow::importFinished);
    int imports = 0;
    const int steps = qEnvironmentVariableIntValue("TICKDESK_SOAK_STEPS") > 0
                          ? qEnvironmentVariableIntValue("TICKDESK_SOAK_STEPS")
                          : 1500;
    QStringList log; // what was done, for the failure message
    for (int step = 0; step < steps; ++step) {
        const QStringList symbols = [&] {
            QStringList out;
            for (int r = 0; r < watchlist->model()->rowCount(); ++r)
                out << watchlist->model()->index(r, Gui::WatchlistModel::Symbol).data().toString();
            return out;
        }();
        const QString symbol = symbols.isEmpty() ? u"AAPL"_s : symbols.at(pick(int(symbols.size())));
        switch (pick(12)) {
        case 0:
            window->openChart(symbol);
            log << u"open "_s + symbol;
            break;
        case 1:
            if (tabs->count() > 1) {
                const int index = 1 + pick(tabs->count() - 1);
                Q_EMIT tabs->tabCloseRequested(index);
                log << u"close tab %1"_s.arg(index);
            }
            break;
        case 2: {
            QDockWidget *dock = docks.at(pick(int(docks.size())));
            dock->toggleViewAction()->trigger();
            log << u"toggle "_s + dock->objectName();
            break;
        }
        case 3: {
            const int column = pick(Gui::WatchlistModel::ColumnCount);
            watchlist->sortByColumn(column, pick(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            log << u"sort %1"_s.arg(column);
            break;
        }
        case 4: {
            window->findChild<QAction *>(u"openSettings"_s)->trigger();
            auto *dialog = window->findChild<Gui::SettingsDialog *>();
            QVERIFY(dialog);
            auto *utc = dialog->findChild<QCheckBox *>(u"utcTimes"_s);
            utc->setChecked(!utc->isChecked());
            dialog->findChild<QCheckBox *>(u"darkTheme"_s)->setChecked(pick(2));
            dialog->accept();
            QTRY_VERIFY(!window->findChild<Gui::SettingsDialog *>());
            log << u"settings OK"_s;
            break;
        }
        case 5:
            window->findChild<QAction *>(u"utcTimes"_s)->toggle();
            log << u"toggle UTC"_s;
            break;
        case 6:
            window->grid()->pick(pick(int(window->grid()->charts().size())), pick(5) ? symbol : u"NODATA"_s);
            log << u"grid "_s + symbol;
            break;
        case 7: {
            // A late bar of a simulated symbol, far below its price, and one from a year ago.
            static const QStringList live{u"AAPL"_s, u"GOOGL"_s, u"AMZN"_s, u"MSFT"_s, u"TSLA"_s};
            Model::Tick late;
            Model::Symbol::fromString(live.at(pick(int(live.size()))), late.symbol);
            late.open = late.close = late.high = late.low = 1.0;
            late.volume = 1;
            late.timestamp = (QDateTime::currentMSecsSinceEpoch() - 3'600'000) * 1000;
            if (!pipeline.summary(late.symbol))
                break; // a symbol's first bar is not late, whatever its time
            Model::RecordBatch batch{late};
            late.timestamp -= 365LL * 86'400'000'000LL;
            batch.push_back(late);
            pipeline.submit(std::move(batch), 1, [](const QString &) {});
            log << u"late "_s + late.symbol.toString();
            break;
        }
        case 8:
            if (imported.count() == imports) {
                window->importFile(csv.fileName(), u"ACME"_s);
                ++imports;
                log << u"import"_s;
            }
            break;
        case 9:
            if (signalView->model()->rowCount() > 0) {
                signalView->setCurrentIndex(signalView->model()->index(pick(signalView->model()->rowCount()), 0));
                log << u"select signal"_s;
            }
            break;
        case 10:
            window->findChild<QAction *>(u"pauseSimulator"_s)->toggle();
            log << u"pause/resume"_s;
            break;
        default:
            if (tabs->count() > 0)
                tabs->setCurrentIndex(pick(tabs->count()));
            log << u"switch tab"_s;
            break;
        }
        QCoreApplication::processEvents();
        window->pollFeed();
        window->refreshWatchlist();
        window->refreshCharts();

        // Invariants: every chart on screen shows only its own symbol, with its own last price.
        QList<Gui::SymbolChart *> charts = window->grid()->charts();
        for (int i = 1; i < tabs->count(); ++i)
            charts << qobject_cast<Gui::SymbolChart *>(tabs->widget(i));
        for (Gui::SymbolChart *chart : std::as_const(charts)) {
            QVERIFY2(chart->title().startsWith(chart->symbol()), qPrintable(log.join(u", "_s)));
            const auto summary = pipeline.summary([&] {
                Model::Symbol s;
                Model::Symbol::fromString(chart->symbol(), s);
                return s;
            }());
            if (summary && chart->candleCount() > 0 && chart->isVisible())
                QVERIFY2(summary->lastPrice > 2.0, qPrintable(u"a late bar became last: "_s + chart->title()));
        }
    }
    QTRY_COMPARE(imported.count(), imports);
    // Whatever happened, the window still closes and the engine stops cleanly.
    window.reset();
    simulator.stop();
    pipeline.stop();
    writer->stop();
    QVERIFY(writer->stats().stored.load() > 0);
}

QTEST_MAIN(TestWindowSoak)
#include "tst_windowsoak.moc"
