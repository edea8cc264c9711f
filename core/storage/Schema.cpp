// SPDX-License-Identifier: MIT
#include "Schema.h"

#include "BarBlocks.h"
#include "BarStore.h"
#include "SqliteDatabase.h"

#include <algorithm>
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
    // 3: bars by integer symbol id, clustered by (symbol, time), with two arrival-order logs in front.
    // A commit that brings a few rows for each of thousands of symbols appends them to the active log
    // (a handful of pages) instead of touching one page of `bars` per symbol; the writer later moves a
    // full log into `bars` in one sorted pass. Rows of a log whose symbol id is at most its
    // merged_through are already in `bars`. Prices have no column type so that SQLite keeps whole
    // ten-thousandths as integers (PriceCodec.h). `ticks` shows all of it as the earlier table was.
    R"sql(
CREATE TABLE symbols (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE bars (
    symbol_id INTEGER NOT NULL,
    ts_us INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    open NOT NULL,
    high NOT NULL,
    low NOT NULL,
    close NOT NULL,
    volume INTEGER NOT NULL,
    PRIMARY KEY (symbol_id, ts_us, seq)
) WITHOUT ROWID;
CREATE TABLE bars_log0 (
    bucket INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    symbol_id INTEGER NOT NULL,
    ts_us INTEGER NOT NULL,
    open NOT NULL,
    high NOT NULL,
    low NOT NULL,
    close NOT NULL,
    volume INTEGER NOT NULL,
    PRIMARY KEY (bucket, seq)
) WITHOUT ROWID;
CREATE TABLE bars_log1 (
    bucket INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    symbol_id INTEGER NOT NULL,
    ts_us INTEGER NOT NULL,
    open NOT NULL,
    high NOT NULL,
    low NOT NULL,
    close NOT NULL,
    volume INTEGER NOT NULL,
    PRIMARY KEY (bucket, seq)
) WITHOUT ROWID;
CREATE TABLE bars_logs (
    log INTEGER PRIMARY KEY,
    frozen INTEGER NOT NULL DEFAULT 0,
    merged_through INTEGER NOT NULL DEFAULT -1
);
INSERT INTO bars_logs(log) VALUES (0), (1);
CREATE TABLE bar_sequence (next INTEGER NOT NULL);
INSERT INTO bar_sequence SELECT coalesce(max(id), 0) + 1 FROM ticks;

INSERT INTO symbols(name) SELECT DISTINCT symbol FROM ticks ORDER BY symbol;
INSERT INTO bars
SELECT s.id, t.ts_us, t.id,
       CASE WHEN abs(t.open) < 1e12 AND CAST(round(t.open * 10000) AS INTEGER) / 10000.0 = t.open THEN CAST(round(t.open * 10000) AS INTEGER) ELSE t.open END,
       CASE WHEN abs(t.high) < 1e12 AND CAST(round(t.high * 10000) AS INTEGER) / 10000.0 = t.high THEN CAST(round(t.high * 10000) AS INTEGER) ELSE t.high END,
       CASE WHEN abs(t.low) < 1e12 AND CAST(round(t.low * 10000) AS INTEGER) / 10000.0 = t.low THEN CAST(round(t.low * 10000) AS INTEGER) ELSE t.low END,
       CASE WHEN abs(t.close) < 1e12 AND CAST(round(t.close * 10000) AS INTEGER) / 10000.0 = t.close THEN CAST(round(t.close * 10000) AS INTEGER) ELSE t.close END,
       t.volume
FROM ticks t JOIN symbols s ON s.name = t.symbol
ORDER BY s.id, t.ts_us, t.id;
DROP TABLE ticks;

CREATE VIEW ticks AS
SELECT b.seq AS id, s.name AS symbol, b.ts_us AS ts_us,
       CASE WHEN typeof(b.open) = 'integer' THEN b.open / 10000.0 ELSE b.open END AS open,
       CASE WHEN typeof(b.high) = 'integer' THEN b.high / 10000.0 ELSE b.high END AS high,
       CASE WHEN typeof(b.low) = 'integer' THEN b.low / 10000.0 ELSE b.low END AS low,
       CASE WHEN typeof(b.close) = 'integer' THEN b.close / 10000.0 ELSE b.close END AS close,
       b.volume AS volume
FROM bars b JOIN symbols s ON s.id = b.symbol_id
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log0 l JOIN symbols s ON s.id = l.symbol_id WHERE l.symbol_id > (SELECT merged_through FROM bars_logs WHERE log = 0)
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log1 l JOIN symbols s ON s.id = l.symbol_id WHERE l.symbol_id > (SELECT merged_through FROM bars_logs WHERE log = 1);
)sql",
    // 4: a signal records the timeframe of the bars its rule looked at; before, every rule looked at records.
    R"sql(
