// SPDX-License-Identifier: MIT
#pragma once

#include "PaperDesk.h"

#include <functional>

namespace Storage {
class StorageWriter;
}

namespace Trading {

/// Paper orders placed, changed and cancelled by the trader (window or REST API), by signals and by the
/// clock, each change stored through the storage writer. The trader's calls may wait while the writer's
/// queue is full: make them off the GUI thread (tick and onSignals never wait). The answer comes once the change is
/// committed (on the writer's thread), or at once when the desk refuses it.
class PaperOrders final
{
public:
    PaperOrders(PaperDesk &desk, Storage::StorageWriter &writer);

    /// The order as stored, or why not: the field named when the desk refused it ("id:" when no working order
    /// has that id), or the storage's error after NotStored.
    using Answer = std::function<void(const Util::Result<Order> &)>;

    void place(const Order &order, Answer answer);
    /// A working order's new quantity and prices (0: as they are).
    void modify(qint64 id, double quantity, double limitPrice, double stopPrice, Answer answer);
    /// `reason`: why, when not the trader's wish.
    void cancel(qint64 id, Answer answer, const QString &reason = {});
    /// Begins a new account with `startingCash`; `done` gets an error text, empty once stored.
    void reset(double startingCash, std::function<void(const QString &error)> done);

    /// The clock: day orders whose day ended, and a new day's starting equity.
    void tick(Model::TimestampUs now);
    /// The market orders the signals ask for (see AutoTrade), placed and stored.
    void onSignals(const Model::SignalList &signals, Model::TimestampUs now);

    PaperDesk &desk() noexcept { return m_desk; }

    static const QString NotStored;

private:
    /// Stores orders (and more, in the same transaction), then calls `done`; without `done`, never waits
    /// (a change that finds the writer's queue full is kept in memory only, and logged).
    void store(std::vector<Order> orders, std::function<Util::Status(Storage::SqliteDatabase &)> write,
               std::function<void(const QString &error)> done);

    PaperDesk &m_desk;
    Storage::StorageWriter &m_writer;
};

} // namespace Trading
