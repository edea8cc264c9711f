// SPDX-License-Identifier: MIT
// History refreshes as the trader meets them in the window: File → History, the progress dialog (results,
// failures, waiting, Cancel), the watchlist's tooltip and the events panel, the settings' History tab, and
// what survives a restart. A real HTTP server on loopback plays the market-data API.

#include "PipelineFeed.h"
#include "ScriptedHttpServer.h"
#include "dialogs/HistoryPage.h"
#include "dialogs/RefreshDialog.h"
#include "dialogs/SettingsDialog.h"
#include "history/RefreshService.h"
#include "ingest/IngestCounters.h"
#include "mainwindow/MainWindow.h"
#include "models/EventModel.h"
#include "models/WatchlistModel.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/StorageWriter.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray dailyCsv()
{
    return "Date,Open,High,Low,Close,Volume\n2026-11-02,100,102,99,101,1000\n2026-11-03,101,103,100,102.5,1100\n"
           "2026-11-04,102.5,104,101.5,103,1200\n";
}

History::Source testSource(const QString &base, const QString &path)
{
    History::Source s;
    s.name = u"local"_s;
    s.urlTemplate = base + path;
    s.requestsPerMinute = 0;
    s.lookbackDays = 60;
    return s;
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void refreshFromTheMenu();
    void failureIsShownWithTheSourcesMessage();
    void cancelStopsAWaitingRefresh();
    void settingsTabKeepsSources();
    void notesComeBackAfterARestart();

private:
    void startDesk();
    /// The desk with one source at `path` of `server`.
    void startWithSource(const TestHttp::ScriptedHttpServer &server, const QString &path,
                         const std::function<void(History::Source &)> &tweak = {});
    void stopDesk();
    void feedSymbols(const QStringList &symbols);
    QString tooltipOf(const QString &symbol) const;
    QStringList eventsOfType(const QString &type) const;
    Gui::RefreshDialog *dialog() const { return m_window->refreshDialog(); }
    QTableWidget *results() const { return dialog()->findChild<QTableWidget *>(u"refreshResults"_s); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Core::Settings> m_settings;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Pipeline::LiveFeed> m_feed;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<History::RefreshService> m_refreshes;
    Ingest::IngestCounters m_counters;
    std::unique_ptr<Gui::MainWindow> m_window;
};

void TestHistoryWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TickDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_historywindow"_s);
    qRegisterMetaType<Model::SignalList>();
}

void TestHistoryWindow::init()
{
    QSettings().clear();
    static int run = 0;
    m_path = m_dir.filePath(u"history%1.sqlite"_s.arg(++run));
    m_settings = std::make_unique<Core::Settings>(m_dir.filePath(u"settings%1.ini"_s.arg(run)));
}

void TestHistoryWindow::cleanup()
{
    stopDesk();
}

void TestHistoryWindow::startDesk()
{
    auto writer = Storage::StorageWriter::open({m_path});
    QVERIFY(writer);
    m_writer = std::move(*writer);
    m_feed = std::make_unique<Pipeline::LiveFeed>();
    Pipeline::PipelineOptions options;
    options.shards = 2;
    m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer, m_feed.get());
    QVERIFY(m_pipeline->warmStart(m_path));
    m_pipeline->start();
    History::Refresher::Options refresh;
    refresh.databasePath = m_path;
    refresh.retry.firstDelayMs = 20;
    refresh.retry.attempts = 2;
    m_refreshes = std::make_unique<History::RefreshService>(*m_writer, refresh);
    m_refreshes->setMerged([this](const std::vector<Model::Symbol> &symbols) { m_pipeline->rewarm(symbols); });
    Gui::Sources sources{*m_pipeline, *m_feed, *m_writer, m_counters, u"127.0.0.1:5000"_s, nullptr, m_settings.get()};
    sources.refreshes = m_refreshes.get();
    m_window = std::make_unique<Gui::MainWindow>(std::move(sources));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHistoryWindow::startWithSource(const TestHttp::ScriptedHttpServer &server, const QString &path,
                                        const std::function<void(History::Source &)> &tweak)
{
    History::Config config;
    config.sources.push_back(testSource(server.base(), path));
    if (tweak)
        tweak(config.sources.back());
    m_settings->setHistory(config);
    startDesk();
}

void TestHistoryWindow::stopDesk()
{
    if (!m_window)
        return;
    m_window.reset();
    m_refreshes.reset();
    m_pipeline->stop();
    m_writer->stop();
    m_pipeline.reset();
    m_writer.reset();
}

