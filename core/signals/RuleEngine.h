// SPDX-License-Identifier: MIT
#pragma once

#include "PriceWindow.h"
#include "RuleConfig.h"
#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"

#include <array>
#include <optional>
#include <vector>

namespace Signals {

/// The rules of one symbol. Edge-triggered: a rule speaks when its state
/// changes, not on every bar while the state holds.
class RuleEngine final
{
public:
    enum Rule
    {
        RsiTrend,
        MaCross,
        PriceMove,
        NewsSentiment,
        RuleCount
    };
    static const char *ruleId(Rule rule) noexcept;
    /// The Rule of an id, or -1.
    static int ruleIndex(const QString &id) noexcept;

    explicit RuleEngine(const RuleConfig &config);

    /// After the indicators took `bar`. Appends any signal to `out`; with
    /// `silent` (warming from history) states move on but nothing is appended.
    void onTick(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                std::vector<Model::TradeSignal> &out);
    /// The symbol's latest price, which a news signal carries (the rules' bars may not have closed yet).
    void setLastPrice(double price) noexcept { m_lastPrice = price; }
    void onSentiment(const Model::NewsSentimentEvent &event, const Indicators::IndicatorSnapshot &s,
                     std::vector<Model::TradeSignal> &out);

private:
    enum class State : std::uint8_t
    {
        None,
        Buy,
        Sell
    };

    bool fire(Rule rule, Model::SignalSide side, const Model::Symbol &symbol, Model::TimestampUs time, double price,
              QString reason, bool silent, std::vector<Model::TradeSignal> &out);
    static void attachSnapshot(const Indicators::IndicatorSnapshot &s, std::vector<Model::TradeSignal> &out,
                               std::size_t first);
    void rsiTrend(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                  std::vector<Model::TradeSignal> &out);
    void maCross(const Model::Tick &bar, const Indicators::IndicatorSnapshot &s, bool silent,
                 std::vector<Model::TradeSignal> &out);
    void priceMove(const Model::Tick &bar, bool silent, std::vector<Model::TradeSignal> &out);

    RuleConfig m_config;
    State m_rsiState = State::None;
    State m_crossState = State::None;
    State m_moveState = State::None;
    State m_sentimentState = State::None;
    PriceWindow m_window;
    double m_lastPrice = 0;
    std::array<std::optional<Model::TimestampUs>, RuleCount> m_lastSignal{};
};

} // namespace Signals
