// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Gui {

/// A count for a narrow cell: 12,345 / 123 K / 12.3 M, in the reader's number format.
QString compactCount(qint64 n);
/// "+1.23 %" (or "0.00 %") in the reader's number format.
QString signedPercent(double percent);

} // namespace Gui
