// SPDX-License-Identifier: MIT
#include "MarketGenerator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Sim {

MarketGenerator::MarketGenerator(std::vector<SymbolProfile> profiles, MetadataRates rates, quint64 seed)
    : m_profiles(std::move(profiles))
    , m_rates(rates)
    , m_priceRng(seed)
    , m_eventRng(seed ^ 0x9e3779b97f4a7c15ULL)
{
    for (const SymbolProfile &p : m_profiles)
        m_prices.push_back(p.startPrice);
    setYearsPerBar(YearsPerBar);
}

void MarketGenerator::setYearsPerBar(double years)
{
    m_mu.clear();
    m_sigma.clear();
    for (const SymbolProfile &p : m_profiles) {
        // Itô: the log-price drifts by mu - sigma^2 / 2, so the price itself grows by mu.
        m_mu.push_back((p.annualDrift - 0.5 * p.annualVolatility * p.annualVolatility) * years);
        m_sigma.push_back(p.annualVolatility * std::sqrt(years));
    }
}

Model::Tick MarketGenerator::nextTick(std::size_t s, Model::TimestampUs timestamp)
{
    const double sigma = m_sigma[s];
    Model::Tick t;
    t.symbol = m_profiles[s].symbol;
    t.open = m_prices[s];
    t.close = t.open * std::exp(m_mu[s] + sigma * m_normal(m_priceRng));
    // The range within the minute reaches beyond open and close by about half a minute's move.
    t.high = std::max(t.open, t.close) * (1.0 + std::fabs(m_normal(m_priceRng)) * sigma * 0.5);
    t.low = std::min(t.open, t.close) * (1.0 - std::min(0.5, std::fabs(m_normal(m_priceRng)) * sigma * 0.5));
    t.volume = 1000 + std::int64_t(m_unit(m_priceRng) * 50000);
    t.timestamp = timestamp;
    m_prices[s] = t.close;
    return t;
}

void MarketGenerator::metadata(std::size_t s, double ticksPerSecond, Model::TimestampUs timestamp,
                               Model::RecordBatch &out)
{
    const double perTick = 1.0 / std::max(1.0, ticksPerSecond);
    const Model::Symbol &symbol = m_profiles[s].symbol;
    if (m_unit(m_eventRng) < m_rates.orderBook * perTick) {
        Model::OrderBookEvent e;
        e.symbol = symbol;
        e.side = m_unit(m_eventRng) < 0.5 ? Model::OrderSide::Buy : Model::OrderSide::Sell;
        // Orders rest near the market, within half a percent.
        e.price = m_prices[s] * (1.0 + (m_unit(m_eventRng) - 0.5) * 0.01);
        e.quantity = std::floor(1 + m_unit(m_eventRng) * 100);
        e.timestamp = timestamp;
        out.emplace_back(e);
    }
    if (m_unit(m_eventRng) < m_rates.news * perTick) {
        Model::NewsSentimentEvent e;
        e.symbol = symbol;
        e.score = m_unit(m_eventRng) * 2 - 1;
        e.magnitude = m_unit(m_eventRng);
        e.timestamp = timestamp;
        out.emplace_back(e);
    }
    if (m_unit(m_eventRng) < m_rates.marketData * perTick) {
        Model::MarketDataEvent e;
        e.symbol = symbol;
        // A billion shares outstanding, give or take: the cap follows the price.
        e.marketCap = m_prices[s] * 1e9 * (0.5 + m_unit(m_eventRng));
        e.peRatio = 5 + m_unit(m_eventRng) * 25;
        e.timestamp = timestamp;
        out.emplace_back(e);
    }
    if (m_unit(m_eventRng) < m_rates.economic * perTick) {
        static const QString names[] = {u"GDP Growth Rate"_s, u"Unemployment Rate"_s, u"Inflation Rate"_s};
        Model::EconomicIndicatorEvent e;
        e.name = names[std::size_t(m_unit(m_eventRng) * 3) % 3];
        e.value = m_unit(m_eventRng) * 10 - 5;
        e.timestamp = timestamp;
        out.emplace_back(e);
    }
}

void MarketGenerator::generate(int ticks, double ticksPerSecond, Model::TimestampUs now, Model::RecordBatch &out)
{
    if (m_profiles.empty())
        return;
    out.reserve(out.size() + std::size_t(ticks));
    for (int i = 0; i < ticks; ++i) {
        const std::size_t s = m_next++ % m_profiles.size();
        out.emplace_back(nextTick(s, now + i));
        metadata(s, ticksPerSecond, now + i, out);
    }
}

} // namespace Sim
