// SPDX-License-Identifier: MIT
#include "NumberText.h"

#include <QString>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

namespace Text {

namespace {

/// Room for any double in fixed notation with a few decimals (up to 309 digits before the point).
constexpr std::size_t MaxText = 352;
constexpr double Powers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/// Whether `value` lies exactly half way between two numbers of `decimals` decimals. Such a value is a double
/// with few binary digits after the point: scaled by a power of ten (exact) it is exactly a half-integer, and the
/// fused multiply-add says whether the rounded product was exact.
bool exactHalf(double value, int decimals)
{
    const double scale = Powers[decimals];
    const double scaled = value * scale;
    return std::fabs(scaled) < 0x1p51 && std::fabs(scaled - std::trunc(scaled)) == 0.5 &&
           std::fma(value, scale, -scaled) == 0;
}

} // namespace

void appendFixed(std::string &out, double value, int decimals)
{
    if (decimals < 0 || decimals >= int(std::size(Powers))) {
        out += QString::number(value, 'f', decimals).toStdString();
        return;
    }
    // Qt writes negative zero without its sign (a small negative value that rounds to zero keeps it: -0.00).
    if (value == 0)
        value = 0.0;
    const double scale = Powers[decimals];
    const double magnitude = std::fabs(value);
    const double scaled = magnitude * scale;
    if (scaled < 0x1p40) {
        // The usual case, in whole units of the last decimal. The product's rounding error (exact, from the fused
        // multiply-add) tells which side of a half the exact product lies when the rounded one is a half; an
        // exact half goes away from zero, as with Qt.
        const double error = std::fma(magnitude, scale, -scaled);
        double units = std::floor(scaled);
        const double fraction = scaled - units;
        if (fraction > 0.5 || (fraction == 0.5 && error >= 0))
            units += 1;
        const auto whole = std::uint64_t(units);
        const auto unit = std::uint64_t(scale);
        char text[32];
        char *at = text;
        if (value < 0)
            *at++ = '-';
        at = std::to_chars(at, text + sizeof text, whole / unit).ptr;
        if (decimals > 0) {
            *at++ = '.';
            char *digits = at + decimals;
            for (std::uint64_t rest = whole % unit; digits > at; rest /= 10)
                *--digits = char('0' + rest % 10);
            at += decimals;
        }
        out.append(text, std::size_t(at - text));
        return;
    }
    // std::to_chars rounds an exact half to the even digit, Qt away from zero: the next double outwards rounds
    // as Qt does.
    if (exactHalf(value, decimals))
        value = std::nextafter(value, value > 0 ? std::numeric_limits<double>::infinity()
                                                : -std::numeric_limits<double>::infinity());
    char text[MaxText];
    const auto written = std::to_chars(text, text + MaxText, value, std::chars_format::fixed, decimals);
    if (written.ec == std::errc())
        out.append(text, std::size_t(written.ptr - text));
    else
        out += QString::number(value, 'f', decimals).toStdString();
}

void appendGeneral(std::string &out, double value, int precision)
{
    // Rare in reasons (prices under 1, the rules' thresholds): Qt's own text.
    out += QString::number(value, 'g', precision).toStdString();
}

} // namespace Text
