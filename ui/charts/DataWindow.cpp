// SPDX-License-Identifier: MIT
#include "DataWindow.h"

#include "models/NumberFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace Gui {

namespace {

/// "SMA 100.02" when the bar has the value; prices to the decimals they need, at least two.
void addValue(QStringList &parts, const QString &name, double value, int decimals = 2)
{
    if (!std::isnan(value))
        parts.append(name + u' ' + QLocale().toString(value, 'f', decimals));
}

} // namespace

QString dataWindowText(const Pipeline::LiveBar &b, bool utc)
{
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(b.bar.timestamp / 1000, utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    const QLocale locale;
    const auto price = [&locale](double v) { return locale.toString(v, 'f', 2); };
    QStringList lines;
    lines.append(
        time.toString(utc ? QStringLiteral("yyyy-MM-dd hh:mm:ss 'UTC'") : QStringLiteral("yyyy-MM-dd hh:mm:ss")));
    lines.append(QCoreApplication::translate("DataWindow", "O %1  H %2  L %3  C %4  V %5")
                     .arg(price(b.bar.open), price(b.bar.high), price(b.bar.low), price(b.bar.close),
                          compactCount(b.bar.volume)));
    QStringList averages;
    addValue(averages, QStringLiteral("SMA"), b.sma);
    addValue(averages, QStringLiteral("EMA"), b.ema);
    addValue(averages, QStringLiteral("VWAP"), b.vwap);
    if (!averages.isEmpty())
        lines.append(averages.join(QStringLiteral("  ")));
    QStringList bands;
    addValue(bands, QCoreApplication::translate("DataWindow", "BB upper"), b.bollingerUpper);
    addValue(bands, QCoreApplication::translate("DataWindow", "middle"), b.bollingerMiddle);
    addValue(bands, QCoreApplication::translate("DataWindow", "lower"), b.bollingerLower);
    if (!bands.isEmpty())
        lines.append(bands.join(QStringLiteral("  ")));
    QStringList oscillators;
    addValue(oscillators, QStringLiteral("RSI"), b.rsi, 1);
    addValue(oscillators, QStringLiteral("ATR"), b.atr, 3);
    if (!oscillators.isEmpty())
        lines.append(oscillators.join(QStringLiteral("  ")));
    QStringList macd;
    addValue(macd, QStringLiteral("MACD"), b.macd, 3);
    addValue(macd, QCoreApplication::translate("DataWindow", "signal"), b.macdSignal, 3);
    addValue(macd, QCoreApplication::translate("DataWindow", "histogram"), b.macdHistogram, 3);
    if (!macd.isEmpty())
        lines.append(macd.join(QStringLiteral("  ")));
    return lines.join(u'\n');
}

} // namespace Gui