ALTER TABLE signals ADD COLUMN timeframe TEXT NOT NULL DEFAULT 'record';
)sql",
    // 5: closed bars of the kept time frames (1m to 1W), written by the storage writer in the transaction
    // of the record that closed them, so a chart reads years of history as bars instead of records, and
    // retention can delete old records without losing their bars. Bars depend on the session's time zone
    // (days, weeks, and intraday bars counted from the day's start): each (time frame, zone) has an id.
    // A track says from when a symbol's bars of a time frame are all here; older ones come from records.
    // history_forming holds a forming bar only where it is not the sum of the shorter time frame's bars
    // (a record too late for the shorter one still joined it).
    R"sql(
CREATE TABLE history_timeframes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    zone TEXT NOT NULL,
    UNIQUE (name, zone)
);
CREATE TABLE history_tracks (
    symbol_id INTEGER NOT NULL,
    timeframe_id INTEGER NOT NULL,
    since_us INTEGER NOT NULL,
    PRIMARY KEY (symbol_id, timeframe_id)
) WITHOUT ROWID;
CREATE TABLE history_bars (
    symbol_id INTEGER NOT NULL,
    timeframe_id INTEGER NOT NULL,
    open_us INTEGER NOT NULL,
    end_us INTEGER NOT NULL,
    open NOT NULL,
    high NOT NULL,
    low NOT NULL,
    close NOT NULL,
    volume INTEGER NOT NULL,
    records INTEGER NOT NULL,
    PRIMARY KEY (symbol_id, timeframe_id, open_us)
) WITHOUT ROWID;
CREATE TABLE history_forming (
    symbol_id INTEGER NOT NULL,
    timeframe_id INTEGER NOT NULL,
    open_us INTEGER NOT NULL,
    end_us INTEGER NOT NULL,
    open NOT NULL,
    high NOT NULL,
    low NOT NULL,
    close NOT NULL,
    volume INTEGER NOT NULL,
    records INTEGER NOT NULL,
    PRIMARY KEY (symbol_id, timeframe_id)
) WITHOUT ROWID;
)sql",
    // 6: alerts the trader writes (their JSON form, see alerts/AlertDefinition.h) and each one's state per
    // symbol, so that an alert that fired once does not fire again after a restart.
    R"sql(
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    definition TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    updated_us INTEGER NOT NULL
);
CREATE TABLE alert_states (
    alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    symbol TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'fired', 'expired', 'disabled', 'error')),
    count INTEGER NOT NULL DEFAULT 0,
    last_fire_us INTEGER,
    last_fire_bar_us INTEGER,
    side INTEGER NOT NULL DEFAULT 0,
    closes TEXT NOT NULL DEFAULT '',
    error TEXT,
    PRIMARY KEY (alert_id, symbol)
) WITHOUT ROWID;
)sql",
    // 7: lines and boxes drawn on a symbol's charts (alerts/Drawing.h); a line may carry one of the alerts.
    R"sql(
