// SPDX-License-Identifier: MIT
#include "BarRowCodec.h"

#include "PriceCodec.h"

#include <cstring>

namespace Storage::BarRowCodec {

namespace {

/// Flags of a row's first byte.
constexpr unsigned char PricesInUnits = 1;

/// Differences wrap like unsigned numbers, so that no pair of 64-bit values overflows.
std::uint64_t difference(std::int64_t value, std::int64_t previous)
{
    return std::uint64_t(value) - std::uint64_t(previous);
}

std::uint64_t zigzag(std::uint64_t d)
{
    return (d << 1) ^ std::uint64_t(std::int64_t(d) >> 63);
}

/// Writes at `at` and returns where the next byte goes.
char *putVarint(std::uint64_t v, char *at)
{
    while (v >= 0x80) {
        *at++ = char((v & 0x7f) | 0x80);
        v >>= 7;
    }
    *at++ = char(v);
    return at;
}

char *putDelta(std::int64_t value, std::int64_t previous, char *at)
{
    return putVarint(zigzag(difference(value, previous)), at);
}

char *putDouble(double value, char *at)
{
    std::memcpy(at, &value, sizeof value);
    return at + sizeof value;
}

/// The most one row takes: its flags and eight variable-length integers of at most ten bytes (four doubles in
/// place of four of them take less).
constexpr std::size_t MaxRowBytes = 1 + 8 * 10;
static_assert(4 * sizeof(double) <= 4 * 10);

} // namespace

void encode(const BarRow *rows, std::size_t count, std::string &out)
{
    if (out.empty())
        out.push_back(Version);
    out.reserve(out.size() + count * 16);
    BarRow previous;
    std::int64_t previousOpen = 0;
    // Rows are put together in a buffer and appended a few kilobytes at a time: a byte at a time into the
    // string, each push checked its capacity and moved its terminator, which was half of what encoding cost.
    char chunk[4096];
    char *at = chunk;
    for (std::size_t i = 0; i < count; ++i) {
        if (std::size_t(chunk + sizeof chunk - at) < MaxRowBytes) {
            out.append(chunk, std::size_t(at - chunk));
            at = chunk;
        }
        const BarRow &r = rows[i];
        const auto open = PriceCodec::toUnits(r.open), high = PriceCodec::toUnits(r.high),
                   low = PriceCodec::toUnits(r.low), close = PriceCodec::toUnits(r.close);
        const bool units = open && high && low && close;
        *at++ = char(units ? PricesInUnits : 0);
        at = putDelta(r.seq, previous.seq, at);
        at = putDelta(r.symbolId, previous.symbolId, at);
        at = putDelta(r.timestamp, previous.timestamp, at);
        if (units) {
            at = putDelta(*open, previousOpen, at);
            at = putDelta(*high, *open, at);
            at = putDelta(*low, *open, at);
            at = putDelta(*close, *open, at);
            previousOpen = *open;
        } else {
            at = putDouble(r.open, at);
            at = putDouble(r.high, at);
            at = putDouble(r.low, at);
            at = putDouble(r.close, at);
        }
        at = putDelta(r.volume, 0, at);
        previous = r;
    }
    out.append(chunk, std::size_t(at - chunk));
}

Reader::Reader(const void *data, std::size_t size)
    : m_at(static_cast<const unsigned char *>(data))
    , m_end(m_at + size)
{
    if (size == 0 || *m_at != static_cast<unsigned char>(Version))
        m_failed = true;
    else
        ++m_at;
}

bool Reader::varint(std::uint64_t &value)
{
    value = 0;
    for (int shift = 0; shift < 64 && m_at < m_end; shift += 7) {
        const unsigned char byte = *m_at++;
        value |= std::uint64_t(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    m_failed = true;
    return false;
}

bool Reader::delta(std::int64_t &value)
{
    std::uint64_t z = 0;
    if (!varint(z))
        return false;
    value = std::int64_t((z >> 1) ^ (0 - (z & 1)));
    return true;
}

bool Reader::next(BarRow &row)
{
    if (m_failed || m_at == m_end)
        return false;
    const unsigned char flags = *m_at++;
    std::int64_t seq = 0, symbol = 0, time = 0, volume = 0;
    if (flags > PricesInUnits || !delta(seq) || !delta(symbol) || !delta(time)) {
        m_failed = true;
        return false;
    }
    row.seq = std::int64_t(std::uint64_t(m_previous.seq) + std::uint64_t(seq));
    row.symbolId = std::int64_t(std::uint64_t(m_previous.symbolId) + std::uint64_t(symbol));
    row.timestamp = std::int64_t(std::uint64_t(m_previous.timestamp) + std::uint64_t(time));
    if (flags & PricesInUnits) {
        std::int64_t open = 0, high = 0, low = 0, close = 0;
        if (!delta(open) || !delta(high) || !delta(low) || !delta(close))
            return false;
        open = std::int64_t(std::uint64_t(m_previousOpenUnits) + std::uint64_t(open));
        m_previousOpenUnits = open;
        row.open = PriceCodec::fromUnits(open);
        row.high = PriceCodec::fromUnits(std::int64_t(std::uint64_t(open) + std::uint64_t(high)));
        row.low = PriceCodec::fromUnits(std::int64_t(std::uint64_t(open) + std::uint64_t(low)));
        row.close = PriceCodec::fromUnits(std::int64_t(std::uint64_t(open) + std::uint64_t(close)));
    } else {
        if (m_end - m_at < 32) {
            m_failed = true;
            return false;
        }
        double prices[4];
        std::memcpy(prices, m_at, sizeof prices);
        m_at += sizeof prices;
        row.open = prices[0];
        row.high = prices[1];
        row.low = prices[2];
        row.close = prices[3];
    }
    if (!delta(volume))
        return false;
    row.volume = volume;
    m_previous = row;
    return true;
}

} // namespace Storage::BarRowCodec
