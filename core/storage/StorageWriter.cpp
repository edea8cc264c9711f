// SPDX-License-Identifier: MIT
#include "StorageWriter.h"

#include "Schema.h"
#include "SqliteDatabase.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <pthread.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStorage, "tickdesk.storage")

namespace Storage {

namespace {

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string_view sideText(Model::OrderSide side)
{
    return side == Model::OrderSide::Buy ? std::string_view("buy") : std::string_view("sell");
}

} // namespace

struct StorageWriter::Statements
{
    Statement tick;
    Statement orderBook;
    Statement sentiment;
    Statement marketData;
    Statement economic;
};

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + u"/tickdesk.sqlite"_s;
}

Util::Result<std::unique_ptr<StorageWriter>> StorageWriter::open(WriterOptions options)
{
    using R = Util::Result<std::unique_ptr<StorageWriter>>;
    auto db = SqliteDatabase::open(options.path);
    if (!db)
        return R::failure(db.error());
    if (auto s = Schema::migrate(**db); !s)
        return R::failure(s.error());
    if (auto s = (*db)->exec(options.fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !s)
        return R::failure(s.error());

    auto statements = std::make_unique<Statements>();
    const std::pair<Statement *, const char *> sql[] = {
        {&statements->tick,
         "INSERT INTO ticks(symbol, ts_us, open, high, low, close, volume) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&statements->orderBook,
         "INSERT INTO order_book(symbol, ts_us, side, price, quantity) VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&statements->sentiment, "INSERT INTO news_sentiment(symbol, ts_us, score, magnitude) VALUES (?1, ?2, ?3, ?4)"},
        {&statements->marketData,
         "INSERT INTO market_data(symbol, ts_us, market_cap, pe_ratio) VALUES (?1, ?2, ?3, ?4)"},
        {&statements->economic, "INSERT INTO economic_indicators(name, ts_us, value) VALUES (?1, ?2, ?3)"},
    };
    for (const auto &[target, text] : sql) {
        auto statement = (*db)->prepare(text);
        if (!statement)
            return R::failure(u"cannot prepare the storage statements: %1"_s.arg(statement.error()));
        *target = std::move(*statement);
    }
    return std::unique_ptr<StorageWriter>(new StorageWriter(std::move(options), std::move(*db), std::move(statements)));
}

StorageWriter::StorageWriter(WriterOptions options, std::unique_ptr<SqliteDatabase> db,
                             std::unique_ptr<Statements> statements)
    : m_options(std::move(options))
    , m_db(std::move(db))
    , m_statements(std::move(statements))
{
    m_thread = std::thread([this] { run(); });
}

StorageWriter::~StorageWriter()
{
    stop();
    m_statements.reset(); // finalize before the connection closes
}

std::size_t StorageWriter::queuedRecords() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

Ingest::RecordSink::Submit StorageWriter::submit(Model::RecordBatch &&records, qint64 receivedNs, Done done)
{
    const std::size_t count = records.size();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Submit::Closed;
        // A batch larger than the whole capacity still goes in when nothing else is waiting.
        if (m_inFlight > 0 && m_inFlight + count > m_options.queueCapacity)
            return Submit::Saturated;
        m_inFlight += count;
        m_queue.push_back(Job{std::move(records), receivedNs, std::move(done)});
    }
    m_wake.notify_one();
    return Submit::Accepted;
}

void StorageWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void StorageWriter::run()
{
    pthread_setname_np(pthread_self(), "storage-writer");
    std::vector<Job> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything is written
            // Take whole jobs up to the per-commit bound; the rest waits for the next round.
            std::size_t records = 0;
            std::size_t take = 0;
            while (take < m_queue.size() &&
                   (take == 0 || records + m_queue[take].records.size() <= m_options.maxRecordsPerCommit)) {
                records += m_queue[take].records.size();
                ++take;
            }
            batch.assign(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.begin() + take));
            m_queue.erase(m_queue.begin(), m_queue.begin() + take);
        }

        const QString error = write(batch);
        std::size_t records = 0;
        for (const Job &job : batch)
            records += job.records.size();
        {
            std::lock_guard lock(m_mutex);
            m_inFlight -= records;
        }
        for (Job &job : batch)
            job.done(error);
        batch.clear();
    }
}

