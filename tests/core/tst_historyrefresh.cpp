// SPDX-License-Identifier: MIT
// History sources: the answer formats, the request address, the schedule, and refreshes against a real HTTP
// server on loopback into a real database: idempotence, corrections, retries, truncated answers, gap fills.

#include "AppProcess.h"
#include "ScriptedHttpServer.h"
#include "history/Gaps.h"
#include "history/Refresh.h"
#include "history/RefreshService.h"
#include "history/SourceFormats.h"
#include "settings/Settings.h"
#include "storage/BarQueries.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <future>

using namespace Qt::StringLiterals;

namespace {

Model::Symbol sym(const char *name)
{
    Model::Symbol s;
    Model::Symbol::parse(name, s);
    return s;
}

Model::TimestampUs at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

struct Day
{
    const char *date;
    double open, high, low, close;
    qint64 volume;
};
const Day Days[] = {
    {"2026-11-02", 100, 102, 99, 101, 1000},
    {"2026-11-03", 101, 103, 100, 102.5, 1100},
    {"2026-11-04", 102.5, 104, 101.5, 103, 1200},
};

QByteArray yahooCsv()
{
    QByteArray out = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    for (const Day &d : Days)
        out += QByteArray(d.date) +
               u",%1,%2,%3,%4,%4,%5\n"_s.arg(d.open).arg(d.high).arg(d.low).arg(d.close).arg(d.volume).toUtf8();
    return out;
}

QByteArray stooqCsv()
{
    QByteArray out = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n";
    for (const Day &d : Days)
        out += u"AAPL.US,D,%1,000000,%2,%3,%4,%5,%6,0\n"_s.arg(QString::fromLatin1(d.date).remove(u'-'))
                   .arg(d.open)
                   .arg(d.high)
                   .arg(d.low)
                   .arg(d.close)
                   .arg(d.volume)
                   .toUtf8();
    return out;
}

QByteArray contractJson(bool ndjson)
{
    QByteArray out = ndjson ? "" : "[";
    for (const Day &d : Days) {
        if (!ndjson && out.size() > 1)
            out += ",";
        out += u"{\"stock_symbol\":\"AAPL\",\"opening_price\":%1,\"high\":%2,\"low\":%3,\"closing_price\":%4,"
               "\"volume\":%5,\"timestamp\":%6}"_s.arg(d.open)
                   .arg(d.high)
                   .arg(d.low)
                   .arg(d.close)
                   .arg(d.volume)
                   .arg(at(d.date) / 1'000'000)
                   .toUtf8();
        if (ndjson)
            out += "\n";
    }
    return ndjson ? out : out + "]";
}

QByteArray alphaVantage()
{
    QByteArray out = R"js({"Meta Data":{"1. Information":"Daily Prices","2. Symbol":"AAPL","5. Time Zone":"US/Eastern"},
"Time Series (Daily)":{)js";
    bool first = true;
    for (int i = 2; i >= 0; --i) { // newest first, as the service sends them
        const Day &d = Days[i];
        out +=
            (first ? "" : ",") + u"\"%1\":{\"1. open\":\"%2\",\"2. high\":\"%3\",\"3. low\":\"%4\",\"4. close\":\"%5\","
                                 "\"5. volume\":\"%6\"}"_s.arg(QLatin1String(d.date))
                                     .arg(d.open)
                                     .arg(d.high)
                                     .arg(d.low)
                                     .arg(d.close)
                                     .arg(d.volume)
                                     .toUtf8();
        first = false;
    }
    return out + "}}";
}

QByteArray yahooChart()
{
    QStringList times, o, h, l, c, v;
    for (const Day &d : Days) {
        times << QString::number(at(d.date) / 1'000'000 + 14 * 3600 + 1800); // the session's open, 14:30 UTC
        o << QString::number(d.open);
        h << QString::number(d.high);
        l << QString::number(d.low);
        c << QString::number(d.close);
        v << QString::number(d.volume);
    }
    return u"{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"AAPL\"},\"timestamp\":[%1],\"indicators\":{\"quote\":[{"
           "\"open\":[%2],\"high\":[%3],\"low\":[%4],\"close\":[%5],\"volume\":[%6]}]}}],\"error\":null}}"_s
               .arg(times.join(u','), o.join(u','), h.join(u','), l.join(u','), c.join(u','), v.join(u','))
               .toUtf8();
}

/// Another TickDesk's /api/bars?timeframe=1D: the days, then today's bar still forming (left for later).
QByteArray tickdeskBars()
{
    QByteArray out = "[";
    for (const Day &d : Days) {
        const qint64 open = at(d.date) / 1'000'000;
        out += u"{\"close\":%1,\"end\":%2,\"filled\":false,\"forming\":false,\"high\":%3,\"low\":%4,\"open\":%5,"
               "\"records\":390,\"time\":%6,\"volume\":%7},"_s.arg(d.close)
                   .arg(open + 86400)
                   .arg(d.high)
                   .arg(d.low)
                   .arg(d.open)
                   .arg(open)
                   .arg(d.volume)
                   .toUtf8();
    }
    return out + R"({"close":1,"end":1,"filled":false,"forming":true,"high":1,"low":1,"open":1,"records":1,)"
                 R"("time":1,"volume":1}])";
}

/// One minute bars of a symbol from `from` for `count` minutes, close = 100 + minute / 100.
QByteArray minuteJson(const char *symbol, Model::TimestampUs from, int count, double shift = 0)
{
    QByteArray out = "[";
    for (int i = 0; i < count; ++i) {
        const double p = 100 + i / 100.0 + shift;
        out += (i ? "," : "") + u"{\"stock_symbol\":\"%1\",\"opening_price\":%2,\"high\":%3,\"low\":%4,"
                                "\"closing_price\":%5,\"volume\":10,\"timestamp\":%6}"_s.arg(QLatin1String(symbol))
                                    .arg(p)
                                    .arg(p + 0.05)
                                    .arg(p - 0.05)
                                    .arg(p + 0.01)
                                    .arg(from / 1'000'000 + i * 60)
                                    .toUtf8();
    }
    return out + "]";
}

History::Source source(const QString &base, const QString &path, History::Format format = History::Format::Auto)
{
    History::Source s;
    s.name = u"test"_s;
    s.urlTemplate = base + path;
    s.format = format;
    s.requestsPerMinute = 0;
    s.timeoutSeconds = 30; // the default: a loaded machine (sanitizers, a build beside) must not make a retry
    return s;
}

/// A database with its writer, and a refresher that talks to it.
struct Desk
{
    QTemporaryDir dir;
    std::unique_ptr<Storage::StorageWriter> writer;
    std::unique_ptr<History::Refresher> refresher;
    QDateTime now = QDateTime::fromString(u"2026-11-06T12:00:00Z"_s, Qt::ISODate);

