// SPDX-License-Identifier: MIT
// The window's side of history refreshes: File → Refresh history, the progress dialog, the status field,
// the events panel's notes and the watchlist's tooltips.

#include "InBackground.h"
#include "MainWindow.h"
#include "dialogs/RefreshDialog.h"
#include "history/RefreshService.h"
#include "models/EventModel.h"
#include "models/WatchlistModel.h"
#include "settings/Secrets.h"
#include "settings/Settings.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

namespace Gui {

namespace {

Model::TimestampUs nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QString noteText(const QString &source, const QDateTime &at, bool ok, const QString &message)
{
    const QString when = QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
    return ok ? MainWindow::tr("History from %1, %2: %3").arg(source, when, message)
              : MainWindow::tr("History from %1, %2: failed: %3").arg(source, when, message);
}

} // namespace

void MainWindow::buildHistory(QMenu *file)
{
    History::RefreshService *service = m_sources.refreshes;
    if (!service)
        return;
    m_refreshDialog = new RefreshDialog(*service, this);
    QMenu *menu = file->addMenu(tr("&History"));
    menu->setObjectName(QStringLiteral("historyMenu"));
    QAction *refresh = menu->addAction(tr("&Refresh the watchlist's history"), this, [this] { refreshHistory(); });
    refresh->setObjectName(QStringLiteral("refreshHistory"));
    refresh->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    QMenu *from = menu->addMenu(tr("Refresh the watchlist &from"));
    from->setObjectName(QStringLiteral("refreshHistoryFrom"));
    connect(from, &QMenu::aboutToShow, this, [this, from, service] {
        from->clear();
        for (const History::Source &source : service->config().sources)
            from->addAction(source.name, this, [this, name = source.name] { refreshHistory({}, name); });
        if (from->isEmpty())
            from->addAction(tr("No source yet: Settings → History"))->setEnabled(false);
    });
    menu->addAction(tr("Fill &gaps in the watchlist's history"), this, [this] { refreshHistory({}, {}, true); })
        ->setObjectName(QStringLiteral("fillHistoryGaps"));
    menu->addAction(tr("Show the last &refresh"), this,
                    [this] {
                        m_refreshDialog->show();
                        m_refreshDialog->raise();
                    })
        ->setObjectName(QStringLiteral("showRefresh"));

    m_statusHistory = new QLabel(this);
    m_statusHistory->setObjectName(QStringLiteral("statusHistory"));
    m_statusHistory->hide();
    statusBar()->addPermanentWidget(m_statusHistory);

    service->setWatchlist([this] { return m_watchlist->symbols(); });
    connect(service, &History::RefreshService::started, this, [this](const QString &, const QStringList &symbols) {
        m_statusHistory->setText(tr("History: 0 of %1 symbols").arg(symbols.size()));
        m_statusHistory->show();
    });
    connect(
        service, &History::RefreshService::progressed, this,
        [this, service](const History::SymbolOutcome &o, int done, int total) {
            m_statusHistory->setText(tr("History: %1 of %2 symbols").arg(done).arg(total));
            const QString source = service->config().schedule.source;
            m_watchlist->setNote(o.symbol.toString(), noteText(source.isEmpty() && !service->config().sources.empty()
                                                                   ? service->config().sources.front().name
                                                                   : source,
                                                               o.at, o.ok, o.message));
            if (!o.ok)
                m_events->addNote(nowUs(), tr("History"), o.symbol.toString(), tr("Refresh failed: %1").arg(o.message));
            else if (o.stored > 0 || o.corrected > 0)
                m_events->addNote(nowUs(), tr("History"), o.symbol.toString(), o.summary());
        });
    connect(service, &History::RefreshService::gapsFound, this,
            [this](const QString &symbol, int gaps, const QString &spans) {
                m_events->addNote(nowUs(), tr("Gap"), symbol,
                                  tr("Gaps in its history: %1; filling %2").arg(gaps).arg(spans));
            });
    connect(service, &History::RefreshService::finished, this,
            [this](const QString &what, const History::RefreshReport &report) {
                m_statusHistory->hide();
                const QString text = tr("History: symbols %1, bars stored %2, failed %3")
                                         .arg(report.symbols.size())
                                         .arg(QLocale().toString(report.stored()))
                                         .arg(report.failed());
                statusBar()->showMessage(text, 10000);
                if (what == QLatin1String("schedule") && m_sources.settings)
                    m_sources.settings->setLastScheduledRefresh(m_sources.refreshes->lastScheduledRun());
                if (report.stored() > 0 || std::any_of(report.symbols.begin(), report.symbols.end(),
                                                       [](const auto &o) { return o.corrected > 0; }))
                    reloadShown(); // the charts take the merged history
            });
    applyHistorySettings();
    loadRefreshNotes();
}

void MainWindow::applyHistorySettings()
{
    History::RefreshService *service = m_sources.refreshes;
    if (!service || !m_sources.settings)
        return;
    service->setConfig(m_sources.settings->history());
    // The keyring answers in its own time; the service takes each key as it comes.
    for (const History::Source &source : service->config().sources)
        Core::Secrets::readHistoryApiKey(source.name, this,
                                         [service, name = source.name](const Util::Result<QString> &key) {
                                             if (key)
                                                 service->setApiKey(name, *key);
                                         });
}

void MainWindow::loadRefreshNotes()
{
    using Notes = std::vector<std::pair<QString, History::LastRefresh>>;
    inBackground<Notes>(
        this,
        [path = m_sources.writer.path()] {
            auto db = Storage::SqliteDatabase::open(path, Storage::SqliteDatabase::Mode::ReadOnly);
            if (!db)
                return Notes{};
            auto notes = History::lastRefreshes(**db);
            return notes ? *notes : Notes{};
        },
        [this](const Notes &notes) {
            for (const auto &[symbol, last] : notes)
                if (m_watchlist->noteOf(symbol).isEmpty())
                    m_watchlist->setNote(symbol, noteText(last.source, last.at, last.ok, last.message));
        });
}

bool MainWindow::refreshHistory(const QStringList &symbols, const QString &source, bool gapsOnly)
{
    History::RefreshRequest request;
    request.symbols = symbols;
    request.sourceName = source;
    request.gaps = gapsOnly;
    return refreshHistory(request);
}

bool MainWindow::refreshHistory(History::RefreshRequest request)
{
    History::RefreshService *service = m_sources.refreshes;
    if (!service)
        return false;
    if (request.sourceName.isEmpty())
        request.sourceName = service->config().schedule.source;
    QString why;
    if (!service->run(request, &why)) {
        statusBar()->showMessage(tr("History: %1").arg(why), 10000);
        m_events->addNote(nowUs(), tr("History"), QString(), why);
        return false;
    }
    m_refreshDialog->show();
    m_refreshDialog->raise();
    return true;
}

} // namespace Gui
