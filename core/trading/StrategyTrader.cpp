// SPDX-License-Identifier: MIT
#include "StrategyTrader.h"

#include "backtest/Simulator.h"
#include "storage/BarQueries.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <future>

using namespace Qt::StringLiterals;

namespace Trading {

namespace {

/// Bars read before the newest to decide on it: enough for the indicators to settle.
constexpr qint64 WarmBars = 600;

QString noteOf(const StrategyRun &run, const char *what)
{
    return u"strategy %1 (%2): %3"_s.arg(run.id).arg(run.name, QLatin1StringView(what));
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

void bindText(Storage::Statement &st, int index, const QByteArray &text)
{
    st.bindText(index, {text.constData(), std::size_t(text.size())});
}

} // namespace

QJsonObject RunPosition::toJson() const
{
    return QJsonObject{{u"last_bar"_s, qint64(lastBar)}, {u"side"_s, side},
                       {u"quantity"_s, quantity},        {u"entry_price"_s, entryPrice},
                       {u"bars_held"_s, barsHeld},       {u"entry_order"_s, entryOrder},
                       {u"exit_order"_s, exitOrder},     {u"stop_order"_s, stopOrder},
                       {u"target_order"_s, targetOrder}, {u"then"_s, then},
                       {u"last_action"_s, lastAction}};
}

RunPosition RunPosition::fromJson(const QJsonObject &json)
{
    RunPosition p;
    p.lastBar = json.value(u"last_bar"_s).toInteger();
    p.side = json.value(u"side"_s).toInt();
    p.quantity = json.value(u"quantity"_s).toDouble();
    p.entryPrice = json.value(u"entry_price"_s).toDouble();
    p.barsHeld = json.value(u"bars_held"_s).toInt();
    p.entryOrder = json.value(u"entry_order"_s).toInteger();
    p.exitOrder = json.value(u"exit_order"_s).toInteger();
    p.stopOrder = json.value(u"stop_order"_s).toInteger();
    p.targetOrder = json.value(u"target_order"_s).toInteger();
    p.then = json.value(u"then"_s).toInt();
    p.lastAction = json.value(u"last_action"_s).toString();
    return p;
}

StrategyTrader::StrategyTrader(QString databasePath, PaperOrders &orders)
    : m_path(std::move(databasePath))
    , m_orders(orders)
{}

StrategyTrader::~StrategyTrader()
{
    stop();
}

Storage::SqliteDatabase *StrategyTrader::database()
{
    if (!m_db)
        if (auto db = Storage::SqliteDatabase::open(m_path))
            if (Storage::Schema::migrate(**db))
                m_db = std::move(*db);
    return m_db.get();
}

Util::Status StrategyTrader::load()
{
    std::lock_guard lock(m_mutex);
    Storage::SqliteDatabase *db = database();
    if (!db)
        return Util::Status::failure(u"strategies trading live: the database %1 cannot be opened"_s.arg(m_path));
    auto st = db->prepare("SELECT id, name, definition, symbols, enabled, state FROM strategy_runs ORDER BY id");
    if (!st)
        return Util::Status::failure(st.error());
    m_runs.clear();
    while (st->step() == Storage::Step::Row) {
        Entry e;
        e.run.id = st->columnInt64(0);
        e.run.name = st->columnText(1);
        e.run.definition = QJsonDocument::fromJson(st->columnText(2).toUtf8()).object();
        e.run.symbols = st->columnText(3).split(u',', Qt::SkipEmptyParts);
        e.run.enabled = st->columnInt64(4) != 0;
        const QJsonObject state = QJsonDocument::fromJson(st->columnText(5).toUtf8()).object();
        for (auto it = state.constBegin(); it != state.constEnd(); ++it)
            e.positions[it.key()] = RunPosition::fromJson(it.value().toObject());
        if (auto strategy = Backtest::strategyFromJson(e.run.definition))
            e.strategy = *strategy;
        else
            e.problem = strategy.error();
        m_runs.push_back(std::move(e));
    }
    publish();
    return {};
}

Util::Status StrategyTrader::saveState(const Entry &entry)
{
    Storage::SqliteDatabase *db = database();
    if (!db)
        return Util::Status::failure(u"the database cannot be opened"_s);
    QJsonObject state;
    for (const auto &[symbol, p] : entry.positions)
        state.insert(symbol, p.toJson());
    auto st = db->prepare("UPDATE strategy_runs SET state = ?1, enabled = ?2, updated_us = ?3 WHERE id = ?4");
    if (!st)
        return Util::Status::failure(st.error());
    const QByteArray text = compact(state); // bound, not copied: it lives until the step
    bindText(*st, 1, text);
    st->bind(2, std::int64_t(entry.run.enabled ? 1 : 0));
    st->bind(3, std::int64_t(Util::wallClockUs()));
    st->bind(4, std::int64_t(entry.run.id));
    if (st->step() != Storage::Step::Done)
        return Util::Status::failure(db->lastError());
    publish();
    return {};
}

Util::Result<qint64> StrategyTrader::add(StrategyRun run)
{
    using R = Util::Result<qint64>;
    const auto strategy = Backtest::strategyFromJson(run.definition);
    if (!strategy)
        return R::failure(u"strategy: "_s + strategy.error());
    QStringList symbols;
    for (const QString &s : run.symbols) {
        Model::Symbol symbol;
        if (!Model::Symbol::fromString(s.trimmed().toUpper(), symbol))
            return R::failure(u"symbols: \"%1\" is not a symbol"_s.arg(s.left(40)));
        if (!symbols.contains(symbol.toString()))
            symbols << symbol.toString();
    }
    if (symbols.isEmpty())
        return R::failure(u"symbols: give at least one"_s);
    if (!strategy->timeframe.isTime())
        return R::failure(u"timeframe: a strategy trades live on time bars (1s to 1W)"_s);
    run.symbols = symbols;
    if (run.name.trimmed().isEmpty())
        run.name = strategy->name.isEmpty() ? u"strategy"_s : strategy->name;
    std::lock_guard lock(m_mutex);
    Storage::SqliteDatabase *db = database();
    if (!db)
        return R::failure(u"the database %1 cannot be opened"_s.arg(m_path));
    auto st = db->prepare("INSERT INTO strategy_runs (name, definition, symbols, enabled, state, updated_us) "
                          "VALUES (?1, ?2, ?3, ?4, '{}', ?5) RETURNING id");
    if (!st)
        return R::failure(st.error());
    // Bound, not copied: they live until the step.
    const QByteArray name = run.name.toUtf8();
    const QByteArray definition = compact(run.definition);
    const QByteArray list = symbols.join(u',').toUtf8();
    bindText(*st, 1, name);
    bindText(*st, 2, definition);
    bindText(*st, 3, list);
    st->bind(4, std::int64_t(run.enabled ? 1 : 0));
    st->bind(5, std::int64_t(Util::wallClockUs()));
    if (st->step() != Storage::Step::Row)
        return R::failure(db->lastError());
    run.id = st->columnInt64(0);
    Entry e;
    e.run = run;
    e.strategy = *strategy;
    m_runs.push_back(std::move(e));
    publish();
    return run.id;
}

Util::Status StrategyTrader::setEnabled(qint64 id, bool enabled)
{
    std::lock_guard lock(m_mutex);
    for (Entry &e : m_runs)
        if (e.run.id == id) {
            e.run.enabled = enabled;
            return saveState(e);
        }
    return Util::Status::failure(u"id: no strategy runs as %1"_s.arg(id));
}

Util::Status StrategyTrader::remove(qint64 id)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_runs.begin(), m_runs.end(), [id](const Entry &e) { return e.run.id == id; });
    if (it == m_runs.end())
        return Util::Status::failure(u"id: no strategy runs as %1"_s.arg(id));
    for (auto &[symbol, p] : it->positions)
        for (qint64 *order : {&p.entryOrder, &p.exitOrder, &p.stopOrder, &p.targetOrder})
            cancel(*order);
    Storage::SqliteDatabase *db = database();
    auto st = db ? db->prepare("DELETE FROM strategy_runs WHERE id = ?1")
                 : Util::Result<Storage::Statement>::failure(u"the database cannot be opened"_s);
    if (!st)
        return Util::Status::failure(st.error());
    st->bind(1, std::int64_t(id));
    if (st->step() != Storage::Step::Done)
        return Util::Status::failure(db->lastError());
    m_runs.erase(it);
    publish();
    return {};
}