    QString path() const { return dir.filePath(u"t.sqlite"_s); }
    bool open()
    {
        auto w = Storage::StorageWriter::open({path()});
        if (!w)
            return false;
        writer = std::move(*w);
        History::Refresher::Options o;
        o.databasePath = path();
        o.retry.firstDelayMs = 50;
        o.now = [this] { return now; };
        refresher = std::make_unique<History::Refresher>(*writer, o);
        return true;
    }
    History::RefreshReport run(const History::Source &s, Model::TimestampUs from, Model::TimestampUs to)
    {
        const std::atomic<bool> cancel{false};
        return refresher->run(s, {}, {{sym("AAPL"), from, to, {}}}, cancel);
    }
    /// Stores records as live ones (not history).
    void storeLive(Model::RecordBatch records)
    {
        std::promise<QString> done;
        Storage::WriteJob job;
        job.records = std::move(records);
        job.done = [&done](const QString &e, std::vector<Model::TradeSignal> &) { done.set_value(e); };
        writer->submitWaiting(std::move(job));
        QCOMPARE(done.get_future().get(), QString());
    }
    std::vector<Bars::Bar> bars(const Bars::Timeframe &tf, Model::TimestampUs from, Model::TimestampUs to)
    {
        auto db = Storage::SqliteDatabase::open(path(), Storage::SqliteDatabase::Mode::ReadOnly);
        Storage::BarQuery q;
        q.symbol = sym("AAPL");
        q.timeframe = tf;
        q.fromUs = from;
        q.toUs = to;
        auto r = Storage::readBars(**db, q, Bars::Session());
        return r ? r->bars : std::vector<Bars::Bar>{};
    }
    ~Desk()
    {
        if (writer)
            writer->stop();
    }
};

} // namespace

class TestHistoryRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachFormatGivesTheSameBars_data();
    void eachFormatGivesTheSameBars();
    void sourceErrorsAndBadRows();
    void requestAddress();
    void scheduleInATimeZone();
    void refreshIsIdempotent();
    void correctionsOnlyWhereAllowed();
    void tooManyRequestsThenOk();
    void serverErrorThenRecovery();
    void truncatedAnswerIsRefusedWhole();
    void notFoundIsNotTriedAgain();
    void redirectsGzipAndTimeOuts();
    void gapsAfterAnOutageAreFilled();
    void gapSearchSkipsClosedMarket();
    void scheduledRefreshFiresAtItsTime();
    void commandLineRefresh();
    void commandLineHandsOverToTheWindow();
    void oneTickDeskADatabase();
    void metricsNameWhatHappened();
    void barsOfAnEarlierSchemaStillRead();
};

void TestHistoryRefresh::eachFormatGivesTheSameBars_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::newRow("yahoo csv") << yahooCsv() << int(History::Format::Auto);
    QTest::newRow("stooq csv") << stooqCsv() << int(History::Format::Csv);
    QTest::newRow("data.json") << contractJson(false) << int(History::Format::Auto);
    QTest::newRow("ndjson") << contractJson(true) << int(History::Format::Json);
    QTest::newRow("alpha vantage") << alphaVantage() << int(History::Format::Auto);
    QTest::newRow("yahoo chart") << yahooChart() << int(History::Format::Auto);
    QTest::newRow("tickdesk /api/bars") << tickdeskBars() << int(History::Format::Auto);
    QTest::newRow("tickdesk-bars named") << tickdeskBars() << int(History::Format::TickDeskBars);
}

void TestHistoryRefresh::eachFormatGivesTheSameBars()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    History::ReadOptions options;
    options.format = History::Format(format);
    options.symbol = sym("AAPL");
    Model::RecordBatch out;
    Io::ImportReport report;
    const auto status = History::readAnswer(body, options, out, report);
    QVERIFY2(status, qPrintable(status.error()));
    QCOMPARE(report.skipped, 0);
    QCOMPARE(out.size(), std::size_t(3));
    const Bars::Session session;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto &t = std::get<Model::Tick>(out[i]);
        QCOMPARE(t.symbol, sym("AAPL"));
        QCOMPARE(session.dayOf(t.timestamp).start, at(Days[i].date));
        QCOMPARE(t.open, Days[i].open);
        QCOMPARE(t.high, Days[i].high);
        QCOMPARE(t.low, Days[i].low);
        QCOMPARE(t.close, Days[i].close);
        QCOMPARE(t.volume, Days[i].volume);
    }
}

