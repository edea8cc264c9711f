// SPDX-License-Identifier: MIT
#include "RuleEngine.h"

#include "text/NumberText.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace Signals {

namespace {

/// A signal's reason, put together with the standard library's number formatting, which writes the same text as
/// QString::number and arg() for a fraction of their cost.
class Reason
{
public:
    Reason &text(std::string_view words)
    {
        m_text += words;
        return *this;
    }
    Reason &fixed(double x, int decimals)
    {
        Text::appendFixed(m_text, x, decimals);
        return *this;
    }
    /// Above 1 to the cent, below it to four significant digits.
    Reason &price(double x)
    {
        if (std::fabs(x) >= 1)
            Text::appendFixed(m_text, x, 2);
        else
            Text::appendGeneral(m_text, x, 4);
        return *this;
    }
    Reason &general(double x)
    {
        Text::appendGeneral(m_text, x);
        return *this;
    }
    operator QString() const { return QString::fromLatin1(m_text.data(), qsizetype(m_text.size())); }

private:
    std::string m_text;
};

} // namespace

const char *RuleEngine::ruleId(Rule rule) noexcept
{
    switch (rule) {
    case RsiTrend:
        return "rsi_trend";
    case MaCross:
        return "ma_cross";
    case PriceMove:
        return "price_move";
    case NewsSentiment:
        return "news_sentiment";
    case RuleCount:
        break;
    }
    return "unknown";
}

int RuleEngine::ruleIndex(const QString &id) noexcept
{
    for (int r = 0; r < RuleCount; ++r)
        if (id == QLatin1StringView(ruleId(Rule(r))))
            return r;
    return -1;
}

RuleEngine::RuleEngine(const RuleConfig &config)
    : m_config(config)
    , m_window(Model::TimestampUs(config.priceMoveWindowSeconds) * 1'000'000)
{}

bool RuleEngine::fire(Rule rule, Model::SignalSide side, const Model::Symbol &symbol, Model::TimestampUs time,
                      double price, QString reason, bool silent, std::vector<Model::TradeSignal> &out)
{
    auto &last = m_lastSignal[rule];
    const Model::TimestampUs cooldown = Model::TimestampUs(m_config.cooldownSeconds) * 1'000'000;
    if (cooldown > 0 && last && time - *last < cooldown)
        return false;
    last = time;
    if (silent)
        return false;
    Model::TradeSignal signal;
    signal.symbol = symbol;
    signal.rule = Model::SignalRule(rule);
    signal.side = side;
    signal.reason = std::move(reason);
    signal.price = price;
    signal.timestamp = time;
    out.push_back(std::move(signal));
    return true;
}

void RuleEngine::onTick(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                        std::vector<Model::TradeSignal> &out)
{
    m_lastPrice = bar.close;
    const std::size_t first = out.size();
    if (m_config.rsiTrend)
        rsiTrend(bar, s, silent, out);
    if (m_config.maCross)
        maCross(bar, s, silent, out);
    if (m_config.priceMove)
        priceMove(bar, silent, out);
    attachSnapshot(s, out, first);
}

void RuleEngine::attachSnapshot(const Indicators::IndicatorSnapshot &s, std::vector<Model::TradeSignal> &out,
                                std::size_t first)
{
    // The rules that fire on one record share its indicators' text (a big move can fire two).
    if (out.size() == first)
        return;
    const QByteArray text = s.toJson();
    for (std::size_t i = first; i < out.size(); ++i)
        out[i].snapshot = text;
}

void RuleEngine::rsiTrend(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                          std::vector<Model::TradeSignal> &out)
{
    if (!s.rsi || !s.sma || !s.ema)
        return;
    State state = State::None;
    if (*s.sma < *s.ema && *s.rsi < m_config.rsiBuyBelow)
        state = State::Buy;
    else if (*s.sma > *s.ema && *s.rsi > m_config.rsiSellAbove)
        state = State::Sell;
    // Hysteresis: a fired side holds until RSI has moved back by the re-arm distance.
    if (state == State::None && m_rsiState == State::Buy && *s.rsi < m_config.rsiBuyBelow + m_config.rsiRearm)
        return;
    if (state == State::None && m_rsiState == State::Sell && *s.rsi > m_config.rsiSellAbove - m_config.rsiRearm)
        return;
    if (state == m_rsiState)
        return;
    m_rsiState = state;
    const bool buy = state == State::Buy;
    if (state != State::None)
        fire(RsiTrend, buy ? Model::SignalSide::Buy : Model::SignalSide::Sell, bar.symbol, bar.timestamp, bar.close,
             Reason()
                 .text("RSI ")
                 .fixed(*s.rsi, 1)
                 .text(buy ? " < " : " > ")
                 .general(buy ? m_config.rsiBuyBelow : m_config.rsiSellAbove)
                 .text(" and SMA ")
                 .price(*s.sma)
                 .text(buy ? " < EMA " : " > EMA ")
                 .price(*s.ema),
             silent, out);
}