QString StorageWriter::write(const std::vector<Job> &jobs)
{
    if (auto s = m_db->exec("BEGIN"); !s) {
        m_stats.failedCommits.fetch_add(1);
        qCWarning(lcStorage) << "cannot begin a transaction:" << s.error();
        return s.error();
    }
    std::array<std::uint64_t, Model::RecordKindCount> counts{};
    Statements &st = *m_statements;
    const auto insert = [this](Statement &statement) {
        const int rc = statement.step();
        statement.reset();
        return rc == SQLITE_DONE ? QString() : m_db->lastError();
    };
    QString error;
    for (const Job &job : jobs) {
        for (const Model::Record &record : job.records) {
            error = std::visit(Overloaded{
                                   [&](const Model::Tick &t) {
                                       st.tick.bindText(1, t.symbol.view());
                                       st.tick.bind(2, std::int64_t(t.timestamp));
                                       st.tick.bind(3, t.open);
                                       st.tick.bind(4, t.high);
                                       st.tick.bind(5, t.low);
                                       st.tick.bind(6, t.close);
                                       st.tick.bind(7, std::int64_t(t.volume));
                                       return insert(st.tick);
                                   },
                                   [&](const Model::OrderBookEvent &e) {
                                       st.orderBook.bindText(1, e.symbol.view());
                                       st.orderBook.bind(2, std::int64_t(e.timestamp));
                                       st.orderBook.bindText(3, sideText(e.side));
                                       st.orderBook.bind(4, e.price);
                                       st.orderBook.bind(5, e.quantity);
                                       return insert(st.orderBook);
                                   },
                                   [&](const Model::NewsSentimentEvent &e) {
                                       st.sentiment.bindText(1, e.symbol.view());
                                       st.sentiment.bind(2, std::int64_t(e.timestamp));
                                       st.sentiment.bind(3, e.score);
                                       st.sentiment.bind(4, e.magnitude);
                                       return insert(st.sentiment);
                                   },
                                   [&](const Model::MarketDataEvent &e) {
                                       st.marketData.bindText(1, e.symbol.view());
                                       st.marketData.bind(2, std::int64_t(e.timestamp));
                                       st.marketData.bind(3, e.marketCap);
                                       st.marketData.bind(4, e.peRatio);
                                       return insert(st.marketData);
                                   },
                                   [&](const Model::EconomicIndicatorEvent &e) {
                                       const QByteArray name = e.name.toUtf8();
                                       st.economic.bindText(
                                           1, std::string_view(name.constData(), std::size_t(name.size())));
                                       st.economic.bind(2, std::int64_t(e.timestamp));
                                       st.economic.bind(3, e.value);
                                       return insert(st.economic);
                                   },
                               },
                               record);
            if (!error.isEmpty())
                break;
            ++counts[record.index()];
        }
        if (!error.isEmpty())
            break;
    }
    if (error.isEmpty()) {
        if (auto s = m_db->exec("COMMIT"); !s)
            error = s.error();
    }
    if (!error.isEmpty()) {
        m_db->exec("ROLLBACK");
        m_stats.failedCommits.fetch_add(1);
        qCWarning(lcStorage) << "transaction rolled back:" << error;
        return error;
    }
    std::uint64_t total = 0;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        m_stats.storedByKind[k].fetch_add(counts[k], std::memory_order_relaxed);
        total += counts[k];
    }
    m_stats.stored.fetch_add(total, std::memory_order_relaxed);
    m_stats.commits.fetch_add(1, std::memory_order_relaxed);
    return {};
}

} // namespace Storage
