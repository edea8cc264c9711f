// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>

namespace Model {

/// A ticker symbol: 1–16 characters of A-Z 0-9 . - ^ =, stored inline so that
/// copying, hashing and comparing never touch the heap.
class Symbol final
{
public:
    static constexpr std::size_t MaxLength = 16;

    Symbol() = default;

    /// Returns true when `text` is a valid symbol; fills `out` when it is.
    static bool parse(std::string_view text, Symbol &out) noexcept;
    /// The same for text from Qt: settings, the command line, the database.
    static bool fromString(const QString &text, Symbol &out);
    static bool isValidChar(char c) noexcept;

    bool isEmpty() const noexcept { return m_size == 0; }
    std::size_t size() const noexcept { return m_size; }
    std::string_view view() const noexcept { return {m_chars.data(), m_size}; }
    QString toString() const { return QString::fromLatin1(m_chars.data(), m_size); }

    friend bool operator==(const Symbol &a, const Symbol &b) noexcept { return a.view() == b.view(); }
    friend auto operator<=>(const Symbol &a, const Symbol &b) noexcept { return a.view() <=> b.view(); }

private:
    std::array<char, MaxLength> m_chars{};
    std::uint8_t m_size = 0;
};

} // namespace Model

template<>
struct std::hash<Model::Symbol>
{
    std::size_t operator()(const Model::Symbol &s) const noexcept { return std::hash<std::string_view>{}(s.view()); }
};

Q_DECLARE_METATYPE(Model::Symbol)
