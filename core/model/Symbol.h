// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

namespace Model {

/// A ticker symbol: 1–16 characters of A-Z 0-9 . - ^ =, stored inline so that
/// copying, hashing and comparing never touch the heap.
class Symbol final
{
public:
    static constexpr std::size_t MaxLength = 16; ///< two 8-byte words: operator== and hash() read them

    Symbol() = default;

    /// Returns true when `text` is a valid symbol; fills `out` when it is.
    static bool parse(std::string_view text, Symbol &out) noexcept;
    /// The same for text from Qt: settings, the command line, the database.
    static bool fromString(const QString &text, Symbol &out);
    /// Capitals, digits and . - ^ = (inline: parse() asks it of every character of every record).
    static constexpr bool isValidChar(char c) noexcept
    {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '^' || c == '=';
    }

    bool isEmpty() const noexcept { return m_size == 0; }
    std::size_t size() const noexcept { return m_size; }
    std::string_view view() const noexcept { return {m_chars.data(), m_size}; }
    QString toString() const { return QString::fromLatin1(m_chars.data(), m_size); }

    /// The characters past size() are always zero (parse() clears them), so two symbols are equal when their
    /// sizes and their whole arrays are: two 8-byte words compared, no call.
    friend bool operator==(const Symbol &a, const Symbol &b) noexcept
    {
        return a.m_size == b.m_size && a.word(0) == b.word(0) && a.word(1) == b.word(1);
    }
    friend auto operator<=>(const Symbol &a, const Symbol &b) noexcept { return a.view() <=> b.view(); }

    /// A hash of the two words (a multiply for each, then MurmurHash3's 64-bit finalizer): every bit of every
    /// character reaches the low bits that hash tables index by.
    std::size_t hash() const noexcept
    {
        std::uint64_t h = word(0) * 0x9E3779B97F4A7C15ULL ^ std::rotl(word(1) * 0xC2B2AE3D27D4EB4FULL, 31) ^ m_size;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        h ^= h >> 33;
        return std::size_t(h);
    }

private:
    std::uint64_t word(std::size_t i) const noexcept
    {
        std::uint64_t w;
        std::memcpy(&w, m_chars.data() + 8 * i, sizeof w);
        return w;
    }

    std::array<char, MaxLength> m_chars{};
    std::uint8_t m_size = 0;
};

} // namespace Model

template<>
struct std::hash<Model::Symbol>
{
    std::size_t operator()(const Model::Symbol &s) const noexcept { return s.hash(); }
};

Q_DECLARE_METATYPE(Model::Symbol)
