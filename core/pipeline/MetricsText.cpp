// SPDX-License-Identifier: MIT
#include "MetricsText.h"

#include "Pipeline.h"
#include "http/HttpRouter.h"
#include "ingest/IngestCounters.h"
#include "storage/StorageWriter.h"
#include "util/Prometheus.h"

namespace Pipeline {

namespace {

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += Util::prometheusFamily(name, type, help);
    }
    void sample(const char *name, const QByteArray &labels, std::uint64_t value)
    {
        m_out += name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ';
        m_out += QByteArray::number(value);
        m_out += '\n';
    }
    void raw(const QByteArray &text) { m_out += text; }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray prometheusText(const Ingest::IngestCounters &ingest, const Storage::StorageWriter &writer,
                          const Pipeline &pipeline)
{
    Writer w;
    w.family("tickdesk_ingest_requests_total", "counter", "POST /ingest requests.");
    w.sample("tickdesk_ingest_requests_total", {}, ingest.requests.load());
    w.family("tickdesk_records_received_total", "counter", "Records decoded, validated and accepted for processing.");
    w.sample("tickdesk_records_received_total", {}, ingest.received.load());
    w.family("tickdesk_requests_rejected_total", "counter", "Ingest requests refused, by reason.");
    w.sample("tickdesk_requests_rejected_total", "reason=\"invalid\"", ingest.rejected.load());
    w.sample("tickdesk_requests_rejected_total", "reason=\"saturated\"", ingest.saturated.load());
    w.family("tickdesk_records_received_by_type_total", "counter", "Records accepted, by record type.");
    for (int k = 0; k < Model::RecordKindCount; ++k)
        w.sample("tickdesk_records_received_by_type_total",
                 QByteArray("type=\"") + Model::kindName(Model::RecordKind(k)) + '"',
                 ingest.byKind[std::size_t(k)].load());
    w.family("tickdesk_records_stored_total", "counter", "Records committed to the database, by record type.");
    const auto &stats = writer.stats();
    for (int k = 0; k < Model::RecordKindCount; ++k)
        w.sample("tickdesk_records_stored_total", QByteArray("type=\"") + Model::kindName(Model::RecordKind(k)) + '"',
                 stats.storedByKind[std::size_t(k)].load());
    w.family("tickdesk_records_processed_total", "counter", "Records through the indicator and rule workers.");
    w.sample("tickdesk_records_processed_total", {}, pipeline.metrics().processed.load());
    w.family("tickdesk_symbols_active", "gauge", "Symbols whose engine state is in memory (at most the cap).");
    w.sample("tickdesk_symbols_active", {}, pipeline.activeSymbols());
    w.family("tickdesk_symbols_evicted_total", "counter",
             "Symbols that left memory (over the cap or idle); they are read back when they trade again.");
    w.sample("tickdesk_symbols_evicted_total", {}, pipeline.evictedSymbols());
    w.family("tickdesk_records_late_total", "counter",
             "Bars older than their symbol's latest bar: stored, left out of indicators, rules and live charts.");
    w.sample("tickdesk_records_late_total", {}, pipeline.metrics().late.load());
    w.family("tickdesk_commits_total", "counter", "Database transactions (group commits).");
    w.sample("tickdesk_commits_total", "result=\"ok\"", stats.commits.load());
    w.sample("tickdesk_commits_total", "result=\"failed\"", stats.failedCommits.load());
    w.family("tickdesk_bars_to_merge", "gauge",
             "Bars in a full arrival-order log not yet moved into the symbol-ordered table.");
    w.sample("tickdesk_bars_to_merge", {}, stats.barsToMerge.load());
    w.family("tickdesk_kept_bars_total", "counter",
             "Closed bars of 1m to 1W the writer kept (as they closed, or built from older records).");
    w.sample("tickdesk_kept_bars_total", {}, stats.keptBars.load());
    w.family("tickdesk_kept_bars_backfill_pending", "gauge",
             "1 while older records wait to be brought into kept bars (done while the writer is idle).");
    w.sample("tickdesk_kept_bars_backfill_pending", {}, stats.backfillPending.load());

    w.family("tickdesk_queue_depth", "gauge", "Records waiting, per queue.");
    const auto depths = pipeline.queueDepths();
    for (std::size_t i = 0; i < depths.size(); ++i)
        w.sample("tickdesk_queue_depth", "queue=\"shard" + QByteArray::number(quint64(i)) + '"', depths[i]);
    w.sample("tickdesk_queue_depth", "queue=\"storage\"", writer.queuedRecords());

    w.family("tickdesk_signals_total", "counter", "Signals stored and published, by rule and side.");
    for (int r = 0; r < Signals::RuleEngine::RuleCount; ++r)
        for (int s = 0; s < 3; ++s)
            w.sample("tickdesk_signals_total",
                     QByteArray("rule=\"") + Signals::RuleEngine::ruleId(Signals::RuleEngine::Rule(r)) + "\",side=\"" +
                         Model::sideName(Model::SignalSide(s)) + '"',
                     pipeline.metrics().signals[std::size_t(r)][std::size_t(s)].load());

    w.raw(stats.receiveToStored.prometheus("tickdesk_receive_to_stored_seconds",
                                           "From a request's arrival to the commit of its records."));
    w.raw(pipeline.metrics().receiveToSignal.prometheus(
        "tickdesk_receive_to_signal_seconds",
        "From the arrival of the record that raised a signal to its publication."));
    return w.take();
}

} // namespace Pipeline
