// SPDX-License-Identifier: MIT
#pragma once

#include "AlertEvaluator.h"

#include <QHash>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace Alerts {

/// The alerts the engine evaluates, read from the database at start and again whenever one changes;
/// the pipeline's shards take the newest catalog with each batch of records, without waiting on a reload.
class AlertBook final
{
public:
    struct Catalog
    {
        std::vector<std::shared_ptr<const Definition>> alerts;
        QHash<QString, std::vector<std::size_t>> bySymbol;  ///< indices into alerts, by symbol
        std::vector<std::size_t> everySymbol;               ///< alerts on "*"
        std::map<std::pair<qint64, QString>, State> states; ///< stored states by (alert id, symbol)
        quint64 version = 0;

        /// The alerts of `symbol`, enabled or not, in id order.
        std::vector<std::shared_ptr<const Definition>> of(const QString &symbol) const;
    };

    /// The current catalog (never null).
    std::shared_ptr<const Catalog> catalog() const;
    /// Reads every alert and state from the database; on an error the catalog stays as it was.
    Util::Status reload(const QString &databasePath);
    /// Puts these alerts in place (tests, and reload).
    void set(std::vector<Definition> alerts, std::map<std::pair<qint64, QString>, State> states = {});

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const Catalog> m_catalog = std::make_shared<Catalog>();
    quint64 m_version = 0;
};

} // namespace Alerts
