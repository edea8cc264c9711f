// SPDX-License-Identifier: MIT
#include "AppProcess.h"
#include "HttpTestClient.h"
#include "SmtpServer.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "notify/ChannelName.h"
#include "notify/Notifier.h"
#include "storage/Outbox.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {

QString header(const QString &message, const QString &name)
{
    for (const QString &line : message.split(u"\r\n"_s)) {
        if (line.isEmpty())
            break;
        if (line.startsWith(name + u": "_s)) {
            const QString value = line.mid(name.size() + 2);
            if (value.startsWith(u"=?UTF-8?B?"_s) && value.endsWith(u"?="_s)) // RFC 2047
                return QString::fromUtf8(QByteArray::fromBase64(value.mid(10, value.size() - 12).toLatin1()));
            return value;
        }
    }
    return {};
}

/// A webhook receiver on a real HTTP server: answers the first `failures` requests with 500.
class WebhookReceiver
{
public:
    explicit WebhookReceiver(int failures, quint16 port = 0, int status = 200)
        : m_failures(failures)
    {
        const auto receive = [this, status](Http::HttpRequest &&request, Http::HttpResponder responder) {
            const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(request.body)).object();
            std::lock_guard lock(m_mutex);
            m_bodies.append(body);
            if (m_bodies.size() <= m_failures) {
                responder.send(Http::HttpResponse::error(500, u"not today"_s));
                return;
            }
            responder.send(status == 200 ? Http::HttpResponse::json(200, "{}")
                                         : Http::HttpResponse::error(status, u"no such hook"_s));
        };
        m_router.add("POST", "/hook", receive);
        m_router.add("POST", "/services/T/B/TOKEN", receive);
        Http::ServerOptions options;
        options.port = port;
        options.ioThreads = 1;
        m_server = std::make_unique<Http::HttpServer>(options, m_router);
        m_server->start();
    }
    QString url() const { return u"http://127.0.0.1:%1/hook"_s.arg(m_server->port()); }
    QList<QJsonObject> bodies() const
    {
        std::lock_guard lock(m_mutex);
        return m_bodies;
    }
    /// Each delivered message id once: what a receiver that drops repeats keeps.
    QSet<QString> messageIds() const
    {
        QSet<QString> ids;
        for (const QJsonObject &b : bodies())
            ids.insert(b.value(u"message_id"_s).toString());
        return ids;
    }

private:
    int m_failures;
    Http::HttpRouter m_router;
    std::unique_ptr<Http::HttpServer> m_server;
    mutable std::mutex m_mutex;
    QList<QJsonObject> m_bodies;
};

Model::TradeSignal signal(const char *symbol, Model::SignalSide side, double price, int n)
{
    Model::TradeSignal s;
    Model::Symbol::parse(symbol, s.symbol);
    s.side = side;
    s.rule = Model::SignalRule::RsiTrend;
    s.reason = u"RSI %1 < 30 and SMA 101.20 < EMA 101.91"_s.arg(20 + n);
    s.price = price;
    s.snapshot = "{\"rsi\":27.5}";
    s.timestamp = 1'700'000'000'000'000LL + n * 1'000'000LL;
    return s;
}

} // namespace

class TestNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emailArrivesWithEverything();
    void serverDownThenUpDeliversEachOnce();
    void starttlsTrustsOnlyWhatItIsTold();
    void digestGroupsABurst();
    void webhookRetriesUntilAcceptedSameId();
    void webhookRefusalIsFinal();
    void alertsOnlyWhenAsked();
    void crashBetweenSignalAndDelivery();
    void desktopMessagesAreGatheredAndSpaced();
    void unchangedChannelsWriteNothing();

private:
    /// Opens the writer, starts a notifier with `options` (database filled in), returns it.
    Notify::Notifier *startNotifier(Notify::NotifierOptions options);
    void store(std::vector<Model::TradeSignal> signals);
    qint64 scalar(const char *sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::StorageWriter> m_writer;
    std::unique_ptr<Notify::Notifier> m_notifier;
};

