// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace Text {

/// Appends `value` with `decimals` digits after the point, as QString::number(value, 'f', decimals) writes it,
/// without QString's locale-aware formatting (a price-move signal's reason cost about 6,000 instructions that way).
void appendFixed(std::string &out, double value, int decimals);

/// Appends `value` with at most `precision` significant digits, as QString::number(value, 'g', precision) writes
/// it (trailing zeros dropped, an exponent below 1e-4 or from 10^precision on); by Qt itself.
void appendGeneral(std::string &out, double value, int precision = 6);

} // namespace Text
