// SPDX-License-Identifier: MIT
#include "NumberFormat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Gui {

QString compactCount(qint64 n)
{
    const QLocale locale;
    if (n >= 10'000'000'000)
        return QCoreApplication::translate("NumberFormat", "%1 B", "billions")
            .arg(locale.toString(double(n) / 1e9, 'f', 1));
    if (n >= 10'000'000)
        return QCoreApplication::translate("NumberFormat", "%1 M", "millions")
            .arg(locale.toString(double(n) / 1e6, 'f', 1));
    if (n >= 100'000)
        return QCoreApplication::translate("NumberFormat", "%1 K", "thousands")
            .arg(locale.toString(double(n) / 1e3, 'f', 0));
    return locale.toString(n);
}

QString signedPercent(double percent)
{
    // Rounded first, so a tiny fall never shows as "-0.00 %".
    const double shown = std::round(percent * 100.0) / 100.0;
    if (shown == 0)
        return QLocale().toString(0.0, 'f', 2) + QStringLiteral(" %");
    return (shown > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(shown, 'f', 2) + QStringLiteral(" %");
}

} // namespace Gui
