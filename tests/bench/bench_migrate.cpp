// SPDX-License-Identifier: MIT
// Opening a database of the layout before bar blocks (schema 13: a row per record in `bars`): how long the
// schema step that moves the rows into blocks takes, and the file before and after.
//   bench_migrate [ROWS] [SYMBOLS]
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long long rows = argc > 1 ? std::atoll(argv[1]) : 10'000'000;
    const long long symbols = argc > 2 ? std::atoll(argv[2]) : 1000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("migrate.sqlite"));
    {
        auto db = Storage::SqliteDatabase::open(path);
        if (!db || !Storage::Schema::migrate(**db, 13)) {
            std::fprintf(stderr, "cannot create a schema 13 database\n");
            return 1;
        }
        // Records a second apart per symbol, prices quoted to the cent (stored as ten-thousandths).
        const QByteArray fill =
            "BEGIN;"
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " +
            QByteArray::number(symbols) + ") INSERT INTO symbols(id, name) SELECT i, 'S' || i FROM s;" +
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + QByteArray::number(rows - 1) +
            ") INSERT INTO bars SELECT 1 + i % " + QByteArray::number(symbols) + ", 1700000000000000 + (i / " +
            QByteArray::number(symbols) +
            ") * 1000000, i + 1, 1000000 + i % 977 * 100, 1010000 + i % 977 * 100, 990000 + i % 977 * 100, "
            "1005000 + i % 977 * 100, 100 FROM n ORDER BY 1, 2, 3;"
            "UPDATE bar_sequence SET next = " +
            QByteArray::number(rows + 1) + "; COMMIT; PRAGMA wal_checkpoint(TRUNCATE);";
        if (auto s = (*db)->exec(fill.constData()); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
    }
    const double before = double(QFileInfo(path).size()) / 1e6;
    auto db = Storage::SqliteDatabase::open(path);
    QElapsedTimer timer;
    timer.start();
    if (auto s = Storage::Schema::migrate(**db); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    (*db)->exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM");
    std::printf("schema 13 -> %d: %lld rows of %lld symbols moved into blocks in %.2f s (%.0f rows/s); file %.0f MB "
                "before, %.0f MB after (vacuumed)\n",
                Storage::Schema::currentVersion(), rows, symbols, seconds, double(rows) / seconds, before,
                double(QFileInfo(path).size()) / 1e6);
    return 0;
}
