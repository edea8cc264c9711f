// SPDX-License-Identifier: MIT
#include "AlertBook.h"

#include "storage/AlertStore.h"
#include "storage/SqliteDatabase.h"

#include <algorithm>

namespace Alerts {

std::vector<std::shared_ptr<const Definition>> AlertBook::Catalog::of(const QString &symbol) const
{
    std::vector<std::size_t> indices = everySymbol;
    if (const auto it = bySymbol.constFind(symbol); it != bySymbol.cend())
        indices.insert(indices.end(), it->begin(), it->end());
    std::sort(indices.begin(), indices.end());
    std::vector<std::shared_ptr<const Definition>> out;
    out.reserve(indices.size());
    for (const std::size_t i : indices)
        out.push_back(alerts[i]);
    return out;
}

std::shared_ptr<const AlertBook::Catalog> AlertBook::catalog() const
{
    std::lock_guard lock(m_mutex);
    return m_catalog;
}

void AlertBook::set(std::vector<Definition> alerts, std::map<std::pair<qint64, QString>, State> states)
{
    auto catalog = std::make_shared<Catalog>();
    std::sort(alerts.begin(), alerts.end(), [](const Definition &a, const Definition &b) { return a.id < b.id; });
    for (Definition &alert : alerts) {
        const std::size_t index = catalog->alerts.size();
        if (alert.symbols.contains(QStringLiteral("*")))
            catalog->everySymbol.push_back(index);
        else
            for (const QString &symbol : std::as_const(alert.symbols))
                catalog->bySymbol[symbol].push_back(index);
        catalog->alerts.push_back(std::make_shared<const Definition>(std::move(alert)));
    }
    catalog->states = std::move(states);
    std::lock_guard lock(m_mutex);
    catalog->version = ++m_version;
    m_catalog = std::move(catalog);
}

Util::Status AlertBook::reload(const QString &databasePath)
{
    auto db = Storage::SqliteDatabase::open(databasePath, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return Util::Status::failure(db.error());
    auto stored = Storage::AlertStore::all(**db);
    if (!stored)
        return Util::Status::failure(stored.error());
    std::vector<Definition> alerts;
    std::map<std::pair<qint64, QString>, State> states;
    for (const Storage::StoredAlert &s : *stored) {
        if (!s.error.isEmpty())
            continue; // listed with its reason, never evaluated
        alerts.push_back(s.alert);
        auto rows = Storage::AlertStore::states(**db, s.alert.id);
        if (!rows)
            return Util::Status::failure(rows.error());
        for (const Storage::StoredAlertState &row : *rows)
            states[{s.alert.id, row.symbol}] = row.state;
    }
    set(std::move(alerts), std::move(states));
    return {};
}

} // namespace Alerts
