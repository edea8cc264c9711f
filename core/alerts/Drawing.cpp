// SPDX-License-Identifier: MIT
#include "Drawing.h"

using namespace Qt::StringLiterals;

namespace Alerts {

namespace {

constexpr std::pair<Drawing::Kind, const char *> KindNames[] = {
    {Drawing::Kind::Horizontal, "horizontal"},
    {Drawing::Kind::Trend, "trend"},
    {Drawing::Kind::Rectangle, "rectangle"},
};

} // namespace

QString kindName(Drawing::Kind kind)
{
    for (const auto &[value, name] : KindNames)
        if (value == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Drawing::Kind> drawingKind(const QString &name)
{
    for (const auto &[value, text] : KindNames)
        if (name == QLatin1StringView(text))
            return value;
    return std::nullopt;
}

} // namespace Alerts
