// SPDX-License-Identifier: MIT
#include "Schema.h"

#include "SqliteDatabase.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Storage::Schema {

namespace {

// Times are UTC microseconds since the Unix epoch (column suffix _us).
// Never edit a step once released: add the next one.
constexpr std::array Steps{
    // 1: the data contract's records and the signals table.
    R"sql(
CREATE TABLE ticks (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    open REAL NOT NULL,
    high REAL NOT NULL,
    low REAL NOT NULL,
    close REAL NOT NULL,
    volume INTEGER NOT NULL
);
CREATE INDEX ticks_symbol_ts ON ticks(symbol, ts_us);

CREATE TABLE order_book (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    price REAL NOT NULL,
    quantity REAL NOT NULL
);
CREATE INDEX order_book_symbol_ts ON order_book(symbol, ts_us);

CREATE TABLE news_sentiment (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    score REAL NOT NULL,
    magnitude REAL NOT NULL
);
CREATE INDEX news_sentiment_symbol_ts ON news_sentiment(symbol, ts_us);

CREATE TABLE market_data (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    market_cap REAL NOT NULL,
    pe_ratio REAL NOT NULL
);
CREATE INDEX market_data_symbol_ts ON market_data(symbol, ts_us);

CREATE TABLE economic_indicators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    value REAL NOT NULL
);
CREATE INDEX economic_indicators_name_ts ON economic_indicators(name, ts_us);

CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    created_us INTEGER NOT NULL,
    rule TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell', 'alert')),
    price REAL NOT NULL,
    reason TEXT NOT NULL,
    snapshot TEXT NOT NULL DEFAULT '{}',
    latency_ns INTEGER
);
CREATE INDEX signals_symbol_ts ON signals(symbol, ts_us);
CREATE INDEX signals_ts ON signals(ts_us);
)sql",
    // 2: the notification outbox. A trigger puts a row per enabled channel next to each
    // signal, in the signal's own transaction: nothing stored is ever left untold.
    R"sql(
CREATE TABLE notification_channels (
    name TEXT PRIMARY KEY,
    alerts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    batch TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_us INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_us INTEGER NOT NULL,
    delivered_us INTEGER
);
CREATE INDEX notifications_due ON notifications(channel, status, next_attempt_us);
CREATE INDEX notifications_signal ON notifications(signal_id);
CREATE TRIGGER signals_to_outbox AFTER INSERT ON signals
BEGIN
    INSERT INTO notifications(signal_id, channel, created_us)
    SELECT NEW.id, c.name, NEW.created_us FROM notification_channels c
    WHERE NEW.side <> 'alert' OR c.alerts <> 0;
END;
)sql",
};

} // namespace

int currentVersion()
{
    return int(Steps.size());
}

Util::Status migrate(SqliteDatabase &db)
{
    // journal_mode answers with a row, so it cannot go through exec's error path alone.
    if (auto s = db.exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"); !s)
        return Util::Status::failure(u"cannot set up %1: %2"_s.arg(db.path(), s.error()));

    const int version = int(db.scalar("PRAGMA user_version", -1));
    if (version < 0)
        return Util::Status::failure(u"%1 is not a TickDesk database: %2"_s.arg(db.path(), db.lastError()));
    if (version > currentVersion())
        return Util::Status::failure(
            u"%1 was written by a newer TickDesk (schema %2, this build knows %3)"_s.arg(db.path()).arg(version).arg(
                currentVersion()));

    for (int step = version; step < currentVersion(); ++step) {
        const QByteArray sql = QByteArray("BEGIN IMMEDIATE;") + Steps[std::size_t(step)] +
                               "PRAGMA user_version = " + QByteArray::number(step + 1) + ";COMMIT;";
        if (auto s = db.exec(sql.constData()); !s) {
            db.exec("ROLLBACK");
            return Util::Status::failure(
                u"cannot migrate %1 to schema %2: %3"_s.arg(db.path()).arg(step + 1).arg(s.error()));
        }
    }
    return {};
}

} // namespace Storage::Schema
