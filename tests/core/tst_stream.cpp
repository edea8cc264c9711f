// SPDX-License-Identifier: MIT
#include "pipeline/Pipeline.h"
#include "storage/StorageWriter.h"
#include "stream/StreamServer.h"
#include "stream/SubscriptionMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {

/// A real QWebSocket client that keeps every message it receives, parsed.
class Client : public QObject
{
public:
    explicit Client(const QUrl &url)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        socket.open(url);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return !messages.isEmpty(); }, 10'000);
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages)
            if (m.value(u"type"_s).toString() == type)
                out.append(m);
        return out;
    }
    void send(const QByteArray &json) { socket.sendTextMessage(QString::fromUtf8(json)); }

    QWebSocket socket;
    QList<QJsonObject> messages;
};

Pipeline::ProcessedTick tick(const char *symbol, double close, Model::TimestampUs us = 1'700'000'000'000'000)
{
    Pipeline::ProcessedTick t;
    Model::Symbol::parse(symbol, t.bar.symbol);
    t.bar.open = close;
    t.bar.high = close + 1;
    t.bar.low = close - 1;
    t.bar.close = close;
    t.bar.volume = 1000;
    t.bar.timestamp = us;
    t.indicators.sma = close - 0.5;
    return t;
}

Model::TradeSignal signal(const char *symbol, qint64 id)
{
    Model::TradeSignal s;
    s.id = id;
    Model::Symbol::parse(symbol, s.symbol);
    s.rule = Model::SignalRule::RsiTrend;
    s.side = Model::SignalSide::Buy;
    s.reason = u"RSI 27.1 < 30, \"quoted\"\nand SMA < EMA"_s;
    s.price = 101.5;
    s.snapshot = "{\"rsi\":27.1}";
    s.timestamp = 1'700'000'000'500'000;
    return s;
}

} // namespace

class TestStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everythingByDefault();
    void pathChoosesWhatArrives_data();
    void pathChoosesWhatArrives();
    void subscribeAndUnsubscribe();
    void alertFiresAreTheirOwnType();
    void badMessagesGetAnErrorAndTheConnectionStays();
    void unknownPathIsRefused();
    void tokenIsRequiredWhenConfigured();
    void webPagesCannotOpenTheStream();
    void clientCapAndMessageSize();
    void slowClientIsCoalescedThenDroppedWhileOthersKeepUp();
    void ticksAndSignalsFromThePipeline();
    void barSubscriptions();
    void barsOfATimeframeFromStoredHistoryOn();

private:
    QUrl url(const QString &path) const { return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(m_server->port()).arg(path)); }
    void publish(std::vector<Pipeline::ProcessedTick> ticks, std::vector<Model::TradeSignal> signals = {})
    {
        m_server->committed(std::move(ticks), signals);
    }
    std::unique_ptr<Stream::StreamServer> m_server;
};

void TestStream::init()
{
    Stream::StreamOptions options;
    options.port = 0;
    m_server = std::make_unique<Stream::StreamServer>(options);
    QVERIFY(m_server->start());
}

void TestStream::cleanup()
{
    m_server.reset();
}