std::vector<RunStatus> StrategyTrader::runs() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

void StrategyTrader::publish()
{
    std::vector<RunStatus> out;
    for (const Entry &e : m_runs)
        out.push_back({e.run, e.problem, e.positions});
    {
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot = std::move(out);
    }
    m_version.fetch_add(1, std::memory_order_relaxed);
}

void StrategyTrader::start(std::chrono::milliseconds interval)
{
    m_thread.start([this, interval] {
        for (;;) {
            {
                std::unique_lock lock(m_thread.mutex());
                m_thread.wake().wait_for(lock, interval, [this] { return m_thread.stopping(); });
                if (m_thread.stopping())
                    return;
            }
            poll(Util::wallClockUs());
        }
    });
}

void StrategyTrader::stop()
{
    m_thread.stop();
}

void StrategyTrader::poll(Model::TimestampUs now)
{
    std::lock_guard lock(m_mutex);
    for (Entry &e : m_runs) {
        if (!e.strategy)
            continue;
        bool changed = false;
        for (const QString &symbol : e.run.symbols) {
            RunPosition &p = e.positions[symbol];
            const RunPosition before = p;
            if (settle(e, symbol, p) && p.side != 0)
                protect(e, symbol, p);
            if (e.run.enabled)
                step(e, symbol, p, now);
            changed = changed || !(p == before);
        }
        if (changed)
            saveState(e);
    }
}