CREATE TABLE drawings (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('horizontal', 'trend', 'rectangle')),
    time1_us INTEGER NOT NULL,
    price1 REAL NOT NULL,
    time2_us INTEGER NOT NULL,
    price2 REAL NOT NULL,
    alert_id INTEGER REFERENCES alerts(id) ON DELETE SET NULL,
    created_us INTEGER NOT NULL
);
CREATE INDEX drawings_by_symbol ON drawings(symbol);
)sql",
    // 8: a fire of an alert the trader wrote goes to every channel (they asked for it by writing it); a channel's
    // "alerts" switch is about the built-in rules' alerts (price moves, news) only.
    R"sql(
DROP TRIGGER signals_to_outbox;
CREATE TRIGGER signals_to_outbox AFTER INSERT ON signals
BEGIN
    INSERT INTO notifications(signal_id, channel, created_us)
    SELECT NEW.id, c.name, NEW.created_us FROM notification_channels c
    WHERE NEW.side <> 'alert' OR c.alerts <> 0 OR NEW.snapshot LIKE '{"alert_id":%';
END;
)sql",
    // 9: trades, entered by hand (the trades API) or filled by the paper broker, in the order they happened, the
    // paper broker's orders and the signals it trades on, and the stored analyses of the trades' days (per zone).
    R"sql(
CREATE TABLE trades (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell', 'sell_short', 'buy_to_cover')),
    quantity REAL NOT NULL CHECK (quantity > 0),
    price REAL NOT NULL CHECK (price > 0),
    fee REAL NOT NULL DEFAULT 0,
    ts_us INTEGER NOT NULL,
    order_id INTEGER,
    note TEXT NOT NULL DEFAULT '',
    created_us INTEGER NOT NULL
);
CREATE INDEX trades_by_time ON trades(ts_us, id);
CREATE INDEX trades_by_symbol ON trades(symbol, ts_us, id);
CREATE TABLE paper_orders (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    type TEXT NOT NULL,
    quantity REAL NOT NULL,
    limit_price REAL NOT NULL DEFAULT 0,
    stop_price REAL NOT NULL DEFAULT 0,
    time_in_force TEXT NOT NULL,
    placed_us INTEGER NOT NULL,
    expires_us INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE paper_autotrade (
    position INTEGER PRIMARY KEY,
    definition TEXT NOT NULL
);
CREATE TABLE trade_days (
    day TEXT NOT NULL,
    zone TEXT NOT NULL,
    analysis TEXT NOT NULL,
    computed_us INTEGER NOT NULL,
    PRIMARY KEY (day, zone)
) WITHOUT ROWID;
)sql",
    // 10: paper accounts. A reset begins a new account (its row: the cash it starts with); a trade belongs to the
    // account current when it was made, and the positions are those of the newest account's trades. The equity
    // each day began with, so the day's P/L survives a restart.
    R"sql(
ALTER TABLE trades ADD COLUMN account INTEGER NOT NULL DEFAULT 0;
CREATE TABLE paper_accounts (
    id INTEGER PRIMARY KEY,
    starting_cash REAL NOT NULL,
    began_us INTEGER NOT NULL
);
CREATE TABLE paper_days (
    account INTEGER NOT NULL,
    day TEXT NOT NULL,
    start_equity REAL NOT NULL,
    PRIMARY KEY (account, day)
) WITHOUT ROWID;
)sql",
    // 11: the strategy tester's saved strategies, each its JSON form under a name.
    R"sql(
CREATE TABLE strategies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL,
    updated_us INTEGER NOT NULL
);
)sql",
    // 12: strategies trading live on the paper account: what each trades and where it stands per symbol. Orders
    // may be paired (one cancels the other: a position's stop and target) and keep the price they filled at.
    R"sql(
ALTER TABLE paper_orders ADD COLUMN oco INTEGER NOT NULL DEFAULT 0;
ALTER TABLE paper_orders ADD COLUMN fill_price REAL NOT NULL DEFAULT 0;
CREATE TABLE strategy_runs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    symbols TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT '{}',
    updated_us INTEGER NOT NULL
);
)sql",
    // 13: a bar log keeps each commit's rows of a bucket in one value of a compact form (BarRowCodec.h), read
    // back through the function bar_rows(data): a commit over thousands of symbols writes a few values
    // instead of a row and its key per record. A frozen log moves a bucket (symbol id / 16 mod 64) at a time: its
    // rows up to (merged_bucket, merged_through, merged_ts, merged_seq) in (bucket, symbol id, time, sequence)
    // order are moved already, so a move may stop inside a symbol's rows. The rows of the earlier logs move
    // into `bars`.
    R"sql(
