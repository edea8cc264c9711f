// SPDX-License-Identifier: MIT
#pragma once

#include "model/Records.h"

#include <QString>

#include <vector>

namespace Gui {

/// A label on a time axis that spaces bars by index.
struct TimeTick
{
    qreal slot = 0; ///< the bar's position on the axis
    QString label;
    bool separator = false; ///< the first bar of a day (intraday bars) or of a year (daily and longer bars)
};

/// Where the labels of a time axis go when bars are spaced by index (nights, weekends and pauses take no
/// room): at the bars where a round time begins — every 15 minutes, every hour, every day, month or year:
/// the finest step that gives at most `maxLabels` — with a day's first bar labelled with its date (a
/// separator), and no two labels closer than half their average spacing. `times` are the opening times of
/// the bars in view (UTC microseconds, oldest first), the first at axis position `firstSlot`; a step is never
/// shorter than a bar (`barSeconds`; 0 for tick, volume and record bars); labels are in UTC or local time.
std::vector<TimeTick> timeTicksFor(const std::vector<Model::TimestampUs> &times, qreal firstSlot, int maxLabels,
                                   std::int64_t barSeconds, bool utc);

} // namespace Gui
