// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>

namespace Storage {

/// One stored bar as the bar tables hold it.
struct BarRow
{
    std::int64_t symbolId = 0;
    std::int64_t timestamp = 0;
    std::int64_t seq = 0; ///< arrival order over all symbols; orders bars of equal time
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    std::int64_t volume = 0;
};

/// One symbol's rows in time order, rows of the same time in the order they arrived.
inline bool inTimeOrder(const BarRow &a, const BarRow &b)
{
    return std::tie(a.timestamp, a.seq) < std::tie(b.timestamp, b.seq);
}

/// The first of `rows` (in time order) at or after time `t`.
template<typename It>
It firstFrom(It first, It last, std::int64_t t)
{
    return std::lower_bound(first, last, t, [](const BarRow &r, std::int64_t time) { return r.timestamp < time; });
}

/// The compact form in which a bar log keeps many rows in one value. Each row is stored as differences
/// from the row before it (sequence, symbol id, time, open) and from its own open (high, low, close), as
/// variable-length integers: a row of a price quoted to four decimals takes about 15 bytes instead of the
/// 45 a table row with its key takes. A price that is not a whole number of ten-thousandths (PriceCodec.h)
/// is kept as the exact double. Decoding gives back the very values encoded.
namespace BarRowCodec {

/// The first byte of every encoded value: the form's version.
constexpr char Version = 1;

/// Appends `count` rows to `out`, which starts a value when empty.
void encode(const BarRow *rows, std::size_t count, std::string &out);

/// Reads an encoded value row by row.
class Reader final
{
public:
    Reader(const void *data, std::size_t size);
    /// The next row into `row`; false at the end or when the value is damaged (then failed() says so).
    bool next(BarRow &row);
    bool failed() const noexcept { return m_failed; }

private:
    bool varint(std::uint64_t &value);
    bool delta(std::int64_t &value);

    const unsigned char *m_at;
    const unsigned char *m_end;
    bool m_failed = false;
    BarRow m_previous;
    std::int64_t m_previousOpenUnits = 0;
};

} // namespace BarRowCodec
} // namespace Storage
