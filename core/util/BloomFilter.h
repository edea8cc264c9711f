// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace Util {

/// A set of strings in a fixed amount of memory that may answer "maybe" for a string never added, never
/// "no" for one that was: for remembering which of any number of names were seen, at a bounded cost.
class BloomFilter final
{
public:
    explicit BloomFilter(std::size_t bits = std::size_t(1) << 23)
        : m_words((bits + 63) / 64, 0)
    {}

    void add(std::string_view key)
    {
        const auto [a, b] = hashes(key);
        for (std::uint64_t i = 0; i < Probes; ++i)
            set(a + i * b);
    }
    bool mayContain(std::string_view key) const
    {
        const auto [a, b] = hashes(key);
        for (std::uint64_t i = 0; i < Probes; ++i)
            if (!test(a + i * b))
                return false;
        return true;
    }

private:
    static constexpr std::uint64_t Probes = 3;

    static std::pair<std::uint64_t, std::uint64_t> hashes(std::string_view key)
    {
        const std::uint64_t h = std::hash<std::string_view>{}(key);
        // A second, independent-enough hash from the first (double hashing); odd so it walks every bit.
        const std::uint64_t g = (h * 0x9e3779b97f4a7c15ULL) ^ (h >> 29);
        return {h, g | 1};
    }
    void set(std::uint64_t h)
    {
        const std::uint64_t bit = h % (m_words.size() * 64);
        m_words[bit / 64] |= std::uint64_t(1) << (bit % 64);
    }
    bool test(std::uint64_t h) const
    {
        const std::uint64_t bit = h % (m_words.size() * 64);
        return (m_words[bit / 64] >> (bit % 64)) & 1;
    }

    std::vector<std::uint64_t> m_words;
};

} // namespace Util