void TestStream::everythingByDefault()
{
    Client client(url(u"/ws"_s));
    QVERIFY(client.waitConnected());
    QCOMPARE(client.messages.first().value(u"type"_s).toString(), u"subscribed"_s);
    QCOMPARE(client.messages.first().value(u"symbols"_s).toString(), u"*"_s);
    QTRY_VERIFY(m_server->wantsTicks());
    publish({tick("AAPL", 100), tick("MSFT", 200)}, {signal("AAPL", 7)});
    QTRY_COMPARE(client.messages.size(), 4);
    const QJsonObject t = client.messages[1];
    QCOMPARE(t.value(u"type"_s).toString(), u"tick"_s);
    QCOMPARE(t.value(u"symbol"_s).toString(), u"AAPL"_s);
    QCOMPARE(t.value(u"close"_s).toDouble(), 100.0);
    QCOMPARE(t.value(u"high"_s).toDouble(), 101.0);
    QCOMPARE(t.value(u"volume"_s).toInteger(), 1000);
    QCOMPARE(t.value(u"timestamp"_s).toDouble(), 1'700'000'000.0);
    QCOMPARE(t.value(u"time"_s).toString(), u"2023-11-14T22:13:20.000Z"_s);
    QCOMPARE(t.value(u"indicators"_s).toObject().value(u"sma"_s).toDouble(), 99.5);
    QVERIFY(t.value(u"indicators"_s).toObject().value(u"rsi"_s).isNull()); // absent during warm-up: null, never 0
    const QJsonObject s = client.messages[3];
    QCOMPARE(s.value(u"type"_s).toString(), u"signal"_s);
    QCOMPARE(s.value(u"id"_s).toInteger(), 7);
    QCOMPARE(s.value(u"side"_s).toString(), u"buy"_s);
    QCOMPARE(s.value(u"rule"_s).toString(), u"rsi_trend"_s);
    QCOMPARE(s.value(u"reason"_s).toString(), u"RSI 27.1 < 30, \"quoted\"\nand SMA < EMA"_s);
    QCOMPARE(s.value(u"price"_s).toDouble(), 101.5);
    QCOMPARE(s.value(u"indicators"_s).toObject().value(u"rsi"_s).toDouble(), 27.1);
    QCOMPARE(m_server->stats().delivered.load(), 4u);
}

void TestStream::pathChoosesWhatArrives_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected"); // type:symbol of what arrives, in order
    QTest::newRow("all") << u"/"_s << QStringList{u"tick:AAPL"_s, u"tick:MSFT"_s, u"signal:AAPL"_s, u"signal:MSFT"_s};
    QTest::newRow("signals only") << u"/ws/signals"_s << QStringList{u"signal:AAPL"_s, u"signal:MSFT"_s};
    QTest::newRow("ticks only") << u"/ws/ticks"_s << QStringList{u"tick:AAPL"_s, u"tick:MSFT"_s};
    QTest::newRow("one symbol") << u"/ws/stocks/MSFT"_s << QStringList{u"tick:MSFT"_s, u"signal:MSFT"_s};
    QTest::newRow("two symbols, lower case")
        << u"/ws/stocks/msft,aapl"_s << QStringList{u"tick:AAPL"_s, u"tick:MSFT"_s, u"signal:AAPL"_s, u"signal:MSFT"_s};
}

void TestStream::pathChoosesWhatArrives()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    Client client(url(path));
    QVERIFY(client.waitConnected());
    publish({tick("AAPL", 100), tick("MSFT", 200)}, {signal("AAPL", 1), signal("MSFT", 2)});
    // A marker everybody gets, so that "nothing more arrived" is known without waiting on a clock.
    Client marker(url(u"/ws"_s));
    QVERIFY(marker.waitConnected());
    publish({}, {signal("ZZZ", 3)});
    QTRY_COMPARE(marker.messages.size(), 2);
    if (path != u"/ws/ticks"_s && !path.startsWith(u"/ws/stocks"_s))
        QTRY_COMPARE(client.messages.last().value(u"symbol"_s).toString(), u"ZZZ"_s);
    const auto got = [&client] {
        QStringList out;
        for (const QJsonObject &m : client.messages.mid(1))
            if (m.value(u"symbol"_s).toString() != u"ZZZ"_s)
                out << m.value(u"type"_s).toString() + u':' + m.value(u"symbol"_s).toString();
        return out;
    };
    QTRY_COMPARE(got(), expected);
}

void TestStream::subscribeAndUnsubscribe()
{
    Client client(url(u"/ws/stocks/AAPL"_s));
    QVERIFY(client.waitConnected());
    client.send(R"({"action":"subscribe","symbols":["MSFT","tsla"]})");
    QTRY_COMPARE(client.messages.size(), 2);
    QCOMPARE(client.messages[1].value(u"symbols"_s).toArray(), (QJsonArray{u"AAPL"_s, u"MSFT"_s, u"TSLA"_s}));
    client.send(R"({"action":"unsubscribe","symbols":["AAPL"]})");
    QTRY_COMPARE(client.messages.size(), 3);
    QCOMPARE(client.messages[2].value(u"symbols"_s).toArray(), (QJsonArray{u"MSFT"_s, u"TSLA"_s}));
    publish({tick("AAPL", 1), tick("MSFT", 2), tick("TSLA", 3)}, {signal("AAPL", 1)});
    QTRY_COMPARE(client.messages.size(), 5);
    QCOMPARE(client.messages[3].value(u"symbol"_s).toString(), u"MSFT"_s);
    QCOMPARE(client.messages[4].value(u"symbol"_s).toString(), u"TSLA"_s);

    client.send(R"({"action":"subscribe","types":["signal"],"symbols":"*"})");
    QTRY_COMPARE(client.messages.size(), 6);
    QCOMPARE(client.messages[5].value(u"types"_s).toArray(), QJsonArray{u"signal"_s});
    QCOMPARE(client.messages[5].value(u"symbols"_s).toString(), u"*"_s);
    QTRY_VERIFY(!m_server->wantsTicks()); // nobody wants ticks: the shards stop building them
    publish({tick("AAPL", 1)}, {signal("AAPL", 2)});
    QTRY_COMPARE(client.messages.size(), 7);
    QCOMPARE(client.messages[6].value(u"type"_s).toString(), u"signal"_s);

    client.send(R"({"action":"unsubscribe","symbols":"*"})");
    QTRY_COMPARE(client.messages.size(), 8);
    QCOMPARE(client.messages[7].value(u"symbols"_s).toArray(), QJsonArray{});
}

