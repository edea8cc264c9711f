// SPDX-License-Identifier: MIT
#include "PaperManager.h"

#include "io/TradeCsv.h"
#include "storage/SqliteDatabase.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Trading {

namespace {

/// Whether a trade falls in the query's symbol and days.
bool matches(const TradeQuery &q, const Storage::StoredTrade &t)
{
    if (!q.symbol.isEmpty() && !t.fill.symbol.startsWith(q.symbol))
        return false;
    if (q.from.isNull() && q.to.isNull())
        return true;
    const QDate day = QDateTime::fromMSecsSinceEpoch(t.fill.time / 1000, q.zone).date();
    return (q.from.isNull() || day >= q.from) && (q.to.isNull() || day <= q.to);
}

} // namespace

PaperManager::PaperManager(QString databasePath, PaperOrders &orders, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_orders(orders)
{
    m_worker.setMaxThreadCount(1); // in order, one at a time
    m_worker.setExpiryTimeout(-1);
    m_seen = m_orders.desk().version();
    m_seenTrades = m_orders.desk().tradesVersion();
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, &PaperManager::poll);
    m_poll.start();
}

PaperManager::~PaperManager()
{
    m_worker.waitForDone();
}

void PaperManager::poll()
{
    const quint64 version = m_orders.desk().version();
    if (version != m_seen) {
        m_seen = version;
        Q_EMIT changed();
    }
    // Trade lists read every trade again: once a second at most, however fast fills come.
    const quint64 trades = m_orders.desk().tradesVersion();
    if (trades != m_seenTrades && (!m_tradesTold.isValid() || m_tradesTold.elapsed() >= 1000)) {
        m_seenTrades = trades;
        m_tradesTold.start();
        Q_EMIT tradesChanged();
    }
}

void PaperManager::waitForIdle()
{
    m_worker.waitForDone();
}

void PaperManager::run(std::function<void()> work)
{
    m_worker.start(std::move(work));
}

PaperOrders::Answer PaperManager::answer()
{
    return [this](const Util::Result<Order> &order) {
        QMetaObject::invokeMethod(this, [this, order] {
            if (order)
                Q_EMIT orderDone(*order);
            else
                Q_EMIT failed(order.error());
            poll();
        });
    };
}

void PaperManager::place(const Order &order)
{
    run([this, order] { m_orders.place(order, answer()); });
}

void PaperManager::modify(qint64 id, double quantity, double limitPrice, double stopPrice)
{
    run([this, id, quantity, limitPrice, stopPrice] {
        m_orders.modify(id, quantity, limitPrice, stopPrice, answer());
    });
}

void PaperManager::cancel(qint64 id)
{
    run([this, id] { m_orders.cancel(id, answer()); });
}

void PaperManager::reset(double startingCash)
{
    run([this, startingCash] {
        m_orders.reset(startingCash, [this](const QString &error) {
            QMetaObject::invokeMethod(this, [this, error] {
                if (error.isEmpty())
                    Q_EMIT resetDone();
                else
                    Q_EMIT failed(error);
                poll();
            });
        });
    });
}

void PaperManager::setAutoTrades(std::vector<AutoTrade> entries)
{
    run([this, entries = std::move(entries)]() mutable {
        auto db = Storage::SqliteDatabase::open(m_path);
        Util::Status stored =
            db ? Storage::TradeStore::setAutoTrades(**db, entries) : Util::Status::failure(db.error());
        if (stored)
            m_orders.desk().setAutoTrades(std::move(entries));
        QMetaObject::invokeMethod(this, [this, error = stored ? QString() : stored.error()] {
            if (error.isEmpty())
                Q_EMIT autoTradesSaved();
            else
                Q_EMIT failed(error);
        });
    });
}

Util::Result<std::vector<Storage::StoredTrade>> PaperManager::readTrades() const
{
    using R = Util::Result<std::vector<Storage::StoredTrade>>;
    auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return R::failure(db.error());
    auto stored = Storage::TradeStore::allStored(**db);
    if (!stored)
        return stored;
    std::vector<Fill> fills;
    fills.reserve(stored->size());
    for (const Storage::StoredTrade &t : *stored)
        fills.push_back(t.fill);
    const std::vector<ReplayedTrade> replayed = replay(std::move(fills), QTimeZone::utc());
    for (std::size_t i = 0; i < stored->size(); ++i)
        (*stored)[i].fill.realized = replayed[i].fill.realized;
    return stored;
}

void PaperManager::listTrades(const TradeQuery &query)
{
    {
        std::lock_guard lock(m_queryMutex);
        const bool waiting = m_wantedList.has_value();
        m_wantedList = query;
        if (waiting)
            return; // the read that waits takes this query
    }
    run([this] {
        TradeQuery wanted;
        {
            std::lock_guard lock(m_queryMutex);
            wanted = *m_wantedList;
            m_wantedList.reset();
        }
        auto all = readTrades();
        if (!all) {
            QMetaObject::invokeMethod(this, [this, error = all.error()] { Q_EMIT failed(error); });
            return;
        }
        TradeList list;
        for (auto it = all->rbegin(); it != all->rend(); ++it) {
            if (!matches(wanted, *it))
                continue;
            if (list.matching++ < wanted.maxRows)
                list.trades.push_back(std::move(*it));
        }
        QMetaObject::invokeMethod(this, [this, list = std::move(list)] { Q_EMIT tradesListed(list); });
    });
}

void PaperManager::exportTrades(const TradeQuery &query, const QString &path)
{
    run([this, query, path] {
        auto all = readTrades();
        Util::Result<qint64> written = Util::Result<qint64>::failure(all ? QString() : all.error());
        if (all) {
            std::erase_if(*all, [&](const Storage::StoredTrade &t) { return !matches(query, t); });
            const std::atomic<bool> cancel{false};
            written = Io::exportTrades(*all, path, cancel);
        }
        QMetaObject::invokeMethod(this, [this, written, path] {
            if (written)
                Q_EMIT exported(*written, path);
            else
                Q_EMIT failed(written.error());
        });
    });
}

void PaperManager::analyzeDays(const QTimeZone &zone)
{
    run([this, zone] {
        auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
        auto fills = db ? Storage::TradeStore::all(**db) : Util::Result<std::vector<Fill>>::failure(db.error());
        if (!fills) {
            QMetaObject::invokeMethod(this, [this, error = fills.error()] { Q_EMIT failed(error); });
            return;
        }
        std::vector<DayStats> days = analyzeByDay(replay(std::move(*fills), zone));
        QMetaObject::invokeMethod(this, [this, days = std::move(days)] { Q_EMIT daysAnalyzed(days); });
    });
}

void PaperManager::loadFills(const QString &symbol)
{
    run([this, symbol] {
        auto db = Storage::SqliteDatabase::open(m_path, Storage::SqliteDatabase::Mode::ReadOnly);
        if (!db)
            return;
        Storage::TradeFilter filter;
        filter.symbol = symbol;
        filter.limit = 20'000; // the newest: marks far back on a chart matter least
        filter.newestFirst = true;
        auto trades = Storage::TradeStore::list(**db, filter);
        if (!trades)
            return;
        QMetaObject::invokeMethod(this,
                                  [this, symbol, trades = std::move(*trades)] { Q_EMIT fillsLoaded(symbol, trades); });
    });
}

} // namespace Trading
