// SPDX-License-Identifier: MIT
// The window shows only right numbers and remembers itself: each case was a defect a trader saw.
#include "PipelineFeed.h"
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "dialogs/SettingsDialog.h"
#include "ingest/IngestCounters.h"
#include "mainwindow/ChartWindow.h"
#include "mainwindow/MainWindow.h"
#include "models/EventModel.h"
#include "models/NumberFormat.h"
#include "models/SignalModel.h"
#include "models/WatchlistModel.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "sim/MarketSimulator.h"
#include "storage/StorageWriter.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs Day = 1'795'910'400'000'000LL; // a midnight UTC

Model::TimestampUs at(int hour, int minute)
{
    return Day + (Model::TimestampUs(hour) * 60 + minute) * 60'000'000LL;
}

Model::Record bar(const QString &symbol, Model::TimestampUs time, double price)
{
    Model::Tick t;
    Model::Symbol::fromString(symbol, t.symbol);
    t.open = price;
    t.close = price + 0.05;
    t.high = price + 0.3;
    t.low = price - 0.3;
    t.volume = 1000;
    t.timestamp = time;
    return t;
}

/// 80 one-second bars per symbol around `base` with a 5 % jump: signals for each.
Model::RecordBatch market(const QStringList &symbols, Model::TimestampUs from, double base = 100)
{
    Model::RecordBatch batch;
    for (int i = 0; i < 80; ++i)
        for (int s = 0; s < symbols.size(); ++s) {
            const double price = (base + s * 50) * (i < 30 ? 1.0 : (i < 40 ? 1.05 : 1.05 * std::pow(0.99, i - 40)));
            batch.push_back(bar(symbols[s], from + i * 1'000'000LL, price));
        }
    return batch;
}

QString price(double value)
{
    return QLocale().toString(value, 'f', 2);
}

} // namespace

class TestWindowTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void gridCellsDrawOnlyTheirOwnSymbol();
    void aChartGivenAnotherSymbolForgetsTheFirst();
    void lateBarNeverBecomesLast();
    void historySentAfterLiveRecordsJoinsTheChart();
    void scrollingBackReadsOlderBarsAndLiveReturns();
    void gridCellCandlesReadable();
    void detachedChartKeepsDrawingAndComesBack();
    void oneDayChangeEverywhere();
    void restartRestoresChartsSignalsAndLayout();
    void symbolWithoutDataSaysSo();
    void simulatorStartsAndStopsFromTheWindow();
    void selectingASignalSelectsItsSymbol();
    void eventsFollowUtc();
    void shortcutsWorkWithoutPlatformKeys();
    void settingsShowWhatRunsAndForgetFixedErrors();
    void numbersForPeople();
    void quittingDuringAnImportWaitsForIt();
    void signalsSortByTheirTime();
    void removedSymbolsStayRemoved();
    void symbolFloodKeepsTheWindowBounded();

private:
    void startDesk(bool warm = false);
    void stopDesk();
    void feed(const Model::RecordBatch &batch);
    QTableView *watchlist() const { return m_window->findChild<QTableView *>(u"watchlistView"_s); }
    QString watchlistCell(const QString &symbol, int column) const;

    QTemporaryDir m_dir;
    QString m_path;
    std::size_t m_maxSymbols = 20'000;
    std::unique_ptr<Core::Settings> m_settings;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Sim::MarketSimulator> m_simulator;
    Ingest::IngestCounters m_counters;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestWindowTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_windowtrust"_s);
    qRegisterMetaType<Model::SignalList>();
}

void TestWindowTrust::init()
{
    QSettings().clear();
    static int run = 0;
    m_path = m_dir.filePath(u"trust%1.sqlite"_s.arg(++run));
    m_settings = std::make_unique<Core::Settings>(m_dir.filePath(u"settings%1.ini"_s.arg(run)));
    startDesk();
}

void TestWindowTrust::cleanup()
{
    stopDesk();
}

void TestWindowTrust::startDesk(bool warm)
{
    auto writer = Storage::StorageWriter::open({m_path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<Pipeline::LiveFeed>();
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 2;
    options.maxSymbols = m_maxSymbols;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer, m_feed.get());
    if (warm)
        QVERIFY(m_pipeline->warmStart(m_path));
    m_pipeline->start();
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr, m_settings.get()};
    sources.startSimulator = [this]() -> Sim::MarketSimulator * {
        Sim::SimulatorOptions simulated;
        simulated.recordsPerSecond = 200;
        m_simulator = std::make_unique<Sim::MarketSimulator>(simulated, *m_pipeline);
        m_simulator->start();
        return m_simulator.get();
    };
    m_window = std::make_unique<Gui::MainWindow>(std::move(sources));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWindowTrust::stopDesk()
{
    m_window.reset();
    if (m_simulator)
        m_simulator->stop();
    m_simulator.reset();
    m_pipeline->stop();
    m_writer->stop();
    m_pipeline.reset();
    m_writer.reset();
}

void TestWindowTrust::feed(const Model::RecordBatch &batch)
{
    QVERIFY(TestFeed::committed(*m_pipeline, Model::RecordBatch(batch)));
    m_window->pollFeed();
    m_window->refreshWatchlist();
}

QString TestWindowTrust::watchlistCell(const QString &symbol, int column) const
{
    const QAbstractItemModel *model = watchlist()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, Gui::WatchlistModel::Symbol).data().toString() == symbol)
            return model->index(r, column).data().toString();
    return {};
}