void TestNotify::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto writer = Storage::StorageWriter::open({m_dir->filePath(u"n.sqlite"_s)});
    QVERIFY(writer);
    m_writer = std::move(*writer);
}

void TestNotify::cleanup()
{
    m_notifier.reset();
    m_writer->stop();
    m_writer.reset();
    m_dir.reset();
}

Notify::Notifier *TestNotify::startNotifier(Notify::NotifierOptions options)
{
    options.databasePath = m_dir->filePath(u"n.sqlite"_s);
    options.emailPolicy.firstRetryMs = options.webhookPolicy.firstRetryMs = 50;
    m_notifier = std::make_unique<Notify::Notifier>(options);
    if (!m_notifier->start())
        return nullptr;
    return m_notifier.get();
}

void TestNotify::store(std::vector<Model::TradeSignal> signals)
{
    std::atomic<bool> done{false};
    Storage::WriteJob job;
    job.signals = std::move(signals);
    job.done = [&done](const QString &, std::vector<Model::TradeSignal> &) { done = true; };
    QCOMPARE(m_writer->submitWaiting(std::move(job)), Ingest::RecordSink::Submit::Accepted);
    QTRY_VERIFY(done.load());
    m_notifier->wake();
}

qint64 TestNotify::scalar(const char *sql)
{
    auto db = Storage::SqliteDatabase::open(m_dir->filePath(u"n.sqlite"_s), Storage::SqliteDatabase::Mode::ReadOnly);
    return db ? (*db)->scalar(sql, -1) : -1;
}

namespace {
Notify::SmtpOptions smtpOn(quint16 port)
{
    Notify::SmtpOptions smtp;
    smtp.host = u"127.0.0.1"_s;
    smtp.port = port;
    smtp.security = Notify::SmtpOptions::Security::None;
    smtp.from = u"tickdesk@example.org"_s;
    smtp.recipients = {u"trader@example.org"_s, u"desk@example.org"_s};
    smtp.timeoutSeconds = 10;
    return smtp;
}
} // namespace

void TestNotify::emailArrivesWithEverything()
{
    const quint16 port = TestSmtp::freePort();
    TestSmtp::Server server(m_dir->filePath(u"."_s), port);
    QVERIFY(server.waitReady());
    Notify::NotifierOptions options;
    options.email = smtpOn(port);
    QVERIFY(startNotifier(options));
    QSignalSpy changed(m_notifier.get(), &Notify::Notifier::deliveryChanged);
    store({signal("AAPL", Model::SignalSide::Buy, 101.5, 7)});
    QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 1, 20'000);
    const QString m = server.messages().first();
    QCOMPARE(header(m, u"X-Envelope-From"_s), u"tickdesk@example.org"_s);
    QCOMPARE(header(m, u"X-Envelope-To"_s), u"trader@example.org,desk@example.org"_s);
    QCOMPARE(header(m, u"Subject"_s), u"TickDesk: BUY AAPL at 101.50 (rsi_trend)"_s);
    QCOMPARE(header(m, u"From"_s), u"tickdesk@example.org"_s);
    QVERIFY(header(m, u"Message-ID"_s).startsWith(u"<tickdesk-1-email@"_s));
    for (const QString &part :
         {u"BUY AAPL at 101.5000"_s, u"Rule: rsi_trend"_s, u"Reason: RSI 27 < 30 and SMA 101.20 < EMA 101.91"_s,
          u"Time: 2023-11-14T22:13:27.000Z"_s})
        QVERIFY2(m.contains(part), qPrintable(part + u" not in\n"_s + m));
    QTRY_COMPARE(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 1);
    QTRY_VERIFY(!changed.isEmpty());
    const auto states = changed.last().at(0).value<QList<Storage::DeliveryState>>();
    QCOMPARE(states.first().status, Storage::Delivery::Delivered);
    QCOMPARE(states.first().channel, u"email"_s);
}

