// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Util {

/// Whether two secrets are equal, taking as long for every pair of the same length: how far a guess of an
/// access token matched does not show in the time of the answer.
inline bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace Util
