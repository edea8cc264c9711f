// SPDX-License-Identifier: MIT
#include "Subcommands.h"
#include "UnixSignals.h"
#include "io/Import.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/StorageWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

int runImport(const QStringList &arguments)
{
    const QString command = u"import"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "Loads a CSV file of bars (Date,Open,High,Low,Close,Volume and the usual variants) or a JSON file of "
        "records in the ingest contract (array or NDJSON) into the database. Records go through the same checks "
        "and the same indicators and rules as live data; bad rows are reported and left out. Import history "
        "before live data of the same symbols, with TickDesk itself stopped."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"FILE"_s, QCoreApplication::translate("CommandLine", "The .csv or .json file."));
    parser.addOptions({
        {u"symbol"_s, QCoreApplication::translate("CommandLine", "The symbol of a CSV without a symbol column."),
         u"S"_s},
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s},
    });
    if (const auto exitCode = parseCommand(parser, arguments, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        printCommandError(command, u"give exactly one file to import"_s);
        return 2;
    }
    const QString file = parser.positionalArguments().constFirst();
    const Core::Settings settings;
    Storage::WriterOptions storage;
    storage.path = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : settings.databasePath();
    if (Core::Settings::validateSessionTimeZone(settings.sessionTimeZone()))
        storage.sessionTimeZone = settings.sessionTimeZone();
    auto writer = Storage::StorageWriter::open(storage);
    if (!writer) {
        std::fprintf(stderr, "tickdesk import: %s\n", qPrintable(writer.error()));
        return 1;
    }
    Pipeline::PipelineOptions options;
    options.indicators = settings.indicators();
    options.rules = settings.rules();
    if (!Core::Settings::validate(options.indicators) || !Core::Settings::validate(options.rules)) {
        options.indicators = {};
        options.rules = {};
    }
    options.sessionTimeZone = storage.sessionTimeZone;
    Pipeline::Pipeline pipeline(options, **writer);
    if (auto status = pipeline.warmStart(storage.path); !status) {
        std::fprintf(stderr, "tickdesk import: %s\n", qPrintable(status.error()));
        return 1;
    }
    pipeline.start();

    std::atomic<bool> cancel{false};
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &unixSignals, [&cancel] { cancel = true; });
    Io::ImportOptions importOptions;
    importOptions.symbol = parser.value(u"symbol"_s);
    QElapsedTimer clock;
    clock.start();
    int lastPercent = -1;
    // On a worker, so that Ctrl+C (delivered through the event loop) can cancel it.
    QFuture<Util::Result<Io::ImportReport>> future = QtConcurrent::run([&] {
        return Io::importFile(file, importOptions, pipeline, cancel, [&lastPercent](qint64 done, qint64 total) {
            const int percent = int(done * 100 / std::max<qint64>(1, total));
            if (percent / 10 != lastPercent / 10) {
                std::fprintf(stderr, "%d %%\n", percent);
                lastPercent = percent;
            }
        });
    });
    QFutureWatcher<Util::Result<Io::ImportReport>> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, QCoreApplication::instance(), &QCoreApplication::quit);
    watcher.setFuture(future);
    QCoreApplication::exec();
    const Util::Result<Io::ImportReport> report = future.result();
    pipeline.stop();
    (*writer)->stop();
    if (!report) {
        std::fprintf(stderr, "tickdesk import: %s\n", qPrintable(report.error()));
        return 1;
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    std::fprintf(stderr, "%s\n%.2f s, %.0f rows/s, signals stored: %llu\n", qPrintable(report->summary()), seconds,
                 double(report->read) / std::max(1e-9, seconds),
                 (unsigned long long)(*writer)->stats().storedSignals.load());
    return 0;
}

} // namespace App
