// SPDX-License-Identifier: MIT
#include "BacktestOptions.h"

#include "Subcommands.h"
#include "settings/Settings.h"
#include "storage/SqliteDatabase.h"
#include "storage/StrategyStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace App {

namespace {

/// Options that set one number of the strategy: the option's name and the path it sets.
constexpr std::array<std::pair<const char *, const char *>, 5> StrategyNumbers{{{"fast", "fast"},
                                                                                {"slow", "slow"},
                                                                                {"stop-loss", "stop_loss_percent"},
                                                                                {"take-profit", "take_profit_percent"},
                                                                                {"max-bars", "max_bars"}}};

/// The strategy the options name: a file, a saved one, or a preset.
std::optional<QJsonObject> baseStrategy(const QCommandLineParser &parser, const BacktestOptions &o)
{
    if (parser.isSet(u"strategy-file"_s)) {
        QFile file(parser.value(u"strategy-file"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            printCommandError(o.command, u"--strategy-file: %1"_s.arg(file.errorString()));
            return std::nullopt;
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject()) {
            printCommandError(
                o.command,
                u"--strategy-file: not a JSON object (%1 at byte %2)"_s.arg(error.errorString()).arg(error.offset));
            return std::nullopt;
        }
        return doc.object();
    }
    const QString name = parser.isSet(u"strategy"_s) ? parser.value(u"strategy"_s) : u"ma_cross"_s;
    if (Backtest::presetNames().contains(name))
        return Backtest::presetJson(name);
    auto db = Storage::SqliteDatabase::open(o.databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    auto saved = db ? Storage::StrategyStore::named(**db, name)
                    : Util::Result<std::optional<Storage::StrategyStore::Saved>>::failure(db.error());
    if (!saved || !*saved) {
        printCommandError(o.command, u"--strategy: \"%1\" is neither a preset (%2) nor a saved strategy%3"_s.arg(
                                         name, Backtest::presetNames().join(u", "_s),
                                         saved ? QString() : u" (%1)"_s.arg(saved.error())));
        return std::nullopt;
    }
    return (*saved)->definition;
}

bool readNumber(const QCommandLineParser &parser, const QString &option, const QString &command, double &out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0) {
        printCommandError(command, u"--%1: \"%2\" is not a number of 0 or more"_s.arg(option, parser.value(option)));
        return false;
    }
    out = v;
    return true;
}

} // namespace

void addBacktestOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s},
        {u"symbol"_s,
         QCoreApplication::translate("CommandLine",
                                     "The symbol to test; repeat or comma-separate for several (the cash is shared out "
                                     "equally)."),
         u"S"_s},
        {u"timeframe"_s,
         QCoreApplication::translate("CommandLine",
                                     "Bar size: 1m to 1D and 1W, Ns, Nm, Nh, Nt (records), Nv (shares). Default: the "
                                     "strategy's, else 1D."),
         u"TF"_s},
        {u"from"_s,
         QCoreApplication::translate("CommandLine", "Bars from this time: epoch seconds or ISO-8601 (UTC by default)."),
         u"T"_s},
        {u"to"_s, QCoreApplication::translate("CommandLine", "Bars up to this time, inclusive."), u"T"_s},
        {u"tz"_s,
         QCoreApplication::translate("CommandLine", "Time zone whose midnight begins days and weeks (default UTC)."),
         u"ZONE"_s},
        {u"strategy"_s,
         QCoreApplication::translate(
             "CommandLine", "A preset (ma_cross, rsi_trend) or the name of a saved strategy. Default ma_cross."),
         u"NAME"_s},
        {u"strategy-file"_s, QCoreApplication::translate("CommandLine", "A strategy's JSON form from a file."),
         u"FILE"_s},
        {u"fast"_s, QCoreApplication::translate("CommandLine", "ma_cross: the fast SMA's period (default 10)."),
         u"N"_s},
        {u"slow"_s, QCoreApplication::translate("CommandLine", "ma_cross: the slow SMA's period (default 30)."),
         u"N"_s},
        {u"direction"_s,
         QCoreApplication::translate("CommandLine", "long, short or both (default: the strategy's, else long)."),
         u"D"_s},
        {u"stop-loss"_s,
         QCoreApplication::translate("CommandLine", "Close at this loss, in percent of the entry price."), u"P"_s},
        {u"take-profit"_s,
         QCoreApplication::translate("CommandLine", "Close at this gain, in percent of the entry price."), u"P"_s},
        {u"max-bars"_s, QCoreApplication::translate("CommandLine", "Close after this many bars."), u"N"_s},
        {u"size-percent"_s,
         QCoreApplication::translate("CommandLine", "Each position: this percent of the equity (default 100)."),
         u"P"_s},
        {u"size-cash"_s, QCoreApplication::translate("CommandLine", "Each position: this much cash."), u"C"_s},
        {u"size-shares"_s, QCoreApplication::translate("CommandLine", "Each position: this many shares."), u"N"_s},
        {u"whole-shares"_s, QCoreApplication::translate("CommandLine", "Whole shares only (default: fractional)."), {}},
        {u"set"_s,
         QCoreApplication::translate(
             "CommandLine", "Sets a number in the strategy's JSON, e.g. enter_long.right.value=30; repeatable."),
         u"PATH=V"_s},
        {u"cash"_s, QCoreApplication::translate("CommandLine", "Starting cash (default 100000)."), u"C"_s},
        {u"commission-per-share"_s, QCoreApplication::translate("CommandLine", "Commission per share (default 0)."),
         u"C"_s},
        {u"commission-per-order"_s, QCoreApplication::translate("CommandLine", "Commission per order (default 0)."),
         u"C"_s},
        {u"commission-percent"_s,
         QCoreApplication::translate("CommandLine", "Commission in percent of the value traded (default 0)."), u"P"_s},
        {u"slippage"_s,
         QCoreApplication::translate("CommandLine", "Slippage per share on fills at the market (default 0)."), u"C"_s},
        {u"spread"_s,
         QCoreApplication::translate("CommandLine", "Bid/ask spread; each fill at the market pays half (default 0)."),
         u"C"_s},
        {u"json"_s, QCoreApplication::translate("CommandLine", "Print one JSON object.")},
    });
}

