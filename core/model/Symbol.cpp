// SPDX-License-Identifier: MIT
#include "Symbol.h"

#include <algorithm>

namespace Model {

bool Symbol::parse(std::string_view text, Symbol &out) noexcept
{
    if (text.empty() || text.size() > MaxLength || !std::all_of(text.begin(), text.end(), isValidChar))
        return false;
    out.m_chars.fill('\0');
    std::copy(text.begin(), text.end(), out.m_chars.begin());
    out.m_size = static_cast<std::uint8_t>(text.size());
    return true;
}

bool Symbol::fromString(const QString &text, Symbol &out)
{
    // Characters outside Latin-1 become '?', which no symbol contains.
    const QByteArray latin = text.toLatin1();
    return parse(std::string_view(latin.constData(), std::size_t(latin.size())), out);
}

} // namespace Model