void TestStream::alertFiresAreTheirOwnType()
{
    // A fire of a trader's alert goes out as an "alert" with the alert's id, value and level; a client that
    // asked for signals only gets the rules' buys and sells, one that asked for alerts only gets the fires.
    Client alerts(url(u"/ws"_s));
    Client signals(url(u"/ws"_s));
    QVERIFY(alerts.waitConnected());
    QVERIFY(signals.waitConnected());
    alerts.send(R"({"action":"subscribe","types":["alert"]})");
    signals.send(R"({"action":"subscribe","types":["signal"]})");
    QTRY_COMPARE(alerts.messages.size(), 2);
    QTRY_COMPARE(signals.messages.size(), 2);
    QCOMPARE(alerts.messages[1].value(u"types"_s).toArray(), QJsonArray{u"alert"_s});
    Model::TradeSignal fire = signal("AAPL", 7);
    fire.side = Model::SignalSide::Alert;
    fire.rule = Model::SignalRule::TraderAlert;
    fire.alertName = u"AAPL above 182.50"_s;
    fire.timeframe = u"1m"_s;
    fire.reason = u"AAPL crossed 182.50"_s;
    fire.snapshot = R"({"alert_id":3,"value":182.61,"level":182.5})";
    publish({}, {signal("AAPL", 6), fire});
    QTRY_COMPARE(alerts.messages.size(), 3);
    QTRY_COMPARE(signals.messages.size(), 3);
    const QJsonObject got = alerts.messages[2];
    QCOMPARE(got.value(u"type"_s).toString(), u"alert"_s);
    QCOMPARE(got.value(u"id"_s).toInt(), 7);
    QCOMPARE(got.value(u"alert_id"_s).toInt(), 3);
    QCOMPARE(got.value(u"name"_s).toString(), u"AAPL above 182.50"_s);
    QCOMPARE(got.value(u"symbol"_s).toString(), u"AAPL"_s);
    QCOMPARE(got.value(u"value"_s).toDouble(), 182.61);
    QCOMPARE(got.value(u"level"_s).toDouble(), 182.5);
    QCOMPARE(got.value(u"reason"_s).toString(), u"AAPL crossed 182.50"_s);
    QCOMPARE(signals.messages[2].value(u"type"_s).toString(), u"signal"_s);
    QCOMPARE(signals.messages[2].value(u"id"_s).toInt(), 6);
    // Nothing more came to either: a marker both get shows everything before it has arrived.
    alerts.send(R"({"action":"subscribe","types":["alert","signal"]})");
    QTRY_COMPARE(alerts.messages.size(), 4);
    publish({}, {signal("ZZZ", 8)});
    QTRY_COMPARE(alerts.messages.size(), 5);
    QTRY_COMPARE(signals.messages.size(), 4);
    QCOMPARE(signals.messages[3].value(u"symbol"_s).toString(), u"ZZZ"_s);
}

