// SPDX-License-Identifier: MIT
#pragma once

#include "trading/Order.h"

#include <QColor>
#include <QVariant>

namespace Gui {

/// Paper trading's words and numbers as a person reads them, in their language and number format.
namespace TradingText {

QString side(Trading::Side side);
QString type(Trading::OrderType type);
QString timeInForce(Trading::TimeInForce tif);
QString status(Trading::OrderStatus status);
/// "12,345.67"; "+1,234.50" / "-12.00" when `sign`.
QString money(double value, bool sign = false);
/// Shares: whole ones without decimals.
QString quantity(double value);
/// A price with as many decimals as it needs: 2 to 4, up to 6 under 1.
QString price(double value);
/// Green for a gain, red for a loss, nothing for what shows as zero (to the cent, or the hundredth of a
/// percent): a cell's foreground.
QVariant pnlColor(double value);

} // namespace TradingText

} // namespace Gui
