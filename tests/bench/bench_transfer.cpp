// SPDX-License-Identifier: MIT
// Export and import figures: CSV export of 1,000,000 stored signals (and
// ticks) straight from the database, and import of a 1,000,000-row OHLCV CSV
// through the decoder, the pipeline and the storage writer.
//   bench_transfer [rows] [export]   (export: the signal export alone)
#include "io/Import.h"
#include "io/SignalExport.h"
#include "pipeline/Pipeline.h"
#include "sim/MarketGenerator.h"
#include "storage/SqliteDatabase.h"
#include "storage/StorageWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

/// Fills the signals table the quick way: one transaction of plain inserts.
void fillSignals(const QString &path, int rows)
{
    auto writer = Storage::StorageWriter::open({path}); // creates the schema
    (*writer)->stop();
    writer->reset();
    auto db = Storage::SqliteDatabase::open(path);
    (*db)->exec("BEGIN");
    auto st = (*db)->prepare("INSERT INTO signals (symbol, ts_us, created_us, rule, side, price, reason, snapshot) "
                             "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)");
    static const char *const symbols[] = {"AAPL", "GOOGL", "AMZN", "MSFT", "TSLA", "BRK.B"};
    static const char *const rules[] = {"rsi_trend", "ma_cross", "price_move", "news_sentiment"};
    const QByteArray snapshot = "{\"sma\":101.23456789,\"ema\":101.98765432,\"rsi\":27.123456,\"macd\":-0.0123,"
                                "\"macd_signal\":-0.0101,\"macd_histogram\":-0.0022,\"bb_upper\":103.5,"
                                "\"bb_middle\":101.2,\"bb_lower\":98.9,\"atr\":0.87,\"vwap\":101.4,"
                                "\"cross_fast\":101.3,\"cross_slow\":101.1}";
    for (int i = 0; i < rows; ++i) {
        const QByteArray reason = "RSI " + QByteArray::number(20 + i % 10) + ".4 < 30, and SMA 101.20 < EMA 101.91";
        st->bindText(1, symbols[i % 6]);
        st->bind(2, std::int64_t(1'700'000'000'000'000LL + i * 1'000'000LL));
        st->bindText(3, rules[i % 4]);
        st->bindText(4, i % 2 ? "sell" : "buy");
        st->bind(5, 100.0 + (i % 1000) * 0.01);
        st->bindText(6, std::string_view(reason.constData(), std::size_t(reason.size())));
        st->bindText(7, std::string_view(snapshot.constData(), std::size_t(snapshot.size())));
        st->step();
        st->reset();
    }
    (*db)->exec("COMMIT");
}

/// A million bars of a random walk (the simulator's) over 20 symbols, one minute apart per symbol.
QString writeCsv(const QString &path, int rows)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QStringList names;
    for (int i = 0; i < 20; ++i)
        names << QStringLiteral("SYM%1").arg(i);
    Sim::MarketGenerator generator(*Sim::parseProfiles(names, {}), {0, 0, 0, 0}, 1);
    Model::RecordBatch bars;
    generator.generate(rows, 1000, 0, bars);
    QByteArray chunk = "Symbol,Date,Open,High,Low,Close,Volume\n";
    for (int i = 0; i < rows; ++i) {
        const auto &t = std::get<Model::Tick>(bars[std::size_t(i)]);
        chunk += QByteArray(t.symbol.view().data(), qsizetype(t.symbol.size())) + ',' +
                 QByteArray::number(1'600'000'000 + (i / 20) * 60) + ',' + QByteArray::number(t.open, 'f', 4) + ',' +
                 QByteArray::number(t.high + 0.0001, 'f', 4) + ',' + QByteArray::number(t.low - 0.0001, 'f', 4) + ',' +
                 QByteArray::number(t.close, 'f', 4) + ',' + QByteArray::number(qint64(t.volume)) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

} // namespace

int main(int argc, char *argv[])
{
    const int rows = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    QTemporaryDir dir;
    const std::atomic<bool> cancel{false};

    const QString signalsDb = dir.filePath(QStringLiteral("signals.sqlite"));
    fillSignals(signalsDb, rows);
    QElapsedTimer t;
    t.start();
    const auto exported =
        Io::exportSignals(signalsDb, Storage::SignalFilter{}, dir.filePath(QStringLiteral("signals.csv")), cancel);
    const double exportSeconds = seconds(t);
    std::printf("export signals: %lld rows in %.2f s (%.0f rows/s, %.0f MB of CSV)\n", (long long)*exported,
                exportSeconds, double(*exported) / exportSeconds,
                double(QFileInfo(dir.filePath(QStringLiteral("signals.csv"))).size()) / 1e6);
    Storage::SignalFilter oneSymbol;
    oneSymbol.symbols = {QStringLiteral("MSFT")};
    oneSymbol.side = QStringLiteral("sell");
    t.start();
    const auto filtered = Io::exportSignals(signalsDb, oneSymbol, dir.filePath(QStringLiteral("msft.csv")), cancel);
    std::printf("export signals, one symbol and side: %lld rows in %.2f s\n", (long long)*filtered, seconds(t));
    if (argc > 2 && std::strcmp(argv[2], "export") == 0)
        return 0;

    const QString csv = writeCsv(dir.filePath(QStringLiteral("bars.csv")), rows);
    Model::RecordBatch records;
    t.start();
    const auto read = Io::readImportFile(csv, {}, records, cancel);
    const double readSeconds = seconds(t);
    std::printf("import, read and check: %lld rows in %.2f s (%.0f rows/s)\n", (long long)read->read, readSeconds,
                double(read->read) / readSeconds);
    records.clear();

    const QString importDb = dir.filePath(QStringLiteral("import.sqlite"));
    auto writer = Storage::StorageWriter::open({importDb});
    Pipeline::Pipeline pipeline(Pipeline::PipelineOptions{}, **writer);
    pipeline.start();
    t.start();
    const auto imported = Io::importFile(csv, {}, pipeline, cancel);
    const double importSeconds = seconds(t);
    pipeline.stop();
    (*writer)->stop();
    std::printf("import, whole (read, check, indicators and rules, durable storage): %lld rows in %.2f s (%.0f "
                "rows/s), %llu signals\n",
                (long long)imported->stored, importSeconds, double(imported->stored) / importSeconds,
                (unsigned long long)(*writer)->stats().storedSignals.load());

    Storage::TickFilter allTicks;
    allTicks.newestFirst = false;
    t.start();
    const auto ticks = Io::exportTicks(importDb, allTicks, dir.filePath(QStringLiteral("ticks.csv")), cancel);
    std::printf("export ticks: %lld rows in %.2f s\n", (long long)*ticks, seconds(t));
    return 0;
}