void TestStream::badMessagesGetAnErrorAndTheConnectionStays()
{
    Client client(url(u"/ws"_s));
    QVERIFY(client.waitConnected());
    const QList<QPair<QByteArray, QString>> cases{
        {"not json", u"must be a JSON object"_s},
        {R"({"action":"dance"})", u"unknown action \"dance\""_s},
        {R"({"action":"subscribe","symbols":["BAD SYMBOL"]})", u"\"BAD SYMBOL\" is not a symbol"_s},
        {R"({"action":"subscribe","symbols":42})", u"symbols must be"_s},
        {R"({"action":"subscribe","types":["candles"]})", u"types must be"_s},
        {R"({"action":"unsubscribe","symbols":["AAPL"]})", u"subscribed to all symbols"_s},
        {R"({"action":"subscribe"})", u"say which"_s},
    };
    for (const auto &[message, error] : cases) {
        const qsizetype before = client.messages.size();
        client.send(message);
        QTRY_COMPARE(client.messages.size(), before + 1);
        QCOMPARE(client.messages.last().value(u"type"_s).toString(), u"error"_s);
        QVERIFY2(client.messages.last().value(u"error"_s).toString().contains(error),
                 qPrintable(client.messages.last().value(u"error"_s).toString()));
    }
    publish({tick("AAPL", 1)});
    QTRY_COMPARE(client.messages.last().value(u"type"_s).toString(), u"tick"_s); // still subscribed to everything
}

