// SPDX-License-Identifier: MIT
#include "SymbolProfile.h"

#include <cmath>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace Sim {

namespace {

constexpr int MaxSymbols = 100'000;

Util::Result<double> number(const QString &text, const QString &item, const char *what, double lo, double hi)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi)
        return Util::Result<double>::failure(
            u"\"%1\": %2 \"%3\" must be a number from %4 to %5"_s.arg(item, QLatin1String(what), text).arg(lo).arg(hi));
    return v;
}

} // namespace

Util::Result<std::vector<SymbolProfile>> parseProfiles(const QStringList &items, const SymbolProfile &defaults)
{
    using R = Util::Result<std::vector<SymbolProfile>>;
    std::vector<SymbolProfile> out;
    std::unordered_set<Model::Symbol> seen;
    if (items.size() == 1) {
        bool isCount = false;
        const int count = items.constFirst().trimmed().toInt(&isCount);
        if (isCount) {
            if (count < 1 || count > MaxSymbols)
                return R::failure(u"a symbol count must be from 1 to %1"_s.arg(MaxSymbols));
            for (int i = 0; i < count; ++i) {
                SymbolProfile p = defaults;
                Model::Symbol::fromString(u"SIM%1"_s.arg(i + 1), p.symbol);
                p.startPrice = defaults.startPrice * (1.0 + 0.5 * (i % 20));
                out.push_back(p);
            }
            return out;
        }
    }
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(u'=');
        const QString name = (eq < 0 ? item : item.left(eq)).toUpper();
        SymbolProfile p = defaults;
        if (!Model::Symbol::fromString(name, p.symbol))
            return R::failure(u"\"%1\" is not a symbol (1 to 16 of A-Z 0-9 . - ^ =)"_s.arg(name));
        p.startPrice = defaults.startPrice * (1.0 + 0.5 * double(out.size() % 20));
        if (eq >= 0) {
            const QStringList parts = item.mid(eq + 1).split(u':');
            if (parts.size() > 3)
                return R::failure(u"\"%1\": expected SYMBOL=PRICE:DRIFT:VOLATILITY"_s.arg(item));
            const char *names[] = {"price", "drift", "volatility"};
            const double lo[] = {0.0001, -10, 0};
            const double hi[] = {1e9, 10, 10};
            double *targets[] = {&p.startPrice, &p.annualDrift, &p.annualVolatility};
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (parts[i].isEmpty())
                    continue;
                const auto v = number(parts[i], item, names[i], lo[i], hi[i]);
                if (!v)
                    return R::failure(v.error());
                *targets[i] = *v;
            }
        }
        if (!seen.insert(p.symbol).second)
            return R::failure(u"%1 is listed twice"_s.arg(name));
        out.push_back(p);
        if (out.size() > std::size_t(MaxSymbols))
            return R::failure(u"more than %1 symbols"_s.arg(MaxSymbols));
    }
    if (out.empty())
        return R::failure(u"no symbols given"_s);
    return out;
}

} // namespace Sim