void TestHistoryWindow::feedSymbols(const QStringList &symbols)
{
    Model::RecordBatch batch;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (const QString &name : symbols) {
        Model::Tick t;
        Model::Symbol::fromString(name, t.symbol);
        t.open = t.high = t.low = t.close = 100;
        t.volume = 10;
        t.timestamp = now;
        batch.push_back(t);
    }
    QVERIFY(TestFeed::committed(*m_pipeline, std::move(batch)));
    QTRY_VERIFY(m_pipeline->summaries().size() >= symbols.size());
    m_window->refreshWatchlist();
}

QString TestHistoryWindow::tooltipOf(const QString &symbol) const
{
    const QAbstractItemModel *model = m_window->findChild<QTableView *>(u"watchlistView"_s)->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, Gui::WatchlistModel::Symbol).data().toString() == symbol)
            return model->index(r, Gui::WatchlistModel::Symbol).data(Qt::ToolTipRole).toString();
    return {};
}

QStringList TestHistoryWindow::eventsOfType(const QString &type) const
{
    QStringList out;
    const auto *events = m_window->findChild<Gui::EventModel *>();
    for (int r = 0; r < events->rowCount(); ++r)
        if (events->index(r, Gui::EventModel::Type).data().toString() == type)
            out << events->index(r, Gui::EventModel::Symbol).data().toString() + u": "_s +
                       events->index(r, Gui::EventModel::Details).data().toString();
    return out;
}

void TestHistoryWindow::refreshFromTheMenu()
{
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, dailyCsv(), "text/csv"};
    });
    startWithSource(server, u"/d/{symbol}"_s);
    feedSymbols({u"AAPL"_s, u"MSFT"_s});
    QSignalSpy finished(m_refreshes.get(), &History::RefreshService::finished);

    auto *action = m_window->findChild<QAction *>(u"refreshHistory"_s);
    QVERIFY(action);
    action->trigger();
    QVERIFY(dialog()->isVisible());
    QTRY_COMPARE(finished.size(), 1);
    QTRY_COMPARE(results()->rowCount(), 2);
    QStringList rows;
    for (int r = 0; r < 2; ++r)
        rows << results()->item(r, 0)->text() + u" "_s + results()->item(r, 1)->text();
    rows.sort();
    QCOMPARE(rows, (QStringList{u"AAPL 3 new, 0 already stored"_s, u"MSFT 3 new, 0 already stored"_s}));
    QVERIFY2(dialog()->findChild<QLabel *>(u"refreshTitle"_s)->text().contains(u"bars stored: 6"_s),
             qPrintable(dialog()->findChild<QLabel *>(u"refreshTitle"_s)->text()));
    QVERIFY2(tooltipOf(u"AAPL"_s).startsWith(u"History from local"_s), qPrintable(tooltipOf(u"AAPL"_s)));
    QVERIFY2(tooltipOf(u"AAPL"_s).contains(u"3 new"_s), qPrintable(tooltipOf(u"AAPL"_s)));
    QCOMPARE(eventsOfType(u"History"_s).size(), 2);
    QVERIFY(!m_window->findChild<QLabel *>(u"statusHistory"_s)->isVisible());
    QCOMPARE(m_refreshes->counters().barsStored.load(), 6u);

    // Again: nothing new, and the dialog says so per symbol.
    action->trigger();
    QTRY_COMPARE(finished.size(), 2);
    QTRY_COMPARE(results()->rowCount(), 2);
    QCOMPARE(results()->item(0, 1)->text(), u"0 new, 3 already stored"_s);
}

void TestHistoryWindow::failureIsShownWithTheSourcesMessage()
{
    TestHttp::ScriptedHttpServer server([](const QByteArray &target) {
        if (target.contains("MSFT"))
            return TestHttp::Answer{200, dailyCsv(), "text/csv"};
        return TestHttp::Answer{404, "unknown symbol"};
    });
    startWithSource(server, u"/d/{symbol}"_s);
    feedSymbols({u"AAPL"_s, u"MSFT"_s});
    QSignalSpy finished(m_refreshes.get(), &History::RefreshService::finished);
    QVERIFY(m_window->refreshHistory());
    QTRY_COMPARE(finished.size(), 1);
    QTRY_COMPARE(results()->rowCount(), 2);
    const int failed = results()->item(0, 0)->text() == u"AAPL"_s ? 0 : 1;
    QCOMPARE(results()->item(failed, 1)->text(), u"Failed: HTTP 404 Not Found: unknown symbol"_s);
    QCOMPARE(results()->item(1 - failed, 1)->text(), u"3 new, 0 already stored"_s);
    QVERIFY(dialog()->findChild<QLabel *>(u"refreshTitle"_s)->text().contains(u"Failed: 1"_s));
    QVERIFY(tooltipOf(u"AAPL"_s).contains(u"failed: HTTP 404"_s));
    QVERIFY(eventsOfType(u"History"_s).join(u'\n').contains(u"AAPL: Refresh failed: HTTP 404"_s));
    // No source for the name asked: told at once, nothing starts.
    QVERIFY(!m_window->refreshHistory({}, u"nowhere"_s));
    QVERIFY(eventsOfType(u"History"_s).join(u'\n').contains(u"there is no history source named \"nowhere\""_s));
}

