// SPDX-License-Identifier: MIT
#include "BacktestOptions.h"
#include "Subcommands.h"
#include "backtest/ReportExport.h"
#include "model/JsonTime.h"
#include "settings/Settings.h"
#include "storage/AlertStore.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StrategyStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace App {

namespace {

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 2) + u" %"_s;
}

QString maybe(const std::optional<double> &value, bool asPercent = false)
{
    if (!value)
        return u"n/a"_s;
    return asPercent ? percent(*value) : QString::number(*value, 'f', 2);
}

/// The figures as a trader reads them.
void printMetrics(const Backtest::Metrics &m)
{
    const auto day = [](Model::TimestampUs t) {
        return QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc()).toString(u"yyyy-MM-dd"_s);
    };
    std::printf("%s to %s, %lld bars\n", qPrintable(day(m.from)), qPrintable(day(m.to)), (long long)m.bars);
    std::printf("Total return   %s   (%.2f to %.2f)\n", qPrintable(percent(m.totalReturn)), m.startEquity, m.endEquity);
    std::printf("CAGR           %s\n", m.cagr ? qPrintable(percent(*m.cagr)) : "n/a (under a year)");
    std::printf("Max drawdown   %s, under water %lld bars (%.1f days)\n", qPrintable(percent(m.maxDrawdown)),
                (long long)m.maxDrawdownBars, double(m.maxDrawdownUs) / 86'400e6);
    std::printf("Volatility     %s a year\n", qPrintable(percent(m.volatility)));
    std::printf("Sharpe %s   Sortino %s   Calmar %s\n", qPrintable(maybe(m.sharpe)), qPrintable(maybe(m.sortino)),
                qPrintable(maybe(m.calmar)));
    std::printf("Trades %d   win rate %s   profit factor %s   expectancy %s\n", m.trades,
                qPrintable(maybe(m.winRate, true)), qPrintable(maybe(m.profitFactor)), qPrintable(maybe(m.expectancy)));
    std::printf("Exposure %s   fees %.2f\n", qPrintable(percent(m.exposure)), m.fees);
}

