// SPDX-License-Identifier: MIT
#pragma once

#include "CommitListener.h"

#include <algorithm>
#include <vector>

namespace Pipeline {

/// Tells several listeners (the WebSocket stream, the NATS publisher) what was committed, in that order.
class CommitFanout final : public CommitListener
{
public:
    void add(CommitListener *listener) { m_listeners.push_back(listener); }
    bool empty() const noexcept { return m_listeners.empty(); }

    bool wantsTicks() const noexcept override
    {
        return std::any_of(m_listeners.begin(), m_listeners.end(), [](const auto *l) { return l->wantsTicks(); });
    }

    void committed(std::vector<ProcessedTick> &&ticks, const std::vector<Model::TradeSignal> &signals) override
    {
        // Each gets the ticks if it wants them; the last one that does takes them without a copy.
        std::size_t last = m_listeners.size();
        for (std::size_t i = 0; i < m_listeners.size(); ++i)
            if (m_listeners[i]->wantsTicks())
                last = i;
        for (std::size_t i = 0; i < m_listeners.size(); ++i) {
            std::vector<ProcessedTick> copy;
            if (i == last)
                copy = std::move(ticks);
            else if (i < last && m_listeners[i]->wantsTicks())
                copy = ticks;
            m_listeners[i]->committed(std::move(copy), signals);
        }
    }

private:
    std::vector<CommitListener *> m_listeners;
};

} // namespace Pipeline
