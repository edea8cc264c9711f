// SPDX-License-Identifier: MIT
#pragma once

#include "PaperOrders.h"
#include "backtest/Strategy.h"
#include "util/WorkerThread.h"

#include <QJsonObject>
#include <QTimeZone>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

namespace Storage {
class SqliteDatabase;
}

namespace Trading {

/// A strategy trading live on the paper account, on its symbols.
struct StrategyRun
{
    qint64 id = 0;
    QString name;
    QJsonObject definition; ///< the strategy's JSON form, as it was when the run began
    QStringList symbols;
    bool enabled = true;
};

/// Where a run stands on one symbol: its own position (apart from any other trading of the symbol), the orders it
/// waits on, and the newest bar it decided on.
struct RunPosition
{
    Model::TimestampUs lastBar = 0; ///< the open time of the newest closed bar decided on; 0: none yet
    int side = 0;                   ///< 1 long, -1 short, 0 flat
    double quantity = 0;
    double entryPrice = 0;
    int barsHeld = 0;
    qint64 entryOrder = 0;
    qint64 exitOrder = 0;
    qint64 stopOrder = 0;
    qint64 targetOrder = 0;
    int then = 0;       ///< after the exit fills, open this way (a reversal)
    QString lastAction; ///< what it did last, for the window

    QJsonObject toJson() const;
    static RunPosition fromJson(const QJsonObject &json);
    bool operator==(const RunPosition &) const = default;
};

/// A run as the window lists it.
struct RunStatus
{
    StrategyRun run;
    QString problem; ///< why it cannot trade (its strategy no longer reads), or empty
    std::map<QString, RunPosition> positions;
};

/// Trades saved strategies live on the paper account, by the same decisions as the strategy tester: on each
/// closed bar of the strategy's timeframe (read from the stored history, the engine's own bars) the conditions
/// are decided at the close, and a market order carries the decision out at the next record, which is the next
/// bar's open. A position's stop loss and take profit are a pair of orders at the broker, one cancelling the
/// other, so they fill inside a bar as a test assumes; a position held its maximum bars is closed at the next
/// open. A run keeps its own position per symbol and leaves other trading of the symbol alone; its orders say
/// which run placed them. A run starts deciding at the first bar that closes after it begins, never on the past.
///
/// Its state is stored before the orders a decision places, so a crash between the two loses that decision
/// rather than placing it twice. The passes run on a thread of its own (they read bars and wait for orders to
/// be stored); poll() is the pass, for tests with their own clock.
class StrategyTrader final
{
public:
    StrategyTrader(QString databasePath, PaperOrders &orders);
    ~StrategyTrader();

    /// Reads the runs and where they stand.
    Util::Status load();
    /// Passes every `interval` on a thread of its own, until stop().
    void start(std::chrono::milliseconds interval = std::chrono::seconds(1));
    void stop();
    /// One pass at time `now`: each run's orders looked at, and each symbol whose newest bar closed by `now`
    /// decided on.
    void poll(Model::TimestampUs now);

    /// Begins a run (stored); its id, or why not (a strategy that cannot run, no symbol). add(), setEnabled() and
    /// remove() wait for a pass under way (which may wait for the storage): call them off the GUI thread.
    Util::Result<qint64> add(StrategyRun run);
    /// Pauses or resumes a run: paused, it decides nothing, and its stops and targets stay at the broker.
    Util::Status setEnabled(qint64 id, bool enabled);
    /// Ends a run: its working orders are cancelled; positions it opened stay open in the account.
    Util::Status remove(qint64 id);
    /// The runs as the last change left them; never waits for a pass.
    std::vector<RunStatus> runs() const;
    /// Goes up with every change a view shows.
    quint64 version() const noexcept { return m_version.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        StrategyRun run;
        std::optional<Backtest::Strategy> strategy;
        QString problem;
        std::map<QString, RunPosition> positions;
        /// Per symbol, when its forming bar closes: no bar can close before, so its bars are not read until then.
        std::map<QString, Model::TimestampUs> due;
    };

    void step(Entry &entry, const QString &symbol, RunPosition &p, Model::TimestampUs now);
    /// Looks at the orders the run waits on; true when its position changed.
    bool settle(Entry &entry, const QString &symbol, RunPosition &p);
    void enter(Entry &entry, const QString &symbol, RunPosition &p, int direction, double lastClose);
    void protect(Entry &entry, const QString &symbol, RunPosition &p);
    /// Places an order and waits until it is stored: its id, or 0 after noting why not in `p`.
    qint64 place(Order order, RunPosition &p);
    void cancel(qint64 &id);
    Util::Status saveState(const Entry &entry);
    /// Copies the runs for runs() after a change (m_mutex held).
    void publish();
    Storage::SqliteDatabase *database();

    QString m_path;
    PaperOrders &m_orders;
    mutable std::mutex m_mutex; ///< the runs; a pass holds it
    std::vector<Entry> m_runs;
    std::unique_ptr<Storage::SqliteDatabase> m_db;
    Util::WorkerThread m_thread;
    std::atomic<quint64> m_version{0};
    mutable std::mutex m_snapshotMutex;
    std::vector<RunStatus> m_snapshot;
};

} // namespace Trading