void TestHistoryRefresh::sourceErrorsAndBadRows()
{
    History::ReadOptions options;
    options.symbol = sym("AAPL");
    Model::RecordBatch out;
    Io::ImportReport report;
    // The source's own refusal, quoted.
    auto s = History::readAnswer(
        R"({"Note":"Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests per day."})", options,
        out, report);
    QVERIFY(!s);
    QVERIFY2(s.error().contains(u"rate limit is 25 requests"_s), qPrintable(s.error()));
    s = History::readAnswer(
        R"({"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}})",
        options, out, report);
    QVERIFY(!s);
    QVERIFY2(s.error().contains(u"delisted"_s), qPrintable(s.error()));
    // A bad row is reported with its reason; the others are kept.
    const QByteArray csv = "Date,Open,High,Low,Close,Volume\n2026-11-02,100,102,99,101,1000\n"
                           "2026-11-03,101,99,100,102,1100\n2026-11-04,x,104,101,103,1200\n";
    s = History::readAnswer(csv, options, out, report);
    QVERIFY(s);
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(report.skipped, 2);
    QVERIFY2(report.problems[0].message.contains(u"high"_s), qPrintable(report.problems[0].message));
    QCOMPARE(report.problems[1].line, 4);
    // Nothing valid at all: refused.
    out.clear();
    s = History::readAnswer("Date,Open,High,Low,Close\n2026-11-04,x,1,1,1\n", options, out, report);
    QVERIFY(!s);
    QVERIFY(out.empty());
    // Not the format it claims to be.
    s = History::readAnswer("<html>maintenance</html>", {History::Format::AlphaVantage, sym("AAPL")}, out, report);
    QVERIFY(!s);
    QVERIFY(out.empty());
}

void TestHistoryRefresh::requestAddress()
{
    History::Source s;
    s.name = u"av"_s;
    s.urlTemplate = u"https://example.org/q?function=TIME_SERIES_DAILY&symbol={symbol}&from={from:yyyy-MM-dd}"
                    "&to={to}&i={interval}&apikey={apikey}&s={symbol:lower}"_s;
    s.intervalText = u"daily"_s;
    QVERIFY(History::validate(s));
    auto url = History::requestUrl(s, sym("BRK.B"), at("2026-11-02"), at("2026-11-05"), u"k&y"_s);
    QVERIFY(url);
    QCOMPARE(url->toString(QUrl::FullyEncoded),
             u"https://example.org/q?function=TIME_SERIES_DAILY&symbol=BRK.B&from=2026-11-02&to=%1&i=daily"
             "&apikey=k%26y&s=brk.b"_s.arg(at("2026-11-05") / 1'000'000));
    QVERIFY(s.perSymbol());
    // ^ is encoded.
    QVERIFY(History::requestUrl(s, sym("^GSPC"), 0, 0, {})->toString(QUrl::FullyEncoded).contains(u"%5EGSPC"_s));
    s.urlTemplate = u"https://example.org/{ticker}"_s;
    QVERIFY(!History::validate(s));
    QVERIFY(History::validate(s).error().contains(u"{ticker}"_s));
    s.urlTemplate = u"ftp://example.org/{symbol}"_s;
    QVERIFY(!History::validate(s));
    s.urlTemplate = u"https://example.org/{symbol}"_s;
    s.interval = Bars::Timeframe::seconds(10);
    QVERIFY(!History::validate(s));
}

void TestHistoryRefresh::scheduleInATimeZone()
{
    History::Schedule daily;
    daily.mode = History::Schedule::Mode::Daily;
    daily.at = QTime(22, 0);
    daily.zone = u"America/New_York"_s;
    // 21:59 in New York (EST, UTC-5): today 22:00 = 03:00 UTC tomorrow.
    const QDateTime before = QDateTime::fromString(u"2026-11-30T02:59:00Z"_s, Qt::ISODate);
    QCOMPARE(History::nextRun(daily, before), QDateTime::fromString(u"2026-11-30T03:00:00Z"_s, Qt::ISODate));
    const QDateTime after = QDateTime::fromString(u"2026-11-30T03:00:01Z"_s, Qt::ISODate);
    QCOMPARE(History::nextRun(daily, after, after), QDateTime::fromString(u"2026-12-01T03:00:00Z"_s, Qt::ISODate));
    // In summer (EDT, UTC-4) the same wall time is an hour earlier in UTC.
    QCOMPARE(History::nextRun(daily, QDateTime::fromString(u"2026-07-01T12:00:00Z"_s, Qt::ISODate)),
             QDateTime::fromString(u"2026-07-02T02:00:00Z"_s, Qt::ISODate));
    // Missed while TickDesk was closed: due at once.
    const QDateTime lastRun = QDateTime::fromString(u"2026-11-28T03:00:05Z"_s, Qt::ISODate);
    QCOMPARE(History::nextRun(daily, after, lastRun), after);

    History::Schedule every;
    every.mode = History::Schedule::Mode::Every;
    every.everyMinutes = 15;
    QCOMPARE(History::nextRun(every, after, after.addSecs(-60)), after.addSecs(14 * 60));
    QCOMPARE(History::nextRun(every, after), after);
    QVERIFY(!History::nextRun({}, after).isValid());
    daily.zone = u"Mars/Olympus"_s;
    QVERIFY(!History::validate(daily));
}

