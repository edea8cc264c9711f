// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "util/Result.h"

#include <atomic>
#include <functional>

namespace Io {

/// Writes signals as CSV to `path`, all or nothing: the file appears under its
/// name only when complete; a cancel or an error leaves nothing there. Runs on
/// any thread; `progress` is called now and then with (written, total).
Util::Result<qint64> exportSignals(const Model::SignalList &signals, const QString &path,
                                   const std::atomic<bool> &cancel,
                                   const std::function<void(qint64, qint64)> &progress = {});

} // namespace Io
