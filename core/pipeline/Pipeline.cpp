// SPDX-License-Identifier: MIT
#include "Pipeline.h"
#include "util/Clock.h"

#include "Shard.h"
#include "storage/Queries.h"
#include "storage/StorageWriter.h"
#include "storage/SymbolHistoryReader.h"
#include "trading/PaperDesk.h"

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPipeline, "tickdesk.pipeline")

namespace Pipeline {

using Model::symbolOf;

namespace {

/// Items of several symbols (symbols, signals), split by the shard that holds each one's symbol.
template<typename T, typename SymbolOf>
std::vector<std::vector<T>> splitByShard(const std::vector<T> &items, int shards, SymbolOf symbolOfItem)
{
    std::vector<std::vector<T>> out(static_cast<std::size_t>(shards));
    for (const T &item : items)
        out[std::size_t(Pipeline::shardOf(symbolOfItem(item), shards))].push_back(item);
    return out;
}

} // namespace

Pipeline::Pipeline(const PipelineOptions &options, Storage::StorageWriter &writer, LiveFeed *feed, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_writer(writer)
{
    qRegisterMetaType<Model::SignalList>();
    const int shards = options.shards > 0 ? options.shards : std::max(1, QThread::idealThreadCount());
    m_options.shards = shards; // each shard's share of the symbol cap follows from it
    for (int i = 0; i < shards; ++i)
        m_shards.push_back(std::make_unique<Shard>(
            i, m_options, writer, m_metrics, [this](std::vector<Model::TradeSignal> &s) { publish(s); }, feed));
}

Pipeline::~Pipeline()
{
    stop();
}

void Pipeline::rewarm(const std::vector<Model::Symbol> &symbols)
{
    auto perShard = splitByShard(
        symbols, shardCount(), [](const Model::Symbol &s) -> const auto & { return s; });
    for (std::size_t i = 0; i < m_shards.size(); ++i)
        m_shards[i]->rewarm(std::move(perShard[i]));
}

int Pipeline::shardOf(const Model::Symbol &symbol, int shards) noexcept
{
    return int(std::hash<Model::Symbol>{}(symbol) % std::size_t(shards));
}

namespace {

/// The stored symbols past each shard's room (`rooms`, by shard) that wait until they trade: all but the
/// shard's `room` with the latest records.
std::vector<bool> leftForLater(const std::vector<Storage::StoredSymbol> &stored, const std::vector<std::size_t> &rooms)
{
    std::vector<std::vector<std::size_t>> byShard(rooms.size());
    for (std::size_t i = 0; i < stored.size(); ++i)
        byShard[std::size_t(Pipeline::shardOf(stored[i].symbol, int(rooms.size())))].push_back(i);
    std::vector<bool> later(stored.size(), false);
    for (std::size_t s = 0; s < rooms.size(); ++s) {
        std::vector<std::size_t> &mine = byShard[s];
        if (mine.size() <= rooms[s])
            continue;
        const auto room = mine.begin() + std::ptrdiff_t(rooms[s]);
        std::nth_element(mine.begin(), room, mine.end(),
                         [&](std::size_t a, std::size_t b) { return stored[a].latest > stored[b].latest; });
        for (auto it = room; it != mine.end(); ++it)
            later[*it] = true;
    }
    return later;
}

} // namespace

Util::Status Pipeline::warmStart(const QString &databasePath)
{
    if (databasePath == u":memory:"_s)
        return {}; // a private database of the writer's connection: nothing to read back
    auto reader = Storage::SymbolHistoryReader::open(databasePath);
    if (!reader)
        return Util::Status::failure(reader.error());
    for (auto &shard : m_shards)
        shard->setDatabasePath(databasePath); // symbols that leave memory come back from there
    // One snapshot, in which each bar log bucket is decoded once for all its symbols.
    if (auto status = (*reader)->beginSnapshot(); !status)
        return status;
    std::vector<Storage::StoredSymbol> stored = (*reader)->symbols();
    std::vector<std::size_t> rooms;
    for (const auto &shard : m_shards)
        rooms.push_back(shard->capacity());
    // More than a shard holds: those traded last come back now, the others when they trade again.
    std::vector<bool> later = leftForLater(stored, rooms);
    if (std::find(later.begin(), later.end(), true) != later.end()) {
        stored = (*reader)->symbols(true);
        later = leftForLater(stored, rooms);
    }
    for (std::size_t i = 0; i < stored.size(); ++i) {
        const Model::Symbol &symbol = stored[i].symbol;
        Shard &shard = *m_shards[std::size_t(shardOf(symbol, shardCount()))];
        if (later[i]) {
            shard.rememberEvicted(symbol); // past the shard's capacity(): warmed when it trades again
            continue;
        }
        shard.warm(**reader, symbol);
        ++m_warmedSymbols;
    }
    (*reader)->endSnapshot();
    qCInfo(lcPipeline) << "warmed" << m_warmedSymbols << "symbols from" << databasePath;
    return {};
}

void Pipeline::start()
{
    for (auto &shard : m_shards)
        shard->start();
}

void Pipeline::stop()
{
    for (auto &shard : m_shards)
        shard->stop();
}

void Pipeline::setCommitListener(CommitListener *listener)
{
    for (auto &shard : m_shards)
        shard->setCommitListener(listener);
}

void Pipeline::setAlertBook(const Alerts::AlertBook *book)
{
    for (auto &shard : m_shards)
        shard->setAlertBook(book);
}

void Pipeline::setPaperDesk(Trading::PaperDesk *desk)
{
    m_paperDesk = desk;
    for (auto &shard : m_shards)
        shard->setPaperDesk(desk);
}

Ingest::RecordSink::Submit Pipeline::submit(Model::RecordBatch &&records, qint64 receivedNs, Done done)
{
    return submit(std::move(records), receivedNs, std::move(done), {});
}

Ingest::RecordSink::Submit Pipeline::submit(Model::RecordBatch &&records, qint64 receivedNs, Done done,
                                            Storage::WriteJob::Write alsoWrite)
{
    const int shards = shardCount();
    const auto shardOfRecord = [shards](const Model::Record &record) {
        // Records without a symbol (economic indicators) go to the first shard.
        const Model::Symbol *symbol = symbolOf(record);
        return symbol ? shardOf(*symbol, shards) : 0;
    };
    // A request for one shard (a single record, or one symbol's) goes to it whole, with nothing to split.
    const int only = shards == 1 || records.empty() ? 0 : shardOfRecord(records.front());
    if (records.size() <= 1 || shards == 1 ||
        std::all_of(records.begin() + 1, records.end(),
                    [&](const Model::Record &r) { return shardOfRecord(r) == only; })) {
        Shard &shard = *m_shards[std::size_t(only)];
        if (!shard.reserve(records.size()))
            return Submit::Saturated;
        shard.push(std::move(records), receivedNs, PartAnswer(std::move(done)), {}, std::move(alsoWrite));
        return Submit::Accepted;
    }

    // Room is reserved before anything moves, so a refused batch is left whole for a retry.
    std::vector<int> target(records.size());
    std::vector<std::size_t> counts(std::size_t(shards), 0);
    for (std::size_t r = 0; r < records.size(); ++r)
        ++counts[std::size_t(target[r] = shardOfRecord(records[r]))];
    int used = 0;
    for (int i = 0; i < shards; ++i) {
        if (counts[std::size_t(i)] == 0)
            continue;
        if (!m_shards[std::size_t(i)]->reserve(counts[std::size_t(i)])) {
            for (int j = 0; j < i; ++j)
                if (counts[std::size_t(j)] > 0)
                    m_shards[std::size_t(j)]->unreserve(counts[std::size_t(j)]);
            return Submit::Saturated;
        }
        ++used;
    }
    std::vector<Model::RecordBatch> parts(std::size_t(shards), Model::RecordBatch{});
    for (int i = 0; i < shards; ++i)
        parts[std::size_t(i)].reserve(counts[std::size_t(i)]);
    for (std::size_t r = 0; r < records.size(); ++r)
        parts[std::size_t(target[r])].push_back(std::move(records[r]));
    auto tracker = std::make_shared<RequestTracker>(used, std::move(done));
    // A request split over shards is still committed whole: its parts wait for each other at the writer.
    auto group = used > 1 ? std::make_shared<Storage::CommitGroup>(used) : nullptr;
    // The parts commit in one transaction: the extra write goes with the first of them.
    for (int i = 0; i < shards; ++i)
        if (!parts[std::size_t(i)].empty())
            m_shards[std::size_t(i)]->push(std::move(parts[std::size_t(i)]), receivedNs, PartAnswer(tracker), group,
                                           std::exchange(alsoWrite, {}));
    return Submit::Accepted;
}

Ingest::RecordSink::Submit Pipeline::storeElsewhere(std::vector<Model::TradeSignal> &&signals,
                                                    std::vector<Trading::Fill> &&fills,
                                                    Storage::WriteJob::Write alsoWrite, Done done)
{
    Storage::WriteJob job;
    job.signals = std::move(signals);
    job.paperFills = fills;
    job.write = std::move(alsoWrite);
    job.receivedNs = Util::monotonicNs();
    job.done = [this, fills, done = std::move(done)](const QString &error, std::vector<Model::TradeSignal> &stored) {
        if (error.isEmpty() && !stored.empty()) {
            publish(stored);
            auto perShard = splitByShard(
                stored, shardCount(), [](const Model::TradeSignal &s) -> const auto & { return s.symbol; });
            for (std::size_t i = 0; i < m_shards.size(); ++i)
                m_shards[i]->countSignals(std::move(perShard[i]));
        }
        if (error.isEmpty() && !fills.empty() && m_paperDesk) {
            for (const Trading::Fill &fill : fills)
                m_paperDesk->book(fill);
            m_paperDesk->tradesStored();
        }
        done(error);
    };
    const Submit outcome = m_writer.submit(std::move(job));
    if (outcome != Submit::Accepted)
        signals = std::move(job.signals); // refused jobs are left whole: the caller tries again with the same
    return outcome;
}

void Pipeline::publish(std::vector<Model::TradeSignal> &signals)
{
    const qint64 now = Util::monotonicNs();
    Model::SignalList list;
    list.reserve(qsizetype(signals.size()));
    for (Model::TradeSignal &signal : signals) {
        signal.publishedNs = now;
        const int rule = signal.builtInIndex();
        if (rule >= 0)
            m_metrics.signals[std::size_t(rule)][std::size_t(signal.side)].fetch_add(1, std::memory_order_relaxed);
        if (signal.receivedNs > 0)
            m_metrics.receiveToSignal.observe(now - signal.receivedNs);
        list.append(signal);
    }
    Q_EMIT signalsPublished(list);
}

std::size_t Pipeline::activeSymbols() const
{
    std::size_t n = 0;
    for (const auto &shard : m_shards)
        n += shard->symbolCount();
    return n;
}

std::uint64_t Pipeline::evictedSymbols() const
{
    std::uint64_t n = 0;
    for (const auto &shard : m_shards)
        n += shard->evictions();
    return n;
}

std::vector<std::size_t> Pipeline::queueDepths() const
{
    std::vector<std::size_t> depths;
    for (const auto &shard : m_shards)
        depths.push_back(shard->depth());
    return depths;
}

Analytics::SummaryList Pipeline::summaries() const
{
    Analytics::SummaryList out;
    for (const auto &shard : m_shards)
        shard->collectSummaries(out);
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.symbol < b.symbol; });
    return out;
}

std::optional<Analytics::SymbolSummary> Pipeline::summary(const Model::Symbol &symbol) const
{
    return m_shards[std::size_t(shardOf(symbol, shardCount()))]->summary(symbol);
}

} // namespace Pipeline