bool writeFile(const QString &command, const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        std::fprintf(stderr, "tickdesk %s: cannot write %s: %s\n", qPrintable(command), qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

void printJson(const QJsonObject &json)
{
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
}

/// The alerts stored for `symbol`, enabled and readable, for the reliability table.
std::vector<Alerts::Definition> alertsOf(const QString &databasePath, const QString &symbol)
{
    std::vector<Alerts::Definition> out;
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return out;
    if (auto all = Storage::AlertStore::all(**db))
        for (const Storage::StoredAlert &a : *all)
            if (a.error.isEmpty() && a.alert.enabled && a.alert.appliesTo(symbol))
                out.push_back(a.alert);
    return out;
}

} // namespace

int runBacktest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "Tests a strategy over stored bars: decisions at each bar's close, fills at the next bar's open, stops "
        "and targets inside a bar (the stop first when a bar reaches both). Prints the figures."));
    addBacktestOptions(parser);
    parser.addOptions({
        {u"trades"_s, QCoreApplication::translate("CommandLine", "List the trades too (in JSON: trade_list).")},
        {u"equity"_s, QCoreApplication::translate("CommandLine", "JSON: the equity and drawdown at each close too.")},
        {u"trades-csv"_s, QCoreApplication::translate("CommandLine", "Write the trades to this CSV file."), u"FILE"_s},
        {u"equity-csv"_s,
         QCoreApplication::translate("CommandLine", "Write the equity and drawdown at each close to this CSV file."),
         u"FILE"_s},
        {u"reliability"_s,
         QCoreApplication::translate(
             "CommandLine",
             "Also how each built-in rule (as set in Settings) and each stored alert fared: the hit rate and average "
             "move this many bars after its signals."),
         u"BARS"_s},
    });
    BacktestOptions o;
    o.command = u"backtest"_s;
    if (const auto code = parseCommand(parser, arguments, o.command, false))
        return *code;
    if (!readBacktestOptions(parser, o))
        return 2;
    int horizon = 0;
    if (parser.isSet(u"reliability"_s)) {
        horizon = parser.value(u"reliability"_s).toInt();
        if (horizon < 1 || horizon > 100'000) {
            printCommandError(o.command, u"--reliability: give a number of bars from 1 to 100000"_s);
            return 2;
        }
    }
    const auto series = loadSeries(o);
    if (!series)
        return 1;
    const Backtest::Strategy strategy = *Backtest::strategyFromJson(o.strategy);
    std::vector<Backtest::SeriesCache *> caches;
    for (const auto &s : *series)
        caches.push_back(s.get());
    o.settings.keepEquity = parser.isSet(u"equity"_s) || parser.isSet(u"equity-csv"_s);
    const Backtest::Report report = Backtest::run(strategy, caches, o.settings);
    if (parser.isSet(u"trades-csv"_s) &&
        !writeFile(o.command, parser.value(u"trades-csv"_s), Backtest::tradesCsv(report.trades)))
        return 1;
    if (parser.isSet(u"equity-csv"_s) && !writeFile(o.command, parser.value(u"equity-csv"_s),
                                                    Backtest::equityCsv(report.equity, report.metrics.startEquity)))
        return 1;
    QJsonArray reliability;
    if (horizon > 0) {
        const Core::Settings settings;
        for (const auto &s : *series) {
            const auto rows = Backtest::reliability(*s, settings.rules(), settings.indicators(),
                                                    alertsOf(o.databasePath, s->bars().symbol), horizon);
            for (QJsonValue row : Backtest::reliabilityJson(rows)) {
                QJsonObject one = row.toObject();
                one.insert(u"symbol"_s, s->bars().symbol);
                reliability.append(one);
            }
        }
    }
    if (o.json) {
        QJsonObject json =
            Backtest::reportJson(report, o.strategy, parser.isSet(u"trades"_s), parser.isSet(u"equity"_s));
        json.insert(u"timeframe"_s, strategy.timeframe.name());
        if (horizon > 0)
            json.insert(u"reliability"_s, reliability);
        printJson(json);
        return 0;
    }
    std::printf("%s on %s, %s\n%s\n",
                qPrintable(strategy.name.isEmpty() ? o.strategy.value(u"preset"_s).toString() : strategy.name),
                qPrintable(o.bars.symbols.join(u", "_s)), qPrintable(strategy.timeframe.name()),
                qPrintable(Backtest::describe(strategy)));
    printMetrics(report.metrics);
    if (parser.isSet(u"trades"_s))
        std::fputs(Backtest::tradesCsv(report.trades).replace("\r\n", "\n").constData(), stdout);
    for (const QJsonValue &row : reliability) {
        const QJsonObject r = row.toObject();
        const QJsonValue move = r.value(u"average_move_percent"_s);
        std::printf("%s %s %s: %d signals", qPrintable(r.value(u"symbol"_s).toString()),
                    qPrintable(r.value(u"name"_s).toString()), qPrintable(r.value(u"side"_s).toString()),
                    r.value(u"signals"_s).toInt());
        if (!move.isNull())
            std::printf(", hit rate %s, average move %.2f %% after %d bars",
                        qPrintable(percent(r.value(u"hit_rate"_s).toDouble())), move.toDouble(), horizon);
        std::fputc('\n', stdout);
    }
    return 0;
}