bool readBacktestOptions(const QCommandLineParser &parser, BacktestOptions &o)
{
    o.databasePath = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Core::Settings().databasePath();
    if (!QFileInfo::exists(o.databasePath)) {
        printCommandError(o.command, u"no database at %1"_s.arg(o.databasePath));
        return false;
    }
    if (!readSymbols(parser, o.command, o.bars.symbols))
        return false;
    if (o.bars.symbols.isEmpty()) {
        printCommandError(o.command, u"--symbol: give the symbol to test"_s);
        return false;
    }
    if (!readTimeRange(parser, o.command, o.bars.fromUs, o.bars.toUs) || !readTimeZone(parser, o.command, o.bars.zone))
        return false;
    const auto base = baseStrategy(parser, o);
    if (!base)
        return false;
    QJsonObject json = *base;
    const auto set = [&](const QString &path, const QJsonValue &value) { json.insert(path, value); };
    if (parser.isSet(u"timeframe"_s))
        set(u"timeframe"_s, parser.value(u"timeframe"_s));
    if (parser.isSet(u"direction"_s))
        set(u"direction"_s, parser.value(u"direction"_s));
    for (const auto &[option, path] : StrategyNumbers) {
        const QString name = QString::fromLatin1(option);
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok) {
            printCommandError(o.command, u"--%1: \"%2\" is not a number"_s.arg(name, parser.value(name)));
            return false;
        }
        set(QString::fromLatin1(path), v);
    }
    for (const char *kind : {"percent", "cash", "shares"}) {
        const QString option = u"size-"_s + QLatin1StringView(kind);
        if (parser.isSet(option))
            set(u"size"_s, QJsonObject{{QLatin1StringView(kind), parser.value(option).toDouble()}});
    }
    if (parser.isSet(u"whole-shares"_s))
        set(u"whole_shares"_s, true);
    for (const QString &assignment : parser.values(u"set"_s)) {
        const qsizetype eq = assignment.indexOf(u'=');
        bool ok = false;
        const double v = assignment.mid(eq + 1).toDouble(&ok);
        if (eq <= 0 || !ok) {
            printCommandError(o.command, u"--set: \"%1\" is not PATH=NUMBER"_s.arg(assignment));
            return false;
        }
        auto next = Backtest::withParameter(json, assignment.left(eq), v);
        if (!next) {
            printCommandError(o.command, u"--set: "_s + next.error());
            return false;
        }
        json = *next;
    }
    const auto strategy = Backtest::strategyFromJson(json);
    if (!strategy) {
        printCommandError(o.command, u"strategy: "_s + strategy.error());
        return false;
    }
    o.strategy = json;
    o.bars.timeframe = strategy->timeframe;
    Trading::Costs &costs = o.settings.costs.broker;
    if (!readNumber(parser, u"cash"_s, o.command, o.settings.startingCash) ||
        !readNumber(parser, u"commission-per-share"_s, o.command, costs.perShare) ||
        !readNumber(parser, u"commission-per-order"_s, o.command, costs.perOrder) ||
        !readNumber(parser, u"commission-percent"_s, o.command, costs.percent) ||
        !readNumber(parser, u"slippage"_s, o.command, costs.slippage) ||
        !readNumber(parser, u"spread"_s, o.command, o.settings.costs.spread))
        return false;
    if (!(o.settings.startingCash > 0)) {
        printCommandError(o.command, u"--cash: must be above 0"_s);
        return false;
    }
    o.json = parser.isSet(u"json"_s);
    return true;
}

std::optional<std::vector<std::shared_ptr<Backtest::SeriesCache>>> loadSeries(const BacktestOptions &o)
{
    auto bars = Backtest::loadBars(o.databasePath, o.bars);
    if (!bars) {
        std::fprintf(stderr, "tickdesk %s: %s\n", qPrintable(o.command), qPrintable(bars.error()));
        return std::nullopt;
    }
    std::vector<std::shared_ptr<Backtest::SeriesCache>> out;
    for (auto &b : *bars)
        out.push_back(std::make_shared<Backtest::SeriesCache>(std::move(b)));
    return out;
}

} // namespace App
