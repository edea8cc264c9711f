// SPDX-License-Identifier: MIT
#pragma once

#include "Refresh.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace History {

/// What refreshes did since the start, for /metrics.
struct RefreshCounters
{
    std::atomic<std::uint64_t> runs{0};
    std::atomic<std::uint64_t> symbols{0};
    std::atomic<std::uint64_t> failures{0};
    std::atomic<std::uint64_t> barsStored{0};
    std::atomic<std::uint64_t> barsCorrected{0};
    std::atomic<std::uint64_t> gapsFound{0};
    std::atomic<std::uint64_t> gapBarsFilled{0};
    std::atomic<std::uint64_t> running{0};
};

/// The counters in Prometheus' text format.
QByteArray metricsText(const RefreshCounters &counters);

/// One refresh or gap fill as asked for: from the window's menu, or handed over by `tickdesk refresh`.
struct RefreshRequest
{
    QStringList symbols;          ///< empty: the watchlist (setWatchlist())
    QString sourceName;           ///< a source of the settings (empty: the schedule's); unused with `source`
    std::optional<Source> source; ///< a source given whole for this run only (`tickdesk refresh --url`)
    QString apiKey;               ///< the key of `source` (the settings' sources take theirs from the keyring)
    bool gaps = false;            ///< only fill the gaps (from `source`, else from every source)
    Model::TimestampUs from = 0;  ///< with `to`: this span instead of the source's look-back
    Model::TimestampUs to = 0;
};

/// Runs history refreshes in the window and headless: on demand, on the schedule, and gap fills at start and
/// when the feed resumes after a pause. One at a time, on a worker thread; lives on the GUI (or main) thread
/// and reports through signals there.
class RefreshService final : public QObject
{
    Q_OBJECT

public:
    RefreshService(Storage::StorageWriter &writer, Refresher::Options options, QObject *parent = nullptr);
    ~RefreshService() override;

    /// The sources, schedule and market hours; (re)starts the schedule.
    void setConfig(const Config &config);
    /// Sources that are not the trader's to change (the nodes' REST APIs of a window on their feed): kept before
    /// the trader's sources whatever config is set, the first of them the schedule's, and gaps filled.
    void setFixedSources(std::vector<Source> sources);
    const Config &config() const noexcept { return m_config; }
    /// The symbols a schedule without its own list refreshes (the watchlist).
    void setWatchlist(std::function<QStringList()> watchlist) { m_watchlist = std::move(watchlist); }
    QStringList watchlist() const { return m_watchlist ? m_watchlist() : QStringList(); }
    /// A source's API key (read from the keyring by the caller, never on the worker).
    void setApiKey(const QString &source, const QString &key) { m_apiKeys.insert(source, key); }
    /// Told of the symbols whose history changed (to read them again: indicators, rules, charts).
    void setMerged(std::function<void(const std::vector<Model::Symbol> &)> merged) { m_merged = std::move(merged); }
    /// The time now, for the schedule (a seam for tests).
    void setClock(std::function<QDateTime()> clock);
    /// When the schedule last ran (kept by the caller across starts).
    void setLastScheduledRun(const QDateTime &at) { m_lastScheduled = at; }
    QDateTime lastScheduledRun() const { return m_lastScheduled; }

    /// Refreshes `symbols` from `source` (empty: the first) over its look-back, or [from, to) when given.
    /// False with `why` when one is running or the request is wrong.
    bool refresh(const QStringList &symbols, const QString &source, QString *why = nullptr, Model::TimestampUs from = 0,
                 Model::TimestampUs to = 0);
    /// Looks for gaps in the recent history of `symbols` (per source interval) and fills them.
    bool fillGaps(const QStringList &symbols, QString *why = nullptr);
    /// Either of the two, as `request` says.
    bool run(const RefreshRequest &request, QString *why = nullptr);
    void cancel();
    /// Cancels a refresh under way and waits for it (a cancelled fetch ends within 0.1 s): before the writer stops.
    void stop();
    bool isRunning() const noexcept { return m_running; }
    /// When the schedule runs next (UTC); invalid when it is off.
    QDateTime nextScheduledRun() const;
    /// Runs the schedule's refresh when it is due; the timer calls it, tests with a moved clock too.
    void checkSchedule();
    /// Whether the feed resumed after a pause (records stored again after a minute without): then gaps are
    /// filled. The timer calls it every few seconds.
    void checkFeed();
    const RefreshCounters &counters() const noexcept { return m_counters; }

Q_SIGNALS:
    /// `what`: "refresh", "schedule" or "gaps"; the symbols asked for (a gap search: the ones looked at).
    void started(const QString &what, const QStringList &symbols);
    void progressed(const History::SymbolOutcome &outcome, int done, int total);
    void waiting(const QString &why);
    void finished(const QString &what, const History::RefreshReport &report);
    /// A gap search found gaps (before they are fetched).
    void gapsFound(const QString &symbol, int gaps, const QString &spans);

private:
    struct Job;
    bool start(std::shared_ptr<Job> job, QString *why);
    void armSchedule();
    std::vector<Model::Symbol> symbolsOf(const QStringList &names, QString *why) const;

    Storage::StorageWriter &m_writer;
    Refresher::Options m_options;
    Config m_config;
    Config m_traderConfig; ///< as set, before the fixed sources join it
    std::vector<Source> m_fixedSources;
    std::function<QStringList()> m_watchlist;
    QHash<QString, QString> m_apiKeys;
    std::function<void(const std::vector<Model::Symbol> &)> m_merged;
    std::function<QDateTime()> m_clock;
    QDateTime m_lastScheduled;
    QDateTime m_due; ///< when the schedule runs next, worked out when it was armed
    QTimer m_scheduleTimer;
    QTimer m_feedTimer;
    std::uint64_t m_lastStored = 0;
    qint64 m_quietSinceMs = -1;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    RefreshCounters m_counters;
};

} // namespace History