void TestStream::unknownPathIsRefused()
{
    Client client(url(u"/nowhere"_s));
    QSignalSpy closed(&client.socket, &QWebSocket::disconnected);
    QVERIFY(closed.wait(10'000));
    QCOMPARE(client.messages.size(), 1);
    QVERIFY(client.messages[0].value(u"error"_s).toString().startsWith(u"unknown path \"/nowhere\""_s));
    QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_COMPARE(m_server->stats().clients.load(), 0);
}

void TestStream::tokenIsRequiredWhenConfigured()
{
    m_server.reset();
    Stream::StreamOptions options;
    options.port = 0;
    options.accessToken = "s3cret";
    m_server = std::make_unique<Stream::StreamServer>(options);
    QVERIFY(m_server->start());

    // Without it the handshake is answered 401, never 101: no WebSocket is made and nothing streams.
    Client without(url(u"/ws"_s));
    QSignalSpy closed(&without.socket, &QWebSocket::disconnected);
    QVERIFY(closed.wait(10'000));
    QVERIFY(without.messages.isEmpty());
    for (const QByteArray &target : {QByteArray("/ws"), QByteArray("/ws?token=wrong")}) {
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET " + target +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  "Authorization: Bearer wrong\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY((answer += raw.readAll()).contains("access token missing or wrong"));
        QVERIFY2(answer.startsWith("HTTP/1.1 401 Unauthorized\r\n"), answer.constData());
        QTRY_COMPARE(raw.state(), QAbstractSocket::UnconnectedState);
    }

    Client withQuery(url(u"/ws?token=s3cret"_s));
    QVERIFY(withQuery.waitConnected());
    QCOMPARE(withQuery.messages.first().value(u"type"_s).toString(), u"subscribed"_s);

    QNetworkRequest request(url(u"/ws/signals"_s));
    request.setRawHeader("Authorization", "Bearer s3cret");
    Client withHeader(QUrl{});
    withHeader.socket.open(request);
    QVERIFY(withHeader.waitConnected());
    QCOMPARE(withHeader.messages.first().value(u"type"_s).toString(), u"subscribed"_s);

    // And a non-loopback address without a token is refused outright.
    Stream::StreamOptions open;
    open.address = QHostAddress::Any;
    open.port = 0;
    Stream::StreamServer refused(open);
    const Util::Status status = refused.start();
    QVERIFY(!status);
    QVERIFY(status.error().contains(u"without an access token"_s));
}

void TestStream::webPagesCannotOpenTheStream()
{
    m_server.reset();
    Stream::StreamOptions options;
    options.port = 0;
    options.webPort = 5000; // the HTTP server's: TickDesk's own pages come from there
    options.allowedOrigins = {"http://127.0.0.1:8080"};
    m_server = std::make_unique<Stream::StreamServer>(options);
    QVERIFY(m_server->start());

    for (const QString &origin : {u"http://evil.example"_s, u"null"_s, u"http://127.0.0.1:5001"_s}) {
        QWebSocket page(origin);
        QSignalSpy connected(&page, &QWebSocket::connected);
        QSignalSpy failed(&page, &QWebSocket::disconnected);
        page.open(url(u"/ws"_s));
        QVERIFY2(failed.wait(10'000), qPrintable(origin));
        QCOMPARE(connected.count(), 0);
    }
    QCOMPARE(m_server->stats().clients.load(), 0);
    for (const QString &origin : {u"http://127.0.0.1:5000"_s, u"http://localhost:5000"_s, u"http://127.0.0.1:8080"_s}) {
        QWebSocket page(origin);
        QSignalSpy connected(&page, &QWebSocket::connected);
        page.open(url(u"/ws"_s));
        QVERIFY2(connected.wait(10'000), qPrintable(origin));
    }
    Client program(url(u"/ws"_s)); // no Origin: not a browser
    QVERIFY(program.waitConnected());
}

void TestStream::clientCapAndMessageSize()
{
    m_server.reset();
    Stream::StreamOptions options;
    options.port = 0;
    options.maxClients = 3;
    options.maxMessageBytes = 1024;
    m_server = std::make_unique<Stream::StreamServer>(options);
    QVERIFY(m_server->start());
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<Client>(url(u"/ws"_s)));
        QVERIFY(clients.back()->waitConnected());
    }
    // The fourth is turned away before a handshake.
    QWebSocket fourth;
    QSignalSpy connected(&fourth, &QWebSocket::connected);
    QSignalSpy gone(&fourth, &QWebSocket::disconnected);
    fourth.open(url(u"/ws"_s));
    QVERIFY(gone.wait(10'000));
    QCOMPARE(connected.count(), 0);
    QCOMPARE(m_server->stats().refusedClients.load(), std::uint64_t(1));
    QVERIFY(m_server->metricsText().contains("tickdesk_stream_refused_clients_total 1"));
    // A message over the limit closes its sender; the others stay.
    QSignalSpy closed(&clients[0]->socket, &QWebSocket::disconnected);
    clients[0]->send(QByteArray(4096, 'x'));
    QVERIFY(closed.wait(10'000));
    QTRY_COMPARE(m_server->stats().clients.load(), 2);
    Client again(url(u"/ws"_s)); // room again
    QVERIFY(again.waitConnected());
}

void TestStream::slowClientIsCoalescedThenDroppedWhileOthersKeepUp()
{
    m_server.reset();
    Stream::StreamOptions options;
    options.port = 0;
    options.highWaterBytes = 64 * 1024;
    options.lowWaterBytes = 16 * 1024;
    options.maxQueuedSignals = 200;
    m_server = std::make_unique<Stream::StreamServer>(options);
    QVERIFY(m_server->start());

    // A client that completes the handshake and then never reads: its kernel buffers are kept small.
    QTcpSocket stalled;
    stalled.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stalled.setReadBufferSize(1);
    stalled.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(stalled.waitForConnected(10'000));
    stalled.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(stalled.waitForBytesWritten(10'000));

    Client fast(url(u"/ws"_s));
    QVERIFY(fast.waitConnected());
    QTRY_COMPARE(m_server->stats().clients.load(), 2);

    // Ticks over 50 symbols in rounds; the fast client gets each round whole before the next goes out.
    constexpr int Rounds = 12, PerRound = 5000;
    int sent = 0;
    for (int round = 0; round < Rounds; ++round) {
        std::vector<Pipeline::ProcessedTick> ticks;
        for (int i = 0; i < PerRound; ++i) {
            const QByteArray symbol = "S" + QByteArray::number(i % 50);
            ticks.push_back(tick(symbol.constData(), 100 + round, 1'700'000'000'000'000 + sent++));
        }
        publish(std::move(ticks));
        QTRY_COMPARE_WITH_TIMEOUT(fast.ofType(u"tick"_s).size(), sent, 30'000);
    }
    QVERIFY2(m_server->stats().coalesced.load() > 0, "the stalled client was never coalesced");
    QCOMPARE(m_server->stats().droppedClients.load(), 0u);
    // Memory stays bounded: no client ever had more than the high-water mark and one message unsent.
    QVERIFY2(m_server->stats().largestBacklog.load() < options.highWaterBytes + 4096,
             qPrintable(QString::number(m_server->stats().largestBacklog.load())));

    // Signals are never coalesced: past the limit the stalled client is disconnected instead.
    std::vector<Model::TradeSignal> burst;
    for (int i = 0; i < 300; ++i)
        burst.push_back(signal("S1", i + 1));
    publish({}, burst);
    QTRY_COMPARE(m_server->stats().droppedClients.load(), 1u);
    QTRY_COMPARE(m_server->stats().clients.load(), 1);
    QTRY_COMPARE(fast.ofType(u"signal"_s).size(), 300); // the other client lost nothing
}

void TestStream::ticksAndSignalsFromThePipeline()
{
    QTemporaryDir dir;
    auto writer = Storage::StorageWriter::open({dir.filePath(u"s.sqlite"_s)});
    QVERIFY(writer);
    Pipeline::PipelineOptions options;
    options.rules.timeframe = Bars::Timeframe::record(); // a rule looks at every record
    options.shards = 2;
    Pipeline::Pipeline pipeline(options, **writer);
    pipeline.setCommitListener(m_server.get());
    pipeline.start();

    Client client(url(u"/ws/stocks/AAPL"_s));
    QVERIFY(client.waitConnected());
    QTRY_VERIFY(m_server->wantsTicks());
    // Two bars a second apart, the second 5 % higher: the price-move rule fires.
    Model::RecordBatch batch;
    for (const auto &[symbol, close, second] :
         {std::tuple{"AAPL", 100.0, 0}, std::tuple{"MSFT", 50.0, 0}, std::tuple{"AAPL", 105.0, 1}}) {
        Model::Tick t;
        Model::Symbol::parse(symbol, t.symbol);
        t.open = t.low = close;
        t.close = t.high = close;
        t.volume = 10;
        t.timestamp = 1'700'000'000'000'000 + second * 1'000'000LL;
        batch.emplace_back(t);
    }
    std::atomic<bool> stored{false};
    QCOMPARE(pipeline.submit(std::move(batch), 0, [&stored](const QString &) { stored = true; }),
             Ingest::RecordSink::Submit::Accepted);
    QTRY_VERIFY(stored.load());
    QTRY_COMPARE(client.ofType(u"signal"_s).size(), 1);
    const QList<QJsonObject> ticks = client.ofType(u"tick"_s);
    QCOMPARE(ticks.size(), 2); // AAPL only
    QCOMPARE(ticks[1].value(u"close"_s).toDouble(), 105.0);
    QVERIFY(ticks[1].value(u"indicators"_s).toObject().contains(u"rsi"_s));
    const QJsonObject s = client.ofType(u"signal"_s).first();
    QCOMPARE(s.value(u"rule"_s).toString(), u"price_move"_s);
    QVERIFY(s.value(u"id"_s).toInteger() > 0); // published after it was stored
    pipeline.stop();
    (*writer)->stop();
}

void TestStream::barSubscriptions()
{
    const Stream::Subscription none{false, false, false, true, {}, {}};
    const auto apply = [&none](const char *json) { return Stream::applySubscriptionMessage(none, json); };
    auto s = apply(R"({"action":"subscribe","symbols":["AAPL","MSFT"],"types":["bar"],"timeframes":["1m","5m","1m"]})");
    QVERIFY2(s, qPrintable(s.error()));
    QCOMPARE(s->timeframes.size(), std::size_t(2));
    Model::Symbol aapl;
    Model::Symbol::parse("AAPL", aapl);
    QVERIFY(s->wantsBars(aapl, Bars::Timeframe::minutes(5)));
    QVERIFY(!s->wantsBars(aapl, Bars::Timeframe::hours(1)));
    QVERIFY(!s->wants(Stream::Subscription::Kind::Tick, aapl)); // bars only: no ticks
    QVERIFY(s->describe().contains(R"("types":["bar"],"timeframes":["1m","5m"])"));
    // Unsubscribing from bars keeps the symbols.
    const auto off = Stream::applySubscriptionMessage(*s, R"({"action":"unsubscribe","types":["bar"]})");
    QVERIFY(off && off->timeframes.empty() && off->symbols.size() == 2);

    const auto refused = [&apply](const char *json, const QString &reason) {
        const auto r = apply(json);
        QVERIFY2(!r, json);
        QVERIFY2(r.error().contains(reason), qPrintable(r.error()));
    };
    refused(R"({"action":"subscribe","symbols":["AAPL"],"types":["bar"]})", u"say which \"timeframes\""_s);
    refused(R"({"action":"subscribe","symbols":"*","types":["bar"],"timeframes":["1m"]})", u"name the \"symbols\""_s);
    refused(R"({"action":"subscribe","symbols":["AAPL"],"types":["bar"],"timeframes":["7x"]})", u"timeframes: "_s);
    refused(R"({"action":"subscribe","symbols":["AAPL"],"types":["tick"],"timeframes":["1m"]})",
            u"timeframes come with the type \"bar\""_s);
    QByteArray many = R"({"action":"subscribe","types":["bar"],"timeframes":["1m","5m"],"symbols":[)";
    for (int i = 0; i < 51; ++i)
        many += (i ? ",\"S" : "\"S") + QByteArray::number(i) + '"';
    many += "]}";
    refused(many.constData(), u"at most 100 symbol and timeframe pairs"_s);
}

void TestStream::barsOfATimeframeFromStoredHistoryOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bars.sqlite"_s);
    auto writer = Storage::StorageWriter::open({path});
    QVERIFY(writer);
    Pipeline::PipelineOptions options;
    options.shards = 1;
    Pipeline::Pipeline pipeline(options, **writer);
    m_server.reset();
    Stream::StreamOptions streamOptions;
    streamOptions.port = 0;
    streamOptions.databasePath = path;
    m_server = std::make_unique<Stream::StreamServer>(streamOptions);
    QVERIFY(m_server->start());
    pipeline.setCommitListener(m_server.get());
    pipeline.start();
    // A record every 10 s from 12:00:00: minutes 0 to 2 stored before the client comes.
    const Model::TimestampUs noon = 1'700'049'600'000'000LL; // 2023-11-15 12:00 UTC
    const auto records = [noon](int from, int to) {
        Model::RecordBatch batch;
        for (int i = from; i < to; ++i) {
            Model::Tick t;
            Model::Symbol::parse("AAPL", t.symbol);
            t.open = t.high = t.low = t.close = 100 + i;
            t.volume = 10;
            t.timestamp = noon + i * 10'000'000LL;
            batch.emplace_back(t);
        }
        return batch;
    };
    std::atomic<int> stored{0};
    const auto submit = [&](Model::RecordBatch batch) {
        QCOMPARE(pipeline.submit(std::move(batch), 0, [&stored](const QString &) { ++stored; }),
                 Ingest::RecordSink::Submit::Accepted);
    };
    submit(records(0, 15)); // 12:00:00 to 12:02:20
    QTRY_COMPARE(stored.load(), 1);

    Client client(url(u"/ws/stocks/AAPL"_s));
    QVERIFY(client.waitConnected());
    client.send(R"({"action":"subscribe","symbols":["AAPL"],"types":["bar"],"timeframes":["1m"]})");
    QTRY_COMPARE(client.ofType(u"subscribed"_s).size(), 2);
    submit(records(15, 19)); // 12:02:30 to 12:03:00: the 12:02 bar closes with its six records
    QTRY_COMPARE(stored.load(), 2);
    QTRY_COMPARE(client.ofType(u"bar"_s).size(), 5); // forming three times, closed, the next forming
    const QList<QJsonObject> bars = client.ofType(u"bar"_s);
    QCOMPARE(bars[0].value(u"state"_s).toString(), u"forming"_s);
    QCOMPARE(bars[0].value(u"records"_s).toInteger(), 4);
    const QJsonObject closed = bars[3];
    QCOMPARE(closed.value(u"state"_s).toString(), u"closed"_s);
    QCOMPARE(closed.value(u"timeframe"_s).toString(), u"1m"_s);
    QCOMPARE(closed.value(u"time"_s).toString(), u"2023-11-15T12:02:00.000Z"_s);
    QCOMPARE(closed.value(u"open"_s).toDouble(), 112.0); // from the stored records: none counted twice
    QCOMPARE(closed.value(u"close"_s).toDouble(), 117.0);
    QCOMPARE(closed.value(u"records"_s).toInteger(), 6);
    QCOMPARE(closed.value(u"volume"_s).toInteger(), 60);
    QVERIFY(closed.value(u"indicators"_s).toObject().contains(u"sma"_s));
    QCOMPARE(bars[4].value(u"time"_s).toString(), u"2023-11-15T12:03:00.000Z"_s);
    QCOMPARE(bars[4].value(u"state"_s).toString(), u"forming"_s);
    QVERIFY(client.ofType(u"tick"_s).isEmpty()); // "types" says what it gets: bars only
    // The 12:03 bar's end passed long ago and nothing more comes: the timer closes it.
    QTRY_COMPARE(client.ofType(u"bar"_s).size(), 6);
    QCOMPARE(client.ofType(u"bar"_s).last().value(u"state"_s).toString(), u"closed"_s);
    pipeline.stop();
    (*writer)->stop();
}

QTEST_GUILESS_MAIN(TestStream)
#include "tst_stream.moc"