void TestHistoryRefresh::refreshIsIdempotent()
{
    Desk desk;
    QVERIFY(desk.open());
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    const auto s = source(server.base(), u"/d/{symbol}?from={from}"_s);
    auto first = desk.run(s, at("2026-11-01"), at("2026-11-06"));
    QCOMPARE(first.symbols.size(), std::size_t(1));
    QVERIFY2(first.symbols[0].ok, qPrintable(first.symbols[0].message));
    QCOMPARE(first.symbols[0].stored, 3);
    QCOMPARE(server.requests().value(0),
             QByteArray("/d/AAPL?from=") + QByteArray::number(at("2026-11-01") / 1'000'000));
    // A refresh is no feed: the records a second and the feed-resumed check leave it out.
    QCOMPARE(desk.writer->stats().storedHistory.load(), 3u);
    QCOMPARE(desk.writer->stats().storedFromFeed(), 0u);
    auto second = desk.run(s, at("2026-11-01"), at("2026-11-06"));
    QVERIFY(second.symbols[0].ok);
    QCOMPARE(second.symbols[0].stored, 0);
    QCOMPARE(second.symbols[0].duplicates, 3);
    const auto days = desk.bars(Bars::Timeframe::day(), at("2026-11-01"), at("2026-11-06"));
    QCOMPARE(days.size(), std::size_t(3));
    QCOMPARE(days[1].close, 102.5);
    // The outcome is kept for the watchlist.
    auto db = Storage::SqliteDatabase::open(desk.path(), Storage::SqliteDatabase::Mode::ReadOnly);
    auto last = History::lastRefreshes(**db);
    QVERIFY(last);
    QCOMPARE(last->size(), std::size_t(1));
    QCOMPARE(last->front().first, u"AAPL"_s);
    QVERIFY(last->front().second.ok);
    QVERIFY2(last->front().second.message.contains(u"0 new, 3 already stored"_s),
             qPrintable(last->front().second.message));
}

