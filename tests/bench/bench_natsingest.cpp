// SPDX-License-Identifier: MIT
// Ingest spread through NATS JetStream: a real nats-server (JetStream, the ingest subjects mapped into two
// partitions) and two TickDesk nodes (--nats-ingest 0/2 and 1/2) on this machine. Records are published to
// tickdesk.ingest.SYMBOL over 200 symbols as fast as JetStream takes them; the figure is records/s from the first
// publish until both nodes have committed (and acknowledged) every one. Then a paced run at RATE records/s for the
// latency from the publish to a subscriber of the nodes' tickdesk.tick.> (publish → stream → node → commit →
// terminal).
//   bench_natsingest [RECORDS=300000] [RATE=10000]
// The flat-out run is made with 1, 10 and 50 records a message (an array of one symbol's records): JetStream
// acknowledges a work queue's messages one by one, which bounds the messages/s, not the records/s.

#include "../core/AppProcess.h"
#include "../core/HttpTestClient.h"
#include "../core/NatsServer.h"
#include "BenchData.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Bench::percentile;

namespace {

constexpr int Symbols = 200;

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1e3;
}

QByteArray record(const QString &prefix, int symbol, double price, double at)
{
    return u"{\"stock_symbol\":\"%1\",\"opening_price\":%2,\"closing_price\":%2,\"high\":%2,\"low\":%2,"
           "\"volume\":1,\"timestamp\":%3}"_s.arg(prefix + QString::number(symbol))
               .arg(price)
               .arg(at, 0, 'f', 6)
               .toUtf8();
}

/// The records both nodes committed from the stream, read from their /metrics.
qint64 committed(std::vector<TestApp::Process *> &nodes)
{
    qint64 total = 0;
    for (TestApp::Process *node : nodes) {
        TestHttp::Client client;
        if (!client.connectTo(node->port()))
            return -1;
        const auto metrics = client.roundTrip(TestHttp::request("GET", "/metrics", {}, {}));
        if (!metrics)
            return -1;
        for (const QByteArray &line : metrics->body.split('\n'))
            if (line.startsWith("tickdesk_nats_ingest_records_total "))
                total += line.mid(line.indexOf(' ') + 1).toLongLong();
    }
    return total;
}

/// Latency from a record's timestamp (its publish) to its processed tick at a subscriber.
class Terminal
{
public:
    explicit Terminal(const QString &url)
    {
        natsConnection_ConnectTo(&m_connection, url.toUtf8().constData());
        natsConnection_Subscribe(
            &m_subscription, m_connection, "tickdesk.tick.>",
            [](natsConnection *, natsSubscription *, natsMsg *msg, void *self) {
                const double at = nowSeconds();
                const QJsonObject tick =
                    QJsonDocument::fromJson(QByteArray::fromRawData(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)))
                        .object();
                auto *terminal = static_cast<Terminal *>(self);
                std::lock_guard lock(terminal->m_mutex);
                // Only the paced run's symbols (L…): the flat-out runs' may still be on their way.
                if (terminal->m_recording && tick.value(u"symbol"_s).toString().startsWith(u'L'))
                    terminal->m_latencies.push_back((at - tick.value(u"timestamp"_s).toDouble()) * 1e3);
                natsMsg_Destroy(msg);
            },
            this);
        natsSubscription_SetPendingLimits(m_subscription, -1, -1);
        natsConnection_Flush(m_connection);
    }
    ~Terminal()
    {
        natsSubscription_Destroy(m_subscription);
        natsConnection_Destroy(m_connection);
    }
    void record(bool on)
    {
        std::lock_guard lock(m_mutex);
        m_recording = on;
    }
    std::vector<double> latencies()
    {
        std::lock_guard lock(m_mutex);
        return m_latencies;
    }

