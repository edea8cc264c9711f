// SPDX-License-Identifier: MIT
#pragma once

#include "AlertDefinition.h"

#include <QString>

#include <optional>

namespace Alerts {

/// A line or a box the trader drew on a symbol's chart, at times and prices, so it stands in the same
/// place on every timeframe. A horizontal or trend line may carry an alert that moves with it.
struct Drawing
{
    enum class Kind
    {
        Horizontal, ///< at price1 (its times only say where it was drawn)
        Trend,      ///< through (time1, price1) and (time2, price2), and on beyond them
        Rectangle,  ///< between the two corners
    };
    qint64 id = 0;
    QString symbol;
    Kind kind = Kind::Horizontal;
    Model::TimestampUs time1 = 0;
    double price1 = 0;
    Model::TimestampUs time2 = 0;
    double price2 = 0;
    qint64 alertId = 0; ///< the alert it carries; 0: none

    bool canCarryAlert() const { return kind != Kind::Rectangle; }
    /// The level an alert on it compares with: a constant for a horizontal line, the line itself for a trend.
    Operand level() const
    {
        return kind == Kind::Trend && time1 != time2 ? Operand::line(time1, price1, time2, price2)
                                                     : Operand::constant(price1);
    }
    /// Its level at `time`.
    double priceAt(Model::TimestampUs time) const { return level().lineAt(time); }
    bool operator==(const Drawing &) const = default;
};

QString kindName(Drawing::Kind kind);
std::optional<Drawing::Kind> drawingKind(const QString &name);

} // namespace Alerts
