// SPDX-License-Identifier: MIT
#include "IndicatorSet.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string_view>
#include <utility>

namespace Indicators {

namespace {

/// Writes `"name":value` at `at` and returns its end. `value` is the shortest text that reads back as the same
/// double, with no locale and no padding, or null.
char *putField(char *at, std::string_view name, const std::optional<double> &value)
{
    *at++ = '"';
    at = std::copy(name.begin(), name.end(), at);
    *at++ = '"';
    *at++ = ':';
    if (!value)
        return std::copy_n("null", 4, at);
    // 24 characters hold any double's shortest form (-1.2345678901234567e-308).
    return std::to_chars(at, at + 24, *value).ptr;
}

} // namespace

QByteArray IndicatorSnapshot::toJson() const
{
    // Made in one buffer and copied out once: appended piece by piece to a growing QByteArray, the text took
    // about twice the instructions, and it is made for every signal raised.
    const std::pair<std::string_view, const std::optional<double> &> fields[] = {
        {"sma", sma},
        {"ema", ema},
        {"rsi", rsi},
        {"macd", macd},
        {"macd_signal", macdSignal},
        {"macd_histogram", macdHistogram},
        {"bb_upper", bollingerUpper},
        {"bb_middle", bollingerMiddle},
        {"bb_lower", bollingerLower},
        {"atr", atr},
        {"vwap", vwap},
        {"cross_fast", crossFast},
        {"cross_slow", crossSlow},
    };
    // Each field at most its name, four marks and 24 characters of number.
    char text[std::size(fields) * (14 + 4 + 24) + 2];
    char *at = text;
    *at++ = '{';
    for (const auto &[name, value] : fields) {
        if (at != text + 1)
            *at++ = ',';
        at = putField(at, name, value);
    }
    *at++ = '}';
    return QByteArray(text, at - text);
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
