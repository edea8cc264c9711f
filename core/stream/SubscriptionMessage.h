// SPDX-License-Identifier: MIT
#pragma once

#include "StreamClient.h"
#include "util/Result.h"

#include <QByteArrayView>

namespace Stream {

/// A client's message, such as `{"action":"subscribe","symbols":["AAPL"],"types":["signal"]}`, applied to
/// its subscription: the subscription it asks for, or the error to answer with (naming what is wrong).
Util::Result<Subscription> applySubscriptionMessage(const Subscription &current, QByteArrayView message);

} // namespace Stream