DROP VIEW ticks;
INSERT INTO bars SELECT symbol_id, ts_us, seq, open, high, low, close, volume FROM bars_log0
WHERE symbol_id > (SELECT merged_through FROM bars_logs WHERE log = 0);
INSERT INTO bars SELECT symbol_id, ts_us, seq, open, high, low, close, volume FROM bars_log1
WHERE symbol_id > (SELECT merged_through FROM bars_logs WHERE log = 1);
DROP TABLE bars_log0;
DROP TABLE bars_log1;
ALTER TABLE bars_logs ADD COLUMN merged_bucket INTEGER NOT NULL DEFAULT -1;
ALTER TABLE bars_logs ADD COLUMN merged_ts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bars_logs ADD COLUMN merged_seq INTEGER NOT NULL DEFAULT 0;
UPDATE bars_logs SET frozen = 0, merged_bucket = -1, merged_through = -1, merged_ts = 0, merged_seq = 0;
CREATE TABLE bars_log0 (
    bucket INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (bucket, first_seq)
) WITHOUT ROWID;
CREATE TABLE bars_log1 (
    bucket INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (bucket, first_seq)
) WITHOUT ROWID;
CREATE VIEW ticks AS
SELECT b.seq AS id, s.name AS symbol, b.ts_us AS ts_us,
       CASE WHEN typeof(b.open) = 'integer' THEN b.open / 10000.0 ELSE b.open END AS open,
       CASE WHEN typeof(b.high) = 'integer' THEN b.high / 10000.0 ELSE b.high END AS high,
       CASE WHEN typeof(b.low) = 'integer' THEN b.low / 10000.0 ELSE b.low END AS low,
       CASE WHEN typeof(b.close) = 'integer' THEN b.close / 10000.0 ELSE b.close END AS close,
       b.volume AS volume
FROM bars b JOIN symbols s ON s.id = b.symbol_id
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log0 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 64, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 0)
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log1 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 64, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 1);
)sql",
    // 14: bars in blocks of up to 512 rows of one symbol in the compact form (BarBlocks.h), found by the symbol
    // and the block's last time and sequence: one row and one index entry per block instead of a row per
    // record, about 12 bytes a record. The rows of `bars` move into blocks (FinishSteps below), then `bars` goes.
    R"sql(
CREATE TABLE bar_blocks (
    id INTEGER PRIMARY KEY,
    symbol_id INTEGER NOT NULL,
    last_ts INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    first_ts INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE UNIQUE INDEX bar_blocks_by_symbol ON bar_blocks(symbol_id, last_ts, last_seq);
)sql",
    // 15: the storage writer puts a signal's rows in the notification outbox itself, in the signal's transaction,
    // reading the channels once per transaction instead of running a trigger program per signal.
    R"sql(
DROP TRIGGER signals_to_outbox;
)sql",
    // 16: how far each kind of stored row (signals, trades) has been published to NATS JetStream and acknowledged
    // there, so that a restart carries on from the next one; and a name of this database, random, that makes
    // the message ids of two databases publishing into one stream differ.
    R"sql(
CREATE TABLE nats_published (
    kind TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);
CREATE TABLE database_identity (id TEXT NOT NULL);
INSERT INTO database_identity(id) VALUES (lower(hex(randomblob(8))));
)sql",
    // 17: history fetched from sources. The records a refresh stored are written in transactions of their own,
    // whose sequence numbers are kept here: readers place them by time instead of where they arrived, so a
    // filled gap joins the bars around it. The outcome of each symbol's last refresh from each source. Spans a
    // source had no bars for (holidays, halts), so gap searches do not ask again.
    R"sql(
