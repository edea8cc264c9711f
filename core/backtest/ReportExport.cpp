// SPDX-License-Identifier: MIT
#include "ReportExport.h"

#include "io/Csv.h"
#include "model/JsonTime.h"
#include "text/JsonWriter.h"

using namespace Qt::StringLiterals;

namespace Backtest {

namespace {

QJsonValue optional(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::vector<double> drawdowns(const std::vector<EquityPoint> &equity, double startEquity)
{
    std::vector<double> out;
    out.reserve(equity.size());
    double peak = startEquity;
    for (const EquityPoint &p : equity) {
        peak = std::max(peak, p.equity);
        out.push_back(peak > 0 ? (peak - p.equity) / peak : 0);
    }
    return out;
}

QJsonObject metricsJson(const Metrics &m)
{
    return QJsonObject{
        {u"total_return"_s, m.totalReturn},
        {u"cagr"_s, optional(m.cagr)},
        {u"volatility"_s, m.volatility},
        {u"sharpe"_s, optional(m.sharpe)},
        {u"sortino"_s, optional(m.sortino)},
        {u"calmar"_s, optional(m.calmar)},
        {u"max_drawdown"_s, m.maxDrawdown},
        {u"max_drawdown_bars"_s, m.maxDrawdownBars},
        {u"max_drawdown_days"_s, double(m.maxDrawdownUs) / 86'400e6},
        {u"win_rate"_s, optional(m.winRate)},
        {u"profit_factor"_s, optional(m.profitFactor)},
        {u"expectancy"_s, optional(m.expectancy)},
        {u"exposure"_s, m.exposure},
        {u"fees"_s, m.fees},
        {u"trades"_s, m.trades},
        {u"bars"_s, m.bars},
        {u"start_equity"_s, m.startEquity},
        {u"end_equity"_s, m.endEquity},
        {u"from"_s, m.bars > 0 ? QJsonValue(Model::isoTime(m.from)) : QJsonValue()},
        {u"to"_s, m.bars > 0 ? QJsonValue(Model::isoTime(m.to)) : QJsonValue()},
    };
}

QJsonObject tradeJson(const Trade &t)
{
    return QJsonObject{
        {u"symbol"_s, t.symbol},
        {u"side"_s, t.isLong ? u"long"_s : u"short"_s},
        {u"quantity"_s, t.quantity},
        {u"entry_time"_s, Model::isoTime(t.entryTime)},
        {u"entry_price"_s, t.entryPrice},
        {u"exit_time"_s, Model::isoTime(t.exitTime)},
        {u"exit_price"_s, t.exitPrice},
        {u"exit_reason"_s, QLatin1StringView(exitReasonName(t.reason))},
        {u"pnl"_s, t.pnl},
        {u"return_percent"_s, t.returnPercent},
        {u"mae_percent"_s, t.maePercent},
        {u"mfe_percent"_s, t.mfePercent},
        {u"bars"_s, t.bars},
        {u"fees"_s, t.fees},
    };
}

QJsonObject reportJson(const Report &report, const QJsonObject &strategy, bool withTrades, bool withEquity)
{
    QJsonObject json = metricsJson(report.metrics);
    json.insert(u"strategy"_s, strategy);
    QJsonArray symbols;
    for (const Report::PerSymbol &s : report.symbols) {
        QJsonObject one = metricsJson(s.metrics);
        one.insert(u"symbol"_s, s.symbol);
        symbols.append(one);
    }
    json.insert(u"symbols"_s, symbols);
    if (withTrades) {
        QJsonArray trades;
        for (const Trade &t : report.trades)
            trades.append(tradeJson(t));
        json.insert(u"trade_list"_s, trades);
    }
    if (withEquity) {
        QJsonArray equity;
        const std::vector<double> dd = drawdowns(report.equity, report.metrics.startEquity);
        for (std::size_t i = 0; i < report.equity.size(); ++i)
            equity.append(QJsonObject{{u"time"_s, Model::isoTime(report.equity[i].time)},
                                      {u"equity"_s, report.equity[i].equity},
                                      {u"drawdown"_s, dd[i]}});
        json.insert(u"equity"_s, equity);
    }
    return json;
}

QJsonArray searchJson(const Grid &grid, const std::vector<SetResult> &ranked)
{
    QJsonArray out;
    for (const SetResult &r : ranked) {
        QJsonObject parameters;
        for (std::size_t a = 0; a < grid.axes().size() && a < r.values.size(); ++a)
            parameters.insert(grid.axes()[a].path, r.values[a]);
        QJsonObject row = r.metrics ? metricsJson(*r.metrics) : QJsonObject{{u"error"_s, r.error}};
        row.insert(u"parameters"_s, parameters);
        out.append(row);
    }
    return out;
}

QJsonObject walkForwardJson(const Grid &grid, const WalkForwardResult &result)
{
    QJsonObject json = metricsJson(result.metrics);
    QJsonArray folds;
    for (const Fold &f : result.folds) {
        QJsonObject parameters;
        for (std::size_t a = 0; a < grid.axes().size() && a < f.best.size(); ++a)
            parameters.insert(grid.axes()[a].path, f.best[a]);
        folds.append(QJsonObject{
            {u"in_sample_from"_s, Model::isoTime(f.inSample.from)},
            {u"out_of_sample_from"_s, Model::isoTime(f.outOfSample.from)},
            {u"parameters"_s, parameters},
            {u"in_sample"_s, f.inSampleMetrics ? QJsonValue(metricsJson(*f.inSampleMetrics)) : QJsonValue()},
            {u"out_of_sample"_s, metricsJson(f.outOfSampleMetrics)},
        });
    }
    json.insert(u"folds"_s, folds);
    return json;
}

QJsonArray reliabilityJson(const std::vector<Reliability> &rows)
{
    QJsonArray out;
    for (const Reliability &r : rows)
        out.append(QJsonObject{{u"name"_s, r.name},
                               {u"condition"_s, r.condition},
                               {u"side"_s, QLatin1StringView(Model::sideName(r.side))},
                               {u"signals"_s, r.signals},
                               {u"hits"_s, r.hits},
                               {u"hit_rate"_s, optional(r.hitRate)},
                               {u"average_move_percent"_s, optional(r.averageMovePercent)}});
    return out;
}

QByteArray tradesCsv(const std::vector<Trade> &trades)
{
    QByteArray out("symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,exit_reason,pnl,return_percent,"
                   "mae_percent,mfe_percent,bars,fees\r\n");
    for (const Trade &t : trades) {
        Io::appendCsvField(t.symbol.toUtf8(), out);
        out += t.isLong ? ",long," : ",short,";
        Text::appendNumber(t.quantity, out);
        out += ',';
        Text::appendIsoTime(t.entryTime, out);
        out += ',';
        Text::appendNumber(t.entryPrice, out);
        out += ',';
        Text::appendIsoTime(t.exitTime, out);
        out += ',';
        Text::appendNumber(t.exitPrice, out);
        out += ',';
        out += exitReasonName(t.reason);
        for (const double v : {t.pnl, t.returnPercent, t.maePercent, t.mfePercent}) {
            out += ',';
            Text::appendNumber(v, out);
        }
        out += ',';
        Text::appendInteger(t.bars, out);
        out += ',';
        Text::appendNumber(t.fees, out);
        out += "\r\n";
    }
    return out;
}

QByteArray equityCsv(const std::vector<EquityPoint> &equity, double startEquity)
{
    QByteArray out("time_utc,epoch_s,equity,drawdown\r\n");
    const std::vector<double> dd = drawdowns(equity, startEquity);
    for (std::size_t i = 0; i < equity.size(); ++i) {
        Text::appendIsoTime(equity[i].time, out);
        out += ',';
        Text::appendEpochSeconds(equity[i].time, out);
        out += ',';
        Text::appendNumber(equity[i].equity, out);
        out += ',';
        Text::appendNumber(dd[i], out);
        out += "\r\n";
    }
    return out;
}

} // namespace Backtest