private:
    natsConnection *m_connection = nullptr;
    natsSubscription *m_subscription = nullptr;
    std::mutex m_mutex;
    bool m_recording = false;
    std::vector<double> m_latencies;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 records = argc > 1 ? std::atoll(argv[1]) : 300'000;
    const int rate = argc > 2 ? std::atoi(argv[2]) : 10'000;
    const std::vector<int> sizes{1, 10, 50};

    NatsTest::Server nats;
    nats.setConfig(
        "mappings = {\n  \"tickdesk.ingest.*\": \"tickdesk.ingest.{{partition(2,1)}}.{{wildcard(1)}}\"\n}\n");
    if (!nats.start()) {
        std::fprintf(stderr, "nats-server did not start: %s\n", nats.log().constData());
        return 1;
    }
    QTemporaryDir dir;
    TestApp::Process a, b;
    std::vector<TestApp::Process *> nodes{&a, &b};
    for (int p = 0; p < 2; ++p)
        if (!nodes[std::size_t(p)]->start({u"--db"_s, dir.filePath(u"node%1.sqlite"_s.arg(p)), u"--nats"_s, nats.url(),
                                           u"--nats-node"_s, u"n%1"_s.arg(p), u"--nats-ingest"_s, u"%1/2"_s.arg(p)})) {
            std::fprintf(stderr, "tickdesk did not start: %s\n", nodes[std::size_t(p)]->log().constData());
            return 1;
        }
    // The nodes make the stream: wait until it is there.
    for (int i = 0; i < 200 && NatsTest::streamSize(nats.url(), "TICKDESK_INGEST") < 0; ++i)
        QThread::msleep(50);

    // Flat out, for each size of message: the messages made first, then published from two connections.
    qint64 committedBefore = 0;
    std::printf("JetStream ingest into two nodes (partitions 0/2, 1/2), %lld records over %d symbols a run:\n", records,
                Symbols);
    for (const int perMessage : sizes) {
        const qint64 messages = (records + perMessage - 1) / perMessage;
        std::vector<std::pair<QByteArray, QByteArray>> prepared;
        prepared.reserve(std::size_t(messages));
        const double t0 = nowSeconds() - 3600;
        for (qint64 m = 0; m < messages; ++m) {
            const int symbol = int(m % Symbols);
            QByteArray body = perMessage > 1 ? "[" : "";
            for (int r = 0; r < perMessage; ++r) {
                const qint64 serial = m * perMessage + r;
                body += record(u"N"_s, symbol, 100 + double(serial % 997) / 100, t0 + double(m) * 1e-4 + r * 1e-6);
                body += ',';
            }
            body.chop(1);
            if (perMessage > 1)
                body += ']';
            prepared.emplace_back("tickdesk.ingest.N" + QByteArray::number(symbol), body);
        }
        QElapsedTimer clock;
        clock.start();
        std::atomic<qint64> publishedAt{0};
        std::vector<std::thread> publishers;
        for (int t = 0; t < 2; ++t)
            publishers.emplace_back([&, t] {
                NatsTest::Publisher publisher(nats.url());
                // Each symbol from one connection, so that its messages are in order in the stream.
                for (std::size_t m = 0; m < prepared.size(); ++m)
                    if (int(m % Symbols) % 2 == t)
                        publisher.publish(prepared[m].first, prepared[m].second,
                                          "bench" + QByteArray::number(perMessage) + ':' +
                                              QByteArray::number(qint64(m)));
                if (!publisher.complete())
                    std::fprintf(stderr, "publisher %d: not every message was acknowledged\n", t);
                publishedAt.store(std::max(publishedAt.load(), clock.nsecsElapsed()));
            });
        for (std::thread &t : publishers)
            t.join();
        const double publishSeconds = double(publishedAt.load()) / 1e9;
        const qint64 expected = committedBefore + messages * perMessage;
        qint64 stored = 0;
        for (int i = 0; i < 12000 && (stored = committed(nodes)) < expected; ++i)
            QThread::msleep(10);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        stored -= committedBefore;
        committedBefore += stored;
        std::printf("  %3d a message: published into the stream at %.0f records/s (%.0f messages/s); committed by the "
                    "nodes %lld in %.2f s = %.0f records/s end to end\n",
                    perMessage, double(messages * perMessage) / publishSeconds, double(messages) / publishSeconds,
                    stored, seconds, double(stored) / seconds);
    }
    // The nodes publish the processed records after their commits: let that queue drain first.
    QThread::msleep(3000);

    // Paced, one record a message, stamped at its publish.
    Terminal terminal(nats.url());
    terminal.record(true);
    NatsTest::Publisher publisher(nats.url());
    const int pacedSeconds = 10;
    const qint64 paced = qint64(rate) * pacedSeconds;
    QElapsedTimer clock;
    clock.start();
    for (qint64 m = 0; m < paced; ++m) {
        const qint64 due = m * 1'000'000'000LL / rate;
        while (clock.nsecsElapsed() < due)
            QThread::usleep(50);
        const int symbol = int(m % Symbols);
        publisher.publish("tickdesk.ingest.L" + QByteArray::number(symbol),
                          record(u"L"_s, symbol, 100 + double(m % 997) / 100, nowSeconds()),
                          "paced:" + QByteArray::number(m));
    }
    publisher.complete();
    for (int i = 0; i < 1000 && qint64(terminal.latencies().size()) < paced; ++i)
        QThread::msleep(20);
    terminal.record(false);
    const auto latencies = terminal.latencies();
    std::printf("  paced at %d records/s for %d s: %zu of %lld reached a subscriber of tickdesk.tick.>; from the "
                "publish to the "
                "terminal p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                rate, pacedSeconds, latencies.size(), paced, percentile(latencies, 0.5), percentile(latencies, 0.99),
                percentile(latencies, 1.0));
    return 0;
}