CREATE TABLE history_backfills (
    first_seq INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);
CREATE TABLE history_refreshes (
    symbol TEXT NOT NULL,
    source TEXT NOT NULL,
    at_us INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    stored INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    corrected INTEGER NOT NULL,
    differing INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (symbol, source)
) WITHOUT ROWID;
CREATE TABLE history_empty_spans (
    symbol TEXT NOT NULL,
    source TEXT NOT NULL,
    from_us INTEGER NOT NULL,
    to_us INTEGER NOT NULL,
    PRIMARY KEY (symbol, source, from_us)
) WITHOUT ROWID;
)sql",
    // 18: records consumed from a NATS JetStream work queue: per consumed subject filter, the stream's creation
    // time and the sequence number of the last message whose records committed, written in the records'
    // transaction. A message delivered again (the node died between its commit and its acknowledgement) is then
    // known as applied and only acknowledged.
    R"sql(
CREATE TABLE nats_ingest (
    filter TEXT PRIMARY KEY,
    stream_created INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // 19: the bar logs become tables of rows in the order they were appended, found by an index on (bucket,
    // first_seq). Keyed by those columns (WITHOUT ROWID), a value longer than about a quarter page (a commit's rows
    // of one bucket: 1–2 KB at thousands of symbols) spilled into an overflow page of its own, so each commit
    // wrote a leaf and an overflow page for each of its 64 buckets, some 250 WAL pages for 8,000 records. Appended
    // at a table's end, two values share a page and only the small index entries go to 64 places.
    R"sql(
CREATE TABLE bars_log_moving (
    bucket INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO bars_log_moving SELECT bucket, first_seq, rows, data FROM bars_log0;
DROP TABLE bars_log0;
CREATE TABLE bars_log0 (
    bucket INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO bars_log0 SELECT bucket, first_seq, rows, data FROM bars_log_moving ORDER BY first_seq;
CREATE INDEX bars_log0_by_bucket ON bars_log0(bucket, first_seq);
DELETE FROM bars_log_moving;
INSERT INTO bars_log_moving SELECT bucket, first_seq, rows, data FROM bars_log1;
DROP TABLE bars_log1;
CREATE TABLE bars_log1 (
    bucket INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO bars_log1 SELECT bucket, first_seq, rows, data FROM bars_log_moving ORDER BY first_seq;
CREATE INDEX bars_log1_by_bucket ON bars_log1(bucket, first_seq);
DELETE FROM bars_log_moving;
DROP TABLE bars_log_moving;
)sql",
    // 20: the bar logs in 16 buckets instead of 64 (BarStore::LogBuckets): the view reads a log's rows past its
    // mark, which orders by bucket. The values move in BarStore::toSixteenBuckets.
    R"sql(
DROP VIEW ticks;
CREATE VIEW ticks AS
SELECT b.seq AS id, s.name AS symbol, b.ts_us AS ts_us,
       CASE WHEN typeof(b.open) = 'integer' THEN b.open / 10000.0 ELSE b.open END AS open,
       CASE WHEN typeof(b.high) = 'integer' THEN b.high / 10000.0 ELSE b.high END AS high,
       CASE WHEN typeof(b.low) = 'integer' THEN b.low / 10000.0 ELSE b.low END AS low,
       CASE WHEN typeof(b.close) = 'integer' THEN b.close / 10000.0 ELSE b.close END AS close,
       b.volume AS volume
FROM bar_blocks k, bar_rows(k.data) b JOIN symbols s ON s.id = k.symbol_id
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log0 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 16, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 0)
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log1 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 16, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 1);
)sql",
    // 21: CHECK constraints that listed three or more values (`side IN ('buy', 'sell', 'alert')`) compare with each
    // value instead: SQLite built a temporary index of such a list for every row it checked, about half of what
    // storing a signal cost. Only the constraints' text changes, in sqlite_schema (checksWithoutLists below).
    "",
    // 22: each symbol's signals in time order in a table the storage writer fills a batch at a time, in symbol
    // order (SignalIndex.h), instead of an index on `signals` that took a page per symbol in every commit.
    R"sql(
