// SPDX-License-Identifier: MIT
#include "IndicatorSet.h"

#include <charconv>

namespace Indicators {

namespace {

void appendField(QByteArray &json, const char *name, const std::optional<double> &value)
{
    if (json.size() > 1)
        json += ',';
    json += '"';
    json += name;
    json += "\":";
    if (!value) {
        json += "null";
        return;
    }
    // Shortest text that reads back as the same double, and fast (no locale, no padding).
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, *value);
    json.append(text, result.ptr - text);
}

} // namespace

QByteArray IndicatorSnapshot::toJson() const
{
    QByteArray json = "{";
    appendField(json, "sma", sma);
    appendField(json, "ema", ema);
    appendField(json, "rsi", rsi);
    appendField(json, "macd", macd);
    appendField(json, "macd_signal", macdSignal);
    appendField(json, "macd_histogram", macdHistogram);
    appendField(json, "bb_upper", bollingerUpper);
    appendField(json, "bb_middle", bollingerMiddle);
    appendField(json, "bb_lower", bollingerLower);
    appendField(json, "atr", atr);
    appendField(json, "vwap", vwap);
    appendField(json, "cross_fast", crossFast);
    appendField(json, "cross_slow", crossSlow);
    json += '}';
    return json;
}

IndicatorSet::IndicatorSet(const IndicatorConfig &config)
    : m_rsi(config.rsi)
    , m_sma(config.sma)
    , m_ema(config.ema)
    , m_macd(config.macdFast, config.macdSlow, config.macdSignal)
    , m_bollinger(config.bollinger, config.bollingerDeviations)
    , m_atr(config.atr)
    , m_vwap(config.vwap)
    , m_crossFast(config.crossFast)
    , m_crossSlow(config.crossSlow)
    , m_smaIsMiddle(config.sma == config.bollinger)
{}

const IndicatorSnapshot &IndicatorSet::update(const Model::Tick &bar) noexcept
{
    return apply<false>(bar);
}

const IndicatorSnapshot &IndicatorSet::replaceLast(const Model::Tick &bar) noexcept
{
    return apply<true>(bar);
}

template<bool Replace>
const IndicatorSnapshot &IndicatorSet::apply(const Model::Tick &bar) noexcept
{
    // A new bar, or the newest one replaced: the same calls either way.
    const auto feed = [](auto &indicator, auto... inputs) {
        if constexpr (Replace)
            return indicator.replaceLast(inputs...);
        else
            return indicator.update(inputs...);
    };
    const double c = bar.close;
    IndicatorSnapshot &s = m_snapshot;
    s.ema = feed(m_ema, c);
    s.rsi = feed(m_rsi, c);
    s.crossFast = feed(m_crossFast, c);
    s.crossSlow = feed(m_crossSlow, c);
    s.atr = feed(m_atr, bar.high, bar.low, c);
    s.vwap = feed(m_vwap, bar.high, bar.low, c, double(bar.volume));
    const auto macd = feed(m_macd, c);
    s.macd = macd ? std::optional<double>(macd->macd) : std::nullopt;
    s.macdSignal = macd ? std::optional<double>(macd->signal) : std::nullopt;
    s.macdHistogram = macd ? std::optional<double>(macd->histogram) : std::nullopt;
    const auto bands = feed(m_bollinger, c);
    s.bollingerUpper = bands ? std::optional<double>(bands->upper) : std::nullopt;
    s.bollingerMiddle = bands ? std::optional<double>(bands->middle) : std::nullopt;
    s.bollingerLower = bands ? std::optional<double>(bands->lower) : std::nullopt;
    s.sma = m_smaIsMiddle ? s.bollingerMiddle : feed(m_sma, c);
    return s;
}

} // namespace Indicators