bool StrategyTrader::settle(Entry &e, const QString &symbol, RunPosition &p)
{
    PaperDesk &desk = m_orders.desk();
    const auto statusOf = [&](qint64 id) { return id ? desk.order(id) : std::nullopt; };
    bool opened = false;
    if (const auto o = statusOf(p.entryOrder); o && o->status != OrderStatus::Working) {
        p.entryOrder = 0;
        if (o->status == OrderStatus::Filled) {
            p.side = o->side == Side::Buy ? 1 : -1;
            p.quantity = o->quantity;
            p.entryPrice = o->fillPrice;
            p.barsHeld = 0;
            p.lastAction = u"%1 %2 %3 at %4"_s.arg(o->side == Side::Buy ? u"bought"_s : u"sold short"_s)
                               .arg(o->quantity)
                               .arg(symbol)
                               .arg(o->fillPrice);
            opened = true;
        } else {
            p.lastAction = u"entry %1: %2"_s.arg(statusName(o->status), o->reason);
        }
    }
    const auto closed = [&](const Order &o, const QString &how) {
        p.side = 0;
        p.quantity = 0;
        p.barsHeld = 0;
        p.lastAction = how.arg(o.status == OrderStatus::Filled ? QString::number(o.fillPrice) : o.reason);
    };
    if (const auto o = statusOf(p.exitOrder); o && o->status != OrderStatus::Working) {
        p.exitOrder = 0;
        cancel(p.stopOrder);
        cancel(p.targetOrder);
        closed(*o, o->status == OrderStatus::Filled ? u"closed at %1"_s : u"exit not filled: %1"_s);
        if (p.then != 0) {
            const int direction = p.then;
            p.then = 0;
            enter(e, symbol, p, direction, o->fillPrice);
        }
    }
    for (qint64 *protective : {&p.stopOrder, &p.targetOrder}) {
        const auto o = statusOf(*protective);
        if (!o || o->status == OrderStatus::Working)
            continue;
        const bool stop = protective == &p.stopOrder;
        *protective = 0;
        if (o->status == OrderStatus::Filled)
            closed(*o, stop ? u"stopped out at %1"_s : u"target reached at %1"_s);
    }
    return opened;
}

void StrategyTrader::protect(Entry &e, const QString &symbol, RunPosition &p)
{
    const Backtest::Strategy &s = *e.strategy;
    const bool isLong = p.side > 0;
    Order base;
    base.symbol = symbol;
    base.side = isLong ? Side::Sell : Side::BuyToCover;
    base.quantity = p.quantity;
    base.timeInForce = TimeInForce::Gtc;
    if (s.stopLossPercent > 0) {
        Order stop = base;
        stop.type = OrderType::Stop;
        stop.stopPrice = p.entryPrice * (isLong ? 1 - s.stopLossPercent / 100 : 1 + s.stopLossPercent / 100);
        stop.note = noteOf(e.run, "stop loss");
        p.stopOrder = place(stop, p);
    }
    if (s.takeProfitPercent > 0) {
        Order target = base;
        target.type = OrderType::Limit;
        target.limitPrice =
            std::max(0.0001, p.entryPrice * (isLong ? 1 + s.takeProfitPercent / 100 : 1 - s.takeProfitPercent / 100));
        target.note = noteOf(e.run, "take profit");
        target.ocoWith = p.stopOrder; // the stop goes first: both reached on one record, the stop fills
        p.targetOrder = place(target, p);
    }
}

