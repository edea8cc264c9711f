// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/LiveFeed.h"

#include <QString>

namespace Gui {

/// What the crosshair's data window says of a bar: its time, open, high, low, close and volume, then
/// every indicator value the bar has (absent ones left out), one line each for a glance.
QString dataWindowText(const Pipeline::LiveBar &bar, bool utc);

} // namespace Gui