void TestWindowTrust::gridCellsDrawOnlyTheirOwnSymbol()
{
    // Live symbols, and ACME at ~51 that gets no new bars; then the watchlist is sorted by Day %.
    feed(market({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}, at(10, 0)));
    feed({bar(u"ACME"_s, at(9, 0), 51.0), bar(u"ACME"_s, at(9, 1), 51.2)});
    QTRY_COMPARE(watchlist()->model()->rowCount(), 4);
    const QStringList before = m_window->grid()->symbols();
    QCOMPARE(before.mid(0, 4), (QStringList{u"AAPL"_s, u"MSFT"_s, u"TSLA"_s, u"ACME"_s}));
    for (int column : {int(Gui::WatchlistModel::Change), int(Gui::WatchlistModel::Last)}) {
        watchlist()->sortByColumn(column, Qt::DescendingOrder);
        feed(market({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}, at(10, 5), 120));
        m_window->refreshCharts();
        // The grid keeps its cells whatever the sort ...
        QCOMPARE(m_window->grid()->symbols(), before);
        // ... and every cell draws its own symbol's bars: title, last price and all.
        for (Gui::SymbolChart *chart : m_window->grid()->charts()) {
            if (chart->symbol().isEmpty())
                continue;
            const QString last = watchlistCell(chart->symbol(), Gui::WatchlistModel::Last);
            QTRY_VERIFY2(chart->title().startsWith(chart->symbol() + u"  "_s + last),
                         qPrintable(chart->title() + u" vs "_s + last));
        }
    }
    auto *acme = m_window->grid()->charts().at(3);
    QCOMPARE(acme->candleCount(), 2);
    QVERIFY(acme->title().startsWith(u"ACME  "_s + price(51.25)));
}

void TestWindowTrust::aChartGivenAnotherSymbolForgetsTheFirst()
{
    feed(market({u"MSFT"_s}, at(10, 0), 250));
    Gui::ChartGrid *grid = m_window->grid();
    QTRY_COMPARE(grid->symbols().at(0), u"MSFT"_s);
    Gui::SymbolChart *cell = grid->charts().at(0);
    m_window->refreshCharts();
    QTRY_VERIFY(cell->candleCount() > 0);
    QVERIFY(cell->markerCount() > 0);
    // The trader puts a symbol without bars there: nothing of MSFT may stay under its name.
    grid->pick(0, u"NVDX"_s);
    m_window->refreshCharts();
    QCOMPARE(cell->symbol(), u"NVDX"_s);
    QCOMPARE(cell->candleCount(), 0);
    QCOMPARE(cell->markerCount(), 0);
    QTRY_COMPARE(cell->placeholder(), u"No data"_s);
    QCOMPARE(cell->title(), u"NVDX"_s);
    QVERIFY(grid->isPicked());
    // A picked grid takes no symbols by itself any more.
    feed(market({u"ZZZ"_s}, at(11, 0)));
    QVERIFY(!grid->symbols().contains(u"ZZZ"_s));
}

