// SPDX-License-Identifier: MIT
// Publishing to NATS: a TickDesk node fed over HTTP publishes every processed record to core NATS (a real
// nats-server -js started here); a subscriber measures how many arrive and how long after they were posted, and
// a window on the feed (what `tickdesk --source` runs: the NATS terminal feed, its own pipeline without rules and
// database) how long until each record is stored there and waiting in the window's live feed.
//   bench_nats [RECORDS_PER_SECOND=10000] [SECONDS=10]
// Then the same as fast as the node takes 1,000-record batches, for the records/s that get through.

#include "../core/AppProcess.h"
#include "../core/HttpTestClient.h"
#include "../core/NatsServer.h"
#include "BenchData.h"
#include "nats/NatsTerminal.h"
#include "pipeline/LiveFeed.h"
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Bench::percentile;

namespace {

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1e3;
}

/// Counts the records arriving on tickdesk.tick.> and how long after their timestamp (the time they were posted).
class Subscriber
{
public:
    explicit Subscriber(const QString &url)
    {
        natsConnection_ConnectTo(&m_connection, url.toUtf8().constData());
        natsConnection_Subscribe(
            &m_subscription, m_connection, "tickdesk.tick.>",
            [](natsConnection *, natsSubscription *, natsMsg *msg, void *self) {
                static_cast<Subscriber *>(self)->received(msg);
                natsMsg_Destroy(msg);
            },
            this);
        natsSubscription_SetPendingLimits(m_subscription, -1, -1);
        natsConnection_Flush(m_connection);
    }
    ~Subscriber()
    {
        natsSubscription_Destroy(m_subscription);
        natsConnection_Destroy(m_connection);
    }

    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_latencies.clear();
        m_count = 0;
    }
    std::size_t count() const { return m_count.load(); }
    std::vector<double> latencies()
    {
        std::lock_guard lock(m_mutex);
        return m_latencies;
    }

private:
    void received(natsMsg *msg)
    {
        const double at = nowSeconds();
        // The timestamp read straight from the text: the measuring must not take the cores the node needs.
        const char *field = std::strstr(natsMsg_GetData(msg), "\"timestamp\":");
        const double timestamp = field ? std::strtod(field + 12, nullptr) : 0;
        ++m_count;
        std::lock_guard lock(m_mutex);
        if (m_latencies.size() < 2'000'000 && timestamp > 0)
            m_latencies.push_back((at - timestamp) * 1e3);
    }

    natsConnection *m_connection = nullptr;
    natsSubscription *m_subscription = nullptr;
    std::atomic<std::size_t> m_count{0};
    std::mutex m_mutex;
    std::vector<double> m_latencies;
};

/// A window on the feed, in process: records from NATS into its own pipeline (no rules) and database, then its
/// live feed, read every millisecond as the window would (it reads it about 30 times a second).
class Window
{
public:
    Window(const QString &url, const QString &database)
    {
        m_writer = std::move(*Storage::StorageWriter::open({database}));
        Pipeline::PipelineOptions options;
        options.rules.rsiTrend = options.rules.maCross = options.rules.priceMove = options.rules.newsSentiment = false;
        m_pipeline = std::make_unique<Pipeline::Pipeline>(options, *m_writer, &m_feed);
        m_pipeline->start();
        Nats::TerminalOptions terminal;
        terminal.nats.url = url;
        terminal.nats.databasePath = database;
        Nats::TerminalFeed::Sinks sinks;
        sinks.ticks = [this](Model::RecordBatch &&records) {
            return m_pipeline->submit(std::move(records), 0, [](const QString &) {});
        };
        sinks.store = [this](std::vector<Model::TradeSignal> &&signals, std::vector<Trading::Fill> &&fills,
                             Storage::WriteJob::Write write, Ingest::RecordSink::Done done) {
            return m_pipeline->storeElsewhere(std::move(signals), std::move(fills), std::move(write), std::move(done));
        };
        m_terminal = std::make_unique<Nats::TerminalFeed>(terminal, sinks);
        m_terminal->start();
        m_reader = std::thread([this] {
            std::deque<Pipeline::LiveBar> bars;
            std::deque<Pipeline::LiveEvent> events;
            while (!m_stop.load()) {
                m_feed.take(bars, events);
                const double at = nowSeconds();
                std::lock_guard lock(m_mutex);
                for (const Pipeline::LiveBar &bar : bars)
                    if (m_latencies.size() < 2'000'000)
                        m_latencies.push_back((at - double(bar.bar.timestamp) / 1e6) * 1e3);
                m_count += bars.size();
                bars.clear();
                events.clear();
                QThread::usleep(1000);
            }
        });
    }
    ~Window()
    {
        m_stop.store(true);
        m_reader.join();
        m_terminal->stop();
        m_pipeline->stop();
        m_writer->stop();
    }
    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_latencies.clear();
        m_count = 0;
    }
    std::size_t count()
    {
        std::lock_guard lock(m_mutex);
        return m_count;
    }
    std::vector<double> latencies()
    {
        std::lock_guard lock(m_mutex);
        return m_latencies;
    }