void TestHistoryRefresh::correctionsOnlyWhereAllowed()
{
    Desk desk;
    QVERIFY(desk.open());
    QByteArray body = yahooCsv();
    TestHttp::ScriptedHttpServer server([&body](const QByteArray &) {
        return TestHttp::Answer{200, body, "text/csv"};
    });
    auto s = source(server.base(), u"/d/{symbol}"_s);
    QVERIFY(desk.run(s, at("2026-11-01"), at("2026-11-06")).symbols[0].stored == 3);
    // Let the kept bars take the days (the writer brings records older than a symbol's tracking in).
    QTRY_COMPARE(desk.writer->stats().backfillPending.load(), 0u);
    body.replace("2026-11-03,101,103,100,102.5,102.5,1100", "2026-11-03,101,103.5,100,102.75,102.75,1150");
    auto refused = desk.run(s, at("2026-11-01"), at("2026-11-06")).symbols[0];
    QCOMPARE(refused.differing, 1);
    QCOMPARE(refused.corrected, 0);
    QCOMPARE(refused.duplicates, 2);
    QCOMPARE(desk.bars(Bars::Timeframe::day(), at("2026-11-03"), at("2026-11-03"))[0].close, 102.5);
    s.allowCorrections = true;
    auto corrected = desk.run(s, at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY2(corrected.ok, qPrintable(corrected.message));
    QCOMPARE(corrected.corrected, 1);
    QCOMPARE(corrected.differing, 0);
    const auto day = desk.bars(Bars::Timeframe::day(), at("2026-11-03"), at("2026-11-03"));
    QCOMPARE(day[0].close, 102.75);
    QCOMPARE(day[0].high, 103.5);
    QCOMPARE(day[0].volume, 1150);
    // The week holding it is summed again.
    const auto week = desk.bars(Bars::Timeframe::week(), at("2026-11-02"), at("2026-11-02"));
    QCOMPARE(week.size(), std::size_t(1));
    QCOMPARE(week[0].volume, 1000 + 1150 + 1200);
    QCOMPARE(week[0].high, 104.0);
    // Running again now finds them equal.
    QCOMPARE(desk.run(s, at("2026-11-01"), at("2026-11-06")).symbols[0].duplicates, 3);
}

void TestHistoryRefresh::tooManyRequestsThenOk()
{
    Desk desk;
    QVERIFY(desk.open());
    int calls = 0;
    TestHttp::ScriptedHttpServer server([&calls](const QByteArray &) {
        if (calls++ == 0)
            return TestHttp::Answer{429, "slow down", "text/plain", {{"Retry-After", "1"}}};
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    QElapsedTimer clock;
    clock.start();
    auto outcome = desk.run(source(server.base(), u"/d/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.attempts, 2);
    QCOMPARE(outcome.stored, 3);
    QVERIFY2(clock.elapsed() >= 950, "Retry-After: 1 was honoured"); // waited as asked, not the 50 ms back-off
}

void TestHistoryRefresh::serverErrorThenRecovery()
{
    Desk desk;
    QVERIFY(desk.open());
    int calls = 0;
    TestHttp::ScriptedHttpServer server([&calls](const QByteArray &) {
        return calls++ < 2 ? TestHttp::Answer{500, "database restarting"}
                           : TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    auto outcome = desk.run(source(server.base(), u"/d/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(outcome.stored, 3);
    // Always failing: the last error, with the source's message, after the allowed attempts.
    TestHttp::ScriptedHttpServer broken([](const QByteArray &) {
        return TestHttp::Answer{503, "maintenance until 18:00"};
    });
    auto failed = desk.run(source(broken.base(), u"/d/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY(!failed.ok);
    QCOMPARE(failed.attempts, 5);
    QVERIFY2(failed.message.contains(u"HTTP 503"_s) && failed.message.contains(u"maintenance until 18:00"_s),
             qPrintable(failed.message));
    // A source down for one symbol is not hammered for the next ones in the same run.
    const auto asked = broken.requests().size();
    const std::atomic<bool> cancel{false};
    auto report = desk.refresher->run(
        source(broken.base(), u"/d/{symbol}"_s), {},
        {{sym("AAPL"), at("2026-11-01"), at("2026-11-06"), {}}, {sym("MSFT"), at("2026-11-01"), at("2026-11-06"), {}}},
        cancel);
    QCOMPARE(report.failed(), 2);
    QCOMPARE(broken.requests().size(), asked + 5);
    QVERIFY2(report.symbols[1].message.contains(u"failed for AAPL"_s), qPrintable(report.symbols[1].message));
}

void TestHistoryRefresh::truncatedAnswerIsRefusedWhole()
{
    Desk desk;
    QVERIFY(desk.open());
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        TestHttp::Answer a{200, yahooCsv(), "text/csv"};
        a.cutAfter = a.body.size() - 20; // the last row is cut in two
        return a;
    });
    auto outcome = desk.run(source(server.base(), u"/d/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.stored, 0);
    QVERIFY2(!outcome.message.isEmpty(), "the reason is given");
    QVERIFY(desk.bars(Bars::Timeframe::day(), at("2026-11-01"), at("2026-11-06")).empty());
}

void TestHistoryRefresh::notFoundIsNotTriedAgain()
{
    Desk desk;
    QVERIFY(desk.open());
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{404, "unknown symbol AAPL"};
    });
    auto outcome = desk.run(source(server.base(), u"/d/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(server.requests().size(), 1);
    QVERIFY2(outcome.message.startsWith(u"HTTP 404 Not Found: unknown symbol AAPL"_s), qPrintable(outcome.message));
}

void TestHistoryRefresh::redirectsGzipAndTimeOuts()
{
    Desk desk;
    QVERIFY(desk.open());
    QFile gz(QStringLiteral(TICKDESK_TEST_DATA "/history/daily.csv.gz"));
    QVERIFY(gz.open(QIODevice::ReadOnly));
    const QByteArray compressed = gz.readAll();
    QByteArray acceptEncoding;
    TestHttp::ScriptedHttpServer server([&](const QByteArray &target) {
        if (target.startsWith("/old/"))
            return TestHttp::Answer{301, {}, "text/plain", {{"Location", "/new/" + target.mid(5)}}};
        // Sent compressed, as a server does when the client accepts it.
        return TestHttp::Answer{200, compressed, "text/csv", {{"Content-Encoding", "gzip"}}};
    });
    auto outcome = desk.run(source(server.base(), u"/old/{symbol}"_s), at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(outcome.stored, 3);
    QCOMPARE(outcome.attempts, 1);
    // On a loaded machine Qt's network access sometimes sends a request a second time within one attempt (seen:
    // /old/AAPL twice, then /new/AAPL), so repeats in a row count once.
    QList<QByteArray> targets = server.requests();
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    QCOMPARE(targets, (QList<QByteArray>{"/old/AAPL", "/new/AAPL"}));

    // A server that accepts and never answers: the time-out ends each attempt.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto s = source(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"/d/{symbol}"_s);
    s.timeoutSeconds = 1;
    QElapsedTimer clock;
    clock.start();
    auto timedOut = desk.run(s, at("2026-11-01"), at("2026-11-06")).symbols[0];
    QVERIFY(!timedOut.ok);
    QCOMPARE(timedOut.attempts, 5);
    QVERIFY2(timedOut.message.contains(u"no answer within 1 s"_s), qPrintable(timedOut.message));
    QVERIFY(clock.elapsed() >= 5000);
}

void TestHistoryRefresh::gapsAfterAnOutageAreFilled()
{
    Desk desk;
    QVERIFY(desk.open());
    // Live minutes 10:00–10:29 and, after an hour without a feed, 11:30–11:59.
    const Model::TimestampUs ten = at("2026-11-02T10:00:00Z");
    Model::RecordBatch live;
    for (int i = 0; i < 120; ++i) {
        if (i >= 30 && i < 90)
            continue;
        const double p = 100 + i / 100.0;
        live.push_back(Model::Tick{sym("AAPL"), p, p + 0.05, p - 0.05, p + 0.01, 10, ten + i * 60'000'000LL});
    }
    desk.storeLive(std::move(live));
    QCOMPARE(desk.bars(Bars::Timeframe::minutes(1), ten, ten + 7'199'000'000LL).size(), std::size_t(60));

    TestHttp::ScriptedHttpServer server([ten](const QByteArray &) {
        return TestHttp::Answer{200, minuteJson("AAPL", ten, 120), "application/json"};
    });
    History::Refresher::Options options;
    options.databasePath = desk.path();
    History::RefreshService service(*desk.writer, options);
    const QDateTime now = QDateTime::fromString(u"2026-11-02T12:03:00Z"_s, Qt::ISODate);
    service.setClock([now] { return now; });
    History::Config config;
    History::Source s = source(server.base(), u"/m/{symbol}?from={from}&to={to}"_s);
    s.interval = Bars::Timeframe::minutes(1);
    s.lookbackDays = 1;
    config.sources.push_back(s);
    service.setConfig(config);
    std::vector<Model::Symbol> merged;
    service.setMerged([&merged](const std::vector<Model::Symbol> &m) { merged = m; });
    QSignalSpy gaps(&service, &History::RefreshService::gapsFound);
    QSignalSpy finished(&service, &History::RefreshService::finished);
    QVERIFY(service.fillGaps({u"AAPL"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps[0][1].toInt(), 2); // the day before the feed began, and the outage
    QVERIFY2(gaps[0][2].toString().contains(u"2026-11-02 10:30 – 11:30 UTC"_s), qPrintable(gaps[0][2].toString()));
    const auto report = finished[0][1].value<History::RefreshReport>();
    QCOMPARE(report.symbols.size(), std::size_t(1));
    QVERIFY2(report.symbols[0].ok, qPrintable(report.symbols[0].message));
    QCOMPARE(report.symbols[0].stored, 60);
    QCOMPARE(report.symbols[0].duplicates, 60);
    QCOMPARE(merged, std::vector<Model::Symbol>{sym("AAPL")});
    QCOMPARE(service.counters().gapBarsFilled.load(), 60u);
    // The fill's own records do not look like the feed coming back (which would search again).
    QCOMPARE(desk.writer->stats().storedFromFeed(), 60u);

    // Every minute is there now, in the kept bars and their sums as in the records.
    const auto minutes = desk.bars(Bars::Timeframe::minutes(1), ten, ten + 7'199'000'000LL);
    QCOMPARE(minutes.size(), std::size_t(120));
    QCOMPARE(minutes[45].openTime, ten + 45 * 60'000'000LL);
    QCOMPARE(minutes[45].close, 100 + 45 / 100.0 + 0.01);
    const auto hours = desk.bars(Bars::Timeframe::hours(1), ten, ten + 7'199'000'000LL);
    QCOMPARE(hours.size(), std::size_t(2));
    QCOMPARE(hours[0].records, 60);
    QCOMPARE(hours[0].volume, 600);
    QCOMPARE(hours[1].records, 60);
    QCOMPARE(hours[0].close, minutes[59].close);
    const auto fives = desk.bars(Bars::Timeframe::minutes(5), ten, ten + 7'199'000'000LL);
    QCOMPARE(fives.size(), std::size_t(24));
    QCOMPARE(fives[7].volume, 50); // 10:35, all filled
    // Bars built from the records (10 s) place the filled ones by time too.
    const auto tens = desk.bars(Bars::Timeframe::seconds(10), ten + 1'800'000'000LL, ten + 2'399'000'000LL);
    QCOMPARE(tens.size(), std::size_t(10));

    // The day before had nothing at the source: remembered, and not asked for again; the outage is filled.
    const auto asked = server.requests().size();
    finished.clear();
    QVERIFY(service.fillGaps({u"AAPL"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(server.requests().size(), asked);
    QVERIFY(finished[0][1].value<History::RefreshReport>().symbols.empty());
}

void TestHistoryRefresh::gapSearchSkipsClosedMarket()
{
    History::MarketHours hours;
    hours.zone = u"America/New_York"_s;
    hours.open = QTime(9, 30);
    hours.close = QTime(16, 0);
    hours.days = 0x1f; // Monday to Friday
    const History::MarketCalendar calendar(hours);
    const Bars::Session session;
    // Friday 2026-11-06 15:00 New York (20:00 UTC) to Monday 10:00 (15:00 UTC): only Friday's last hour and
    // Monday's first half hour trade.
    History::GapSearch search;
    search.interval = Bars::Timeframe::minutes(1);
    search.from = at("2026-11-06T20:00:00Z");
    search.to = at("2026-11-09T15:00:00Z");
    auto gaps = History::findGaps({}, search, session, calendar);
    QCOMPARE(gaps.size(), std::size_t(1)); // the weekend does not split it
    QCOMPARE(gaps[0].start, at("2026-11-06T20:00:00Z"));
    QCOMPARE(gaps[0].end, at("2026-11-09T15:00:00Z"));
    // A quiet symbol's skipped minutes are no gap; a known empty span is none either.
    std::vector<Bars::Bar> stored;
    for (Model::TimestampUs t = search.from; t < at("2026-11-06T21:00:00Z"); t += 3 * 60'000'000LL)
        stored.push_back(Bars::Bar{t, t + 60'000'000LL, 1, 1, 1, 1, 1, 1});
    search.to = at("2026-11-06T21:00:00Z");
    QVERIFY(History::findGaps(stored, search, session, calendar).empty());
    search.to = at("2026-11-09T15:00:00Z");
    gaps = History::findGaps(stored, search, session, calendar,
                             {{at("2026-11-09T14:30:00Z"), at("2026-11-09T15:00:00Z")}});
    QVERIFY(gaps.empty());
    // Daily bars: weekdays only.
    search.interval = Bars::Timeframe::day();
    search.from = at("2026-11-02");
    search.to = at("2026-11-16");
    gaps = History::findGaps({}, search, session, calendar);
    QCOMPARE(gaps.size(), std::size_t(1));
    QCOMPARE(gaps[0].start, at("2026-11-02"));
    QCOMPARE(gaps[0].end, at("2026-11-14"));
}

void TestHistoryRefresh::scheduledRefreshFiresAtItsTime()
{
    Desk desk;
    QVERIFY(desk.open());
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    History::Refresher::Options options;
    options.databasePath = desk.path();
    History::RefreshService service(*desk.writer, options);
    QDateTime now = QDateTime::fromString(u"2026-11-06T02:59:59Z"_s, Qt::ISODate); // 21:59:59 in New York
    service.setClock([&now] { return now; });
    History::Config config;
    config.sources.push_back(source(server.base(), u"/d/{symbol}"_s));
    config.sources.back().lookbackDays = 30;
    config.schedule.mode = History::Schedule::Mode::Daily;
    config.schedule.at = QTime(22, 0);
    config.schedule.zone = u"America/New_York"_s;
    config.schedule.symbols = {u"AAPL"_s};
    service.setConfig(config);
    QCOMPARE(service.nextScheduledRun(), QDateTime::fromString(u"2026-11-06T03:00:00Z"_s, Qt::ISODate));
    QSignalSpy started(&service, &History::RefreshService::started);
    QSignalSpy finished(&service, &History::RefreshService::finished);
    service.checkSchedule();
    QCOMPARE(started.size(), 0);
    now = now.addSecs(1);
    service.checkSchedule();
    QCOMPARE(started.size(), 1);
    QCOMPARE(started[0][0].toString(), u"schedule"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished[0][1].value<History::RefreshReport>().stored(), 3);
    QCOMPARE(service.lastScheduledRun(), now);
    QCOMPARE(service.nextScheduledRun(), QDateTime::fromString(u"2026-11-07T03:00:00Z"_s, Qt::ISODate));
    now = now.addSecs(3600);
    service.checkSchedule();
    QCOMPARE(started.size(), 1); // once a day
}

namespace {

struct Run
{
    int exitCode = -1;
    QString log;
};

/// Runs `tickdesk refresh ARGS` with settings of its own, serving `server` meanwhile (no blocking wait).
Run refreshCommand(const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"ASAN_OPTIONS"_s, u"detect_leaks=0"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TICKDESK_BINARY), QStringList{u"refresh"_s} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

/// Whether `symbol` was refreshed without failure, as the database says.
bool refreshedOk(const QString &db, const QString &symbol)
{
    auto d = Storage::SqliteDatabase::open(db, Storage::SqliteDatabase::Mode::ReadOnly);
    return d &&
           (*d)->scalar(
               u"SELECT count(*) FROM history_refreshes WHERE symbol = '%1' AND ok = 1"_s.arg(symbol).toUtf8()) == 1;
}

} // namespace

void TestHistoryRefresh::commandLineRefresh()
{
    QTemporaryDir home;
    TestHttp::ScriptedHttpServer server([](const QByteArray &target) {
        if (target.contains("NOPE"))
            return TestHttp::Answer{404, "unknown symbol NOPE"};
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    const QString db = home.filePath(u"cli.sqlite"_s);
    const QStringList source{u"--db"_s,
                             db,
                             u"--url"_s,
                             server.base() + u"/d/{symbol}"_s,
                             u"--lookback-days"_s,
                             u"3650"_s,
                             u"--requests-per-minute"_s,
                             u"0"_s};
    Run run = refreshCommand(source + QStringList{u"--symbol"_s, u"AAPL"_s}, home.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.log));
    QVERIFY2(run.log.contains(u"[1/1] AAPL: 3 new, 0 already stored"_s), qPrintable(run.log));
    run = refreshCommand(source + QStringList{u"--symbol"_s, u"AAPL"_s}, home.path());
    QVERIFY2(run.exitCode == 0 && run.log.contains(u"AAPL: 0 new, 3 already stored"_s), qPrintable(run.log));
    // One symbol failing: named, exit 1, the others still done.
    run = refreshCommand(source + QStringList{u"--symbols"_s, u"NOPE,MSFT"_s}, home.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.log.contains(u"NOPE: failed: HTTP 404 Not Found: unknown symbol NOPE"_s), qPrintable(run.log));
    QVERIFY2(run.log.contains(u"MSFT: 3 new"_s), qPrintable(run.log));
    // Without --symbol: every stored symbol (NOPE never was).
    run = refreshCommand(source, home.path());
    QVERIFY2(run.exitCode == 0 && run.log.contains(u"AAPL: 0 new"_s) && run.log.contains(u"MSFT: 0 new"_s),
             qPrintable(run.log));
    // Wrong arguments: exit 2 with the reason, nothing asked.
    const auto asked = server.requests().size();
    run = refreshCommand({u"--db"_s, db, u"--url"_s, server.base() + u"/d/{sym}"_s}, home.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.log.contains(u"unknown placeholder {sym}"_s), qPrintable(run.log));
    run = refreshCommand({u"--db"_s, db}, home.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.log.contains(u"no history source"_s), qPrintable(run.log));
    run = refreshCommand(source + QStringList{u"--symbol"_s, u"not a symbol"_s}, home.path());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(server.requests().size(), asked);
    // A database that cannot be opened: exit 3.
    run = refreshCommand(
        {u"--db"_s, home.path(), u"--url"_s, server.base() + u"/d/{symbol}"_s, u"--symbol"_s, u"AAPL"_s}, home.path());
    QVERIFY2(run.exitCode == 3, qPrintable(run.log));
}

void TestHistoryRefresh::commandLineHandsOverToTheWindow()
{
    // cron fires while the window is open on the database: the window refreshes (one writer keeps the bars).
    QTemporaryDir home;
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    {
        Core::Settings settings(home.filePath(u".config/TickDesk/TickDesk.conf"_s));
        History::Config config;
        config.sources.push_back(source(server.base(), u"/d/{symbol}"_s));
        config.sources.back().name = u"nightly"_s;
        config.sources.back().lookbackDays = 3650;
        settings.setHistory(config);
    }
    const QString db = home.filePath(u"window.sqlite"_s);
    TestApp::Process window;
    QVERIFY(window.startWindow({u"--db"_s, db}, home.path()));
    const Run run = refreshCommand({u"--db"_s, db, u"--symbol"_s, u"AAPL"_s}, home.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.log));
    QVERIFY2(run.log.contains(u"handed to the TickDesk running on"_s), qPrintable(run.log));
    QTRY_VERIFY_WITH_TIMEOUT(refreshedOk(db, u"AAPL"_s), 30000);
    QCOMPARE(server.requests().size(), 1);
    // A source given on the command line is handed over whole: its address and look-back, not the settings'.
    const Run given = refreshCommand({u"--db"_s, db, u"--url"_s, server.base() + u"/given/{symbol}"_s, u"--symbol"_s,
                                      u"MSFT"_s, u"--lookback-days"_s, u"3650"_s, u"--requests-per-minute"_s, u"0"_s},
                                     home.path());
    QVERIFY2(given.exitCode == 0 && given.log.contains(u"handed to the TickDesk running on"_s), qPrintable(given.log));
    QTRY_VERIFY_WITH_TIMEOUT(refreshedOk(db, u"MSFT"_s), 30000);
    QVERIFY(server.requests().constLast().startsWith("/given/MSFT"));
    // /health and /metrics of the window's server say what was done.
    QNetworkAccessManager network;
    const auto get = [&](const QString &path) -> QByteArray {
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(window.port()).arg(path))));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return {};
        reply->deleteLater();
        return reply->readAll();
    };
    QTRY_VERIFY(QJsonDocument::fromJson(get(u"/health"_s))[u"history"_s][u"bars_stored"_s].toInt() == 6);
    QVERIFY(get(u"/metrics"_s).contains("tickdesk_history_bars_stored_total 6\n"));
}

void TestHistoryRefresh::oneTickDeskADatabase()
{
    // cron's refresh while a node runs headless on the database: the node refreshes, as a window would. Any
    // other TickDesk on that database is refused, saying why: two would each number records of their own.
    QTemporaryDir home;
    TestHttp::ScriptedHttpServer server([](const QByteArray &) {
        return TestHttp::Answer{200, yahooCsv(), "text/csv"};
    });
    const QString db = home.filePath(u"node.sqlite"_s);
    const auto isolated = [&home](TestApp::Process &process) {
        process.setEnvironment(u"HOME"_s, home.path());
        process.setEnvironment(u"XDG_CONFIG_HOME"_s, home.path() + u"/.config"_s);
    };
    TestApp::Process node;
    isolated(node);
    QVERIFY(node.start({u"--db"_s, db}));
    const Run run = refreshCommand({u"--db"_s, db, u"--url"_s, server.base() + u"/d/{symbol}"_s, u"--symbol"_s,
                                    u"AAPL"_s, u"--lookback-days"_s, u"3650"_s},
                                   home.path());
    QVERIFY2(run.exitCode == 0 && run.log.contains(u"handed to the TickDesk running on"_s), qPrintable(run.log));
    QTRY_VERIFY_WITH_TIMEOUT(refreshedOk(db, u"AAPL"_s), 30000);

    TestApp::Process second;
    isolated(second);
    QVERIFY(!second.start({u"--db"_s, db}));
    QVERIFY(second.process().state() == QProcess::NotRunning || second.process().waitForFinished(10000));
    QCOMPARE(second.process().exitCode(), 3);
    QVERIFY2(second.log().contains("a TickDesk without a window (--headless) runs on this database; stop it first"),
             second.log().constData());
    TestApp::Process window;
    QVERIFY(!window.startWindow({u"--db"_s, db}, home.path()));
    QVERIFY(window.process().state() == QProcess::NotRunning || window.process().waitForFinished(10000));
    QCOMPARE(window.process().exitCode(), 3);
    QVERIFY2(window.log().contains("(--headless) runs on this database"), window.log().constData());

    // A command that writes without asking the running one: the database itself is held.
    QFile csv(home.filePath(u"aapl.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(yahooCsv());
    csv.close();
    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/.config"_s);
    import.setProcessEnvironment(env);
    import.start(QStringLiteral(TICKDESK_BINARY),
                 {u"import"_s, csv.fileName(), u"--symbol"_s, u"MSFT"_s, u"--db"_s, db});
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitCode(), 1);
    QVERIFY2(
        import.readAllStandardError().contains(u"the database %1 is in use by another TickDesk"_s.arg(db).toUtf8()),
        "import was not refused");
    QCOMPARE(node.process().state(), QProcess::Running);
}

void TestHistoryRefresh::metricsNameWhatHappened()
{
    History::RefreshCounters counters;
    counters.runs = 2;
    counters.gapBarsFilled = 60;
    const QByteArray text = History::metricsText(counters);
    QVERIFY(text.contains("tickdesk_history_refreshes_total 2\n"));
    QVERIFY(text.contains("tickdesk_history_gap_bars_filled_total 60\n"));
    QVERIFY(text.contains("# TYPE tickdesk_history_refresh_running gauge"));
}

void TestHistoryRefresh::barsOfAnEarlierSchemaStillRead()
{
    // A file of the schema before history refreshes, read by a tool before TickDesk opened it again.
    Desk desk;
    QVERIFY(desk.open());
    const Model::TimestampUs ten = at("2026-11-02T10:00:00Z");
    desk.storeLive({Model::Tick{sym("AAPL"), 100, 101, 99, 100.5, 10, ten},
                    Model::Tick{sym("AAPL"), 100.5, 102, 100, 101, 10, ten + 60'000'000}});
    desk.writer->stop();
    desk.writer.reset();
    {
        auto db = Storage::SqliteDatabase::open(desk.path());
        QVERIFY(db);
        QVERIFY((*db)->exec("DROP TABLE history_backfills; PRAGMA user_version = 16;"));
    }
    QCOMPARE(desk.bars(Bars::Timeframe::seconds(10), ten, ten + 120'000'000).size(), std::size_t(2));
}

QTEST_MAIN(TestHistoryRefresh)
#include "tst_historyrefresh.moc"
