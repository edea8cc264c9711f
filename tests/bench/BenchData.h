// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <random>
#include <vector>

namespace Bench {

/// The value at fraction `p` (0.5: the median, 1: the largest) of `values`; 0 when there are none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

/// A tick as the reference generator writes it, with varying values.
inline QByteArray tickJson(std::mt19937_64 &rng)
{
    static const char *const symbols[] = {"AAPL", "GOOGL", "AMZN", "MSFT", "TSLA"};
    std::uniform_real_distribution<double> price(100, 1000);
    const double open = price(rng);
    const double close = open * (1 + std::uniform_real_distribution<double>(-0.01, 0.01)(rng));
    const double high = std::max(open, close) * 1.004;
    const double low = std::min(open, close) * 0.996;
    QByteArray json("{\"stock_symbol\": \"");
    json += symbols[rng() % 5];
    json += "\", \"opening_price\": " + QByteArray::number(open, 'g', 17);
    json += ", \"closing_price\": " + QByteArray::number(close, 'g', 17);
    json += ", \"high\": " + QByteArray::number(high, 'g', 17);
    json += ", \"low\": " + QByteArray::number(low, 'g', 17);
    json += ", \"volume\": " + QByteArray::number(quint64(rng() % 1000000));
    json += ", \"timestamp\": 1700000000.123456}";
    return json;
}

} // namespace Bench
