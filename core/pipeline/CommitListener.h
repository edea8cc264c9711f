// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"

#include <vector>

namespace Pipeline {

/// A bar after the engine saw it, with every indicator value at that bar.
struct ProcessedTick
{
    Model::Tick bar;
    Indicators::IndicatorSnapshot indicators;
    /// Older than the symbol's newest record: stored as sent, no new last price, no indicator values.
    bool late = false;
};

/// Told about what the pipeline committed, in commit order: the WebSocket stream.
class CommitListener
{
public:
    virtual ~CommitListener() = default;

    /// Whether processed ticks are wanted at the moment (somebody is listening);
    /// asked once per batch by the shards, from their threads. Signals always come.
    virtual bool wantsTicks() const noexcept = 0;

    /// Called on the storage writer's thread right after the commit; must not block.
    virtual void committed(std::vector<ProcessedTick> &&ticks, const std::vector<Model::TradeSignal> &signals) = 0;
};

} // namespace Pipeline
