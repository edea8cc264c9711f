// SPDX-License-Identifier: MIT
#include "ChartType.h"

#include <QCoreApplication>

namespace Gui {

QString chartTypeId(ChartType type)
{
    switch (type) {
    case ChartType::Candles:
        return QStringLiteral("candles");
    case ChartType::OhlcBars:
        return QStringLiteral("ohlc");
    case ChartType::Line:
        return QStringLiteral("line");
    case ChartType::HeikinAshi:
        return QStringLiteral("heikin-ashi");
    }
    return QStringLiteral("candles");
}

ChartType chartTypeFromId(const QString &id)
{
    for (ChartType type : AllChartTypes)
        if (chartTypeId(type) == id)
            return type;
    return ChartType::Candles;
}

QString chartTypeText(ChartType type)
{
    switch (type) {
    case ChartType::Candles:
        return QCoreApplication::translate("ChartType", "Candles");
    case ChartType::OhlcBars:
        return QCoreApplication::translate("ChartType", "OHLC bars");
    case ChartType::Line:
        return QCoreApplication::translate("ChartType", "Line");
    case ChartType::HeikinAshi:
        return QCoreApplication::translate("ChartType", "Heikin-Ashi");
    }
    return {};
}

} // namespace Gui