int runOptimize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "Searches a grid of up to three strategy parameters over stored bars on every core, and prints the "
        "best sets; with --walk-forward, re-tunes on each in-sample stretch and tests the next one."));
    addBacktestOptions(parser);
    parser.addOptions({
        {u"param"_s,
         QCoreApplication::translate(
             "CommandLine", "A parameter and its values, e.g. fast=5:50:5 or stop_loss_percent=1:5:1; up to three."),
         u"PATH=FROM:TO:STEP"_s},
        {u"objective"_s,
         QCoreApplication::translate(
             "CommandLine",
             "What ranks the sets: total_return, sharpe (default), sortino, calmar, profit_factor, win_rate, "
             "expectancy, max_drawdown."),
         u"NAME"_s},
        {u"top"_s, QCoreApplication::translate("CommandLine", "Print this many of the best sets (default 10)."),
         u"N"_s},
        {u"heatmap"_s,
         QCoreApplication::translate("CommandLine",
                                     "Write the objective over the first two parameters to this CSV file."),
         u"FILE"_s},
        {u"walk-forward"_s,
         QCoreApplication::translate("CommandLine", "In-sample and out-of-sample bars of each fold, e.g. 500:100."),
         u"IN:OUT"_s},
    });
    BacktestOptions o;
    o.command = u"optimize"_s;
    if (const auto code = parseCommand(parser, arguments, o.command, false))
        return *code;
    if (!readBacktestOptions(parser, o))
        return 2;
    std::vector<Backtest::Axis> axes;
    for (const QString &text : parser.values(u"param"_s)) {
        const auto axis = Backtest::Axis::parse(text);
        if (!axis) {
            printCommandError(o.command, u"--param "_s + axis.error());
            return 2;
        }
        axes.push_back(*axis);
    }
    const auto grid = Backtest::Grid::of(axes);
    if (!grid) {
        printCommandError(o.command, u"--param: "_s + grid.error());
        return 2;
    }
    if (auto first = grid->apply(o.strategy, 0); !first) {
        printCommandError(o.command, u"--param: "_s + first.error());
        return 2;
    }
    const auto objective =
        Backtest::objectiveNamed(parser.value(u"objective"_s).isEmpty() ? u"sharpe"_s : parser.value(u"objective"_s));
    if (!objective) {
        printCommandError(o.command, u"--objective: \"%1\" is not one of the figures listed in --help"_s.arg(
                                         parser.value(u"objective"_s)));
        return 2;
    }
    const int top = parser.isSet(u"top"_s) ? parser.value(u"top"_s).toInt() : 10;
    if (top < 1) {
        printCommandError(o.command, u"--top: give a number above 0"_s);
        return 2;
    }
    std::optional<Backtest::WalkForwardSpec> walk;
    if (parser.isSet(u"walk-forward"_s)) {
        const QStringList parts = parser.value(u"walk-forward"_s).split(u':');
        Backtest::WalkForwardSpec spec;
        spec.objective = *objective;
        bool ok1 = false;
        bool ok2 = false;
        if (parts.size() == 2) {
            spec.inSampleBars = parts[0].toULongLong(&ok1);
            spec.outOfSampleBars = parts[1].toULongLong(&ok2);
        }
        if (!ok1 || !ok2 || spec.inSampleBars < 2 || spec.outOfSampleBars < 1) {
            printCommandError(o.command, u"--walk-forward: write IN:OUT bars, e.g. 500:100"_s);
            return 2;
        }
        walk = spec;
    }
    const auto series = loadSeries(o);
    if (!series)
        return 1;
    Backtest::Search search;
    search.strategy = o.strategy;
    search.grid = *grid;
    search.series = *series;
    search.settings = o.settings;
    const bool tty = isatty(STDERR_FILENO) != 0;
    const auto progress = [tty](std::size_t done, std::size_t total) {
        if (tty)
            std::fprintf(stderr, "\r%zu of %zu sets", done, total);
    };
    const std::atomic<bool> cancel{false};
    if (walk) {
        const auto result = Backtest::walkForward(search, *walk, cancel, progress);
        if (tty)
            std::fputc('\n', stderr);
        if (!result) {
            std::fprintf(stderr, "tickdesk %s: %s\n", qPrintable(o.command), qPrintable(result.error()));
            return 1;
        }
        if (o.json) {
            printJson(Backtest::walkForwardJson(*grid, *result));
            return 0;
        }
        std::printf("Walk-forward, %zu folds; out-of-sample stretches joined:\n", result->folds.size());
        printMetrics(result->metrics);
        for (const Backtest::Fold &f : result->folds) {
            QStringList values;
            for (std::size_t a = 0; a < f.best.size(); ++a)
                values << u"%1=%2"_s.arg(grid->axes()[a].path).arg(f.best[a]);
            std::printf("  from %s: %s, out of sample %s\n", qPrintable(Model::isoTime(f.outOfSample.from)),
                        qPrintable(values.isEmpty() ? u"no set ran"_s : values.join(u' ')),
                        qPrintable(percent(f.outOfSampleMetrics.totalReturn)));
        }
        return 0;
    }
    const auto results = Backtest::runSearch(search, cancel, progress);
    if (tty)
        std::fputc('\n', stderr);
    const auto best = Backtest::ranked(results, *objective);
    if (parser.isSet(u"heatmap"_s)) {
        const Backtest::Heatmap map = Backtest::heatmap(*grid, results, *objective);
        QByteArray csv = grid->axes()[0].path.toUtf8() + "\\" +
                         (grid->axes().size() > 1 ? grid->axes()[1].path.toUtf8() : QByteArray());
        for (const double y : map.yValues)
            csv += ',' + QByteArray::number(y);
        csv += "\r\n";
        for (std::size_t x = 0; x < map.xValues.size(); ++x) {
            csv += QByteArray::number(map.xValues[x]);
            for (std::size_t y = 0; y < map.yValues.size(); ++y)
                csv += ',' + (std::isnan(map.cells[y][x]) ? QByteArray() : QByteArray::number(map.cells[y][x]));
            csv += "\r\n";
        }
        if (!writeFile(o.command, parser.value(u"heatmap"_s), csv))
            return 1;
    }
    const std::size_t skipped = results.size() - best.size();
    if (o.json) {
        std::vector<Backtest::SetResult> shown(best.begin(), best.begin() + std::min<std::ptrdiff_t>(top, best.size()));
        printJson(QJsonObject{{u"objective"_s, QLatin1StringView(Backtest::objectiveName(*objective))},
                              {u"sets"_s, qint64(results.size())},
                              {u"skipped"_s, qint64(skipped)},
                              {u"best"_s, Backtest::searchJson(*grid, shown)}});
        return 0;
    }
    std::printf("%zu sets, %zu skipped; best by %s:\n", results.size(), skipped, Backtest::objectiveName(*objective));
    for (int i = 0; i < top && std::size_t(i) < best.size(); ++i) {
        const Backtest::SetResult &r = best[std::size_t(i)];
        QStringList values;
        for (std::size_t a = 0; a < r.values.size(); ++a)
            values << u"%1=%2"_s.arg(grid->axes()[a].path).arg(r.values[a]);
        const Backtest::Metrics &m = *r.metrics;
        std::printf("%3d. %-40s return %9s  drawdown %8s  Sharpe %6s  trades %d\n", i + 1,
                    qPrintable(values.join(u' ')), qPrintable(percent(m.totalReturn)),
                    qPrintable(percent(m.maxDrawdown)), qPrintable(maybe(m.sharpe)), m.trades);
    }
    return 0;
}

