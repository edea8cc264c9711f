// SPDX-License-Identifier: MIT
#include "RefreshService.h"

#include "Gaps.h"
#include "storage/SqliteDatabase.h"
#include "util/Prometheus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

using namespace Qt::StringLiterals;

namespace History {

namespace {

constexpr int FeedCheckMs = 5'000;
/// A feed silent this long and then storing again has resumed: its gap is looked for.
constexpr qint64 QuietMs = 60'000;

/// "2026-11-29 14:30 – 15:10 UTC", or with both dates when it spans days.
QString spanText(const Bars::Span &span)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(span.start / 1000, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(span.end / 1000, Qt::UTC);
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    return QStringLiteral("%1 – %2 UTC")
        .arg(from.toString(format), to.toString(from.date() == to.date() ? QStringLiteral("HH:mm") : format));
}

Model::TimestampUs microseconds(const QDateTime &t)
{
    return t.toMSecsSinceEpoch() * 1000;
}

} // namespace

QByteArray metricsText(const RefreshCounters &c)
{
    QByteArray out;
    const auto add = [&out](const char *name, const char *type, const char *help, const std::atomic<std::uint64_t> &v) {
        Util::appendPrometheus(out, name, type, help, double(v.load()));
    };
    add("tickdesk_history_refreshes_total", "counter", "history refreshes and gap fills run", c.runs);
    add("tickdesk_history_refresh_running", "gauge", "1 while a history refresh runs", c.running);
    add("tickdesk_history_symbols_total", "counter", "symbols refreshed from history sources", c.symbols);
    add("tickdesk_history_symbol_failures_total", "counter", "symbols whose refresh failed", c.failures);
    add("tickdesk_history_bars_stored_total", "counter", "bars from history sources stored", c.barsStored);
    add("tickdesk_history_bars_corrected_total", "counter", "kept bars replaced by a source's correction",
        c.barsCorrected);
    add("tickdesk_history_gaps_found_total", "counter", "gaps found in recent history", c.gapsFound);
    add("tickdesk_history_gap_bars_filled_total", "counter", "bars stored to fill gaps", c.gapBarsFilled);
    return out;
}

struct RefreshService::Job
{
    QString what;
    Config config;
    QString sourceName; ///< empty with `gaps`: every source
    std::vector<Model::Symbol> symbols;
    Model::TimestampUs from = 0, to = 0;
    bool gaps = false;
    QHash<QString, QString> keys; ///< the sources' API keys
};

RefreshService::RefreshService(Storage::StorageWriter &writer, Refresher::Options options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_options(std::move(options))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<History::SymbolOutcome>();
    qRegisterMetaType<History::RefreshReport>();
    m_scheduleTimer.setSingleShot(true);
    connect(&m_scheduleTimer, &QTimer::timeout, this, &RefreshService::checkSchedule);
    connect(&m_feedTimer, &QTimer::timeout, this, &RefreshService::checkFeed);
    m_feedTimer.start(FeedCheckMs);
    m_lastStored = m_writer.stats().storedFromFeed();
}

RefreshService::~RefreshService()
{
    stop(); // the worker reports to this object: it finishes first
}

void RefreshService::setFixedSources(std::vector<Source> sources)
{
    m_fixedSources = std::move(sources);
    setConfig(m_traderConfig);
}

void RefreshService::setConfig(const Config &config)
{
    m_traderConfig = config;
    m_config = config;
    if (!m_fixedSources.empty()) {
        // A trader's source of the same name gives way.
        std::erase_if(m_config.sources, [this](const Source &s) {
            return std::any_of(m_fixedSources.begin(), m_fixedSources.end(),
                               [&](const Source &fixed) { return fixed.name == s.name; });
        });
        m_config.sources.insert(m_config.sources.begin(), m_fixedSources.begin(), m_fixedSources.end());
        m_config.schedule.source = m_fixedSources.front().name;
        m_config.schedule.fillGaps = true;
    }
    armSchedule();
}

void RefreshService::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    m_options.now = m_clock;
    armSchedule();
}

QDateTime RefreshService::nextScheduledRun() const
{
    return m_due;
}

void RefreshService::armSchedule()
{
    m_scheduleTimer.stop();
    m_due = m_config.sources.empty() ? QDateTime() : nextRun(m_config.schedule, m_clock(), m_lastScheduled);
    const QDateTime next = m_due;
    if (!next.isValid())
        return;
    // Woken at the time, or every ten minutes to follow clock changes and sleep; at least a second apart.
    const qint64 ms = std::clamp<qint64>(m_clock().msecsTo(next), 1000, 10 * 60 * 1000);
    m_scheduleTimer.start(int(ms));
}

