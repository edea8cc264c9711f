// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Notify {

/// A channel's name as people and other programs may see it: "email" as it is, a webhook
/// as "webhook:https://host:port/…3f2a9c" — user, password, path and query left out (they
/// often carry the hook's secret), a short hash of the whole URL keeping two hooks on one
/// host apart. The full name stays the channel's key in the database only.
QString displayChannel(const QString &name);

} // namespace Notify
