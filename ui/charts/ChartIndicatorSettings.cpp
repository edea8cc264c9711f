// SPDX-License-Identifier: MIT
#include "ChartIndicatorSettings.h"

#include "indicators/Series.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

/// The periods by name, for the text form.
struct Period
{
    const char *name;
    int Indicators::IndicatorConfig::*field;
};
constexpr Period Periods[] = {
    {"sma", &Indicators::IndicatorConfig::sma},
    {"ema", &Indicators::IndicatorConfig::ema},
    {"rsi", &Indicators::IndicatorConfig::rsi},
    {"macdFast", &Indicators::IndicatorConfig::macdFast},
    {"macdSlow", &Indicators::IndicatorConfig::macdSlow},
    {"macdSignal", &Indicators::IndicatorConfig::macdSignal},
    {"bollinger", &Indicators::IndicatorConfig::bollinger},
    {"atr", &Indicators::IndicatorConfig::atr},
    {"vwap", &Indicators::IndicatorConfig::vwap},
};

struct Colour
{
    const char *name;
    QColor ChartIndicatorSettings::*field;
};
constexpr Colour Colours[] = {
    {"smaColor", &ChartIndicatorSettings::sma},
    {"emaColor", &ChartIndicatorSettings::ema},
    {"bollingerColor", &ChartIndicatorSettings::bollinger},
    {"vwapColor", &ChartIndicatorSettings::vwap},
    {"rsiColor", &ChartIndicatorSettings::rsi},
};

double value(const Indicators::Series &series, std::size_t i)
{
    return series[i] ? *series[i] : std::nan("");
}

} // namespace

QString ChartIndicatorSettings::toText() const
{
    const ChartIndicatorSettings defaults;
    QStringList parts;
    if (periods) {
        for (const Period &p : Periods)
            parts.append(QLatin1StringView(p.name) + u'=' + QString::number((*periods).*p.field));
        parts.append(u"bollingerWidth="_s + QString::number(periods->bollingerDeviations));
    }
    for (const Colour &c : Colours)
        if (this->*c.field != defaults.*c.field)
            parts.append(QLatin1StringView(c.name) + u'=' + (this->*c.field).name());
    if (rsiLow != defaults.rsiLow || rsiHigh != defaults.rsiHigh)
        parts.append({u"rsiLow="_s + QString::number(rsiLow), u"rsiHigh="_s + QString::number(rsiHigh)});
    return parts.join(u';');
}

ChartIndicatorSettings ChartIndicatorSettings::fromText(const QString &text)
{
    ChartIndicatorSettings out;
    Indicators::IndicatorConfig periods;
    bool ownPeriods = false;
    double low = out.rsiLow;
    double high = out.rsiHigh;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString name = part.section(u'=', 0, 0);
        const QString v = part.section(u'=', 1);
        bool ok = false;
        for (const Period &p : Periods)
            if (name == QLatin1StringView(p.name))
                if (const int n = v.toInt(&ok); ok && n >= 1 && n <= 1000) {
                    periods.*p.field = n;
                    ownPeriods = true;
                }
        if (name == u"bollingerWidth"_s)
            if (const double d = v.toDouble(&ok); ok && d > 0 && d <= 10)
                periods.bollingerDeviations = d;
        for (const Colour &c : Colours)
            if (name == QLatin1StringView(c.name) && QColor::isValidColorName(v))
                out.*c.field = QColor::fromString(v);
        if (const double d = v.toDouble(&ok); ok && name == u"rsiLow"_s)
            low = d;
        else if (ok && name == u"rsiHigh"_s)
            high = d;
    }
    if (ownPeriods && periods.macdFast < periods.macdSlow)
        out.periods = periods;
    if (low >= 0 && low < high && high <= 100) {
        out.rsiLow = low;
        out.rsiHigh = high;
    }
    return out;
}

std::vector<Pipeline::LiveBar> withPeriods(const std::deque<Pipeline::LiveBar> &bars,
                                           const Indicators::IndicatorConfig &periods)
{
    std::vector<double> high, low, close, volume;
    for (const Pipeline::LiveBar &b : bars) {
        high.push_back(b.bar.high);
        low.push_back(b.bar.low);
        close.push_back(b.bar.close);
        volume.push_back(double(b.bar.volume));
    }
    using namespace Indicators;
    const Series sma = smaSeries(close, periods.sma);
    const Series ema = emaSeries(close, periods.ema);
    const Series rsi = rsiSeries(close, periods.rsi);
    const MacdSeries macd = macdSeries(close, periods.macdFast, periods.macdSlow, periods.macdSignal);
    const BandSeries bands = bollingerSeries(close, periods.bollinger, periods.bollingerDeviations);
    const Series atr = atrSeries(high, low, close, periods.atr);
    const Series vwap = vwapSeries(high, low, close, volume, periods.vwap);
    std::vector<Pipeline::LiveBar> out(bars.begin(), bars.end());
    for (std::size_t i = 0; i < out.size(); ++i) {
        Pipeline::LiveBar &b = out[i];
        b.sma = value(sma, i);
        b.ema = value(ema, i);
        b.rsi = value(rsi, i);
        b.macd = value(macd.macd, i);
        b.macdSignal = value(macd.signal, i);
        b.macdHistogram = value(macd.histogram, i);
        b.bollingerUpper = value(bands.upper, i);
        b.bollingerMiddle = value(bands.middle, i);
        b.bollingerLower = value(bands.lower, i);
        b.atr = value(atr, i);
        b.vwap = value(vwap, i);
    }
    return out;
}

} // namespace Gui