CREATE TABLE signals_by_symbol (
    symbol TEXT NOT NULL,
    ts_us INTEGER NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (symbol, ts_us, id)
) WITHOUT ROWID;
INSERT INTO signals_by_symbol SELECT symbol, ts_us, id FROM signals ORDER BY symbol, ts_us, id;
CREATE TABLE signals_indexed (
    through_id INTEGER NOT NULL,
    batch_end INTEGER NOT NULL,
    cursor TEXT NOT NULL
);
INSERT INTO signals_indexed SELECT coalesce(max(id), 0), coalesce(max(id), 0), '' FROM signals;
DROP INDEX signals_symbol_ts;
)sql",
    // 23: the bar logs' values found by bucket through a table the storage writer fills a batch at a time
    // (LogIndex.h), instead of an index on each log that took a page per bucket in every commit.
    R"sql(
CREATE TABLE bars_log_index (
    log INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    row INTEGER NOT NULL,
    PRIMARY KEY (log, bucket, row)
) WITHOUT ROWID;
INSERT INTO bars_log_index SELECT 0, bucket, rowid FROM bars_log0 ORDER BY bucket, rowid;
INSERT INTO bars_log_index SELECT 1, bucket, rowid FROM bars_log1 ORDER BY bucket, rowid;
ALTER TABLE bars_logs ADD COLUMN indexed_row INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bars_logs ADD COLUMN batch_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bars_logs ADD COLUMN batch_bucket INTEGER NOT NULL DEFAULT -1;
UPDATE bars_logs SET indexed_row = coalesce((SELECT max(rowid) FROM bars_log0), 0) WHERE log = 0;
UPDATE bars_logs SET indexed_row = coalesce((SELECT max(rowid) FROM bars_log1), 0) WHERE log = 1;
UPDATE bars_logs SET batch_end = indexed_row;
DROP INDEX bars_log0_by_bucket;
DROP INDEX bars_log1_by_bucket;
)sql",
};

/// A CHECK constraint as an earlier step wrote it, and the same test without a list of values.
struct ListCheck
{
    const char *table;
    const char *written;
    const char *rewritten;
};

const ListCheck ListChecks[] = {
    {"signals", "CHECK (side IN ('buy', 'sell', 'alert'))", "CHECK (side = 'buy' OR side = 'sell' OR side = 'alert')"},
    {"notifications", "CHECK (status IN ('pending', 'delivered', 'failed'))",
     "CHECK (status = 'pending' OR status = 'delivered' OR status = 'failed')"},
    {"alert_states", "CHECK (status IN ('active', 'fired', 'expired', 'disabled', 'error'))",
     "CHECK (status = 'active' OR status = 'fired' OR status = 'expired' OR status = 'disabled' OR status = 'error')"},
    {"drawings", "CHECK (kind IN ('horizontal', 'trend', 'rectangle'))",
     "CHECK (kind = 'horizontal' OR kind = 'trend' OR kind = 'rectangle')"},
    {"trades", "CHECK (side IN ('buy', 'sell', 'sell_short', 'buy_to_cover'))",
     "CHECK (side = 'buy' OR side = 'sell' OR side = 'sell_short' OR side = 'buy_to_cover')"},
};