void StrategyTrader::step(Entry &e, const QString &symbol, RunPosition &p, Model::TimestampUs now)
{
    const Backtest::Strategy &s = *e.strategy;
    Model::TimestampUs &due = e.due[symbol];
    if (now < due)
        return;
    Storage::SqliteDatabase *db = database();
    if (!db)
        return;
    Storage::BarQuery query;
    if (!Model::Symbol::fromString(symbol, query.symbol))
        return;
    query.timeframe = s.timeframe;
    query.limit = WarmBars;
    const Bars::Session session(m_orders.desk().zone());
    auto range = Storage::readBars(*db, query, session);
    if (!range || range->bars.empty())
        return;
    std::vector<Bars::Bar> &bars = range->bars;
    due = 0;
    if (bars.back().endTime > now) { // still forming: decided on once it closes
        due = bars.back().endTime;
        bars.pop_back();
    }
    if (bars.empty() || bars.back().openTime <= p.lastBar)
        return;
    const Model::TimestampUs newest = bars.back().openTime;
    if (p.lastBar == 0) { // a run begins with the next bar: the past is not traded
        p.lastBar = newest;
        p.lastAction = u"waiting for the next %1 bar"_s.arg(s.timeframe.name());
        return;
    }
    const auto fresh =
        std::count_if(bars.begin(), bars.end(), [&](const Bars::Bar &b) { return b.openTime > p.lastBar; });
    p.lastBar = newest;
    if (p.side != 0)
        p.barsHeld += int(fresh);
    if (p.entryOrder || p.exitOrder)
        return; // the last decision is still being carried out
    Backtest::SeriesCache cache(std::make_shared<Backtest::BarColumns>(Backtest::BarColumns::of(symbol, bars)));
    const std::vector<std::uint8_t> decisions = Backtest::decide(s, cache);
    const Backtest::CloseDecision d = Backtest::atClose(s, decisions.back(), p.side, p.barsHeld);
    const double lastClose = bars.back().close;
    if (d.exit && p.side != 0) {
        saveState(e); // the decision is kept before its orders: never placed twice
        cancel(p.stopOrder);
        cancel(p.targetOrder);
        Order exit;
        exit.symbol = symbol;
        exit.side = p.side > 0 ? Side::Sell : Side::BuyToCover;
        exit.quantity = p.quantity;
        exit.timeInForce = TimeInForce::Gtc;
        exit.note = noteOf(e.run, d.reason == Backtest::ExitReason::MaxBars ? "held its bars" : "exit");
        p.then = d.enter;
        p.exitOrder = place(exit, p);
        if (p.exitOrder)
            p.lastAction = u"closing %1 (%2)"_s.arg(symbol, d.reason == Backtest::ExitReason::MaxBars
                                                                ? u"held %1 bars"_s.arg(p.barsHeld)
                                                                : u"exit signal"_s);
    } else if (d.enter != 0 && p.side == 0) {
        saveState(e);
        enter(e, symbol, p, d.enter, lastClose);
    }
}

void StrategyTrader::enter(Entry &e, const QString &symbol, RunPosition &p, int direction, double lastClose)
{
    const Backtest::Strategy &s = *e.strategy;
    double quantity = s.size.value;
    if (s.size.kind != Backtest::Size::Kind::Shares) {
        const double value = s.size.kind == Backtest::Size::Kind::Cash
                                 ? s.size.value
                                 : m_orders.desk().account().equity() * s.size.value / 100;
        quantity = lastClose > 0 ? value / lastClose : 0;
    }
    if (s.wholeShares)
        quantity = std::floor(quantity + 1e-9);
    quantity = std::floor(quantity * 1e6) / 1e6;
    if (!(quantity > 0)) {
        p.lastAction = u"no entry: the position's size comes to 0 shares"_s;
        return;
    }
    Order entry;
    entry.symbol = symbol;
    entry.side = direction > 0 ? Side::Buy : Side::SellShort;
    entry.quantity = quantity;
    entry.timeInForce = TimeInForce::Gtc;
    entry.note = noteOf(e.run, "entry");
    p.entryOrder = place(entry, p);
    if (p.entryOrder)
        p.lastAction =
            u"%1 %2 %3 at the open"_s.arg(direction > 0 ? u"buying"_s : u"selling short"_s).arg(quantity).arg(symbol);
}

qint64 StrategyTrader::place(Order order, RunPosition &p)
{
    std::promise<Util::Result<Order>> answered;
    auto answer = answered.get_future();
    m_orders.place(order, [&answered](const Util::Result<Order> &r) { answered.set_value(r); });
    const Util::Result<Order> placed = answer.get();
    if (!placed) {
        p.lastAction = u"order refused: %1"_s.arg(placed.error());
        return 0;
    }
    return placed->id;
}

void StrategyTrader::cancel(qint64 &id)
{
    if (id == 0)
        return;
    if (const auto o = m_orders.desk().order(id); o && o->status == OrderStatus::Working) {
        std::promise<void> done;
        auto waited = done.get_future();
        m_orders.cancel(
            id, [&done](const Util::Result<Order> &) { done.set_value(); }, u"cancelled by its strategy"_s);
        waited.get();
    }
    id = 0;
}

} // namespace Trading
