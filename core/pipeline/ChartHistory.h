// SPDX-License-Identifier: MIT
#pragma once

#include "LiveFeed.h"
#include "TimeframeTrack.h"
#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"
#include "util/Result.h"

#include <QString>

#include <memory>
#include <vector>

namespace Pipeline {

/// One timeframe of one symbol as a chart follows it: its builder and indicators, with the session
/// they count days in (the builder refers to it, so the two stay together and in place).
struct ChartTrack
{
    ChartTrack(const Bars::Timeframe &timeframe, const QTimeZone &zone, const Indicators::IndicatorConfig &config)
        : session(zone)
        , track(timeframe, session, config)
    {}
    ChartTrack(const ChartTrack &) = delete;
    ChartTrack &operator=(const ChartTrack &) = delete;

    Bars::Session session;
    TimeframeTrack track;
};

/// What a chart needs of one symbol's stored past in one timeframe: its latest bars, oldest first,
/// with their indicator values, the signals within their time span, and the track the live records
/// carry on from.
struct ChartHistory
{
    QString symbol;
    Bars::Timeframe timeframe;
    std::vector<LiveBar> bars; ///< bar.timestamp: the bar's open time
    std::vector<Model::TradeSignal> signals;
    std::shared_ptr<ChartTrack> track;          ///< left where the stored records end
    Model::TimestampUs newestRecordUs = 0;      ///< the newest stored record read; later ones are live
    std::optional<Model::TimestampUs> beforeUs; ///< an older page: the bars before this time
};

/// Builds the newest `count` bars of `symbol` in `timeframe` from the database at `databasePath`
/// (read-only, so it can run on any thread beside the writer), by the builder and indicators the engine
/// runs, computing indicators over `warmup` older bars first so the first drawn values are settled.
/// Days begin in `zone`. With `beforeUs`, the bars that open before it (an older page of a chart scrolled
/// back; its track is of no use then). No bars is not an error.
Util::Result<ChartHistory> loadChartHistory(const QString &databasePath, const QString &symbol,
                                            const Bars::Timeframe &timeframe, int count,
                                            const Indicators::IndicatorConfig &config,
                                            const QTimeZone &zone = QTimeZone::utc(), int warmup = 300,
                                            std::optional<Model::TimestampUs> beforeUs = std::nullopt);

/// The newest `limit` stored signals of every symbol, newest first, for the signal panel.
Util::Result<std::vector<Model::TradeSignal>> loadRecentSignals(const QString &databasePath, int limit);

} // namespace Pipeline