void RefreshService::checkSchedule()
{
    if (m_due.isValid() && m_due <= m_clock() && !m_running) {
        const QStringList symbols =
            m_config.schedule.symbols.isEmpty() && m_watchlist ? m_watchlist() : m_config.schedule.symbols;
        QString why;
        auto job = std::make_shared<Job>();
        job->what = u"schedule"_s;
        job->config = m_config;
        job->sourceName = m_config.schedule.source;
        job->symbols = symbolsOf(symbols, &why);
        m_lastScheduled = m_clock();
        if (!job->symbols.empty())
            start(job, &why);
    }
    armSchedule();
}

void RefreshService::checkFeed()
{
    const std::uint64_t stored = m_writer.stats().storedFromFeed(); // its own refreshes are not the feed
    const qint64 now = m_clock().toMSecsSinceEpoch();
    if (stored == m_lastStored) {
        if (m_quietSinceMs < 0)
            m_quietSinceMs = now;
        return;
    }
    const bool resumed = m_quietSinceMs >= 0 && now - m_quietSinceMs >= QuietMs;
    m_lastStored = stored;
    m_quietSinceMs = -1;
    if (resumed && m_config.schedule.fillGaps && !m_config.sources.empty() && !m_running && m_watchlist)
        fillGaps(m_watchlist());
}

std::vector<Model::Symbol> RefreshService::symbolsOf(const QStringList &names, QString *why) const
{
    std::vector<Model::Symbol> out;
    std::set<Model::Symbol> seen;
    for (const QString &name : names) {
        Model::Symbol symbol;
        if (!Model::Symbol::fromString(name.trimmed().toUpper(), symbol)) {
            if (why)
                *why = tr("\"%1\" is not a symbol").arg(name);
            return {};
        }
        if (seen.insert(symbol).second)
            out.push_back(symbol);
    }
    return out;
}

bool RefreshService::refresh(const QStringList &symbols, const QString &source, QString *why, Model::TimestampUs from,
                             Model::TimestampUs to)
{
    RefreshRequest request;
    request.symbols = symbols;
    request.sourceName = source;
    request.from = from;
    request.to = to;
    return run(request, why);
}

bool RefreshService::fillGaps(const QStringList &symbols, QString *why)
{
    RefreshRequest request;
    request.symbols = symbols;
    request.gaps = true;
    return run(request, why);
}

bool RefreshService::run(const RefreshRequest &request, QString *why)
{
    const auto fail = [why](const QString &problem) {
        if (why)
            *why = problem;
        return false;
    };
    auto job = std::make_shared<Job>();
    job->what = request.gaps ? u"gaps"_s : u"refresh"_s;
    job->config = m_config;
    job->gaps = request.gaps;
    job->from = request.from;
    job->to = request.to;
    if (request.source) {
        // Given whole: this run asks it alone, under its own key.
        job->config.sources = {*request.source};
        job->sourceName = request.source->name;
        job->keys.insert(request.source->name, request.apiKey);
    } else if (!request.gaps) {
        job->sourceName = request.sourceName;
    }
    QString problem;
    job->symbols = symbolsOf(request.symbols.isEmpty() ? watchlist() : request.symbols, &problem);
    if (job->symbols.empty())
        return fail(problem.isEmpty() ? (request.gaps ? tr("no symbols to look at") : tr("no symbols to refresh"))
                                      : problem);
    if (job->config.sources.empty())
        return fail(tr("no history source is set up (Settings → History)"));
    if (!request.gaps && !job->config.source(job->sourceName))
        return fail(tr("there is no history source named \"%1\"").arg(job->sourceName));
    return start(job, why);
}

void RefreshService::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void RefreshService::stop()
{
    m_scheduleTimer.stop();
    m_feedTimer.stop();
    cancel();
    m_future.waitForFinished();
}