void TestHistoryWindow::cancelStopsAWaitingRefresh()
{
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, dailyCsv(), "text/csv"};
    });
    startWithSource(server, u"/d/{symbol}"_s, [](History::Source &s) {
        s.name = u"slow source"_s;
        s.requestsPerMinute = 1; // the second symbol waits a minute
    });
    feedSymbols({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s});
    QSignalSpy finished(m_refreshes.get(), &History::RefreshService::finished);
    QVERIFY(m_window->refreshHistory({u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}));
    auto *waiting = dialog()->findChild<QLabel *>(u"refreshWaiting"_s);
    QTRY_VERIFY(waiting->text().contains(u"rate limit of slow source"_s));
    QCOMPARE(results()->rowCount(), 3); // every symbol asked for, the first done, the others waiting
    QCOMPARE(results()->item(0, 1)->text(), u"3 new, 0 already stored"_s);
    QCOMPARE(results()->item(1, 1)->text(), u"waiting"_s);
    dialog()->findChild<QPushButton *>(u"cancelRefresh"_s)->click();
    QTRY_COMPARE(finished.size(), 1);
    const auto report = finished[0][1].value<History::RefreshReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.symbols.size(), std::size_t(1));
    QVERIFY(dialog()->findChild<QLabel *>(u"refreshTitle"_s)->text().startsWith(u"Cancelled."_s));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(!m_refreshes->isRunning());
}

void TestHistoryWindow::settingsTabKeepsSources()
{
    startDesk();
    Gui::SettingsDialog settings(*m_settings);
    Gui::HistoryPage *page = settings.historyPage();
    page->findChild<QPushButton *>(u"addHistorySource"_s)->click();
    auto *name = page->findChild<QLineEdit *>(u"historySourceName"_s);
    auto *url = page->findChild<QLineEdit *>(u"historySourceUrl"_s);
    name->setText(u"stooq"_s);
    url->setText(u"https://example.org/{symbol:lower}.us/d"_s);
    page->findChild<QComboBox *>(u"historySourceInterval"_s)->setCurrentText(u"1h"_s);
    page->findChild<QSpinBox *>(u"historySourceRate"_s)->setValue(30);
    page->findChild<QComboBox *>(u"historyScheduleMode"_s)->setCurrentIndex(1); // daily
    page->findChild<QLineEdit *>(u"historyScheduleZone"_s)->setText(u"America/New_York"_s);
    page->findChild<QLineEdit *>(u"historyScheduleSymbols"_s)->setText(u"aapl, msft"_s);
    settings.accept();
    QCOMPARE(settings.error(), QString());
    const History::Config saved = m_settings->history();
    QCOMPARE(saved.sources.size(), std::size_t(1));
    QCOMPARE(saved.sources[0].name, u"stooq"_s);
    QCOMPARE(saved.sources[0].urlTemplate, u"https://example.org/{symbol:lower}.us/d"_s);
    QCOMPARE(saved.sources[0].interval, Bars::Timeframe::hours(1));
    QCOMPARE(saved.sources[0].requestsPerMinute, 30);
    QCOMPARE(saved.schedule.mode, History::Schedule::Mode::Daily);
    QCOMPARE(saved.schedule.symbols, (QStringList{u"AAPL"_s, u"MSFT"_s}));

    // A wrong address is refused, named, and nothing is saved.
    Gui::SettingsDialog again(*m_settings);
    again.historyPage()->findChild<QLineEdit *>(u"historySourceUrl"_s)->setText(u"https://example.org/{ticker}"_s);
    again.accept();
    QVERIFY2(again.error().contains(u"{ticker}"_s), qPrintable(again.error()));
    QCOMPARE(m_settings->history().sources[0].urlTemplate, u"https://example.org/{symbol:lower}.us/d"_s);
}

void TestHistoryWindow::notesComeBackAfterARestart()
{
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, dailyCsv(), "text/csv"};
    });
    startWithSource(server, u"/d/{symbol}"_s);
    feedSymbols({u"AAPL"_s});
    QSignalSpy finished(m_refreshes.get(), &History::RefreshService::finished);
    QVERIFY(m_window->refreshHistory());
    QTRY_COMPARE(finished.size(), 1);
    stopDesk();
    startDesk();
    m_window->refreshWatchlist();
    QTRY_VERIFY2(tooltipOf(u"AAPL"_s).contains(u"3 new, 0 already stored"_s), qPrintable(tooltipOf(u"AAPL"_s)));
}

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