/// Step 21. The rows already satisfy the new constraints (each accepts exactly what the old one did), so only the
/// tables' text in sqlite_schema changes, with the schema's version raised so that every connection reads it again:
/// SQLite's documented way to change a CHECK constraint without copying the table.
Util::Status checksWithoutLists(SqliteDatabase &db)
{
    const qint64 schemaVersion = db.scalar("PRAGMA schema_version", -1);
    if (schemaVersion < 0)
        return Util::Status::failure(db.lastError());
    if (auto s = db.exec("PRAGMA writable_schema = ON"); !s)
        return s;
    Util::Status status;
    auto update = db.prepare(
        "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE type = 'table' AND name = ?1 AND instr(sql, ?2)");
    if (!update)
        status = Util::Status::failure(update.error());
    else
        for (const ListCheck &check : ListChecks) {
            update->bindText(1, std::string_view(check.table));
            update->bindText(2, std::string_view(check.written));
            update->bindText(3, std::string_view(check.rewritten));
            if (const QString error = db.run(*update); !error.isEmpty()) {
                status = Util::Status::failure(error);
                break;
            }
        }
    if (status)
        status = db.exec(QByteArray("PRAGMA schema_version = " + QByteArray::number(schemaVersion + 1)).constData());
    if (auto s = db.exec("PRAGMA writable_schema = OFF"); status && !s)
        status = s;
    return status;
}

/// Work a step does after its SQL, in its transaction: code, then more SQL.
struct Finish
{
    int step; ///< the version the step brings the file to
    Util::Status (*run)(SqliteDatabase &);
    const char *sql;
};

const Finish FinishSteps[] = {
    {14, &BarBlocks::fromRows, R"sql(
DROP VIEW ticks;
DROP TABLE bars;
CREATE VIEW ticks AS
SELECT b.seq AS id, s.name AS symbol, b.ts_us AS ts_us,
       CASE WHEN typeof(b.open) = 'integer' THEN b.open / 10000.0 ELSE b.open END AS open,
       CASE WHEN typeof(b.high) = 'integer' THEN b.high / 10000.0 ELSE b.high END AS high,
       CASE WHEN typeof(b.low) = 'integer' THEN b.low / 10000.0 ELSE b.low END AS low,
       CASE WHEN typeof(b.close) = 'integer' THEN b.close / 10000.0 ELSE b.close END AS close,
       b.volume AS volume
FROM bar_blocks k, bar_rows(k.data) b JOIN symbols s ON s.id = k.symbol_id
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log0 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 64, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 0)
UNION ALL
SELECT l.seq AS id, s.name AS symbol, l.ts_us AS ts_us,
       CASE WHEN typeof(l.open) = 'integer' THEN l.open / 10000.0 ELSE l.open END AS open,
       CASE WHEN typeof(l.high) = 'integer' THEN l.high / 10000.0 ELSE l.high END AS high,
       CASE WHEN typeof(l.low) = 'integer' THEN l.low / 10000.0 ELSE l.low END AS low,
       CASE WHEN typeof(l.close) = 'integer' THEN l.close / 10000.0 ELSE l.close END AS close,
       l.volume AS volume
FROM bars_log1 j, bar_rows(j.data) l JOIN symbols s ON s.id = l.symbol_id WHERE (l.symbol_id / 16 % 64, l.symbol_id, l.ts_us, l.seq) > (SELECT merged_bucket, merged_through, merged_ts, merged_seq FROM bars_logs WHERE log = 1);
)sql"},
    {20, &BarStore::toSixteenBuckets, ""},
    {21, &checksWithoutLists, ""},
};

} // namespace

int currentVersion()
{
    return int(Steps.size());
}

Util::Status migrate(SqliteDatabase &db, int upTo)
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

    for (int step = version; step < std::min(upTo, currentVersion()); ++step) {
        const QByteArray sql = QByteArray("BEGIN IMMEDIATE;") + Steps[std::size_t(step)];
        Util::Status s = db.exec(sql.constData());
        for (const Finish &finish : FinishSteps) {
            if (s && finish.step == step + 1)
                s = finish.run(db);
            if (s && finish.step == step + 1)
                s = db.exec(finish.sql);
        }
        if (s)
            s = db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(step + 1) + ";COMMIT;").constData());
        if (!s) {
            db.exec("ROLLBACK");
            return Util::Status::failure(
                u"cannot migrate %1 to schema %2: %3"_s.arg(db.path()).arg(step + 1).arg(s.error()));
        }
    }
    return {};
}

} // namespace Storage::Schema
