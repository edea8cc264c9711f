// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"
#include "util/Result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Storage {

class SqliteDatabase;
class Statement;

/// One notification waiting in the outbox: a stored signal for one channel.
struct OutboxEntry
{
    qint64 id = 0;
    QString batch; ///< set once a message was formed for it: retries send the same message
    int attempts = 0;
    Model::TradeSignal signal;
};

/// Where a signal's notification on one channel stands.
enum class Delivery
{
    Pending,
    Delivered,
    Failed,
};
/// `pending`, `delivered` or `failed`, as stored and as the REST API says it.
const char *deliveryName(Delivery delivery) noexcept;

/// Delivery state of one signal on one channel, for the panel and the REST API.
struct DeliveryState
{
    qint64 signalId = 0;
    QString channel;
    Delivery status = Delivery::Pending;
    QString error; ///< the last one, when there was one
};

/// The notification outbox in the database (schema step 2). Rows are written
/// by the storage writer in the same transaction as their signal; this class, with a
/// connection of its own, reads what is due and records what became of it.
/// Not thread-safe: one per deliverer thread.
class Outbox final
{
public:
    static Util::Result<std::unique_ptr<Outbox>> open(const QString &databasePath);
    ~Outbox();

    /// Which channels get a row for each new signal (and whether alerts too); replaces the list.
    Util::Status setChannels(const std::vector<std::pair<QString, bool>> &channels);

    /// Pending entries of `channel` due at `nowUs`, oldest first: those of the oldest batch
    /// when one is open (a retry), else those without a batch.
    Util::Result<std::vector<OutboxEntry>> due(const QString &channel, qint64 nowUs, int limit);
    /// When the message already formed for `channel` and not yet accepted is due again (epoch µs);
    /// nothing when there is none.
    std::optional<qint64> openBatchDue(const QString &channel);
    /// The oldest creation time of pending entries without a batch (for digests).
    std::optional<qint64> oldestUnbatched(const QString &channel);

    Util::Status assignBatch(const std::vector<qint64> &ids, const QString &batch);
    Util::Status markDelivered(const std::vector<qint64> &ids, qint64 nowUs);
    Util::Status markRetry(const std::vector<qint64> &ids, const QString &error, qint64 nextAttemptUs);
    Util::Status markFailed(const std::vector<qint64> &ids, const QString &error);

    /// Entries of `channel` still to deliver.
    qint64 pending(const QString &channel);

private:
    explicit Outbox(std::unique_ptr<SqliteDatabase> db);
    /// The one number `sql` answers for the channel bound to ?1; nothing for NULL or an error.
    std::optional<qint64> channelValue(const char *sql, const QString &channel);
    Util::Status update(const char *sql, const std::vector<qint64> &ids, const std::function<void(Statement &)> &bind);

    std::unique_ptr<SqliteDatabase> m_db;
};

/// Delivery states of these signals, read on any connection (the REST API's readers).
std::vector<DeliveryState> deliveryStates(SqliteDatabase &db, const std::vector<qint64> &signalIds);

} // namespace Storage
