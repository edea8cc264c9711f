// SPDX-License-Identifier: MIT
// WebSocket fan-out: records go into the pipeline at a set rate (in process,
// timestamped with the wall clock when generated); N real QWebSocket clients on
// a thread of their own take every tick and signal. Prints delivered messages
// per second and the delay from generation to a client's receipt.
//   bench_stream [clients=50] [records/s=10000] [seconds=10]
#include "pipeline/Pipeline.h"
#include "sim/MarketGenerator.h"
#include "storage/StorageWriter.h"
#include "stream/StreamServer.h"
#include "util/Clock.h"
#include "util/LatencyHistogram.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <charconv>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

struct Totals
{
    std::atomic<std::uint64_t> messages{0};
    std::atomic<int> connected{0};
    std::atomic<bool> measuring{false};
    Util::LatencyHistogram delay;
};

/// The clients, all on one thread, as another process's would be.
class Clients final : public QObject
{
public:
    Clients(int count, quint16 port, Totals &totals)
        : m_count(count)
        , m_port(port)
        , m_totals(totals)
    {}

    void open()
    {
        for (int i = 0; i < m_count; ++i) {
            auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            connect(socket, &QWebSocket::connected, this, [this] { ++m_totals.connected; });
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) { received(text); });
            socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
        }
    }

private:
    void received(const QString &text)
    {
        if (!m_totals.measuring.load(std::memory_order_relaxed))
            return;
        m_totals.messages.fetch_add(1, std::memory_order_relaxed);
        // "timestamp":<epoch seconds with microseconds>: when the record was generated.
        const qsizetype at = text.indexOf(QLatin1String("\"timestamp\":"));
        if (at < 0)
            return;
        const QByteArray digits = text.mid(at + 12, 24).toLatin1();
        double seconds = 0;
        std::from_chars(digits.constData(), digits.constData() + digits.size(), seconds);
        const qint64 delayUs = Util::wallClockUs() - qint64(seconds * 1e6);
        m_totals.delay.observe(std::max<qint64>(0, delayUs) * 1000);
    }

    int m_count;
    quint16 m_port;
    Totals &m_totals;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int clients = argc > 1 ? std::atoi(argv[1]) : 50;
    const double rate = argc > 2 ? std::atof(argv[2]) : 10000;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 10;

    QTemporaryDir dir;
    auto writer = Storage::StorageWriter::open({dir.filePath(QStringLiteral("stream.sqlite"))});
    Pipeline::Pipeline pipeline(Pipeline::PipelineOptions{}, **writer);
    Stream::StreamOptions options;
    options.port = 0;
    Stream::StreamServer stream(options);
    if (!stream.start()) {
        std::fprintf(stderr, "cannot start the stream\n");
        return 1;
    }
    pipeline.setCommitListener(&stream);
    pipeline.start();

    Totals totals;
    QThread clientThread;
    Clients pool(clients, stream.port(), totals);
    pool.moveToThread(&clientThread);
    clientThread.start();
    QMetaObject::invokeMethod(&pool, [&pool] { pool.open(); });
    while (totals.connected.load() < clients)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    // 50 symbols; bars timestamped with the wall clock when generated.
    QStringList names;
    for (int i = 0; i < 50; ++i)
        names << QStringLiteral("SYM%1").arg(i);
    Sim::MarketGenerator generator(*Sim::parseProfiles(names, {}), {0, 0.5, 0, 0}, 1);
    QElapsedTimer clock;
    clock.start();
    double carry = 0;
    qint64 last = clock.nsecsElapsed();
    std::uint64_t refused = 0, sent = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        carry += double(now - last) / 1e9 * rate;
        last = now;
        const int due = int(carry);
        carry -= due;
        if (due <= 0)
            return;
        Model::RecordBatch batch;
        generator.generate(due, rate, Util::wallClockUs(), batch);
        const auto size = batch.size();
        if (pipeline.submit(std::move(batch), now, [](const QString &) {}) == Ingest::RecordSink::Submit::Accepted)
            sent += size;
        else
            refused += size;
    });
    feeder.start(2);

    QTimer::singleShot(2000, [&] { totals.measuring = true; });
    std::uint64_t delivered = 0;
    QTimer::singleShot((2 + seconds) * 1000, [&] {
        totals.measuring = false;
        delivered = totals.messages.load();
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    feeder.stop();

    std::printf("%d clients, %.0f records/s for %d s: %.0f messages/s delivered (%.0f per client), delay from "
                "generation to receipt p50 %.2f ms, p99 %.2f ms; coalesced %llu, clients dropped %llu, refused "
                "records %llu\n",
                clients, rate, seconds, double(delivered) / seconds, double(delivered) / seconds / clients,
                totals.delay.quantileSeconds(0.5) * 1e3, totals.delay.quantileSeconds(0.99) * 1e3,
                (unsigned long long)stream.stats().coalesced.load(),
                (unsigned long long)stream.stats().droppedClients.load(), (unsigned long long)refused);
    clientThread.quit();
    clientThread.wait();
    pipeline.stop();
    (*writer)->stop();
    stream.stop();
    return 0;
}
