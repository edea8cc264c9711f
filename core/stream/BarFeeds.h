// SPDX-License-Identifier: MIT
#pragma once

#include "StreamClient.h"
#include "pipeline/ChartHistory.h"

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Stream {

struct StreamOptions;

/// The bars stream clients asked for: a track per symbol and timeframe, carried on from the stored
/// history by the committed records, with the builder and indicators the engine and the charts run.
class BarFeeds final
{
public:
    /// A bar changed: "forming", "closed" or "revised".
    using Emit = std::function<void(const Model::Symbol &, const Bars::Timeframe &, const char *state,
                                    const Bars::Bar &, const Indicators::IndicatorSnapshot &)>;

    explicit BarFeeds(const StreamOptions &options);

    /// Keeps a track for each symbol and timeframe one of `subscriptions` wants, and only those; a new one
    /// reads its symbol's stored bars first (on the calling thread: a few milliseconds).
    void sync(const std::vector<const Subscription *> &subscriptions);
    bool empty() const noexcept { return m_feeds.empty(); }
    /// A committed record of a symbol.
    void add(const Model::Tick &record, qint64 nowNs, const Emit &emit);
    /// Closes the forming time bars of symbols quiet for `quietNs` whose end passed before `dueUs`.
    void closeDue(Model::TimestampUs dueUs, qint64 nowNs, qint64 quietNs, const Emit &emit);

private:
    struct Feed
    {
        Bars::Timeframe timeframe;
        std::shared_ptr<Pipeline::ChartTrack> track;
        Model::TimestampUs storedThrough = 0; ///< records up to here were read from storage already
        qint64 lastNs = 0;                    ///< when its latest record came
    };
    Feed open(const Model::Symbol &symbol, const Bars::Timeframe &timeframe) const;

    const StreamOptions &m_options;
    QTimeZone m_zone;
    std::unordered_map<Model::Symbol, std::vector<Feed>> m_feeds;
};

} // namespace Stream