void TestWindowTrust::lateBarNeverBecomesLast()
{
    // 40 one-minute bars from 16:40 UTC, 20 from 17:50, the tab open, then one bar stamped 17:25.
    Model::RecordBatch early, later;
    for (int i = 0; i < 40; ++i)
        early.push_back(bar(u"LATE"_s, at(16, 40 + i), 100 + i * 0.1));
    for (int i = 0; i < 20; ++i)
        later.push_back(bar(u"LATE"_s, at(17, 50 + i), 110 + i * 0.1));
    feed(early);
    feed(later);
    Gui::SymbolChart *chart = m_window->openChart(u"LATE"_s);
    QVERIFY(chart);
    QTRY_COMPARE(chart->candleCount(), 60);
    const qint64 lastMs = at(18, 9) / 1000;
    // The view ends two and a half bars after the newest (room for the forming candle), never at a late one.
    QVERIFY(chart->timeRange().second > lastMs && chart->timeRange().second < lastMs + 3 * 60'000);
    const QString volumeBefore = watchlistCell(u"LATE"_s, Gui::WatchlistModel::Volume);
    feed({bar(u"LATE"_s, at(17, 25), 51.0)});
    m_window->refreshCharts();
    QCOMPARE(chart->candleCount(), 60);
    // Traded that day, it counts in the session's volume, now as after a restart (below).
    const QString volume = watchlistCell(u"LATE"_s, Gui::WatchlistModel::Volume);
    QVERIFY2(volume != volumeBefore, qPrintable(volume));
    QVERIFY(chart->timeRange().second > lastMs && chart->timeRange().second < lastMs + 3 * 60'000);
    QVERIFY(chart->title().startsWith(u"LATE  "_s + price(111.95)));
    QCOMPARE(watchlistCell(u"LATE"_s, Gui::WatchlistModel::Last), price(111.95));
    QCOMPARE(m_pipeline->metrics().late.load(), std::uint64_t(1));

    // The tab closed and opened again reads the database: the bars as they were built live, so the late
    // record (stored, and in exports) is in none of them.
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    Q_EMIT tabs->tabCloseRequested(tabs->indexOf(chart));
    QCOMPARE(tabs->count(), 1);
    chart = m_window->openChart(u"LATE"_s);
    QTRY_COMPARE(chart->candleCount(), 60);
    QVERIFY(chart->timeRange().second > lastMs && chart->timeRange().second < lastMs + 3 * 60'000);
    QVERIFY(chart->title().startsWith(u"LATE  "_s + price(111.95)));

    // So does the window after a restart.
    stopDesk();
    startDesk(true);
    chart = m_window->openChart(u"LATE"_s);
    QTRY_COMPARE(chart->candleCount(), 60);
    QVERIFY(chart->timeRange().second > lastMs && chart->timeRange().second < lastMs + 3 * 60'000);
    QVERIFY(chart->title().startsWith(u"LATE  "_s + price(111.95)));
    QTRY_COMPARE(watchlistCell(u"LATE"_s, Gui::WatchlistModel::Last), price(111.95));
    QCOMPARE(watchlistCell(u"LATE"_s, Gui::WatchlistModel::Volume), volume);
}

void TestWindowTrust::historySentAfterLiveRecordsJoinsTheChart()
{
    // Ten one-minute bars from 10:00, the chart open; then the feed sends the half hour before them. The
    // database places those records before the first bar (they are not late there): the chart shows them
    // now as it would after a restart, and the last price stays the newest.
    Model::RecordBatch live;
    for (int i = 0; i < 10; ++i)
        live.push_back(bar(u"HIST"_s, at(10, i), 100 + i));
    feed(live);
    Gui::SymbolChart *chart = m_window->openChart(u"HIST"_s);
    QVERIFY(chart);
    QTRY_COMPARE(chart->candleCount(), 10);
    QVERIFY(!chart->xOf(at(9, 30)));

    feed({bar(u"HIST"_s, at(9, 30), 90), bar(u"HIST"_s, at(9, 31), 91)});
    QTRY_COMPARE(chart->candleCount(), 12);
    m_window->refreshCharts();
    QVERIFY(chart->xOf(at(9, 30)));
    QVERIFY(*chart->xOf(at(9, 30)) < *chart->xOf(at(10, 0)));
    QVERIFY(chart->title().startsWith(u"HIST  "_s + price(109.05)));
    QCOMPARE(watchlistCell(u"HIST"_s, Gui::WatchlistModel::Last), price(109.05));

    // A record late among the bars changes none of them, and reads nothing again.
    feed({bar(u"HIST"_s, at(10, 4) + 30'000'000, 50)});
    m_window->refreshCharts();
    QCOMPARE(chart->candleCount(), 12);

    stopDesk();
    startDesk(true);
    chart = m_window->openChart(u"HIST"_s);
    QTRY_COMPARE(chart->candleCount(), 12);
    QVERIFY(chart->xOf(at(9, 30)));
    QVERIFY(chart->title().startsWith(u"HIST  "_s + price(109.05)));
}

void TestWindowTrust::gridCellCandlesReadable()
{
    // A grid cell about 200 pixels wide showed all 120 bars a chart holds: one-pixel candles, the forming one
    // under the price axis. It shows as many as fit six pixels apart, and two empty slots after the newest.
    Model::RecordBatch history;
    for (int i = 0; i < 200; ++i)
        history.push_back(bar(u"CELL"_s, at(3, 0) + i * 60'000'000LL, 100 + (i % 20) * 0.1));
    feed(history);
    m_window->grid()->pick(0, u"CELL"_s);
    Gui::SymbolChart *cell = m_window->grid()->charts().at(0);
    QTRY_VERIFY(cell->candleCount() > 0);
    const int shown = cell->visibleBars();
    QVERIFY2(shown >= 10 && shown < 120, qPrintable(QString::number(shown)));
    QTRY_VERIFY(cell->candleCount() >= shown - 3 && cell->candleCount() < shown); // the last two slots empty
    const qint64 newestMs = at(3, 0) / 1000 + 199 * 60'000;
    QVERIFY(cell->timeRange().second >= newestMs + 2 * 60'000);
    // A tab on the same symbol, wide enough, still shows what it holds.
    Gui::SymbolChart *tab = m_window->openChart(u"CELL"_s, Bars::Timeframe::minutes(1));
    QTRY_COMPARE(tab->visibleBars(), 120);
}

void TestWindowTrust::scrollingBackReadsOlderBarsAndLiveReturns()
{
    // 600 one-minute bars stored; a chart keeps 120 of them.
    Model::RecordBatch history;
    for (int i = 0; i < 600; ++i)
        history.push_back(bar(u"DEEP"_s, at(2, 0) + i * 60'000'000LL, 100 + (i % 50) * 0.1));
    feed(history);
    Gui::SymbolChart *chart = m_window->openChart(u"DEEP"_s, Bars::Timeframe::minutes(1));
    // At the live end the view's last two slots are room for the forming candle: 119 of the 120 are drawn.
    QTRY_COMPARE(chart->candleCount(), 119);
    QVERIFY(chart->isLive());
    const qint64 newestMs = at(2, 0) / 1000 + 599 * 60'000;
    QVERIFY(chart->timeRange().second > newestMs);
    QVERIFY(!chart->findChild<QToolButton *>(u"backToLive"_s)->isVisible());

    // Back 150 bars: past the oldest it has, so the next page is read in the background.
    chart->scrollBy(150);
    QVERIFY(!chart->isLive());
    QVERIFY(chart->findChild<QToolButton *>(u"backToLive"_s)->isVisible());
    QTRY_COMPARE(chart->candleCount(), 122); // the view's 120 bars and one either side
    const qint64 end = chart->timeRange().second;
    QVERIFY(end < newestMs - 147 * 60'000 && end > newestMs - 149 * 60'000);
    // Further back, to the first stored bar: every bar is there, and the database has nothing older.
    chart->scrollBy(400);
    QVERIFY(chart->timeRange().first < at(2, 0) / 1000);
    QTRY_COMPARE(chart->candleCount(), 53); // 02:00 to 02:52, the oldest stored
    chart->scrollBy(100);                   // nothing older: the view goes on, empty, and nothing is asked again
    QTRY_VERIFY(chart->candleCount() <= 1);
    // Zooming out shows more bars; live again shows the newest, and memory goes back to the window.
    chart->zoomBy(-2);
    QVERIFY(chart->visibleBars() > 120);
    QTest::keyClick(chart, Qt::Key_End);
    QVERIFY(chart->isLive());
    QTRY_COMPARE(chart->candleCount(), 119);
    QVERIFY(chart->timeRange().second > newestMs);
    // A signal's time older than the bars in memory: the chart scrolls there, reading bars until it has it.
    const Model::TimestampUs focus = at(2, 0) + 42 * 60'000'000LL;
    chart->focusTime(focus);
    QVERIFY(!chart->isLive());
    QTRY_VERIFY(chart->timeRange().first < focus / 1000 && chart->timeRange().second > focus / 1000);
    QTRY_VERIFY(chart->candleCount() > 100); // loaded, and drawn around it
    QTest::keyClick(chart, Qt::Key_End);
    // Live bars keep coming while scrolled back, and are there on return.
    chart->scrollBy(300);
    feed({bar(u"DEEP"_s, at(2, 0) + 600 * 60'000'000LL, 110)});
    QTest::keyClick(chart, Qt::Key_End);
    m_window->refreshCharts();
    QTRY_VERIFY(chart->timeRange().second > newestMs + 60'000);
}

void TestWindowTrust::detachedChartKeepsDrawingAndComesBack()
{
    feed(market({u"AAPL"_s}, at(12, 0)));
    Gui::SymbolChart *chart = m_window->openChart(u"AAPL"_s, Bars::Timeframe::seconds(5));
    QTRY_COMPARE(chart->candleCount(), 16);
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    QCOMPARE(tabs->count(), 2);
    Gui::ChartWindow *window = m_window->detachChart(chart);
    QVERIFY(window);
    QCOMPARE(tabs->count(), 1); // the grid only
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->windowTitle(), u"AAPL 5s — TickDesk"_s);
    QCOMPARE(m_window->openChart(u"AAPL"_s), chart); // brought forward, not opened twice
    // New records reach it as they do the tabs.
    feed({bar(u"AAPL"_s, at(12, 0) + 80'000'000LL, 120)});
    m_window->refreshCharts();
    QTRY_COMPARE(chart->candleCount(), 17);
    // Closing the main window takes the detached one along: no window is left running TickDesk.
    m_window->close();
    QVERIFY(!window->isVisible());
    // A restart opens it in its window again; closing the window puts it back in a tab.
    stopDesk();
    startDesk(true);
    tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    QCOMPARE(tabs->count(), 1);
    window = m_window->findChild<Gui::ChartWindow *>();
    QVERIFY(window);
    QCOMPARE(window->chart()->key().id(), u"AAPL 5s"_s);
    QTRY_COMPARE(window->chart()->candleCount(), 17);
    window->close();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(1), u"AAPL 5s"_s);
}

void TestWindowTrust::oneDayChangeEverywhere()
{
    feed(market({u"TSLA"_s, u"AAPL"_s}, at(14, 0)));
    m_window->refreshCharts();
    Gui::SymbolChart *tab = m_window->openChart(u"TSLA"_s);
    QTRY_VERIFY(tab->candleCount() > 0);
    m_window->refreshWatchlist();
    const QString change = watchlistCell(u"TSLA"_s, Gui::WatchlistModel::Change);
    QVERIFY(!change.isEmpty());
    QCOMPARE(watchlist()->model()->headerData(Gui::WatchlistModel::Change, Qt::Horizontal).toString(), u"Day %"_s);
    QVERIFY(!watchlist()->model()->headerData(Gui::WatchlistModel::Change, Qt::Horizontal, Qt::ToolTipRole).isNull());
    // The tab and the grid cell show the watchlist's figure, labelled the same way.
    QVERIFY2(tab->title().endsWith(u"Day "_s + change), qPrintable(tab->title()));
    m_window->findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(0);
    Gui::SymbolChart *cell = m_window->grid()->charts().at(m_window->grid()->cellOf(u"TSLA"_s));
    QTRY_VERIFY2(cell->title().endsWith(u"Day "_s + change), qPrintable(cell->title()));
}

void TestWindowTrust::restartRestoresChartsSignalsAndLayout()
{
    feed(market({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}, at(12, 0)));
    QTRY_VERIFY(m_writer->stats().storedSignals.load() > 3);
    m_window->openChart(u"MSFT"_s);
    // 80 records a second apart: 80 bars of a record each, 2 of a minute, 16 of 5 seconds.
    Gui::SymbolChart *tsla = m_window->openChart(u"TSLA"_s, Bars::Timeframe::record());
    QTRY_COMPARE(tsla->candleCount(), 80);
    tsla->findChild<QToolButton *>(u"timeframe_1m"_s)->click();
    QTRY_COMPARE(tsla->candleCount(), 2);
    QCOMPARE(m_window->findChild<QTabWidget *>(u"chartTabs"_s)->tabText(2), u"TSLA 1m"_s);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(tsla, Qt::Key_BracketLeft); // 30s, 15s, 5s
    QCOMPARE(tsla->timeframe(), Bars::Timeframe::seconds(5));
    QTRY_COMPARE(tsla->candleCount(), 16);
    QTRY_VERIFY(tsla->markerCount() > 0);
    m_window->grid()->pick(0, u"TSLA"_s);
    QTest::keyClick(m_window->grid()->charts().at(0), Qt::Key_BracketLeft); // 1m → 30s
    QTest::keyClick(m_window->grid()->charts().at(0), Qt::Key_BracketLeft); // → 15s
    QCOMPARE(m_window->grid()->charts().at(0)->timeframe(), Bars::Timeframe::seconds(15));
    // Heikin-Ashi on the tab, a line in the cell: the same bars, drawn otherwise.
    tsla->findChild<QAction *>(u"chartType_heikin-ashi"_s)->trigger();
    QCOMPARE(tsla->chartType(), Gui::ChartType::HeikinAshi);
    QCOMPARE(tsla->candleCount(), 16);
    m_window->grid()->charts().at(0)->findChild<QAction *>(u"chartType_line"_s)->trigger();
    // A 4×4 grid, then 2×2: the first cells keep their charts as they were.
    m_window->findChild<QAction *>(u"gridSize4x4"_s)->trigger();
    QCOMPARE(m_window->grid()->charts().size(), 16);
    QCOMPARE(m_window->grid()->charts().at(0)->symbol(), u"TSLA"_s);
    QVERIFY(m_window->grid()->charts().at(15)->symbol().isEmpty()); // the trader picked: nothing offered
    m_window->findChild<QAction *>(u"gridSize2x2"_s)->trigger();
    QCOMPARE(m_window->grid()->charts().size(), 4);
    QCOMPARE(m_window->grid()->charts().at(0)->chartType(), Gui::ChartType::Line);
    // MACD and ATR panes on, the RSI pane off, VWAP over the candles.
    for (const char *id : {"indicator_macd", "indicator_atr", "indicator_rsi", "indicator_vwap"})
        tsla->findChild<QAction *>(QLatin1StringView(id))->trigger();
    const QStringList tslaIndicators{u"sma"_s, u"ema"_s, u"bollinger"_s, u"vwap"_s, u"volume"_s, u"macd"_s, u"atr"_s};
    QCOMPARE(tsla->shownIndicators(), tslaIndicators);
    QVERIFY(tsla->findChild<QWidget *>(u"macdPane"_s)->isVisible());
    QVERIFY(tsla->findChild<QWidget *>(u"atrPane"_s)->isVisible());
    m_window->findChild<QAction *>(u"utcTimes"_s)->setChecked(true);
    watchlist()->setColumnWidth(Gui::WatchlistModel::Volume, 133);
    const QStringList grid = m_window->grid()->symbols();
    const qint64 stored = qint64(m_writer->stats().storedSignals.load());
    const QString lastSignal = watchlistCell(u"AAPL"_s, Gui::WatchlistModel::LastSignal);
    QVERIFY(!lastSignal.isEmpty());

    stopDesk();
    startDesk(true);
    auto *tabs = m_window->findChild<QTabWidget *>(u"chartTabs"_s);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(1), u"MSFT 1m"_s);
    QCOMPARE(tabs->tabText(2), u"TSLA 5s"_s);
    QCOMPARE(m_window->grid()->charts().at(0)->timeframe(), Bars::Timeframe::seconds(15));
    QCOMPARE(m_window->grid()->charts().at(0)->chartType(), Gui::ChartType::Line);
    QCOMPARE(m_window->grid()->rows(), 2);
    QCOMPARE(m_window->grid()->charts().size(), 4);
    QVERIFY(m_window->findChild<QAction *>(u"gridSize2x2"_s)->isChecked());
    QCOMPARE(qobject_cast<Gui::SymbolChart *>(tabs->widget(2))->chartType(), Gui::ChartType::HeikinAshi);
    QCOMPARE(qobject_cast<Gui::SymbolChart *>(tabs->widget(1))->chartType(), Gui::ChartType::Candles);
    QCOMPARE(qobject_cast<Gui::SymbolChart *>(tabs->widget(2))->shownIndicators(),
             (QStringList{u"sma"_s, u"ema"_s, u"bollinger"_s, u"vwap"_s, u"volume"_s, u"macd"_s, u"atr"_s}));
    QCOMPARE(qobject_cast<Gui::SymbolChart *>(tabs->widget(1))->shownIndicators(),
             Gui::SymbolChart::defaultIndicators());
    QCOMPARE(m_window->grid()->symbols(), grid);
    QVERIFY(m_window->grid()->isPicked());
    QVERIFY(m_window->findChild<QAction *>(u"utcTimes"_s)->isChecked());
    QVERIFY(m_settings->utcTimes()); // the toolbar's toggle and Settings agree
    QCOMPARE(watchlist()->columnWidth(Gui::WatchlistModel::Volume), 133);
    // Charts read their bars and markers back; the signal panel and "last signal" have the stored ones.
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        auto *chart = qobject_cast<Gui::SymbolChart *>(tabs->currentWidget());
        QTRY_COMPARE(chart->candleCount(), i == 1 ? 2 : 16);
        QTRY_VERIFY(chart->markerCount() > 0);
    }
    tabs->setCurrentIndex(0);
    QTRY_COMPARE(m_window->grid()->charts().at(0)->candleCount(), 6); // 80 seconds in 15-second bars
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QTRY_COMPARE(qint64(signalView->model()->rowCount()), stored);
    QVERIFY(signalView->model()->index(0, Gui::SignalModel::Time).data().toString().endsWith(u'Z'));
    QTRY_COMPARE(watchlistCell(u"AAPL"_s, Gui::WatchlistModel::LastSignal), lastSignal);
}

void TestWindowTrust::symbolWithoutDataSaysSo()
{
    Gui::SymbolChart *chart = m_window->openChart(u"NONE"_s);
    QTRY_COMPARE(chart->placeholder(), u"No data"_s);
    QCOMPARE(chart->candleCount(), 0);
    // The grid's empty cells say how to fill them rather than showing empty axes.
    QVERIFY(!m_window->grid()->charts().at(8)->placeholder().isEmpty());
}

void TestWindowTrust::simulatorStartsAndStopsFromTheWindow()
{
    auto *run = m_window->findChild<QAction *>(u"runSimulator"_s);
    auto *pause = m_window->findChild<QAction *>(u"pauseSimulator"_s);
    QVERIFY(run && pause);
    QVERIFY(run->isEnabled());
    QVERIFY(!pause->isEnabled());
    run->trigger();
    QVERIFY(m_simulator && m_simulator->isRunning());
    QVERIFY(pause->isEnabled());
    QTRY_VERIFY(m_writer->stats().stored.load() > 0);
    pause->trigger();
    QVERIFY(m_simulator->isPaused());
    QCOMPARE(pause->text().remove(u'&'), u"Resume simulator"_s);
    pause->trigger();
    QVERIFY(!m_simulator->isPaused());
    QCOMPARE(pause->text().remove(u'&'), u"Pause simulator"_s);
    run->trigger();
    QVERIFY(!m_simulator->isRunning());
    QCOMPARE(run->text().remove(u'&'), u"Start simulator"_s);
    QVERIFY(!pause->isEnabled());
    run->trigger(); // and again: the same simulator carries on
    QVERIFY(m_simulator->isRunning());
}

void TestWindowTrust::selectingASignalSelectsItsSymbol()
{
    feed(market({u"AAPL"_s, u"MSFT"_s}, at(15, 0)));
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QTRY_VERIFY(signalView->model()->rowCount() > 1);
    m_window->pollFeed();
    for (int row : {0, signalView->model()->rowCount() - 1}) {
        signalView->setCurrentIndex(signalView->model()->index(row, Gui::SignalModel::Symbol));
        const QString symbol = signalView->model()->index(row, Gui::SignalModel::Symbol).data().toString();
        const QModelIndex current = watchlist()->currentIndex();
        QCOMPARE(watchlist()->model()->index(current.row(), Gui::WatchlistModel::Symbol).data().toString(), symbol);
    }
    // Rules are named for people, and filtered by their id.
    const QString rule = signalView->model()->index(0, Gui::SignalModel::Rule).data().toString();
    QVERIFY(!rule.contains(u'_'));
}

void TestWindowTrust::eventsFollowUtc()
{
    Gui::EventModel model;
    Model::NewsSentimentEvent news;
    Model::Symbol::parse("AAPL", news.symbol);
    news.score = 0.5;
    news.magnitude = 0.25;
    news.timestamp = at(9, 30);
    model.add({Pipeline::LiveEvent{news}});
    QCOMPARE(model.index(0, Gui::EventModel::Type).data().toString(), u"news sentiment"_s);
    QCOMPARE(model.index(0, Gui::EventModel::Symbol).data().toString(), u"AAPL"_s);
    QCOMPARE(model.index(0, Gui::EventModel::Details).data().toString(), u"sentiment 0.50, magnitude 0.25"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setUtc(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, Gui::EventModel::Time).data().toString(), Gui::formatTime(at(9, 30), true));
    QVERIFY(model.index(0, Gui::EventModel::Time).data().toString().endsWith(u'Z'));
    // The window's toggle reaches its events panel too.
    m_window->findChild<QAction *>(u"utcTimes"_s)->setChecked(true);
    auto *events = m_window->findChild<QTableView *>(u"eventView"_s);
    news.score = 0.1;
    news.magnitude = 0.1;
    news.timestamp = at(9, 31);
    feed({news});
    QTRY_COMPARE(events->model()->rowCount(), 1);
    QVERIFY(events->model()->index(0, Gui::EventModel::Time).data().toString().endsWith(u'Z'));
}

void TestWindowTrust::shortcutsWorkWithoutPlatformKeys()
{
    const auto shortcuts = [this](const char *name) {
        return m_window->findChild<QAction *>(QLatin1StringView(name))->shortcuts();
    };
    QVERIFY(shortcuts("openSettings").contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QVERIFY(shortcuts("fullScreen").contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(shortcuts("quit").contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
    QCOMPARE(shortcuts("openSettings").first(), QKeySequence(Qt::CTRL | Qt::Key_Comma)); // the one the menu shows
}

void TestWindowTrust::settingsShowWhatRunsAndForgetFixedErrors()
{
    Gui::SettingsDialog dialog(*m_settings, u"127.0.0.1:5999"_s);
    auto *listening = dialog.findChild<QLabel *>(u"listeningNow"_s);
    QVERIFY(listening);
    QCOMPARE(listening->text(), u"127.0.0.1:5999"_s);
    auto *rsiBuy = dialog.findChild<QDoubleSpinBox *>(u"rsiBuy"_s);
    rsiBuy->setValue(90); // above the sell threshold: refused
    dialog.accept();
    QVERIFY(!dialog.error().isEmpty());
    rsiBuy->setValue(25);
    Q_EMIT rsiBuy->editingFinished();
    QVERIFY(dialog.error().isEmpty()); // corrected: the message goes
}

void TestWindowTrust::numbersForPeople()
{
    QLocale::setDefault(QLocale::c());
    QCOMPARE(Gui::signedPercent(-0.001), u"0.00 %"_s);
    QCOMPARE(Gui::signedPercent(1.234), u"+1.23 %"_s);
    QCOMPARE(Gui::signedPercent(-3.156), u"-3.16 %"_s);
    QCOMPARE(Gui::compactCount(10'046), u"10046"_s);
    QCOMPARE(Gui::compactCount(1'234'567), u"1235 K"_s);
    QCOMPARE(Gui::compactCount(123'456'789), u"123.5 M"_s);
    QLocale::setDefault(QLocale(QLocale::German));
    QCOMPARE(Gui::signedPercent(1.5), u"+1,50 %"_s);
    QLocale::setDefault(QLocale::system());
}

void TestWindowTrust::quittingDuringAnImportWaitsForIt()
{
    // A long import, and the window goes at once: the import is cancelled and waited for before the
    // engine it feeds stops (under the sanitizers a use of the stopped pipeline would show).
    QFile csv(m_dir.filePath(u"long.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("epoch_s,open,high,low,close,volume\n");
    for (int i = 0; i < 200'000; ++i)
        csv.write(QByteArray::number(1'700'000'000 + i) + ",10,11,9,10.5,100\n");
    csv.close();
    QSignalSpy finished(m_window.get(), &Gui::MainWindow::importFinished);
    m_window->importFile(csv.fileName(), u"LONG"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_writer->stats().stored.load() > 0, 60000); // under way
    stopDesk();
    QVERIFY(finished.isEmpty() || finished.count() == 1);
    startDesk(true);
}

void TestWindowTrust::signalsSortByTheirTime()
{
    // Live signals first, then history of another symbol from the morning (as an import brings it).
    feed(market({u"LIVE"_s}, at(15, 0)));
    feed(market({u"PAST"_s}, at(9, 0)));
    auto *signalView = m_window->findChild<QTableView *>(u"signalView"_s);
    QTRY_COMPARE(qint64(signalView->model()->rowCount()), qint64(m_writer->stats().storedSignals.load()));
    const int rows = signalView->model()->rowCount();
    QVERIFY(rows >= 2);
    QCOMPARE(signalView->model()->index(0, Gui::SignalModel::Symbol).data().toString(), u"LIVE"_s);
    QCOMPARE(signalView->model()->index(rows - 1, Gui::SignalModel::Symbol).data().toString(), u"PAST"_s);
    for (int r = 1; r < rows; ++r)
        QVERIFY(signalView->model()->index(r - 1, 0).data(Qt::UserRole).toLongLong() >=
                signalView->model()->index(r, 0).data(Qt::UserRole).toLongLong());
}

void TestWindowTrust::removedSymbolsStayRemoved()
{
    feed(market({u"KEEP"_s, u"DROP"_s}, at(13, 0)));
    QTRY_COMPARE(watchlist()->model()->rowCount(), 2);
    m_window->removeFromWatchlist(u"DROP"_s);
    QCOMPARE(watchlist()->model()->rowCount(), 1);
    feed(market({u"DROP"_s}, at(13, 30))); // its data still comes in, it stays off the list
    QCOMPARE(watchlist()->model()->rowCount(), 1);
    QCOMPARE(watchlistCell(u"KEEP"_s, Gui::WatchlistModel::Symbol), u"KEEP"_s);
    stopDesk();
    startDesk(true);
    QTRY_COMPARE(watchlist()->model()->rowCount(), 1);
    m_window->findChild<QAction *>(u"showRemovedSymbols"_s)->trigger();
    QCOMPARE(watchlist()->model()->rowCount(), 2);
}

void TestWindowTrust::symbolFloodKeepsTheWindowBounded()
{
    // The engine keeps 100 symbols live here; a flood of 2,000 leaves the watchlist as bounded, and the grid
    // (picked by then) still draws its own symbols.
    stopDesk();
    m_maxSymbols = 100;
    startDesk();
    feed(market({u"AAPL"_s, u"MSFT"_s}, at(11, 0)));
    QTRY_COMPARE(watchlist()->model()->rowCount(), 2);
    m_window->grid()->pick(0, u"AAPL"_s);
    Model::RecordBatch flood;
    for (int i = 0; i < 2000; ++i)
        flood.push_back(bar(u"FL%1"_s.arg(i), at(11, 5), 10 + i % 7));
    feed(flood);
    m_window->refreshWatchlist();
    QVERIFY(watchlist()->model()->rowCount() <= 100);
    QVERIFY(m_pipeline->activeSymbols() <= 100);
    feed(market({u"AAPL"_s}, at(11, 10), 120)); // AAPL comes back (read back from the database)
    m_window->refreshCharts();
    Gui::SymbolChart *cell = m_window->grid()->charts().at(0);
    QTRY_VERIFY(cell->candleCount() > 0);
    QTRY_VERIFY(cell->title().startsWith(u"AAPL  "_s + watchlistCell(u"AAPL"_s, Gui::WatchlistModel::Last)));
    m_maxSymbols = 20'000;
}

QTEST_MAIN(TestWindowTrust)
#include "tst_windowtrust.moc"
