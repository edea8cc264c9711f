// SPDX-License-Identifier: MIT
#include "DailyAnalysis.h"

#include <QDateTime>
#include <QJsonValue>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Trading {

std::optional<double> DayStats::winRate() const
{
    const int closing = wins + losses;
    return closing > 0 ? std::optional(100.0 * wins / closing) : std::nullopt;
}

std::optional<double> DayStats::profitFactor() const
{
    return grossLosses < 0 ? std::optional(grossWins / -grossLosses) : std::nullopt;
}

QJsonObject DayStats::toJson() const
{
    const auto maybe = [](std::optional<double> v) { return v ? QJsonValue(*v) : QJsonValue(); };
    return QJsonObject{
        {u"date"_s, day.toString(Qt::ISODate)},
        {u"trades"_s, trades},
        {u"wins"_s, wins},
        {u"losses"_s, losses},
        {u"realized"_s, realized},
        {u"fees"_s, fees},
        {u"net"_s, net()},
        {u"win_rate"_s, maybe(winRate())},
        {u"profit_factor"_s, maybe(profitFactor())},
        {u"average_win"_s, averageWin()},
        {u"average_loss"_s, averageLoss()},
        {u"largest_win"_s, largestWin},
        {u"largest_loss"_s, largestLoss},
        {u"cumulative"_s, cumulative},
    };
}

std::vector<ReplayedTrade> replay(std::vector<Fill> fills, const QTimeZone &zone)
{
    std::map<qint64, Account> accounts; // a reset's account starts flat: no lot crosses it
    std::vector<ReplayedTrade> out;
    out.reserve(fills.size());
    for (Fill &fill : fills) {
        accounts.try_emplace(fill.account, 0).first->second.apply(fill);
        out.push_back({fill, QDateTime::fromMSecsSinceEpoch(fill.time / 1000, zone).date()});
    }
    return out;
}

std::vector<DayStats> analyzeByDay(const std::vector<ReplayedTrade> &trades)
{
    std::vector<DayStats> days;
    double cumulative = 0;
    for (const ReplayedTrade &t : trades) {
        if (days.empty() || days.back().day != t.day) {
            days.push_back({});
            days.back().day = t.day;
        }
        DayStats &d = days.back();
        ++d.trades;
        d.realized += t.fill.realized;
        d.fees += t.fill.fee;
        if (t.fill.realized > 0) {
            ++d.wins;
            d.grossWins += t.fill.realized;
            d.largestWin = std::max(d.largestWin, t.fill.realized);
        } else if (t.fill.realized < 0) {
            ++d.losses;
            d.grossLosses += t.fill.realized;
            d.largestLoss = std::min(d.largestLoss, t.fill.realized);
        }
        cumulative += t.fill.realized - t.fill.fee;
        d.cumulative = cumulative;
    }
    return days;
}

} // namespace Trading
