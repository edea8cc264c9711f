// SPDX-License-Identifier: MIT
// History refresh from a market-data server on loopback: N symbols × Y years of daily bars (Yahoo's CSV layout),
// fetched one request a symbol, read, checked against what is stored and stored; then the same again, which
// stores nothing (every bar is already there). Rate limit off.
//   bench_refresh [symbols=500] [years=5]

#include "ScriptedHttpServer.h"
#include "history/Refresh.h"
#include "storage/StorageWriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

/// A symbol's daily bars, weekdays only, as a source sends them.
QByteArray dailyCsv(int years, quint64 seed)
{
    QRandomGenerator random(seed);
    QByteArray out = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    double price = 50 + random.bounded(200.0);
    const QDate end(2026, 11, 27);
    for (QDate day = end.addYears(-years); day <= end; day = day.addDays(1)) {
        if (day.dayOfWeek() > 5)
            continue;
        const double open = price;
        const double close = std::max(1.0, open * (1 + (random.generateDouble() - 0.5) * 0.03));
        const double high = std::max(open, close) * (1 + random.generateDouble() * 0.01);
        const double low = std::min(open, close) * (1 - random.generateDouble() * 0.01);
        out += day.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(open, 'f', 2) + ',' +
               QByteArray::number(high, 'f', 2) + ',' + QByteArray::number(low, 'f', 2) + ',' +
               QByteArray::number(close, 'f', 2) + ',' + QByteArray::number(close, 'f', 2) + ',' +
               QByteArray::number(100'000 + random.bounded(5'000'000)) + '\n';
        price = close;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int symbols = argc > 1 ? std::atoi(argv[1]) : 500;
    const int years = argc > 2 ? std::atoi(argv[2]) : 5;

    QHash<QByteArray, QByteArray> bodies;
    std::vector<History::SymbolSpan> spans;
    for (int i = 0; i < symbols; ++i) {
        const QByteArray name = "S" + QByteArray::number(i);
        bodies.insert("/d/" + name, dailyCsv(years, quint64(i) + 1));
        Model::Symbol symbol;
        Model::Symbol::fromString(QString::fromLatin1(name), symbol);
        spans.push_back({symbol, 0, (QDateTime::currentMSecsSinceEpoch()) * 1000, {}});
    }
    TestHttp::ScriptedHttpServer server([&bodies](const QByteArray &target) {
        return TestHttp::Answer{200, bodies.value(target), "text/csv"};
    });

    QTemporaryDir dir;
    auto writer = Storage::StorageWriter::open({dir.filePath(u"bench.sqlite"_s)});
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.error()));
        return 1;
    }
    History::Source source;
    source.name = u"bench"_s;
    source.urlTemplate = server.base() + u"/d/{symbol}"_s;
    source.requestsPerMinute = 0;
    History::Refresher::Options options;
    options.databasePath = dir.filePath(u"bench.sqlite"_s);
    History::Refresher refresher(**writer, options);
    const std::atomic<bool> cancel{false};

    for (const char *pass : {"first refresh (all new)", "second refresh (all stored)"}) {
        QElapsedTimer clock;
        clock.start();
        const History::RefreshReport report = refresher.run(source, {}, spans, cancel);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        qint64 rows = 0, duplicates = 0;
        for (const auto &o : report.symbols) {
            rows += o.fetched;
            duplicates += o.duplicates;
        }
        std::printf("%s: %d symbols x %d years, %lld rows, %lld stored, %lld already stored, %d failed: %.2f s, "
                    "%.0f rows/s, %.1f ms a symbol\n",
                    pass, symbols, years, (long long)rows, (long long)report.stored(), (long long)duplicates,
                    report.failed(), seconds, double(rows) / seconds, seconds * 1000 / symbols);
    }
    (*writer)->stop();
    return 0;
}
