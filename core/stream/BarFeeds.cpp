// SPDX-License-Identifier: MIT
#include "BarFeeds.h"

#include "StreamServer.h"
#include "bars/Session.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStream)

namespace Stream {

namespace {

const char *stateName(Pipeline::TimeframeTrack::Change change)
{
    switch (change) {
    case Pipeline::TimeframeTrack::Change::Forming:
        return "forming";
    case Pipeline::TimeframeTrack::Change::Closed:
        return "closed";
    case Pipeline::TimeframeTrack::Change::Revised:
        return "revised";
    }
    return "forming";
}

} // namespace

BarFeeds::BarFeeds(const StreamOptions &options)
    : m_options(options)
{
    m_zone = Bars::sessionZone(options.sessionTimeZone);
}

BarFeeds::Feed BarFeeds::open(const Model::Symbol &symbol, const Bars::Timeframe &timeframe) const
{
    Feed feed{timeframe, {}, 0, 0};
    if (!m_options.databasePath.isEmpty() && m_options.databasePath != QLatin1StringView(":memory:")) {
        auto history = Pipeline::loadChartHistory(m_options.databasePath, symbol.toString(), timeframe, 1,
                                                  m_options.indicators, m_zone);
        if (history && history->track) {
            feed.track = history->track;
            feed.storedThrough = history->newestRecordUs;
        } else if (!history) {
            qCWarning(lcStream) << "bars of" << symbol.toString() << "start without history:" << history.error();
        }
    }
    if (!feed.track) {
        feed.track = std::make_shared<Pipeline::ChartTrack>(timeframe, m_zone, m_options.indicators);
        feed.track->track.setSymbol(symbol);
    }
    return feed;
}

void BarFeeds::sync(const std::vector<const Subscription *> &subscriptions)
{
    std::unordered_map<Model::Symbol, std::vector<Bars::Timeframe>> wanted;
    for (const Subscription *s : subscriptions)
        for (const Model::Symbol &symbol : s->timeframes.empty() ? decltype(s->symbols){} : s->symbols)
            for (const Bars::Timeframe &t : s->timeframes) {
                auto &list = wanted[symbol];
                if (std::find(list.begin(), list.end(), t) == list.end())
                    list.push_back(t);
            }
    for (auto it = m_feeds.begin(); it != m_feeds.end();) {
        const auto w = wanted.find(it->first);
        if (w == wanted.end()) {
            it = m_feeds.erase(it);
            continue;
        }
        std::erase_if(it->second, [&w](const Feed &f) {
            return std::find(w->second.begin(), w->second.end(), f.timeframe) == w->second.end();
        });
        ++it;
    }
    for (const auto &[symbol, timeframes] : wanted) {
        auto &feeds = m_feeds[symbol];
        for (const Bars::Timeframe &t : timeframes)
            if (std::none_of(feeds.begin(), feeds.end(), [&t](const Feed &f) { return f.timeframe == t; }))
                feeds.push_back(open(symbol, t));
    }
}

void BarFeeds::add(const Model::Tick &record, qint64 nowNs, const Emit &emit)
{
    const auto it = m_feeds.find(record.symbol);
    if (it == m_feeds.end())
        return;
    for (Feed &feed : it->second) {
        if (feed.storedThrough > 0 && record.timestamp <= feed.storedThrough)
            continue; // committed before its history was read: already in it
        feed.storedThrough = 0;
        feed.lastNs = nowNs;
        feed.track->track.add(record, [&](Pipeline::TimeframeTrack::Change change, const Bars::Bar &bar,
                                          const Indicators::IndicatorSnapshot &s) {
            emit(record.symbol, feed.timeframe, stateName(change), bar, s);
        });
    }
}

void BarFeeds::closeDue(Model::TimestampUs dueUs, qint64 nowNs, qint64 quietNs, const Emit &emit)
{
    for (auto &[symbol, feeds] : m_feeds)
        for (Feed &feed : feeds) {
            if (nowNs - feed.lastNs < quietNs)
                continue;
            const Model::Symbol &s = symbol;
            feed.track->track.closeIfDue(dueUs, [&](Pipeline::TimeframeTrack::Change change, const Bars::Bar &bar,
                                                    const Indicators::IndicatorSnapshot &snapshot) {
                emit(s, feed.timeframe, stateName(change), bar, snapshot);
            });
        }
}

} // namespace Stream
