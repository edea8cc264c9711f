// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

/// How the bar tables store a price. A price quoted to at most four decimals (stocks, futures, most
/// crypto pairs above a cent) is stored as a whole number of ten-thousandths: SQLite keeps such an
/// integer in 3 or 4 bytes instead of an 8-byte float. Any other price is stored as the float it is.
/// Either way the value read back is the very double that was written: a price becomes units only
/// when dividing the units by the scale gives that double again.
namespace Storage::PriceCodec {

constexpr double Scale = 10000.0;
/// The same decoding in SQL, for views over the bar tables (`%1` is the column).
constexpr const char *SqlDecode = "CASE WHEN typeof(%1) = 'integer' THEN %1 / 10000.0 ELSE %1 END";

inline double fromUnits(std::int64_t units)
{
    return double(units) / Scale;
}

inline std::optional<std::int64_t> toUnits(double price)
{
    if (!(std::abs(price) < 1e12) || (price == 0 && std::signbit(price)))
        return std::nullopt;
    // Rounded half away from zero, inline: std::llround is a call into libm, and this runs four times for each
    // row encoded. Where the addition itself rounds (beyond 2^52 units) the check below refuses the result.
    const double scaled = price * Scale;
    const auto units = std::int64_t(scaled + (scaled < 0 ? -0.5 : 0.5));
    if (fromUnits(units) != price)
        return std::nullopt;
    return units;
}

} // namespace Storage::PriceCodec