void TestNotify::serverDownThenUpDeliversEachOnce()
{
    const quint16 port = TestSmtp::freePort();
    Notify::NotifierOptions options;
    options.email = smtpOn(port);
    QVERIFY(startNotifier(options));
    std::vector<Model::TradeSignal> five;
    for (int i = 0; i < 5; ++i)
        five.push_back(signal("MSFT", i % 2 ? Model::SignalSide::Sell : Model::SignalSide::Buy, 400 + i, i));
    store(five);
    // Nobody listens yet: the first message fails and waits, with the reason.
    QTRY_VERIFY_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE last_error IS NOT NULL") > 0, 20'000);
    QCOMPARE(scalar("SELECT count(*) FROM notifications WHERE status = 'pending'"), 5);
    TestSmtp::Server server(m_dir->filePath(u"."_s), port);
    QVERIFY(server.waitReady());
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 5, 60'000);
    const QStringList messages = server.messages();
    QCOMPARE(messages.size(), 5);
    QSet<QString> ids;
    for (const QString &m : messages)
        ids.insert(header(m, u"Message-ID"_s));
    QCOMPARE(ids.size(), 5); // each signal once
}

void TestNotify::starttlsTrustsOnlyWhatItIsTold()
{
    const QString cert = m_dir->filePath(u"cert.pem"_s), key = m_dir->filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert,
                   u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(openssl.waitForFinished(60'000));
    QCOMPARE(openssl.exitCode(), 0);
    const quint16 port = TestSmtp::freePort();
    TestSmtp::Server server(m_dir->filePath(u"."_s), port, cert, key);
    QVERIFY(server.waitReady());

    // Not trusted: no message, and the reason says so.
    Notify::SmtpOptions smtp = smtpOn(port);
    smtp.security = Notify::SmtpOptions::Security::StartTls;
    Notify::SmtpChannel untrusted(smtp);
    Storage::OutboxEntry entry;
    entry.signal = signal("AAPL", Model::SignalSide::Buy, 10, 1);
    const Notify::SendResult refused = untrusted.send({entry}, u"tickdesk-test"_s);
    QCOMPARE(refused.outcome, Notify::SendResult::Outcome::Retry);
    QVERIFY2(refused.error.contains(u"not trusted"_s), qPrintable(refused.error));
    QCOMPARE(server.messages().size(), 0);

    // Trusted by configuration: delivered over TLS.
    smtp.caFile = cert;
    Notify::SmtpChannel trusted(smtp);
    const Notify::SendResult sent = trusted.send({entry}, u"tickdesk-test"_s);
    QVERIFY2(sent.outcome == Notify::SendResult::Outcome::Accepted, qPrintable(sent.error));
    QTRY_COMPARE(server.messages().size(), 1);

    // And a plain connection to a server that requires STARTTLS is refused, not sent in clear.
    smtp.security = Notify::SmtpOptions::Security::None;
    smtp.caFile.clear();
    Notify::SmtpChannel plain(smtp);
    QVERIFY(plain.send({entry}, u"tickdesk-test-2"_s).outcome != Notify::SendResult::Outcome::Accepted);
    QCOMPARE(server.messages().size(), 1);
}

void TestNotify::digestGroupsABurst()
{
    const quint16 port = TestSmtp::freePort();
    TestSmtp::Server server(m_dir->filePath(u"."_s), port);
    QVERIFY(server.waitReady());
    Notify::NotifierOptions options;
    options.email = smtpOn(port);
    options.emailPolicy.digestSeconds = 1;
    QVERIFY(startNotifier(options));
    std::vector<Model::TradeSignal> burst;
    for (int i = 0; i < 10; ++i)
        burst.push_back(
            signal(i % 2 ? "AAPL" : "TSLA", i % 3 ? Model::SignalSide::Buy : Model::SignalSide::Sell, 100 + i, i));
    store(burst);
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 10, 20'000);
    const QStringList messages = server.messages();
    QCOMPARE(messages.size(), 1);
    QVERIFY2(header(messages[0], u"Subject"_s).startsWith(u"TickDesk: 10 signals (TSLA sell, AAPL buy, TSLA buy"_s),
             qPrintable(header(messages[0], u"Subject"_s)));
    QCOMPARE(messages[0].count(u"Rule: rsi_trend"_s), 10);
}

void TestNotify::webhookRetriesUntilAcceptedSameId()
{
    WebhookReceiver receiver(2); // 500, 500, then 200
    Notify::NotifierOptions options;
    options.webhooks = {{receiver.url()}};
    QVERIFY(startNotifier(options));
    store({signal("NVDA", Model::SignalSide::Sell, 900, 3)});
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 1, 20'000);
    const auto bodies = receiver.bodies();
    QCOMPARE(bodies.size(), 3);
    QCOMPARE(receiver.messageIds().size(), 1); // exactly once, as far as the receiver can tell
    const QJsonObject s = bodies.last().value(u"signals"_s).toArray().first().toObject();
    QCOMPARE(s.value(u"symbol"_s).toString(), u"NVDA"_s);
    QCOMPARE(s.value(u"side"_s).toString(), u"sell"_s);
    QCOMPARE(s.value(u"price"_s).toDouble(), 900.0);
    QCOMPARE(scalar("SELECT attempts FROM notifications"), 3);
}

void TestNotify::webhookRefusalIsFinal()
{
    WebhookReceiver receiver(0, 0, 404);
    Notify::NotifierOptions options;
    options.webhooks = {{receiver.url()}};
    QVERIFY(startNotifier(options));
    QSignalSpy changed(m_notifier.get(), &Notify::Notifier::deliveryChanged);
    store({signal("NVDA", Model::SignalSide::Buy, 900, 3)});
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'failed'"), 1, 20'000);
    QTRY_VERIFY(!changed.isEmpty());
    const auto states = changed.last().at(0).value<QList<Storage::DeliveryState>>();
    QCOMPARE(states.first().status, Storage::Delivery::Failed);
    QCOMPARE(states.first().error, u"the webhook answered HTTP 404"_s);
    QCOMPARE(receiver.bodies().size(), 1); // not retried
}

void TestNotify::alertsOnlyWhenAsked()
{
    WebhookReceiver receiver(0);
    Notify::NotifierOptions options;
    options.webhooks = {{receiver.url()}};
    QVERIFY(startNotifier(options));
    store({signal("A", Model::SignalSide::Alert, 1, 1), signal("B", Model::SignalSide::Buy, 2, 2)});
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 1, 20'000);
    QCOMPARE(scalar("SELECT count(*) FROM notifications"), 1); // the alert got no outbox row
    m_notifier.reset();
    options.webhookAlerts = true;
    QVERIFY(startNotifier(options));
    store({signal("C", Model::SignalSide::Alert, 3, 3)});
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 2, 20'000);

    // An alert the trader wrote is delivered whatever that switch says: writing it was asking for it.
    m_notifier.reset();
    options.webhookAlerts = false;
    QVERIFY(startNotifier(options));
    Model::TradeSignal fire = signal("D", Model::SignalSide::Alert, 4, 4);
    fire.rule = Model::SignalRule::TraderAlert;
    fire.alertName = u"D above 4"_s;
    fire.snapshot = R"({"alert_id":7,"value":4.1,"level":4})";
    store({fire, signal("E", Model::SignalSide::Alert, 5, 5)});
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 3, 20'000);
    QCOMPARE(scalar("SELECT count(*) FROM notifications"), 3); // the price-move alert E still got none
    QVERIFY(QJsonDocument(receiver.bodies().constLast()).toJson().contains("D above 4"));
}

void TestNotify::crashBetweenSignalAndDelivery()
{
    // The app, headless, with a webhook whose receiver is not there yet.
    const quint16 hookPort = TestSmtp::freePort();
    QTemporaryDir config;
    {
        QSettings conf(config.filePath(u"TickDesk/TickDesk.conf"_s), QSettings::IniFormat);
        // Credentials and a token in the path, as chat services hand them out: never shown anywhere.
        conf.setValue(u"notify/webhook/urls"_s,
                      QStringList{u"http://user:secret@127.0.0.1:%1/services/T/B/TOKEN"_s.arg(hookPort)});
        conf.setValue(u"rules/timeframe"_s, u"record"_s); // signals within seconds, not minutes
        conf.sync();
    }
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("TICKDESK_NOTIFY_RETRY_MS", "100");
    const QString db = m_dir->filePath(u"app.sqlite"_s);
    qint64 pending = 0;
    {
        TestApp::Process app;
        QVERIFY(app.start({u"--db"_s, db, u"--simulate"_s, u"--rate"_s, u"400"_s, u"--symbols"_s, u"5"_s}));
        const auto pendingNow = [&db] {
            auto r = Storage::SqliteDatabase::open(db, Storage::SqliteDatabase::Mode::ReadOnly);
            return r ? (*r)->scalar("SELECT count(*) FROM notifications WHERE status = 'pending'", 0) : 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pendingNow() >= 3, 60'000);
        app.process().kill(); // SIGKILL: no chance to flush or deliver anything
        app.process().waitForFinished(10'000);
        pending = pendingNow();
    }
    auto opened = Storage::SqliteDatabase::open(db, Storage::SqliteDatabase::Mode::ReadOnly);
    QVERIFY(opened);
    const qint64 buysAndSells = (*opened)->scalar("SELECT count(*) FROM signals WHERE side <> 'alert'");
    QCOMPARE((*opened)->scalar("SELECT count(*) FROM notifications"), buysAndSells); // each one in the outbox
    QCOMPARE((*opened)->scalar("SELECT count(*) FROM notifications WHERE status = 'delivered'"), 0);
    opened->reset();

    WebhookReceiver receiver(0, hookPort);
    TestApp::Process again;
    QVERIFY(again.start({u"--db"_s, db}));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.messageIds().size(), pending, 60'000);
    const auto stillPending = [&db] {
        auto r = Storage::SqliteDatabase::open(db, Storage::SqliteDatabase::Mode::ReadOnly);
        return r ? (*r)->scalar("SELECT count(*) FROM notifications WHERE status = 'pending'", -1) : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(stillPending(), 0, 30'000);
    // And the REST listing says so.
    TestHttp::Client client;
    QVERIFY(client.connectTo(again.port()));
    client.send(TestHttp::request("GET", "/api/signals?limit=100000", {}, {}));
    const auto reply = client.read();
    QVERIFY(reply);
    const QString channel =
        Notify::displayChannel(u"webhook:http://user:secret@127.0.0.1:%1/services/T/B/TOKEN"_s.arg(hookPort));
    QVERIFY(channel.startsWith(u"webhook:http://127.0.0.1:%1/…"_s.arg(hookPort)));
    QVERIFY(!reply->body.contains("secret") && !reply->body.contains("TOKEN"));
    int told = 0;
    for (const QJsonValue &row : QJsonDocument::fromJson(reply->body).array()) {
        const QJsonObject delivery = row.toObject().value(u"delivery"_s).toObject();
        if (row.toObject().value(u"side"_s).toString() == u"alert"_s) {
            QVERIFY(delivery.isEmpty()); // alerts are not sent unless asked for
            continue;
        }
        QCOMPARE(delivery.value(channel).toObject().value(u"status"_s).toString(), u"delivered"_s);
        ++told;
    }
    QCOMPARE(told, buysAndSells);
    // And /metrics counts them per channel.
    client.send(TestHttp::request("GET", "/metrics", {}, {}));
    const auto metrics = client.read();
    QVERIFY(metrics);
    const QByteArray line =
        "tickdesk_notifications_delivered_total{channel=\"" + channel.toUtf8() + "\"} " + QByteArray::number(pending);
    QVERIFY2(metrics->body.contains(line), metrics->body.constData());
    QVERIFY(
        metrics->body.contains(QByteArray("tickdesk_notifications_pending{channel=\"" + channel.toUtf8() + "\"} 0")));
    QVERIFY(!metrics->body.contains("secret") && !metrics->body.contains("TOKEN"));
    QVERIFY(again.log().contains("notifications on"));
    QVERIFY(!again.log().contains("secret") && !again.log().contains("TOKEN"));
    qunsetenv("XDG_CONFIG_HOME");
    qunsetenv("TICKDESK_NOTIFY_RETRY_MS");
}

void TestNotify::desktopMessagesAreGatheredAndSpaced()
{
    Notify::BurstCoalescer coalescer(50, 400);
    QSignalSpy messages(&coalescer, &Notify::BurstCoalescer::message);
    Model::SignalList burst;
    for (int i = 0; i < 7; ++i)
        burst.append(signal(i % 2 ? "AAPL" : "MSFT", i % 2 ? Model::SignalSide::Buy : Model::SignalSide::Sell, 1, i));
    burst.append(signal("ZZZ", Model::SignalSide::Alert, 1, 9)); // the rules' alerts stay in the panel
    coalescer.add(burst);
    QVERIFY(messages.wait(5000));
    auto m = messages.at(0).at(0).value<Notify::DesktopMessage>();
    QCOMPARE(m.count, 7);
    QCOMPARE(m.title, u"7 new signals"_s);
    QCOMPARE(m.text, u"MSFT sell, AAPL buy, MSFT sell, AAPL buy, MSFT sell, …"_s);
    QCOMPARE(m.symbol, u"MSFT"_s);

    // The next one waits for the gap after the last message, however soon it comes.
    QElapsedTimer clock;
    clock.start();
    coalescer.add({signal("TSLA", Model::SignalSide::Buy, 2, 10)});
    QVERIFY(messages.wait(5000));
    QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
    m = messages.at(1).at(0).value<Notify::DesktopMessage>();
    QCOMPARE(m.title, u"New signal: TSLA buy"_s);
    QCOMPARE(m.text, u"RSI 30 < 30 and SMA 101.20 < EMA 101.91"_s);

    // A trader's own alert is told by its name and message.
    Model::TradeSignal fire = signal("AAPL", Model::SignalSide::Alert, 182.6, 11);
    fire.rule = Model::SignalRule::TraderAlert;
    fire.alertName = u"AAPL above 182.50"_s;
    fire.reason = u"AAPL crossed 182.50 at 182.61"_s;
    fire.snapshot = R"({"alert_id":3,"value":182.61,"level":182.5})";
    coalescer.add({fire});
    QVERIFY(messages.wait(5000));
    m = messages.at(2).at(0).value<Notify::DesktopMessage>();
    QCOMPARE(m.title, u"Alert: AAPL AAPL above 182.50"_s);
    QCOMPARE(m.text, u"AAPL crossed 182.50 at 182.61"_s);
}

void TestNotify::unchangedChannelsWriteNothing()
{
    // A start with the channels of the last one writes nothing, so it also works on a full disk.
    const QString path = m_dir->filePath(u"channels.sqlite"_s);
    auto writer = Storage::StorageWriter::open({path});
    QVERIFY(writer);
    auto outbox = Storage::Outbox::open(path);
    QVERIFY(outbox);
    const std::vector<std::pair<QString, bool>> channels{{u"email"_s, false}, {u"webhook:http://h/x"_s, true}};
    QVERIFY((*outbox)->setChannels(channels));
    const auto walSize = [&path] { return QFileInfo(path + u"-wal"_s).size(); };
    const qint64 before = walSize();
    auto reversed = channels;
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY((*outbox)->setChannels(reversed));
    QCOMPARE(walSize(), before);
    QVERIFY((*outbox)->setChannels({{u"email"_s, true}}));
    QVERIFY(walSize() > before);
    outbox->reset();
    (*writer)->stop();
}

QTEST_GUILESS_MAIN(TestNotify)
#include "tst_notify.moc"