void RuleEngine::maCross(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                         std::vector<Model::TradeSignal> &out)
{
    if (!s.crossFast || !s.crossSlow || *s.crossSlow <= 0)
        return;
    // Within the spread the relation is kept as it was: touching, or hovering at one level, is not crossing.
    const double spread = (*s.crossFast - *s.crossSlow) / *s.crossSlow * 100.0;
    const double needed = std::max(m_config.crossSpreadPercent, 1e-12);
    if (std::fabs(spread) < needed)
        return;
    const State state = spread > 0 ? State::Buy : State::Sell;
    const State before = m_crossState;
    m_crossState = state;
    if (before == State::None || before == state)
        return; // the first relation seen is a starting point, not a cross
    const bool up = state == State::Buy;
    fire(MaCross, up ? Model::SignalSide::Buy : Model::SignalSide::Sell, bar.symbol, bar.timestamp, bar.close,
         Reason()
             .text("fast SMA ")
             .price(*s.crossFast)
             .text(up ? " crossed above slow SMA " : " crossed below slow SMA ")
             .price(*s.crossSlow),
         silent, out);
}

void RuleEngine::priceMove(const Model::Tick &bar, bool silent, std::vector<Model::TradeSignal> &out)
{
    m_window.add(bar.timestamp, bar.close);
    const PriceWindow::Point low = m_window.lowest();
    const PriceWindow::Point high = m_window.highest();
    const double rise = (bar.close - low.price) / low.price * 100.0;
    const double fall = (high.price - bar.close) / high.price * 100.0;
    State state = State::None;
    if (rise >= m_config.priceMovePercent)
        state = State::Buy;
    else if (fall >= m_config.priceMovePercent)
        state = State::Sell;
    // One move is one alert: the rule re-arms only once the move has shrunk to under half the threshold.
    const double rearm = m_config.priceMovePercent / 2;
    if (state == State::None &&
        ((m_moveState == State::Buy && rise >= rearm) || (m_moveState == State::Sell && fall >= rearm)))
        return;
    if (state == m_moveState)
        return;
    m_moveState = state;
    if (state == State::None)
        return;
    const bool up = state == State::Buy;
    const PriceWindow::Point from = up ? low : high;
    const double seconds = double(bar.timestamp - from.time) / 1e6;
    fire(PriceMove, Model::SignalSide::Alert, bar.symbol, bar.timestamp, bar.close,
         Reason()
             .text(up ? "price rose " : "price fell ")
             .fixed(up ? rise : fall, 2)
             .text("% in ")
             .fixed(seconds, 0)
             .text(" s (")
             .price(from.price)
             .text(" to ")
             .price(bar.close)
             .text(")"),
         silent, out);
}

void RuleEngine::onSentiment(const Model::NewsSentimentEvent &event, const Indicators::IndicatorSnapshot &s,
                             std::vector<Model::TradeSignal> &out)
{
    if (!m_config.newsSentiment)
        return;
    State state = State::None;
    if (event.magnitude >= m_config.sentimentMagnitude) {
        if (event.score >= m_config.sentimentScore)
            state = State::Buy;
        else if (event.score <= -m_config.sentimentScore)
            state = State::Sell;
    }
    if (state == m_sentimentState)
        return;
    m_sentimentState = state;
    if (state == State::None)
        return;
    const bool positive = state == State::Buy;
    const std::size_t first = out.size();
    fire(NewsSentiment, positive ? Model::SignalSide::Buy : Model::SignalSide::Sell, event.symbol, event.timestamp,
         m_lastPrice,
         Reason()
             .text(positive ? "positive news sentiment " : "negative news sentiment ")
             .fixed(event.score, 2)
             .text(" with magnitude ")
             .fixed(event.magnitude, 2),
         false, out);
    attachSnapshot(s, out, first);
}

} // namespace Signals