private:
    std::unique_ptr<Storage::StorageWriter> m_writer;
    Pipeline::LiveFeed m_feed;
    std::unique_ptr<Pipeline::Pipeline> m_pipeline;
    std::unique_ptr<Nats::TerminalFeed> m_terminal;
    std::thread m_reader;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::size_t m_count = 0;
    std::vector<double> m_latencies;
};

/// A batch of `n` records over 100 symbols, stamped now.
QByteArray batch(int n, std::uint64_t &serial)
{
    QByteArray body = "[";
    const double t = nowSeconds();
    for (int i = 0; i < n; ++i, ++serial) {
        const double price = 100 + double(serial % 997) / 100;
        body += u"{\"stock_symbol\":\"S%1\",\"opening_price\":%2,\"closing_price\":%2,\"high\":%2,\"low\":%2,"
                "\"volume\":1,\"timestamp\":%3},"_s.arg(serial % 100)
                    .arg(price)
                    .arg(t + double(i) * 1e-6, 0, 'f', 6)
                    .toUtf8();
    }
    body.back() = ']';
    return body;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rate = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;

    NatsTest::Server nats;
    if (!nats.start()) {
        std::fprintf(stderr, "nats-server did not start: %s\n", nats.log().constData());
        return 1;
    }
    QTemporaryDir dir;
    TestApp::Process node;
    if (!node.start({u"--db"_s, dir.filePath(u"nats.sqlite"_s), u"--nats"_s, nats.url()})) {
        std::fprintf(stderr, "tickdesk did not start: %s\n", node.log().constData());
        return 1;
    }
    Subscriber subscriber(nats.url());
    Window window(nats.url(), dir.filePath(u"window.sqlite"_s));
    TestHttp::Client client;
    if (!client.connectTo(node.port()))
        return 1;
    std::uint64_t serial = 0;
    // Wait until the node is connected (its first records are dropped while it is not).
    for (int i = 0; i < 200 && (subscriber.count() == 0 || window.count() == 0); ++i) {
        client.roundTrip(TestHttp::request("POST", "/ingest", batch(1, serial)));
        QThread::msleep(50);
    }
    subscriber.reset();
    window.reset();

    // Paced: batches of 100 every 100/rate seconds.
    const int perBatch = 100;
    const qint64 batches = qint64(rate) * seconds / perBatch;
    QElapsedTimer clock;
    clock.start();
    for (qint64 b = 0; b < batches; ++b) {
        const qint64 due = b * perBatch * 1'000'000'000LL / rate;
        while (clock.nsecsElapsed() < due)
            QThread::usleep(100);
        client.roundTrip(TestHttp::request("POST", "/ingest", batch(perBatch, serial)));
    }
    for (int i = 0; i < 100 && (subscriber.count() < std::size_t(batches * perBatch) ||
                                window.count() < std::size_t(batches * perBatch));
         ++i)
        QThread::msleep(20);
    const auto paced = subscriber.latencies();
    const auto shown = window.latencies();
    std::printf("NATS publishing, %d records/s offered for %d s over HTTP (batches of %d, 100 symbols):\n", rate,
                seconds, perBatch);
    std::printf("  received by a subscriber: %zu of %lld; POST to NATS message p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                subscriber.count(), batches * perBatch, percentile(paced, 0.5), percentile(paced, 0.99),
                percentile(paced, 1.0));
    std::printf("  in a window on the feed (stored in its database, in its live feed): %zu of %lld; POST to the "
                "window p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                window.count(), batches * perBatch, percentile(shown, 0.5), percentile(shown, 0.99),
                percentile(shown, 1.0));

    // As fast as the node takes them.
    subscriber.reset();
    window.reset();
    clock.restart();
    qint64 posted = 0;
    while (clock.elapsed() < 5000) {
        const auto response = client.roundTrip(TestHttp::request("POST", "/ingest", batch(1000, serial)));
        if (response && response->status == 200)
            posted += 1000;
    }
    const double postSeconds = double(clock.nsecsElapsed()) / 1e9;
    for (int i = 0; i < 250 && subscriber.count() < std::size_t(posted); ++i)
        QThread::msleep(20);
    std::printf("  flat out, batches of 1,000 from one connection: %.0f records/s stored and published, %zu of %lld "
                "received (%.0f records/s)\n",
                double(posted) / postSeconds, subscriber.count(), posted, double(subscriber.count()) / postSeconds);
    for (int i = 0; i < 250 && window.count() < subscriber.count(); ++i)
        QThread::msleep(20);
    std::printf("  the window on the feed stored %zu of them (%.0f records/s)\n", window.count(),
                double(window.count()) / postSeconds);
    TestHttp::Client metricsClient;
    if (metricsClient.connectTo(node.port()))
        if (const auto metrics = metricsClient.roundTrip(TestHttp::request("GET", "/metrics", {}, {})))
            for (const QByteArray &line : metrics->body.split('\n'))
                if (line.startsWith("tickdesk_nats_ticks"))
                    std::printf("  %s\n", line.constData());
    return 0;
}
