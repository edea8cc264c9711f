// SPDX-License-Identifier: MIT
#pragma once

#include "model/Symbol.h"
#include "util/Result.h"

#include <QStringList>

#include <vector>

namespace Sim {

/// How one simulated symbol moves: where it starts and its yearly drift and volatility.
struct SymbolProfile
{
    Model::Symbol symbol;
    double startPrice = 100;
    double annualDrift = 0.05;
    double annualVolatility = 0.25;
};

/// Parses `SYMBOL[=PRICE[:DRIFT[:VOLATILITY]]]` items, e.g. `AAPL=180:0.08:0.3`,
/// or a count such as `50` for SIM1..SIM50. Unset values come from `defaults`;
/// symbols without a price start at staggered prices so that charts differ.
Util::Result<std::vector<SymbolProfile>> parseProfiles(const QStringList &items, const SymbolProfile &defaults);

} // namespace Sim