bool RefreshService::start(std::shared_ptr<Job> job, QString *why)
{
    for (auto it = m_apiKeys.cbegin(); it != m_apiKeys.cend(); ++it)
        if (!job->keys.contains(it.key()))
            job->keys.insert(it.key(), it.value());
    if (m_running) {
        if (why)
            *why = tr("a history refresh is already running");
        return false;
    }
    m_running = true;
    m_counters.running.store(1);
    m_counters.runs.fetch_add(1);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    QStringList names;
    for (const Model::Symbol &symbol : job->symbols)
        names << symbol.toString();
    Q_EMIT started(job->what, names);
    auto cancel = m_cancel;
    Refresher::Options options = m_options;
    // Posted to this object's thread; the destructor waits for the worker, so `self` outlives it.
    RefreshService *self = this;
    const auto post = [self](auto fn) {
        QMetaObject::invokeMethod(
            self, [self, fn = std::move(fn)] { fn(self); }, Qt::QueuedConnection);
    };
    Storage::StorageWriter &writer = m_writer;
    RefreshCounters &counters = m_counters;
    m_future = QtConcurrent::run([job, cancel, options, post, &writer, &counters] {
        Refresher refresher(writer, options);
        const Bars::Session session(Bars::sessionZone(options.sessionTimeZone));
        RefreshReport total;
        std::set<Model::Symbol> merged;
        const QDateTime now = options.now();
        std::vector<const Source *> sources;
        if (job->gaps)
            for (const Source &s : job->config.sources)
                sources.push_back(&s);
        else
            sources.push_back(job->config.source(job->sourceName));
        auto db = Storage::SqliteDatabase::open(options.databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
        const MarketCalendar calendar(job->config.hours);
        // The spans of every source first, so that the progress knows its total.
        std::vector<std::pair<const Source *, std::vector<SymbolSpan>>> work;
        int all = 0;
        for (const Source *source : sources) {
            if (!source || cancel->load())
                break;
            const Model::TimestampUs from =
                job->from > 0 ? job->from : microseconds(now.addDays(-source->lookbackDays));
            const Model::TimestampUs to = job->to > 0 ? job->to : microseconds(now);
            std::vector<SymbolSpan> spans;
            for (const Model::Symbol &symbol : job->symbols) {
                if (!job->gaps) {
                    spans.push_back({symbol, from, to, {}});
                    continue;
                }
                if (!db)
                    break;
                const auto found = gapsOf(**db, symbol, *source, from, to, session, calendar);
                if (!found || found->empty())
                    continue;
                const std::vector<Bars::Span> &gaps = *found;
                counters.gapsFound.fetch_add(gaps.size());
                QStringList text;
                constexpr std::size_t Shown = 3; // a year of weekends must not make a line of pages
                for (std::size_t i = 0; i < gaps.size() && i < Shown; ++i)
                    text << spanText(gaps[i]);
                if (gaps.size() > Shown)
                    text << tr("and %1 more").arg(gaps.size() - Shown);
                post([name = symbol.toString(), n = int(gaps.size()),
                      spansText = text.join(u", "_s)](RefreshService *s) { Q_EMIT s->gapsFound(name, n, spansText); });
                spans.push_back({symbol, gaps.front().start, gaps.back().end, gaps});
            }
            all += int(spans.size());
            if (!spans.empty())
                work.emplace_back(source, std::move(spans));
        }
        int done = 0;
        for (auto &[source, spans] : work) {
            if (cancel->load())
                break;
            RefreshReport report = refresher.run(
                *source, job->keys.value(source->name), spans, *cancel,
                [&](const SymbolOutcome &outcome, int, int) {
                    ++done;
                    counters.symbols.fetch_add(1);
                    counters.failures.fetch_add(outcome.ok ? 0 : 1);
                    counters.barsStored.fetch_add(std::uint64_t(outcome.stored));
                    counters.barsCorrected.fetch_add(std::uint64_t(outcome.corrected));
                    if (job->gaps)
                        counters.gapBarsFilled.fetch_add(std::uint64_t(outcome.stored));
                    if (outcome.stored > 0 || outcome.corrected > 0)
                        merged.insert(outcome.symbol);
                    post([outcome, done, all](RefreshService *s) { Q_EMIT s->progressed(outcome, done, all); });
                },
                [&](const QString &pause) { post([pause](RefreshService *s) { Q_EMIT s->waiting(pause); }); });
            total.cancelled = total.cancelled || report.cancelled;
            std::move(report.symbols.begin(), report.symbols.end(), std::back_inserter(total.symbols));
        }
        total.cancelled = total.cancelled || cancel->load();
        post([total, merged = std::vector<Model::Symbol>(merged.begin(), merged.end()),
              what = job->what](RefreshService *s) {
            s->m_running = false;
            s->m_counters.running.store(0);
            if (!merged.empty() && s->m_merged)
                s->m_merged(merged);
            Q_EMIT s->finished(what, total);
        });
    });
    return true;
}

} // namespace History