int runStrategies(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Lists, shows, saves and removes the strategy tester's saved strategies:\n"
                       "  strategies list | show NAME | save NAME FILE.json | remove NAME"));
    parser.addHelpOption();
    parser.addOption(
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s});
    const QString command = u"strategies"_s;
    if (const auto code = parseCommand(parser, arguments, command, true))
        return *code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0, u"list"_s);
    const QString path = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Core::Settings().databasePath();
    if (!QFileInfo::exists(path)) {
        printCommandError(command, u"no database at %1"_s.arg(path));
        return 2;
    }
    auto db = Storage::SqliteDatabase::open(path);
    const auto fail = [&](const QString &error) {
        std::fprintf(stderr, "tickdesk %s: %s\n", qPrintable(command), qPrintable(error));
        return 1;
    };
    if (!db)
        return fail(db.error());
    if (auto s = Storage::Schema::migrate(**db); !s) // a database of an older version has no strategies yet
        return fail(s.error());
    if (action == u"list"_s) {
        const auto all = Storage::StrategyStore::all(**db);
        if (!all)
            return fail(all.error());
        for (const auto &s : *all) {
            const auto parsed = Backtest::strategyFromJson(s.definition);
            std::printf("%s\t%s\n", qPrintable(s.name),
                        qPrintable(parsed ? Backtest::describe(*parsed) : u"cannot be read: "_s + parsed.error()));
        }
        return 0;
    }
    if (args.size() < 2) {
        printCommandError(command, u"%1: give the strategy's name"_s.arg(action));
        return 2;
    }
    const QString name = args[1].trimmed();
    if (action == u"show"_s) {
        const auto saved = Storage::StrategyStore::named(**db, name);
        if (!saved)
            return fail(saved.error());
        if (!*saved)
            return fail(u"no strategy is saved as \"%1\""_s.arg(name));
        printJson((*saved)->definition);
        return 0;
    }
    if (action == u"remove"_s) {
        const auto removed = Storage::StrategyStore::remove(**db, name);
        if (!removed)
            return fail(removed.error());
        return *removed ? 0 : fail(u"no strategy is saved as \"%1\""_s.arg(name));
    }
    if (action != u"save"_s || args.size() != 3) {
        printCommandError(command, u"write list, show NAME, save NAME FILE.json or remove NAME"_s);
        return 2;
    }
    if (name.isEmpty() || Backtest::presetNames().contains(name))
        return fail(u"\"%1\": give a name of its own (not a preset's)"_s.arg(name));
    QFile file(args[2]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(args[2], file.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    QJsonObject json = doc.object();
    json.insert(u"name"_s, name);
    const auto strategy = Backtest::strategyFromJson(json);
    if (!doc.isObject() || !strategy)
        return fail(u"%1: %2"_s.arg(args[2], doc.isObject() ? strategy.error() : u"not a JSON object"_s));
    const auto id = Storage::StrategyStore::save(**db, name, json, QDateTime::currentMSecsSinceEpoch() * 1000);
    if (!id)
        return fail(id.error());
    std::printf("saved \"%s\": %s\n", qPrintable(name), qPrintable(Backtest::describe(*strategy)));
    return 0;
}

} // namespace App
