// SPDX-License-Identifier: MIT
#include "TradingText.h"

#include <QBrush>
#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Gui::TradingText {

QString side(Trading::Side side)
{
    switch (side) {
    case Trading::Side::Buy:
        return QCoreApplication::translate("TradingText", "Buy");
    case Trading::Side::Sell:
        return QCoreApplication::translate("TradingText", "Sell");
    case Trading::Side::SellShort:
        return QCoreApplication::translate("TradingText", "Sell short");
    case Trading::Side::BuyToCover:
        return QCoreApplication::translate("TradingText", "Buy to cover");
    }
    return {};
}

QString type(Trading::OrderType type)
{
    switch (type) {
    case Trading::OrderType::Market:
        return QCoreApplication::translate("TradingText", "Market");
    case Trading::OrderType::Limit:
        return QCoreApplication::translate("TradingText", "Limit");
    case Trading::OrderType::Stop:
        return QCoreApplication::translate("TradingText", "Stop");
    }
    return {};
}

QString timeInForce(Trading::TimeInForce tif)
{
    return tif == Trading::TimeInForce::Day ? QCoreApplication::translate("TradingText", "Day")
                                            : QCoreApplication::translate("TradingText", "Good till cancelled");
}

QString status(Trading::OrderStatus status)
{
    switch (status) {
    case Trading::OrderStatus::Working:
        return QCoreApplication::translate("TradingText", "working");
    case Trading::OrderStatus::Filled:
        return QCoreApplication::translate("TradingText", "filled");
    case Trading::OrderStatus::Cancelled:
        return QCoreApplication::translate("TradingText", "cancelled");
    case Trading::OrderStatus::Expired:
        return QCoreApplication::translate("TradingText", "expired");
    case Trading::OrderStatus::Rejected:
        return QCoreApplication::translate("TradingText", "rejected");
    }
    return {};
}

QString money(double value, bool sign)
{
    const double shown = std::round(value * 100) / 100; // never "-0.00"
    const QString text = QLocale().toString(shown == 0 ? 0.0 : shown, 'f', 2);
    return sign && shown > 0 ? QStringLiteral("+") + text : text;
}

QString quantity(double value)
{
    return value == std::round(value) ? QLocale().toString(qint64(value)) : QLocale().toString(value, 'f', 4);
}

QString price(double value)
{
    // As many decimals as it needs: 2 to 4, or up to 6 under 1.
    const int most = std::abs(value) < 1 ? 6 : 4;
    int decimals = 2;
    while (decimals < most &&
           std::abs(value * std::pow(10, decimals) - std::round(value * std::pow(10, decimals))) > 1e-6)
        ++decimals;
    return QLocale().toString(value, 'f', decimals);
}

QVariant pnlColor(double value)
{
    if (std::round(value * 100) == 0) // what shows as 0.00 is neither
        return {};
    return QBrush(value > 0 ? QColor(38, 166, 154) : QColor(239, 83, 80));
}

} // namespace Gui::TradingText
