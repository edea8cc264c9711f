// SPDX-License-Identifier: MIT
#pragma once

#include "DailyAnalysis.h"
#include "PaperOrders.h"
#include "storage/TradeStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <mutex>

namespace Trading {

/// Which trades a trade list shows: of the symbols beginning with `symbol` (all when empty), on the days from `from` to
/// `to` (both included, either open) in `zone`, the newest `maxRows` of them.
struct TradeQuery
{
    QString symbol;
    QDate from;
    QDate to;
    QTimeZone zone = QTimeZone::utc();
    int maxRows = 5000;
    bool operator==(const TradeQuery &) const = default;
};

/// Trades as a list shows them: newest first, each with the P/L it realized (first in, first out, within
/// its account), and how many matched in all.
struct TradeList
{
    std::vector<Storage::StoredTrade> trades;
    qint64 matching = 0;
};

/// The paper account as the window shows and works it. Orders go through PaperOrders off the GUI thread;
/// the account and the working orders are read from the desk (copies, under its lock) whenever changed()
/// says they moved; trades and the day-by-day analysis are read on a worker thread with a connection of
/// its own. Answers come back as signals on the manager's thread.
class PaperManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperManager)

public:
    PaperManager(QString databasePath, PaperOrders &orders, QObject *parent = nullptr);
    ~PaperManager() override;

    Account account() const { return m_orders.desk().account(); }
    double held(const QString &symbol) const { return m_orders.desk().held(symbol); }
    std::vector<Order> orders() const { return m_orders.desk().orders(); }
    std::vector<Order> workingOrders() const { return m_orders.desk().workingOrders(); }
    std::optional<Order> order(qint64 id) const { return m_orders.desk().order(id); }
    qint64 accountId() const { return m_orders.desk().accountId(); }
    /// Whether the desk would take the order now, and why not.
    Util::Status check(const Order &order) const { return m_orders.desk().check(order); }

    /// orderDone() or failed() tells.
    void place(const Order &order);
    void modify(qint64 id, double quantity, double limitPrice, double stopPrice);
    void cancel(qint64 id);
    /// Begins a new account; resetDone() or failed() tells.
    void reset(double startingCash);
    /// Which signals trade (see AutoTrade).
    std::vector<AutoTrade> autoTrades() const { return m_orders.desk().autoTrades(); }
    /// Stores them and has the desk trade on them; autoTradesSaved() or failed() tells.
    void setAutoTrades(std::vector<AutoTrade> entries);

    /// tradesListed() brings them; a request while one waits replaces it.
    void listTrades(const TradeQuery &query);
    /// Writes the trades `query` matches (all of them, oldest first) to a CSV file; exported() or failed().
    void exportTrades(const TradeQuery &query, const QString &path);
    /// daysAnalyzed() brings every day with trades, in `zone`.
    void analyzeDays(const QTimeZone &zone);
    /// fillsLoaded() brings a symbol's newest 20,000 trades, newest first (for marks on its chart).
    void loadFills(const QString &symbol);

    /// Waits until every request so far is done (tests, and quitting).
    void waitForIdle();

Q_SIGNALS:
    /// Orders, positions or prices changed (looked at four times a second).
    void changed();
    /// A trade was made, entered, changed or deleted, or the account was reset (once a second at most).
    void tradesChanged();
    void orderDone(const Trading::Order &order);
    void resetDone();
    void autoTradesSaved();
    void failed(const QString &error);
    void tradesListed(const Trading::TradeList &list);
    void exported(qint64 rows, const QString &path);
    void daysAnalyzed(const std::vector<Trading::DayStats> &days);
    void fillsLoaded(const QString &symbol, const std::vector<Storage::StoredTrade> &trades);

private:
    /// Runs `work` on the worker thread.
    void run(std::function<void()> work);
    /// On the worker: every trade, oldest first, each with what it realized; or why not.
    Util::Result<std::vector<Storage::StoredTrade>> readTrades() const;
    /// The answer for an order request, brought to the manager's thread.
    PaperOrders::Answer answer();
    void poll();

    QString m_path;
    PaperOrders &m_orders;
    QThreadPool m_worker;
    QTimer m_poll;
    quint64 m_seen = 0;
    quint64 m_seenTrades = 0;
    QElapsedTimer m_tradesTold; ///< since tradesChanged() was last emitted
    std::mutex m_queryMutex;
    std::optional<TradeQuery> m_wantedList; ///< the newest list asked for and not yet read
};

} // namespace Trading
